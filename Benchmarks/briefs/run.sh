#!/usr/bin/env bash
# Brief generation over 10,000 signals, against PostgreSQL reading the same rows.
# Usage: Benchmarks/briefs/run.sh ../shared/data/dev-signals.jsonl
#
# Starts a throwaway embedded database (signaal serve on a temporary data folder), loads 10,000 synthetic signals
# observed in 2026 (recombined from the labelled signals), reclusters them, then times
#   a. `signaal brief --region vlaanderen --period 2026 --format html` (compose, store a version, render), and
#   b. psql copying the rows that brief reads (the same SELECT the store runs) to /dev/null: the database's share.
set -euo pipefail
cd "$(dirname "$0")/../.."
labelled=${1:?usage: Benchmarks/briefs/run.sh LABELLED.jsonl}
port=18097
source Benchmarks/embedded-signaal.sh
python3 Benchmarks/clustering/synthesize.py "$labelled" 10000 "$work/synthetic.jsonl"
python3 Benchmarks/briefs/load_signals.py "$work/synthetic.jsonl" "$work/load.sql"
psql "$DATABASE_URL" -q -f "$work/load.sql" >/dev/null
echo "signals: $(psql "$DATABASE_URL" -Atc 'SELECT count(*) FROM signaal.signals')"
"$signaal" recluster --as-of 2026-10-31 --log-level warning
now() { date +%s.%N; }
for round in 1 2 3; do
    t0=$(now)
    "$signaal" brief --region vlaanderen --period 2026 --format html --output "$work/brief.html" --log-level warning
    t1=$(now)
    psql "$DATABASE_URL" -q -c "\copy (SELECT s.id, s.observed_on, r.code, m.name, ARRAY(SELECT t.code FROM signaal.signal_theme_assignments AS st JOIN signaal.themes AS t ON t.id = st.theme_id WHERE st.signal_id = s.id ORDER BY st.is_submitter_choice DESC, st.rank NULLS LAST, t.code), pl.code, s.description, s.suggestion, c.code, c.label, c.emerging, cm.similarity FROM signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.region_id JOIN signaal.signal_statuses AS ss ON ss.id = s.status_id LEFT JOIN signaal.municipalities AS m ON m.id = s.municipality_id LEFT JOIN signaal.policy_levels AS pl ON pl.id = s.policy_level_id LEFT JOIN signaal.cluster_memberships AS cm ON cm.signal_id = s.id LEFT JOIN signaal.clusters AS c ON c.id = cm.cluster_id AND c.retired_run_id IS NULL WHERE ss.code NOT IN ('rejected', 'merged') AND s.observed_on BETWEEN '2025-01-01' AND '2026-12-31' ORDER BY s.observed_on, s.id) TO '/dev/null'"
    t2=$(now)
    python3 -c "import sys; b, p = float(sys.argv[1]), float(sys.argv[2]); print(f'round {sys.argv[3]}: signaal brief {b:.2f} s (whole process); psql reading the same rows {p:.2f} s; ratio {b / p:.1f}')" \
        "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$round"
done
echo "brief: $(wc -c < "$work/brief.html") bytes of HTML, $(grep -c '<article' "$work/brief.html") problems, versions stored: $(psql "$DATABASE_URL" -Atc "SELECT max(version) FROM signaal.briefs WHERE scope = 'vlaanderen' AND period = '2026'")"
