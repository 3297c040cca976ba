"""`kg serve`: a SPARQL endpoint on 127.0.0.1 with an offline query page; read-only unless --writable."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from kg.query.results import format_rows, run_query
from kg.query.saved import catalogue
from kg.serve import make_server
from kg.settings import Settings
from kg.store import Store, open_store
from tests.contract.conftest import by_graph, canonical
from tests.contract.servers import free_port, running
from tests.contract.test_saved_queries import PARAMS


@contextmanager
def serving(store: Store, **options: object) -> Iterator[str]:
    """A server on a free port of 127.0.0.1 in a thread of the test (``options``: make_server's)."""
    server = make_server(store, port=0, **options)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url.rstrip("/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _post(url: str, body: bytes, content_type: str) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_page_offers_the_saved_queries_and_needs_no_network(sample_store):
    with serving(sample_store) as base:
        status, page = _get(base + "/")
    assert status == 200
    assert all(name in page for name in catalogue())
    assert "<script src" not in page and "cdn" not in page.lower()
    assert [h[:5] for h in re.findall(r'<link[^>]*href="([^"]*)"', page)] == ["data:"]  # the icon, inline


def test_page_has_the_site_style_and_links_the_site_when_served() -> None:
    """Issue 16: the page at / was unstyled and did not link to /site/; it now carries the site's stylesheet
    and icon, and its header links to the site's pages when kg serve serves them."""
    from kg.serve.app import page
    from kg.style import CSS

    served = page(catalogue(), location='<store "x">', writable=False, site=True).decode()
    alone = page(catalogue(), location="store", writable=False, site=False).decode()
    assert CSS in served and '<link rel="icon"' in served and "<header>" in served
    assert 'href="/site/"' in served and 'href="/site/' not in alone and "--site DIR" in alone
    assert "{{" not in served and "&lt;store &quot;x&quot;&gt;" in served


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_saved_queries_through_the_endpoint(name, sample_store):
    params = PARAMS.get(name, {})
    expected = format_rows(run_query(sample_store, catalogue()[name], params), "csv")
    with serving(sample_store) as base:
        status, body = _get(f"{base}/saved/{name}?" + urllib.parse.urlencode({**params, "format": "csv"}))
    assert status == 200, body
    assert sorted(csv.reader(io.StringIO(body))) == sorted(csv.reader(io.StringIO(expected)))


def test_sparql_protocol_get_and_post(sample_store):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?call a <https://w3id.org/kg-diplomacy/ontology#Encounter> }"
    with serving(sample_store) as base:
        status, body = _get(base + "/query?" + urllib.parse.urlencode({"query": query}),
                            {"Accept": "application/sparql-results+json"})
        assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "2"
        status, body = _post(base + "/query", query.encode(), "application/sparql-query")
        assert status == 200 and '"2"' in body
        status, body = _get(base + "/query?query=SELEC", {})
        assert status == 400


def test_read_only_unless_writable_and_only_for_localhost(sample_store):
    with serving(sample_store) as base:
        assert _post(base + "/update", b"CLEAR ALL", "application/sparql-update")[0] == 403
        assert _get(base + "/", {"Host": "evil.example"})[0] == 403
    assert len(list(sample_store.quads())) > 0


def test_a_writable_endpoint_is_a_store_for_kg(sample_quads):
    """`kg serve --writable` takes Graph Store writes, so a remote kg store can point at it."""
    with serving(open_store("memory:"), writable=True) as base:
        remote = open_store(base, settings=Settings(store=base, store_retries=0), environ={})
        remote.replace_graphs(by_graph(sample_quads))
        assert canonical(remote.quads()) == canonical(sample_quads)
        assert _post(base + "/update", b"CLEAR ALL", "text/plain")[0] == 415
        graph = next(g for g in remote.graphs() if "/graph/article/" in g.value)
        form = urllib.parse.urlencode({"update": f"DROP GRAPH {graph}"}).encode()
        assert _post(base + "/update", form, "application/x-www-form-urlencoded")[0] == 204  # SPARQLWrapper's way
        remote.close()  # it keeps the graph list until its own next write
        assert graph not in remote.graphs()


@pytest.mark.slow  # a kg serve process
def test_kg_serve_command_starts_answers_and_stops(sample_quads, tmp_path):
    location = tmp_path / "store"
    store = open_store(str(location))
    store.replace_graphs(by_graph(sample_quads))
    store.close()
    port = free_port()
    args = [sys.executable, "-m", "kg.cli", "serve", "--store", str(location), "--port", str(port)]
    base = f"http://127.0.0.1:{port}"
    with running(args, base + "/queries", tmp_path / "serve.log") as process:
        status, body = _get(base + "/saved/calls?format=csv")
        assert status == 200 and len(list(csv.reader(io.StringIO(body)))) == 3
        assert process.poll() is None
    assert process.returncode == 0
    assert "read-only" in (tmp_path / "serve.log").read_text()
    subprocess.run([sys.executable, "-c", "import pyoxigraph, sys; pyoxigraph.Store(sys.argv[1])", str(location)],
                   check=True, timeout=60)  # the lock was released


def test_serve_site_folder_under_site_prefix(sample_store, tmp_path):
    import threading
    import urllib.error
    import urllib.request

    from kg.query.saved import catalogue
    from kg.serve import make_server
    from kg.views.site import write_site

    site = tmp_path / "site"
    write_site(sample_store, site, queries=catalogue())
    server = make_server(sample_store, port=0, site=site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with urllib.request.urlopen(server.url + "site/", timeout=10) as response:
            assert response.headers["Content-Type"].startswith("text/html")
            assert b"<html" in response.read().lower()
        try:
            urllib.request.urlopen(server.url + "site/..%2f..%2fetc%2fpasswd", timeout=10)
            raise AssertionError("a path outside the site folder was served")
        except urllib.error.HTTPError as exc:
            assert exc.code == 404
    finally:
        server.shutdown()
        server.server_close()
