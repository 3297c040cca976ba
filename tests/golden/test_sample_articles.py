"""Golden facts of the two sample articles (data/articles): the 4 February 2026 video call and the
January 2025 one, which must stay two encounters."""

from __future__ import annotations

import csv
import io

from kg.query.results import format_rows, run_query
from kg.query.saved import get_query


def _csv(store, name, **params):
    text = format_rows(run_query(store, get_query(name), params), "csv")
    return list(csv.DictReader(io.StringIO(text)))


def test_countries_discussed_per_call(sample_store):
    rows = _csv(sample_store, "countries-discussed-per-call")
    assert list(rows[0]) == ["call", "date", "participants", "country", "iso3"]
    calls = {r["call"] for r in rows}
    assert len(calls) == 2, calls
    by_date = {}
    for row in rows:
        by_date.setdefault(row["date"], set()).add(row["iso3"])
    assert {"IRN", "VEN", "CUB"} <= by_date["2026-02-04"]
    assert not by_date["2026-02-04"] & {"RUS", "CHN"}, "participants' own countries are not third countries"
    assert "2025" in by_date, "the 2025 call keeps a year-precision date (no publication date to resolve 'Wednesday')"
    assert all(r["participants"] == "Vladimir Putin; Xi Jinping" for r in rows)


def test_calls_table(sample_store):
    rows = _csv(sample_store, "calls")
    assert list(rows[0]) == ["call", "type", "date", "participants", "articles"]
    assert sorted((r["date"], r["type"], r["articles"]) for r in rows) == [
        ("2025", "VideoCall", "1"), ("2026-02-04", "VideoCall", "1")]


def test_treaty_of_2001_with_its_parties(sample_store):
    rows = _csv(sample_store, "treaties")
    treaty = next(r for r in rows if "Good-Neighborliness" in r["name"])
    assert treaty["year"] == "2001"
    assert treaty["parties"] == "CHN; RUS"


def test_evidence_points_at_the_sentence(sample_store):
    call = next(r["call"] for r in _csv(sample_store, "calls") if r["date"] == "2026-02-04")
    rows = _csv(sample_store, "evidence", call=call, country="CUB")
    assert rows, "Cuba's discussion has evidence"
    assert any("Cuba" in r["sentence"] for r in rows)
    assert all(int(r["start"]) < int(r["end"]) for r in rows)
    assert list(rows[0]) == ["article", "title", "outlet", "url", "sentence", "start", "end"]  # issue 16
    assert all(r["title"] for r in rows if r["article"].startswith("003"))  # the article with a Title: header


def test_evidence_sentences_are_their_span_without_surrounding_whitespace(sample_store):
    """Issue 16: sentences kept the line break after them (a table cell broke in two); now the stored text is
    trimmed and its character span still cuts exactly it out of the article."""
    from kg.articles import read_paths
    from kg.records import Article
    from tests.conftest import SAMPLES

    texts = {a.id: a.text for a in read_paths([SAMPLES]) if isinstance(a, Article)}
    query = ("PREFIX kg: <https://w3id.org/kg-diplomacy/ontology#> SELECT DISTINCT ?id ?text ?start ?end WHERE { "
             "?ev kg:sentenceText ?text ; kg:charStart ?start ; kg:charEnd ?end ; kg:inArticle ?a . "
             "?a kg:articleId ?id }")
    spans = [(s["id"].value, s["text"].value, int(s["start"].value), int(s["end"].value))
             for s in sample_store.select(query)]
    assert len(spans) > 20 and set(texts) == {a for a, *_ in spans}
    for article, text, start, end in spans:
        assert text == text.strip() and text, text
        assert texts[article][start:end] == text


def test_calls_with_and_articles_mentioning(sample_store):
    assert len(_csv(sample_store, "calls-with", actor="Putin")) == 2
    assert len(_csv(sample_store, "calls-with", actor="RUS")) == 2
    assert _csv(sample_store, "calls-with", actor="Zelensky") == []
    mentioning = _csv(sample_store, "articles-mentioning", country="Cuba")
    assert [r["discussed"] for r in mentioning] == ["true"]
