"""Names the axiom behind an inconsistency: which individual, which triples, which axiom of kg.ttl.

Three kinds of contradiction are recognised without a reasoner, over the data triples:
an individual typed (directly, or through a property's domain or range, and up the class hierarchy)
with two disjoint classes; a functional property with two values that cannot be the same (two
literals, two individuals declared different or of disjoint classes); a data value outside a
property's datatype range. The reasoner then confirms each on just the triples involved.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Triple

from kg.validate.axioms import TYPE, Axioms, short
from kg.validate.owl_input import RDF_LANG_STRING, XSD

_LITERAL_RANGES = {XSD + "string": {XSD + "string", RDF_LANG_STRING}, XSD + "integer": {XSD + "integer"},
                   XSD + "boolean": {XSD + "boolean"}}


@dataclass(frozen=True)
class Contradiction:
    focus: str
    axiom: str
    message: str
    triples: tuple[Triple, ...]  # the data triples involved

    @property
    def subjects(self) -> set[str]:
        return {str(t.subject) for t in self.triples}


def _typing(triples: list[Triple], axioms: Axioms) -> dict[str, dict[str, Triple]]:
    """individual -> class -> the triple that types it so (asserted, or through a domain/range)."""
    types: dict[str, dict[str, Triple]] = defaultdict(dict)
    for t in sorted(triples, key=lambda t: t.predicate.value != TYPE):  # asserted types first
        s = str(t.subject)
        if t.predicate.value == TYPE and isinstance(t.object, NamedNode):
            for cls in axioms.classes_of(t.object.value):
                types[s].setdefault(cls, t)
            continue
        for prop in axioms.properties_of(t.predicate.value):
            for cls in (c for d in axioms.domains.get(prop, ()) for c in axioms.classes_of(d)):
                types[s].setdefault(cls, t)
            if isinstance(t.object, NamedNode):
                for cls in (c for r in axioms.ranges.get(prop, ()) for c in axioms.classes_of(r)):
                    types[str(t.object)].setdefault(cls, t)
    return types


def _disjoint(types: dict[str, dict[str, Triple]], axioms: Axioms) -> Iterable[Contradiction]:
    for individual, classes in types.items():
        names = sorted(classes)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                axiom = axioms.disjoint.get(frozenset((a, b)))
                if axiom:
                    why = (classes[a], classes[b])
                    yield Contradiction(individual, axiom, f"{individual} is both {short(a)} and {short(b)}",
                                        tuple(dict.fromkeys(why)))


Values = dict[tuple[str, str], list[Triple]]  # (subject, functional property) -> its triples


def _literal_clash(x: str, y: str, values: Values) -> tuple[Triple, ...] | None:
    """A functional property both have, with different literal values: x and y cannot be one individual."""
    for (subject, prop), group in values.items():
        theirs = [t for t in values.get((y, prop), ()) if isinstance(t.object, Literal)]
        mine = [t for t in group if isinstance(t.object, Literal)] if subject == x else []
        if mine and theirs and {t.object for t in mine} != {t.object for t in theirs}:
            return mine[0], theirs[0]
    return None


def _apart(x: object, y: object, types: dict[str, dict[str, Triple]], values: Values,
           axioms: Axioms) -> tuple[Triple, ...] | None:
    """Why two values of a functional property cannot be the same: () when plain, None when they can be."""
    if isinstance(x, Literal) or isinstance(y, Literal):
        return ()  # two literal values (or a literal and an individual)
    if isinstance(x, NamedNode) and isinstance(y, NamedNode) and frozenset((x.value, y.value)) in axioms.different:
        return ()
    tx, ty = types.get(str(x), {}), types.get(str(y), {})
    for c in tx:
        for d in ty:
            if frozenset((c, d)) in axioms.disjoint:
                return tx[c], ty[d]
    return _literal_clash(str(x), str(y), values)


def _functional(triples: list[Triple], types: dict[str, dict[str, Triple]], axioms: Axioms) -> Iterable[Contradiction]:
    values: Values = defaultdict(list)
    for t in triples:
        for prop in axioms.properties_of(t.predicate.value) & axioms.functional:
            values[(str(t.subject), prop)].append(t)
    for (subject, prop), group in values.items():
        pairs = ((a, b) for i, a in enumerate(group) for b in group[i + 1 :])
        for first, other in pairs:
            why = _apart(first.object, other.object, types, values, axioms)
            if why is not None:
                yield Contradiction(subject, f"FunctionalProperty({short(prop)})",
                                    f"{subject} has two values of functional {short(prop)}, which cannot be one: "
                                    f"{first.object} and {other.object}", (first, other, *why))
                break


def _datatype(triples: list[Triple], axioms: Axioms) -> Iterable[Contradiction]:
    for t in triples:
        if not isinstance(t.object, Literal):
            continue
        for prop in axioms.properties_of(t.predicate.value):
            for range_ in axioms.ranges.get(prop, ()):
                allowed = _LITERAL_RANGES.get(range_)
                datatype = RDF_LANG_STRING if t.object.language else t.object.datatype.value
                if allowed is not None and datatype not in allowed:
                    yield Contradiction(str(t.subject), f"DataPropertyRange({short(prop)} {short(range_)})",
                                        f"{t.object} is not in the range {short(range_)} of {short(prop)}", (t,))


def contradictions(triples: list[Triple], axioms: Axioms) -> list[Contradiction]:
    types = _typing(triples, axioms)
    found = [*_disjoint(types, axioms), *_functional(triples, types, axioms), *_datatype(triples, axioms)]
    return sorted(found, key=lambda c: (c.focus, c.axiom))
