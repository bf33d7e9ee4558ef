#!/usr/bin/env bash
# HTTP ingestion against PostgreSQL running the same statement, and the daemon's peak memory, in one run.
# Usage: Benchmarks/ingestion/run.sh ../shared/data/dev-signals.jsonl [SECONDS] [CONNECTIONS] [ROUNDS]
#
# A throwaway embedded database behind `signaal serve` (release; rate limit off, logs at warning). Then, ROUNDS times
# in turn (default 3, SECONDS each, default 10), so that a machine that speeds up or slows down meanwhile weighs on
# every phase alike:
#   a. wrk on loopback POSTs realistic Dutch signals (rotating through the labelled set) to /api/v1/signals: each is
#      scrubbed, validated, classified, assigned and stored on arrival; signals/s with p50/p99 latency;
#   b. pgbench runs the statement the daemon runs to store a signal (statement.sql) on the same database with as
#      many clients, in pgbench's default protocol;
#   c. the same, prepared once per client (-M prepared), as the daemon prepares it: what the database can do at best.
# Rates are totals over the rounds; p50 is the median round's, p99 the worst round's. CPU seconds of the daemon and
# of PostgreSQL during the wrk phases come from /proc; peak memory is the daemon's VmHWM.
set -euo pipefail
cd "$(dirname "$0")/../.."
labelled=${1:?usage: Benchmarks/ingestion/run.sh LABELLED.jsonl [SECONDS] [CONNECTIONS] [ROUNDS]}
seconds=${2:-10}
connections=${3:-16}
rounds=${4:-3}
port=18095
source Benchmarks/embedded-signaal.sh
python3 Benchmarks/ingestion/make_wrk_script.py "$labelled" "$work/post.lua"
cpu() {  # CPU seconds (user + system) of the given pids
    python3 -c 'import os,sys
t=0
for pid in sys.argv[1:]:
    try: f=open(f"/proc/{pid}/stat").read().rsplit(")",1)[1].split(); t+=int(f[11])+int(f[12])
    except FileNotFoundError: pass
print(t/os.sysconf("SC_CLK_TCK"))' "$@"
}
postgres_pids() {  # the postmaster of the embedded cluster and its children (backends, WAL writer, checkpointer)
    local postmaster
    postmaster=$(head -1 "$(find "$work/data" -name postmaster.pid | head -1)")
    echo "$postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"
}
machine_ticks() { awk '/^cpu / {print $2+$3+$4+$6+$7+$8}' /proc/stat; }
commits() { psql "$DATABASE_URL" -Atc "SELECT xact_commit FROM pg_stat_database WHERE datname = 'signaal'"; }
# Warm up (first requests load the model and the vocabulary).
wrk -t2 -c4 -d3s -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/signals" >/dev/null
daemon_cpu=0; postgres_cpu=0; pgbench_ticks=0; ingest_commits=0
for round in $(seq "$rounds"); do
    d0=$(cpu $serve); p0=$(cpu $(postgres_pids)); c0=$(commits)
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/signals" > "$work/wrk-$round.txt"
    d1=$(cpu $serve); p1=$(cpu $(postgres_pids)); c1=$(commits)
    daemon_cpu=$(echo "$daemon_cpu + $d1 - $d0" | bc); postgres_cpu=$(echo "$postgres_cpu + $p1 - $p0" | bc)
    ingest_commits=$((ingest_commits + c1 - c0))
    m0=$(machine_ticks)
    pgbench -n -c "$connections" -j 2 -T "$seconds" -f Benchmarks/ingestion/statement.sql "$DATABASE_URL" > "$work/pgbench-$round.txt" 2>&1
    m1=$(machine_ticks)
    pgbench_ticks=$((pgbench_ticks + m1 - m0))
    pgbench -n -M prepared -c "$connections" -j 2 -T "$seconds" -f Benchmarks/ingestion/statement.sql "$DATABASE_URL" > "$work/prepared-$round.txt" 2>&1
done
peak=$(awk '/VmHWM/ {print $2}' /proc/$serve/status)
python3 Benchmarks/ingestion/report.py "$work" "$rounds" "$seconds" "$connections" "$daemon_cpu" "$postgres_cpu" \
    "$(echo "$pgbench_ticks / $(getconf CLK_TCK)" | bc)" "$ingest_commits" "$peak"
