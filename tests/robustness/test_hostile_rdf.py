"""`kg load` and `kg validate` against RDF files that would lose data or crash (issue 17): a file naming the
gazetteer's graph, a blank-node graph label, an RDF 1.2 triple term, JSON-LD nested thousands deep, an
unreadable folder. Each is refused up front, naming the construct; the other files still load."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg import walk
from kg.cli import main
from kg.ingest.rdf_files import load_files
from kg.rdf.iris import ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kg.rdf.json_depth import too_deep
from kg.store import open_store

GOOD = b'<http://example.org/s> <http://example.org/p> "o" <http://example.org/g> .\n'


def _store_with_reference(location: str) -> None:
    store = open_store(location)
    store.replace_graphs({NamedNode(graph): [
        Quad(NamedNode(f"http://example.org/leader/{n}"), NamedNode("http://example.org/name"), Literal(str(n)),
             NamedNode(graph)) for n in range(10)] for graph in (REFERENCE_GRAPH, ONTOLOGY_GRAPH)})
    store.close()


def _count(location: str, graph: str) -> int:
    store = open_store(location, read_only=True)
    try:
        return sum(1 for q in store.quads() if q.graph_name == NamedNode(graph))
    finally:
        store.close()


@pytest.mark.parametrize("graph", [REFERENCE_GRAPH, ONTOLOGY_GRAPH])
def test_a_file_naming_a_protected_graph_is_refused_without_the_flag(tmp_path, capsys, graph):
    location = str(tmp_path / "store")
    _store_with_reference(location)
    hostile = tmp_path / "gaz.nq"
    hostile.write_bytes(f'<http://example.org/x> <http://example.org/p> "1" <{graph}> .\n'.encode())
    good = tmp_path / "z-good.nq"
    good.write_bytes(GOOD)
    assert main(["load", "--store", location, str(hostile), str(good)]) == 2
    err = capsys.readouterr().err
    assert graph in err and "--replace-reference" in err
    assert _count(location, graph) == 10 and _count(location, "http://example.org/g") == 1
    assert main(["load", "--store", location, "--replace-reference", str(hostile)]) == 0
    assert _count(location, graph) == 1


def test_a_whole_reference_graph_as_kg_writes_it_loads_back(tmp_path, sample_store):
    """An export carries the graphs with their content digest: loading it into a store replaces them whole
    (kg ingest rewrites them from the gazetteer when the digest is not the current one)."""
    from kg.query.export import export

    location = str(tmp_path / "store")
    _store_with_reference(location)
    export(sample_store, "nquads", tmp_path / "export.nq")
    assert main(["load", "--store", location, str(tmp_path / "export.nq")]) == 0
    expected = sum(1 for q in sample_store.quads() if q.graph_name == NamedNode(REFERENCE_GRAPH))
    assert _count(location, REFERENCE_GRAPH) == expected > 10


def test_graph_option_naming_the_reference_graph_is_refused(tmp_path, capsys):
    location = str(tmp_path / "store")
    _store_with_reference(location)
    turtle = tmp_path / "a.ttl"
    turtle.write_text("<http://example.org/s> <http://example.org/p> 1 .\n", encoding="utf-8")
    assert main(["load", "--store", location, "--graph", REFERENCE_GRAPH, str(turtle)]) == 2
    assert "--replace-reference" in capsys.readouterr().err
    assert _count(location, REFERENCE_GRAPH) == 10


@pytest.mark.parametrize(("line", "named"), [
    (b'<http://example.org/s> <http://example.org/p> "o" _:g .\n', "blank node"),
    (b"<http://example.org/s> <http://example.org/p> <<( <http://example.org/a> <http://example.org/b> "
     b"<http://example.org/c> )>> <http://example.org/g2> .\n", "triple term"),
])
def test_unsupported_constructs_are_named_and_the_next_file_loads(tmp_path, line, named):
    bad, good = tmp_path / "a-bad.nq", tmp_path / "b-good.nq"
    bad.write_bytes(GOOD.replace(b"/g>", b"/other>") + line)
    good.write_bytes(GOOD)
    store = open_store("memory:")
    report = load_files([bad, good], store)
    assert [p.where for p in report.problems] == [str(bad)]
    assert named in report.problems[0].what and "quad 2" in report.problems[0].what
    assert report.files == [str(good)]
    assert {q.graph_name.value for q in store.quads()} == {"http://example.org/g"}  # nothing of the bad file


def _deep_jsonld(path, depth: int = 5000) -> None:
    path.write_text('{"@id": "http://example.org/a", "http://example.org/p": ' + '{"http://example.org/p": ' * depth
                    + '"x"' + "}" * depth + "}", encoding="utf-8")


@pytest.mark.parametrize("command", ["load", "validate"])
def test_jsonld_nested_5000_deep_is_a_clear_error_not_a_crash(tmp_path, command):
    deep = tmp_path / "deep.jsonld"
    _deep_jsonld(deep)
    args = [sys.executable, "-m", "kg.cli", command, str(deep)]
    if command == "load":
        args += ["--store", "memory:"]
    done = subprocess.run(args, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 2, (done.returncode, done.stderr[-500:])
    assert "nests deeper than" in done.stderr and "Traceback" not in done.stderr


def test_brackets_in_strings_do_not_count_as_depth(tmp_path):
    text = b'{"@id": "http://example.org/a", "http://example.org/p": "' + b"[{\\\"" * 5000 + b'"}'
    assert too_deep(io.BytesIO(text)) is None
    assert too_deep(io.BytesIO(b"[" * 1001)) == 1000


def test_an_unreadable_folder_is_reported_by_load(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.nq").write_bytes(GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = walk.os.scandir

    def scandir(path):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(walk.os, "scandir", scandir)
    report = load_files([tmp_path], open_store("memory:"))
    assert report.files == [str(tmp_path / "ok" / "a.nq")]
    assert [(p.where, "Permission denied" in p.what) for p in report.problems] == [(str(locked), True)]
