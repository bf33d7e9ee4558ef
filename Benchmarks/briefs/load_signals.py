#!/usr/bin/env python3
"""Writes SQL that inserts synthetic signals (from synthesize.py) observed in 2026, for the brief benchmark.

usage: load_signals.py SYNTHETIC.jsonl OUT.sql
"""
import datetime
import json
import random
import sys

rng = random.Random(7)
start = datetime.date(2026, 1, 1)


def quoted(text):
    return "'" + text.replace("'", "''") + "'"


with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("BEGIN;\n")
    for number, line in enumerate(open(sys.argv[1], encoding="utf-8")):
        row = json.loads(line)
        day = start + datetime.timedelta(days=rng.randrange(304))
        code = f"{number // 10000:04d}-{number % 10000:04d}"
        out.write(
            "INSERT INTO signaal.signals (tracking_code, description, postcode, municipality_id, region_id, observed_on, "
            "policy_level_id, suggestion, source_id, status_id) "
            f"SELECT {quoted(code)}, {quoted(row['text'][:4000])}, p.postcode, p.municipality_id, m.region_id, '{day}', "
            f"(SELECT id FROM signaal.policy_levels ORDER BY id OFFSET {number % 4} LIMIT 1), "
            f"{quoted('Voorstel ' + str(number % 7)) if number % 3 == 0 else 'NULL'}, 1, 1 "
            f"FROM signaal.postcodes AS p JOIN signaal.municipalities AS m ON m.id = p.municipality_id "
            f"WHERE p.postcode = {quoted(row['postcode'])} LIMIT 1;\n")
    out.write("COMMIT;\n")
