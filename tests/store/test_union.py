"""The embedded store's default graph is the union of its named graphs as a set: a triple several graphs hold
counts once, through every kind of write, and a store written without it gets it when opened."""

from __future__ import annotations

import pytest
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad
from pyoxigraph import Store as OxStore

from kg.errors import QueryError
from kg.store import open_store

EX = "https://example.org/union/"
G1, G2, G3 = (NamedNode(EX + f"g{i}") for i in (1, 2, 3))
S, P = NamedNode(EX + "s"), NamedNode(EX + "p")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _count(store, query: str = COUNT) -> int:
    return int(next(iter(store.select(query)))["n"].value)


@pytest.fixture(params=["memory", "directory"])
def store(request, tmp_path):
    opened = open_store("memory:" if request.param == "memory" else str(tmp_path / "store"))
    yield opened
    opened.close()


def _shared(graph: NamedNode, *extra: str) -> list[Quad]:
    return [Quad(S, P, Literal("shared"), graph)] + [Quad(S, P, Literal(x), graph) for x in extra]


def test_a_triple_two_graphs_hold_counts_once(store):
    store.replace_graphs({G1: _shared(G1, "one"), G2: _shared(G2)})
    assert _count(store) == 2
    assert _count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == 3
    assert len(list(store.query(f"DESCRIBE {S}"))) == 2


def test_the_union_follows_replace_remove_and_add(store):
    store.replace_graphs({G1: _shared(G1, "one"), G2: _shared(G2, "two")})
    store.replace_graphs({G1: _shared(G1)})  # G1 no longer says "one"
    assert _count(store) == 2
    assert store.remove_graph(G2)  # "shared" is still in G1, "two" goes
    assert [row["o"].value for row in store.select("SELECT ?o WHERE { ?s ?p ?o }")] == ["shared"]
    store.add_quads(_shared(G3, "three"))
    assert _count(store) == 2
    store.replace_graphs({G1: [], G3: []})
    assert _count(store) == 0


def test_blank_nodes_keep_their_identity_in_the_union(store):
    node = BlankNode()
    store.add_quads([Quad(node, P, Literal("a"), G1), Quad(S, P, node, G1)])
    assert _count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {S} {P} ?b . ?b {P} ?v }}") == 1


def test_an_update_on_named_graphs_keeps_the_union(store):
    store.replace_graphs({G1: _shared(G1)})
    store.update(f'INSERT DATA {{ GRAPH {G2} {{ {S} {P} "shared", "new" }} }} ;')
    assert _count(store) == 2
    store.update(f"DROP GRAPH {G1} # a comment at the end")
    assert _count(store) == 2
    store.update(f"CLEAR GRAPH {G2}")
    assert _count(store) == 0


def test_an_update_into_the_default_graph_is_refused(store):
    with pytest.raises(QueryError, match="default graph"):
        store.update(f'INSERT DATA {{ {S} {P} "nowhere" }}')
    assert _count(store) == 0


def test_a_store_written_without_the_union_gets_it_when_opened(tmp_path):
    location = tmp_path / "old"
    raw = OxStore(str(location))
    raw.extend(_shared(G1, "one") + _shared(G2))
    raw.flush()
    del raw
    reader = open_store(str(location), read_only=True)
    assert _count(reader) == 2
    reader.close()
    raw = OxStore.read_only(str(location))
    assert len(list(raw.quads_for_pattern(None, None, None, DefaultGraph()))) == 2


def test_a_read_only_store_sees_what_a_writer_added(tmp_path):
    location = str(tmp_path / "store")
    writer = open_store(location)
    writer.replace_graphs({G1: _shared(G1)})
    writer.close()
    reader = open_store(location, read_only=True)
    assert reader.refresh() is False
    writer = open_store(location)  # a read-only open holds no lock: kg ingest while kg serve runs
    writer.replace_graphs({G2: _shared(G2, "two")})
    writer.flush()
    writer.close()
    assert _count(reader) == 1
    assert reader.refresh() is True
    assert _count(reader) == 2
    reader.close()
