#!/usr/bin/env bash
# Writes everything kgraph outputs on two real corpora into OUTDIR, so that two builds can be
# compared byte for byte (`cmp`/`diff -r`) across a change that must not alter output (a refactor):
# `kgraph build` with every format on the BBC corpus and on the PolNeAR dev texts, and
# `kgraph extract` as jsonl, oie and attributions on the PolNeAR dev texts and the CaRB dev lines.
# Usage: bench/refactor_outputs.sh OUTDIR     (KGRAPH=path/to/kgraph, SHARED=path/to/shared;
#        KG_DATA_DIR=the data folder that binary should read, when it is not its compiled-in one)
# Then:  diff -r OUTDIR_BEFORE OUTDIR_AFTER && echo identical
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
kgraph="${KGRAPH:-$root/build/cli/kgraph}"
shared="${SHARED:-$root/../shared}"
out="${1:?usage: refactor_outputs.sh OUTDIR}"
mkdir -p "$out"
all=ttl,nt,nq,trig,graphml,gexf,jsonld,dot,csv
"$kgraph" build "$shared/data/news/bbc.jsonl" -o "$out/bbc" --formats "$all" --quiet
"$kgraph" build "$shared/data/polnear-dev/text" -o "$out/polnear" --formats "$all" --quiet
"$kgraph" build "$root/samples" -o "$out/samples-actors" --formats "$all" --actors-only --quiet
for f in jsonl oie attributions; do
  "$kgraph" extract --format "$f" --quiet "$shared/data/polnear-dev/text" > "$out/polnear.$f"
done
"$kgraph" extract --lines --format oie --threads 1 --quiet "$shared/data/carb/dev.txt" > "$out/carb.oie"
"$kgraph" extract --lines --format jsonl --threads 1 --quiet "$shared/data/carb/dev.txt" > "$out/carb.jsonl"
echo "refactor_outputs.sh: wrote $(find "$out" -type f | wc -l) files under $out"
