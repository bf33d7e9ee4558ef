#!/usr/bin/env python3
"""A platform's CSV file for the import benchmark, from synthetic signals (synthesize.py).

usage: make_csv.py SYNTHETIC.jsonl OUT.csv

Dutch headers and `;` as Excel in Belgium writes them, dates as d/m/yyyy, a reference per row, an organisation, and
every 10th row with a suggestion.
"""
import csv
import datetime
import json
import sys

with open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(["Referentie", "Beschrijving", "Postcode", "Datum", "Doelgroep", "Voorstel", "Organisatie"])
    for number, line in enumerate(open(sys.argv[1], encoding="utf-8")):
        row = json.loads(line)
        day = datetime.date.fromisoformat(row["observed_on"])
        writer.writerow([
            f"BENCH-{number + 1:06d}", row["text"], row["postcode"], f"{day.day}/{day.month}/{day.year}",
            "gezinnen in armoede" if number % 3 == 0 else "",
            "Automatische toekenning van het recht" if number % 10 == 0 else "",
            f"Organisatie {number % 40 + 1}",
        ])
