#!/usr/bin/env bash
# CTest "store: Virtuoso SPARQL queries": builds the graph of samples/ with a fresh `kgraph build`,
# bulk-loads out/graph.ttl into a PRIVATE Virtuoso (own temp folder and virtuoso.ini, SQL and HTTP
# listeners on free ports of 127.0.0.1), runs every samples/queries/*.rq over HTTP /sparql and
# compares with the expected answers, then checkpoints and stops the server by its pid.
# Installs Debian's virtuoso-opensource first if it is missing; if it cannot, the test FAILS.
#   virtuoso-test.sh KGRAPH_BINARY SOURCE_DIR ANSWERS_DIR
set -euo pipefail

kgraph=$1 source_dir=$2 answers=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
graph_iri="urn:kgraph:samples"
start=$SECONDS

if ! bash "$source_dir/scripts/install-store.sh" --virtuoso-only; then
  echo "FAIL: Virtuoso is not installed and scripts/install-store.sh could not install it" >&2
  exit 1
fi
# shellcheck source=virtuoso-lib.sh
source "$here/virtuoso-lib.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/kgraph-virtuoso.XXXXXX")
watchdog=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -f "$work/vt/virtuoso.pid" ]; then
    [ "$status" -eq 0 ] || { echo "--- end of the Virtuoso log:"; tail -n 20 "$work/vt/db/virtuoso.log" 2>/dev/null; } >&2
    vt_stop "$work/vt"
  fi
  [ -z "$watchdog" ] || kill "$watchdog" 2>/dev/null || true
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$kgraph" build "$source_dir/samples/" -o "$work/out" --quiet
test -s "$work/out/graph.ttl"

vt_init "$work/vt"
vt_start "$work/vt"
# If this script is killed outright (no trap runs, e.g. SIGKILL on a CTest timeout), the watchdog
# still stops the server and removes the temp folder: no stray virtuoso-t.
( set +e
  parent=$$ pid=$(cat "$work/vt/virtuoso.pid")
  while kill -0 "$parent" 2>/dev/null; do sleep 1; done
  kill -TERM "$pid"
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$pid"
  rm -rf "$work" ) >/dev/null 2>&1 </dev/null &
watchdog=$!
echo "virtuoso: pid $(cat "$work/vt/virtuoso.pid"), SQL 127.0.0.1:$(vt_port "$work/vt" sql), HTTP 127.0.0.1:$(vt_port "$work/vt" http) (started in $((SECONDS - start)) s)"

vt_load "$work/vt" "$work/out/graph.ttl" "$graph_iri"

status=0
python3 "$here/run_queries.py" --endpoint "http://127.0.0.1:$(vt_port "$work/vt" http)/sparql" \
  --graph "$graph_iri" --store virtuoso --answers-dir "$answers" --count \
  --queries "$source_dir/samples/queries" || status=$?
echo "virtuoso: done in $((SECONDS - start)) s"
exit "$status"
