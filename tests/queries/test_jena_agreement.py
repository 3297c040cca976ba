"""The exported Turtle is valid for an independent parser (Jena riot), and every saved query gives the
same rows through Jena ARQ on that file as through `kg query` on the store."""

from __future__ import annotations

import csv
import io
import subprocess

import pytest

from kg.query.export import export
from kg.query.results import format_rows, run_query
from kg.query.saved import catalogue
from tests.conftest import JENA

pytestmark = pytest.mark.skipif(
    not JENA.exists(), reason="../shared/tools/jena (Apache Jena wrapper) is not beside the checkout"
)

PARAMS = {
    "calls-with": {"actor": "Putin"},
    "stances": {},
    "articles-mentioning": {"country": "CUB"},
    "evidence": {"country": "IRN"},
}


def _jena(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(JENA), *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def turtle(sample_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "graph.ttl"
    export(sample_store, "turtle", path)
    return path


def test_export_validates_in_jena(turtle):
    result = _jena("riot", "--validate", str(turtle))
    assert result.returncode == 0, result.stderr[-2000:]


def _normalised(csv_text: str) -> list[tuple[str, ...]]:
    rows = list(csv.reader(io.StringIO(csv_text)))
    return sorted(tuple(cell.strip() for cell in row) for row in rows[1:] if row)


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_saved_query_same_rows_in_jena(name, sample_store, turtle, tmp_path):
    query = catalogue()[name]
    params = dict(PARAMS.get(name, {}))
    if name == "evidence":
        calls = run_query(sample_store, catalogue()["calls"], {})
        params["call"] = next(row[0] for row in calls.values if row[2] == "2026-02-04")
    ours = run_query(sample_store, query, params)
    assert ours.values, f"{name} returns rows on the sample articles"
    bound = tmp_path / f"{name}.rq"
    bound.write_text(query.bind(params), encoding="utf-8")
    result = _jena("sparql", f"--data={turtle}", f"--query={bound}", "--results=csv")
    assert result.returncode == 0, result.stderr[-2000:]
    assert _normalised(result.stdout) == _normalised(format_rows(ours, "csv"))
