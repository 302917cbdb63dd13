#!/usr/bin/env bash
# Installs the Debian 12 packages kgraph needs to build and test, and only those that are missing.
# Idempotent: a second run installs nothing and takes well under a second.
# Needs root or sudo when something is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  liblink-grammar-dev link-grammar-dictionaries-en   # the English parser and its dictionary
  libserd-dev serdi                                  # RDF writing and reading back
  libboost-graph-dev                                 # the graph model
  libpugixml-dev rapidjson-dev                       # GraphML, JSON-LD / JSON Lines
  libicu-dev                                         # sentence breaking, UTF-8 validation
  libcli11-dev                                       # command-line options
  wordnet-base                                       # lemmas and noun categories
  catch2                                             # unit tests
  raptor2-utils                                      # rapper: independent RDF parser in tests
  python3-rdflib                                     # tests: JSON-LD and Turtle are the same graph
  python3-networkx python3-scipy python3-igraph      # tests: read GraphML/GEXF, check PageRank
  graphviz                                           # tests: read graph.dot; pictures from it
  time                                               # bench: /usr/bin/time -v (peak RSS)
  parallel                                           # tests: sharded builds with GNU parallel (README)
  clang libclang-rt-14-dev                           # make fuzz: libFuzzer targets (tests/fuzz)
)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/apt-missing.sh
. "$here/apt-missing.sh"
mapfile -t missing < <(apt_missing "${packages[@]}")

# Node.js and npm run the JavaScript readers of the tests (tests/tools). A Node.js from elsewhere
# (e.g. NodeSource, which bundles npm) is fine; Debian's packages are installed only when none is.
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  missing+=(nodejs npm)
fi

apt_install install-deps "${missing[@]}"
