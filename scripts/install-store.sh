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
  # shellcheck source=scripts/apt-missing.sh
  . "$root/scripts/apt-missing.sh"
  mapfile -t missing < <(apt_missing virtuoso-opensource curl)
  apt_install install-store "${missing[@]}"
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
