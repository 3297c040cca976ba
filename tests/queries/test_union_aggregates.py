"""Aggregates over `kg serve` equal Jena ARQ's over the Turtle export: the default graph is the union of the
article graphs as a set, so a triple several articles hold (an encounter's type, date, participants) counts
once. The dev corpus reports the same encounters in several articles, which is what makes the counts differ
when the union is a multiset."""

from __future__ import annotations

import csv
import io
import subprocess
import urllib.parse
import urllib.request

import pytest

from kg.query.export import export
from tests.conftest import DEV, JENA
from tests.store.test_serve import serving

pytestmark = [
    pytest.mark.slow,  # ingests the dev corpus with the spaCy model
    pytest.mark.external,  # runs Jena (Java)
    pytest.mark.skipif(not JENA.exists(), reason="../shared/tools/jena (Apache Jena) is not beside the checkout"),
    pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev is not beside the checkout"),
]

KG = "PREFIX kg: <https://w3id.org/kg-diplomacy/ontology#>\n"
AGGREGATES = {
    "meetings-with-a-date": "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?e) AS ?d) WHERE { ?e a kg:Meeting ; kg:date ?x }",
    "all-triples": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "per-type": "SELECT ?type (COUNT(*) AS ?n) WHERE { ?e a ?type } GROUP BY ?type",
    "participants-per-encounter": "SELECT ?e (COUNT(?who) AS ?n) WHERE { ?e kg:participant ?who } GROUP BY ?e",
    "discussed-per-country": "SELECT ?c (COUNT(*) AS ?n) WHERE { ?e kg:discussed ?c } GROUP BY ?c",
    "minutes": "SELECT (SUM(?m) AS ?total) (COUNT(?m) AS ?n) WHERE { ?e kg:durationMinutes ?m }",
    "per-predicate-having": "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p HAVING (COUNT(*) > 20)",
}


@pytest.fixture(scope="module")
def dev_store():
    from kg.ingest.pipeline import ingest
    from kg.settings import Settings
    from kg.store import open_store

    store = open_store("memory:")
    report = ingest([DEV / "articles"], store, Settings(store="memory:"))
    assert report.articles
    return store


@pytest.fixture(scope="module")
def turtle(dev_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("dev-export") / "dev.ttl"
    export(dev_store, "turtle", path)
    return path


@pytest.fixture(scope="module")
def endpoint(dev_store):
    with serving(dev_store) as base:
        yield base


def _rows(csv_text: str) -> list[tuple[str, ...]]:
    rows = list(csv.reader(io.StringIO(csv_text)))
    return sorted(tuple(cell.strip() for cell in row) for row in rows[1:] if row)


def _served(endpoint: str, query: str) -> str:
    url = endpoint + "/query?" + urllib.parse.urlencode({"query": query})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/csv"}), timeout=60) as answer:
        return answer.read().decode("utf-8")


@pytest.mark.parametrize("name", sorted(AGGREGATES))
def test_aggregates_over_kg_serve_equal_jena_over_the_turtle_export(name, endpoint, turtle, tmp_path):
    query = KG + AGGREGATES[name]
    path = tmp_path / f"{name}.rq"
    path.write_text(query, encoding="utf-8")
    jena = subprocess.run([str(JENA), "sparql", f"--data={turtle}", f"--query={path}", "--results=csv"],
                          capture_output=True, text=True, timeout=600)
    assert jena.returncode == 0, jena.stderr[-2000:]
    ours = _rows(_served(endpoint, query))
    assert ours and any(cell not in ("", "0") for row in ours for cell in row)
    assert ours == _rows(jena.stdout)


def test_a_triple_several_articles_hold_is_counted_once(dev_store):
    """The premise of the comparison: in the dev corpus several article graphs do share triples."""
    shared = dev_store.select(
        "SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } "
        "GROUP BY ?s ?p ?o HAVING (COUNT(?g) > 1) } }")
    assert int(next(iter(shared))["n"].value) > 0
    quads = sum(1 for _ in dev_store.quads())
    assert len(list(dev_store.triples())) < quads
