#!/usr/bin/env bash
# CTest "store: Virtuoso and Oxigraph agree": the answers the two stores gave to every query
# (pending ones included) and their triple counts must be identical, in the canonical form written
# by run_queries.py --answers-dir.
#   agree.sh VIRTUOSO_ANSWERS_DIR OXIGRAPH_ANSWERS_DIR QUERIES_DIR
set -uo pipefail
virtuoso=$1 oxigraph=$2 queries=$3
status=0
n=0
for rq in "$queries"/*.rq; do
  name=$(basename "$rq" .rq)
  n=$((n + 1))
  for dir in "$virtuoso" "$oxigraph"; do
    [ -f "$dir/$name.tsv" ] || { echo "FAIL  $name: no answer in $dir (did its store test run?)"; status=1; }
  done
done
for f in "$virtuoso"/*.tsv; do
  name=$(basename "$f")
  if ! diff -u --label "virtuoso/$name" --label "oxigraph/$name" "$f" "$oxigraph/$name"; then
    echo "FAIL  ${name%.tsv}: Virtuoso and Oxigraph answer differently"
    status=1
  fi
done
[ "$status" -ne 0 ] || echo "agree: Virtuoso and Oxigraph give identical answers to all $n queries and hold $(tail -n 1 "$oxigraph/_triples.tsv") triples each"
exit "$status"
