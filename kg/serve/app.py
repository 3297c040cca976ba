"""The HTTP side of ``kg serve``: the SPARQL 1.1 protocol over a :class:`~kg.store.Store`, bound to 127.0.0.1.

Routes: ``GET /`` the query page; ``GET /queries`` the saved-query catalogue (JSON); ``GET|POST /query``
a SPARQL query over the union of all graphs; ``GET /saved/NAME?PARAM=VALUE`` a saved query with its
parameters bound safely; when the server was started writable, ``POST /update`` (SPARQL Update) and
``PUT|POST|DELETE /store?graph=IRI`` (Graph Store Protocol), so ``kg ingest --store http://127.0.0.1:PORT`` works.

Browser safety (:mod:`kg.serve.guard`, docs/serve-security.md): requests must name 127.0.0.1 or localhost
as their Host (no DNS rebinding); queries and writes from pages of other origins are refused, writes must
come in a content type no form can send, the reference and ontology graphs are written only on purpose,
``SERVICE`` is off unless ``allow_service`` and ``LOAD`` is refused. Queries run within a time and size
limit (:mod:`kg.serve.runner`); connections within the limits of :mod:`kg.serve.server`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from pyoxigraph import NamedNode, Quad, RdfFormat, parse

from kg.errors import KgError, QueryError, StoreError
from kg.query.saved import SavedQuery, catalogue
from kg.serve.guard import Policy, Refused
from kg.serve.runner import AnswerTooLarge, Limits, QueryTimeout, runner_for
from kg.serve.server import PooledHTTPServer
from kg.store.base import Store

HOST = "127.0.0.1"
MAX_BODY = 16 * 1024 * 1024
DEFAULT_LIMITS = Limits()
MAX_SITE_PATH = 1024  # characters of a /site/ path: longer is no file kg site writes


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


class _BadRequest(Exception):
    """A request the handler answers with ``status`` and closes the connection after (its body unread)."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class _Handler(BaseHTTPRequestHandler):
    server: KgServer
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        self.timeout = self.server.idle_timeout  # a connection silent this long is closed
        super().setup()

    def handle_one_request(self) -> None:
        self.server.reading(self.connection)
        try:
            super().handle_one_request()
        except TimeoutError:
            self.close_connection = True
        finally:
            self.server.reading_done(self.connection)

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
        self._body_read = method in ("GET", "DELETE")
        if self._body_read:
            self.server.reading_done(self.connection)  # the request is in: its handling has no deadline
        try:
            self._route(method)
            if not self._body_read:  # answered without reading the body: the connection cannot go on
                self.close_connection = True
        except _BadRequest as exc:
            self.close_connection = True
            self._send(exc.status, f"{exc.message}\n".encode())
        except Refused as exc:
            self.close_connection = True
            self._send(HTTPStatus(exc.status), f"{exc.message}\n".encode())
        except TimeoutError:
            self.close_connection = True
            self._send(HTTPStatus.REQUEST_TIMEOUT, b"the request was not sent in time\n")
        except (ConnectionError, BrokenPipeError):
            self.close_connection = True
        except Exception as exc:  # noqa: BLE001 -- a bug must give a 500, never a dropped connection
            self.close_connection = True
            self.server.handle_error(self.connection, self.client_address, exc)
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {type(exc).__name__}\n".encode())

    def _route(self, method: str) -> None:
        if not self._host_ok():
            self._send(HTTPStatus.FORBIDDEN, b"requests must be addressed to 127.0.0.1 or localhost\n")
            return
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/query", "/update", "/store") or url.path.startswith("/saved/"):
            self.server.policy.check_origin(self.headers, "answer")
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
        except (QueryError, SyntaxError, ValueError, UnicodeDecodeError) as exc:
            self._send(HTTPStatus.BAD_REQUEST, f"{exc}\n".encode())
        except QueryTimeout as exc:
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, f"{exc.message}\n".encode())
        except AnswerTooLarge as exc:
            self._send(HTTPStatus.INSUFFICIENT_STORAGE, f"{exc.message}\n".encode())
        except KgError as exc:
            status = HTTPStatus.BAD_GATEWAY if isinstance(exc, StoreError) else HTTPStatus.BAD_REQUEST
            self._send(status, f"{exc.message}\n".encode())

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
        return host in (HOST, "localhost")

    # -- handlers ----------------------------------------------------------------------------------

    def _body(self) -> bytes:
        """The request body: its Content-Length must be a plain count of at most ``MAX_BODY`` bytes, and
        the bytes must all come before the connection's deadline."""
        if self.headers.get("Transfer-Encoding"):
            raise _BadRequest(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length (no chunked encoding)")
        given = (self.headers.get("Content-Length") or "0").strip()
        if not given.isdigit() or not given.isascii():
            raise _BadRequest(HTTPStatus.BAD_REQUEST, f"Content-Length must be a number of bytes, not {given[:40]!r}")
        length = int(given)
        if length > MAX_BODY:
            raise _BadRequest(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                              f"the request body is larger than this server's limit of {MAX_BODY // (1024 * 1024)} MB")
        body = self.rfile.read(length)
        if len(body) < length:
            raise _BadRequest(HTTPStatus.BAD_REQUEST, f"the body ended after {len(body)} of {length} bytes")
        self._body_read = True
        self.server.reading_done(self.connection)
        return body

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
        self._answer(text, params)

    def _saved(self, name: str, params: dict[str, list[str]]) -> None:
        query = self.server.queries.get(name)
        if query is None:
            self._send(HTTPStatus.NOT_FOUND, f"no saved query named '{name}'\n".encode())
            return
        values = {k: v[-1] for k, v in params.items() if k != "format" and v and v[-1] != ""}
        self._answer(query.bind(values), params)

    def _answer(self, text: str, params: dict[str, list[str]]) -> None:
        """Run a query within the server's limits and send its result in the format asked for."""
        self.server.policy.check_query(text)
        accept = self.headers.get("Accept") or ""
        named = params.get("format", [None])[-1]
        media, body = self.server.runner.run(text, accept, named)
        self._send(HTTPStatus.OK, body, media)

    def _update(self) -> None:
        if not self.server.writable:
            self._send(HTTPStatus.FORBIDDEN, b"this endpoint is read-only (start kg serve with --writable)\n")
            return
        kind = self._content_type()
        self.server.policy.check_write(self.headers, kind)
        if kind != "application/sparql-update":
            raise _BadRequest(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send updates as application/sparql-update")
        text = self._body().decode("utf-8")
        self.server.policy.check_update(self.headers, text)
        try:
            self.server.store.update(text)
        finally:
            self.server.runner.wrote()
        self._send(HTTPStatus.NO_CONTENT, b"")

    def _content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    def _graph_store(self, method: str, graph_iri: str) -> None:
        """Graph Store Protocol PUT (replace one graph), POST (add to it) and DELETE, for a writable server."""
        if not self.server.writable:
            self._send(HTTPStatus.FORBIDDEN, b"this endpoint is read-only (start kg serve with --writable)\n")
            return
        graph = NamedNode(graph_iri)
        policy = self.server.policy
        if method == "DELETE":
            policy.check_origin(self.headers, "write")
            policy.check_graph_write(self.headers, graph.value)
            try:
                found = self.server.store.remove_graph(graph)
            finally:
                self.server.runner.wrote()
            self._send(HTTPStatus.NO_CONTENT if found else HTTPStatus.NOT_FOUND, b"" if found else b"no such graph\n")
            return
        kind = self._content_type()
        policy.check_write(self.headers, kind)
        rdf_format = RdfFormat.from_media_type(kind)
        if rdf_format is None or rdf_format.supports_datasets:
            raise _BadRequest(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send a graph as N-Triples, Turtle or RDF/XML")
        policy.check_graph_write(self.headers, graph.value)
        quads = [Quad(t.subject, t.predicate, t.object, graph) for t in parse(self._body(), rdf_format)]
        try:
            if method == "POST":
                self.server.store.add_quads(quads)
            else:
                self.server.store.replace_graphs({graph: quads})
        finally:
            self.server.runner.wrote()
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
        name = unquote(path).lstrip("/")
        if len(name) > MAX_SITE_PATH or "\x00" in name:
            self._send(HTTPStatus.NOT_FOUND, b"not found in the site folder\n")
            return
        try:  # a name too long for the file system, a symlink loop: no such page
            target = (root / name).resolve()
            found = target.is_relative_to(root) and target.is_file()
            data = target.read_bytes() if found else b""
        except (OSError, RuntimeError, ValueError):
            found = False
        if not found:
            self._send(HTTPStatus.NOT_FOUND, b"not found in the site folder\n")
            return
        media = _MEDIA.get(target.suffix.lower(), "application/octet-stream")
        self._send(HTTPStatus.OK, data, media)

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


class KgServer(PooledHTTPServer):
    def __init__(self, store: Store, port: int, *, writable: bool, queries: dict[str, SavedQuery],
                 site: Path | None = None, limits: Limits = DEFAULT_LIMITS, cors: Iterable[str] = (),
                 allow_service: bool = False, query_workers: int = 2,
                 on_error: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.writable = writable
        self.queries = queries
        self.site = site.resolve() if site is not None else None
        self.limits = limits
        self.cors = tuple(cors)
        self.runner = runner_for(store, limits, query_workers)
        super().__init__((HOST, port), _Handler, on_error=on_error)
        self.policy = Policy.for_port(self.server_address[1], cors=self.cors, allow_service=allow_service)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def server_close(self) -> None:
        super().server_close()
        self.runner.close()


def make_server(store: Store, *, port: int = 7878, writable: bool = False,
                queries: dict[str, SavedQuery] | None = None, site: Path | None = None,
                limits: Limits = DEFAULT_LIMITS, cors: Iterable[str] = (), allow_service: bool = False,
                query_workers: int = 2, on_error: Callable[[str], None] | None = None) -> KgServer:
    """A server bound to 127.0.0.1 (``port`` 0 picks a free one); run it with ``serve_forever()``.
    ``site``: a folder written by ``kg site``, served under ``/site/`` (same origin as ``/query``).
    ``limits``: time and size limits per query; ``cors``: origins whose pages may use the endpoint;
    ``allow_service``: let queries call other servers (SERVICE); ``on_error``: where a one-line report of
    an unexpected handler error goes (the library never prints)."""
    try:
        return KgServer(store, port, writable=writable, queries=catalogue() if queries is None else queries,
                        site=site, limits=limits, cors=cors, allow_service=allow_service,
                        query_workers=query_workers, on_error=on_error)
    except OSError as exc:
        raise StoreError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}",
                         fix="choose another --port") from exc
