#!/usr/bin/env bash
# Personal-data scrubber quality: runs `signaal scrub` (release build) over a labelled set and scores it; with a
# second file of texts known to hold no personal data (such as dev-signals.jsonl), also counts what it flags there.
# Usage: Benchmarks/pii/run.sh ../shared/data/dev-pii.jsonl [../shared/data/dev-signals.jsonl] [--details]
set -euo pipefail
cd "$(dirname "$0")/../.."
gold=${1:?usage: Benchmarks/pii/run.sh LABELLED.jsonl [CLEAN.jsonl] [--details]}
shift
clean=""
if [[ $# -gt 0 && $1 != --* ]]; then clean=$1; shift; fi
swift build -c release --product signaal >/dev/null 2>&1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/release/signaal scrub --input "$gold" --output "$work/out.jsonl" >/dev/null
python3 Benchmarks/pii/evaluate.py "$gold" "$work/out.jsonl" "$@"
if [[ -n $clean ]]; then
    python3 -c 'import json,sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            out.write(json.dumps({"id": row["id"], "text": row["text"]}) + "\n")' "$clean" "$work/clean-in.jsonl"
    .build/release/signaal scrub --input "$work/clean-in.jsonl" --output "$work/clean-out.jsonl" >/dev/null
    python3 -c 'import json,sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
flagged = sum(len(r["spans"]) for r in rows)
print(f"Texts without personal data in {sys.argv[2]}: {len(rows)}; spans flagged there: {flagged}")' "$work/clean-out.jsonl" "$clean"
fi
