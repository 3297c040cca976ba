"""The N-Quads export loaded into Apache Jena TDB2 (``tdb2.tdbloader``) answers every saved query with the
same rows over the union of its graphs (``tdb:unionDefaultGraph``).

One query goes through ``tdb2.tdbquery`` itself, as a user would run it; all of them go through
``TdbQueries.java`` (the same engine and setting in one JVM: a JVM start per query would cost seconds each).
"""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest

from kg.query.export import export
from kg.query.results import format_rows, run_query
from kg.query.saved import catalogue
from tests.conftest import JENA
from tests.contract.test_saved_queries import saved_query_cases

pytestmark = pytest.mark.skipif(
    not JENA.exists(), reason="../shared/tools/jena (Apache Jena wrapper) is not beside the checkout"
)
RUNNER = Path(__file__).with_name("TdbQueries.java")
CASES = saved_query_cases()


def _jena(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(JENA), *args], capture_output=True, text=True, timeout=300)


def _normalised(csv_text: str) -> list[tuple[str, ...]]:
    rows = list(csv.reader(io.StringIO(csv_text)))
    return sorted(tuple(cell.strip() for cell in row) for row in rows[1:] if row)


@pytest.fixture(scope="module")
def tdb2(sample_store, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tdb2")
    export(sample_store, "nquads", root / "graph.nq")
    result = _jena("tdb2.tdbloader", "--loc", str(root / "db"), str(root / "graph.nq"))
    assert result.returncode == 0, result.stderr[-2000:]
    return root / "db"


@pytest.fixture(scope="module")
def tdb2_answers(tdb2) -> dict[str, str]:
    """Each saved query (bound with its sample parameters) run in TDB2: name -> CSV text."""
    files = {}
    for name, params in CASES:
        files[name] = tdb2.parent / f"{name}.rq"
        files[name].write_text(catalogue()[name].bind(params), encoding="utf-8")
    result = _jena(str(RUNNER), str(tdb2), *map(str, files.values()))
    assert result.returncode == 0, result.stderr[-2000:]
    return {name: Path(f"{path}.csv").read_text(encoding="utf-8") for name, path in files.items()}


@pytest.mark.parametrize(("name", "params"), CASES, ids=[n for n, _ in CASES])
def test_saved_query_same_rows_in_tdb2(name, params, sample_store, tdb2_answers):
    ours = run_query(sample_store, catalogue()[name], params)
    assert _normalised(tdb2_answers[name]) == _normalised(format_rows(ours, "csv"))


def test_tdbquery_command_with_union_default_graph(sample_store, tdb2, tmp_path):
    query = catalogue()["countries-discussed-per-call"]
    bound = tmp_path / "q.rq"
    bound.write_text(query.bind({}), encoding="utf-8")
    result = _jena("tdb2.tdbquery", "--loc", str(tdb2), "--set", "tdb:unionDefaultGraph=true",
                   "--query", str(bound), "--results=CSV")
    assert result.returncode == 0, result.stderr[-2000:]
    assert _normalised(result.stdout) == _normalised(format_rows(run_query(sample_store, query, {}), "csv"))
