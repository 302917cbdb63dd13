#!/usr/bin/env bash
# Installs the Debian 12 packages kgraph needs to build and test, and only those that are missing.
# Idempotent: a second run installs nothing and takes well under a second.
# Needs root or sudo when something is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  liblink-grammar-dev link-grammar-dictionaries-en   # the English parser and its dictionary
  libserd-dev serdi libsord-dev                      # Turtle writing / reading
  libboost-graph-dev                                 # the graph model
  libpugixml-dev rapidjson-dev                       # GraphML, JSON-LD / JSON Lines
  libicu-dev                                         # sentence breaking, UTF-8 validation
  libcli11-dev                                       # command-line options
  wordnet-base                                       # lemmas and noun categories
  catch2                                             # unit tests
  raptor2-utils                                      # rapper: independent Turtle checker in tests
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 2; fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
