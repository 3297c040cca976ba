"""``--jobs 2`` (worker processes, each with its own pipeline) gives the same graph as ``--jobs 1``."""

from __future__ import annotations

from kg.cli import main
from kg.ingest.pipeline import ingest
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


def test_the_parent_of_workers_never_loads_spacy_and_replaced_workers_give_the_same_graph(tmp_path, capsys):
    """With --jobs 2 the parent only maps and writes (the model lives in the workers, ~100 MB less), and a
    worker replaced after every chunk (spaCy's string store only grows) changes nothing in the graph."""
    import subprocess
    import sys

    program = f"""
import sys
import kg.ingest.workers
kg.ingest.workers.CHUNKS_PER_WORKER = 1
from kg.ingest.pipeline import ingest
from kg.settings import Settings
from kg.store import open_store
store = open_store({str(tmp_path / "two")!r})
report = ingest([__import__("pathlib").Path({str(SAMPLES)!r})], store, Settings(jobs=2, batch_size=1))
store.close()
assert len(report.articles) == 2, report.problems
print("spacy" in sys.modules, "thinc" in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]
    assert main(["ingest", "--store", str(tmp_path / "one"), str(SAMPLES)]) == 0
    capsys.readouterr()
    assert _article_quads(tmp_path / "one", capsys) == _article_quads(tmp_path / "two", capsys)
