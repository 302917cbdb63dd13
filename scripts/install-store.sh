#!/usr/bin/env bash
# Installs what the triple-store tests and scripts/triplestore.sh need, and only what is missing:
#   - Debian's virtuoso-opensource (Virtuoso 7.2: virtuoso-t server, isql-vt client);
#   - the npm package oxigraph, into tests/store/node_modules, from the committed
#     tests/store/package.json + package-lock.json (`npm ci`), unless it is already there.
# Idempotent: a second run installs nothing and takes well under a second.
# Needs root or sudo when a Debian package is missing; needs the npm registry when node_modules is.
# Usage: scripts/install-store.sh [--virtuoso-only | --oxigraph-only]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
want_virtuoso=1 want_oxigraph=1
case "${1:-}" in
  --virtuoso-only) want_oxigraph=0 ;;
  --oxigraph-only) want_virtuoso=0 ;;
  "") ;;
  *) echo "usage: $0 [--virtuoso-only | --oxigraph-only]" >&2; exit 2 ;;
esac

if [ "$want_virtuoso" = 1 ]; then
  # virtuoso-opensource pulls in virtuoso-opensource-7 (-bin: virtuoso-t, isql-vt). Its postinst
  # tries to start the system-wide service and, finding the default dba password, shuts it down
  # again and disables it (RUN=no), so no daemon is left behind; the tests run private instances.
  packages=(virtuoso-opensource curl)
  missing=()
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "install-store: installing ${missing[*]}" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null; then sudo="sudo"; else
        echo "install-store: need root or sudo to install: ${missing[*]}" >&2; exit 2; fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    # Wait for another apt/dpkg run (e.g. install-deps.sh in parallel) instead of failing.
    $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
    $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  for exe in virtuoso-t isql-vt; do
    command -v "$exe" >/dev/null || { echo "install-store: $exe not found after installing virtuoso-opensource" >&2; exit 2; }
  done
fi

if [ "$want_oxigraph" = 1 ]; then
  store="$root/tests/store"
  if [ ! -f "$store/node_modules/oxigraph/package.json" ]; then
    command -v npm >/dev/null || { echo "install-store: npm not found (needed for oxigraph)" >&2; exit 2; }
    echo "install-store: installing oxigraph into tests/store/node_modules (npm ci)" >&2
    (cd "$store" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
fi
