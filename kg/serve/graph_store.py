"""The SPARQL 1.1 Graph Store Protocol at ``/store``: GET and HEAD of a graph (``?graph=IRI``), of the default
graph (``?default``: the union of the named graphs, as a set) or of the whole dataset (neither); PUT, POST and
DELETE of a named graph on a writable server. The default graph is derived from the named graphs, so it is
read-only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus

from pyoxigraph import NamedNode, Quad, RdfFormat, Triple, parse, serialize

from kg.errors import QueryError
from kg.serve.formats import DATASETS, GRAPHS, pick
from kg.store.base import Store

READ_ONLY = b"this endpoint is read-only (start kg serve with --writable)\n"


@dataclass
class Response:
    status: HTTPStatus
    body: bytes = b""
    media: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def target(params: dict[str, list[str]]) -> NamedNode | None:
    """The graph a request names: ``?graph=IRI``, or None for ``?default``; a QueryError for neither or both."""
    graphs, default = params.get("graph"), "default" in params
    if default and graphs:
        raise QueryError("give ?graph=IRI or ?default, not both")
    if default:
        return None
    if not graphs or len(graphs) != 1 or not graphs[0]:
        raise QueryError("give exactly one ?graph=IRI, or ?default")
    try:
        return NamedNode(graphs[0])
    except ValueError as exc:
        raise QueryError(f"?graph={graphs[0]!r} is not an absolute IRI") from exc


def read(store: Store, params: dict[str, list[str]], accept: str) -> Response:
    """GET: one graph (404 when the store has no such graph), the default graph, or the dataset."""
    named = (params.get("format") or [None])[-1]
    if "graph" not in params and "default" not in params:
        media, fmt = pick(DATASETS, accept, named)
        return Response(HTTPStatus.OK, _serialize(store.quads(), fmt), media)
    graph = target(params)
    media, fmt = pick(GRAPHS, accept, named)
    if graph is None:
        return Response(HTTPStatus.OK, _serialize(store.triples(), fmt), media)
    if graph not in store.graphs():
        return Response(HTTPStatus.NOT_FOUND, f"no graph {graph} in the store\n".encode())
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    return Response(HTTPStatus.OK, _serialize((Triple(r["s"], r["p"], r["o"]) for r in rows), fmt), media)


def write(store: Store, method: str, params: dict[str, list[str]], content_type: str, body: bytes) -> Response:
    """PUT (replace; 201 when the graph is new), POST (add; 201 when new) and DELETE (404 when absent)."""
    graph = target(params)
    if graph is None:
        return Response(HTTPStatus.METHOD_NOT_ALLOWED,
                        b"the default graph is the union of the named graphs: write to ?graph=IRI instead\n",
                        headers={"Allow": "GET, HEAD, OPTIONS"})
    if method == "DELETE":
        found = store.remove_graph(graph)
        return Response(HTTPStatus.NO_CONTENT) if found else Response(HTTPStatus.NOT_FOUND, b"no such graph\n")
    rdf_format = RdfFormat.from_media_type(content_type)
    if rdf_format is None or rdf_format.supports_datasets:
        return Response(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        b"send a graph as Turtle, N-Triples or RDF/XML\n")
    try:
        quads = [Quad(t.subject, t.predicate, t.object, graph) for t in parse(body, rdf_format)]
    except SyntaxError as exc:
        raise QueryError(f"the {content_type} body is not valid: {exc}") from exc
    existed = graph in store.graphs()
    if method == "POST":
        store.add_quads(quads)
    else:
        store.replace_graphs({graph: quads})
    return Response(HTTPStatus.NO_CONTENT if existed else HTTPStatus.CREATED)


def _serialize(items: Iterable, fmt: object) -> bytes:
    return serialize(items, format=fmt) or b""  # type: ignore[arg-type]
