"""The HTTP side of ``kg serve``: the SPARQL 1.1 protocol over a :class:`~kg.store.Store`, bound to 127.0.0.1.

Routes (docs/serve.md has the whole request x answer table): ``GET /`` the query page; ``GET /queries`` the
saved-query catalogue (JSON); ``GET|POST /query`` a SPARQL query over the union of all graphs (as a set), and
without a query the Service Description; ``GET /saved/NAME?PARAM=VALUE`` a saved query with its parameters
bound safely; ``GET|HEAD /store`` (Graph Store Protocol: ``?graph=IRI``, ``?default``, or the dataset); when
the server was started writable, ``POST /update`` (SPARQL Update, as ``application/sparql-update`` or a form
with an ``update`` field) and ``PUT|POST|DELETE /store?graph=IRI``, so ``kg ingest --store
http://127.0.0.1:PORT`` works. Every route answers HEAD like GET and OPTIONS with its methods (and the CORS
headers for an origin given with ``--cors``); another method is a 405 naming them.

Browser safety (:mod:`kg.serve.guard`, docs/serve-security.md): requests must name 127.0.0.1 or localhost
as their Host (no DNS rebinding); queries and writes from pages of other origins are refused, writes must
come in a content type no form can send, the reference and ontology graphs are written only on purpose,
``SERVICE`` is off unless ``allow_service`` and ``LOAD`` is refused. Queries run within a time and size
limit (:mod:`kg.serve.runner`); connections within the limits of :mod:`kg.serve.server`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from pyoxigraph import QueryResultsFormat, RdfFormat, parse_query_results, serialize

from kg.errors import KgError, QueryError, StoreError
from kg.query.names import BoundNames, bind_spellings, name_parameters, names_query, spellings_of, unmatched_words
from kg.query.saved import SavedQuery, catalogue
from kg.query.syntax import query_error
from kg.serve import graph_store
from kg.serve.description import PREFIXES as SD_PREFIXES
from kg.serve.description import describe
from kg.serve.formats import DATASETS, GRAPHS, NotAcceptable, pick
from kg.serve.graph_store import READ_ONLY, Response
from kg.serve.guard import Policy, Refused
from kg.serve.runner import AnswerTooLarge, Limits, QueryTimeout, capped, runner_for
from kg.serve.server import PooledHTTPServer
from kg.store.base import Store
from kg.style import CSS, FAVICON_SVG, favicon_link, terms_script

HOST = "127.0.0.1"
MAX_BODY = 16 * 1024 * 1024
DEFAULT_LIMITS = Limits()
MAX_SITE_PATH = 1024  # characters of a /site/ path: longer is no file kg site writes
FORM = "application/x-www-form-urlencoded"
READ = ("GET", "HEAD", "OPTIONS")
# the methods of each route; a path of none of them is a 404
ROUTES: dict[str, tuple[str, ...]] = {
    "/": READ, "/favicon.ico": READ, "/queries": READ, "/query": (*READ, "POST"), "/update": ("POST", "OPTIONS"),
    "/store": (*READ, "PUT", "POST", "DELETE"),
}
PREFIX_ROUTES: dict[str, tuple[str, ...]] = {"/saved/": READ}
PROTOCOL_PATHS = ("/query", "/update", "/store")
FAVICON = FAVICON_SVG.encode("utf-8")
# a saved query's name parameter that no stored name folds to, in words (percent-encoded UTF-8)
NOT_FOUND_HEADER = "Kg-Not-Found"
_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@cache
def _page_template() -> str:
    return (Path(__file__).resolve().parent / "page.html").read_text(encoding="utf-8")


_NAV_SITE = ('<a href="/">Query page</a> · <a href="/site/">Encounters</a> · <a href="/site/timeline.html">Timeline</a>'
             ' · <a href="/site/queries.html">Saved queries</a>')
_NAV_NO_SITE = '<a href="/">Query page</a> · <span>browser pages: start kg serve with --site DIR</span>'


def page(queries: dict[str, SavedQuery], *, location: str, writable: bool, site: bool = False) -> bytes:
    """The query page at ``/``, in the site's style, linking to ``/site/`` when the site is served. Each
    ``{{NAME}}`` of the template is filled in one pass, so no filled-in text is read as a placeholder."""
    data = json.dumps({"queries": _catalogue_json(queries), "writable": writable, "site": site},
                      ensure_ascii=False)
    fills = {"CATALOGUE": data.replace("</", "<\\/"), "STORE": _html_escape(location), "CSS": CSS,
             "ICON": favicon_link(), "NAV": _NAV_SITE if site else _NAV_NO_SITE, "TERMS": terms_script()}
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda m: fills[m.group(1)], _page_template()).encode("utf-8")


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _catalogue_json(queries: dict[str, SavedQuery]) -> list[dict[str, object]]:
    return [
        {"name": q.name, "summary": q.summary, "text": q.text,
         "parameters": [{"name": p.name, "type": p.type, "required": p.required, "doc": p.doc}
                        for p in q.parameters]}
        for q in queries.values()
    ]


def _error_text(exc: KgError) -> str:
    """A bad request's answer: the message, and for a syntax error the line with a caret."""
    problem = getattr(exc, "problem", None)
    return exc.message + "\n" + (f"{problem.excerpt}\n" if problem is not None and problem.excerpt else "")


class _BadRequest(Exception):
    """A request the handler answers with ``status`` and closes the connection after (its body unread)."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class _Handler(BaseHTTPRequestHandler):
    server: KgServer
    protocol_version = "HTTP/1.1"
    _head = False

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

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch("HEAD")

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._dispatch("OPTIONS")

    def do_PATCH(self) -> None:  # noqa: N802
        self._dispatch("PATCH")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_PUT(self) -> None:  # noqa: N802
        self._dispatch("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        self._head = method == "HEAD"
        self._body_read = method in ("GET", "HEAD", "OPTIONS", "DELETE")
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
        allowed = self.server.allowed(url.path)
        if allowed is None:
            self._send(HTTPStatus.NOT_FOUND, b"not found: see / for the query page\n")
            return
        if method == "OPTIONS":
            self._send(HTTPStatus.NO_CONTENT, b"", headers={"Allow": ", ".join(allowed), **self._preflight(allowed)})
            return
        if method not in allowed:
            self._send(HTTPStatus.METHOD_NOT_ALLOWED, f"{url.path} takes {', '.join(allowed)}\n".encode(),
                       headers={"Allow": ", ".join(allowed)})
            return
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path in PROTOCOL_PATHS or url.path.startswith("/saved/"):
            self.server.policy.check_origin(self.headers, "answer")
        self.server.refresh()  # a read-only store sees what kg ingest wrote since
        method = "GET" if method == "HEAD" else method
        try:
            if url.path == "/":
                self._send(HTTPStatus.OK, page(self.server.queries, location=self.server.store.location,
                                               writable=self.server.writable, site=self.server.site is not None),
                           "text/html; charset=utf-8")
            elif url.path == "/favicon.ico":
                self._send(HTTPStatus.OK, FAVICON, "image/svg+xml")
            elif url.path.startswith("/site"):
                self._static(url.path.removeprefix("/site"))
            elif url.path == "/queries":
                body = json.dumps(_catalogue_json(self.server.queries), ensure_ascii=False).encode()
                self._send(HTTPStatus.OK, body, "application/json")
            elif url.path == "/query":
                self._query(method, params)
            elif url.path.startswith("/saved/"):
                self._saved(url.path.removeprefix("/saved/"), params)
            elif url.path == "/update":
                self._update()
            else:
                self._graph_store(method, params)
        except NotAcceptable as exc:
            self._send(HTTPStatus.NOT_ACCEPTABLE, f"{exc.message}\n".encode())
        except UnsupportedMedia as exc:
            raise _BadRequest(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, exc.message) from exc
        except QueryError as exc:
            self._send(HTTPStatus.BAD_REQUEST, _error_text(exc).encode())
        except (SyntaxError, ValueError, UnicodeDecodeError) as exc:
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

    # -- cross-origin reading (only for origins given with --cors) ---------------------------------

    def _cors(self) -> dict[str, str]:
        origin = self.headers.get("Origin") if hasattr(self, "headers") else None
        if not origin or not self.server.policy.grants(origin):
            return {}
        return {"Access-Control-Allow-Origin": origin.strip(), "Vary": "Origin",
                "Access-Control-Expose-Headers": NOT_FOUND_HEADER}

    def _preflight(self, allowed: tuple[str, ...]) -> dict[str, str]:
        headers = self._cors()
        if headers:
            headers.update({"Access-Control-Allow-Methods": ", ".join(allowed),
                            "Access-Control-Allow-Headers": "Content-Type, Accept",
                            "Access-Control-Max-Age": "600"})
        return headers

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

    def _operation(self, name: str, media: str) -> str:
        """The text of a POSTed operation: a body of type ``media``, or the ``name`` field of a form."""
        kind = self._content_type()
        if kind not in (media, FORM):
            raise UnsupportedMedia(f"POST the {name} as {media}, or as {FORM} with an '{name}' field")
        body = self._body().decode("utf-8")
        return body if kind == media else _one(parse_qs(body, keep_blank_values=True), name)

    def _query(self, method: str, params: dict[str, list[str]]) -> None:
        if method == "GET" and "query" not in params:
            self._description(params)
            return
        text = _one(params, "query") if method == "GET" else self._operation("query", "application/sparql-query")
        self._answer(text, params)

    def _description(self, params: dict[str, list[str]]) -> None:
        """The Service Description: a GET of the endpoint without a query."""
        _, counted = self._run(_COUNT, "application/sparql-results+json", None)
        count = next(iter(parse_query_results(counted, QueryResultsFormat.JSON)))  # type: ignore[arg-type]
        triples = describe(self.server.url + "query", writable=self.server.writable, triples=int(count["n"].value))
        media, fmt = pick(GRAPHS, self.headers.get("Accept") or "", (params.get("format") or [None])[-1])
        kwargs = {"prefixes": SD_PREFIXES} if fmt == RdfFormat.TURTLE else {}
        self._send(HTTPStatus.OK, serialize(triples, format=fmt, **kwargs) or b"", media)  # type: ignore[arg-type]

    def _saved(self, name: str, params: dict[str, list[str]]) -> None:
        query = self.server.queries.get(name)
        if query is None:
            self._send(HTTPStatus.NOT_FOUND, f"no saved query named '{name}'\n".encode())
            return
        values = {k: v[-1] for k, v in params.items() if k != "format" and v and v[-1] != ""}
        bound = BoundNames(values)
        if name_parameters(query, values):  # names compared folded, as kg query does (kg.query.names)
            _, names = self._run(names_query().text, "application/sparql-results+json", None)
            stored = parse_query_results(names, QueryResultsFormat.JSON)
            bound = bind_spellings(spellings_of(s["name"].value for s in stored), query, values)  # type: ignore
        headers = {NOT_FOUND_HEADER: quote(unmatched_words(bound.unmatched), safe=" =\"'")} if bound.unmatched else {}
        self._answer(query.bind(bound.values), params, headers)

    def _answer(self, text: str, params: dict[str, list[str]], headers: dict[str, str] | None = None) -> None:
        """Run a query within the server's limits and send its result in the format asked for."""
        self.server.policy.check_query(text)
        media, body = self._run(text, self.headers.get("Accept") or "", params.get("format", [None])[-1])
        self._send(HTTPStatus.OK, body, media, headers=headers)

    def _run(self, text: str, accept: str, named: str | None) -> tuple[str, bytes]:
        try:
            return self.server.runner.run(text, accept, named)
        except SyntaxError as exc:
            raise query_error(exc, text) from exc

    def _update(self) -> None:
        if not self.server.writable:
            self._send(HTTPStatus.FORBIDDEN, b"this endpoint is read-only (start kg serve with --writable)\n")
            return
        kind = self._content_type()
        if kind == FORM:  # SPARQLWrapper's default: accepted from programs and the server's own pages
            self.server.policy.check_form_write(self.headers)
        else:
            self.server.policy.check_write(self.headers, kind)
        text = self._operation("update", "application/sparql-update")
        self.server.policy.check_update(self.headers, text)
        try:
            self.server.store.update(text)
        except SyntaxError as exc:
            raise query_error(exc, text, "the update") from exc
        finally:
            self.server.runner.wrote()
        self._send(HTTPStatus.NO_CONTENT, b"")

    def _content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    def _graph_store(self, method: str, params: dict[str, list[str]]) -> None:
        """Graph Store Protocol (:mod:`kg.serve.graph_store`): GET always, PUT/POST/DELETE when writable."""
        if method == "GET":
            answer = self._graph_read(params)
        elif not self.server.writable:
            answer = Response(HTTPStatus.FORBIDDEN, READ_ONLY)
        else:
            answer = self._graph_write(method, params)
        self._send(answer.status, answer.body, answer.media, headers=answer.headers)

    def _graph_read(self, params: dict[str, list[str]]) -> Response:
        """A graph or the default graph as a CONSTRUCT (within the query limits); the dataset, capped."""
        accept, named = self.headers.get("Accept") or "", (params.get("format") or [None])[-1]
        if "graph" not in params and "default" not in params:
            media, fmt = pick(DATASETS, accept, named)
            out = capped(self.server.limits)
            serialize(self.server.store.quads(), out, format=fmt)  # type: ignore[arg-type]
            return Response(HTTPStatus.OK, b"".join(out.parts), media)
        graph = graph_store.target(params)
        if graph is not None and not self.server.store.ask(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"):
            return Response(HTTPStatus.NOT_FOUND, f"no graph {graph} in the store\n".encode())
        media, body = self._run(graph_store.construct(graph), accept, named)
        return Response(HTTPStatus.OK, body, media)

    def _graph_write(self, method: str, params: dict[str, list[str]]) -> Response:
        graph = graph_store.target(params)
        policy = self.server.policy
        if graph is None:
            return graph_store.DEFAULT_IS_DERIVED
        if method == "DELETE":
            policy.check_origin(self.headers, "write")
        else:
            policy.check_write(self.headers, self._content_type())
        policy.check_graph_write(self.headers, graph.value)
        try:
            if method == "DELETE":
                return graph_store.delete(self.server.store, graph)
            return graph_store.write(self.server.store, method, graph, self._content_type(), self._body())
        finally:
            self.server.runner.wrote()

    def _static(self, path: str) -> None:
        """A file of the site folder (``kg site``): no path escapes it; ``/site/`` is its index.html."""
        root = self.server.site
        assert root is not None
        if path in ("", "/"):
            if path == "":
                self._send(HTTPStatus.MOVED_PERMANENTLY, b"", headers={"Location": "/site/"})
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

    def _send(self, status: HTTPStatus, body: bytes, media: str = "text/plain; charset=utf-8", *,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if body or status not in (HTTPStatus.NO_CONTENT, HTTPStatus.CREATED, HTTPStatus.MOVED_PERMANENTLY):
            self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in {**self._cors(), **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        if body and not self._head:
            self.wfile.write(body)


_MEDIA = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
          ".css": "text/css; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml",
          ".png": "image/png"}


def _one(params: dict[str, list[str]], name: str) -> str:
    values = params.get(name) or []
    if len(values) != 1:
        raise QueryError(f"give exactly one '{name}' parameter")
    return values[0]


class UnsupportedMedia(KgError):
    """A request body of a type the route does not take (HTTP 415)."""


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

    def allowed(self, path: str) -> tuple[str, ...] | None:
        """The methods ``path`` takes, or None when there is nothing there."""
        if path in ROUTES:
            return ROUTES[path]
        if self.site is not None and (path == "/site" or path.startswith("/site/")):
            return READ
        return next((methods for prefix, methods in PREFIX_ROUTES.items() if path.startswith(prefix)), None)

    def refresh(self) -> None:
        """Over a directory opened read-only: when another process wrote to it, read the new data."""
        refresh = getattr(self.store, "refresh", None)
        if refresh is not None and refresh():
            self.runner.wrote()

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
