"""Bulk paths: the union export streams and still writes each triple once; the progress line; the corpus
generator of the benchmarks."""

from __future__ import annotations

import importlib.util
import io
import sys

from pyoxigraph import NamedNode, Quad

from kg.cli.progress import ProgressBar, count_articles
from kg.store.oxigraph_store import OxigraphStore
from tests.conftest import REPO


def test_union_triples_are_distinct_across_graphs_and_default_graph():
    a, b, g, h = (NamedNode(f"http://example.org/{x}") for x in "abgh")
    store = OxigraphStore(None)
    store._store.extend([Quad(a, a, a, g), Quad(a, a, a, h), Quad(a, a, b, h), Quad(b, b, b, g), Quad(a, a, a),
                         Quad(b, a, a)])
    triples = [str(t) for t in store.triples()]
    assert len(triples) == len(set(triples)) == 4


def test_progress_bar_draws_rate_and_eta():
    stream = io.StringIO()
    bar = ProgressBar(10, stream, interval=0)
    bar(5)
    bar.close()
    text = stream.getvalue()
    assert "5/10 articles" in text and "/s" in text and "ETA" in text and text.endswith("\n")


def test_count_articles(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    assert count_articles([tmp_path]) == 3


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_benchmark_corpus_is_deterministic_and_readable(tmp_path):
    from kg.articles import read_paths
    from kg.records import Article

    corpus = _corpus_module()
    first = [a.as_json() for a in corpus.generate(5, seed=7)]
    assert first == [a.as_json() for a in corpus.generate(5, seed=7)]
    assert first[:3] == [a.as_json() for a in corpus.generate(3, seed=7)]  # article i depends on (seed, i) only
    corpus.write_corpus(5, tmp_path / "txt", seed=7)
    articles = [a for a in read_paths([tmp_path / "txt"]) if isinstance(a, Article)]
    assert len(articles) == 5 and all(a.published and a.title for a in articles)
    assert all(600 <= len(a.text.split()) <= 900 for a in articles)


class _RecordingStore:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def replace_graphs(self, graphs) -> None:
        self.calls.append(f"write {len(graphs)}")

    def flush(self) -> None:
        self.calls.append("flush")


def test_ingest_flushes_the_store_every_so_many_articles(monkeypatch):
    from kg.ingest import pipeline

    monkeypatch.setattr(pipeline, "SYNC_EVERY", 3)
    store = _RecordingStore()
    writer = pipeline._BatchWriter(store, 2, pipeline.IngestReport())  # type: ignore[arg-type]
    for n in range(3):
        writer.batch = {NamedNode(f"http://example.org/g{n}a"): [], NamedNode(f"http://example.org/g{n}b"): []}
        writer.flush()
    writer.sync()
    assert store.calls == ["write 2", "write 2", "flush", "write 2", "flush"]
