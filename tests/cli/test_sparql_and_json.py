"""`kg sparql QUERY|FILE|-` (ad-hoc queries, the output formats of `kg query`) and typed `--format json`."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pyoxigraph import RdfFormat, parse

from kg.cli import main
from kg.store import open_store
from tests.contract.conftest import by_graph

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
CONSTRUCT = ("CONSTRUCT { ?e a ?t } WHERE { ?e a ?t . "
             "FILTER(?t = <https://w3id.org/kg-diplomacy/ontology#Encounter>) }")


@pytest.fixture(scope="module")
def store_dir(sample_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("sparql") / "store"
    store = open_store(str(path))
    store.replace_graphs(by_graph(sample_store.quads()))
    store.close()
    return str(path)


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_select_in_every_format(store_dir, sample_store, capsys):
    triples = len(list(sample_store.triples()))
    code, out, _ = _run(capsys, "sparql", "--store", store_dir, COUNT)
    assert code == 0 and str(triples) in out and "(1 row)" in out
    code, out, _ = _run(capsys, "sparql", "--store", store_dir, COUNT, "--format", "csv")
    assert list(csv.reader(io.StringIO(out))) == [["n"], [str(triples)]]
    code, out, _ = _run(capsys, "sparql", "--store", store_dir, COUNT, "--format", "tsv")
    assert out.splitlines() == ["n", str(triples)]
    code, out, _ = _run(capsys, "sparql", "--store", store_dir, COUNT, "--format", "json")
    assert json.loads(out) == [{"n": triples}]


def test_the_query_from_a_file_or_standard_input(store_dir, tmp_path, capsys, monkeypatch):
    path = tmp_path / "count.rq"
    path.write_text("# a comment\n" + COUNT + "\n", encoding="utf-8")
    code, from_file, _ = _run(capsys, "sparql", "--store", store_dir, str(path), "--format", "csv")
    assert code == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(COUNT))
    code, from_stdin, _ = _run(capsys, "sparql", "--store", store_dir, "-", "--format", "csv")
    assert code == 0 and from_stdin == from_file
    code, _, err = _run(capsys, "sparql", "--store", store_dir, str(tmp_path / "missing.rq"))
    assert code == 2 and "neither a file nor a SPARQL query" in err


def test_ask_and_construct(store_dir, capsys):
    code, out, _ = _run(capsys, "sparql", "--store", store_dir, "ASK { ?s ?p ?o }", "--format", "json")
    assert code == 0 and json.loads(out) == [{"ask": True}]
    code, out, _ = _run(capsys, "sparql", "--store", store_dir, CONSTRUCT, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {r["predicate"] for r in rows} == {"http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}
    code, out, _ = _run(capsys, "sparql", "--store", store_dir, CONSTRUCT, "--format", "turtle")
    assert code == 0 and len(list(parse(out.encode(), RdfFormat.TURTLE))) == len(rows)
    code, _, err = _run(capsys, "sparql", "--store", store_dir, COUNT, "--format", "turtle")
    assert code == 2 and "CONSTRUCT and DESCRIBE" in err


def test_a_syntax_error_names_line_and_column(store_dir, tmp_path, capsys):
    path = tmp_path / "bad.rq"
    path.write_text("SELECT *\nWHERE { ?s ex:p ?o }\n", encoding="utf-8")
    code, out, err = _run(capsys, "sparql", "--store", store_dir, str(path))
    assert code == 2 and out == ""
    assert f"{path}, line 2, column" in err and "unknown prefix 'ex:'" in err and "^" in err


def test_query_json_is_typed(store_dir, capsys):
    code, out, _ = _run(capsys, "query", "--store", store_dir, "calls", "--format", "json")
    calls = json.loads(out)
    assert code == 0 and calls and all(isinstance(c["articles"], int) for c in calls)
    code, out, _ = _run(capsys, "query", "--store", store_dir, "countries-discussed-per-call", "--format", "json")
    rows = json.loads(out)
    assert any(r["country"] is None for r in rows)  # an encounter with no third country discussed
    assert all(r["country"] != "" and r["date"] != "" for r in rows)
    code, out, _ = _run(capsys, "query", "--store", store_dir, "calls", "--format", "csv")
    assert next(csv.DictReader(io.StringIO(out)))["articles"].isdigit()  # CSV stays text
