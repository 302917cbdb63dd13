#!/usr/bin/env bash
# PolNeAR dev attribution benchmark (who said what): runs `kgraph extract --format attributions` on
# the 84 articles of the dev split (whole articles, so that spans are document offsets), scores the
# output with the shared attribution scorer and appends content / source / cue P, R, F1 to
# results.md.
# Usage: bench/polnear.sh [--no-record]     (KGRAPH=path/to/kgraph, SHARED=path/to/shared,
#                                            KEEP=file to keep the system output)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
kgraph="${KGRAPH:-$root/build/cli/kgraph}"
shared="${SHARED:-$root/../shared}"
data="$shared/data/polnear-dev"
record=1
[ "${1:-}" = "--no-record" ] && record=0
if [ ! -f "$data/gold.jsonl" ]; then
  echo "polnear.sh: PolNeAR dev split not found under $data (set SHARED)" >&2
  exit 2
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

start=$(date +%s.%N)
"$kgraph" extract --format attributions --quiet "$data/text" > "$out/system.jsonl"
end=$(date +%s.%N)
[ -n "${KEEP:-}" ] && cp "$out/system.jsonl" "$KEEP"
python3 "$shared/eval/attribution_score.py" --gold "$data/gold.jsonl" --system "$out/system.jsonl" \
  --text-dir "$data/text" --json "$out/scores.json" > "$out/score.txt"
cat "$out/score.txt"
row=$(python3 -c "
import json
s = json.load(open('$out/scores.json'))
print(' | '.join('%.3f' % v for k in ('content', 'source', 'cue') for v in s[k]))
")
seconds=$(python3 -c "print(round($end - $start, 1))")
echo "PolNeAR dev: content / source / cue P R F1: $row ($seconds s)"
if [ "$record" = 1 ]; then
  results="$here/results.md"
  if ! grep -q '^## PolNeAR dev attribution' "$results" 2>/dev/null; then
    printf '\n## PolNeAR dev attribution (bench/polnear.sh)\n\n`kgraph extract --format attributions ../shared/data/polnear-dev/text`, scored by\n`python3 ../shared/eval/attribution_score.py --gold ../shared/data/polnear-dev/gold.jsonl` (84 articles,\n2,192 gold attributions); source = content and speaker both right (overlap), cue = >= 1 shared token.\n\n| date | commit | content P | content R | content F1 | source P | source R | source F1 | cue P | cue R | cue F1 | seconds | machine |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n' >> "$results"
  fi
  commit=$(git -C "$root" rev-parse --short HEAD)
  git -C "$root" diff --quiet HEAD -- || commit="$commit+dirty"
  echo "| $(date -u +%Y-%m-%d) | $commit | $row | $seconds | $(nproc) cores $(uname -m) |" >> "$results"
fi
