#!/usr/bin/env bash
# Turtle export speed (issue 6, must-show 2: kgraph within 2x of serdi). In one run:
#  1. bench/turtle_speed builds a synthetic graph of 1,000,000 relations through the graph API,
#     writes it once as N-Triples, then writes it as Turtle three times with kgraph's writer and
#     times each write (the graph stays in memory: only the writing is timed);
#  2. `serdi -i ntriples -o turtle` re-serialises those N-Triples three times (/usr/bin/time: the
#     whole process, reading and parsing included);
#  3. serdi reads kgraph's Turtle back: it must hold as many triples as the N-Triples.
# The row gives the median wall time of each (and its CPU time), the ratio kgraph / serdi, the
# sizes and the load average at the start. Rows go at the end of this benchmark's table in
# results.md (the table is created at the end of the file if missing).
#
# Usage: bench/turtle_speed.sh [--no-record]
#   TURTLE_SPEED=path/to/turtle_speed (default build-bench/bench/turtle_speed, a Release build),
#   RELATIONS=N (default 1000000), COMMIT=the commit the program was built from when it is not
#   this checkout's, RESULTS=file to record in instead of results.md, WORK=scratch folder
#   (default: a new one under /tmp, removed at the end; the files take ~4 GB at 1M relations).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
program="${TURTLE_SPEED:-$root/build-bench/bench/turtle_speed}"
relations="${RELATIONS:-1000000}"
results="${RESULTS:-$here/results.md}"
record=1
[ "${1:-}" = "--no-record" ] && record=0
[ -x "$program" ] || { echo "turtle_speed.sh: no program at $program (cmake --build build-bench --target turtle_speed)" >&2; exit 2; }
command -v serdi > /dev/null || { echo "turtle_speed.sh: serdi missing (scripts/install-deps.sh installs it)" >&2; exit 2; }

commit="${COMMIT:-}"
if [ -z "$commit" ]; then
  commit=$(git -C "$root" rev-parse --short HEAD)
  git -C "$root" diff --quiet HEAD -- || commit="$commit+dirty"
fi
if [ -n "${WORK:-}" ]; then
  work="$WORK"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi

load=$(cut -d' ' -f1 /proc/loadavg)
echo "turtle_speed.sh: $relations relations, load $load, started $(date -u +%H:%M:%S)" >&2
"$program" --relations "$relations" --repeat 3 --nt "$work/graph.nt" --ttl "$work/kgraph.ttl" | tee "$work/kgraph.out" >&2
for run in 1 2 3; do
  /usr/bin/time -f "%e %U %S" -o "$work/serdi$run.time" \
    serdi -i ntriples -o turtle "$work/graph.nt" > "$work/serdi.ttl"
  echo "serdi_seconds $(cat "$work/serdi$run.time")" >&2
done

# kgraph's Turtle must be the same number of triples as the N-Triples serdi read.
triples=$(wc -l < "$work/graph.nt")
read_back=$(serdi -i turtle -o ntriples "$work/kgraph.ttl" | wc -l)
[ "$triples" = "$read_back" ] \
  || { echo "turtle_speed.sh: kgraph's Turtle reads back as $read_back triples, the N-Triples hold $triples" >&2; exit 1; }

row=$(python3 - "$work" <<'EOF'
import os, re, statistics, sys
work = sys.argv[1]
out = open(f"{work}/kgraph.out").read()
graph = re.search(r"graph (\d+) relations (\d+) events (\d+) entities", out)
kg = sorted(tuple(map(float, l.split()[1:])) for l in out.splitlines() if l.startswith("turtle_seconds"))
serdi = []
for run in (1, 2, 3):
    e, u, s = map(float, open(f"{work}/serdi{run}.time").read().split())
    serdi.append((e, u + s))
serdi.sort()
kg_wall, kg_cpu = kg[len(kg) // 2]
serdi_wall, serdi_cpu = serdi[1]
mb = lambda name: os.path.getsize(f"{work}/{name}") / 1e6
triples = sum(1 for _ in open(f"{work}/graph.nt", "rb"))
print(f"{int(graph.group(1)):,} | {int(graph.group(2)):,} | {triples:,} | {mb('graph.nt'):.0f} | "
      f"{mb('kgraph.ttl'):.0f} / {mb('serdi.ttl'):.0f} | {kg_wall:.1f} / {kg_cpu:.1f} | "
      f"{serdi_wall:.1f} / {serdi_cpu:.1f} | {kg_wall / serdi_wall:.2f} | "
      f"{', '.join('%.1f' % w for w, _ in kg)} / {', '.join('%.1f' % w for w, _ in serdi)}")
EOF
)
echo "turtle_speed.sh: relations | events | triples | N-Triples MB | Turtle MB kgraph / serdi | kgraph s wall / CPU | serdi s wall / CPU | ratio | all runs: $row | load $load" >&2
if [ "$record" = 1 ]; then
  python3 "$here/record_row.py" "$results" "## Turtle export speed (bench/turtle_speed.sh)" \
    "| $(date -u +%Y-%m-%d) | $commit | $row | $load |" \
    "\`bench/turtle_speed\` builds a synthetic KnowledgeGraph of 1M relations through the graph API (events with" \
    "agents, themes, recipients, reported content; labels and sentences with non-ASCII text and characters" \
    "Turtle escapes), writes it as N-Triples once and as Turtle three times with kgraph's writer (only the" \
    "write is timed); then \`serdi -i ntriples -o turtle\` re-serialises those N-Triples three times (whole" \
    "process, parsing included). Seconds are the median run (wall / CPU); ratio = kgraph wall / serdi wall" \
    "(issue 6 asks for <= 2). Load = 1-minute load average at the start." \
    "" \
    "| date | commit | relations | events | triples | N-Triples MB | Turtle MB (kgraph / serdi) | kgraph Turtle s | serdi s | ratio | all runs, wall s (kgraph / serdi) | load |" \
    "|---|---|---|---|---|---|---|---|---|---|---|---|"
fi
