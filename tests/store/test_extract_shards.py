"""Scale-out: `kg extract` writes a shard's N-Quads without a store; shards loaded separately into one store
give the same graph as one ingest of all the articles (same IRIs, merged encounters)."""

from __future__ import annotations

from pyoxigraph import RdfFormat
from pyoxigraph import Store as OxStore

from kg.cli import main
from kg.query.results import run_query
from kg.query.saved import catalogue
from kg.rdf import iris
from kg.store import open_store
from tests.conftest import SAMPLES
from tests.contract.conftest import by_graph, canonical


def test_two_shards_give_the_same_graph_as_one_ingest(tmp_path, sample_store, sample_quads, capsys):
    first, second = sorted(SAMPLES.glob("*.txt"))
    assert main(["extract", str(first), "--out", str(tmp_path / "a.nq")]) == 0
    assert main(["extract", str(second), "--out", str(tmp_path / "b.nq"), "--no-reference"]) == 0
    assert "extracted 1 article(s)" in capsys.readouterr().err

    loaded = OxStore()  # what a bulk loader does: each shard file in, as it is
    for shard in ("a.nq", "b.nq"):
        loaded.bulk_load(path=str(tmp_path / shard), format=RdfFormat.N_QUADS)
    assert canonical(loaded) == canonical(sample_quads)

    store = open_store("memory:")
    store.replace_graphs(by_graph(loaded))
    for name in ("calls", "countries-discussed-per-call"):
        assert run_query(store, catalogue()[name], {}) == run_query(sample_store, catalogue()[name], {})


def test_a_shard_without_reference_holds_only_article_graphs(tmp_path):
    first = sorted(SAMPLES.glob("*.txt"))[0]
    assert main(["extract", str(first), "--out", str(tmp_path / "a.nq"), "--no-reference"]) == 0
    shard = OxStore()
    shard.bulk_load(path=str(tmp_path / "a.nq"), format=RdfFormat.N_QUADS)
    graphs = set(shard.named_graphs())
    assert len(graphs) == 1 and iris.reference_graph() not in graphs and iris.ontology_graph() not in graphs


def test_shards_loaded_with_kg_load_give_the_same_graph_as_one_ingest(tmp_path, sample_quads):
    first, second = sorted(SAMPLES.glob("*.txt"))
    assert main(["extract", str(first), "--out", str(tmp_path / "a.nq")]) == 0
    assert main(["extract", str(second), "--out", str(tmp_path / "b.nq")]) == 0  # both with the reference graphs
    location = str(tmp_path / "store")
    assert main(["load", "--store", location, str(tmp_path / "a.nq"), str(tmp_path / "b.nq")]) == 0
    store = open_store(location, read_only=True)
    assert canonical(store.quads()) == canonical(sample_quads)
    store.close()


def test_a_shard_streams_to_its_file_without_building_a_store(tmp_path, monkeypatch):
    from kg.store import oxigraph_store

    def no_store(*args, **kwargs):
        raise AssertionError("kg extract must not hold the shard in a store")

    monkeypatch.setattr(oxigraph_store.OxigraphStore, "__init__", no_store)
    first = sorted(SAMPLES.glob("*.txt"))[0]
    assert main(["extract", str(first), "--out", str(tmp_path / "a.nq"), "--no-reference"]) == 0
    assert (tmp_path / "a.nq").stat().st_size > 0
