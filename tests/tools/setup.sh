#!/usr/bin/env bash
# Installs the npm test tools of tests/tools/package.json (exact versions from package-lock.json)
# into tests/tools/node_modules, only when they are missing or the lock file changed.
# Run by `make test` (and by the CTest fixture "tools: npm test tools"); needs node and npm
# (Debian nodejs/npm, see scripts/install-deps.sh) and the npm registry the first time.
set -euo pipefail
cd "$(dirname "$0")"
stamp=node_modules/.package-lock.json
if [ -f "$stamp" ] && [ ! package-lock.json -nt "$stamp" ] && [ -d node_modules/graphology-gexf ]; then
  exit 0
fi
if ! command -v npm > /dev/null; then
  echo "tests/tools/setup.sh: npm is missing (run scripts/install-deps.sh)" >&2
  exit 1
fi
echo "tests/tools/setup.sh: installing the npm test tools" >&2
npm ci --no-audit --no-fund --loglevel=error
touch "$stamp"
