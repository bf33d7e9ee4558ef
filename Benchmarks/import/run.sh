#!/usr/bin/env bash
# CSV import speed against psql \copy of the same rows into the same table, in one run.
# Usage: Benchmarks/import/run.sh ../shared/data/dev-signals.jsonl [ROWS]
#
# A throwaway embedded database (signaal serve on a temporary data folder); a generated CSV file of ROWS rows
# (default 100,000; recombined from the labelled signals, Dutch headers, `;`, d/m/yyyy dates). Then:
#   a. `signaal import FILE --platform antwerpen`: parse, map, scrub, validate and classify every row (both cores),
#      COPY into a staging table, INSERT … ON CONFLICT into signals, themes and classifications;
#   b. the rows as they landed in signaal.signals are copied out, the table emptied, and psql `\copy` loads the
#      same rows into the same table (no per-row work: the reference for what the database itself can take).
set -euo pipefail
cd "$(dirname "$0")/../.."
labelled=${1:?usage: Benchmarks/import/run.sh LABELLED.jsonl [ROWS]}
rows=${2:-100000}
port=18096
source Benchmarks/embedded-signaal.sh
python3 Benchmarks/clustering/synthesize.py "$labelled" "$rows" "$work/synthetic.jsonl"
python3 Benchmarks/import/make_csv.py "$work/synthetic.jsonl" "$work/signals.csv"
now() { date +%s.%N; }
t0=$(now)
"$signaal" import "$work/signals.csv" --platform antwerpen --log-level warning
t1=$(now)
columns="tracking_code, description, postcode, municipality_id, region_id, target_group, frequency, observed_on, policy_level_id, suggestion, source_id, status_id, received_at, reporting_region_id, organisation, external_id"
chmod 777 "$work"
psql "$DATABASE_URL" -q -c "\copy (SELECT $columns FROM signaal.signals) TO '$work/rows.tsv'"
psql "$DATABASE_URL" -q -c "TRUNCATE signaal.signals CASCADE" 2>/dev/null
t2=$(now)
psql "$DATABASE_URL" -q -c "\copy signaal.signals ($columns) FROM '$work/rows.tsv'"
t3=$(now)
loaded=$(psql "$DATABASE_URL" -Atc "SELECT count(*) FROM signaal.signals")
python3 - "$rows" "$loaded" "$(echo "$t1 - $t0" | bc)" "$(echo "$t3 - $t2" | bc)" <<'PY'
import sys
rows, loaded, ours, reference = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
print(f"rows: {rows:,} (loaded by \\copy: {loaded:,}); file {rows:,} rows")
print(f"signaal import: {ours:.2f} s = {rows / ours:,.0f} rows/s (parse, scrub, validate, classify, COPY, themes)")
print(f"psql \\copy:     {reference:.2f} s = {rows / reference:,.0f} rows/s (same rows, same table)")
print(f"ratio (import rate / \\copy rate): {reference / ours:.3f}")
PY
