"""The store contract: every store kind behaves the same for what kg asks of a store."""

from __future__ import annotations

import io

import pytest
from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, RdfFormat, parse

from kg.errors import StoreError
from kg.store import open_store
from tests.contract.conftest import canonical, remote_settings

EX = "https://example.org/contract/"
G1, G2 = NamedNode(EX + "g1"), NamedNode(EX + "g2")
S, P, Q = NamedNode(EX + "s"), NamedNode(EX + "p"), NamedNode(EX + "q")
XSD = "http://www.w3.org/2001/XMLSchema#"

AWKWARD = [
    Literal("plain"),
    Literal("Привет, 世界 ✓", language="ru"),
    Literal('quote " backslash \\ newline \n tab \t end'),
    Literal("2026-02", datatype=NamedNode(XSD + "gYearMonth")),
    Literal("42", datatype=NamedNode(XSD + "integer")),
    NamedNode(EX + "with%20percent-and-%C3%A9"),
]


def _rows(solutions: QuerySolutions) -> list[tuple]:
    return sorted(tuple(str(row[v]) for v in solutions.variables) for row in solutions)


def test_replace_writes_and_lists_graphs(empty_store):
    quads = [Quad(S, P, o, G1) for o in AWKWARD]
    empty_store.replace_graphs({G1: quads})
    assert set(empty_store.quads()) == set(quads)
    assert empty_store.graphs() == [G1]


def test_replace_replaces_and_is_idempotent(empty_store):
    empty_store.replace_graphs({G1: [Quad(S, P, Literal("old"), G1)], G2: [Quad(S, P, Literal("two"), G2)]})
    new = {G1: [Quad(S, P, Literal("new"), G1)]}
    empty_store.replace_graphs(new)
    empty_store.replace_graphs(new)
    assert set(empty_store.quads()) == {Quad(S, P, Literal("new"), G1), Quad(S, P, Literal("two"), G2)}


def test_replace_with_nothing_empties_the_graph(empty_store):
    empty_store.replace_graphs({G1: [Quad(S, P, Literal("x"), G1)]})
    empty_store.replace_graphs({G1: []})
    assert list(empty_store.quads()) == []
    assert empty_store.graphs() == []


def test_remove_graph(empty_store):
    empty_store.replace_graphs({G1: [Quad(S, P, Literal("x"), G1)], G2: [Quad(S, P, Literal("y"), G2)]})
    assert empty_store.remove_graph(G1) is True
    assert empty_store.remove_graph(G1) is False
    assert [q.graph_name for q in empty_store.quads()] == [G2]


def test_queries_see_the_union_and_the_graphs(empty_store):
    empty_store.replace_graphs({G1: [Quad(S, P, NamedNode(EX + "o"), G1)],
                                G2: [Quad(NamedNode(EX + "o"), Q, Literal("joined"), G2)]})
    union = empty_store.select(f"SELECT ?v WHERE {{ {S} {P} ?o . ?o {Q} ?v }}")
    assert [str(row["v"]) for row in union] == ['"joined"']
    per_graph = empty_store.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ {S} {P} ?o }} }}")
    assert _rows(per_graph) == [(str(G1),)]
    assert empty_store.ask(f"ASK {{ GRAPH {G2} {{ ?s {Q} ?v }} }}") is True
    assert empty_store.ask(f"ASK {{ GRAPH {G1} {{ ?s {Q} ?v }} }}") is False


def test_terms_round_trip_through_select(empty_store):
    empty_store.replace_graphs({G1: [Quad(S, P, o, G1) for o in AWKWARD]})
    got = [row["o"] for row in empty_store.select(f"SELECT ?o WHERE {{ {S} {P} ?o }}")]
    assert sorted(map(str, got)) == sorted(map(str, AWKWARD))


def test_triples_are_distinct_over_graphs(empty_store):
    empty_store.replace_graphs({G1: [Quad(S, P, Literal("same"), G1)], G2: [Quad(S, P, Literal("same"), G2)]})
    assert len(list(empty_store.triples())) == 1


def test_dump_quads_round_trips(empty_store):
    quads = [Quad(S, P, o, G1) for o in AWKWARD] + [Quad(S, Q, Literal("x"), G2)]
    empty_store.replace_graphs({G1: quads[:-1], G2: quads[-1:]})
    for name, fmt in (("nquads", RdfFormat.N_QUADS), ("trig", RdfFormat.TRIG)):
        out = io.BytesIO()
        empty_store.dump_quads(out, name)
        assert canonical(parse(out.getvalue(), fmt)) == canonical(quads), name


def test_a_read_only_store_refuses_writes(empty_store, request):
    kind = request.node.callspec.params["empty_store"]
    if kind == "memory":
        pytest.skip("a memory store has no read-only mode")
    if kind == "directory":
        empty_store.replace_graphs({G1: [Quad(S, P, Literal("x"), G1)]})
        location = empty_store.location
        empty_store.close()
        reader = open_store(location, read_only=True)
    else:
        url = empty_store.location
        reader = open_store(url, read_only=True, settings=remote_settings(url, kind))
    with pytest.raises(StoreError):
        reader.replace_graphs({G2: [Quad(S, P, Literal("y"), G2)]})
    reader.close()


def test_add_quads_keeps_what_the_graphs_hold(empty_store):
    empty_store.replace_graphs({G1: [Quad(S, P, Literal("first"), G1)]})
    empty_store.add_quads([Quad(S, P, Literal("second"), G1), Quad(S, Q, Literal("other"), G2)])
    assert set(empty_store.quads()) == {Quad(S, P, Literal("first"), G1), Quad(S, P, Literal("second"), G1),
                                        Quad(S, Q, Literal("other"), G2)}


def test_kg_load_of_an_export_rebuilds_the_store(empty_store, sample_store, sample_quads, tmp_path):
    from kg.ingest.rdf_files import load_files
    from kg.query.export import export

    export(sample_store, "nquads", tmp_path / "sample.nq")
    empty_store.replace_graphs({G1: [Quad(S, P, Literal("kept"), G1)]})
    for _ in range(2):  # loading again changes nothing
        report = load_files([tmp_path / "sample.nq"], empty_store, batch_quads=1000)
        assert not report.problems and report.quads == len(sample_quads)
    assert canonical(empty_store.quads()) == canonical([*sample_quads, Quad(S, P, Literal("kept"), G1)])
