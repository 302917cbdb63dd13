#!/usr/bin/env bash
# PolNeAR dev attribution benchmark (who said what): runs `kgraph extract --format attributions` on
# the 84 articles of the dev split (whole articles, so that spans are document offsets), scores the
# output with the shared attribution scorer and adds a row of content / source / cue P, R, F1 at
# the end of its table in results.md (the table is created, at the end of the file, if missing).
# Usage: bench/polnear.sh [--no-record]     (KGRAPH=path/to/kgraph, SHARED=path/to/shared,
#                                            KEEP=file to keep the system output, COMMIT=the commit
#                                            KGRAPH was built from when it is not this checkout's,
#                                            RESULTS=file to record in instead of results.md)
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
  commit="${COMMIT:-}"
  if [ -z "$commit" ]; then
    commit=$(git -C "$root" rev-parse --short HEAD)
    git -C "$root" diff --quiet HEAD -- || commit="$commit+dirty"
  fi
  row="| $(date -u +%Y-%m-%d) | $commit | $row | $seconds | $(nproc) cores $(uname -m) |"
  # The row goes at the end of this benchmark's own table (other scripts have theirs).
  python3 "$here/record_row.py" "${RESULTS:-$here/results.md}" "## PolNeAR dev attribution (bench/polnear.sh)" "$row" \
    "\`kgraph extract --format attributions ../shared/data/polnear-dev/text\`, scored by" \
    "\`python3 ../shared/eval/attribution_score.py --gold ../shared/data/polnear-dev/gold.jsonl\` (84 articles," \
    "2,192 gold attributions); source = content and speaker both right (overlap), cue = >= 1 shared token." \
    "" \
    "| date | commit | content P | content R | content F1 | source P | source R | source F1 | cue P | cue R | cue F1 | seconds | machine |" \
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
fi
