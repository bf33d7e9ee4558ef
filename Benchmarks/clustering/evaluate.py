#!/usr/bin/env python3
"""Scores `signaal cluster` output against labelled signals.

usage: evaluate.py GOLD.jsonl OUT.jsonl SUMMARY.json [EMERGING.json]

Prints ARI, B-cubed precision/recall/F1 (the definitions of shared/data/README.md: a gold "-" and an unclustered
signal are each a cluster of their own), primary-theme accuracy of OUT.jsonl, and the emerging clusters found versus
the expected ones (a predicted cluster matches an expected one when most of its members belong to it).
"""
import collections
import json
import sys


def pairs(x):
    return x * (x - 1) / 2


def adjusted_rand(gold, predicted):
    table = collections.Counter(zip(gold, predicted))
    index = sum(pairs(n) for n in table.values())
    a = sum(pairs(n) for n in collections.Counter(gold).values())
    b = sum(pairs(n) for n in collections.Counter(predicted).values())
    expected = a * b / pairs(len(gold))
    maximum = (a + b) / 2
    return (index - expected) / (maximum - expected) if maximum != expected else 1.0


def bcubed(gold, predicted):
    by_gold = collections.defaultdict(set)
    by_predicted = collections.defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, predicted)):
        by_gold[g].add(i)
        by_predicted[p].add(i)
    precision = recall = 0.0
    for i, (g, p) in enumerate(zip(gold, predicted)):
        overlap = len(by_gold[g] & by_predicted[p])
        precision += overlap / len(by_predicted[p])
        recall += overlap / len(by_gold[g])
    precision /= len(gold)
    recall /= len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def main():
    gold_rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    out = {row["id"]: row for row in (json.loads(line) for line in open(sys.argv[2], encoding="utf-8") if line.strip())}
    summary = json.load(open(sys.argv[3], encoding="utf-8"))
    gold = [r["cluster"] if r["cluster"] != "-" else "-" + r["id"] for r in gold_rows]
    predicted = []
    for r in gold_rows:
        cluster = out[r["id"]]["cluster"]
        predicted.append(cluster if cluster not in (None, "-") else "~" + r["id"])
    p, r, f = bcubed(gold, predicted)
    print(f"signals                 {len(gold_rows)}")
    print(f"clusters found          {len(summary['clusters'])} (gold {len(set(g for g in gold if not g.startswith('-')))})")
    print(f"adjusted Rand index     {adjusted_rand(gold, predicted):.3f}")
    print(f"B-cubed precision       {p:.3f}")
    print(f"B-cubed recall          {r:.3f}")
    print(f"B-cubed F1              {f:.3f}")
    themed = [row for row in gold_rows if out[row["id"]]["themes"]]
    correct = sum(1 for row in themed if out[row["id"]]["themes"][0] == row["themes"][0])
    print(f"primary theme accuracy  {correct / len(gold_rows):.3f} ({correct}/{len(gold_rows)})")
    if len(sys.argv) > 4:
        expected = json.load(open(sys.argv[4], encoding="utf-8"))
        if isinstance(expected, dict):  # dev-emerging.json names them in a field; dev-emerging-2.json is the list
            expected = expected["emerging_clusters"]
        gold_of = {row["id"]: row["cluster"] for row in gold_rows}
        found, false_alarms = set(), []
        for cluster in summary["clusters"]:
            if not cluster["emerging"]:
                continue
            majority, count = collections.Counter(gold_of[m] for m in cluster["members"]).most_common(1)[0]
            if majority in expected and count * 2 > len(cluster["members"]):
                found.add(majority)
            else:
                false_alarms.append(f"{cluster['id']} ({cluster['label']}, mostly {majority})")
        print(f"emerging found          {len(found)}/{len(expected)}: {', '.join(sorted(found)) or '-'}")
        print(f"emerging false alarms   {len(false_alarms)}{': ' + '; '.join(false_alarms) if false_alarms else ''}")


if __name__ == "__main__":
    main()
