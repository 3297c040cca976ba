"""The actor a mark names: a gazetteer entry as an :class:`~kg.records.ActorRef`, or for an office
("Russian President") the person who held it on the encounter's date."""

from __future__ import annotations

import datetime as dt

from kg.extract.mentions import Mark
from kg.extract.participants import actor_of
from kg.gazetteer import Gazetteer
from kg.nlp.marks import MarkKind
from kg.records import ActorKind, ActorRef, PartialDate, Precision


def actor_ref(kind: MarkKind, ref: str, gazetteer: Gazetteer) -> ActorRef | None:
    """The gazetteer actor of a country, organization or person mark (``None`` for others, or an id the
    gazetteer does not hold)."""
    if kind == MarkKind.COUNTRY and ref in gazetteer.countries:
        return ActorRef(ActorKind.COUNTRY, ref, gazetteer.countries[ref].name)
    if kind == MarkKind.ORGANIZATION and ref in gazetteer.organizations:
        return ActorRef(ActorKind.ORGANIZATION, ref, gazetteer.organizations[ref].short)
    if kind == MarkKind.PERSON and ref in gazetteer.people:
        person = gazetteer.people[ref]
        return ActorRef(ActorKind.PERSON, ref, person.name, person.source)
    return None


def mark_actor(mark: Mark, gazetteer: Gazetteer, date: PartialDate | None, anchor: dt.date | None) -> ActorRef | None:
    """The actor of any mark; an office is resolved on ``date`` (else the ``anchor``)."""
    if mark.kind == MarkKind.ROLE:
        return actor_of(mark, gazetteer, date, anchor)
    return actor_ref(mark.kind, mark.ref, gazetteer)


def own_actors(gazetteer: Gazetteer, participant_ids: set[str], date: PartialDate | None) -> set[str]:
    """The participants' countries and the organizations they held office in (on the encounter's date
    when it is known: Mark Rutte speaks for the Netherlands in 2023 and for NATO in 2024)."""
    own: set[str] = set()
    for person in (gazetteer.people[p] for p in participant_ids if p in gazetteer.people):
        own.add(person.country)
        terms = person.offices_on(date.value) if date is not None and date.precision is Precision.DAY else ()
        own.update(t.of for t in (terms or person.offices) if t.of in gazetteer.organizations)
    return own
