"""What the checks read: a store, or an exported RDF file loaded into an in-memory store.

The checks validate *asserted data*: the ontology graph and the materialized ``graph/inferred`` are left
out of what SHACL and the reasoner see, and so are triples of ``kg.ttl`` that an exported Turtle file
(the union of all graphs) carries without its graph names.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, Triple, parse

from kg.errors import InputError
from kg.rdf import iris
from kg.rdf.json_depth import MAX_DEPTH, too_deep
from kg.resources import ontology_file
from kg.store import Store, open_store

INFERRED_GRAPH = iris.GRAPH + "inferred"
FILE_GRAPH = iris.GRAPH + "file"
_SKIPPED_GRAPHS = frozenset({iris.ONTOLOGY_GRAPH, INFERRED_GRAPH})


def _format(path: Path) -> RdfFormat:
    fmt = RdfFormat.from_extension(path.suffix.lstrip(".").lower()) if path.suffix else None
    if fmt is None:
        raise InputError(
            f"cannot tell the RDF format of {path.name}",
            where=str(path),
            fix="use one of the extensions .ttl, .trig, .nq, .nt, .jsonld, .rdf",
        )
    return fmt


def load_file(path: Path) -> Store:
    """An in-memory store holding the file; triples of a graph-less format go to ``graph/file``."""
    fmt = _format(path)
    default = NamedNode(FILE_GRAPH)
    graphs: dict[NamedNode, list[Quad]] = {}
    try:
        if fmt == RdfFormat.JSON_LD:
            with path.open("rb") as handle:
                deep_at = too_deep(handle)
            if deep_at is not None:
                raise InputError(f"the JSON-LD nests deeper than {MAX_DEPTH} levels (at byte {deep_at})",
                                 where=str(path), fix="flatten the document (e.g. with a JSON-LD flattener)")
        with path.open("rb") as handle:
            for quad in parse(handle, fmt, base_iri=path.resolve().as_uri()):
                graph = quad.graph_name if isinstance(quad.graph_name, NamedNode) else default
                graphs.setdefault(graph, []).append(Quad(quad.subject, quad.predicate, quad.object, graph))
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", where=str(path)) from exc
    except SyntaxError as exc:
        raise InputError(f"not valid {fmt.name}: {exc}", where=str(path), fix="check the file's syntax") from exc
    store = open_store("memory:")
    store.replace_graphs(graphs)
    return store


@cache
def ontology_triples() -> frozenset[Triple]:
    with ontology_file().open("rb") as handle:
        return frozenset(q.triple for q in parse(handle, RdfFormat.TURTLE))


def data_triples(store: Store) -> Iterator[Triple]:
    """Distinct asserted data triples: not the ontology, not ``graph/inferred``, not kg.ttl's own triples."""
    ontology = ontology_triples()
    seen: set[Triple] = set()
    for quad in store.quads():
        graph = quad.graph_name
        if isinstance(graph, NamedNode) and graph.value in _SKIPPED_GRAPHS:
            continue
        triple = quad.triple
        if triple in seen or triple in ontology:
            continue
        seen.add(triple)
        yield triple
