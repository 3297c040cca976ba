"""The HTTP side of ``kg serve``: the SPARQL 1.1 protocol over a :class:`~kg.store.Store`, bound to 127.0.0.1.

Routes (docs/serve.md has the whole request x answer table): ``GET /`` the query page; ``GET /queries`` the
saved-query catalogue (JSON); ``GET|POST /query`` a SPARQL query over the union of all graphs (as a set), and
without a query the Service Description; ``GET /saved/NAME?PARAM=VALUE`` a saved query with its parameters
bound safely; ``GET|HEAD /store`` (Graph Store Protocol: ``?graph=IRI``, ``?default``, or the dataset); when
the server was started writable, ``POST /update`` (SPARQL Update, as ``application/sparql-update`` or a form
with an ``update`` field) and ``PUT|POST|DELETE /store?graph=IRI``, so ``kg ingest --store
http://127.0.0.1:PORT`` works. Every route answers HEAD like GET and OPTIONS with its methods; another method is
a 405 naming them.

Browser safety: requests must name 127.0.0.1 or localhost as their Host (no DNS rebinding). Pages of other
origins may read answers only when the server was started with ``--cors ORIGIN`` (default: no CORS headers).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from pyoxigraph import QueryBoolean, QuerySolutions, RdfFormat, serialize

from kg.errors import KgError, QueryError, StoreError
from kg.queries import SavedQuery, catalogue
from kg.rdf.vocab import PREFIXES
from kg.serve import graph_store
from kg.serve.description import PREFIXES as SD_PREFIXES
from kg.serve.description import describe
from kg.serve.formats import GRAPHS, RESULTS, NotAcceptable, pick
from kg.serve.graph_store import READ_ONLY
from kg.store.base import Store
from kg.syntax_errors import query_error

HOST = "127.0.0.1"
MAX_BODY = 16 * 1024 * 1024
FORM = "application/x-www-form-urlencoded"
READ = ("GET", "HEAD", "OPTIONS")
# the methods of each route; a path of none of them is a 404
ROUTES: dict[str, tuple[str, ...]] = {
    "/": READ, "/favicon.ico": READ, "/queries": READ, "/query": (*READ, "POST"), "/update": ("POST", "OPTIONS"),
    "/store": (*READ, "PUT", "POST", "DELETE"),
}
PREFIX_ROUTES: dict[str, tuple[str, ...]] = {"/saved/": READ}
FAVICON = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
           b'<circle cx="4" cy="11" r="3" fill="#1f77b4"/><circle cx="12" cy="5" r="3" fill="#d62728"/>'
           b'<path d="M6 9.5 10 6.5" stroke="#444" stroke-width="1.5"/></svg>')


class UnsupportedMedia(KgError):
    """A request body of a type the route does not take (HTTP 415)."""


@cache
def _page_template() -> str:
    return (Path(__file__).resolve().parent / "page.html").read_text(encoding="utf-8")


def page(queries: dict[str, SavedQuery], *, location: str, writable: bool, site: bool = False) -> bytes:
    data = json.dumps({"queries": _catalogue_json(queries), "writable": writable, "site": site},
                      ensure_ascii=False)
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


def _error_text(exc: Exception) -> str:
    """A bad request's answer: the message, and for a syntax error the line with a caret."""
    if isinstance(exc, KgError):
        problem = getattr(exc, "problem", None)
        return exc.message + "\n" + (f"{problem.excerpt}\n" if problem is not None and problem.excerpt else "")
    return f"{exc}\n"


class _Handler(BaseHTTPRequestHandler):
    server: KgServer
    protocol_version = "HTTP/1.1"
    _head = False

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 -- the library's signature
        """Quiet: the library never prints (the CLI says where it serves)."""

    # -- routing -----------------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 -- http.server's naming
        self._dispatch("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch("HEAD")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_PUT(self) -> None:  # noqa: N802
        self._dispatch("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._dispatch("DELETE")

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._dispatch("OPTIONS")

    def do_PATCH(self) -> None:  # noqa: N802
        self._dispatch("PATCH")

    def _dispatch(self, method: str) -> None:
        self._head = method == "HEAD"
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
        refresh = getattr(self.server.store, "refresh", None)
        if refresh is not None:  # a read-only store sees what kg ingest wrote since
            refresh()
        params = parse_qs(url.query, keep_blank_values=True)
        try:
            self._route("GET" if method == "HEAD" else method, url.path, params)
        except NotAcceptable as exc:
            self._send(HTTPStatus.NOT_ACCEPTABLE, f"{exc.message}\n".encode())
        except SyntaxError as exc:
            self._send(HTTPStatus.BAD_REQUEST, f"{exc}\n".encode())
        except (QueryError, ValueError) as exc:
            self._send(HTTPStatus.BAD_REQUEST, _error_text(exc).encode())
        except KgError as exc:
            status = HTTPStatus.BAD_GATEWAY if isinstance(exc, StoreError) else HTTPStatus.BAD_REQUEST
            self._send(status, f"{exc.message}\n".encode())

    def _route(self, method: str, path: str, params: dict[str, list[str]]) -> None:
        if path == "/":
            self._send(HTTPStatus.OK, page(self.server.queries, location=self.server.store.location,
                                           writable=self.server.writable, site=self.server.site is not None),
                       "text/html; charset=utf-8")
        elif path == "/favicon.ico":
            self._send(HTTPStatus.OK, FAVICON, "image/svg+xml")
        elif path.startswith("/site"):
            self._static(path.removeprefix("/site"))
        elif path == "/queries":
            body = json.dumps(_catalogue_json(self.server.queries), ensure_ascii=False).encode()
            self._send(HTTPStatus.OK, body, "application/json")
        elif path == "/query":
            self._query(method, params)
        elif path.startswith("/saved/"):
            self._saved(path.removeprefix("/saved/"), params)
        elif path == "/update":
            self._update()
        elif path == "/store":
            self._graph_store(method, params)

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
        return host in (HOST, "localhost")

    # -- cross-origin requests (only with --cors ORIGIN) -------------------------------------------

    def _cors(self) -> dict[str, str]:
        origin = self.headers.get("Origin")
        if not origin or not self.server.cors:
            return {}
        if "*" in self.server.cors:
            return {"Access-Control-Allow-Origin": "*"}
        if origin in self.server.cors:
            return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}
        return {}

    def _preflight(self, allowed: tuple[str, ...]) -> dict[str, str]:
        headers = self._cors()
        if headers:
            headers.update({"Access-Control-Allow-Methods": ", ".join(allowed),
                            "Access-Control-Allow-Headers": "Content-Type, Accept",
                            "Access-Control-Max-Age": "600"})
        return headers

    # -- handlers ----------------------------------------------------------------------------------

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise QueryError("request body too large")
        return self.rfile.read(length)

    def _content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    def _form_field(self, method: str, params: dict[str, list[str]], name: str, media: str) -> str | None:
        """The operation text of a protocol request: a GET parameter, a POST body of type ``media``, or the
        ``name`` field of a form; None for a GET without it. A POST of another type is a 415."""
        if method == "GET":
            return _one(params, name) if name in params else None
        kind = self._content_type()
        body = self._body().decode("utf-8")
        if kind == media:
            return body
        if kind == FORM:
            return _one(parse_qs(body, keep_blank_values=True), name)
        raise UnsupportedMedia(f"POST the {name} as {media}, or as {FORM} with an '{name}' field")

    def _query(self, method: str, params: dict[str, list[str]]) -> None:
        try:
            text = self._form_field(method, params, "query", "application/sparql-query")
        except UnsupportedMedia as exc:
            self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"{exc.message}\n".encode())
            return
        if text is None:
            self._description(params)
            return
        self._answer(self._run(text), params)

    def _run(self, text: str) -> object:
        try:
            return self.server.store.query(text)
        except SyntaxError as exc:
            raise query_error(exc, text) from exc

    def _description(self, params: dict[str, list[str]]) -> None:
        """The Service Description, for a GET of the endpoint without a query."""
        count = next(iter(self.server.store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"]
        triples = describe(self.server.url + "query", writable=self.server.writable, triples=int(count.value))
        media, fmt = pick(GRAPHS, self.headers.get("Accept") or "", (params.get("format") or [None])[-1])
        kwargs = {"prefixes": SD_PREFIXES} if fmt == RdfFormat.TURTLE else {}
        self._send(HTTPStatus.OK, serialize(triples, format=fmt, **kwargs) or b"", media)  # type: ignore[arg-type]

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
            kwargs = {"prefixes": PREFIXES} if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else {}
            body = serialize(_triples(result), format=fmt, **kwargs)  # type: ignore[arg-type]
        self._send(HTTPStatus.OK, body or b"", media)

    def _update(self) -> None:
        if not self.server.writable:
            self._send(HTTPStatus.FORBIDDEN, READ_ONLY)
            return
        try:
            text = self._form_field("POST", {}, "update", "application/sparql-update")
        except UnsupportedMedia as exc:
            self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"{exc.message}\n".encode())
            return
        assert text is not None
        try:
            self.server.store.update(text)
        except SyntaxError as exc:
            raise query_error(exc, text, "the update") from exc
        self._send(HTTPStatus.NO_CONTENT, b"")

    def _graph_store(self, method: str, params: dict[str, list[str]]) -> None:
        """Graph Store Protocol: reads always, writes on a writable server (:mod:`kg.serve.graph_store`)."""
        if method == "GET":
            answer = graph_store.read(self.server.store, params, self.headers.get("Accept") or "")
        elif not self.server.writable:
            answer = graph_store.Response(HTTPStatus.FORBIDDEN, READ_ONLY)
        else:
            body = b"" if method == "DELETE" else self._body()
            answer = graph_store.write(self.server.store, method, params, self._content_type(), body)
        self._send(answer.status, answer.body, answer.media, headers=answer.headers)

    def _static(self, path: str) -> None:
        """A file of the site folder (``kg site``): no path escapes it; ``/site/`` is its index.html."""
        root = self.server.site
        assert root is not None
        if path in ("", "/"):
            if path == "":
                self._send(HTTPStatus.MOVED_PERMANENTLY, b"", headers={"Location": "/site/"})
                return
            path = "/index.html"
        target = (root / unquote(path).lstrip("/")).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            self._send(HTTPStatus.NOT_FOUND, b"not found in the site folder\n")
            return
        media = _MEDIA.get(target.suffix.lower(), "application/octet-stream")
        self._send(HTTPStatus.OK, target.read_bytes(), media)

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


def _triples(result: object) -> Iterable:
    return result  # type: ignore[return-value] -- QueryTriples or a list of Triple


class KgServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, store: Store, port: int, *, writable: bool, queries: dict[str, SavedQuery],
                 site: Path | None = None, cors: tuple[str, ...] = ()) -> None:
        self.store = store
        self.writable = writable
        self.queries = queries
        self.site = site.resolve() if site is not None else None
        self.cors = cors
        super().__init__((HOST, port), _Handler)

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


def make_server(store: Store, *, port: int = 7878, writable: bool = False,
                queries: dict[str, SavedQuery] | None = None, site: Path | None = None,
                cors: Iterable[str] = ()) -> KgServer:
    """A server bound to 127.0.0.1 (``port`` 0 picks a free one); run it with ``serve_forever()``.
    ``site``: a folder written by ``kg site``, served under ``/site/`` (same origin as ``/query``).
    ``cors``: origins whose pages may read the answers (``*`` any, ``null`` pages opened from disk)."""
    try:
        return KgServer(store, port, writable=writable, queries=catalogue() if queries is None else queries,
                        site=site, cors=tuple(cors))
    except OSError as exc:
        raise StoreError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}",
                         fix="choose another --port") from exc
