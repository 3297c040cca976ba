"""Who took part in an encounter: persons named near a trigger, and office holders named by role."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from kg.extract.mentions import Mark
from kg.gazetteer import Gazetteer
from kg.records import ActorKind, ActorRef, PartialDate, Precision

_MAX_TREE_DISTANCE = 4


def _path_to_root(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head is not path[-1] and len(path) < 40:
        path.append(path[-1].head)
    return path


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence."""
    path_a, path_b = _path_to_root(a), _path_to_root(b)
    index_b = {t.i: n for n, t in enumerate(path_b)}
    for n, token in enumerate(path_a):
        if token.i in index_b:
            return n + index_b[token.i]
    return 99


def person_ref(gazetteer: Gazetteer, person_id: str) -> ActorRef:
    return ActorRef(ActorKind.PERSON, person_id, gazetteer.people[person_id].name)


def _reference_days(date: PartialDate | None, anchor: dt.date | None) -> list[dt.date | None]:
    if date is None:
        return [anchor] if anchor else []
    if date.precision is Precision.DAY:
        return [date.value]
    if date.precision is Precision.MONTH:
        return [date.value.replace(day=15)]
    return [dt.date(date.value.year, 1, 1), dt.date(date.value.year, 12, 31)]


def resolve_role(
    mark: Mark, gazetteer: Gazetteer, date: PartialDate | None, anchor: dt.date | None,
    counterpart_roles: tuple[str, ...] = ("head_of_state", "head_of_government"),
) -> ActorRef | None:
    """"Russian President" on a date -> the person who held that office then (only when unambiguous)."""
    iso3, roles_text = mark.ref.split("|", 1)
    roles = tuple(r for r in roles_text.split("+") if r != "same") or counterpart_roles
    days = _reference_days(date, anchor)
    if not days:
        return None
    for role in roles:
        holders: set[str] = set()
        for day in days:
            holders.update(p.id for p in gazetteer.holders(iso3, role, day))
        if len(holders) == 1:
            return person_ref(gazetteer, holders.pop())
    return None


def actor_of(mark: Mark, gazetteer: Gazetteer, date: PartialDate | None, anchor: dt.date | None) -> ActorRef | None:
    """The person a person or role mark names (``None`` for other marks or unresolved roles)."""
    if mark.kind == "person" and mark.ref in gazetteer.people:
        return person_ref(gazetteer, mark.ref)
    if mark.kind == "role":
        return resolve_role(mark, gazetteer, date, anchor)
    return None


def participants_near(
    trigger_span: Span, candidates: list[tuple[Mark, ActorRef]],
) -> tuple[ActorRef, ...]:
    """Pick the participants of a trigger among the persons of its sentence.

    Two or fewer distinct persons: all of them. More: those within a few dependency arcs of the trigger
    (its subject, its "with" object, the members of "between X and Y", possessors of "X's call").
    """
    distinct: dict[str, tuple[int, ActorRef]] = {}
    for mark, actor in candidates:
        distance = tree_distance(mark.span.root, trigger_span.root)
        if actor.id not in distinct or distance < distinct[actor.id][0]:
            distinct[actor.id] = (distance, actor)
    if len(distinct) <= 2:
        return tuple(actor for _, actor in distinct.values())
    near = [(d, a) for d, a in distinct.values() if d <= _MAX_TREE_DISTANCE]
    if len(near) < 2:
        near = sorted(distinct.values(), key=lambda pair: pair[0])[:2]
    return tuple(actor for _, actor in sorted(near, key=lambda pair: pair[0]))
