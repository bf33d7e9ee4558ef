#!/usr/bin/env bash
# CSV import speed against psql \copy of the same rows into the same table, in one run.
# Usage: Benchmarks/import/run.sh ../shared/data/dev-signals.jsonl [ROWS] [ROUNDS]
#
# A throwaway embedded database (signaal serve on a temporary data folder); a generated CSV file of ROWS rows
# (default 100,000; recombined from the labelled signals, Dutch headers, `;`, d/m/yyyy dates). Then, ROUNDS times in
# turn (default 3), on an empty database each time:
#   a. `signaal import FILE --platform antwerpen`: parse, map, scrub, validate and classify every row (both cores),
#      and COPY the good rows, wave by wave, into signals and signal_classifications (and signal_themes and
#      contact_emails when rows carry a submitter's themes or an address: these generated rows do not);
#   b. psql `\copy` loads the same rows (as they landed in signaal.signals) into the same table: no per-row work, the
#      reference for what the database itself can take;
#   c. psql `\copy` loads everything the import stored, as it landed, into all its tables in one transaction: the
#      database's own share of the import, which bounds the ratio even if Signaal took no time at all.
# Rates are totals over the rounds.
set -euo pipefail
cd "$(dirname "$0")/../.."
labelled=${1:?usage: Benchmarks/import/run.sh LABELLED.jsonl [ROWS] [ROUNDS]}
rows=${2:-100000}
rounds=${3:-3}
port=18096
source Benchmarks/embedded-signaal.sh
python3 Benchmarks/clustering/synthesize.py "$labelled" "$rows" "$work/synthetic.jsonl"
python3 Benchmarks/import/make_csv.py "$work/synthetic.jsonl" "$work/signals.csv"
chmod 777 "$work"
now() { date +%s.%N; }
sql() { psql "$DATABASE_URL" -q "$@"; }
empty() {  # the history tables refuse TRUNCATE by trigger; a benchmark database may lose its history
    sql -c "SET session_replication_role = replica; TRUNCATE signaal.signals CASCADE" 2>/dev/null
}
columns="tracking_code, description, postcode, municipality_id, region_id, target_group, frequency, observed_on, policy_level_id, suggestion, source_id, status_id, received_at, reporting_region_id, organisation, external_id"
tables="signals signal_themes signal_classifications contact_emails"
import_time=0; copy_time=0; all_time=0
for round in $(seq "$rounds"); do
    t0=$(now)
    "$signaal" import "$work/signals.csv" --platform antwerpen --log-level warning > "$work/import.txt"
    t1=$(now)
    loaded=$(psql "$DATABASE_URL" -Atc "SELECT count(*) FROM signaal.signals")
    sql -c "\copy (SELECT $columns FROM signaal.signals) TO '$work/rows.tsv'"
    for table in $tables; do sql -c "\copy signaal.$table TO '$work/$table.tsv'"; done
    empty
    t2=$(now)
    sql -c "\copy signaal.signals ($columns) FROM '$work/rows.tsv'"
    t3=$(now)
    empty
    t4=$(now)
    { echo "BEGIN;"; for table in $tables; do echo "\\copy signaal.$table FROM '$work/$table.tsv'"; done; echo "COMMIT;"; } | sql
    t5=$(now)
    empty
    import_time=$(echo "$import_time + $t1 - $t0" | bc); copy_time=$(echo "$copy_time + $t3 - $t2" | bc); all_time=$(echo "$all_time + $t5 - $t4" | bc)
    echo "round $round: import $(echo "$t1 - $t0" | bc) s, \\copy $(echo "$t3 - $t2" | bc) s, \\copy of all it stored $(echo "$t5 - $t4" | bc) s"
done
python3 - "$rows" "$loaded" "$rounds" "$import_time" "$copy_time" "$all_time" "$(tail -1 "$work/import.txt")" <<'PY'
import sys
rows, loaded, rounds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
ours, reference, everything = (float(value) / rounds for value in sys.argv[4:7])
print(f"rows: {rows:,} per round, {rounds} rounds (loaded: {loaded:,}); the import says: {sys.argv[7]}")
print(f"signaal import: {ours:.2f} s = {rows / ours:,.0f} rows/s (parse, scrub, validate, classify, COPY)")
print(f"psql \\copy:     {reference:.2f} s = {rows / reference:,.0f} rows/s (same rows, same table)")
print(f"ratio (import rate / \\copy rate): {reference / ours:.3f}")
print(f"psql \\copy of everything the import stored (signals, classifications): {everything:.2f} s;"
      f" ratio if Signaal took no time: {reference / everything:.3f}")
PY
