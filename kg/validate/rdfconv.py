"""pyoxigraph terms and triples to rdflib (pySHACL works on rdflib graphs)."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.rdf.vocab import XSD

_XSD_STRING = XSD.string


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    # keep the lexical form as written (an ill-typed literal must reach SHACL unchanged)
    return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))


def rdflib_graph(triples: Iterable[ox.Triple]) -> Graph:
    graph = Graph()
    add = graph.add
    for t in triples:
        add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))  # type: ignore[arg-type]
    return graph
