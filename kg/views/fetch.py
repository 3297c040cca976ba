"""Read encounters from a store with the saved SPARQL in ``kg/views/sparql`` (the encounter IRI is bound as
an RDF term in a VALUES block by :meth:`kg.query.saved.SavedQuery.bind`, never pasted into the text)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from kg.errors import InputError, QueryError
from kg.folding import fold, folded_in
from kg.query.saved import SavedQuery, load_query
from kg.store.base import Store
from kg.views.model import Citation, EncounterSummary, EncounterView, Fact, Participant

SPARQL_DIR = Path(__file__).resolve().parent / "sparql"
Row = dict[str, str]
POLARITY_WORDS = {"Support": "supports", "Oppose": "opposes", "Concern": "concerned about",
                  "Cooperate": "cooperates on", "Neutral": "neutral on", "CallFor": "calls for"}


def view_query(name: str) -> SavedQuery:
    return load_query(SPARQL_DIR, name)


def rows(store: Store, name: str, call: str | None = None) -> list[Row]:
    """The rows of one views query as plain strings ('' for unbound)."""
    text = view_query(name).bind({"call": call} if call else {})
    solutions = store.select(text)
    names = [v.value for v in solutions.variables]
    return [{n: ("" if s[n] is None else s[n].value) for n in names} for s in solutions]


def _evidence(row: Row) -> Citation | None:
    if not row.get("sentence"):
        return None
    return Citation(row["sentence"].strip(), row.get("article", ""), row.get("url", ""), row.get("headline", ""),
                    row.get("outlet", ""))


def list_encounters(store: Store, call: str | None = None) -> list[EncounterSummary]:
    """Every encounter (or the one ``call``), with participants and what was discussed, ordered by date."""
    people: dict[str, list[Participant]] = defaultdict(list)
    for r in rows(store, "participants", call):
        people[r["call"]].append(Participant(r["person"], r["name"] or r["person"].rsplit("/", 1)[-1], r["iso3"]))
    discussed: dict[str, dict[tuple[str, str, str], None]] = defaultdict(dict)
    for r in rows(store, "discussions", call):
        discussed[r["call"]].setdefault((r["role"], r["name"], r["iso3"]), None)
    result = []
    for r in rows(store, "encounters", call):
        iri = r["call"]
        result.append(EncounterSummary(
            iri=iri, kind=r["kind"], date=r["date"], duration=int(r["duration"]) if r["duration"] else None,
            articles=int(r["articles"] or 0), participants=tuple(people[iri]), discussed=tuple(discussed[iri]),
        ))
    return result


def _facts(rows_: list[Row], role_of, label_of, note_of) -> list[Fact]:
    """Group rows by subject into facts, keeping each distinct evidence sentence once, in order."""
    grouped: dict[tuple[str, str, str, str], dict[Citation, None]] = {}
    for r in rows_:
        key = (role_of(r), label_of(r), r.get("subject") or r.get("treaty") or r.get("stance", ""), note_of(r))
        bucket = grouped.setdefault(key, {})
        ev = _evidence(r)
        if ev is not None:
            bucket.setdefault(ev, None)
    return [Fact(role, label, iri, note, tuple(evs)) for (role, label, iri, note), evs in grouped.items()]


def encounter_view(store: Store, call: str) -> EncounterView:
    """Everything the picture of encounter ``call`` shows; an InputError when the store has no such encounter."""
    try:
        found = list_encounters(store, call)
    except QueryError as exc:
        raise InputError(f"not an encounter IRI: {call!r}", fix="see the call column of `kg query calls`") from exc
    if not found:
        raise InputError(f"no encounter {call} in the store", fix="see the call column of `kg query calls`")
    summary = found[0]
    reports = tuple(dict.fromkeys(e for e in map(_evidence, rows(store, "reports", call)) if e))
    facts = [Fact("participant", p.name, p.iri, p.iso3, reports) for p in summary.participants]
    facts += _facts(rows(store, "discussions", call), lambda r: r["role"], lambda r: r["name"], lambda r: r["iso3"])
    facts += _facts(rows(store, "treaties", call), lambda r: "treaty", lambda r: r["name"] or r["treaty"],
                    lambda r: r["year"])
    facts += _facts(rows(store, "stances", call), lambda r: "stance", lambda r: r["holderName"],
                    lambda r: f"{POLARITY_WORDS.get(r['polarity'], r['polarity'])} {r['targetName']}".strip())
    return EncounterView(summary, tuple(facts), reports)


def find_encounters(store: Store, participants: list[str], date: str = "") -> list[EncounterSummary]:
    """Encounters whose participants match every given name (see :func:`matching_encounters`)."""
    return matching_encounters(list_encounters(store), participants, date)


def _names(participants: list[str]) -> list[str]:
    return [p.strip() for p in participants if p.strip()]


def takes_part(wanted: str, s: EncounterSummary) -> bool:
    """Whether a participant of ``s`` is ``wanted``: part of their name or the ISO3 code of the country they
    represent, compared folded (no case, no diacritics: "erdogan" finds "Recep Tayyip Erdoğan")."""
    return any(folded_in(wanted, p.name) or fold(wanted) == fold(p.iso3) for p in s.participants)


def matching_encounters(summaries: list[EncounterSummary], participants: list[str],
                        date: str = "") -> list[EncounterSummary]:
    """The encounters where every given name takes part (:func:`takes_part`) and whose date starts with
    ``date`` (``2026``, ``2026-02`` or ``2026-02-04``)."""
    wanted = _names(participants)
    return [s for s in summaries if s.date.startswith(date) and all(takes_part(w, s) for w in wanted)]


def why_none_match(summaries: list[EncounterSummary], participants: list[str], date: str = "") -> str:
    """What found nothing, for a user whose names and date match no encounter: the names that take part in
    none, else that they never meet (on that date)."""
    if not summaries:
        return "the store holds no encounters"
    wanted = _names(participants)
    absent = [w for w in wanted if not any(takes_part(w, s) for s in summaries)]
    if absent:
        return "no participant of any encounter matches " + ", ".join(repr(w) for w in absent)
    on = f" dated {date}" if date else ""
    return f"no encounter of {' with '.join(repr(w) for w in wanted)}{on}"
