"""Materialize what kg.ttl implies, so that saved queries work on a plain SPARQL store with no reasoning.

Over the asserted data (every graph but the ontology and ``graph/inferred`` itself) the closure adds:

* ``rdf:type`` of every superclass (VideoCall -> Encounter -> schema:Event, sem:Event, prov:Activity),
  and the types a property's named domain or range implies (``E kg:reportedBy A`` -> ``A a kg:Article``);
* inverse properties (``kg:reports`` / ``kg:reportedBy``);
* super-properties (``kg:participant`` -> ``schema:attendee``, ``sem:hasActor``).

The result replaces the graph ``https://w3id.org/kg-diplomacy/graph/inferred`` in one transaction, so
running it again gives the same graph (and an article removed since no longer leaves inferences behind).
``owl:sameAs`` is not expanded (it would copy every Wikidata link).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Quad, Triple

from kg.store import Store
from kg.validate.axioms import OWL, RDF, RDFS, TYPE, Axioms, ontology_axioms
from kg.validate.source import INFERRED_GRAPH, data_triples, ontology_triples

_BUILTIN = (OWL, RDF, RDFS)
_TYPE = NamedNode(TYPE)


@dataclass(frozen=True)
class InferReport:
    asserted: int  # distinct asserted data triples read
    inferred: int  # new triples written to graph/inferred
    graph: str = INFERRED_GRAPH


def _named(classes: Iterable[str], axioms: Axioms) -> set[str]:
    return {c for cls in classes for c in axioms.classes_of(cls) if not c.startswith(_BUILTIN)}


def _consequences(t: Triple, axioms: Axioms) -> Iterable[Triple]:
    predicate = t.predicate.value
    if predicate == TYPE:
        if isinstance(t.object, NamedNode):
            for cls in _named([t.object.value], axioms) - {t.object.value}:
                yield Triple(t.subject, _TYPE, NamedNode(cls))
        return
    for prop in axioms.properties_of(predicate):
        if prop != predicate and not prop.startswith(_BUILTIN):
            yield Triple(t.subject, NamedNode(prop), t.object)
        for cls in _named(axioms.domains.get(prop, ()), axioms):
            yield Triple(t.subject, _TYPE, NamedNode(cls))
        if not isinstance(t.object, Literal):
            for cls in _named(axioms.ranges.get(prop, ()), axioms):
                yield Triple(t.object, _TYPE, NamedNode(cls))  # type: ignore[arg-type]
            inverse = axioms.inverse.get(prop)
            if inverse and isinstance(t.object, NamedNode):
                yield Triple(t.object, NamedNode(inverse), t.subject)


def closure(triples: Iterable[Triple], axioms: Axioms | None = None) -> set[Triple]:
    """The triples the axioms add to ``triples`` (those already there, or in kg.ttl, are left out)."""
    axioms = axioms or ontology_axioms()
    known = set(triples) | ontology_triples()
    todo = list(known)
    added: set[Triple] = set()
    while todo:
        for new in _consequences(todo.pop(), axioms):
            if new not in known:
                known.add(new)
                added.add(new)
                todo.append(new)
    return added


def infer(store: Store) -> InferReport:
    """Recompute ``graph/inferred`` from the asserted data and replace it."""
    asserted = list(data_triples(store))
    graph = NamedNode(INFERRED_GRAPH)
    quads = [Quad(t.subject, t.predicate, t.object, graph) for t in sorted(closure(asserted), key=str)]
    store.replace_graphs({graph: quads})
    return InferReport(asserted=len(asserted), inferred=len(quads))
