#!/usr/bin/env bash
# Starts a local Virtuoso (Debian virtuoso-opensource) with the graph of OUTDIR loaded (default:
# the repository's out/, as written by `make run`) and prints its SPARQL endpoint; the server keeps
# running in the background, bound to 127.0.0.1 only, until `scripts/triplestore.sh stop`.
#
#   scripts/triplestore.sh [start] [OUTDIR]   (re)start with OUTDIR/graph.ttl freshly loaded
#   scripts/triplestore.sh stop [OUTDIR]      checkpoint and stop it
#   scripts/triplestore.sh status [OUTDIR]
#
# The database lives in OUTDIR/.virtuoso/. Ports: HTTP 8890 and SQL 1111 when free, else free ones;
# KG_SPARQL_PORT and KG_SQL_PORT choose them. Installs virtuoso-opensource first if it is missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command=start
case "${1:-}" in
  start|stop|status) command=$1; shift ;;
  -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
outdir=${1:-$root/out}
[ $# -le 1 ] || { echo "usage: $0 [start|stop|status] [OUTDIR]" >&2; exit 2; }
state="$outdir/.virtuoso"
graph_iri="urn:kgraph:graph"

if [ "$command" != status ] || command -v virtuoso-t >/dev/null; then
  bash "$root/scripts/install-store.sh" --virtuoso-only
fi
# shellcheck source=../tests/store/virtuoso-lib.sh
source "$root/tests/store/virtuoso-lib.sh"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

endpoint() { echo "http://127.0.0.1:$(vt_port "$state" http)/sparql"; }

case "$command" in
  status)
    if [ -d "$state" ] && vt_running "$state"; then
      echo "triplestore: running (pid $(cat "$state/virtuoso.pid")), SPARQL endpoint $(endpoint)"
    else
      echo "triplestore: not running"; exit 1
    fi ;;
  stop)
    if [ -d "$state" ] && vt_running "$state"; then
      pid=$(cat "$state/virtuoso.pid")
      vt_stop "$state"
      echo "triplestore: stopped Virtuoso (pid $pid)"
    else
      echo "triplestore: not running"
    fi ;;
  start)
    [ -s "$outdir/graph.ttl" ] || { echo "triplestore: no $outdir/graph.ttl: run \`make run\` (or kgraph build ... -o $outdir) first" >&2; exit 2; }
    if [ -d "$state" ] && vt_running "$state"; then
      echo "triplestore: restarting to load the current $outdir/graph.ttl"
      vt_stop "$state"
    fi
    rm -rf "$state"
    http=${KG_SPARQL_PORT:-}; sql=${KG_SQL_PORT:-}
    if [ -z "$http" ] && port_free 8890; then http=8890; fi
    if [ -z "$sql" ] && port_free 1111; then sql=1111; fi
    vt_init "$state" "$http" "$sql"
    state=$(cd "$state" && pwd)
    if ! vt_start "$state" --detach; then vt_stop "$state"; exit 1; fi
    if ! vt_load "$state" "$outdir/graph.ttl" "$graph_iri"; then vt_stop "$state"; exit 1; fi
    example=samples/queries/request_guarantee.rq
    [ "$(pwd)" = "$root" ] || example="$root/$example"
    triples=$(curl -s --data-urlencode "query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$graph_iri> { ?s ?p ?o } }" \
      -H 'Accept: text/csv' "$(endpoint)" | tail -n 1)
    cat <<MSG
triplestore: Virtuoso (pid $(cat "$state/virtuoso.pid")) holds $outdir/graph.ttl: $triples triples in graph <$graph_iri>
SPARQL endpoint: $(endpoint)
  for example:  curl -s $(endpoint) -H 'Accept: text/csv' --data-urlencode query@$example
  (add --data-urlencode default-graph-uri=$graph_iri to leave out Virtuoso's own system graphs)
SQL (isql-vt): 127.0.0.1:$(vt_port "$state" sql), user dba, password dba (bound to 127.0.0.1 only)
Stop it with:  scripts/triplestore.sh stop${1:+ $outdir}
MSG
    ;;
esac
