"""A remote store that hangs, or goes away in the middle of a run: a clear error naming the server (exit 3),
and what was written before stays whole."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from kg.cli import main
from kg.errors import StoreError
from kg.settings import Settings
from kg.store import open_store
from tests.conftest import SAMPLES
from tests.contract.servers import NO_OXIGRAPH, OXIGRAPH, free_port, running, stop


@pytest.fixture
def silent_server():
    """Accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop_event = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop_event.is_set():
            try:
                connection, _ = listener.accept()
                held.append(connection)
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    finally:
        stop_event.set()
        thread.join(timeout=5)
        for connection in held:
            connection.close()
        listener.close()


def test_a_server_that_does_not_answer_times_out(silent_server):
    settings = Settings(store=silent_server, store_timeout=0.5, store_retries=1)
    started = time.monotonic()
    with pytest.raises(StoreError) as caught:
        store = open_store(silent_server, settings=settings, environ={})
        list(store.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1"))
    assert caught.value.exit_code == 3
    assert "127.0.0.1" in caught.value.message and "timed out" in caught.value.message.lower()
    assert time.monotonic() - started < 30  # bounded by the timeout and retry settings


@pytest.mark.skipif(not OXIGRAPH.exists(), reason=NO_OXIGRAPH)
@pytest.mark.external
@pytest.mark.slow
def test_a_server_that_goes_away_mid_run(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KG_STORE_TIMEOUT", "2")
    monkeypatch.setenv("KG_STORE_RETRIES", "0")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    args = [str(OXIGRAPH), "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"]
    with running(args, f"{url}/query?query=ASK%7B%7D", tmp_path / "oxigraph.log") as process:
        assert main(["ingest", "--store", url, str(SAMPLES / "000_a7c74c352d17316b.txt")]) == 0
        stop(process)
        code = main(["ingest", "--store", url, str(SAMPLES / "003_b589b2e0dcd69780.txt")])
    err = capsys.readouterr().err
    assert code == 3, err
    assert f"127.0.0.1:{port}" in err
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    args[-1] = f"127.0.0.1:{port}"
    with running(args, f"{url}/query?query=ASK%7B%7D", tmp_path / "oxigraph2.log"):
        assert main(["query", "--store", url, "calls", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2 and ",2026-02-04," in rows[1]  # the first article is there, whole
