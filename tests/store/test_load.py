"""`kg load`: RDF files into the store, streaming, with the replace-per-graph semantics of `kg ingest`."""

from __future__ import annotations

import gzip

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.cli import main
from kg.ingest import rdf_files as load
from kg.ingest.rdf_files import format_of, load_files
from kg.query.export import EXTENSIONS, export
from kg.rdf import iris
from kg.store import open_store
from tests.contract.conftest import canonical

EX = "https://example.org/load/"
G1, G2 = NamedNode(EX + "g1"), NamedNode(EX + "g2")
S, P = NamedNode(EX + "s"), NamedNode(EX + "p")


@pytest.fixture
def store():
    opened = open_store("memory:")
    yield opened
    opened.close()


@pytest.mark.parametrize("fmt", ["nquads", "trig", "jsonld"])
def test_every_dataset_export_loads_back_to_the_same_store(fmt, sample_store, sample_quads, store, tmp_path):
    path = tmp_path / f"sample{EXTENSIONS[fmt]}"
    export(sample_store, fmt, path)
    report = load_files([path], store)
    assert not report.problems
    assert canonical(store.quads()) == canonical(sample_quads)


def test_gzipped_files_and_folders_load(sample_store, sample_quads, store, tmp_path):
    export(sample_store, "nquads", tmp_path / "plain.nq")
    (tmp_path / "shards").mkdir()
    (tmp_path / "shards" / "a.nq.gz").write_bytes(gzip.compress((tmp_path / "plain.nq").read_bytes()))
    (tmp_path / "shards" / "notes.txt").write_text("not RDF, not picked up from a folder\n")
    report = load_files([tmp_path / "shards"], store)
    assert report.files == [str(tmp_path / "shards" / "a.nq.gz")] and not report.problems
    assert canonical(store.quads()) == canonical(sample_quads)


def test_a_named_graph_in_the_file_replaces_the_stores_graph(store, tmp_path):
    store.replace_graphs({G1: [Quad(S, P, Literal("old"), G1)], G2: [Quad(S, P, Literal("untouched"), G2)]})
    (tmp_path / "new.nq").write_text(f'{S} {P} "new" {G1} .\n')
    load_files([tmp_path / "new.nq"], store)
    load_files([tmp_path / "new.nq"], store)
    assert set(store.quads()) == {Quad(S, P, Literal("new"), G1), Quad(S, P, Literal("untouched"), G2)}


def test_a_graph_met_again_further_down_a_file_is_added_to(store, tmp_path):
    (tmp_path / "split.trig").write_text(f'{G1} {{ {S} {P} "a" }}\n{G2} {{ {S} {P} "b" }}\n{G1} {{ {S} {P} "c" }}\n')
    load_files([tmp_path / "split.trig"], store, batch_quads=1)
    assert {q.object.value for q in store.quads() if q.graph_name == G1} == {"a", "c"}


def test_triples_go_to_a_graph_per_file_or_to_the_given_graph(store, tmp_path):
    (tmp_path / "one.ttl").write_text(f'{S} {P} "one" .\n')
    (tmp_path / "two.nt").write_text(f'{S} {P} "two" .\n')
    load_files([tmp_path / "one.ttl", tmp_path / "two.nt"], store)
    assert {(q.graph_name, q.object.value) for q in store.quads()} == {
        (iris.file_graph("one.ttl"), "one"), (iris.file_graph("two.nt"), "two")}
    target = NamedNode(EX + "target")
    for _ in range(2):  # the target is replaced once per load, then filled by every file
        load_files([tmp_path / "one.ttl", tmp_path / "two.nt"], store, graph=target)
    assert {q.object.value for q in store.quads() if q.graph_name == target} == {"one", "two"}


def test_a_graph_larger_than_the_cap_is_loaded_in_parts_with_its_blank_nodes_joined(
        monkeypatch, sample_store, sample_quads, store, tmp_path):
    monkeypatch.setattr(load, "GRAPH_CAP", 50)  # the ontology graph (blank nodes) and the reference graph split
    export(sample_store, "nquads", tmp_path / "sample.nq")
    store.replace_graphs({iris.ontology_graph(): [Quad(S, P, Literal("stale"), iris.ontology_graph())]})
    load_files([tmp_path / "sample.nq"], store, batch_quads=120)
    assert canonical(store.quads()) == canonical(sample_quads)


def test_a_file_with_a_syntax_error_loads_nothing_and_the_others_load(store, tmp_path, capsys):
    (tmp_path / "good.nq").write_text(f'{S} {P} "good" {G1} .\n')
    (tmp_path / "bad.nq").write_text(f'{S} {P} "fine" {G2} .\n{S} {P} "unclosed {G2} .\n')
    location = str(tmp_path / "store")
    code = main(["load", "--store", location, str(tmp_path / "bad.nq"), str(tmp_path / "good.nq")])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{tmp_path / 'bad.nq'}:2:" in err and "nothing of it was loaded" in err
    assert "loaded 1 file(s), skipped 1" in err
    reopened = open_store(location, read_only=True)
    assert {q.object.value for q in reopened.quads()} == {"good"}
    reopened.close()


def test_unknown_suffixes_missing_files_and_bad_options_are_named(store, tmp_path, capsys):
    (tmp_path / "data.xyz").write_text("x")
    report = load_files([tmp_path / "data.xyz", tmp_path / "missing.nq"], store)
    assert [p.where for p in report.problems] == [str(tmp_path / "data.xyz"), str(tmp_path / "missing.nq")]
    assert "give --format" in report.problems[0].message
    assert format_of(tmp_path / "data.xyz", "turtle") == "turtle"
    assert main(["load", "--store", "memory:", "--graph", "not an iri", str(tmp_path / "data.xyz")]) == 2
    assert "--graph is not a valid IRI" in capsys.readouterr().err


class _RecordingStore:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def replace_graphs(self, graphs) -> None:
        self.calls.append(f"write {len(graphs)}")

    def add_quads(self, quads) -> None:
        self.calls.append(f"add {len(quads)}")

    def flush(self) -> None:
        self.calls.append("flush")


def test_a_long_load_flushes_the_store_every_so_many_quads(monkeypatch, tmp_path):
    monkeypatch.setattr(load, "SYNC_QUADS", 2)
    (tmp_path / "five.nq").write_text("".join(f'{S} {P} "{n}" <{EX}g{n}> .\n' for n in range(5)))
    store = _RecordingStore()
    load_files([tmp_path / "five.nq"], store, batch_quads=1)  # type: ignore[arg-type]
    assert store.calls == ["write 1", "write 1", "flush", "write 1", "write 1", "flush", "write 1", "flush"]


def test_a_graph_kg_load_filled_can_be_removed_by_name(tmp_path, capsys):
    (tmp_path / "one.ttl").write_text(f'{S} {P} "one" .\n')
    location = str(tmp_path / "store")
    assert main(["load", "--store", location, str(tmp_path / "one.ttl")]) == 0
    graph = iris.file_graph("one.ttl").value
    assert main(["remove", "--store", location, "--graph", graph]) == 0
    assert main(["remove", "--store", location, "--graph", graph]) == 2
    assert f"no graph <{graph}> in the store" in capsys.readouterr().err
    assert main(["remove", "--store", location]) == 2


def test_an_unknown_format_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.nq").write_text("")
    assert main(["load", "--store", "memory:", "--format", "rdfxml", str(tmp_path / "a.nq")]) == 2
    assert "unknown RDF format 'rdfxml'" in capsys.readouterr().err
