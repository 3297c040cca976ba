"""The gazetteer's records: countries, people with dated offices, organizations, treaties, and the frozen
:class:`Gazetteer` that holds them (loading and validation: :mod:`kg.gazetteer`).

The data lives in ``data/gazetteer/*.jsonl`` (one JSON object a line; see the README there).
:func:`load_gazetteer` reads and validates all four files and returns a frozen :class:`Gazetteer`;
any malformed line raises :class:`kg.errors.GazetteerError` naming ``file:line``.

This module imports neither spaCy nor an RDF library: the NLP side turns
:meth:`Gazetteer.surface_forms` into matcher patterns, the RDF side reads the records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from kg.folding import fold

COUNTRIES_FILE = "countries.jsonl"
PEOPLE_FILE = "people.jsonl"
GENERATED_PEOPLE_FILE = "people_wikidata.jsonl"  # built from Wikidata by scripts/build_people_wikidata.py
ORGANIZATIONS_FILE = "organizations.jsonl"
TREATIES_FILE = "treaties.jsonl"

ROLES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "minister",
        "spokesperson",
        "envoy",
        "official",
        "religious_leader",
        "organization_head",
    }
)
ORGANIZATION_KINDS = frozenset(
    {
        "intergovernmental",
        "union",
        "trade_bloc",
        "alliance",
        "forum",
        "institution",
        "court",
        "militant_group",
        "military_company",
        "financial_network",
        "media",
    }
)
# Surface-form kinds and forms, in the order a text's form is decided when one entry repeats it.
KINDS = ("country", "person", "organization", "treaty")
FORMS = ("name", "short", "alias", "demonym", "capital", "metonym")


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    official_name: str | None
    wikidata: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]


@dataclass(frozen=True)
class OfficeTerm:
    """One term in one office. ``end`` is the day the term ended (the successor's first day), exclusive."""

    title: str
    role: str
    of: str  # ISO alpha-3 code of a country, or an organization id
    start: dt.date
    end: dt.date | None  # None: still in office

    def covers(self, day: dt.date) -> bool:
        """Whether the office was held on ``day`` (``start <= day < end``)."""
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    wikidata: str | None
    aliases: tuple[str, ...]
    country: str
    offices: tuple[OfficeTerm, ...]
    source: str = "gazetteer"  # "text": recognized in an article (kg.extract.cast), not read from the files

    def offices_on(self, day: dt.date) -> tuple[OfficeTerm, ...]:
        return tuple(term for term in self.offices if term.covers(day))


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    short: str
    wikidata: str | None
    aliases: tuple[str, ...]
    kind: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Treaty:
    id: str
    name: str
    year: int | None
    parties: tuple[str, ...]
    wikidata: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class SurfaceForm:
    """A text that names a gazetteer entry: ``kind`` and ``ref`` say which, ``form`` how."""

    text: str
    kind: str  # country | person | organization | treaty
    ref: str  # iso3, person id, organization id or treaty id
    form: str  # name | short | alias | demonym | capital | metonym


@dataclass(frozen=True)
class Gazetteer:
    countries: Mapping[str, Country]  # by iso3
    people: Mapping[str, Person]  # by id
    organizations: Mapping[str, Organization]  # by id
    treaties: Mapping[str, Treaty]  # by id
    introduced: frozenset[str] = frozenset()  # in an article's view: the people that article introduces

    def holders(self, of: str, role: str, on: dt.date | None) -> tuple[Person, ...]:
        """People who held ``role`` of ``of`` (a country iso3 or an organization id) on day ``on``.

        With ``on=None``: everyone who ever held it. Ordered by the start of their (first) matching term.
        """
        found: list[tuple[dt.date, str, Person]] = []
        for person in self.people.values():
            starts = [
                term.start
                for term in person.offices
                if term.of == of and term.role == role and (on is None or term.covers(on))
            ]
            if starts:
                found.append((min(starts), person.id, person))
        return tuple(person for _start, _id, person in sorted(found, key=lambda item: item[:2]))

    def with_people(self, extra: Mapping[str, Person]) -> Gazetteer:
        """This gazetteer with ``extra`` people added (the people one article introduces); the countries,
        organizations and treaties are shared, not copied."""
        if not extra:
            return self
        return Gazetteer(self.countries, MappingProxyType({**self.people, **extra}), self.organizations,
                         self.treaties, self.introduced | frozenset(extra))

    def countries_named(self, text: str) -> tuple[Country, ...]:
        """The countries ``text`` names: an ISO 3166 alpha-3 or alpha-2 code, the name, an alias or a demonym
        ("RUS", "RU", "Russia", "Russian Federation", "Russian"), compared folded (:func:`kg.folding.fold`:
        no case, no diacritics). Several when a text is shared; none when it names no country."""
        wanted = fold(text.strip())
        if not wanted:
            return ()
        return tuple(c for c in self.countries.values()
                     if wanted in {fold(t) for t in (c.iso3, c.iso2, c.name, *_present(c.official_name),
                                                     *c.aliases, *c.demonyms)})

    def surface_forms(self) -> Iterator[SurfaceForm]:
        """Every name, alias, demonym, capital and metonym of every entry, deduplicated.

        A text an entry gives twice is listed once, with its first form in :data:`FORMS` order.
        A text given by two entries of the same kind (say, a demonym of two countries) is
        ambiguous and is left out for both; texts shared across kinds are kept for each.
        A text with a straight apostrophe is also listed with a typographic one ("People’s").
        """
        by_text: dict[tuple[str, str], dict[str, str]] = {}
        for kind, ref, form, text in self._raw_forms():
            for variant in _typographic_variants(text):
                refs = by_text.setdefault((kind, variant), {})
                refs.setdefault(ref, form)
        for (kind, text), refs in by_text.items():
            if len(refs) == 1:
                ((ref, form),) = refs.items()
                yield SurfaceForm(text=text, kind=kind, ref=ref, form=form)

    def _raw_forms(self) -> Iterator[tuple[str, str, str, str]]:
        for country in self.countries.values():
            yield from _tagged("country", country.iso3, "name", [country.name])
            yield from _tagged("country", country.iso3, "alias", _present(country.official_name))
            yield from _tagged("country", country.iso3, "alias", country.aliases)
            yield from _tagged("country", country.iso3, "demonym", country.demonyms)
            yield from _tagged("country", country.iso3, "capital", country.capitals)
            yield from _tagged("country", country.iso3, "metonym", country.metonyms)
        for person in self.people.values():
            yield from _tagged("person", person.id, "name", [person.name])
            yield from _tagged("person", person.id, "alias", person.aliases)
        for org in self.organizations.values():
            yield from _tagged("organization", org.id, "name", [org.name])
            yield from _tagged("organization", org.id, "short", [org.short])
            yield from _tagged("organization", org.id, "alias", org.aliases)
        for treaty in self.treaties.values():
            yield from _tagged("treaty", treaty.id, "name", [treaty.name])
            yield from _tagged("treaty", treaty.id, "alias", treaty.aliases)


def _tagged(kind: str, ref: str, form: str, texts: Iterable[str]) -> Iterator[tuple[str, str, str, str]]:
    for text in texts:
        yield kind, ref, form, text


def _present(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


def _typographic_variants(text: str) -> tuple[str, ...]:
    if "'" in text:
        return (text, text.replace("'", "\u2019"))
    return (text,)
