#!/usr/bin/env python3
"""Synthetic signals for the scale benchmark, derived from a labelled development set.

usage: synthesize.py DEV.jsonl COUNT OUT.jsonl [SEED]

Each synthetic signal recombines sentences of two or three signals of one development cluster (so it reads like
another paraphrase of that problem), or reshuffles a singleton, drops a few words and gets a random postcode and
date of 2025-2026. Every 50th signal mixes sentences of unrelated signals: noise that should stay unclustered.
"""
import datetime
import json
import random
import re
import sys


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def main():
    dev_path, count, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 42)
    rows = [json.loads(line) for line in open(dev_path, encoding="utf-8") if line.strip()]
    by_cluster = {}
    for row in rows:
        by_cluster.setdefault(row["cluster"], []).append(row)
    postcodes = [row["postcode"] for row in rows]
    start = datetime.date(2025, 1, 1)
    with open(out_path, "w", encoding="utf-8") as out:
        for number in range(count):
            base = rng.choice(rows)
            if number % 50 == 49:
                sources = rng.sample(rows, 3)
            elif base["cluster"] != "-":
                sources = rng.sample(by_cluster[base["cluster"]], min(3, len(by_cluster[base["cluster"]])))[: rng.randint(2, 3)]
            else:
                sources = [base]
            parts = [s for source in sources for s in rng.sample(sentences(source["text"]), max(1, len(sentences(source["text"])) // len(sources)))]
            words = " ".join(parts).split()
            words = [w for w in words if rng.random() > 0.05]
            line = {
                "id": f"S{number + 1:06d}",
                "text": " ".join(words),
                "postcode": rng.choice(postcodes),
                "observed_on": (start + datetime.timedelta(days=rng.randrange(665))).isoformat(),
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
