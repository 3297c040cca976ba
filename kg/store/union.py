"""The embedded store's default graph is the union of its named graphs *as a set*: each distinct triple once,
however many article graphs hold it (the RDF merge, what the Turtle export holds; docs/stores.md).

SPARQL engines that query "the union of the named graphs" (Oxigraph's ``use_default_graph_as_union``, an
Oxigraph server's ``--union-default-graph`` or a list of ``default-graph-uri``) give a triple once per graph
that holds it, so ``COUNT(*)`` over the encounters every article reports counts each once per article. The
embedded store therefore keeps the union materialized in its default graph, updated in the same
transaction as every write (these SPARQL Update texts), and queries run on that default graph.
"""

from __future__ import annotations

from pyoxigraph import NamedNode, Quad

# the default graph is re-derived from the named graphs (after an arbitrary SPARQL Update, or for a store
# written before the union was kept, or by another tool)
REDERIVE = """DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } } ;
INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"""
# the default graph holds nothing though named graphs do: it was never derived
UNDERIVED = "ASK { FILTER (NOT EXISTS { ?s ?p ?o } && EXISTS { GRAPH ?g { ?s ?p ?o } }) }"
# triples of the default graph that no named graph holds: a SPARQL Update wrote into the default graph
STRAY = "ASK { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"


def _triples(quads: list[Quad]) -> str:
    return "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


def release(graph: NamedNode) -> str:
    """Drop ``graph``, and from the default graph the triples no other named graph holds."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {graph}) }} }} ;\n"
            f"DROP SILENT GRAPH {graph}")


def replace(graphs: dict[NamedNode, list[Quad]]) -> str:
    """One SPARQL Update replacing each graph and keeping the default graph their union. A graph's triples go
    into it and into the default graph in one ``INSERT DATA``, so a blank node is the same node in both."""
    parts = []
    for graph, quads in graphs.items():
        parts.append(release(graph))
        if quads:
            body = _triples(quads)
            parts.append(f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}}\n{body}\n}}")
    return " ;\n".join(parts)


def with_union(quads: list[Quad]) -> list[Quad]:
    """The quads, and each as a triple of the default graph (to add both in one transaction)."""
    return quads + [Quad(q.subject, q.predicate, q.object) for q in quads]
