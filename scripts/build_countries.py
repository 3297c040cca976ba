#!/usr/bin/env python3
"""Build data/gazetteer/countries.jsonl from pycountry plus the hand-curated overlay.

Every ISO 3166-1 country of pycountry gets one line; the overlay
(data/gazetteer/country_overlay.jsonl, one object per alpha-3 code) overrides the name and
adds the Wikidata id, aliases, demonyms, capitals and metonyms. An overlay line whose code
pycountry does not know (Kosovo, XKX) adds a country and must give "iso2" and "name".
Aliases are the overlay's, then the official name and pycountry's names that read as written
text (not inverted forms like "Korea, Republic of"), less any listed in "exclude_aliases".

    python scripts/build_countries.py           # rewrite countries.jsonl
    python scripts/build_countries.py --check   # exit 1 if countries.jsonl is not up to date

The output is deterministic for a given overlay and pycountry version: lines sorted by
alpha-3 code, keys in a fixed order, lists in overlay order.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pycountry

GAZETTEER_DIR = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
OVERLAY_FIELDS = (
    "iso3",
    "iso2",
    "name",
    "official_name",
    "wikidata",
    "aliases",
    "demonyms",
    "capitals",
    "metonyms",
    "exclude_aliases",
)
LIST_FIELDS = ("aliases", "demonyms", "capitals", "metonyms", "exclude_aliases")


class BuildError(Exception):
    pass


def read_overlay(path: Path) -> dict[str, dict[str, Any]]:
    overlay: dict[str, dict[str, Any]] = {}
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{line_no}"
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BuildError(f"{where}: not valid JSON ({exc.msg})") from exc
        if not isinstance(entry, dict) or not isinstance(entry.get("iso3"), str):
            raise BuildError(f"{where}: expected a JSON object with an 'iso3' code")
        unknown = sorted(set(entry) - set(OVERLAY_FIELDS))
        if unknown:
            raise BuildError(f"{where}: unknown field(s) {unknown}")
        for field in LIST_FIELDS:
            value = entry.get(field, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise BuildError(f"{where}: {field!r} must be a list of non-empty strings")
        if entry["iso3"] in overlay:
            raise BuildError(f"{where}: {entry['iso3']} appears twice in the overlay")
        overlay[entry["iso3"]] = entry
    return overlay


def _plain(name: str | None) -> str | None:
    """A pycountry name usable as written text: not an inverted "Korea, Republic of" form."""
    if not name or "," in name or "(" in name:
        return None
    return name[4:] if name.startswith("the ") else name


def _unique(texts: list[str | None], exclude: str) -> list[str]:
    seen: list[str] = []
    for text in texts:
        if text and text != exclude and text not in seen:
            seen.append(text)
    return seen


def build_records(overlay: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        extra = overlay.get(iso3, {})
        iso_name = country.name
        common = getattr(country, "common_name", None)
        official = _plain(getattr(country, "official_name", None))
        name = extra.get("name") or common or iso_name
        if "official_name" in extra:
            official = extra["official_name"]
        elif official is None and _plain(iso_name) != name:
            official = _plain(iso_name)
        derived = [official, _plain(common), _plain(iso_name)]
        aliases = _unique([*extra.get("aliases", []), *derived], exclude=name)
        aliases = [a for a in aliases if a not in extra.get("exclude_aliases", [])]
        if "iso2" in extra and extra["iso2"] != country.alpha_2:
            raise BuildError(f"overlay gives {iso3} iso2 {extra['iso2']!r}, pycountry says {country.alpha_2!r}")
        records[iso3] = _record(iso3, country.alpha_2, name, official, extra, aliases)
    for iso3, extra in overlay.items():
        if iso3 in records:
            continue
        if not extra.get("iso2") or not extra.get("name"):
            raise BuildError(f"overlay entry {iso3} is not in pycountry, so it must give 'iso2' and 'name'")
        official = extra.get("official_name")
        aliases = _unique([*extra.get("aliases", []), official], exclude=extra["name"])
        records[iso3] = _record(iso3, extra["iso2"], extra["name"], official, extra, aliases)
    return [records[code] for code in sorted(records)]


def _record(
    iso3: str, iso2: str, name: str, official: str | None, extra: dict[str, Any], aliases: list[str]
) -> dict[str, Any]:
    return {
        "iso3": iso3,
        "iso2": iso2,
        "name": name,
        "official_name": official,
        "wikidata": extra.get("wikidata"),
        "aliases": aliases,
        "demonyms": list(extra.get("demonyms", [])),
        "capitals": list(extra.get("capitals", [])),
        "metonyms": list(extra.get("metonyms", [])),
    }


def render(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--overlay", type=Path, default=GAZETTEER_DIR / "country_overlay.jsonl")
    parser.add_argument("--output", type=Path, default=GAZETTEER_DIR / "countries.jsonl")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the output is stale")
    args = parser.parse_args(argv)
    try:
        text = render(build_records(read_overlay(args.overlay)))
    except BuildError as exc:
        print(f"build_countries: {exc}", file=sys.stderr)
        return 2
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.is_file() else ""
        if current != text:
            print(
                f"build_countries: {args.output.name} is out of date; run scripts/build_countries.py", file=sys.stderr
            )
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"build_countries: wrote {text.count(chr(10))} countries to {args.output.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
