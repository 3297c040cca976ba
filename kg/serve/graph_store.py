"""The SPARQL 1.1 Graph Store Protocol at ``/store``: which graph a request names, and the writes. GET and
HEAD of a graph (``?graph=IRI``) or of the default graph (``?default``: the union of the named graphs, as a
set) are CONSTRUCT queries run within the server's limits; of the whole dataset (neither), a dump. PUT, POST
and DELETE of a named graph on a writable server; the default graph is derived, so it is not written."""

from __future__ import annotations

from dataclasses import dataclass, field
from http import HTTPStatus

from pyoxigraph import NamedNode, Quad, RdfFormat, parse

from kg.errors import QueryError
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


def construct(graph: NamedNode | None) -> str:
    """The query whose answer is ``graph`` (None: the default graph, the union)."""
    if graph is None:
        return "CONSTRUCT WHERE { ?s ?p ?o }"
    return f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"


DEFAULT_IS_DERIVED = Response(HTTPStatus.METHOD_NOT_ALLOWED,
                              b"the default graph is the union of the named graphs: write to ?graph=IRI instead\n",
                              headers={"Allow": "GET, HEAD, OPTIONS"})


def delete(store: Store, graph: NamedNode) -> Response:
    """DELETE: 204, or 404 when there was no such graph."""
    if store.remove_graph(graph):
        return Response(HTTPStatus.NO_CONTENT)
    return Response(HTTPStatus.NOT_FOUND, f"no graph {graph} in the store\n".encode())


def write(store: Store, method: str, graph: NamedNode, content_type: str, body: bytes) -> Response:
    """PUT (replace) or POST (add to) ``graph``: 201 when the graph is new, 204 when it was there."""
    rdf_format = RdfFormat.from_media_type(content_type)
    if rdf_format is None or rdf_format.supports_datasets:
        return Response(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, b"send a graph as Turtle, N-Triples or RDF/XML\n")
    try:
        quads = [Quad(t.subject, t.predicate, t.object, graph) for t in parse(body, rdf_format)]
    except SyntaxError as exc:
        raise QueryError(f"the {content_type} body is not valid: {exc}") from exc
    existed = store.ask(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    if method == "POST":
        store.add_quads(quads)
    else:
        store.replace_graphs({graph: quads})
    return Response(HTTPStatus.NO_CONTENT if existed else HTTPStatus.CREATED)
