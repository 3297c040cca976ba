"""Who may ask ``kg serve`` for what: requests from web pages of other origins, simple (form-like) writes,
writes of the protected graphs, federated queries and ``LOAD`` (docs/serve-security.md).

A browser lets any page send "simple" requests to 127.0.0.1 (GET, or a POST of a form or ``text/plain``)
without asking the server first, and it marks them: ``Origin`` (every cross-origin POST and CORS request),
``Referer`` (unless the page suppressed it) and ``Sec-Fetch-Site``. A request carrying any of them that
points elsewhere than the server's own origin (or an origin given with ``--cors``) is foreign. Programs
such as ``kg`` itself or curl send none of them, and are not affected.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from kg.rdf.iris import PROTECTED_GRAPHS
from kg.serve.scan import may_touch, scan
from kg.store.http import PROTECTED_HEADER  # sent by kg's own client when it writes them on purpose

# what a page of any origin may send without a CORS preflight: never accepted for a write
SIMPLE_TYPES = frozenset({"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_LITERAL_ORIGINS = frozenset({"null", "*"})


class Refused(Exception):
    """A request the server will not run; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def origin_of(url: str) -> str | None:
    """``scheme://host:port`` of a URL (default port made explicit), lower-cased; None when it has none."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port or _DEFAULT_PORTS.get(parts.scheme.lower())
    except ValueError:
        return None
    if not parts.scheme or not parts.hostname or port is None:
        return None
    return f"{parts.scheme.lower()}://{parts.hostname.lower()}:{port}"


@dataclass(frozen=True)
class Policy:
    own: frozenset[str]  # the server's own origins (127.0.0.1 and localhost at its port)
    cors: frozenset[str] = frozenset()  # origins allowed with --cors; also "null" (pages from disk), "*" (any)
    allow_service: bool = False

    @classmethod
    def for_port(cls, port: int, *, cors: Iterable[str] = (), allow_service: bool = False) -> Policy:
        own = frozenset(f"http://{host}:{port}" for host in ("127.0.0.1", "localhost"))
        given = [c.strip() for c in cors]
        allowed = frozenset(c.lower() if c.lower() in _LITERAL_ORIGINS else origin_of(c) for c in given)
        return cls(own, frozenset(o for o in allowed if o is not None), allow_service)

    def grants(self, origin: str) -> bool:
        """Whether ``--cors`` lets pages of ``origin`` (an Origin header) read the answers."""
        value = origin.strip().lower()
        return "*" in self.cors or (value == "null" and "null" in self.cors) or origin_of(value) in self.cors

    def foreign(self, headers: Mapping[str, str]) -> str | None:
        """Why the request comes from a page of another origin, or None when it does not."""
        allowed = self.own | self.cors
        origin = headers.get("Origin")
        if origin is not None:
            if origin_of(origin) in self.own or self.grants(origin):
                return None
            return f"it comes from a page of another origin ({origin.strip()[:100]})"
        referer = headers.get("Referer")
        if referer and origin_of(referer) not in allowed and "*" not in self.cors:
            return f"it comes from a page of another origin ({origin_of(referer) or 'unknown'})"
        site = (headers.get("Sec-Fetch-Site") or "").strip().lower()
        if site in ("cross-site", "same-site"):
            return f"the browser marked it {site}"
        return None

    def check_origin(self, headers: Mapping[str, str], what: str) -> None:
        why = self.foreign(headers)
        if why is not None:
            raise Refused(403, f"refused to {what}: {why}; start kg serve with --cors ORIGIN to let that "
                               "page use this endpoint")

    def check_write(self, headers: Mapping[str, str], content_type: str) -> None:
        """Every write: not from a foreign page, and not in a content type a form could send."""
        self.check_origin(headers, "write")
        if content_type in SIMPLE_TYPES:
            raise Refused(415, f"refused to write {content_type or 'a body without a Content-Type'}: "
                               "send N-Triples (application/n-triples), Turtle (text/turtle) or RDF/XML, "
                               "or updates as application/sparql-update")

    def check_form_write(self, headers: Mapping[str, str]) -> None:
        """A form-encoded update (SPARQL 1.1 Protocol; SPARQLWrapper's default). Browsers mark every form
        they send (``Origin`` on each POST, ``Sec-Fetch-Site``), so it is taken from programs, which send no
        such marks, and from pages of the server's own origin or of one given with ``--cors``. What a browser
        sends without those marks is refused too: a form submitted as a page navigation (``Sec-Fetch-Mode:
        navigate``) and a POST that names a browser (``User-Agent: Mozilla/...``) but carries no ``Origin``,
        which only a browser too old to follow the Fetch standard would send."""
        self.check_origin(headers, "write")
        mode = (headers.get("Sec-Fetch-Mode") or "").strip().lower()
        if mode == "navigate":
            raise Refused(403, "refused to write: a form submitted by a page navigation never writes; send the "
                               "update as application/sparql-update")
        agent = (headers.get("User-Agent") or "").lstrip()
        if headers.get("Origin") is None and agent.startswith("Mozilla/"):
            raise Refused(403, "refused to write: a form-encoded update from a browser must carry an Origin "
                               "header; send the update as application/sparql-update")

    def check_query(self, text: str) -> None:
        """A query may not call other servers unless --allow-service."""
        if not self.allow_service and scan(text).uses("SERVICE"):
            raise Refused(403, "SERVICE (a federated query) is off on this server: kg serve fetches no URL "
                               "unless started with --allow-service")

    def check_update(self, headers: Mapping[str, str], text: str) -> None:
        found = scan(text)
        if found.uses("LOAD"):
            raise Refused(403, "LOAD is refused: kg serve fetches no URL or file; load files with "
                               "kg load FILE --store URL-OF-THIS-SERVER")
        self.check_query(text)
        why = may_touch(text, PROTECTED_GRAPHS)
        if why is not None and not _opted_in(headers):
            raise Refused(403, f"refused: the update may change the reference or ontology graph ({why}); "
                               f"send the header {PROTECTED_HEADER}: yes to do it on purpose")

    def check_graph_write(self, headers: Mapping[str, str], graph: str) -> None:
        if graph in PROTECTED_GRAPHS and not _opted_in(headers):
            raise Refused(403, f"refused: <{graph}> is protected (kg ingest keeps it); send the header "
                               f"{PROTECTED_HEADER}: yes to write it on purpose")


def _opted_in(headers: Mapping[str, str]) -> bool:
    return (headers.get(PROTECTED_HEADER) or "").strip().lower() in ("yes", "true", "1")
