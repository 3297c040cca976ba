"""`kg serve` against careless and hostile clients (issue 17): a burst of concurrent queries, bad or missing
Content-Length, half-sent and trickled requests, absurd paths in the site folder. Every one gives an
answer (4xx) or a closed connection within bounded time, and no traceback."""

from __future__ import annotations

import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest

from kg.serve import make_server
from kg.store import Store
from tests.robustness.test_serve_security import call
from tests.store.test_serve import serving


@pytest.fixture
def errors() -> list[str]:
    return []


def _raw(base: str, data: bytes, *, wait: float = 10.0) -> bytes:
    """Send raw bytes, return whatever comes back until the server closes (bounded by ``wait``)."""
    host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
    with socket.create_connection((host, port), timeout=wait) as sock:
        sock.sendall(data)
        chunks = []
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except (TimeoutError, ConnectionResetError):
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def test_two_hundred_concurrent_queries_are_all_answered(sample_store, errors):
    query = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    with serving(sample_store, on_error=errors.append) as base, ThreadPoolExecutor(max_workers=200) as pool:
        statuses = list(pool.map(lambda _: call(f"{base}/query?{query}", timeout=60)[0], range(200)))
    assert statuses == [200] * 200
    assert errors == []


@pytest.mark.parametrize("length", ["-1", "abc", "1e3", " 12 3"])
def test_a_bad_content_length_is_a_400(sample_store, length, errors):
    with serving(sample_store, on_error=errors.append) as base:
        started = time.monotonic()
        answer = _raw(base, f"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                            f"Content-Length: {length}\r\n\r\nASK {{}}".encode())
        assert answer.startswith(b"HTTP/1.1 400"), answer[:200]
        assert time.monotonic() - started < 5
    assert errors == []


def test_a_huge_body_and_a_chunked_body_are_refused(sample_store):
    with serving(sample_store) as base:
        answer = _raw(base, b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                            b"Content-Length: 999999999999\r\n\r\n")
        assert answer.startswith(b"HTTP/1.1 413")
        answer = _raw(base, b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                            b"Transfer-Encoding: chunked\r\n\r\n5\r\nASK {\r\n")
        assert answer.startswith(b"HTTP/1.1 411")


@contextmanager
def tight_server(store: Store) -> Iterator[tuple[str, int]]:
    """A server with a 1 s idle timeout and a 2 s deadline per request."""
    server = make_server(store, port=0)
    server.idle_timeout, server.request_deadline = 1.0, 2.0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield "127.0.0.1", server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _closed_within(sock: socket.socket, seconds: float) -> tuple[bool, bytes]:
    """Whether the server closed the connection within ``seconds``, and what it sent before."""
    sock.settimeout(seconds)
    received = b""
    try:
        while chunk := sock.recv(4096):
            received += chunk
    except TimeoutError:
        return False, received
    except ConnectionResetError:
        pass
    return True, received


def test_a_silent_connection_is_closed_after_the_idle_timeout(sample_store):
    with tight_server(sample_store) as address, socket.create_connection(address, timeout=30) as sock:
        closed, _ = _closed_within(sock, 8)
    assert closed


def test_a_half_sent_body_gets_a_408(sample_store):
    with tight_server(sample_store) as address, socket.create_connection(address, timeout=30) as sock:
        sock.sendall(b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 100\r\n\r\nASK")
        closed, answer = _closed_within(sock, 8)
    assert closed and answer.startswith(b"HTTP/1.1 408"), answer[:100]


def test_a_trickled_request_is_cut_off_at_its_deadline(sample_store):
    with tight_server(sample_store) as address, socket.create_connection(address, timeout=30) as sock:
        started = time.monotonic()
        sock.sendall(b"GET /queries HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        cut = False
        for _ in range(40):  # a header byte every 0.25 s: never idle for 1 s, never done
            try:
                sock.sendall(b"X")
            except OSError:
                cut = True
                break
            closed, _ = _closed_within(sock, 0.25)
            if closed:
                cut = True
                break
    assert cut and time.monotonic() - started < 8


def test_absurd_site_paths_are_404_without_a_traceback(sample_store, tmp_path, errors, capsys):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>hi</p>", encoding="utf-8")
    (site / "loop").symlink_to(site / "loop")
    (site / "a").symlink_to(site / "b")
    (site / "b").symlink_to(site / "a")
    with serving(sample_store, site=site, on_error=errors.append) as base:
        assert call(base + "/site/")[0] == 200
        for path in ("/site/" + "x" * 300 + ".html", "/site/" + "/".join(["abcdefghi"] * 600),
                     "/site/loop", "/site/a/index.html", "/site/%00.html", "/site/../../etc/passwd",
                     "/site/" + "%2e%2e/" * 10 + "etc/passwd"):
            status, _ = call(base + path)
            assert 400 <= status < 500, (path[:60], status)
    assert errors == []
    assert "Traceback" not in capsys.readouterr().err
