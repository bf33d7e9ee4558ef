#!/usr/bin/env bash
# Personal-data scrubber quality: runs `signaal scrub` (release build) over a labelled set and scores it.
# Usage: Benchmarks/pii/run.sh ../shared/data/dev-pii.jsonl [--details]
set -euo pipefail
cd "$(dirname "$0")/../.."
gold=${1:?usage: Benchmarks/pii/run.sh LABELLED.jsonl [--details]}
shift
swift build -c release --product signaal >/dev/null
output=$(mktemp --suffix=.jsonl)
trap 'rm -f "$output"' EXIT
.build/release/signaal scrub --input "$gold" --output "$output" >/dev/null
python3 Benchmarks/pii/evaluate.py "$gold" "$output" "$@"
