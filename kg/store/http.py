"""A small HTTP client for SPARQL servers (standard library only): credentials from the environment,
timeouts, retries of transient failures, and errors that name the server, the status and what to do.

Credentials are never printed: they live only in the ``Authorization`` header, and every message built
from a server's answer is scrubbed of them.
"""

from __future__ import annotations

import base64
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.client import HTTPResponse
from urllib.parse import urlencode

from kg.errors import StoreError
from kg.store.endpoints import redact

RETRY_STATUS = frozenset({429, 502, 503, 504})
# sent with a write of a protected graph (kg.rdf.iris.PROTECTED_GRAPHS): kg serve refuses such writes without it
PROTECTED_HEADER = "X-KG-Write-Protected"
_SNIPPET = 300


@dataclass(frozen=True)
class Auth:
    """The ``Authorization`` header value, from ``KG_STORE_TOKEN`` (bearer) or ``KG_STORE_USER`` and
    ``KG_STORE_PASSWORD`` (basic). Its repr shows nothing secret."""

    header: str | None = field(default=None, repr=False)
    secrets: tuple[str, ...] = field(default=(), repr=False)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Auth:
        token = environ.get("KG_STORE_TOKEN", "")
        user, password = environ.get("KG_STORE_USER", ""), environ.get("KG_STORE_PASSWORD", "")
        if token:
            return cls(f"Bearer {token}", (token,))
        if user or password:
            pair = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
            return cls(f"Basic {pair}", tuple(s for s in (password, pair) if s))
        return cls()

    def scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    action: str  # what kg was doing, for messages: "run a query", "write graph <...>"
    params: tuple[tuple[str, str], ...] = ()
    body: bytes | None = None
    content_type: str | None = None
    accept: str | None = None
    allow: frozenset[int] = frozenset()  # error statuses the caller handles (e.g. 404 on DELETE)
    protected: bool = False  # the request writes a protected graph on purpose


class HttpClient:
    def __init__(self, auth: Auth, *, timeout: float, retries: int) -> None:
        self.auth = auth
        self.timeout = timeout
        self.retries = max(0, retries)

    def fetch(self, request: Request) -> tuple[int, bytes]:
        """The status and the whole body."""
        with self.open(request) as response:
            return response.status, response.read()

    @contextmanager
    def open(self, request: Request) -> Iterator[HTTPResponse]:
        """The response, to read as a stream (retries happen only before it is returned)."""
        response = self._send(request)
        try:
            yield response
        except (OSError, TimeoutError) as exc:
            raise self._unreachable(request, exc) from exc
        finally:
            response.close()

    def _send(self, request: Request) -> HTTPResponse:
        http_request = self._build(request)
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                return urllib.request.urlopen(http_request, timeout=self.timeout)  # noqa: S310 -- checked URL
            except urllib.error.HTTPError as exc:
                if exc.code in request.allow:
                    return exc  # type: ignore[return-value] -- an HTTPError is a response
                if exc.code not in RETRY_STATUS or last:
                    raise self._status_error(request, exc) from None
                exc.close()
            except (urllib.error.URLError, OSError, TimeoutError) as exc:
                if last:
                    raise self._unreachable(request, exc) from None
            time.sleep(min(2.0, 0.2 * 2**attempt))
        raise AssertionError("unreachable")

    def _build(self, request: Request) -> urllib.request.Request:
        url = request.url
        if request.params:
            url += ("&" if "?" in url else "?") + urlencode(request.params)
        headers = {}
        if request.content_type:
            headers["Content-Type"] = request.content_type
        if request.accept:
            headers["Accept"] = request.accept
        if request.protected:
            headers[PROTECTED_HEADER] = "yes"
        if self.auth.header:
            headers["Authorization"] = self.auth.header
        return urllib.request.Request(url, data=request.body, headers=headers, method=request.method)

    def _unreachable(self, request: Request, exc: BaseException) -> StoreError:
        reason = getattr(exc, "reason", exc)
        return StoreError(
            f"cannot reach the SPARQL server to {request.action}: {self.auth.scrub(str(reason))}",
            where=redact(request.url),
            fix=f"check the server is running and the URL is right (--store / KG_STORE); "
            f"{self.retries + 1} attempt(s) were made, each with a {self.timeout:g} s timeout "
            "(KG_STORE_RETRIES, KG_STORE_TIMEOUT)",
        )

    def _status_error(self, request: Request, exc: urllib.error.HTTPError) -> StoreError:
        try:
            body = exc.read(4096).decode("utf-8", "replace").strip()
        except OSError:
            body = ""
        finally:
            exc.close()
        said = f": {self.auth.scrub(body)[:_SNIPPET]}" if body else ""
        return StoreError(
            f"the SPARQL server answered {exc.code} {exc.reason} to {request.method} ({request.action}){said}",
            where=redact(request.url),
            fix=_advice(exc.code, request, authenticated=self.auth.header is not None),
        )


def _advice(status: int, request: Request, *, authenticated: bool) -> str:
    writing = request.method in ("PUT", "DELETE") or request.content_type == "application/sparql-update"
    if status == 403 and writing:
        return ("the server refuses writes: it may be read-only (oxigraph serve-read-only, a read-only Fuseki "
                "dataset) or the credentials may not allow writing; nothing of this request was written")
    if status in (401, 403):
        return ("the server refused these credentials: check KG_STORE_USER/KG_STORE_PASSWORD or KG_STORE_TOKEN"
                if authenticated else
                "the server wants credentials: set KG_STORE_USER and KG_STORE_PASSWORD, or KG_STORE_TOKEN")
    if status == 404:
        return "no such endpoint: check --store, or set KG_STORE_QUERY_URL / KG_STORE_UPDATE_URL / KG_STORE_GSP_URL"
    if status in (405, 501):
        return ("the server does not take writes there: run it read-write, or set KG_STORE_GSP_URL=none "
                "to write with SPARQL Update" if writing else "the endpoint does not answer queries this way")
    if status == 413:
        return "the request is too large for the server: lower KG_BATCH_SIZE or raise the server's limit"
    if status >= 500:
        return "the server failed: see its log; nothing of this request was kept if the server is transactional"
    if writing:
        return "the server rejected the data: see its message; nothing of this graph was written"
    return "the server rejected the request: see its message"
