"""The gazetteer: countries, people with dated offices, organizations and treaties.

The data lives in ``data/gazetteer/*.jsonl`` (one JSON object a line; see the README there).
:func:`load_gazetteer` reads and validates all four files and returns a frozen :class:`Gazetteer`;
any malformed line raises :class:`kg.errors.GazetteerError` naming ``file:line``.

This module imports neither spaCy nor an RDF library: the NLP side turns
:meth:`Gazetteer.surface_forms` into matcher patterns, the RDF side reads the records.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from kg.errors import GazetteerError
from kg.gazetteer.people import merge_people
from kg.gazetteer.records import (
    COUNTRIES_FILE,
    FORMS,
    GENERATED_PEOPLE_FILE,
    KINDS,
    ORGANIZATION_KINDS,
    ORGANIZATIONS_FILE,
    PEOPLE_FILE,
    ROLES,
    TREATIES_FILE,
    Country,
    Gazetteer,
    OfficeTerm,
    Organization,
    Person,
    SurfaceForm,
    Treaty,
)

__all__ = [
    "COUNTRIES_FILE",
    "Country",
    "FORMS",
    "GENERATED_PEOPLE_FILE",
    "Gazetteer",
    "KINDS",
    "ORGANIZATIONS_FILE",
    "ORGANIZATION_KINDS",
    "OfficeTerm",
    "Organization",
    "PEOPLE_FILE",
    "Person",
    "ROLES",
    "SurfaceForm",
    "TREATIES_FILE",
    "Treaty",
    "cached_gazetteer",
    "load_gazetteer",
    "person_from_record",
]


# --------------------------------------------------------------------------- loading

_ISO3 = re.compile(r"[A-Z]{3}")
_ISO2 = re.compile(r"[A-Z]{2}")
_QID = re.compile(r"Q[1-9][0-9]*")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ORG_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9+.&-]*")
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")

_Entry = TypeVar("_Entry")


@lru_cache(maxsize=4)
def cached_gazetteer(directory: str = "") -> Gazetteer:
    """The gazetteer of a folder ("" = the shipped one), loaded and validated once per process (without
    importing spaCy: the ingest's parent process needs it for the reference graph only)."""
    from kg.resources import gazetteer_dir

    return load_gazetteer(Path(directory) if directory else gazetteer_dir())


def load_gazetteer(directory: Path) -> Gazetteer:
    """Read and validate the gazetteer files in ``directory``: countries, curated people, organizations and
    treaties, and (when present) the people generated from Wikidata, merged into the curated ones
    (:mod:`kg.gazetteer.people`: curated wins)."""

    directory = Path(directory)
    countries = _load(directory / COUNTRIES_FILE, _country, key=lambda c: c.iso3)
    _check_unique_iso2(directory / COUNTRIES_FILE, countries)
    known_countries = frozenset(countries)
    organizations = _load(
        directory / ORGANIZATIONS_FILE,
        lambda rec: _organization(rec, known_countries),
        key=lambda o: o.id,
    )
    known_holders = known_countries | frozenset(organizations)
    people = _load(
        directory / PEOPLE_FILE,
        lambda rec: _person(rec, known_countries, known_holders),
        key=lambda p: p.id,
    )
    generated_path = directory / GENERATED_PEOPLE_FILE
    generated = (
        _load(generated_path, lambda rec: _person(rec, known_countries, known_holders), key=lambda p: p.id)
        if generated_path.is_file() else {}
    )
    treaties = _load(
        directory / TREATIES_FILE,
        lambda rec: _treaty(rec, known_countries),
        key=lambda t: t.id,
    )
    return Gazetteer(
        countries=MappingProxyType({k: v for k, (v, _line) in countries.items()}),
        people=MappingProxyType(
            merge_people({k: v for k, (v, _line) in people.items()}, (v for v, _line in generated.values()))
        ),
        organizations=MappingProxyType({k: v for k, (v, _line) in organizations.items()}),
        treaties=MappingProxyType({k: v for k, (v, _line) in treaties.items()}),
    )


class _Record:
    """One parsed line: field access that raises a GazetteerError naming ``file:line``."""

    def __init__(self, data: dict[str, Any], where: str) -> None:
        self.data = data
        self.where = where
        self.used: set[str] = set()

    def fail(self, what: str, fix: str) -> GazetteerError:
        return GazetteerError(what, where=self.where, fix=fix)

    def raw(self, key: str, *, required: bool = True) -> Any:
        self.used.add(key)
        if key not in self.data:
            if required:
                raise self.fail(f"missing field {key!r}", f"add {key!r}; data/gazetteer/README.md lists the fields")
            return None
        return self.data[key]

    def text(self, key: str) -> str:
        value = self.raw(key)
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            raise self.fail(
                f"field {key!r} must be a non-empty string without surrounding spaces, not {value!r}",
                f"give {key!r} a name",
            )
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.raw(key)
        return None if value is None else self.text(key)

    def texts(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.raw(key, required=required)
        if value is None and not required:
            return ()
        if not isinstance(value, list):
            raise self.fail(f"field {key!r} must be a list of strings, not {value!r}", f"write {key!r} as [...]")
        for item in value:
            if not isinstance(item, str) or not item.strip() or item != item.strip():
                raise self.fail(
                    f"field {key!r} holds {item!r}, not a non-empty string without surrounding spaces",
                    f"fix the entries of {key!r}",
                )
        if len(set(value)) != len(value):
            raise self.fail(f"field {key!r} lists a text twice", f"remove the duplicate from {key!r}")
        return tuple(value)

    def matching(self, key: str, pattern: re.Pattern[str], what: str) -> str:
        value = self.raw(key)
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise self.fail(f"field {key!r} must be {what}, not {value!r}", f"write {key!r} as {what}")
        return value

    def qid(self, key: str = "wikidata") -> str | None:
        value = self.raw(key)
        if value is None:
            return None
        return self.matching(key, _QID, "a Wikidata id like 'Q159' or null")

    def country(self, key: str, known: frozenset[str], value: Any = None) -> str:
        code = self.raw(key) if value is None else value
        if not isinstance(code, str) or not _ISO3.fullmatch(code):
            raise self.fail(f"{key!r} must be an ISO 3166-1 alpha-3 code, not {code!r}", "use a code like 'RUS'")
        if code not in known:
            raise self.fail(
                f"{key!r} names unknown country {code!r}", f"add {code} to {COUNTRIES_FILE} or fix the code"
            )
        return code

    def countries(self, key: str, known: frozenset[str], *, required: bool = True) -> tuple[str, ...]:
        codes = self.texts(key, required=required)
        return tuple(self.country(key, known, code) for code in codes)

    def finish(self) -> None:
        unknown = sorted(k for k in self.data if k not in self.used and not k.startswith("_"))
        if unknown:
            raise self.fail(
                f"unknown field(s) {', '.join(map(repr, unknown))}",
                "remove them or fix their spelling (fields starting with '_' are comments)",
            )


def _load(
    path: Path, build: Callable[[_Record], _Entry], *, key: Callable[[_Entry], str]
) -> dict[str, tuple[_Entry, int]]:
    """Parse every line of ``path`` with ``build``; ids (``key``) must be unique."""
    if not path.is_file():
        raise GazetteerError("gazetteer file is missing", where=str(path), fix="restore it from the repository")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"cannot read the file: {exc}", where=str(path), fix="check the file is UTF-8") from exc
    entries: dict[str, tuple[_Entry, int]] = {}
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{line_no}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GazetteerError(
                f"not valid JSON ({exc.msg} at column {exc.colno})",
                where=where,
                fix="write one JSON object per line",
            ) from exc
        if not isinstance(data, dict):
            raise GazetteerError(
                f"expected a JSON object, found {type(data).__name__}",
                where=where,
                fix="write one JSON object per line",
            )
        record = _Record(data, where)
        entry = build(record)
        record.finish()
        entry_id = key(entry)
        if entry_id in entries:
            raise GazetteerError(
                f"duplicate id {entry_id!r} (first at line {entries[entry_id][1]})",
                where=where,
                fix="give each entry its own id, or merge the two lines",
            )
        entries[entry_id] = (entry, line_no)
    return entries


def _check_unique_iso2(path: Path, countries: dict[str, tuple[Country, int]]) -> None:
    seen: dict[str, str] = {}
    for iso3, (country, line_no) in countries.items():
        if country.iso2 in seen:
            raise GazetteerError(
                f"iso2 {country.iso2!r} is used by both {seen[country.iso2]} and {iso3}",
                where=f"{path}:{line_no}",
                fix="each country needs its own alpha-2 code",
            )
        seen[country.iso2] = iso3


def _country(rec: _Record) -> Country:
    return Country(
        iso3=rec.matching("iso3", _ISO3, "an ISO 3166-1 alpha-3 code (three capital letters)"),
        iso2=rec.matching("iso2", _ISO2, "an ISO 3166-1 alpha-2 code (two capital letters)"),
        name=rec.text("name"),
        official_name=rec.optional_text("official_name"),
        wikidata=rec.qid(),
        aliases=rec.texts("aliases"),
        demonyms=rec.texts("demonyms"),
        capitals=rec.texts("capitals"),
        metonyms=rec.texts("metonyms"),
    )


def _organization(rec: _Record, countries: frozenset[str]) -> Organization:
    org_id = rec.matching("id", _ORG_ID, "an id of letters, digits and + . & - (no spaces), like 'NATO'")
    if org_id in countries:
        raise rec.fail(f"organization id {org_id!r} is also a country code", "choose another id")
    kind = rec.raw("kind")
    if kind not in ORGANIZATION_KINDS:
        raise rec.fail(
            f"field 'kind' must be one of {', '.join(sorted(ORGANIZATION_KINDS))}, not {kind!r}",
            "pick a kind from the README, or add a new one to kg.gazetteer.ORGANIZATION_KINDS",
        )
    return Organization(
        id=org_id,
        name=rec.text("name"),
        short=rec.text("short"),
        wikidata=rec.qid(),
        aliases=rec.texts("aliases"),
        kind=kind,
        members=rec.countries("members", countries, required=False),
    )


def person_from_record(data: dict[str, Any], where: str, countries: frozenset[str],
                       holders: frozenset[str]) -> Person:
    """One people record (a parsed JSON line), validated as :func:`load_gazetteer` does (errors name ``where``)."""
    record = _Record(data, where)
    person = _person(record, countries, holders)
    record.finish()
    return person


def _person(rec: _Record, countries: frozenset[str], holders: frozenset[str]) -> Person:
    offices_raw = rec.raw("offices")
    if not isinstance(offices_raw, list):
        raise rec.fail(f"field 'offices' must be a list of objects, not {offices_raw!r}", "write 'offices' as [...]")
    return Person(
        id=rec.matching("id", _SLUG, "a lowercase ASCII slug like 'vladimir-putin'"),
        name=rec.text("name"),
        wikidata=rec.qid(),
        aliases=rec.texts("aliases"),
        country=rec.country("country", countries),
        offices=tuple(_office(rec, item, holders) for item in offices_raw),
    )


def _office(rec: _Record, item: Any, holders: frozenset[str]) -> OfficeTerm:
    if not isinstance(item, dict):
        raise rec.fail(f"an office must be a JSON object, not {item!r}", "write each office as {...}")
    sub = _Record(item, rec.where)
    role = sub.raw("role")
    if role not in ROLES:
        raise rec.fail(f"office role must be one of {', '.join(sorted(ROLES))}, not {role!r}", "fix the role")
    of = sub.raw("of")
    if not isinstance(of, str) or of not in holders:
        raise rec.fail(
            f"office 'of' names unknown country or organization {of!r}",
            f"use an alpha-3 code from {COUNTRIES_FILE} or an id from {ORGANIZATIONS_FILE}",
        )
    start = _date(sub, "start")
    end_value = sub.raw("end")
    end = None if end_value is None else _date(sub, "end")
    if end is not None and end <= start:
        raise rec.fail(f"office {sub.data.get('title')!r} ends ({end}) before it starts ({start})", "fix the dates")
    term = OfficeTerm(title=sub.text("title"), role=role, of=of, start=start, end=end)
    sub.finish()
    return term


def _date(rec: _Record, key: str) -> dt.date:
    """``YYYY-MM-DD``; ``YYYY-MM`` and ``YYYY`` (when only that much is known) mean the first day."""
    value = rec.raw(key)
    match = _DATE.fullmatch(value) if isinstance(value, str) else None
    try:
        if match is None:
            raise ValueError
        year, month, day = match.groups()
        return dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise rec.fail(
            f"field {key!r} must be an ISO date (YYYY-MM-DD, or YYYY-MM / YYYY), not {value!r}",
            "write the date as 2024-01-31",
        ) from None


def _treaty(rec: _Record, countries: frozenset[str]) -> Treaty:
    year = rec.raw("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1000 <= year <= 2999):
        raise rec.fail(f"field 'year' must be a four-digit year or null, not {year!r}", "write the year as 2001")
    return Treaty(
        id=rec.matching("id", _SLUG, "a lowercase ASCII slug like 'new-start-2010'"),
        name=rec.text("name"),
        year=year,
        parties=rec.countries("parties", countries),
        wikidata=rec.qid(),
        aliases=rec.texts("aliases"),
    )
