"""The axioms of kg.ttl that can make data inconsistent, read once into plain sets and maps.

Used to *name* what the reasoner found: disjoint classes (with domain/range typing), functional
properties, different individuals, datatype ranges.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from pyoxigraph import BlankNode, NamedNode, Triple

from kg.rdf.vocab import PREFIXES
from kg.validate.source import ontology_triples

OWL = PREFIXES["owl"]
RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
TYPE = RDF + "type"


@dataclass
class Axioms:
    superclasses: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # reflexive-transitive
    superproperties: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # reflexive-transitive
    disjoint: dict[frozenset[str], str] = field(default_factory=dict)  # pair -> axiom text
    domains: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    ranges: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # object or datatype
    functional: set[str] = field(default_factory=set)
    different: dict[frozenset[str], str] = field(default_factory=dict)
    inverse: dict[str, str] = field(default_factory=dict)

    def classes_of(self, cls: str) -> set[str]:
        return self.superclasses.get(cls, set()) | {cls}

    def properties_of(self, prop: str) -> set[str]:
        return self.superproperties.get(prop, set()) | {prop}


def _closure(direct: dict[str, set[str]]) -> dict[str, set[str]]:
    closed: dict[str, set[str]] = defaultdict(set)
    for start in list(direct):
        seen, todo = {start}, [start]
        while todo:
            for parent in direct.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        closed[start] = seen
    return closed


def _list(by_subject: dict[object, dict[str, list[object]]], head: object) -> list[str]:
    items = []
    while isinstance(head, BlankNode | NamedNode) and str(head) != f"<{RDF}nil>":
        props = by_subject.get(head, {})
        items.extend(str(v.value) for v in props.get(RDF + "first", []) if isinstance(v, NamedNode))
        head = next(iter(props.get(RDF + "rest", [])), None)
    return items


def short(iri: str) -> str:
    """``kg:Person`` for a term of a known vocabulary, else ``<iri>``."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def _read(triples: frozenset[Triple]) -> Axioms:
    by_subject: dict[object, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        by_subject[t.subject][t.predicate.value].append(t.object)
    axioms = Axioms()
    sub_class: dict[str, set[str]] = defaultdict(set)
    sub_prop: dict[str, set[str]] = defaultdict(set)
    for subject, props in by_subject.items():
        if not isinstance(subject, NamedNode):
            types = {o.value for o in props.get(TYPE, []) if isinstance(o, NamedNode)}
            if OWL + "AllDisjointClasses" in types:
                members = [m for head in props.get(OWL + "members", []) for m in _list(by_subject, head)]
                text = "AllDisjointClasses(" + " ".join(short(m) for m in members) + ")"
                for i, a in enumerate(members):
                    for b in members[i + 1 :]:
                        axioms.disjoint[frozenset((a, b))] = text
            if OWL + "AllDifferent" in types:
                members = [m for head in props.get(OWL + "distinctMembers", []) for m in _list(by_subject, head)]
                text = "DifferentIndividuals(" + " ".join(short(m) for m in members) + ")"
                for i, a in enumerate(members):
                    for b in members[i + 1 :]:
                        axioms.different[frozenset((a, b))] = text
            continue
        name = subject.value
        for key, target in ((RDFS + "subClassOf", sub_class), (RDFS + "subPropertyOf", sub_prop)):
            target[name].update(o.value for o in props.get(key, []) if isinstance(o, NamedNode))
        for other in props.get(OWL + "disjointWith", []):
            if isinstance(other, NamedNode):
                axioms.disjoint[frozenset((name, other.value))] = f"DisjointClasses({short(name)} {short(other.value)})"
        for other in props.get(OWL + "differentFrom", []):
            if isinstance(other, NamedNode):
                text = f"DifferentIndividuals({short(name)} {short(other.value)})"
                axioms.different[frozenset((name, other.value))] = text
        for other in props.get(OWL + "inverseOf", []):
            if isinstance(other, NamedNode):
                axioms.inverse[name], axioms.inverse[other.value] = other.value, name
        axioms.domains[name].update(o.value for o in props.get(RDFS + "domain", []) if isinstance(o, NamedNode))
        axioms.ranges[name].update(o.value for o in props.get(RDFS + "range", []) if isinstance(o, NamedNode))
        if any(isinstance(o, NamedNode) and o.value == OWL + "FunctionalProperty" for o in props.get(TYPE, [])):
            axioms.functional.add(name)
    axioms.superclasses = _closure(sub_class)
    axioms.superproperties = _closure(sub_prop)
    return axioms


@cache
def ontology_axioms() -> Axioms:
    return _read(ontology_triples())
