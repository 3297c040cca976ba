"""Clear errors (exit code 3, naming the store or server, the status and what to do): a store directory held
by another process, an unreachable server, a server that rejects a write, and credentials never shown."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pyoxigraph import Literal, NamedNode, Quad
from pyoxigraph import Store as OxStore

from kg.cli import main
from kg.errors import StoreError
from kg.settings import Settings
from kg.store import open_store
from tests.contract.servers import NO_OXIGRAPH, OXIGRAPH, free_port, oxigraph_server, stop

G = NamedNode("https://example.org/g")
QUAD = Quad(NamedNode("https://example.org/s"), NamedNode("https://example.org/p"), Literal("o"), G)
HOLDER = "import sys, time, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('ready', flush=True); time.sleep(60)"


def test_a_directory_held_by_another_process(tmp_path, capsys):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="another kg or oxigraph process holds it") as caught:
            open_store(str(tmp_path))
        assert caught.value.exit_code == 3 and str(tmp_path) in caught.value.message
        assert main(["remove", "--store", str(tmp_path), "some-article"]) == 3
        assert "holds it" in capsys.readouterr().err
    finally:
        stop(holder)


def test_an_unreachable_server(capsys, monkeypatch):
    url = f"http://127.0.0.1:{free_port()}"
    store = open_store(url, settings=Settings(store=url, store_retries=1, store_timeout=5.0), environ={})
    with pytest.raises(StoreError, match="cannot reach the SPARQL server") as caught:
        store.select("SELECT * WHERE { ?s ?p ?o }")
    assert url.removeprefix("http://") in caught.value.message and "2 attempt(s)" in caught.value.message
    monkeypatch.setenv("KG_STORE_RETRIES", "0")
    assert main(["query", "--store", url, "calls"]) == 3
    assert "is running" in capsys.readouterr().err


@pytest.mark.skipif(not OXIGRAPH.exists(), reason=NO_OXIGRAPH)
@pytest.mark.external
@pytest.mark.slow
@pytest.mark.parametrize("gsp", ["", "none"], ids=["graph-store", "sparql-update"])
def test_a_server_that_rejects_writes(tmp_path, gsp):
    OxStore(str(tmp_path / "db")).flush()  # a read-only server needs an existing store
    with oxigraph_server(tmp_path / "db", read_only=True) as url:
        store = open_store(url, settings=Settings(store=url, store_gsp_url=gsp, store_retries=0), environ={})
        with pytest.raises(StoreError, match="403") as caught:
            store.replace_graphs({G: [QUAD]})
        assert "refuses writes" in caught.value.message and caught.value.exit_code == 3
        assert store.graphs() == []


class _Echo(BaseHTTPRequestHandler):
    """Answers 401 with the Authorization header it got (a careless server), or 503 then 200."""

    calls = 0

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        type(self).calls += 1
        if self.path.startswith("/flaky/query") and type(self).calls == 1:
            status, body = 503, b"busy"
        elif self.path.startswith("/flaky/query"):
            status, body = 200, b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"1"}}]}}'
        else:
            status, body = 401, f"bad credentials: {self.headers.get('Authorization')}".encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json" if status == 200 else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def _echo_server() -> Iterator[str]:
    _Echo.calls = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.mark.parametrize("environ", [{"KG_STORE_TOKEN": "tok-SECRET"},
                                     {"KG_STORE_USER": "alice", "KG_STORE_PASSWORD": "pw-SECRET"}])
def test_credentials_are_sent_but_never_shown(environ):
    with _echo_server() as base:
        store = open_store(base, settings=Settings(store=base, store_retries=0), environ=environ)
        with pytest.raises(StoreError, match="401") as caught:
            store.ask("ASK {}")
    message = caught.value.message
    assert "SECRET" not in message and "***" in message and "KG_STORE_" in message


def test_transient_failures_are_retried():
    with _echo_server() as base:
        url = base + "/flaky"
        store = open_store(url, settings=Settings(store=url, store_retries=1, store_union="server"), environ={})
        store._union_checked = True  # only the query itself goes to this fake server
        assert [str(row["x"]) for row in store.select("SELECT ?x WHERE {}")] == ['"1"']
        assert _Echo.calls == 2
