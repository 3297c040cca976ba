"""A remote store that redirects (issue 17): credentials never go to another origin, and a query POST or a
write is never silently turned into a GET of something else (exit 3 instead)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kg.cli import main
from kg.errors import StoreError
from kg.store.http import Auth, HttpClient, Request

TOKEN = "s3cret-token"
EMPTY_RESULTS = json.dumps({"head": {"vars": ["g"]}, "results": {"bindings": []}}).encode()


class _Recorder(BaseHTTPRequestHandler):
    """Answers by a table path -> (status, Location or body); records method, path and Authorization."""

    routes: dict[str, tuple[int, str]] = {}
    seen: list[tuple[str, str, str | None, bytes]] = []

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def _any(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.seen.append((self.command, self.path.split("?")[0], self.headers.get("Authorization"), body))
        status, value = self.routes.get(self.path.split("?")[0], (200, ""))
        self.send_response(status)
        if 300 <= status < 400:
            self.send_header("Location", value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        data = value.encode() if value else EMPTY_RESULTS
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _any  # noqa: N815


@contextmanager
def recorder(routes: dict[str, tuple[int, str]]) -> Iterator[tuple[str, list]]:
    handler = type("Handler", (_Recorder,), {"routes": routes, "seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler.seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _client() -> HttpClient:
    return HttpClient(Auth.from_environ({"KG_STORE_TOKEN": TOKEN}), timeout=10, retries=0)


def test_a_query_post_or_a_write_redirected_elsewhere_is_exit_3(capsys, monkeypatch):
    monkeypatch.setenv("KG_STORE_TOKEN", TOKEN)
    monkeypatch.setenv("KG_STORE_RETRIES", "0")
    with recorder({}) as (other, elsewhere):
        with recorder({"/query": (302, other + "/query"), "/store": (307, other + "/store")}) as (hostile, _):
            code = main(["query", "calls", "--store", hostile, "--format", "csv"])
            err = capsys.readouterr().err
            assert code == 3, err
            assert "redirected" in err and TOKEN not in err
            with pytest.raises(StoreError) as caught:
                _client().fetch(Request("PUT", hostile + "/store", "write graph <g>", body=b"",
                                        content_type="text/turtle"))
            assert "another server" in caught.value.message
    assert elsewhere == []  # neither the query nor the write, nor the token, reached the other server


def test_a_get_redirected_elsewhere_goes_without_credentials():
    with recorder({}) as (other, elsewhere), recorder({"/x": (302, other + "/y")}) as (hostile, first):
        status, _ = _client().fetch(Request("GET", hostile + "/x", "read"))
    assert status == 200
    assert first[0][2] == f"Bearer {TOKEN}"
    assert elsewhere and elsewhere[0][:3] == ("GET", "/y", None)


def test_same_origin_redirects_keep_the_method_or_are_refused():
    with recorder({"/query": (307, "/sparql"), "/old": (302, "/sparql"), "/sparql": (200, "")}) as (store, seen):
        client = _client()
        status, body = client.fetch(Request("POST", store + "/query", "run a query", body=b"query=ASK%7B%7D",
                                            content_type="application/x-www-form-urlencoded"))
        assert status == 200 and json.loads(body)["results"]["bindings"] == []
        assert seen[-1] == ("POST", "/sparql", f"Bearer {TOKEN}", b"query=ASK%7B%7D")
        with pytest.raises(StoreError) as caught:
            client.fetch(Request("POST", store + "/old", "run a query", body=b"query=ASK%7B%7D",
                                 content_type="application/x-www-form-urlencoded"))
        assert caught.value.exit_code == 3 and "302 turns the POST into a GET" in caught.value.message
        assert [s[:2] for s in seen].count(("GET", "/sparql")) == 0
