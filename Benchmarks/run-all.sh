#!/usr/bin/env bash
# Runs every benchmark and writes the summary table into BENCHMARKS.md (between the run-all markers), with date,
# machine and versions. Takes about three minutes on 2 cores once the release build exists.
# Usage: Benchmarks/run-all.sh ../shared/data   (the folder with dev-signals.jsonl, dev-pii.jsonl, dev-emerging.json)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:?usage: Benchmarks/run-all.sh DATA_FOLDER}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "1/5 personal-data scrubber";  Benchmarks/pii/run.sh "$data/dev-pii.jsonl" "$data/dev-signals.jsonl" > "$out/pii.txt"
echo "2/5 clustering";              Benchmarks/clustering/run.sh "$data/dev-signals.jsonl" "$data/dev-emerging.json" > "$out/clustering.txt"
echo "3/5 briefs";                  Benchmarks/briefs/run.sh "$data/dev-signals.jsonl" > "$out/briefs.txt"
echo "4/5 CSV import";              Benchmarks/import/run.sh "$data/dev-signals.jsonl" > "$out/import.txt"
echo "5/5 HTTP ingestion";          Benchmarks/ingestion/run.sh "$data/dev-signals.jsonl" > "$out/ingestion.txt"
machine="$(uname -m), $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(. /etc/os-release; echo "$PRETTY_NAME")"
versions="$(swift --version 2>&1 | head -1 | sed 's/ (.*//'); $(psql --version); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); $(pgbench --version)"
python3 Benchmarks/summarize.py "$out" "$(date -u +%F)" "$machine" "$versions" BENCHMARKS.md
echo "BENCHMARKS.md updated."
