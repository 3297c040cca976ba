"""What the OWL reasoner sees: the data triples with literals mapped into the OWL 2 datatype map.

HermiT rejects ``xsd:date``, ``xsd:gYearMonth`` and ``xsd:gYear`` (they are not in the OWL 2 datatype map),
so those become ``xsd:dateTime`` at the first instant of the day, month or year (one-to-one within a
datatype, so a functional property with two different years stays a contradiction). Literals of other
datatypes outside the map, and ill-formed ones, are dropped and counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Triple

from kg.rdf.vocab import PREFIXES, RDF

XSD = PREFIXES["xsd"]
RDF_LANG_STRING = RDF.langString
_DATE_TIME = NamedNode(XSD + "dateTime")
_DATES = {
    XSD + "date": (re.compile(r"^-?\d{4,}-\d\d-\d\d$"), ""),
    XSD + "gYearMonth": (re.compile(r"^-?\d{4,}-\d\d$"), "-01"),
    XSD + "gYear": (re.compile(r"^-?\d{4,}$"), "-01-01"),
}
_KEPT = {
    XSD + "string": re.compile(r"(?s).*"),
    RDF_LANG_STRING: re.compile(r"(?s).*"),
    XSD + "integer": re.compile(r"^[+-]?\d+$"),
    XSD + "nonNegativeInteger": re.compile(r"^\+?\d+$"),
    XSD + "boolean": re.compile(r"^(true|false|1|0)$"),
    XSD + "decimal": re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$"),
    XSD + "anyURI": re.compile(r"(?s).*"),
    XSD + "dateTime": re.compile(r"^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$"),
}


@dataclass
class ReasonerInput:
    triples: list[Triple] = field(default_factory=list)
    converted: int = 0  # date literals turned into xsd:dateTime
    dropped: dict[str, int] = field(default_factory=dict)  # datatype -> literals left out


def _convert(literal: Literal) -> Literal | None:
    datatype = literal.datatype.value
    if datatype in _DATES:
        pattern, suffix = _DATES[datatype]
        text = literal.value.strip()
        return Literal(f"{text}{suffix}T00:00:00", datatype=_DATE_TIME) if pattern.match(text) else None
    pattern = _KEPT.get(datatype)
    return literal if pattern is not None and pattern.match(literal.value) else None


def reasoner_input(triples: Iterable[Triple]) -> ReasonerInput:
    result = ReasonerInput()
    for triple in triples:
        obj = triple.object
        if isinstance(obj, Literal) and not obj.language:
            converted = _convert(obj)
            if converted is None:
                key = obj.datatype.value
                result.dropped[key] = result.dropped.get(key, 0) + 1
                continue
            if converted is not obj:
                result.converted += 1
                triple = Triple(triple.subject, triple.predicate, converted)
        result.triples.append(triple)
    return result
