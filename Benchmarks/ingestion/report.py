#!/usr/bin/env python3
"""Reads the rounds of Benchmarks/ingestion/run.sh (wrk and pgbench outputs) and prints the report.

usage: report.py FOLDER ROUNDS SECONDS CONNECTIONS DAEMON_CPU POSTGRES_CPU PGBENCH_CPU COMMITS PEAK_KB
"""
import os
import re
import statistics
import sys

folder = sys.argv[1]
rounds, seconds, connections = int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
daemon_cpu, postgres_cpu, pgbench_cpu = map(float, sys.argv[5:8])
commits, peak = int(sys.argv[8]), int(sys.argv[9]) / 1024
read = lambda name: open(os.path.join(folder, name), encoding="utf-8").read()


def ms(text, label):
    value, unit = re.search(rf"^\s*{label}%\s+([0-9.]+)(us|ms|s)\s*$", text, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def transactions(text):
    failed = re.search(r"number of failed transactions: (\d+)", text)
    if failed and int(failed.group(1)):
        sys.exit(f"pgbench reported {failed.group(1)} failed transactions")
    return int(re.search(r"number of transactions actually processed: (\d+)", text).group(1))


requests, non2xx, p50s, p99s, plain, prepared = 0, 0, [], [], 0, 0
for number in range(1, rounds + 1):
    wrk = read(f"wrk-{number}.txt")
    done = int(re.search(r"(\d+) requests in", wrk).group(1))
    refused = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)
    round_plain, round_prepared = transactions(read(f"pgbench-{number}.txt")), transactions(read(f"prepared-{number}.txt"))
    requests, plain, prepared = requests + done, plain + round_plain, prepared + round_prepared
    non2xx += int(refused.group(1)) if refused else 0
    p50s.append(ms(wrk, 50))
    p99s.append(ms(wrk, 99))
    print(f"round {number}: wrk {done / seconds:,.0f} signals/s (p50 {p50s[-1]:.2f} ms, p99 {p99s[-1]:.2f} ms); "
          f"pgbench {round_plain / seconds:,.0f}/s; -M prepared {round_prepared / seconds:,.0f}/s")
total = rounds * seconds
rate, plain_rate, prepared_rate = requests / total, plain / total, prepared / total
print(f"connections: {connections}, {rounds} rounds of {seconds:.0f} s per phase")
print(f"HTTP ingestion (wrk):   {rate:,.0f} signals/s, p50 {statistics.median(p50s):.2f} ms, p99 {max(p99s):.2f} ms (worst round)"
      + (f", non-2xx {non2xx}" if non2xx else ""))
print(f"pgbench, same statement: {plain_rate:,.0f} signals/s (pgbench's default protocol: parsed and planned every time)")
print(f"pgbench -M prepared:    {prepared_rate:,.0f} signals/s (prepared once per client, as the daemon does)")
print(f"ratio (ingestion / pgbench): {rate / plain_rate:.3f}")
print(f"ratio (ingestion / pgbench -M prepared): {rate / prepared_rate:.3f}")
print(f"CPU during ingestion:   daemon {daemon_cpu:.1f} s, PostgreSQL {postgres_cpu:.1f} s of {os.cpu_count() * total:.0f} core-seconds"
      f" ({1000 * daemon_cpu / requests:.2f} and {1000 * postgres_cpu / requests:.2f} ms per signal)")
print(f"CPU during pgbench:     whole machine {pgbench_cpu:.0f} s of {os.cpu_count() * total:.0f} core-seconds (PostgreSQL and pgbench)")
print(f"commits per ingested signal: {commits / requests:.2f} (pgbench: 1)")
print(f"daemon peak memory (VmHWM): {peak:.0f} MiB")
