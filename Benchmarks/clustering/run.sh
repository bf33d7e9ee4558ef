#!/usr/bin/env bash
# Clustering and theme quality on a labelled set, and clustering speed from 1k to 100k synthetic signals.
# Usage: Benchmarks/clustering/run.sh ../shared/data/dev-signals.jsonl ../shared/data/dev-emerging.json [--quality-only]
#
# Quality: `signaal cluster` on the signals given only id, text, postcode and observed_on (as the evaluation sends
# them), scored by evaluate.py (ARI, B-cubed, emerging clusters); primary-theme accuracy by `signaal themes evaluate`
# over this set and dev-signals-2.jsonl beside it when present: the headline keeps every recurring problem in one
# fold (no signal scored by a model that saw its own problem), the random-fold figure stands beside it.
# Scale: synthesize.py recombines the labelled signals into 1k…100k synthetic ones; each size is clustered in one
# process (wall time and peak resident memory from /usr/bin/time), with per-signal assignment latency.
set -euo pipefail
cd "$(dirname "$0")/../.."
labelled=${1:?usage: Benchmarks/clustering/run.sh LABELLED.jsonl EMERGING.json [--quality-only]}
emerging=${2:?usage: Benchmarks/clustering/run.sh LABELLED.jsonl EMERGING.json [--quality-only]}
swift build -c release --product signaal >/dev/null 2>&1
signaal=.build/release/signaal
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

quality() {  # quality() LABELLED EMERGING: cluster the set as the evaluation sends it, and score it
    echo "## Quality on $(basename "$1")"
    python3 -c 'import json,sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            out.write(json.dumps({k: row[k] for k in ("id", "text", "postcode", "observed_on")}, ensure_ascii=False) + "\n")' \
        "$1" "$work/input.jsonl"
    "$signaal" cluster --input "$work/input.jsonl" --output "$work/out.jsonl" --summary "$work/summary.json"
    python3 Benchmarks/clustering/evaluate.py "$1" "$work/out.jsonl" "$work/summary.json" "$2"
}
quality "$labelled" "$emerging"
folder=$(dirname "$labelled")
sets=(--input "$labelled")
if [[ -f $folder/dev-signals-2.jsonl && $folder/dev-signals-2.jsonl != "$labelled" ]]; then
    echo
    quality "$folder/dev-signals-2.jsonl" "$folder/dev-emerging-2.json"
    sets+=(--input "$folder/dev-signals-2.jsonl")
    # Report-like texts written for this round about the 50 recurring problems of both sets (see BENCHMARKS.md).
    sets+=(--long-texts Benchmarks/clustering/written-long-signals.jsonl)
fi
[[ -f $folder/dev-long-signals.jsonl ]] && sets+=(--held-out "$folder/dev-long-signals.jsonl")
echo
echo "## Themes"
"$signaal" themes evaluate "${sets[@]}" | grep -v '^fold '
[[ ${3:-} == --quality-only ]] && exit 0

echo
echo "## Scale (synthetic signals, $(nproc) cores)"
echo "| signals | wall time | peak memory | analysis | clustering | themes | description | clusters | assignment p50 / p99 |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
python3 Benchmarks/clustering/synthesize.py "$labelled" 100000 "$work/synthetic.jsonl"
for size in 1000 10000 50000 100000; do
    head -n "$size" "$work/synthetic.jsonl" > "$work/sized.jsonl"
    /usr/bin/time -v "$signaal" cluster --timing --input "$work/sized.jsonl" --output "$work/out.jsonl" \
        --summary "$work/summary.json" > "$work/timing.txt" 2> "$work/time.txt"
    python3 - "$size" "$work/timing.txt" "$work/time.txt" <<'PY'
import re, sys
size, timing, time = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()
stage = lambda name: float(re.search(rf"{name}\s+([0-9.]+) s", timing).group(1))
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([0-9.]+)", time)
seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
memory = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", time).group(1)) / 1024
clusters = re.search(r"into (\d+) recurring", timing).group(1)
latency = re.search(r"p50 ([0-9.]+) ms, p99 ([0-9.]+) ms", timing)
print(f"| {int(size):,} | {seconds:.1f} s | {memory:.0f} MiB | {stage('analysis'):.1f} s | {stage('clustering'):.1f} s "
      f"| {stage('themes'):.1f} s | {stage('description'):.1f} s | {clusters} | {latency.group(1)} / {latency.group(2)} ms |")
PY
done
