#!/usr/bin/env python3
"""Primary-theme accuracy in k-fold cross-validation: never scored on signals the model was built from.

usage: crossvalidate.py SIGNAAL_BINARY LABELLED.jsonl [FOLDS]

For each fold, `signaal themes train` builds a model from the other folds (texts and themes), and `signaal cluster`
classifies the held-out fold with that model, given only id, text, postcode and observed_on (no themes), as the
evaluation does. Folds are assigned round-robin in file order, so every fold spans the whole period.
"""
import json
import os
import subprocess
import sys
import tempfile


def main():
    binary, labelled = sys.argv[1], sys.argv[2]
    folds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    rows = [json.loads(line) for line in open(labelled, encoding="utf-8") if line.strip()]
    correct = 0
    with tempfile.TemporaryDirectory() as work:
        for fold in range(folds):
            train = [r for i, r in enumerate(rows) if i % folds != fold]
            test = [r for i, r in enumerate(rows) if i % folds == fold]
            paths = {name: os.path.join(work, name) for name in ("train.jsonl", "test.jsonl", "model.json", "out.jsonl", "summary.json")}
            with open(paths["train.jsonl"], "w", encoding="utf-8") as f:
                for r in train:
                    f.write(json.dumps({"id": r["id"], "text": r["text"], "themes": r["themes"]}, ensure_ascii=False) + "\n")
            with open(paths["test.jsonl"], "w", encoding="utf-8") as f:
                for r in test:
                    f.write(json.dumps({k: r[k] for k in ("id", "text", "postcode", "observed_on")}, ensure_ascii=False) + "\n")
            subprocess.run([binary, "themes", "train", "--input", paths["train.jsonl"], "--output", paths["model.json"]],
                           check=True, stdout=subprocess.DEVNULL)
            subprocess.run([binary, "cluster", "--input", paths["test.jsonl"], "--output", paths["out.jsonl"],
                            "--summary", paths["summary.json"], "--theme-model", paths["model.json"]],
                           check=True, stdout=subprocess.DEVNULL)
            predicted = {}
            for line in open(paths["out.jsonl"], encoding="utf-8"):
                out = json.loads(line)
                predicted[out["id"]] = out["themes"][0] if out["themes"] else None
            fold_correct = sum(1 for r in test if predicted[r["id"]] == r["themes"][0])
            print(f"fold {fold + 1}: {fold_correct}/{len(test)} = {fold_correct / len(test):.3f}")
            correct += fold_correct
    print(f"primary-theme accuracy ({folds}-fold cross-validation): {correct / len(rows):.3f} ({correct}/{len(rows)})")


if __name__ == "__main__":
    main()
