#!/usr/bin/env bash
# CTest "store: Oxigraph SPARQL queries": the same queries and expected answers as the Virtuoso test,
# in Oxigraph (npm `oxigraph`, installed into tests/store/node_modules from the committed
# package.json + package-lock.json when missing), served over HTTP by oxigraph-server.mjs on a free
# port of 127.0.0.1. If Oxigraph cannot be installed or started, the test FAILS.
#   oxigraph-test.sh KGRAPH_BINARY SOURCE_DIR ANSWERS_DIR
set -euo pipefail

kgraph=$1 source_dir=$2 answers=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
start=$SECONDS

if ! bash "$source_dir/scripts/install-store.sh" --oxigraph-only; then
  echo "FAIL: Oxigraph (npm) is not installed in tests/store/node_modules and could not be installed" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kgraph-oxigraph.XXXXXX")
server="" watchdog=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$server" ]; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  [ -z "$watchdog" ] || kill "$watchdog" 2>/dev/null || true
  [ "$status" -eq 0 ] || [ ! -s "$work/server.log" ] || { echo "--- oxigraph server log:"; cat "$work/server.log"; } >&2
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$kgraph" build "$source_dir/samples/" -o "$work/out" --quiet
test -s "$work/out/graph.ttl"

node "$here/oxigraph-server.mjs" "$work/out/graph.ttl" "$work/port" >"$work/server.log" 2>&1 </dev/null &
server=$!
# If this script is killed outright (no trap runs), the watchdog still stops the server.
( set +e
  parent=$$
  while kill -0 "$parent" 2>/dev/null; do sleep 1; done
  kill -TERM "$server"
  rm -rf "$work" ) >/dev/null 2>&1 </dev/null &
watchdog=$!
for _ in $(seq 1 120); do
  [ -s "$work/port" ] && break
  kill -0 "$server" 2>/dev/null || { echo "FAIL: the Oxigraph server exited while loading the graph" >&2; exit 1; }
  sleep 0.5
done
[ -s "$work/port" ] || { echo "FAIL: the Oxigraph server did not start within 60 s" >&2; exit 1; }
echo "oxigraph: pid $server, HTTP 127.0.0.1:$(cat "$work/port") (started in $((SECONDS - start)) s)"

status=0
python3 "$here/run_queries.py" --endpoint "http://127.0.0.1:$(cat "$work/port")/sparql" \
  --store oxigraph --answers-dir "$answers" --count \
  --queries "$source_dir/samples/queries" || status=$?
echo "oxigraph: done in $((SECONDS - start)) s"
exit "$status"
