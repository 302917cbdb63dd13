#!/usr/bin/env bash
# One golden case (tests/golden/README.md): runs `kgraph build --formats nt` and
# `kgraph extract --format jsonl` on CASE/input.txt or CASE/input.jsonl and compares the outputs
# with CASE/expected.nt (lines sorted, so that only a change of content fails) and
# CASE/expected.jsonl (as written). On a mismatch prints the first lines of a unified diff and
# fails; with KG_UPDATE_GOLDEN=1 writes the outputs to the expected files instead.
# Usage: check.sh KGRAPH CASE_DIR
set -euo pipefail
kgraph="$1"
case_dir="$2"
case "$kgraph" in */*) kgraph=$(realpath "$kgraph") ;; esac  # the runs below change directory
name=$(basename "$case_dir")

inputs=()
for f in input.txt input.jsonl; do
  [ -f "$case_dir/$f" ] && inputs+=("$f")
done
if [ "${#inputs[@]}" -ne 1 ]; then
  echo "$name: needs exactly one of input.txt, input.jsonl" >&2
  exit 1
fi
input="${inputs[0]}"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/kg-golden-$name.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# Run inside the case folder with the relative input name, so that nothing in the outputs or the
# diagnostics depends on where the checkout lives. Two workers: the output must not depend on it.
run() {
  local what="$1"
  shift
  if ! (cd "$case_dir" && "$kgraph" "$@" -j 2 -q 2> "$scratch/$what.err"); then
    echo "$name: kgraph $* failed:" >&2
    cat "$scratch/$what.err" >&2
    exit 1
  fi
  if [ -s "$scratch/$what.err" ]; then  # a diagnostic is a change of behaviour too
    echo "$name: kgraph $* printed diagnostics:" >&2
    cat "$scratch/$what.err" >&2
    exit 1
  fi
}
run build build "$input" -o "$scratch/out" --formats nt
LC_ALL=C sort "$scratch/out/graph.nt" > "$scratch/actual.nt"
run extract extract --format jsonl "$input" > "$scratch/actual.jsonl"

status=0
for ext in nt jsonl; do
  expected="$case_dir/expected.$ext"
  actual="$scratch/actual.$ext"
  if [ "${KG_UPDATE_GOLDEN:-0}" = 1 ]; then
    if ! cmp -s "$actual" "$expected" 2> /dev/null; then
      cp "$actual" "$expected"
      echo "$name: rewrote expected.$ext ($(wc -l < "$expected") lines); review it with git diff"
    fi
  elif [ ! -f "$expected" ]; then
    echo "$name: expected.$ext is missing (KG_UPDATE_GOLDEN=1 ctest -R golden writes it)" >&2
    status=1
  elif ! cmp -s "$actual" "$expected"; then
    echo "$name: expected.$ext differs from the output ($(diff "$expected" "$actual" | grep -c '^[<>]') lines changed); first lines of the diff:" >&2
    diff -u --label "expected.$ext" --label "actual.$ext" "$expected" "$actual" | head -n 40 >&2 || true
    status=1
  fi
done
[ "$status" = 0 ] && [ "${KG_UPDATE_GOLDEN:-0}" != 1 ] && echo "$name: build nt and extract jsonl as expected"
exit "$status"
