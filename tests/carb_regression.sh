#!/usr/bin/env bash
# Fails when CaRB dev F1 drops more than 2 points below bench/carb_baseline.txt.
# Usage: carb_regression.sh KGRAPH SOURCE_DIR
set -euo pipefail
kgraph="$1"
root="$2"
shared="${KG_SHARED_DIR:-$root/../shared}"
if [ ! -f "$shared/data/carb/dev.tsv" ]; then
  echo "CaRB dev split not found under $shared/data/carb (set KG_SHARED_DIR)" >&2
  exit 1
fi
baseline=$(grep -v '^#' "$root/bench/carb_baseline.txt" | head -1)
line=$(KGRAPH="$kgraph" SHARED="$shared" bash "$root/bench/carb.sh" --no-record | tail -1)
echo "$line"
f1=$(echo "$line" | sed -n 's/^CaRB dev: F1 \([0-9.]*\) .*/\1/p')
python3 - "$f1" "$baseline" <<'PY'
import sys
f1, baseline = float(sys.argv[1]), float(sys.argv[2])
print(f"F1 {f1} against baseline {baseline} (allowed drop 2.0)")
sys.exit(0 if f1 >= baseline - 2.0 else 1)
PY
