"""Stores for the contract tests: the same tests run on each kind.

- ``memory``: the in-memory embedded store;
- ``directory``: the embedded Oxigraph store in a directory;
- ``server``: a real ``oxigraph serve`` (started here, stopped by pid), union by protocol dataset, GSP writes;
- ``server-union``: ``oxigraph serve --union-default-graph`` with ``store_union="server"``;
- ``server-update``: a real server written through SPARQL Update only (no Graph Store Protocol).

The sample articles are extracted once (the session ``sample_store``); the other stores get a copy of its
quads, written through their own ``replace_graphs``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from pyoxigraph import CanonicalizationAlgorithm, Dataset, NamedNode, Quad

from kg.settings import Settings
from kg.store import Store, open_store
from tests.contract.servers import NO_OXIGRAPH, OXIGRAPH, oxigraph_server

LOADED_KINDS = ("memory", "directory", "server", "server-union")
EMPTY_KINDS = ("memory", "directory", "server", "server-update")
SERVER_KINDS = {"server", "server-union", "server-update"}


def kinds(names: tuple[str, ...]) -> list:
    """Fixture params: the server kinds are marked external (they run the oxigraph server binary)."""
    return [pytest.param(n, marks=[pytest.mark.external, pytest.mark.slow]) if n in SERVER_KINDS else n
            for n in names]


def needs_oxigraph(kind: str) -> None:
    if kind in SERVER_KINDS and not OXIGRAPH.exists():
        pytest.skip(NO_OXIGRAPH)


def remote_settings(url: str, kind: str) -> Settings:
    return Settings(store=url, store_union="server" if kind == "server-union" else "dataset",
                    store_gsp_url="none" if kind == "server-update" else "", store_timeout=20.0, store_retries=0)


def by_graph(quads: Iterable[Quad]) -> dict[NamedNode, list[Quad]]:
    graphs: dict[NamedNode, list[Quad]] = defaultdict(list)
    for quad in quads:
        assert isinstance(quad.graph_name, NamedNode)
        graphs[quad.graph_name].append(quad)
    return dict(graphs)


def canonical(quads: Iterable[Quad]) -> set[Quad]:
    """The quads with blank nodes relabelled canonically (blank node ids differ between stores)."""
    dataset = Dataset(quads)
    dataset.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)


class Stores:
    """Opens stores of each kind for one session; servers are started on first use and stopped at the end."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.stack = ExitStack()
        self.servers: dict[str, str] = {}
        self.count = 0

    def _dir(self, name: str) -> Path:
        self.count += 1
        return self.root / f"{name}-{self.count}"

    def server(self, name: str, *, union: bool = False) -> str:
        if name not in self.servers:
            self.servers[name] = self.stack.enter_context(oxigraph_server(self._dir(name), union=union))
        return self.servers[name]

    def open(self, kind: str, server_name: str) -> Store:
        needs_oxigraph(kind)
        if kind == "memory":
            return open_store("memory:")
        if kind == "directory":
            return open_store(str(self._dir("dir")))
        url = self.server(server_name, union=kind == "server-union")
        return open_store(url, settings=remote_settings(url, kind))


@pytest.fixture(scope="session")
def stores(tmp_path_factory) -> Iterator[Stores]:
    stores = Stores(tmp_path_factory.mktemp("stores"))
    try:
        yield stores
    finally:
        stores.stack.close()


@pytest.fixture(scope="session")
def sample_quads(sample_store) -> list[Quad]:
    return list(sample_store.quads())


@pytest.fixture(scope="session", params=kinds(LOADED_KINDS))
def loaded_store(request, stores, sample_store, sample_quads) -> Store:
    """A store of each kind holding the two sample articles (memory: the session sample store itself)."""
    if request.param == "memory":
        return sample_store
    store = stores.open(request.param, f"loaded-{request.param}")
    store.replace_graphs(by_graph(sample_quads))
    return store


@pytest.fixture(params=kinds(EMPTY_KINDS))
def empty_store(request, stores) -> Iterator[Store]:
    """An empty store of each kind; the shared server is emptied again after the test."""
    store = stores.open(request.param, "empty")
    try:
        yield store
    finally:
        if request.param in SERVER_KINDS:
            for graph in store.graphs():
                store.remove_graph(graph)
        store.close()
