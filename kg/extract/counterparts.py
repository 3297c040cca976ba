"""Whom a holder's words on "our ties" are about: the country of the one other participant of the
article's encounters the holder took part in ("Putin told Xi ties were at an unprecedented level": China).
Two or more possible counterparts, or none, give None: a relation is not given a side the text leaves open."""

from __future__ import annotations

from collections.abc import Sequence

from kg.gazetteer import Gazetteer
from kg.records import ActorKind, ActorRef, Encounter


def counterpart_country(holder: ActorRef, encounters: Sequence[Encounter], gazetteer: Gazetteer) -> ActorRef | None:
    """The country of the holder's only counterpart in the article's encounters, else None."""
    if holder.kind is not ActorKind.PERSON or holder.id not in gazetteer.people:
        return None
    own = gazetteer.people[holder.id].country
    others = {p.id for e in encounters if any(p.id == holder.id for p in e.participants)
              for p in e.participants if p.id != holder.id}
    countries = {gazetteer.people[o].country for o in others if o in gazetteer.people}
    if len(others) != 1 or len(countries) != 1 or own in countries:
        return None
    country = next(iter(countries))
    entry = gazetteer.countries.get(country)
    return ActorRef(ActorKind.COUNTRY, country, entry.name) if entry is not None else None
