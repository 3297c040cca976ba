"""End to end (issue 13): an article introducing two leaders by title and name, read from a file, ingested
into a store, gives one dated phone call whose two participants each represent the right country, whether
the gazetteer knows them or they were recognized from the text."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.pipeline import ingest
from kg.settings import Settings
from kg.store import open_store

ARTICLE = """Title: Kenya and the Philippines agree to deepen ties
Published: 2025-06-05

Kenyan President William Ruto held a phone call with Philippine President Ferdinand Marcos Jr. on Tuesday.
The two presidents agreed to expand cooperation in agriculture, Ruto said.
"""

CALLS = """
PREFIX kg: <https://w3id.org/kg-diplomacy/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?call ?date ?person ?name ?iso3 WHERE {
  ?call a kg:PhoneCall ; kg:date ?date ; kg:participant ?person .
  ?person rdfs:label ?name ; kg:represents/kg:iso3166Alpha3 ?iso3 .
}
"""


def test_ruto_marcos_call_is_one_dated_call_with_both_countries(tmp_path: Path):
    (tmp_path / "ruto-marcos.txt").write_text(ARTICLE, encoding="utf-8")
    store = open_store("memory:")
    report = ingest([tmp_path], store, Settings(store="memory:"))
    assert len(report.articles) == 1, report.problems
    rows = [{k: row[k].value for k in ("call", "date", "name", "iso3")} for row in store.select(CALLS)]
    assert len({r["call"] for r in rows}) == 1
    assert {r["date"] for r in rows} == {"2025-06-03"}
    countries = {r["iso3"]: r["name"] for r in rows}
    assert set(countries) == {"KEN", "PHL"}
    assert "Ruto" in countries["KEN"] and "Marcos" in countries["PHL"]
