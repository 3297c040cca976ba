"""The one place IRIs of data resources are minted.

IRIs come from identity keys (ISO codes, gazetteer ids, article ids, encounter keys), never from raw
surface text; every minted IRI is checked by ``pyoxigraph.NamedNode`` before it is returned.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from pyoxigraph import NamedNode

from kg.keys import EncounterKey, slugify
from kg.rdf.vocab import KG_GRAPH_NS, KG_ID_NS
from kg.records import ActorKind, ActorRef

ID = KG_ID_NS
GRAPH = KG_GRAPH_NS
REFERENCE_GRAPH = GRAPH + "reference"
ONTOLOGY_GRAPH = GRAPH + "ontology"
# graphs kg ingest keeps in step with the gazetteer and the ontology: written by other means only on purpose
PROTECTED_GRAPHS = frozenset({REFERENCE_GRAPH, ONTOLOGY_GRAPH})
ARTICLE_GRAPH_PREFIX = GRAPH + "article/"


def _segment(value: str) -> str:
    """A safe path segment: the slug of the value, or a hash when the slug would be empty or lossy."""
    slug = slugify(value, max_length=100)
    if slug and slug == value.lower():
        return slug
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else f"x-{digest}"


@lru_cache(maxsize=65536)
def _node(iri: str) -> NamedNode:
    return NamedNode(iri)  # raises ValueError on an invalid IRI


def country(iso3: str) -> NamedNode:
    return _node(f"{ID}country/{_segment(iso3).upper()}")


def person(person_id: str) -> NamedNode:
    return _node(f"{ID}person/{_segment(person_id)}")


def organization(org_id: str) -> NamedNode:
    return _node(f"{ID}organization/{_segment(org_id)}")


def actor(ref: ActorRef) -> NamedNode:
    mint = {ActorKind.COUNTRY: country, ActorKind.PERSON: person, ActorKind.ORGANIZATION: organization}
    return mint[ref.kind](ref.id)


def topic(topic_id: str) -> NamedNode:
    return _node(f"{ID}topic/{_segment(topic_id)}")


def treaty(treaty_id: str) -> NamedNode:
    return _node(f"{ID}treaty/{_segment(treaty_id)}")


def article(article_id: str) -> NamedNode:
    return _node(f"{ID}article/{_segment(article_id)}")


def article_graph(article_id: str) -> NamedNode:
    return _node(ARTICLE_GRAPH_PREFIX + _segment(article_id))


def given_graph(value: str, option: str = "--graph") -> NamedNode:
    """A graph IRI a user typed, checked; a clear error names the option when it is not an IRI."""
    from kg.errors import KgError

    try:
        return NamedNode(value)
    except ValueError as exc:
        raise KgError(f"{option} is not a valid IRI: {exc}",
                      fix="give an absolute IRI such as https://example.org/g") from None


def file_graph(file_name: str) -> NamedNode:
    """The graph ``kg load`` puts a file's triples in when they name no graph (Turtle, N-Triples)."""
    return _node(f"{GRAPH}file/{_segment(file_name)}")


def reference_graph() -> NamedNode:
    return _node(REFERENCE_GRAPH)


def ontology_graph() -> NamedNode:
    return _node(ONTOLOGY_GRAPH)


def _encounter_path(key: EncounterKey) -> str:
    """The path of an encounter key: date at its precision (or ``undated/ARTICLE``), family, participants
    (hashed when too long for a readable IRI). One way only: nothing decodes it back into a key."""
    people = "--".join(_segment(p) for p in key.participants)
    if len(people) > 120:
        people = "group-" + hashlib.sha1(people.encode()).hexdigest()[:12]
    when = key.date if key.date is not None else f"undated/{_segment(key.article_id or '')}"
    return f"{when}/{key.family}/{people}"


def encounter(key: EncounterKey) -> NamedNode:
    return _node(f"{ID}encounter/{_encounter_path(key)}")


def discussion(key: EncounterKey, subject_kind: str, subject_id: str) -> NamedNode:
    return _node(f"{ID}discussion/{_encounter_path(key)}/{subject_kind}-{_segment(subject_id)}")


def evidence(article_id: str, sentence_index: int) -> NamedNode:
    return _node(f"{ID}evidence/{_segment(article_id)}/s{sentence_index}")


def mention(article_id: str, kind: str, ref: str) -> NamedNode:
    return _node(f"{ID}mention/{_segment(article_id)}/{kind}-{_segment(ref)}")


def treaty_mention(article_id: str, treaty_id: str) -> NamedNode:
    return _node(f"{ID}treaty-mention/{_segment(article_id)}/{_segment(treaty_id)}")


def stance(article_id: str, *key_parts: str) -> NamedNode:
    digest = hashlib.sha1("\x1f".join(key_parts).encode("utf-8")).hexdigest()[:12]
    return _node(f"{ID}stance/{_segment(article_id)}/{digest}")


def office_term(person_id: str, title: str, start: str) -> NamedNode:
    return _node(f"{ID}office/{_segment(person_id)}/{_segment(title)}-{start}")

