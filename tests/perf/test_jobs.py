"""``--jobs 2`` (worker processes, each with its own pipeline) gives the same graph as ``--jobs 1``."""

from __future__ import annotations

from kg.cli import main
from kg.pipeline import ingest
from kg.settings import Settings
from kg.store import open_store
from tests.conftest import SAMPLES


def _article_quads(store_dir, capsys) -> list[str]:
    assert main(["export", "--store", str(store_dir), "--format", "nquads"]) == 0
    lines = capsys.readouterr().out.splitlines()
    return sorted(line for line in lines if "/graph/ontology>" not in line)  # the ontology's blank nodes are fresh


def test_two_jobs_give_the_same_graph_as_one(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KG_BATCH_SIZE", "1")  # one article per chunk: both workers get work
    for jobs in ("1", "2"):
        assert main(["ingest", "--store", str(tmp_path / jobs), "--jobs", jobs, str(SAMPLES)]) == 0
        err = capsys.readouterr().err
        assert "ingested 2 article(s)" in err
        assert "ETA" not in err  # no progress line when standard error is not a terminal
    one, two = _article_quads(tmp_path / "1", capsys), _article_quads(tmp_path / "2", capsys)
    assert one and one == two


def test_progress_callback_counts_articles():
    seen: list[int] = []
    report = ingest([SAMPLES], open_store("memory:"), Settings(store="memory:"), progress=seen.append)
    assert seen == [1, 2] and len(report.articles) == 2
