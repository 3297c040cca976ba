"""Every saved query, the evaluation read-back and the quads give identical answers on every store kind."""

from __future__ import annotations

import pytest

from kg.errors import StoreError
from kg.evaluation.predictions import read_predictions
from kg.query.results import run_query
from kg.query.saved import catalogue
from kg.settings import Settings
from kg.store import open_store
from tests.contract.conftest import canonical

PARAMS = {
    "calls-with": {"actor": "Putin"},
    "articles-mentioning": {"country": "CUB"},
    "evidence": {"country": "IRN",
                 "call": "https://w3id.org/kg-diplomacy/id/encounter/2026-02-04/remote/vladimir-putin--xi-jinping"},
}


def saved_query_cases() -> list[tuple[str, dict[str, str]]]:
    """Each saved query with the parameters used on the samples (plus ``stances`` with no holder)."""
    return [(name, PARAMS.get(name, {})) for name in sorted(catalogue())]


@pytest.mark.parametrize(("name", "params"), saved_query_cases(), ids=[n for n, _ in saved_query_cases()])
def test_saved_query_same_rows(name, params, loaded_store, sample_store):
    query = catalogue()[name]
    expected = run_query(sample_store, query, params)
    got = run_query(loaded_store, query, params)
    assert expected.values, f"{name} returns rows on the sample articles"
    assert got.columns == expected.columns
    assert sorted(got.values) == sorted(expected.values)


def test_same_quads(loaded_store, sample_quads):
    assert canonical(loaded_store.quads()) == canonical(sample_quads)
    assert sorted(map(str, loaded_store.graphs())) == sorted({str(q.graph_name) for q in sample_quads})


def test_same_predictions(loaded_store, sample_store):
    assert read_predictions(loaded_store) == read_predictions(sample_store)


def test_server_union_mode_needs_the_server_option(stores, sample_quads, loaded_store, request):
    """``store_union=server`` on a server that does not union its graphs is refused with what to do."""
    if request.node.callspec.params["loaded_store"] != "server":
        pytest.skip("checked once, on the plain server")
    url = loaded_store.location
    store = open_store(url, settings=Settings(store=url, store_union="server", store_retries=0))
    with pytest.raises(StoreError, match="--union-default-graph"):
        store.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
