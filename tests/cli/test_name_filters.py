"""Name filters of the kg command say what they did not find, and compare names without case or accents
(kg.folding.fold): `kg timeline --country`, `kg query` name parameters, `kg show --participants`. The store
is a hand-written graph (no spaCy), loaded with `kg load`."""

from __future__ import annotations

import csv
import io

import pytest

from kg.cli import main

ID = "https://w3id.org/kg-diplomacy/id/"
CALL = ID + "encounter/2026-03-02/remote/ana-cosic--ion-strajescu"
GRAPH = """@prefix kg: <https://w3id.org/kg-diplomacy/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/graph/names> {
  kg:PhoneCall rdfs:subClassOf kg:Encounter .
  <CALL> a kg:Encounter , kg:PhoneCall ; kg:date "2026-03-02"^^xsd:date ;
    kg:participant <IDperson/ana-cosic> , <IDperson/ion-strajescu> .
  <IDperson/ana-cosic> rdfs:label "Ana Ćosić" ; skos:altLabel "Ćosić" ; kg:represents <IDcountry/SRB> .
  <IDperson/ion-strajescu> rdfs:label "Ion Străjescu" ; kg:represents <IDcountry/MDA> .
  <IDcountry/SRB> a kg:Country ; rdfs:label "Serbia" ; kg:iso3166Alpha3 "SRB" .
  <IDcountry/MDA> a kg:Country ; rdfs:label "Moldova" ; kg:iso3166Alpha3 "MDA" .
}
""".replace("<CALL>", f"<{CALL}>").replace("<ID", f"<{ID}")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("names")
    (folder / "names.trig").write_text(GRAPH, encoding="utf-8")
    assert main(["load", "--store", str(folder / "store"), str(folder / "names.trig")]) == 0
    return str(folder / "store")


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_timeline_of_a_text_that_is_no_country_is_an_error_naming_it(store, capsys):
    code, out, err = _run(capsys, "timeline", "--store", store, "--country", "XXX", "--format", "svg")
    assert code == 2 and out == ""
    assert "'XXX' is no country" in err and "--country Russia" in err


@pytest.mark.parametrize("country", ["MDA", "Moldova", "moldovan", "md"])
def test_timeline_takes_a_country_by_code_name_or_demonym(store, country, capsys):
    code, out, err = _run(capsys, "timeline", "--store", store, "--country", country, "--format", "html")
    assert code == 0 and "MDA–SRB" in out and err == ""


def test_timeline_with_no_encounter_of_that_country_says_so(store, capsys):
    code, out, err = _run(capsys, "timeline", "--store", store, "--country", "Russia", "--format", "svg")
    assert code == 0 and out.startswith("<?xml")
    assert "no dated encounters with RUS (Russia) on one side" in err


def _calls_with(capsys, store: str, actor: str) -> tuple[list[dict[str, str]], str]:
    code, out, err = _run(capsys, "query", "--store", store, "calls-with", "--param", f"actor={actor}",
                          "--format", "csv")
    assert code == 0
    return list(csv.DictReader(io.StringIO(out))), err


@pytest.mark.parametrize("actor", ["Ana Ćosić", "Ana Cosic", "ANA COSIC", "cosic", "Ion Strajescu", "srb"])
def test_query_name_parameters_ignore_case_and_accents(store, actor, capsys):
    rows, err = _calls_with(capsys, store, actor)
    assert [r["call"] for r in rows] == [CALL] and err == ""


def test_query_says_when_no_stored_name_matches(store, capsys):
    rows, err = _calls_with(capsys, store, "Nobody")
    assert rows == []
    assert "nothing in the store is named 'Nobody' (--param actor)" in err


@pytest.mark.parametrize("names", ["cosic,strajescu", "ĆOSIĆ,MDA", "Ana Cosic"])
def test_show_finds_participants_without_case_or_accents(store, names, capsys):
    code, out, _ = _run(capsys, "show", "--store", store, "--participants", names, "--format", "svg")
    assert code == 0 and "Ćosić" in out


def test_show_with_no_match_says_which_name_matched_nobody(store, capsys):
    code, _, err = _run(capsys, "show", "--store", store, "--participants", "cosic,Nobody")
    assert code == 2
    assert "no encounter matches: no participant of any encounter matches 'Nobody'" in err
    assert "narrow" not in err


def test_show_with_names_that_never_met_on_that_date_says_so(store, capsys):
    code, _, err = _run(capsys, "show", "--store", store, "--participants", "cosic,strajescu", "--date", "2025")
    assert code == 2
    assert "no encounter of 'cosic' with 'strajescu' dated 2025" in err and "narrow" not in err


def _served(store: str, path: str) -> tuple[str, str]:
    """The CSV body and the Kg-Not-Found header of ``GET path`` from a kg serve over the store."""
    import urllib.parse
    import urllib.request

    from kg.store import open_store
    from tests.store.test_serve import serving

    opened = open_store(store, read_only=True)
    try:
        with serving(opened) as base, urllib.request.urlopen(base + path, timeout=30) as response:
            return response.read().decode(), urllib.parse.unquote(response.headers.get("Kg-Not-Found") or "")
    finally:
        opened.close()


def test_served_saved_queries_fold_names_and_say_what_matched_nothing(store):
    """Issue 16: the endpoint's /saved/ queries (the query page of kg serve runs them) compare names as
    kg query does, and an empty answer says which name matched nothing (a Kg-Not-Found header)."""
    body, missing = _served(store, "/saved/calls-with?actor=cosic&format=csv")
    assert [r["participant"] for r in csv.DictReader(io.StringIO(body))] == ["Ana Ćosić"] and missing == ""
    body, missing = _served(store, "/saved/calls-with?actor=Nob%C3%B6dy&format=csv")
    assert list(csv.DictReader(io.StringIO(body))) == []
    assert missing == "no stored name matches actor 'Nobödy'"
