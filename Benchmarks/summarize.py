#!/usr/bin/env python3
"""Writes the summary of a run-all into BENCHMARKS.md, between <!-- run-all:start --> and <!-- run-all:end -->.

usage: summarize.py OUTPUT_FOLDER DATE MACHINE VERSIONS BENCHMARKS.md
"""
import json
import os
import re
import sys

folder, date, machine, versions, target = sys.argv[1:6]
read = lambda name: open(os.path.join(folder, name), encoding="utf-8").read()
find = lambda pattern, text: re.search(pattern, text, re.M).group(1)
pii, clustering, briefs, imports, ingestion = (read(f"{n}.txt") for n in ("pii", "clustering", "briefs", "import", "ingestion"))
scale = [line for line in clustering.splitlines() if line.startswith("| 100,000")][0].split("|")
second = clustering.split("## Quality on dev-signals-2.jsonl")[1] if "## Quality on dev-signals-2.jsonl" in clustering else ""
held_out = re.findall(r"^  (classifier|keyword list): primary among the reader's themes ([0-9.]+) \(\d+\), the reader's primary ([0-9.]+)",
                      clustering, re.M)
written = re.findall(r"(classifier|keyword list) primary ([0-9.]+) \(\d+\), among its themes ([0-9.]+)",
                     find(r"^(long texts \(--long-texts.*)$", clustering) if "long texts (--long-texts" in clustering else "")
keyword_list = r"keyword list of the lexicon [^:]*: ([0-9.]+)"
brief_times = [float(t) for t in re.findall(r"signaal brief ([0-9.]+) s", briefs)]
rows = [
    ("Scrubber, all types (dev-pii)", "precision / recall",
     re.search(r"^\| \*\*all\*\* \| \d+ \| \d+ \| ([0-9.]+) \| ([0-9.]+) \|", pii, re.M).expand(r"\1 / \2"), "—"),
    ("Clustering (dev-signals)", "B-cubed F1", find(r"B-cubed F1\s+([0-9.]+)", clustering), "≥ 0.75"),
    ("Themes, 5 folds grouped by recurring problem", "primary-theme accuracy",
     find(r"grouped by recurring problem \(\d+ problems\): ([0-9.]+)", clustering), "—"),
    ("Themes, 5 random folds (beside it)", "primary-theme accuracy", find(r"random folds [^:]*: ([0-9.]+)", clustering), "—"),
    ("Themes, keyword list of the lexicon (beside them; learns nothing)", "primary-theme accuracy",
     find(keyword_list, clustering), "—"),
    ("Emerging problems", "found / false alarms",
     find(r"emerging found\s+(\d/\d)", clustering) + " / " + find(r"emerging false alarms\s+(\d+)", clustering), "2/2, ≤ 1"),
    *([("Clustering (dev-signals-2, problems the lexicon was not written for)", "B-cubed F1",
         find(r"B-cubed F1\s+([0-9.]+)", second), "—"),
       ("Emerging problems (dev-signals-2)", "found / false alarms",
         find(r"emerging found\s+(\d/\d)", second) + " / " + find(r"emerging false alarms\s+(\d+)", second), "2/2, ≤ 1")]
      if second else []),
    *([("Report-like texts written for the 50 problems, grouped folds", "primary / among its themes",
        "; ".join(f"{name} {primary} / {among}" for name, primary, among in written), "classifier > keyword list")]
      if written else []),
    *([("Long signals, held out (dev-long-signals)", "primary among the reader's themes / the reader's primary",
        "; ".join(f"{name} {among} / {primary}" for name, among, primary in held_out), "classifier > keyword list")]
      if held_out else []),
    ("Clustering 100,000 signals", "wall time / peak memory", f"{scale[2].strip()} / {scale[3].strip()}", "< 60 s, < 2 GiB"),
    ("Assignment on arrival", "p50 / p99", scale[9].strip(), "≤ 50 ms"),
    ("Brief over 10,000 signals", "whole command (best of 3)", f"{min(brief_times):.2f} s", "< 2 s"),
    ("CSV import 100,000 rows vs psql \\copy", "rate ratio", find(r"ratio \(import rate / \\copy rate\): ([0-9.]+)", imports), "≥ 0.5"),
    ("CSV import: the database's own share", "ratio if Signaal took no time", find(r"ratio if Signaal took no time: ([0-9.]+)", imports), "—"),
    ("HTTP ingestion vs pgbench (the daemon's statement)", "signals/s; ratio; p99 (worst round)",
     "; ".join([find(r"HTTP ingestion \(wrk\):\s+([0-9,]+)", ingestion), find(r"ratio \(ingestion / pgbench\): ([0-9.]+)", ingestion),
                find(r"HTTP ingestion \(wrk\):.*p99 ([0-9.]+ ms)", ingestion)]), "≥ 0.5; < 25 ms"),
    ("HTTP ingestion vs pgbench -M prepared", "ratio", find(r"ratio \(ingestion / pgbench -M prepared\): ([0-9.]+)", ingestion), "—"),
    ("Daemon peak memory under ingestion", "VmHWM", find(r"daemon peak memory \(VmHWM\): (\d+ MiB)", ingestion), "< 200 MiB"),
]
table = [f"Run {date} by `Benchmarks/run-all.sh ../shared/data` on {machine}.", f"Versions: {versions}.", "",
         "| benchmark | measure | value | goal |", "|---|---|---:|---|"]
table += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
table += ["", "Details and what limits each figure: the sections below.", ""]
block = "<!-- run-all:start -->\n" + "\n".join(table) + "<!-- run-all:end -->"
text = open(target, encoding="utf-8").read()
if "<!-- run-all:start -->" in text:
    text = re.sub(r"<!-- run-all:start -->.*<!-- run-all:end -->", lambda _: block, text, flags=re.S)
else:
    head, _, rest = text.partition("\n## ")
    text = head.rstrip() + "\n\n## Summary of the last full run\n\n" + block + "\n\n## " + rest
open(target, "w", encoding="utf-8").write(text)

# The algorithm register (/over/algoritmes) shows the quality figures of this run, in Dutch.
figures_path = os.path.join(os.path.dirname(target), "Sources/SignaalServer/Resources/algorithm-figures.json")
if os.path.exists(figures_path):
    figures = json.load(open(figures_path, encoding="utf-8"))
    figures["measured_on"] = date
    grouped = re.search(r"grouped by recurring problem \((\d+) problems\): ([0-9.]+) \(\d+/(\d+)\)", clustering)
    dutch = lambda number: number.replace(".", ",")
    figures["figures"]["themes_grouped"] = (
        f"{dutch(grouped.group(2))}: het hoofdthema klopt voor {round(float(grouped.group(2)) * 100)} % van de signalen over een "
        f"probleem dat het model nooit zag ({grouped.group(3)} signalen in {grouped.group(1)} groepen: elk terugkerend probleem "
        "en elk los signaal blijft in één van vijf delen, en elk deel wordt beoordeeld door een model dat de andere vier zag)")
    figures["figures"]["themes_random"] = (
        dutch(find(r"random folds [^:]*: ([0-9.]+)", clustering)) + " wanneer signalen van hetzelfde probleem ook bij het leren "
        "zaten (ter vergelijking, niet het kerncijfer); een eenvoudige trefwoordenlijst uit de begrippenlijst, die niets leert, "
        f"haalt op dezelfde signalen {dutch(find(keyword_list, clustering))}")
    if held_out:
        (_, among, primary), (_, keyword_among, keyword_primary) = held_out[0], held_out[1]
        figures["figures"]["themes_long"] = (
            f"Op 50 lange signalen zoals organisaties ze schrijven, waarop niet geleerd werd, is het voorgestelde hoofdthema "
            f"voor {dutch(among)} een thema dat de lezer aanduidde en voor {dutch(primary)} diens hoofdthema; een eenvoudige "
            f"trefwoordenlijst haalt {dutch(keyword_among)} en {dutch(keyword_primary)}")
    bcubed = lambda text: dutch(find(r"B-cubed F1\s+([0-9.]+)", text))
    clustering_second = f"; {bcubed(second)} op 263 signalen over problemen waarvoor de begrippenlijst niet geschreven werd" if second else ""
    figures["figures"]["clustering"] = (
        f"B-cubed F1 {bcubed(clustering)} op 300 gelabelde signalen{clustering_second} (hoe goed "
        "de groepering overeenkomt met de terugkerende problemen die mensen aanduidden; 1 is volmaakt)")
    found = [find(r"emerging found\s+(\d)/\d", part) for part in (clustering.split("## Quality on dev-signals-2.jsonl")[0], second) if part]
    alarms = [int(find(r"emerging false alarms\s+(\d+)", part)) for part in (clustering.split("## Quality on dev-signals-2.jsonl")[0], second) if part]
    figures["figures"]["emerging"] = (
        f"{sum(map(int, found))} van {2 * len(found)} opkomende problemen gevonden in de testgegevens, {sum(alarms)} valse alarmen")
    json.dump(figures, open(figures_path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
