"""The existing commands on a remote store: `kg ingest/query/export/remove --store http://...` against a
real Oxigraph server, configured through the environment as a user would."""

from __future__ import annotations

import csv
import io

import pytest

from kg.cli import main
from tests.conftest import SAMPLES
from tests.contract.servers import NO_OXIGRAPH, OXIGRAPH, oxigraph_server

pytestmark = [pytest.mark.skipif(not OXIGRAPH.exists(), reason=NO_OXIGRAPH), pytest.mark.external, pytest.mark.slow]


@pytest.mark.parametrize("gsp", ["", "none"], ids=["graph-store", "sparql-update"])
def test_commands_on_a_server_store(tmp_path, capsys, monkeypatch, gsp):
    monkeypatch.setenv("KG_STORE_GSP_URL", gsp)
    monkeypatch.setenv("KG_STORE_RETRIES", "0")
    with oxigraph_server(tmp_path / "db") as url:
        assert main(["ingest", "--store", url, str(SAMPLES)]) == 0
        capsys.readouterr()
        assert main(["export", "--store", url, "--format", "nquads"]) == 0
        nquads = capsys.readouterr().out
        assert main(["query", "--store", url, "calls", "--format", "csv"]) == 0
        assert len(list(csv.DictReader(io.StringIO(capsys.readouterr().out)))) == 2
        assert main(["remove", "--store", url, "003_b589b2e0dcd69780"]) == 0
        assert main(["query", "--store", url, "calls", "--format", "csv"]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["date"] for r in rows] == ["2026-02-04"]
    assert "graph/article/" in nquads and "<https://w3id.org/kg-diplomacy/graph/reference>" in nquads
