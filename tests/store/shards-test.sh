#!/usr/bin/env bash
# CTest "store: sharded build with GNU parallel ...": the scale-out recipe of the README, end to end.
#  1. a corpus (the two samples and 40 BBC articles) is built once, and also as two shards run at
#     the same time by GNU parallel, then merged with `kgraph merge`: every output file must be byte
#     for byte the one-run file;
#  2. the merged N-Quads are cut into pieces and loaded into a PRIVATE Virtuoso by two bulk
#     loaders running at once (ld_dir + rdf_loader_run() in two sessions); the store must then hold
#     exactly the quads of the file, document graphs and default graph alike.
# Installs Debian's virtuoso-opensource first if it is missing; if it cannot, the test FAILS.
#   shards-test.sh KGRAPH_BINARY SOURCE_DIR
set -euo pipefail

kgraph=$1 source_dir=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bbc="$source_dir/../shared/data/news/bbc.jsonl"
entities_graph="urn:kgraph:entities"
formats=ttl,nt,nq,trig,graphml,gexf,jsonld,dot,csv

command -v parallel >/dev/null || { echo "FAIL: GNU parallel is not installed (scripts/install-deps.sh)" >&2; exit 1; }
test -s "$bbc" || { echo "FAIL: $bbc is missing" >&2; exit 1; }
if ! bash "$source_dir/scripts/install-store.sh" --virtuoso-only; then
  echo "FAIL: Virtuoso is not installed and scripts/install-store.sh could not install it" >&2
  exit 1
fi
# shellcheck source=virtuoso-lib.sh
source "$here/virtuoso-lib.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/kgraph-shards.XXXXXX")
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [ ! -f "$work/vt/virtuoso.pid" ] || vt_stop "$work/vt"
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. one run, and two shards in parallel, merged ------------------------------------------
mkdir -p "$work/corpus"
cp "$source_dir"/samples/*.txt "$work/corpus/"
head -n 40 "$bbc" > "$work/corpus/news.jsonl"
"$kgraph" build "$work/corpus" -o "$work/single" --formats "$formats" -q

# The shards: the articles in the order one run reads them (a folder is read in sorted order), cut
# in two; JSON Lines split by whole lines.
mkdir -p "$work/shard-0" "$work/shard-1"
cp "$work"/corpus/*.txt "$work/shard-0/"
(cd "$work/shard-0" && split -n l/2 -d --additional-suffix=.jsonl "$work/corpus/news.jsonl" news-)
mv "$work/shard-0/news-01.jsonl" "$work/shard-1/"
parallel --halt now,fail=1 -j2 "$kgraph" build {} -o "$work/out-{#}" --formats nq -j1 -q \
  ::: "$work/shard-0" "$work/shard-1"
"$kgraph" merge "$work/out-1" "$work/out-2" -o "$work/merged" --formats "$formats" -q

status=0
for f in "$work"/single/*; do
  name=$(basename "$f")
  if ! cmp -s "$f" "$work/merged/$name"; then
    echo "FAIL: merged/$name differs from the one-run file" >&2
    diff <(sort "$f") <(sort "$work/merged/$name") | head -n 10 >&2 || true
    status=1
  fi
done
[ "$(ls "$work/single" | wc -l)" -eq "$(ls "$work/merged" | wc -l)" ] || { echo "FAIL: file sets differ" >&2; status=1; }
[ "$status" -eq 0 ] || exit 1
echo "shards: two shards built by GNU parallel and merged give the one-run files ($(ls "$work/single" | wc -l) files)"

# --- 2. parallel bulk load of the merged N-Quads ---------------------------------------------
vt_init "$work/vt"
vt_start "$work/vt"
mkdir -p "$work/vt/data/graph"
(cd "$work/vt/data/graph" && split -n l/4 -d --additional-suffix=.nq "$work/merged/graph.nq" part-)
# Quads without a graph (the entities: the default graph) go to the graph ld_dir names.
vt_sql "$work/vt" "ld_dir('$work/vt/data/graph', '*.nq', '$entities_graph');" > "$work/vt/ld_dir.out" 2>&1
started=$SECONDS
loaders=()
for i in 1 2; do
  vt_sql "$work/vt" "rdf_loader_run();" > "$work/vt/loader-$i.out" 2>&1 &
  loaders+=($!)
done
for pid in "${loaders[@]}"; do wait "$pid"; done  # not a bare wait: the server is a child too
vt_sql "$work/vt" "checkpoint;" > /dev/null
errors=$(vt_sql "$work/vt" "SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL OR ll_state <> 2;")
grep -q "^0 Rows" <<<"$errors" || { echo "FAIL: bulk load errors:" >&2; echo "$errors" >&2; exit 1; }

count() {
  vt_sql "$work/vt" "SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } FILTER ($1) };" |
    awk '/^[0-9]+ *$/ { print $1; exit }'
}
doc_base="https://w3id.org/kgraph/id/doc/"
in_docs=$(count "STRSTARTS(STR(?g), '$doc_base')")
in_default=$(count "?g = <$entities_graph>")
want_docs=$(grep -c "<${doc_base}[^>]*> \.\$" "$work/merged/graph.nq" || true)
want_total=$(wc -l < "$work/merged/graph.nq")
want_default=$((want_total - want_docs))
echo "shards: Virtuoso, 2 loaders on $(ls "$work/vt/data/graph" | wc -l) pieces in $((SECONDS - started)) s: $in_docs quads in document graphs (file: $want_docs), $in_default in the default graph (file: $want_default)"
[ "$in_docs" = "$want_docs" ] && [ "$in_default" = "$want_default" ] || { echo "FAIL: the store does not hold the file's quads" >&2; exit 1; }
documents=$(count "?g = ?g && ?p = <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> && ?o = <http://schema.org/NewsArticle>")
[ "$documents" = 42 ] || { echo "FAIL: $documents news articles in the store, 42 expected" >&2; exit 1; }
echo "shards: ok"
