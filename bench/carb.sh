#!/usr/bin/env bash
# CaRB dev benchmark: runs `kgraph extract --lines --format oie` on one thread over the dev split,
# scores it with the shared CaRB scorer, and appends F1, AUC and sentences/second to results.md.
# Usage: bench/carb.sh [--no-record]     (KGRAPH=path/to/kgraph, SHARED=path/to/shared)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
kgraph="${KGRAPH:-$root/build/cli/kgraph}"
shared="${SHARED:-$root/../shared}"
record=1
[ "${1:-}" = "--no-record" ] && record=0
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

start=$(date +%s.%N)
"$kgraph" extract --lines --format oie --threads 1 --quiet "$shared/data/carb/dev.txt" > "$out/carb.tsv"
end=$(date +%s.%N)
sentences=$(grep -c . "$shared/data/carb/dev.txt")
python3 "$shared/eval/carb_score.py" --gold "$shared/data/carb/dev.tsv" --system "$out/carb.tsv" \
  --json "$out/scores.json" > "$out/score.txt"
cat "$out/score.txt"
read -r f1 auc p r < <(python3 -c "
import json
s = json.load(open('$out/scores.json'))
print(*(round(100 * s[k], 1) for k in ('f1', 'auc', 'precision', 'recall')))
")
rate=$(python3 -c "print(round($sentences / ($end - $start), 1))")
echo "CaRB dev: F1 $f1 AUC $auc (P $p R $r), $rate sentences/s on one thread"
if [ "$record" = 1 ]; then
  results="$here/results.md"
  if ! grep -q '^## CaRB dev' "$results" 2>/dev/null; then
    printf '\n## CaRB dev (bench/carb.sh)\n\n| date | commit | F1 | AUC | P | R | sentences/s (1 thread) | machine |\n|---|---|---|---|---|---|---|---|\n' >> "$results"
  fi
  echo "| $(date -u +%Y-%m-%d) | $(git -C "$root" rev-parse --short HEAD) | $f1 | $auc | $p | $r | $rate | $(nproc) cores $(uname -m) |" >> "$results"
fi
