"""The HTTP side of ``kg serve``: the SPARQL 1.1 protocol over a :class:`~kg.store.Store`, bound to 127.0.0.1.

Routes: ``GET /`` the query page; ``GET /queries`` the saved-query catalogue (JSON); ``GET|POST /query``
a SPARQL query over the union of all graphs; ``GET /saved/NAME?PARAM=VALUE`` a saved query with its
parameters bound safely; when the server was started writable, ``POST /update`` (SPARQL Update) and
``PUT|POST|DELETE /store?graph=IRI`` (Graph Store Protocol), so ``kg ingest --store http://127.0.0.1:PORT`` works.

Browser safety: requests must name 127.0.0.1 or localhost as their Host (no DNS rebinding), and updates
must be sent as ``application/sparql-update`` (which a page of another origin cannot send without CORS,
and this server grants no CORS).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from pyoxigraph import NamedNode, Quad, QueryBoolean, QuerySolutions, RdfFormat, parse, serialize

from kg.errors import KgError, QueryError, StoreError
from kg.query.saved import SavedQuery, catalogue
from kg.serve.formats import GRAPHS, RESULTS, pick
from kg.store.base import Store

HOST = "127.0.0.1"
MAX_BODY = 16 * 1024 * 1024


@cache
def _page_template() -> str:
    return (Path(__file__).resolve().parent / "page.html").read_text(encoding="utf-8")


def page(queries: dict[str, SavedQuery], *, location: str, writable: bool) -> bytes:
    data = json.dumps({"queries": _catalogue_json(queries), "writable": writable}, ensure_ascii=False)
    text = _page_template().replace("{{CATALOGUE}}", data.replace("</", "<\\/"))
    return text.replace("{{STORE}}", _html_escape(location)).encode("utf-8")


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _catalogue_json(queries: dict[str, SavedQuery]) -> list[dict[str, object]]:
    return [
        {"name": q.name, "summary": q.summary, "text": q.text,
         "parameters": [{"name": p.name, "type": p.type, "required": p.required, "doc": p.doc}
                        for p in q.parameters]}
        for q in queries.values()
    ]


class _Handler(BaseHTTPRequestHandler):
    server: KgServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 -- the library's signature
        """Quiet: the library never prints (the CLI says where it serves)."""

    # -- routing -----------------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 -- http.server's naming
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_PUT(self) -> None:  # noqa: N802
        self._dispatch("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        if not self._host_ok():
            self._send(HTTPStatus.FORBIDDEN, b"requests must be addressed to 127.0.0.1 or localhost\n")
            return
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        try:
            if method == "GET" and url.path == "/":
                queries = self.server.queries
                self._send(HTTPStatus.OK, page(queries, location=self.server.store.location,
                                               writable=self.server.writable), "text/html; charset=utf-8")
            elif method == "GET" and url.path.startswith("/site") and self.server.site is not None:
                self._static(url.path.removeprefix("/site"))
            elif method == "GET" and url.path == "/queries":
                body = json.dumps(_catalogue_json(self.server.queries), ensure_ascii=False).encode()
                self._send(HTTPStatus.OK, body, "application/json")
            elif url.path == "/query":
                self._query(self._query_text(method, params), params)
            elif method == "GET" and url.path.startswith("/saved/"):
                self._saved(url.path.removeprefix("/saved/"), params)
            elif method == "POST" and url.path == "/update":
                self._update()
            elif method in ("PUT", "POST", "DELETE") and url.path == "/store":
                self._graph_store(method, _one(params, "graph"))
            else:
                self._send(HTTPStatus.NOT_FOUND, b"not found: see / for the query page\n")
        except (QueryError, SyntaxError, ValueError) as exc:
            self._send(HTTPStatus.BAD_REQUEST, f"{exc}\n".encode())
        except KgError as exc:
            status = HTTPStatus.BAD_GATEWAY if isinstance(exc, StoreError) else HTTPStatus.BAD_REQUEST
            self._send(status, f"{exc.message}\n".encode())

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
        return host in (HOST, "localhost")

    # -- handlers ----------------------------------------------------------------------------------

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise QueryError("request body too large")
        return self.rfile.read(length)

    def _query_text(self, method: str, params: dict[str, list[str]]) -> str:
        if method == "GET":
            return _one(params, "query")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        body = self._body().decode("utf-8")
        if kind == "application/sparql-query":
            return body
        if kind == "application/x-www-form-urlencoded":
            return _one(parse_qs(body, keep_blank_values=True), "query")
        raise QueryError("POST a query as application/sparql-query or as a form with a 'query' field")

    def _query(self, text: str, params: dict[str, list[str]]) -> None:
        self._answer(self.server.store.query(text), params)

    def _saved(self, name: str, params: dict[str, list[str]]) -> None:
        query = self.server.queries.get(name)
        if query is None:
            self._send(HTTPStatus.NOT_FOUND, f"no saved query named '{name}'\n".encode())
            return
        values = {k: v[-1] for k, v in params.items() if k != "format" and v and v[-1] != ""}
        self._answer(self.server.store.query(query.bind(values)), params)

    def _answer(self, result: object, params: dict[str, list[str]]) -> None:
        accept = self.headers.get("Accept") or ""
        named = params.get("format", [None])[-1]
        if isinstance(result, (QuerySolutions, QueryBoolean)):
            media, fmt = pick(RESULTS, accept, named)
            body = result.serialize(format=fmt)  # type: ignore[arg-type]
        else:
            media, fmt = pick(GRAPHS, accept, named)
            body = serialize(_triples(result), format=fmt)  # type: ignore[arg-type]
        self._send(HTTPStatus.OK, body or b"", media)

    def _update(self) -> None:
        if not self.server.writable:
            self._send(HTTPStatus.FORBIDDEN, b"this endpoint is read-only (start kg serve with --writable)\n")
            return
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind != "application/sparql-update":
            self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, b"send updates as application/sparql-update\n")
            return
        self.server.store.update(self._body().decode("utf-8"))
        self._send(HTTPStatus.NO_CONTENT, b"")

    def _graph_store(self, method: str, graph_iri: str) -> None:
        """Graph Store Protocol PUT (replace one graph), POST (add to it) and DELETE, for a writable server."""
        if not self.server.writable:
            self._send(HTTPStatus.FORBIDDEN, b"this endpoint is read-only (start kg serve with --writable)\n")
            return
        graph = NamedNode(graph_iri)
        if method == "DELETE":
            found = self.server.store.remove_graph(graph)
            self._send(HTTPStatus.NO_CONTENT if found else HTTPStatus.NOT_FOUND, b"" if found else b"no such graph\n")
            return
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        rdf_format = RdfFormat.from_media_type(kind)
        if rdf_format is None or rdf_format.supports_datasets:
            self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, b"send a graph as N-Triples, Turtle or RDF/XML\n")
            return
        quads = [Quad(t.subject, t.predicate, t.object, graph) for t in parse(self._body(), rdf_format)]
        if method == "POST":
            self.server.store.add_quads(quads)
        else:
            self.server.store.replace_graphs({graph: quads})
        self._send(HTTPStatus.NO_CONTENT, b"")

    def _static(self, path: str) -> None:
        """A file of the site folder (``kg site``): no path escapes it; ``/site/`` is its index.html."""
        root = self.server.site
        assert root is not None
        if path in ("", "/"):
            if path == "":
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", "/site/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = "/index.html"
        target = (root / unquote(path).lstrip("/")).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            self._send(HTTPStatus.NOT_FOUND, b"not found in the site folder\n")
            return
        media = _MEDIA.get(target.suffix.lower(), "application/octet-stream")
        self._send(HTTPStatus.OK, target.read_bytes(), media)

    def _send(self, status: HTTPStatus, body: bytes, media: str = "text/plain; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if body:
            self.wfile.write(body)


_MEDIA = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
          ".css": "text/css; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml",
          ".png": "image/png"}


def _one(params: dict[str, list[str]], name: str) -> str:
    values = params.get(name) or []
    if len(values) != 1:
        raise QueryError(f"give exactly one '{name}' parameter")
    return values[0]


def _triples(result: object) -> Iterable:
    return result  # type: ignore[return-value] -- QueryTriples or a list of Triple


class KgServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, store: Store, port: int, *, writable: bool, queries: dict[str, SavedQuery],
                 site: Path | None = None) -> None:
        self.store = store
        self.writable = writable
        self.queries = queries
        self.site = site.resolve() if site is not None else None
        super().__init__((HOST, port), _Handler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"


def make_server(store: Store, *, port: int = 7878, writable: bool = False,
                queries: dict[str, SavedQuery] | None = None, site: Path | None = None) -> KgServer:
    """A server bound to 127.0.0.1 (``port`` 0 picks a free one); run it with ``serve_forever()``.
    ``site``: a folder written by ``kg site``, served under ``/site/`` (same origin as ``/query``)."""
    try:
        return KgServer(store, port, writable=writable, queries=catalogue() if queries is None else queries,
                        site=site)
    except OSError as exc:
        raise StoreError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}",
                         fix="choose another --port") from exc
