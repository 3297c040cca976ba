"""`kg serve` against hostile pages and hostile clients (issue 17, docs/serve-security.md): cross-origin
writes, form-like writes, the protected graphs, SERVICE and LOAD, query time and size limits. Servers run
on 127.0.0.1 in the test's own process (or as a `kg serve` process stopped by its pid)."""

from __future__ import annotations

import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.rdf.iris import ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kg.serve.runner import Limits
from kg.serve.scan import may_touch, scan
from kg.store import Store, open_store
from kg.store.http import PROTECTED_HEADER
from tests.contract.servers import free_port, running
from tests.store.test_serve import serving

NT = "application/n-triples"
TRIPLE = b"<http://example.org/s> <http://example.org/p> \"o\" .\n"
EVIL = "http://evil.example"


def call(url: str, *, method: str = "GET", body: bytes | None = None,
         headers: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _graph_size(store: Store, graph: str) -> int:
    return sum(1 for q in store.quads() if q.graph_name == NamedNode(graph))


@pytest.fixture
def writable_store() -> Store:
    store = open_store("memory:")
    store.replace_graphs({NamedNode(REFERENCE_GRAPH): [
        Quad(NamedNode("http://example.org/gaz"), NamedNode("http://example.org/p"), Literal("kept"),
             NamedNode(REFERENCE_GRAPH))]})
    return store


# -- CSRF ------------------------------------------------------------------------------------------

def test_a_cross_origin_simple_post_writes_nothing(writable_store):
    """The attack of the issue: a page elsewhere POSTs text/plain to /store (no preflight needed)."""
    with serving(writable_store, writable=True) as base:
        target = f"{base}/store?graph=" + urllib.parse.quote("http://example.org/g", safe="")
        status, message = call(target, method="POST", body=TRIPLE,
                               headers={"Content-Type": "text/plain", "Origin": EVIL})
        assert status == 403 and "another origin" in message
        # without an Origin (a program, not a page) a form-like type is still refused
        assert call(target, method="POST", body=TRIPLE, headers={"Content-Type": "text/plain"})[0] == 415
        for marks in ({"Referer": EVIL + "/page.html"}, {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"}):
            assert call(target, method="POST", body=TRIPLE, headers={"Content-Type": NT, **marks})[0] == 403, marks
        assert call(base + "/update", method="POST", body=b"INSERT DATA { <http://a> <http://b> <http://c> }",
                    headers={"Content-Type": "application/sparql-update", "Origin": EVIL})[0] == 403
        assert call(target, method="DELETE", headers={"Origin": EVIL})[0] == 403
    assert _graph_size(writable_store, "http://example.org/g") == 0
    assert _graph_size(writable_store, REFERENCE_GRAPH) == 1


def test_same_origin_and_cors_origins_may_write(writable_store):
    with serving(writable_store, writable=True, cors=["http://localhost:3000"]) as base:
        target = f"{base}/store?graph=" + urllib.parse.quote("http://example.org/g", safe="")
        own = base.replace("127.0.0.1", "localhost")
        assert call(target, method="PUT", body=TRIPLE, headers={"Content-Type": NT, "Origin": own})[0] == 204
        assert call(target, method="POST", body=TRIPLE,
                    headers={"Content-Type": "text/turtle", "Origin": "http://localhost:3000"})[0] == 204
        assert call(target, method="POST", body=TRIPLE, headers={"Content-Type": NT,
                                                                 "Referer": base + "/site/index.html"})[0] == 204
    assert _graph_size(writable_store, "http://example.org/g") == 1


def test_the_protected_graphs_are_written_only_on_purpose(writable_store):
    with serving(writable_store, writable=True) as base:
        for graph in (REFERENCE_GRAPH, ONTOLOGY_GRAPH):
            target = f"{base}/store?graph=" + urllib.parse.quote(graph, safe="")
            status, message = call(target, method="PUT", body=TRIPLE, headers={"Content-Type": NT})
            assert status == 403 and PROTECTED_HEADER in message
            assert call(target, method="DELETE")[0] == 403
        for update in (f"DROP GRAPH <{REFERENCE_GRAPH}>",
                       "PREFIX g: <https://w3id.org/kg-diplomacy/graph/> CLEAR GRAPH g:reference",
                       "BASE <https://w3id.org/kg-diplomacy/graph/> DROP GRAPH <reference>",
                       "DROP GRAPH <https://w3id.org/kg-diplomacy/graph/r\\u0065ference>",
                       "CLEAR ALL", "DROP NAMED",
                       "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }"):
            status, message = call(base + "/update", method="POST", body=update.encode(),
                                   headers={"Content-Type": "application/sparql-update"})
            assert status == 403, update
        assert _graph_size(writable_store, REFERENCE_GRAPH) == 1
        ok = call(base + "/update", method="POST", body=b"INSERT DATA { GRAPH <http://example.org/g> "
                  b"{ <http://a> <http://b> \"reference\" } }", headers={"Content-Type": "application/sparql-update"})
        assert ok[0] == 204
        target = f"{base}/store?graph=" + urllib.parse.quote(REFERENCE_GRAPH, safe="")
        assert call(target, method="PUT", body=TRIPLE, headers={"Content-Type": NT, PROTECTED_HEADER: "yes"})[0] == 204
    assert _graph_size(writable_store, REFERENCE_GRAPH) == 1  # replaced on purpose by the one triple


def test_the_scan_reads_tokens_not_words():
    assert not scan('SELECT * WHERE { ?s ?p "SERVICE" } # SERVICE').uses("SERVICE")
    assert not scan("SELECT ?service WHERE { ?service <http://example.org/SERVICE> ex:service }").uses("SERVICE")
    assert scan("SELECT * WHERE { serv\\u0069ce <http://x/> { ?s ?p ?o } }").uses("SERVICE")
    protected = frozenset({REFERENCE_GRAPH})
    assert may_touch("INSERT DATA { GRAPH <http://example.org/g> { <http://a> <http://b> 'graph/reference' } }",
                     protected) is None
    assert may_touch("PREFIX kgg: <https://w3id.org/kg-diplomacy/graph/>\nDROP GRAPH kgg:reference", protected)


# -- SSRF ------------------------------------------------------------------------------------------

@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A 127.0.0.1 listener that records what connects to it (answering nothing useful)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                connection.settimeout(2)
                try:
                    seen.append(connection.recv(4096))
                    connection.sendall(b"HTTP/1.1 500 no\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                except OSError:
                    pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/", seen
    finally:
        stop.set()
        thread.join(timeout=5)
        sock.close()


def test_service_is_off_by_default_and_load_is_refused(sample_store, listener):
    url, seen = listener
    query = f"SELECT * WHERE {{ SERVICE <{url}sparql> {{ ?s ?p ?o }} }}"
    with serving(sample_store) as base:
        status, message = call(base + "/query?" + urllib.parse.urlencode({"query": query}))
        assert status == 403 and "--allow-service" in message
        # a page elsewhere submitting a form to /query is refused before the query is read
        form = urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}).encode()
        assert call(base + "/query", method="POST", body=form, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Origin": EVIL})[0] == 403
    with serving(open_store("memory:"), writable=True) as base:
        status, message = call(base + "/update", method="POST", body=f"LOAD <{url}data.ttl>".encode(),
                               headers={"Content-Type": "application/sparql-update"})
        assert status == 403 and "LOAD" in message
    time.sleep(0.3)
    assert seen == []


def test_service_when_allowed_reaches_out(sample_store, listener):
    url, seen = listener
    query = f"SELECT * WHERE {{ SERVICE <{url}sparql> {{ ?s ?p ?o }} }}"
    with serving(sample_store, allow_service=True) as base:
        status, _ = call(base + "/query?" + urllib.parse.urlencode({"query": query}))
    assert status >= 400  # the listener is no SPARQL server; what matters is that the opt-in works
    deadline = time.monotonic() + 5
    while not seen and time.monotonic() < deadline:
        time.sleep(0.05)
    assert seen and seen[0].split(b" ")[0] in (b"GET", b"POST")


# -- query limits ----------------------------------------------------------------------------------

def _directory_store(tmp_path, triples: int = 200) -> str:
    location = tmp_path / "store"
    store = open_store(str(location))
    store.add_quads([Quad(NamedNode(f"http://example.org/{n}"), NamedNode("http://example.org/p"), Literal(n),
                          NamedNode("http://example.org/g")) for n in range(triples)])
    store.close()
    return str(location)


HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_a_query_past_the_time_limit_is_stopped(tmp_path):
    store = open_store(_directory_store(tmp_path), read_only=True)
    with serving(store, limits=Limits(timeout=1.0)) as base:
        started = time.monotonic()
        status, message = call(base + "/query?" + urllib.parse.urlencode({"query": HEAVY}), timeout=60)
        assert status == 503 and "1 s" in message
        assert time.monotonic() - started < 20
        status, body = call(base + "/query?" + urllib.parse.urlencode(
            {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}), headers={"Accept": "text/csv"})
        assert status == 200 and "200" in body  # a fresh worker answers the next query


def test_an_answer_past_the_size_limit_is_refused(sample_store, tmp_path):
    for store in (sample_store, open_store(_directory_store(tmp_path), read_only=True)):
        with serving(store, limits=Limits(timeout=10, max_bytes=2000)) as base:
            status, message = call(base + "/query?" + urllib.parse.urlencode(
                {"query": "SELECT * WHERE { ?s ?p ?o }"}))
            assert status == 507 and "LIMIT" in message
            status, _ = call(base + "/query?" + urllib.parse.urlencode(
                {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 2"}))
            assert status == 200


def test_kg_serve_stops_a_heavy_query_and_frees_the_cpu(tmp_path):
    location = _directory_store(tmp_path)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    args = [sys.executable, "-m", "kg.cli", "serve", "--store", location, "--port", str(port),
            "--query-timeout", "1"]
    with running(args, base + "/queries", tmp_path / "serve.log") as process:
        status, _ = call(base + "/query?" + urllib.parse.urlencode({"query": HEAVY}), timeout=60)
        assert status == 503
        children = _children(process.pid)
        assert all(_cpu_idle(pid) for pid in children)
        assert call(base + "/saved/calls?format=csv")[0] == 200
    log = (tmp_path / "serve.log").read_text()
    assert "1 s query timeout" in log and "Traceback" not in log


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


def _cpu_idle(pid: int) -> bool:
    """The process spent (almost) no CPU over half a second (or is gone)."""
    def ticks() -> int | None:
        try:
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            return int(fields[11]) + int(fields[12])
        except OSError:
            return None
    before = ticks()
    time.sleep(0.5)
    after = ticks()
    return before is None or after is None or after - before < 10
