"""Merging generated people (``people_wikidata.jsonl``) into the curated ones (``people.jsonl``).

A generated person is the same as a curated one when they have the same Wikidata id; or, when the curated
person has no id (or the same one), the same name and country: the generated name equals the curated name
or one of its aliases after folding (accents, case and punctuation dropped); or, for a name written
differently ("Asqar Mamin" / "Askar Mamin", "Bongbong Marcos" / "Ferdinand Marcos Jr."), the same country,
the same surname (last name token, doubled letters folded) and terms in the same role of the same state
overlapping by more than a year (a role has one holder at a time, so this is one person); or a surname
romanized another way ("Tokayev" / "Toqaev": at most two edits, five letters or more) with such a term in
a role that has one holder at a time (head of state or government, foreign minister).

Curated wins: a matched curated person keeps its name, aliases and offices, takes the Wikidata id when it
has none, and gains the generated terms of roles it has no term in (a later premiership, a presidency).
A generated person that matches nobody is added, less the aliases a curated person is also written as (a
text two people share names neither, see ``Gazetteer.surface_forms``, and the curated one must keep it); one
whose very name a curated person is also written as is left out. When its id is taken by a curated person,
the id gets its Wikidata id as a suffix (``john-smith-q123``). This module imports nothing outside the
standard library and :mod:`kg.gazetteer`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache

from kg.folding import edit_distance, fold
from kg.gazetteer.records import OfficeTerm, Person

_SUFFIXES = frozenset({"jr", "sr"})
_OPEN_END = dt.date(9999, 1, 1)
MIN_OVERLAP = dt.timedelta(days=366)


@lru_cache(maxsize=8192)
def fold_name(name: str) -> str:
    """Lower case ASCII words: accents, case, punctuation and Jr./Sr. dropped ("Recep Tayyip Erdoğan" ->
    "recep tayyip erdogan")."""
    return " ".join(t for t in re.sub(r"[^0-9a-z]+", " ", fold(name)).split() if t not in _SUFFIXES)


def _surname(name: str) -> str:
    words = fold_name(name).split()
    return re.sub(r"(.)\1+", r"\1", words[-1]) if words else ""


def _overlap(a: OfficeTerm, b: OfficeTerm) -> dt.timedelta:
    return min(a.end or _OPEN_END, b.end or _OPEN_END) - max(a.start, b.start)


def _shares_a_term(a: Person, b: Person, roles: frozenset[str] | None = None) -> bool:
    return any(x.role == y.role and x.of == y.of and _overlap(x, y) > MIN_OVERLAP
               and (roles is None or x.role in roles)
               for x in a.offices for y in b.offices)


# roles held by one person at a time in a state: a spelling of the surname close enough is the same holder
SINGLE_HOLDER_ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister"})
_MIN_SPELLED_SURNAME = 5


def _spelled_alike(a: str, b: str) -> bool:
    """Two romanizations of one surname ("Tokayev" / "Toqaev", "Zelensky" / "Zelenskyy"): two edits apart
    at most, both at least five letters long."""
    return min(len(a), len(b)) >= _MIN_SPELLED_SURNAME and edit_distance(a, b, 2) <= 2


class CuratedIndex:
    """The curated people, looked up by Wikidata id, by folded name or alias and country, and by country."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.by_qid: dict[str, Person] = {}
        self.by_name: dict[tuple[str, str], list[Person]] = defaultdict(list)
        self.by_surname: dict[tuple[str, str], list[Person]] = defaultdict(list)
        self.by_country: dict[str, list[Person]] = defaultdict(list)
        for person in people:
            if person.wikidata:
                self.by_qid[person.wikidata] = person
            for text in (person.name, *person.aliases):
                self.by_name[(fold_name(text), person.country)].append(person)
            self.by_surname[(_surname(person.name), person.country)].append(person)
            self.by_country[person.country].append(person)

    def namesakes(self, person: Person) -> list[Person]:
        """The curated people of the same country with the name or an alias of ``person``, whatever their id."""
        found = {c.id: c for text in (person.name, *person.aliases)
                 for c in self.by_name.get((fold_name(text), person.country), [])}
        return list(found.values())

    def match(self, person: Person) -> Person | None:
        """The curated person ``person`` is (the rule of the module docstring), or None."""
        if person.wikidata and person.wikidata in self.by_qid:
            return self.by_qid[person.wikidata]

        def compatible(candidate: Person) -> bool:
            return candidate.wikidata is None or candidate.wikidata == person.wikidata

        named = [c for c in self.namesakes(person) if compatible(c)]
        if len(named) == 1:
            return named[0]
        same = [c for c in self.by_surname.get((_surname(person.name), person.country), [])
                if compatible(c) and _shares_a_term(c, person)]
        if same:
            return same[0] if len(same) == 1 else None
        surname = _surname(person.name)
        alike = [c for c in self.by_country.get(person.country, [])
                 if compatible(c) and _spelled_alike(_surname(c.name), surname)
                 and _shares_a_term(c, person, SINGLE_HOLDER_ROLES)]
        return alike[0] if len(alike) == 1 else None


def merge_into(curated: Person, generated: Person) -> Person:
    """``curated`` with the Wikidata id it lacks and the terms of roles it has none in."""
    held = {(term.role, term.of) for term in curated.offices}
    extra = tuple(term for term in generated.offices if (term.role, term.of) not in held)
    if curated.wikidata and not extra:
        return curated
    return replace(curated, wikidata=curated.wikidata or generated.wikidata, offices=curated.offices + extra)


def merge_people(curated: Mapping[str, Person], generated: Iterable[Person]) -> dict[str, Person]:
    """The curated people (by id) with the generated ones merged in (the rules of the module docstring)."""
    index = CuratedIndex(curated.values())
    taken = {text for c in curated.values() for text in (c.name, *c.aliases)}
    merged = dict(curated)
    for person in generated:
        match = index.match(person)
        if match is not None:
            merged[match.id] = merge_into(merged[match.id], person)
            continue
        if person.name in taken:
            continue
        person = replace(person, aliases=tuple(a for a in person.aliases if a not in taken))
        person_id = person.id
        if person_id in merged:
            person_id = f"{person.id}-{(person.wikidata or str(len(merged))).lower()}"
        merged[person_id] = replace(person, id=person_id)
    return merged
