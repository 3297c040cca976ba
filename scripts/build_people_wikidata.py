#!/usr/bin/env python3
"""Build data/gazetteer/people_wikidata.jsonl from the Wikidata leaders table, and give the curated people
of data/gazetteer/people.jsonl the Wikidata ids the table names.

The table (``../shared/data/wikidata-leaders/leaders.csv``, one row per person, office and start year, with
the snapshots that listed it; its README gives the caveats) becomes one gazetteer person per Wikidata id:

* the country: the table's country item mapped to ISO 3166-1 alpha-3 through the Wikidata ids of
  countries.jsonl (and :data:`COUNTRY_ITEMS` for the "Kingdom of ..." items); rows of entities without an
  ISO code (Abkhazia, Somaliland, ...) are left out;
* the name: the Wikidata label, less a regnal " of <country>" ("Felipe VI of Spain" -> "Felipe VI", the
  label kept as an alias), plus the ASCII form when the name has accents; a person whose label is a bare
  id, and labels known to be wrong, are taken from people_wikidata_overlay.jsonl (``name`` or ``exclude``);
* the offices: one term per office and run of years (rows of one office whose years overlap are one term,
  as the README warns that edited start years give several rows; two items of one title in one state are one
  office), with the role as the table gives it
  (``governor_general`` and ``other`` become ``official``). The table knows years only, so a term runs from
  1 January of its start year to 1 January after its end year; with no end year, to 1 January after the
  year a successor in the same office started, else after the year of the next snapshot, or open when the
  last snapshot still lists it. A handover year thus has two holders, and "the Kenyan President" on a day
  of it resolves to nobody rather than to the wrong person.

Curated people (people.jsonl) matched to a table person by ``kg.gazetteer.people`` (same id, same name and
country, or same surname with an overlapping term) get its Wikidata id when they have none; a curated id
that differs from the table's is reported, never changed. At load time the generated people are merged into
the curated ones, curated winning (``kg.gazetteer.people``).

    python scripts/build_people_wikidata.py           # rewrite people_wikidata.jsonl, fill ids in people.jsonl
    python scripts/build_people_wikidata.py --check   # exit 1 if either file is not up to date

The output is deterministic for a given table, overlay and countries.jsonl: lines sorted by id, keys in
a fixed order, compact JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.errors import GazetteerError  # noqa: E402
from kg.gazetteer import GENERATED_PEOPLE_FILE, PEOPLE_FILE, Person, person_from_record  # noqa: E402
from kg.gazetteer.people import CuratedIndex  # noqa: E402
from kg.keys import slugify  # noqa: E402

GAZETTEER_DIR = ROOT / "data" / "gazetteer"
DEFAULT_TABLE = ROOT.parent / "shared" / "data" / "wikidata-leaders" / "leaders.csv"
OVERLAY_FILE = "people_wikidata_overlay.jsonl"
FINAL_SNAPSHOT = "2026"  # the last version of the table; its exact date is unknown (its README)
ROLES = {"head_of_state": "head_of_state", "head_of_government": "head_of_government",
         "governor_general": "official", "other": "official"}
# Country items that are not the ones countries.jsonl gives, but name the same state.
COUNTRY_ITEMS = {"Q756617": "DNK", "Q29999": "NLD", "Q30747910": "AFG"}
_QID = re.compile(r"Q[1-9][0-9]*")
COLUMNS = ("person_qid", "person_label", "country_qid", "country", "position_qid", "position", "role",
           "start_year", "end_year", "first_seen", "last_seen")


class BuildError(Exception):
    pass


@dataclass(frozen=True)
class Row:
    person: str
    label: str
    iso3: str
    country: str
    position: str
    title: str
    role: str
    start: int
    end: int | None
    first_seen: str
    last_seen: str


@dataclass
class Build:
    records: list[dict[str, Any]]
    skipped: Counter[str]


# ------------------------------------------------------------------------------------------------ input


def _year(value: str, where: str) -> int | None:
    if not value:
        return None
    if not value.isdigit() or len(value) != 4:
        raise BuildError(f"{where}: expected a four-digit year, got {value!r}")
    return int(value)


def read_table(path: Path, countries: dict[str, str], skipped: Counter[str]) -> list[Row]:
    """The rows of the table whose country has an ISO code (``countries``: Wikidata id -> alpha-3)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                raise BuildError(f"{path.name}: expected the columns {', '.join(COLUMNS)}")
            rows = []
            for line_no, raw in enumerate(reader, start=2):
                where = f"{path.name}:{line_no}"
                if not _QID.fullmatch(raw["person_qid"]) or raw["role"] not in ROLES:
                    raise BuildError(f"{where}: expected a person id and a known role, got {raw['person_qid']!r}, "
                                     f"{raw['role']!r}")
                iso3 = countries.get(raw["country_qid"]) or COUNTRY_ITEMS.get(raw["country_qid"])
                if iso3 is None:
                    skipped[f"row of an entity without an ISO code ({raw['country']})"] += 1
                    continue
                start = _year(raw["start_year"], where)
                if start is None:
                    raise BuildError(f"{where}: the start year is missing")
                rows.append(Row(person=raw["person_qid"], label=raw["person_label"].strip(), iso3=iso3,
                                country=raw["country"], position=raw["position_qid"], title=raw["position"].strip(),
                                role=ROLES[raw["role"]], start=start, end=_year(raw["end_year"], where),
                                first_seen=raw["first_seen"], last_seen=raw["last_seen"]))
    except OSError as exc:
        raise BuildError(f"cannot read the table {path}: {exc.strerror or exc}") from exc
    return rows


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    records = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise BuildError(f"{path.name}:{line_no}: not valid JSON ({exc.msg})") from exc
    return records


def read_overlay(path: Path) -> dict[str, dict[str, Any]]:
    """Corrections by Wikidata id: ``name`` (a label that is wrong or a bare id) or ``exclude: true``."""
    overlay = {}
    for entry in read_jsonl(path):
        qid = entry.get("wikidata")
        unknown = sorted(k for k in entry if k not in ("wikidata", "name", "exclude") and not k.startswith("_"))
        if not isinstance(qid, str) or not _QID.fullmatch(qid) or unknown:
            raise BuildError(f"{path.name}: bad overlay entry {entry!r} (fields: wikidata, name, exclude, _...)")
        overlay[qid] = entry
    return overlay


# ------------------------------------------------------------------------------------------------ terms


def snapshot_after(day: str, snapshots: list[str]) -> str:
    later = [s for s in snapshots if s > day]
    return later[0] if later else FINAL_SNAPSHOT


def term_end(row: Row, rows_of_office: list[Row], snapshots: list[str]) -> int | None:
    """The year on whose 1 January the term has surely ended (exclusive), or None while it is open."""
    if row.end is not None:
        return max(row.end, row.start) + 1
    if row.last_seen == FINAL_SNAPSHOT:
        return None
    seen = int(row.last_seen[:4])
    successors = [r.start for r in rows_of_office if r.person != row.person and r.start >= max(row.start, seen)]
    if successors:
        return min(successors) + 1
    return int(snapshot_after(row.last_seen, snapshots)[:4]) + 1


def office_key(row: Row) -> tuple[str, str, str]:
    """An office: its state, role and title (two Wikidata items of one title are one office, as for
    "emir of Kuwait")."""
    return row.iso3, row.role, row.title.casefold()


def terms(rows: list[Row], by_office: dict[tuple[str, str, str], list[Row]],
          snapshots: list[str]) -> list[dict[str, Any]]:
    """One person's terms: per office, the runs of overlapping rows joined."""
    spans: dict[tuple[str, str, str], list[tuple[int, int | None, Row]]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (office_key(r), r.start)):
        end = term_end(row, by_office[office_key(row)], snapshots)
        runs = spans[office_key(row)]
        if runs and (runs[-1][1] is None or runs[-1][1] > row.start):
            start, last_end, first = runs[-1]
            runs[-1] = (start, None if end is None or last_end is None else max(end, last_end), first)
        else:
            runs.append((row.start, end, row))
    out = [{"title": first.title, "role": first.role, "of": first.iso3, "start": str(start),
            "end": None if end is None else str(end)}
           for runs in spans.values() for start, end, first in runs]
    return sorted(out, key=lambda t: (t["start"], t["of"], t["role"], t["title"]))


# ----------------------------------------------------------------------------------------------- people


def ascii_form(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def names(label: str, countries_named: set[str]) -> tuple[str, list[str]]:
    """The name and aliases of a label: a regnal " of <country>" dropped, an ASCII form added."""
    name, aliases = label, []
    for country in sorted(countries_named):
        if label.endswith(f" of {country}") and len(label) > len(country) + 4:
            name, aliases = label[: -len(country) - 4], [label]
            break
    for text in (name, *aliases):
        plain = ascii_form(text)
        if plain != text and plain not in aliases:
            aliases.append(plain)
    return name, [a for a in aliases if a != name]


def build(table: Path, gazetteer: Path) -> Build:
    countries_file = read_jsonl(gazetteer / "countries.jsonl")
    countries = {c["wikidata"]: c["iso3"] for c in countries_file if c.get("wikidata")}
    overlay = read_overlay(gazetteer / OVERLAY_FILE)
    skipped: Counter[str] = Counter()
    rows = read_table(table, countries, skipped)
    snapshots = sorted(({r.last_seen for r in rows} | {r.first_seen for r in rows}) - {FINAL_SNAPSHOT})
    by_office: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    by_person: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_office[office_key(row)].append(row)
        by_person[row.person].append(row)
    records = []
    for qid, person_rows in by_person.items():
        fix = overlay.get(qid, {})
        if fix.get("exclude"):
            skipped["person excluded by the overlay"] += 1
            continue
        label = fix.get("name") or person_rows[0].label
        if _QID.fullmatch(label):
            skipped["person without a name (a bare Wikidata id as label)"] += 1
            continue
        name, aliases = names(label, {r.country for r in person_rows})
        country = sorted(Counter(r.iso3 for r in person_rows).items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        records.append({"id": slugify(name), "name": name, "wikidata": qid, "aliases": aliases,
                         "country": country, "offices": terms(person_rows, by_office, snapshots)})
    return Build(records=_unique_ids(records), skipped=skipped)


def _unique_ids(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    count = Counter(r["id"] for r in records)
    for r in records:
        if count[r["id"]] > 1:
            r["id"] = f"{r['id']}-{r['wikidata'].lower()}"
    return sorted(records, key=lambda r: r["id"])


# ------------------------------------------------------------------------------------- curated ids


def curated_with_ids(curated_text: str, generated: list[dict[str, Any]], gazetteer: Path) -> tuple[str, list[str]]:
    """people.jsonl with the Wikidata id of its matched people filled in, and the conflicts found."""
    countries = frozenset(c["iso3"] for c in read_jsonl(gazetteer / "countries.jsonl"))
    holders = countries | frozenset(o["id"] for o in read_jsonl(gazetteer / "organizations.jsonl"))

    def person(record: dict[str, Any], where: str) -> Person:
        try:
            return person_from_record(record, where, countries, holders)
        except GazetteerError as exc:
            raise BuildError(exc.message) from exc

    lines = curated_text.splitlines()
    records = [json.loads(line) if line.strip() else None for line in lines]
    index = CuratedIndex(person(r, f"{PEOPLE_FILE}:{n}") for n, r in enumerate(records, start=1) if r is not None)
    ids: dict[str, str] = {}
    conflicts = []
    for record in generated:
        match = index.match(person(record, record["wikidata"]))
        if match is None:
            conflicts += [f"{other.id} has {other.wikidata}, the table says {record['wikidata']}"
                          for other in index.namesakes(person(record, record["wikidata"])) if other.wikidata]
        elif not match.wikidata:
            ids.setdefault(match.id, record["wikidata"])
    out = []
    for line, record in zip(lines, records, strict=True):
        if record is not None and record["id"] in ids:
            record["wikidata"] = ids[record["id"]]
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        out.append(line)
    return "".join(line + "\n" for line in out), conflicts


def render(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, default=DEFAULT_TABLE, help="leaders.csv of the wikidata-leaders data")
    parser.add_argument("--gazetteer", type=Path, default=GAZETTEER_DIR)
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if an output is stale")
    args = parser.parse_args(argv)
    try:
        result = build(args.table, args.gazetteer)
        generated_text = render(result.records)
        curated_path = args.gazetteer / PEOPLE_FILE
        curated_text, conflicts = curated_with_ids(curated_path.read_text(encoding="utf-8"), result.records,
                                                   args.gazetteer)
    except BuildError as exc:
        print(f"build_people_wikidata: {exc}", file=sys.stderr)
        return 2
    outputs = {args.gazetteer / GENERATED_PEOPLE_FILE: generated_text, curated_path: curated_text}
    if args.check:
        stale = [p.name for p, text in outputs.items()
                 if (p.read_text(encoding="utf-8") if p.is_file() else "") != text]
        if stale:
            print(f"build_people_wikidata: {', '.join(stale)} out of date; run scripts/build_people_wikidata.py",
                  file=sys.stderr)
            return 1
        return 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
    for conflict in conflicts:
        print(f"build_people_wikidata: conflict: {conflict}", file=sys.stderr)
    for reason, count in sorted(result.skipped.items()):
        print(f"build_people_wikidata: left out {count} {reason}")
    print(f"build_people_wikidata: wrote {len(result.records)} people to {GENERATED_PEOPLE_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
