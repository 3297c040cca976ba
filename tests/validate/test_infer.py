"""``kg infer``: superclasses, inverse properties and super-properties, in graph/inferred."""

from __future__ import annotations

from pyoxigraph import NamedNode

from kg.validate import INFERRED_GRAPH, load_file
from kg.validate.infer import infer

from .conftest import BASE

KG = "https://w3id.org/kg-diplomacy/ontology#"
ID = "https://w3id.org/kg-diplomacy/id/"
SCHEMA, PROV, SEM = "http://schema.org/", "http://www.w3.org/ns/prov#", "http://semanticweb.cs.vu.nl/2009/11/sem/"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _inferred(store) -> set[tuple[str, str, str]]:
    graph = NamedNode(INFERRED_GRAPH)
    return {(q.subject.value, q.predicate.value, getattr(q.object, "value", "")) for q in store.quads()
            if q.graph_name == graph}


def test_what_the_ontology_implies_is_materialized() -> None:
    store = load_file(BASE)
    infer(store)
    got = _inferred(store)
    call, xi = ID + "encounter/e1", ID + "person/xi-jinping"
    for cls in (SCHEMA + "Event", SEM + "Event", PROV + "Activity"):
        assert (call, TYPE, cls) in got
    for cls in (KG + "Actor", PROV + "Agent", SCHEMA + "Person", PROV + "Person"):
        assert (xi, TYPE, cls) in got
    assert (ID + "article/a1", KG + "reports", call) in got  # inverse of kg:reportedBy
    assert (call, SCHEMA + "attendee", xi) in got and (call, SEM + "hasActor", xi) in got
    assert (call, PROV + "wasInfluencedBy", ID + "evidence/a1/s0") in got  # kg:evidence's super-property
    assert (call, TYPE, KG + "VideoCall") not in got  # asserted triples are not repeated


def test_infer_replaces_its_graph() -> None:
    store = load_file(BASE)
    first = infer(store)
    assert infer(store) == first
    store.remove_graph(NamedNode("https://w3id.org/kg-diplomacy/graph/article/a1"))
    infer(store)
    assert not any(s == ID + "encounter/e1" for s, _, _ in _inferred(store))
