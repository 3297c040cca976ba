"""The URLs of a remote SPARQL store: derived from the store URL by fixed rules, or given explicitly.

Rules (docs/stores.md):

- a server root (``http://host:7878`` or ``http://host:7878/``) is laid out like Oxigraph's server:
  ``/query``, ``/update``, ``/store`` (Graph Store Protocol);
- any other path is a dataset laid out like Fuseki's: ``/ds`` -> ``/ds/query``, ``/ds/update``, ``/ds/data``.

``KG_STORE_QUERY_URL``, ``KG_STORE_UPDATE_URL`` and ``KG_STORE_GSP_URL`` replace a derived URL; the value
``none`` says the server has no such endpoint (no GSP: writes go through SPARQL Update; no update: read only).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from kg.errors import StoreError

NONE = "none"
SCHEMES = ("http://", "https://")


@dataclass(frozen=True)
class Endpoints:
    query: str
    update: str | None
    gsp: str | None


def is_remote(location: str) -> bool:
    return location.lower().startswith(SCHEMES)


def redact(url: str) -> str:
    """The URL without user information, query string or fragment: safe to print."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "<malformed URL>"
    return urlunsplit((parts.scheme, host + port, parts.path, "", ""))


def check_url(url: str, *, setting: str) -> str:
    """The URL when it is a usable http(s) URL; otherwise a StoreError that says what is wrong."""
    fix = f"give {setting} as http(s)://HOST[:PORT]/PATH"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError on a bad port
    except ValueError as exc:
        raise StoreError(f"malformed store URL: {exc}", where=setting, fix=fix) from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError("malformed store URL: it needs http:// or https:// and a host name", where=setting, fix=fix)
    if parts.username or parts.password:
        raise StoreError(
            "the store URL carries credentials", where=setting,
            fix="remove them from the URL and set KG_STORE_USER and KG_STORE_PASSWORD (or KG_STORE_TOKEN) instead",
        )
    if parts.query or parts.fragment or any(c.isspace() for c in url):
        raise StoreError(f"malformed store URL {redact(url)!r}: no spaces, query string or fragment allowed",
                         where=setting, fix=fix)
    return url


def derive(store_url: str, *, query: str = "", update: str = "", gsp: str = "") -> Endpoints:
    """The endpoints of ``store_url``; non-empty ``query``/``update``/``gsp`` replace the derived ones."""
    check_url(store_url, setting="--store / KG_STORE")
    base = store_url.rstrip("/")
    at_root = urlsplit(store_url).path.strip("/") == ""
    derived = {
        "query": base + "/query",
        "update": base + "/update",
        "gsp": base + ("/store" if at_root else "/data"),
    }
    given = {"query": query, "update": update, "gsp": gsp}
    chosen: dict[str, str | None] = {}
    for name, value in given.items():
        setting = f"KG_STORE_{name.upper()}_URL"
        if value.strip().lower() == NONE:
            if name == "query":
                raise StoreError("a store needs a query endpoint", where=setting, fix="give its URL or unset it")
            chosen[name] = None
        else:
            chosen[name] = check_url(value, setting=setting) if value else derived[name]
    query_url = chosen["query"]
    assert query_url is not None
    return Endpoints(query=query_url, update=chosen["update"], gsp=chosen["gsp"])
