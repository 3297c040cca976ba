"""A SPARQL 1.1 server as a kg store: queries through the SPARQL protocol, writes through the Graph Store
Protocol (one PUT per article graph) or, when the server has none, SPARQL Update.

Union of graphs: with ``union="dataset"`` (the default) every query names each graph of the store both as
a ``default-graph-uri`` (so the default graph is their merge) and as a ``named-graph-uri`` (so ``GRAPH ?g``
still sees them): standard protocol, no server option needed, one extra request for the graph list.
With ``union="server"`` the query goes as written and the server must query the union by default
(Oxigraph ``--union-default-graph``, Fuseki/TDB2 ``tdb:unionDefaultGraph``); kg checks that once and
says so when it does not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO
from urllib.parse import urlencode

from pyoxigraph import (
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
    serialize,
)

from kg.errors import StoreError
from kg.rdf.iris import PROTECTED_GRAPHS
from kg.store.endpoints import Endpoints, redact
from kg.store.http import HttpClient, Request
from kg.store.oxigraph_store import by_graph, insert_update, replace_update

UNIONS = ("dataset", "server")
RESULTS_JSON = "application/sparql-results+json"
FORM = "application/x-www-form-urlencoded"
_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
_TRIPLES = "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"

QueryResult = QuerySolutions | QueryBoolean | list[Triple]


class RemoteStore:
    """A store on a SPARQL 1.1 server. ``read_only`` refuses writes before they reach the server."""

    def __init__(self, store_url: str, endpoints: Endpoints, client: HttpClient, *,
                 union: str = "dataset", read_only: bool = False) -> None:
        if union not in UNIONS:
            raise StoreError(f"unknown union mode {union!r}", where="KG_STORE_UNION", fix="use dataset or server")
        self.location = redact(store_url)
        self.endpoints = endpoints
        self.union = union
        self.read_only = read_only
        self._client = client
        self._graphs: list[NamedNode] | None = None
        self._union_checked = False

    # -- queries -----------------------------------------------------------------------------------

    def _post_query(self, text: str, dataset: bool, accept: str = RESULTS_JSON) -> Request:
        params: list[tuple[str, str]] = [("query", text)]
        if dataset and self.union == "dataset":
            names = [g.value for g in self.graphs()]
            params += [("default-graph-uri", n) for n in names] + [("named-graph-uri", n) for n in names]
        return Request("POST", self.endpoints.query, "run a query", body=urlencode(params).encode(),
                       content_type=FORM, accept=accept)

    def _results(self, text: str, *, dataset: bool = True) -> QuerySolutions | QueryBoolean:
        if dataset and self.union == "server":
            self._check_server_union()
        status, body = self._client.fetch(self._post_query(text, dataset))
        try:
            return parse_query_results(body, QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"the server's answer is not SPARQL JSON results: {exc}",
                             where=redact(self.endpoints.query),
                             fix="check KG_STORE_QUERY_URL points at a SPARQL query endpoint") from exc

    def select(self, query: str) -> QuerySolutions:
        result = self._results(query)
        if not isinstance(result, QuerySolutions):
            raise StoreError("the query is not a SELECT query", where=self.location)
        return result

    def ask(self, query: str) -> bool:
        result = self._results(query)
        if not isinstance(result, QueryBoolean):
            raise StoreError("the query is not an ASK query", where=self.location)
        return bool(result)

    def query(self, query: str) -> QueryResult:
        """Any query form: solutions, a boolean, or (CONSTRUCT/DESCRIBE) the triples."""
        accept = f"{RESULTS_JSON}, application/n-triples;q=0.9"
        if self.union == "server":
            self._check_server_union()
        with self._client.open(self._post_query(query, True, accept)) as response:
            kind = response.headers.get_content_type()
            body = response.read()
        if kind == "application/n-triples":
            return list(parse(body, RdfFormat.N_TRIPLES))
        return parse_query_results(body, QueryResultsFormat.JSON)

    def _check_server_union(self) -> None:
        if self._union_checked:
            return
        has_named = self._results("ASK { GRAPH ?g { ?s ?p ?o } }", dataset=False)
        has_default = self._results("ASK { ?s ?p ?o }", dataset=False)
        if has_named and not has_default:
            raise StoreError(
                "the server does not query the union of its graphs by default (KG_STORE_UNION=server)",
                where=self.location,
                fix="start it with --union-default-graph (Oxigraph) or tdb:unionDefaultGraph (Fuseki/TDB2), "
                "or set KG_STORE_UNION=dataset",
            )
        self._union_checked = True

    def graphs(self) -> list[NamedNode]:
        if self._graphs is None:
            solutions = self._results(_GRAPHS, dataset=False)
            assert isinstance(solutions, QuerySolutions)
            self._graphs = [row["g"] for row in solutions if isinstance(row["g"], NamedNode)]
        return list(self._graphs)

    def _stream(self, text: str) -> Iterator[tuple]:
        request = self._post_query(text, dataset=False)
        with self._client.open(request) as response:
            solutions = parse_query_results(response, QueryResultsFormat.JSON)
            assert isinstance(solutions, QuerySolutions)
            for row in solutions:
                yield tuple(row)

    def triples(self) -> Iterator[Triple]:
        return (Triple(s, p, o) for s, p, o in self._stream(_TRIPLES))

    def quads(self) -> Iterator[Quad]:
        """The quads of the named graphs (kg writes nothing to the default graph)."""
        return (Quad(s, p, o, g) for s, p, o, g in self._stream(_QUADS))

    def dump_quads(self, output: BinaryIO, format_name: str) -> None:
        formats = {"nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG}
        serialize(self.quads(), output, formats[format_name])

    # -- writes ------------------------------------------------------------------------------------

    def _writable(self, what: str) -> None:
        if self.read_only:
            raise StoreError(f"cannot {what}: the store was opened read-only", where=self.location)
        if self.endpoints.gsp is None and self.endpoints.update is None:
            raise StoreError(f"cannot {what}: the server has no update or Graph Store endpoint",
                             where=self.location, fix="set KG_STORE_UPDATE_URL or KG_STORE_GSP_URL")

    def replace_graphs(self, graphs: dict[NamedNode, list[Quad]]) -> None:
        """With a Graph Store endpoint: one PUT per graph (each atomic on the server; a batch is not: a
        failure leaves the graphs before it replaced and the rest as they were). Otherwise one SPARQL
        Update for the whole batch (atomic on transactional servers such as Oxigraph and Fuseki)."""
        if not graphs:
            return
        self._writable("write to the store")
        self._graphs = None
        if self.endpoints.gsp is None:
            self.update(replace_update(graphs), protected=_protected(graphs))
            return
        for graph, quads in graphs.items():
            if quads:
                self._client.fetch(Request(
                    "PUT", self.endpoints.gsp, f"write graph {graph}", params=(("graph", graph.value),),
                    body=_ntriples(quads), content_type="application/n-triples", protected=_protected([graph])))
            else:
                self._delete(graph)

    def add_quads(self, quads: list[Quad]) -> None:
        """With a Graph Store endpoint: one POST per graph; otherwise one SPARQL Update. Either way the
        server gives blank nodes fresh identities per request."""
        if not quads:
            return
        self._writable("write to the store")
        self._graphs = None
        if self.endpoints.gsp is None:
            self.update(insert_update(quads), protected=_protected(by_graph(quads)))
            return
        for graph, part in by_graph(quads).items():
            self._client.fetch(Request(
                "POST", self.endpoints.gsp, f"add to graph {graph}", params=(("graph", graph.value),),
                body=_ntriples(part), content_type="application/n-triples", protected=_protected([graph])))

    def _delete(self, graph: NamedNode) -> bool:
        assert self.endpoints.gsp is not None
        status, _ = self._client.fetch(Request(
            "DELETE", self.endpoints.gsp, f"remove graph {graph}", params=(("graph", graph.value),),
            allow=frozenset({404}), protected=_protected([graph])))
        return status != 404

    def remove_graph(self, graph: NamedNode) -> bool:
        self._writable("remove a graph")
        self._graphs = None
        if self.endpoints.gsp is not None:
            return self._delete(graph)
        if not self._results(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}", dataset=False):
            return False
        self.update(f"DROP SILENT GRAPH {graph}", protected=_protected([graph]))
        return True

    def update(self, text: str, *, protected: bool = False) -> None:
        """Run a SPARQL Update; ``protected``: it writes a protected graph on purpose (kg serve asks)."""
        if self.read_only or self.endpoints.update is None:
            raise StoreError("cannot run a SPARQL Update: the store is read-only or has no update endpoint",
                             where=self.location, fix="set KG_STORE_UPDATE_URL, or open the store writable")
        self._graphs = None
        self._client.fetch(Request("POST", self.endpoints.update, "run a SPARQL Update", body=text.encode(),
                                   content_type="application/sparql-update", protected=protected))

    def close(self) -> None:
        self._graphs = None


def _protected(graphs: Iterable[NamedNode]) -> bool:
    return any(graph.value in PROTECTED_GRAPHS for graph in graphs)


def _ntriples(quads: Iterable[Quad]) -> bytes:
    return serialize((q.triple for q in quads), format=RdfFormat.N_TRIPLES) or b""
