#!/usr/bin/env python3
"""Scores `signaal scrub` output against a labelled set of personal data (such as ../shared/data/dev-pii.jsonl).

Usage: evaluate.py GOLD.jsonl PREDICTED.jsonl

A predicted span counts as correct when type, start and end equal a gold span (strict); the lenient score also
accepts a span of the right type that overlaps a gold span. Prints a Markdown table per type and overall, the
recall of valid national register numbers, and the false positives on texts without personal data.
Exit status 0; the bars are read by a person (and by the benchmark note), not enforced here.
"""
import json
import sys
from collections import defaultdict

TYPES = ["NRN", "IBAN", "PHONE", "EMAIL", "NAME", "ADDRESS", "BIRTHDATE"]


def load(path):
    with open(path, encoding="utf-8") as handle:
        return {str(row["id"]): row for row in map(json.loads, filter(str.strip, handle))}


def main(gold_path, predicted_path):
    gold, predicted = load(gold_path), load(predicted_path)
    missing = sorted(set(gold) - set(predicted))
    if missing:
        sys.exit(f"{predicted_path}: no output for ids {', '.join(missing[:10])}")
    strict = defaultdict(lambda: [0, 0, 0])  # true positives, gold count, predicted count
    lenient = defaultdict(lambda: [0, 0])  # gold found, predicted right
    valid_nrn = [0, 0]
    negative_false_positives = []
    misses, false_alarms = [], []
    for key, row in gold.items():
        gold_spans = {(s["type"], s["start"], s["end"]) for s in row["spans"]}
        predicted_spans = {(s["type"], s["start"], s["end"]) for s in predicted[key]["spans"]}
        for kind, start, end in gold_spans:
            strict[kind][1] += 1
            if (kind, start, end) in predicted_spans:
                strict[kind][0] += 1
            else:
                misses.append((key, kind, row["text"][start:end]))
            if any(k == kind and s < end and start < e for k, s, e in predicted_spans):
                lenient[kind][0] += 1
        for span in row["spans"]:
            if span["type"] == "NRN" and span.get("checksum_ok"):
                valid_nrn[1] += 1
                valid_nrn[0] += (span["type"], span["start"], span["end"]) in predicted_spans
        for kind, start, end in predicted_spans:
            strict[kind][2] += 1
            if any(k == kind and s < end and start < e for k, s, e in gold_spans):
                lenient[kind][1] += 1
            if (kind, start, end) not in gold_spans:
                false_alarms.append((key, kind, row["text"][start:end]))
        if not row["spans"] and predicted_spans:
            negative_false_positives.append(key)

    def ratio(a, b):
        return a / b if b else 1.0

    print("| type | gold | predicted | precision | recall | F1 | lenient precision | lenient recall |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    totals = [0, 0, 0, 0, 0]
    for kind in TYPES:
        tp, g, p = strict[kind]
        lg, lp = lenient[kind]
        precision, recall = ratio(tp, p), ratio(tp, g)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"| {kind} | {g} | {p} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {ratio(lp, p):.3f} | {ratio(lg, g):.3f} |")
        for index, value in enumerate([tp, g, p, lg, lp]):
            totals[index] += value
    tp, g, p, lg, lp = totals
    precision, recall = ratio(tp, p), ratio(tp, g)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"| **all** | {g} | {p} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {ratio(lp, p):.3f} | {ratio(lg, g):.3f} |")
    print()
    print(f"Valid-checksum NRN recall: {ratio(*valid_nrn):.3f} ({valid_nrn[0]}/{valid_nrn[1]})")
    negatives = sum(1 for row in gold.values() if not row["spans"])
    print(f"Texts without personal data: {negatives}; with a false positive: {len(negative_false_positives)}"
          + (f" ({', '.join(negative_false_positives)})" if negative_false_positives else ""))
    if "--details" in sys.argv:
        for key, kind, value in misses:
            print(f"MISS  {key} {kind}: {value!r}")
        for key, kind, value in false_alarms:
            print(f"FALSE {key} {kind}: {value!r}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
