#!/usr/bin/env bash
# CaRB dev benchmark: runs `kgraph extract --lines --format oie` on one thread over the dev split,
# scores it with the shared CaRB scorer, and appends F1, AUC and sentences/second to results.md.
# Speed: three runs; the row gives the median wall-clock rate / the CPU-time rate of that run
# (user + system seconds), which a busy shared machine disturbs less than wall time. Rows go at the
# end of the CaRB table in results.md (RESULTS=file to record elsewhere).
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

sentences=$(grep -c . "$shared/data/carb/dev.txt")
load=$(cut -d' ' -f1 /proc/loadavg)
for run in 1 2 3; do
  /usr/bin/time -f "%e %U %S" -o "$out/time$run" \
    "$kgraph" extract --lines --format oie --threads 1 --quiet "$shared/data/carb/dev.txt" > "$out/carb$run.tsv"
done
cmp -s "$out/carb1.tsv" "$out/carb2.tsv" && cmp -s "$out/carb1.tsv" "$out/carb3.tsv" \
  || { echo "carb.sh: the three runs gave different output" >&2; exit 1; }
python3 "$shared/eval/carb_score.py" --gold "$shared/data/carb/dev.tsv" --system "$out/carb1.tsv" \
  --json "$out/scores.json" > "$out/score.txt"
cat "$out/score.txt"
read -r f1 auc p r < <(python3 -c "
import json
s = json.load(open('$out/scores.json'))
print(*(round(100 * s[k], 1) for k in ('f1', 'auc', 'precision', 'recall')))
")
read -r wall cpu < <(python3 -c "
runs = sorted(tuple(map(float, open('$out/time%d' % i).read().split())) for i in (1, 2, 3))
e, u, s = runs[1]
print(round($sentences / e, 1), round($sentences / (u + s), 1))
")
echo "CaRB dev: F1 $f1 AUC $auc (P $p R $r); $wall sentences/s wall, $cpu sentences/s CPU (one thread, median of 3; load $load)"
if [ "$record" = 1 ]; then
  python3 "$here/record_row.py" "${RESULTS:-$here/results.md}" "## CaRB dev (bench/carb.sh)" \
    "| $(date -u +%Y-%m-%d) | $(git -C "$root" rev-parse --short HEAD) | $f1 | $auc | $p | $r | $wall / $cpu | $(nproc) cores $(uname -m), load $load |" \
    "| date | commit | F1 | AUC | P | R | sentences/s, 1 thread (wall, or wall / CPU from v2 of carb.sh) | machine |" "|---|---|---|---|---|---|---|---|"
fi
