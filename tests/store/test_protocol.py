"""`kg serve` against the SPARQL 1.1 Protocol and Graph Store Protocol: the request x answer matrix of
docs/serve.md, with raw HTTP (any method, any header) so nothing is hidden by a client library."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlencode, urlsplit

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, parse

from kg.serve.formats import GRAPHS
from kg.store import open_store
from tests.contract.conftest import by_graph, canonical
from tests.store.test_serve import serving

CONSTRUCT = "CONSTRUCT { ?e ?p ?o } WHERE { ?e a <https://w3id.org/kg-diplomacy/ontology#Encounter> ; ?p ?o }"
SELECT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
EX = "https://example.org/protocol/"


def call(base: str, method: str, path: str, body: bytes | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    url = urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def query_path(text: str, **extra: str) -> str:
    return "/query?" + urlencode({"query": text, **extra})


@pytest.fixture(scope="module")
def server(sample_store):
    with serving(sample_store) as base:
        yield base


@pytest.fixture(scope="module")
def expected_triples(sample_store) -> set[Triple]:
    return set(sample_store.query(CONSTRUCT))


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_construct_is_served_in_each_graph_format(name, server, expected_triples):
    media, fmt = GRAPHS[name]
    status, headers, body = call(server, "GET", query_path(CONSTRUCT), headers={"Accept": media})
    assert status == 200 and headers["content-type"] == media
    triples = {q.triple if isinstance(q, Quad) else q for q in parse(body, fmt)}  # type: ignore[arg-type]
    assert triples == expected_triples


@pytest.mark.parametrize("accept", ["", "*/*", BROWSER, "text/*;q=0.5, application/pdf"])
def test_construct_default_is_turtle(accept, server):
    status, headers, _ = call(server, "GET", query_path(CONSTRUCT), headers={"Accept": accept} if accept else {})
    assert status == 200 and headers["content-type"] == "text/turtle"


def test_describe_is_negotiated_and_has_no_repeats(server, sample_store):
    encounter = next(iter(sample_store.select(
        "SELECT ?e WHERE { ?e a <https://w3id.org/kg-diplomacy/ontology#Encounter> } LIMIT 1")))["e"]
    status, headers, body = call(server, "GET", query_path(f"DESCRIBE {encounter}"),
                                 headers={"Accept": "application/n-triples"})
    assert status == 200 and headers["content-type"] == "application/n-triples"
    lines = [line for line in body.decode().splitlines() if line]
    assert lines and len(lines) == len(set(lines))
    assert call(server, "GET", query_path(f"DESCRIBE {encounter}"), headers={"Accept": "application/ld+json"})[1][
        "content-type"] == "application/ld+json"


def test_unservable_accept_is_406(server):
    for text in (CONSTRUCT, SELECT):
        status, _, body = call(server, "GET", query_path(text), headers={"Accept": "application/pdf, image/*"})
        assert status == 406 and b"accept one of" in body
    assert call(server, "GET", query_path(SELECT, format="yaml"))[0] == 406


@pytest.mark.parametrize(("accept", "media"), [
    ("", "application/sparql-results+json"), ("*/*", "application/sparql-results+json"),
    (BROWSER, "application/sparql-results+json"), ("application/json", "application/sparql-results+json"),
    ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv;q=0.2, application/sparql-results+xml", "application/sparql-results+xml"),
])
def test_select_negotiation(accept, media, server):
    status, headers, _ = call(server, "GET", query_path(SELECT), headers={"Accept": accept} if accept else {})
    assert status == 200 and headers["content-type"] == media


def test_the_union_is_a_set_through_the_endpoint(server, sample_store):
    _, _, body = call(server, "GET", query_path(SELECT), headers={"Accept": "application/sparql-results+json"})
    count = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    assert count == len(set(sample_store.triples())) == len(list(sample_store.triples()))


def test_syntax_errors_give_message_line_and_column(server):
    status, _, body = call(server, "GET", query_path("SELECT * WHERE {\n  ?s foo:bar ?o }"))
    text = body.decode()
    assert status == 400
    assert "line 2, column" in text and "unknown prefix 'foo:'" in text and "^" in text
    assert "\\u{" not in text and "..=" not in text
    status, _, body = call(server, "GET", query_path("SELEC * WHERE { ?s ?p ?o }"))
    assert status == 400 and b"line 1, column" in body


def test_service_description_without_a_query(server, sample_store):
    status, headers, body = call(server, "GET", "/query")
    assert status == 200 and headers["content-type"] == "text/turtle"
    graph = {q.triple for q in parse(body, RdfFormat.TURTLE)}
    sd = "http://www.w3.org/ns/sparql-service-description#"
    service = NamedNode(server + "/query")
    assert Triple(service, NamedNode(sd + "endpoint"), service) in graph
    assert Triple(service, NamedNode(sd + "feature"), NamedNode(sd + "UnionDefaultGraph")) in graph
    assert Triple(service, NamedNode(sd + "supportedLanguage"), NamedNode(sd + "SPARQL11Update")) not in graph
    sizes = [t.object for t in graph if t.predicate == NamedNode("http://www.w3.org/ns/void#triples")]
    assert [int(s.value) for s in sizes] == [len(list(sample_store.triples()))]
    status, headers, body = call(server, "GET", "/query", headers={"Accept": "application/ld+json"})
    assert status == 200 and headers["content-type"] == "application/ld+json" and json.loads(body)


def test_graph_store_get_and_head(server, sample_store):
    graph = next(g for g in sample_store.graphs() if "/graph/article/" in g.value)
    wanted = {q.triple for q in sample_store.quads() if q.graph_name == graph}
    path = "/store?" + urlencode({"graph": graph.value})
    status, headers, body = call(server, "GET", path, headers={"Accept": "application/n-triples"})
    assert status == 200 and headers["content-type"] == "application/n-triples"
    assert {q.triple for q in parse(body, RdfFormat.N_TRIPLES)} == wanted
    status, head_headers, head_body = call(server, "HEAD", path, headers={"Accept": "application/n-triples"})
    assert status == 200 and head_body == b"" and head_headers["content-length"] == headers["content-length"]
    status, headers, body = call(server, "GET", "/store?default", headers={"Accept": "application/n-triples"})
    assert status == 200 and {q.triple for q in parse(body, RdfFormat.N_TRIPLES)} == set(sample_store.triples())
    status, headers, body = call(server, "GET", "/store", headers={"Accept": "application/n-quads"})
    assert status == 200 and canonical(parse(body, RdfFormat.N_QUADS)) == canonical(sample_store.quads())
    assert call(server, "GET", "/store?" + urlencode({"graph": EX + "none"}))[0] == 404
    assert call(server, "HEAD", "/store?" + urlencode({"graph": EX + "none"}))[0] == 404
    assert call(server, "GET", "/store?default&" + urlencode({"graph": graph.value}))[0] == 400
    assert call(server, "PUT", path, b"", {"Content-Type": "text/turtle"})[0] == 403  # read-only


def test_graph_store_writes_on_a_writable_server():
    with serving(open_store("memory:"), writable=True) as base:
        path = "/store?" + urlencode({"graph": EX + "g"})
        body = f"<{EX}s> <{EX}p> \"x\" .\n".encode()
        assert call(base, "PUT", path, body, {"Content-Type": "application/n-triples"})[0] == 201
        assert call(base, "PUT", path, body, {"Content-Type": "application/n-triples"})[0] == 204
        status, _, got = call(base, "GET", path, headers={"Accept": "application/n-triples"})
        assert status == 200 and got == body
        status, headers, _ = call(base, "PUT", "/store?default", body, {"Content-Type": "application/n-triples"})
        assert status == 405 and "GET" in headers["allow"]
        assert call(base, "PUT", path, b"{}", {"Content-Type": "application/x-foo"})[0] == 415
        assert call(base, "DELETE", path)[0] == 204
        assert call(base, "DELETE", path)[0] == 404


def test_form_encoded_update_on_a_writable_server(sample_quads):
    store = open_store("memory:")
    with serving(store, writable=True) as base:
        update = f'INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}s> <{EX}p> "form" }} }}'
        status, _, _ = call(base, "POST", "/update", urlencode({"update": update}).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 204
        assert set(store.quads()) == {Quad(NamedNode(EX + "s"), NamedNode(EX + "p"), Literal("form"),
                                           NamedNode(EX + "g"))}
        status, _, body = call(base, "POST", "/update", f'INSERT DATA {{ <{EX}s> <{EX}p> "x" }}'.encode(),
                               {"Content-Type": "application/sparql-update"})
        assert status == 400 and b"default graph" in body
        status, _, body = call(base, "POST", "/update", b"INSERT DATA { ?x }",
                               {"Content-Type": "application/sparql-update"})
        assert status == 400 and b"line 1, column" in body
        assert call(base, "POST", "/update", b"CLEAR ALL", {"Content-Type": "text/plain"})[0] == 415
        for marks in ({"Origin": "http://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"},
                      {"Sec-Fetch-Mode": "navigate"}, {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64)"},
                      {"Referer": "http://evil.example/page"}):
            status, _, _ = call(base, "POST", "/update", urlencode({"update": f"DROP GRAPH <{EX}g>"}).encode(),
                                {"Content-Type": "application/x-www-form-urlencoded", **marks})
            assert status == 403, marks  # a form from a page of another origin writes nothing
        assert len(list(store.quads())) == 1
        store.replace_graphs(by_graph(sample_quads))


def test_read_only_refuses_updates(server):
    status, _, _ = call(server, "POST", "/update", urlencode({"update": "CLEAR ALL"}).encode(),
                        {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403


@pytest.mark.parametrize("path", ["/", "/query", "/queries", "/store", "/saved/calls", "/update", "/favicon.ico"])
def test_options_and_unknown_methods(path, server):
    status, headers, body = call(server, "OPTIONS", path)
    assert status == 204 and "OPTIONS" in headers["allow"] and body == b""
    status, headers, body = call(server, "PATCH", path)
    assert status == 405 and "allow" in headers and b"<html" not in body.lower()


@pytest.mark.parametrize("path", ["/", "/queries", "/saved/calls", "/favicon.ico", query_path(SELECT)])
def test_head_is_get_without_a_body(path, server):
    status, headers, body = call(server, "GET", path)
    head_status, head_headers, head_body = call(server, "HEAD", path)
    assert (head_status, head_body) == (status, b"") and status == 200
    assert head_headers["content-type"] == headers["content-type"]


def test_unknown_paths_are_404_without_a_stock_page(server):
    for method in ("GET", "HEAD", "OPTIONS", "POST"):
        status, _, body = call(server, method, "/nothing-here")
        assert status == 404 and b"<html" not in body.lower()


def test_favicon_is_served(server):
    status, headers, body = call(server, "GET", "/favicon.ico")
    assert status == 200 and headers["content-type"] == "image/svg+xml" and body.startswith(b"<svg")


def test_no_cors_headers_unless_asked(server):
    _, headers, _ = call(server, "GET", query_path(SELECT), headers={"Origin": "null"})
    assert "access-control-allow-origin" not in headers
    _, headers, _ = call(server, "OPTIONS", "/query",
                         headers={"Origin": "null", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in headers


def test_cors_for_the_origins_given(sample_store):
    from kg.serve import make_server

    server = make_server(sample_store, port=0, cors=["null", "http://localhost:8000"])
    assert server.cors == ("null", "http://localhost:8000")
    server.server_close()
    with serving(sample_store, cors=("null", "http://localhost:8000")) as base:
        for origin in ("null", "http://localhost:8000"):
            _, headers, _ = call(base, "GET", query_path(SELECT), headers={"Origin": origin})
            assert headers["access-control-allow-origin"] == origin
            status, headers, _ = call(base, "OPTIONS", "/query", headers={
                "Origin": origin, "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type"})
            assert status == 204 and "POST" in headers["access-control-allow-methods"]
            assert "content-type" in headers["access-control-allow-headers"].lower()
        _, headers, _ = call(base, "GET", query_path(SELECT), headers={"Origin": "http://evil.example"})
        assert "access-control-allow-origin" not in headers


def test_a_read_only_server_sees_what_kg_ingest_writes(sample_quads, tmp_path):
    location = str(tmp_path / "store")
    graphs = by_graph(sample_quads)
    first, *rest = graphs
    writer = open_store(location)
    writer.replace_graphs({first: graphs[first]})
    writer.close()
    with serving(open_store(location, read_only=True)) as base:
        def count() -> int:
            body = call(base, "GET", query_path(SELECT), headers={"Accept": "application/sparql-results+json"})[2]
            return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

        before = count()
        writer = open_store(location)  # kg ingest while kg serve reads the directory
        writer.replace_graphs({g: graphs[g] for g in rest})
        writer.flush()
        writer.close()
        after = count()
    assert after > before
    assert after == len({q.triple for q in sample_quads})
