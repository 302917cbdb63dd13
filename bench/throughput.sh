#!/usr/bin/env bash
# End-to-end throughput of `kgraph build --timings` on the BBC corpus (issue 6): the first 1/4 and
# 1/2 of ../shared/data/news/bbc.jsonl and all of it with 2 threads, and all of it with 1 thread.
# Each run records wall and CPU time (/usr/bin/time -v), sentences/second, sentences/second per
# core, peak RSS, the time per stage that --timings prints, and the load average at its start (the
# machine is shared: before each run the script waits up to 5 minutes for the 1-minute load to fall
# to 1.0 or below, then runs anyway). Every run adds its row to the throughput table of results.md
# as soon as it is done; when all four ran, a summary row gives the 2-thread/1-thread speed-up and
# how time and memory grow from 1/4 to 1/2 to all of the corpus.
#
# Usage: bench/throughput.sh [--no-record] [RUN...]
#   RUN: quarter-j2 half-j2 all-j2 all-j1 (default: all four, in that order)
#   KGRAPH=path/to/kgraph (default build-bench/cli/kgraph, a Release build), SHARED=path/to/shared,
#   COMMIT=the commit KGRAPH was built from when it is not this checkout's, RESULTS=file to record
#   in instead of results.md, MAX_WAIT=seconds to wait for a quiet machine (default 300).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
kgraph="${KGRAPH:-$root/build-bench/cli/kgraph}"
shared="${SHARED:-$root/../shared}"
corpus="$shared/data/news/bbc.jsonl"
results="${RESULTS:-$here/results.md}"
max_wait="${MAX_WAIT:-300}"
record=1
if [ "${1:-}" = "--no-record" ]; then record=0; shift; fi
runs=("$@")
[ ${#runs[@]} -gt 0 ] || runs=(quarter-j2 half-j2 all-j2 all-j1)

[ -x "$kgraph" ] || { echo "throughput.sh: no kgraph at $kgraph (build it, or set KGRAPH)" >&2; exit 2; }
[ -f "$corpus" ] || { echo "throughput.sh: corpus not found: $corpus (set SHARED)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "throughput.sh: /usr/bin/time missing (scripts/install-deps.sh installs it)" >&2; exit 2; }

commit="${COMMIT:-}"
if [ -z "$commit" ]; then
  commit=$(git -C "$root" rev-parse --short HEAD)
  git -C "$root" diff --quiet HEAD -- || commit="$commit+dirty"
fi
articles=$(wc -l < "$corpus")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

title="## BBC throughput (bench/throughput.sh)"
header=(
  "\`kgraph build --timings -j N\` (default formats ttl, graphml, jsonld) on the first 1/4, 1/2 and all"
  "of \`../shared/data/news/bbc.jsonl\` ($articles articles). Wall and CPU (user + system) seconds and peak"
  "RSS from \`/usr/bin/time -v\`; per core = sentences/s / threads; per CPU s = sentences / CPU seconds"
  "(less disturbed by other jobs on this shared machine). Stage columns are wall/CPU seconds from"
  "\`--timings\`, summed over the workers for split, parse and extract. Load = 1-minute load average at"
  "the start of the run."
  ""
  "| date | commit | articles | threads | sentences | wall s | CPU s | sentences/s | per core | per CPU s | peak RSS MB | read | split | parse | extract | graph | export | load |"
  "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)

load1() { cut -d' ' -f1 /proc/loadavg; }

# Waits (up to max_wait seconds) for the 1-minute load average to fall to 1.0 or below.
wait_for_quiet() {
  local waited=0
  while python3 -c "import sys; sys.exit(0 if float('$(load1)') > 1.0 else 1)" && [ "$waited" -lt "$max_wait" ]; do
    [ "$waited" -eq 0 ] && echo "throughput.sh: load $(load1), waiting up to ${max_wait}s for it to drop" >&2
    sleep 15
    waited=$((waited + 15))
  done
}

# run NAME LINES THREADS: one timed build; prints its figures as `key=value` lines to $work/NAME.env.
run() {
  local name=$1 lines=$2 threads=$3
  local input="$work/bbc-$lines.jsonl" out="$work/out-$name"
  head -n "$lines" "$corpus" > "$input"
  wait_for_quiet
  local load
  load=$(load1)
  echo "throughput.sh: $name: $lines articles, $threads thread(s), load $load, started $(date -u +%H:%M:%S)" >&2
  /usr/bin/time -v -o "$work/$name.time" \
    "$kgraph" build --timings --threads "$threads" "$input" -o "$out" 2> "$work/$name.log" \
    || { cat "$work/$name.log" >&2; echo "throughput.sh: $name: kgraph failed" >&2; exit 1; }
  rm -rf "$out"
  python3 - "$work/$name.time" "$work/$name.log" "$lines" "$threads" "$load" > "$work/$name.env" <<'EOF'
import re, sys
time_file, log_file, lines, threads, load = sys.argv[1:]
t = open(time_file).read()
log = open(log_file).read()
def field(label):
    return re.search(r"^\s*" + re.escape(label) + r": (.*)$", t, re.M).group(1).strip()
clock = [float(x) for x in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
wall = sum(v * 60 ** i for i, v in enumerate(reversed(clock)))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss_mb = int(field("Maximum resident set size (kbytes)")) / 1024
sentences = int(re.search(r"kgraph: \d+ documents, (\d+) sentences", log).group(1))
stages = re.search(r"kgraph: stage seconds \(wall/CPU, summed over \d+ workers\): (.*)$", log, re.M).group(1)
stage = dict((m.group(1), m.group(2)) for m in re.finditer(r"(\w+) ([\d.]+/[\d.]+)", stages))
rate = sentences / wall
print(f"articles={lines}\nthreads={threads}\nsentences={sentences}\nwall={wall:.1f}\ncpu={cpu:.1f}")
print(f"rate={rate:.1f}\nper_core={rate / int(threads):.1f}\nper_cpu={sentences / cpu:.1f}\nrss={rss_mb:.0f}")
for s in ("read", "split", "parse", "extract", "graph", "export"):
    print(f"stage_{s}={stage[s]}")
print(f"load={load}")
EOF
  # shellcheck disable=SC1090
  (
    . "$work/$name.env"
    echo "throughput.sh: $name: $sentences sentences in ${wall}s wall, ${cpu}s CPU: $rate sentences/s," \
         "$per_core per core, $per_cpu per CPU s, peak RSS ${rss} MB;" \
         "stages read $stage_read split $stage_split parse $stage_parse extract $stage_extract graph $stage_graph export $stage_export" >&2
    if [ "$record" = 1 ]; then
      python3 "$here/record_row.py" "$results" "$title" \
        "| $(date -u +%Y-%m-%d) | $commit | $articles | $threads | $sentences | $wall | $cpu | $rate | $per_core | $per_cpu | $rss | $stage_read | $stage_split | $stage_parse | $stage_extract | $stage_graph | $stage_export | $load |" \
        "${header[@]}"
    fi
  )
}

for name in "${runs[@]}"; do
  case "$name" in
    quarter-j2) run "$name" $((articles / 4)) 2 ;;
    half-j2) run "$name" $((articles / 2)) 2 ;;
    all-j2) run "$name" "$articles" 2 ;;
    all-j1) run "$name" "$articles" 1 ;;
    *) echo "throughput.sh: unknown run '$name' (quarter-j2 half-j2 all-j2 all-j1)" >&2; exit 2 ;;
  esac
done

# The summary needs all four runs of this invocation.
for name in quarter-j2 half-j2 all-j2 all-j1; do [ -f "$work/$name.env" ] || exit 0; done
summary=$(python3 - "$work" <<'EOF'
import sys
work = sys.argv[1]
def load(name):
    return dict(l.split("=", 1) for l in open(f"{work}/{name}.env").read().split())
q, h, a, one = (load(n) for n in ("quarter-j2", "half-j2", "all-j2", "all-j1"))
speedup = float(one["wall"]) / float(a["wall"])
def growth(key):
    base = float(q[key])
    return " : ".join(f"{float(r[key]) / base:.2f}" for r in (q, h, a))
sent = growth("sentences")
print(f"{speedup:.2f} | {sent} | {growth('wall')} | {growth('cpu')} | {growth('rss')} | "
      f"{q['rss']} / {h['rss']} / {a['rss']} / {one['rss']} | "
      f"{q['load']} / {h['load']} / {a['load']} / {one['load']}")
EOF
)
echo "throughput.sh: 2-thread/1-thread speed-up | growth 1/4 : 1/2 : all of sentences | wall | CPU | peak RSS | RSS MB | loads: $summary" >&2
if [ "$record" = 1 ]; then
  python3 "$here/record_row.py" "$results" "## BBC throughput summary (bench/throughput.sh)" \
    "| $(date -u +%Y-%m-%d) | $commit | $summary |" \
    "One row per full run of \`bench/throughput.sh\`: the speed-up of 2 threads over 1 on the whole corpus" \
    "(wall time of -j1 / wall time of -j2), and sentences, wall time, CPU time and peak RSS at 1/4, 1/2 and all" \
    "of it (-j2) relative to 1/4: linear growth is 1 : 2 : 4 in step with the sentences." \
    "" \
    "| date | commit | speed-up -j2/-j1 | sentences 1/4 : 1/2 : all | wall | CPU | peak RSS | RSS MB (1/4, 1/2, all -j2, all -j1) | load at start (same order) |" \
    "|---|---|---|---|---|---|---|---|---|"
fi
