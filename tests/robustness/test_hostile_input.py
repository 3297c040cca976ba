"""Hostile names and text: every minted IRI is valid, the export re-parses in Oxigraph, rdflib and Jena,
and labels keep the exact text."""

from __future__ import annotations

import json
import subprocess

import pytest
import rdflib
from pyoxigraph import RdfFormat, parse

from kg.ingest.pipeline import ingest
from kg.query.export import export
from kg.settings import Settings
from kg.store import open_store
from tests.conftest import JENA

TITLE = 'Xi & Putin: "grand" <plan> {v2} \u200b\u202e — 习近平 и Путин'
BODY = ("Chinese President Xi Jinping and Russian President Vladimir Putin held a video call on February 4, 2026, "
        "and discussed Iran.")


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / 'we"ird <name> {x}.txt').write_text(f"Title: {TITLE}\nURL: https://example.org/a b?c=<d>\n\n{BODY}\n",
                                                  encoding="utf-8")
    lines = [{"id": 'id with "quotes" and \u200b', "title": TITLE, "text": BODY},
             {"id": "Путин-статья", "title": "Кремль", "text": BODY}]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    store = open_store("memory:")
    report = ingest([folder], store, Settings(store="memory:"))
    assert len(report.articles) == 3 and not report.rejected
    return store


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "ntriples", "jsonld"])
def test_export_reparses_in_oxigraph_and_rdflib(hostile_store, tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    export(hostile_store, fmt, path)
    formats = {"turtle": RdfFormat.TURTLE, "trig": RdfFormat.TRIG, "nquads": RdfFormat.N_QUADS,
               "ntriples": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD}
    assert list(parse(path=str(path), format=formats[fmt]))
    graph = rdflib.Dataset()
    graph.parse(path, format={"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "nt",
                              "jsonld": "json-ld"}[fmt])
    assert len(graph) > 0 or len(list(graph.quads())) > 0


def test_labels_keep_the_exact_text(hostile_store):
    rows = list(hostile_store.select(
        'SELECT ?t WHERE { ?a <http://schema.org/headline> ?t }'))
    assert {row["t"].value for row in rows} >= {TITLE, "Кремль"}


@pytest.mark.skipif(not JENA.exists(), reason="../shared/tools/jena is not beside the checkout")
def test_export_validates_in_jena(hostile_store, tmp_path):
    path = tmp_path / "out.trig"
    export(hostile_store, "trig", path)
    result = subprocess.run([str(JENA), "riot", "--validate", str(path)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]


def test_jsonld_export_has_no_remote_context(hostile_store, tmp_path):
    path = tmp_path / "out.jsonld"
    export(hostile_store, "jsonld", path)
    document = json.loads(path.read_text(encoding="utf-8"))
    contexts = [d.get("@context") for d in (document if isinstance(document, list) else [document])]
    assert not any(isinstance(c, str) or (isinstance(c, list) and any(isinstance(x, str) for x in c))
                   for c in contexts), "an external @context would have to be fetched"


def test_an_article_longer_than_the_chunk_size_is_read_whole(tmp_path, monkeypatch):
    import kg.ingest.extraction

    monkeypatch.setattr(kg.ingest.extraction, "CHUNK_CHARS", 2_000)
    filler = "Officials reviewed trade figures and energy projects for the coming year.\n\n" * 60
    text = filler + "Vladimir Putin and Donald Trump spoke by phone on March 18, 2025 about Iran.\n"
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    store = open_store("memory:")
    report = ingest([tmp_path / "long.txt"], store, Settings(store="memory:"))
    assert report.articles == ["long"] and report.encounters == 1
    rows = list(store.select(
        "SELECT ?iso WHERE { ?c <https://w3id.org/kg-diplomacy/ontology#discussed> ?x . "
        "?x <https://w3id.org/kg-diplomacy/ontology#iso3166Alpha3> ?iso }"))
    assert [r["iso"].value for r in rows] == ["IRN"]  # found in the last chunk
