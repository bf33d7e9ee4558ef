#!/usr/bin/env bash
# HTTP ingestion against PostgreSQL's own INSERT rate, and the daemon's peak memory, in one run.
# Usage: Benchmarks/ingestion/run.sh ../shared/data/dev-signals.jsonl [SECONDS] [CONNECTIONS]
#
# A throwaway embedded database behind `signaal serve` (release; rate limit off, logs at warning). Then:
#   a. wrk on loopback POSTs realistic Dutch signals (rotating through the labelled set) to /api/v1/signals: each is
#      scrubbed, validated, stored, classified and assigned on arrival; signals/s with p50/p99 latency;
#   b. pgbench runs the INSERT statement the daemon runs (insert.sql) on the same database with as many clients,
#      in its default protocol and again prepared (-M prepared).
# CPU seconds of the daemon and of PostgreSQL during each phase come from /proc; peak memory is the daemon's VmHWM.
set -euo pipefail
cd "$(dirname "$0")/../.."
labelled=${1:?usage: Benchmarks/ingestion/run.sh LABELLED.jsonl [SECONDS] [CONNECTIONS]}
seconds=${2:-20}
connections=${3:-16}
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
# Warm up (first requests load the model and the vocabulary).
wrk -t2 -c4 -d3s -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/signals" >/dev/null
d0=$(cpu $serve); p0=$(cpu $(postgres_pids))
commits0=$(psql "$DATABASE_URL" -Atc "SELECT xact_commit FROM pg_stat_database WHERE datname = 'signaal'")
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/signals" > "$work/wrk.txt"
d1=$(cpu $serve); p1=$(cpu $(postgres_pids))
commits1=$(psql "$DATABASE_URL" -Atc "SELECT xact_commit FROM pg_stat_database WHERE datname = 'signaal'")
m1=$(awk '/^cpu / {print $2+$3+$4+$6+$7+$8}' /proc/stat)
pgbench -n -c "$connections" -j 2 -T "$seconds" -f Benchmarks/ingestion/insert.sql "$DATABASE_URL" > "$work/pgbench.txt" 2>&1
m2=$(awk '/^cpu / {print $2+$3+$4+$6+$7+$8}' /proc/stat)
# The daemon prepares its statement once per connection; pgbench's default protocol parses and plans every insert.
# The prepared run shows what the database can do at best.
pgbench -n -M prepared -c "$connections" -j 2 -T "$seconds" -f Benchmarks/ingestion/insert.sql "$DATABASE_URL" > "$work/prepared.txt" 2>&1
peak=$(awk '/VmHWM/ {print $2}' /proc/$serve/status)
python3 - "$work/wrk.txt" "$work/pgbench.txt" "$work/prepared.txt" "$seconds" "$d0" "$d1" "$p0" "$p1" "$(( (m2 - m1) / $(getconf CLK_TCK) ))" "$peak" "$connections" "$commits0" "$commits1" <<'PY'
import re, sys
wrk, pgbench, prepared = (open(path).read() for path in sys.argv[1:4])
arguments = sys.argv[4:]
seconds = float(arguments[0]); d0, d1, p0, p1, p2 = map(float, arguments[1:6]); peak = int(arguments[6]) / 1024
connections, commits0, commits1 = arguments[7], int(arguments[8]), int(arguments[9])
def ms(label):
    value, unit = re.search(rf"^\s*{label}%\s+([0-9.]+)(us|ms|s)\s*$", wrk, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", wrk).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)
tps = float(re.search(r"tps = ([0-9.]+)", pgbench).group(1))
prepared_tps = float(re.search(r"tps = ([0-9.]+)", prepared).group(1))
print(f"connections: {connections}, {seconds:.0f} s per phase")
print(f"HTTP ingestion (wrk):   {rps:,.0f} signals/s, p50 {ms(50):.2f} ms, p99 {ms(99):.2f} ms"
      + (f", non-2xx {non2xx.group(1)}" if non2xx else ""))
print(f"pgbench, same INSERT:   {tps:,.0f} inserts/s (pgbench's default protocol: each insert parsed and planned)")
print(f"pgbench -M prepared:    {prepared_tps:,.0f} inserts/s (prepared once per client, as the daemon does)")
print(f"ratio (ingestion / pgbench): {rps / tps:.3f}")
print(f"ratio (ingestion / pgbench -M prepared): {rps / prepared_tps:.3f}")
print(f"CPU during ingestion:   daemon {d1 - d0:.1f} s, PostgreSQL {p1 - p0:.1f} s of {2 * seconds:.0f} core-seconds")
print(f"CPU during pgbench:     whole machine {p2:.0f} s of {2 * seconds:.0f} core-seconds (PostgreSQL and pgbench)")
requests = int(re.search(r"(\d+) requests in", wrk).group(1))
print(f"commits per ingested signal: {(commits1 - commits0) / requests:.1f} (pgbench: 1)")
print(f"daemon peak memory (VmHWM): {peak:.0f} MiB")
PY
