#!/usr/bin/env bash
# Conformance test: builds a graph with kgraph in every output format, then reads the files with
# independent tools (check_outputs.py: serdi, rapper, rdflib, networkx, igraph, Python csv,
# Graphviz; tests/tools/check_outputs.mjs: n3, jsonld.js, rdf-isomorphic, graphology-graphml,
# graphology-gexf). A missing tool fails the test.
#
#   conformance.sh KGRAPH SOURCE_DIR WORK_DIR CASE
#   CASE: samples          samples/, all formats, full network
#         samples-actors   samples/, --actors-only
#         hostile          tests/data/hostile_article.txt with hostile_gazetteer.ttl: names and
#                          quotes full of " ' < > & \, controls, emoji, RTL and invalid UTF-8
set -euo pipefail
kgraph=$1 src=$2 work=$3 case=$4
all=ttl,nt,nq,trig,graphml,gexf,jsonld,dot,csv
out="$work/$case"
rm -rf "$out"
mkdir -p "$out"

for tool in serdi rapper dot node /usr/bin/python3; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool is missing (scripts/install-deps.sh)" >&2; exit 1; }
done
bash "$src/tests/tools/setup.sh"

py_args=() js_args=()
case "$case" in
  samples)
    "$kgraph" build "$src/samples" -o "$out" --formats "$all" -q ;;
  samples-actors)
    "$kgraph" build "$src/samples" -o "$out" --formats "$all" --actors-only -q
    py_args=(--view actors) js_args=(--view actors) ;;
  hostile)
    # The article holds invalid UTF-8 on purpose: reported (exit 1), repaired, and still built.
    set +e
    "$kgraph" build "$src/tests/data/hostile_article.txt" -o "$out" --formats "$all" -q \
      --gazetteer "$src/tests/data/hostile_gazetteer.ttl" 2> "$out/stderr.txt"
    status=$?
    set -e
    if [ "$status" -ne 1 ] || ! grep -q "hostile_article.txt:10:43: error: invalid UTF-8" "$out/stderr.txt"; then
      echo "FAIL: expected exit 1 and the invalid UTF-8 reported at 10:43, got $status:" >&2
      cat "$out/stderr.txt" >&2
      exit 1
    fi
    py_args=(--expect "$src/tests/data/hostile_expected.json")
    js_args=(--expect "$src/tests/data/hostile_expected.json") ;;
  *) echo "unknown case $case" >&2; exit 2 ;;
esac

status=0
/usr/bin/python3 "$src/tests/export/conformance/check_outputs.py" "$out" "${py_args[@]}" || status=1
node "$src/tests/tools/check_outputs.mjs" "$out" "${js_args[@]}" || status=1
exit $status
