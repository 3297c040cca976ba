"""The servers the browser test starts on 127.0.0.1, in threads of the test process: ``kg serve``'s SPARQL
endpoint over the sample store, and a static file server for the site that forwards ``/query`` to it (so
the page calls same-origin ``/query``, as when ``kg serve`` serves the site itself); or ``kg serve`` alone
serving the site at ``/site/`` next to its query page at ``/``."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import HTTPServer, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.serve import make_server
from kg.store.base import Store


class _SiteHandler(SimpleHTTPRequestHandler):
    endpoint = ""
    answered: list[tuple[str, int]]  # (path, status) of every request, for the test to read

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.answered.append((self.path, int(code) if str(code).isdigit() else 0))

    def do_POST(self) -> None:  # noqa: N802
        if self.path.split("?")[0] != "/query":
            self.send_error(404)
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
        request = urllib.request.Request(self.endpoint, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, media, answer = response.status, response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as exc:
            status, media, answer = exc.code, "text/plain", exc.read()
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)


def _start(server: ThreadingHTTPServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


@contextmanager
def _running(*servers: HTTPServer) -> Iterator[None]:
    threads = [_start(server) for server in servers]
    try:
        yield
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
        for thread in threads:
            thread.join()


@contextmanager
def site_server(site: Path, store: Store, answered: list[tuple[str, int]] | None = None) -> Iterator[str]:
    """Yield the site's base URL; both servers are stopped on exit. ``answered`` collects the (path,
    status) of every request the static server answered."""
    sparql = make_server(store, port=0)
    handler = type("Handler", (_SiteHandler,), {"endpoint": sparql.url + "query",
                                                "answered": [] if answered is None else answered})
    static = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    with _running(sparql, static):
        yield f"http://127.0.0.1:{static.server_address[1]}/"


@contextmanager
def endpoint_server(store: Store, site: Path) -> Iterator[str]:
    """Yield the URL of a ``kg serve`` endpoint over ``store`` that also serves ``site`` at ``/site/``."""
    sparql = make_server(store, port=0, site=site)
    with _running(sparql):
        yield sparql.url
