"""The gold annotation file (``gold.json``, see the corpus ANNOTATION.md) as frozen records.

Unknown extra fields are ignored. Optional fields the loader honours when present:

* ``mention: "background"`` on an encounter: optional for scoring (neither rewarded nor penalised);
* ``type_alternatives`` (or ``type_acceptable``/``types_acceptable``/``acceptable_types``): further accepted
  encounter types;
* ``date_alternatives`` (or ``date_acceptable``/``dates_acceptable``): further accepted encounter dates;
* ``organizations_discussed_acceptable``: organizations neither rewarded nor penalised.

Malformed input raises :class:`kg.errors.InputError` naming the file and the JSON path (``$.articles[3].date``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from kg.errors import InputError
from kg.keys import slugify

# the corpora spell them ``type_acceptable`` and ``date_acceptable`` (like ``countries_discussed_acceptable``)
_TYPE_ALTERNATIVES = ("type_alternatives", "type_acceptable", "types_acceptable", "acceptable_types")
_DATE_ALTERNATIVES = ("date_alternatives", "date_acceptable", "dates_acceptable")


@dataclass(frozen=True)
class GoldParticipant:
    name: str
    country: str | None


@dataclass(frozen=True)
class GoldEncounter:
    key: str
    type: str
    date: str | None  # ISO yyyy-mm-dd
    date_basis: str | None
    participants: tuple[GoldParticipant, ...]
    duration_minutes: int | None = None
    countries: tuple[str, ...] = ()
    countries_acceptable: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    organizations_acceptable: tuple[str, ...] = ()
    evidence: tuple[tuple[str, str], ...] = ()  # (code or organization, quote)
    background: bool = False
    type_alternatives: tuple[str, ...] = ()
    date_alternatives: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.participants)

    @property
    def accepted_types(self) -> frozenset[str]:
        return frozenset((self.type, *self.type_alternatives))

    @property
    def accepted_dates(self) -> tuple[str, ...]:
        return tuple(d for d in (self.date, *self.date_alternatives) if d)

    def evidence_for(self, subject: str) -> str | None:
        wanted = subject.casefold()
        return next((quote for code, quote in self.evidence if code.casefold() == wanted), None)


@dataclass(frozen=True)
class GoldTreaty:
    name: str
    year: int | None = None
    parties: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldStance:
    holder: str
    target: str
    polarity: str
    quote: str = ""


@dataclass(frozen=True)
class GoldArticle:
    file: str
    published: str | None = None
    encounters: tuple[GoldEncounter, ...] = ()
    treaties: tuple[GoldTreaty, ...] = ()
    stances: tuple[GoldStance, ...] = ()
    other_countries_mentioned: tuple[str, ...] = ()

    @property
    def article_id(self) -> str:
        """The id kg gives the article read from ``file``: the slug of the file stem ("001.txt" -> "001")."""
        return slugify(Path(self.file).stem) or self.file


@dataclass(frozen=True)
class GoldSet:
    articles: tuple[GoldArticle, ...]
    source: str = ""

    def by_id(self) -> dict[str, GoldArticle]:
        return {a.article_id: a for a in self.articles}


class _Reader:
    """Typed access to one JSON object; every error names the file and the JSON path."""

    def __init__(self, source: str, path: str, value: Any) -> None:
        self.source, self.path = source, path
        if not isinstance(value, dict):
            self.fail(f"expected an object, got {type(value).__name__}")
        self.data: dict[str, Any] = value

    def fail(self, what: str, key: str | None = None) -> NoReturn:
        where = f"{self.source}: {self.path}" + (f".{key}" if key else "")
        raise InputError(what, where=where, fix="correct the gold file (see ANNOTATION.md for the format)")

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail("missing required field", key)
            return None
        if not isinstance(value, str):
            self.fail(f"expected a string, got {type(value).__name__}", key)
        return value

    def integer(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(f"expected an integer or null, got {value!r}", key)
        return value

    def date(self, key: str) -> str | None:
        value = self.text(key, required=False)
        if value is not None:
            _check_date(value, lambda what: self.fail(what, key))
        return value

    def strings(self, *keys: str) -> tuple[str, ...]:
        for key in keys:
            value = self.data.get(key)
            if value is None:
                continue
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                self.fail("expected a list of strings", key)
            return tuple(value)
        return ()

    def objects(self, key: str, *, required: bool = False) -> list[_Reader]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail("missing required field", key)
            return []
        if not isinstance(value, list):
            self.fail(f"expected a list, got {type(value).__name__}", key)
        return [_Reader(self.source, f"{self.path}.{key}[{i}]", item) for i, item in enumerate(value)]


def _check_date(value: str, fail: Any) -> None:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        fail(f"expected an ISO date yyyy-mm-dd, got {value!r}")


def _evidence(reader: _Reader) -> tuple[tuple[str, str], ...]:
    value = reader.data.get("evidence")
    if value is None:
        return ()
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        reader.fail("expected an object mapping codes/organizations to quotes", "evidence")
    return tuple(value.items())


def _encounter(reader: _Reader) -> GoldEncounter:
    participants = tuple(
        GoldParticipant(name=p.text("name") or "", country=p.text("country", required=False))
        for p in reader.objects("participants", required=True)
    )
    if not participants:
        reader.fail("an encounter needs at least one participant", "participants")
    alternatives = reader.strings(*_DATE_ALTERNATIVES)
    for index, value in enumerate(alternatives):
        _check_date(value, lambda what, i=index: reader.fail(what, f"date_alternatives[{i}]"))
    return GoldEncounter(
        key=reader.text("key") or "",
        type=reader.text("type") or "",
        date=reader.date("date"),
        date_basis=reader.text("date_basis", required=False),
        participants=participants,
        duration_minutes=reader.integer("duration_minutes"),
        countries=reader.strings("countries_discussed"),
        countries_acceptable=reader.strings("countries_discussed_acceptable"),
        organizations=reader.strings("organizations_discussed"),
        organizations_acceptable=reader.strings("organizations_discussed_acceptable"),
        evidence=_evidence(reader),
        background=(reader.text("mention", required=False) or "").strip().lower() == "background",
        type_alternatives=reader.strings(*_TYPE_ALTERNATIVES),
        date_alternatives=alternatives,
    )


def _article(reader: _Reader) -> GoldArticle:
    published = reader.text("published", required=False)
    return GoldArticle(
        file=reader.text("file") or "",
        published=None if published in (None, "", "unknown") else published,
        encounters=tuple(_encounter(e) for e in reader.objects("encounters")),
        treaties=tuple(
            GoldTreaty(name=t.text("name") or "", year=t.integer("year"), parties=t.strings("parties"))
            for t in reader.objects("treaties")
        ),
        stances=tuple(
            GoldStance(
                holder=s.text("holder") or "",
                target=s.text("target", required=False) or "",
                polarity=s.text("polarity") or "",
                quote=s.text("quote", required=False) or "",
            )
            for s in reader.objects("stances")
        ),
        other_countries_mentioned=reader.strings("other_countries_mentioned"),
    )


def parse_gold(data: Any, source: str = "<gold>") -> GoldSet:
    """Gold records from already-parsed JSON; ``source`` names the origin in error messages."""
    root = _Reader(source, "$", data)
    articles = tuple(_article(a) for a in root.objects("articles", required=True))
    seen: dict[str, int] = {}
    for index, article in enumerate(articles):
        if article.article_id in seen:
            root.fail(f"article id {article.article_id!r} repeats $.articles[{seen[article.article_id]}]",
                      f"articles[{index}].file")
        seen[article.article_id] = index
    return GoldSet(articles=articles, source=source)


def load_gold(path: Path) -> GoldSet:
    """Read and check a gold file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read the gold file: {exc.strerror or exc}", where=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"the gold file is not UTF-8: {exc}", where=str(path)) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"broken JSON: {exc.msg}", where=f"{path}:{exc.lineno}:{exc.colno}") from exc
    except RecursionError:
        raise InputError("the JSON is nested too deeply to read (a gold file is at most a few levels deep)",
                         where=str(path), fix="correct the gold file (see ANNOTATION.md for the format)") from None
    return parse_gold(data, str(path))
