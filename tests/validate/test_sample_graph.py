"""The graph of the sample articles passes every check, and ``kg infer`` on it is idempotent."""

from __future__ import annotations

import shutil
from collections import defaultdict

import pytest
from pyoxigraph import NamedNode

from kg.store import open_store
from kg.validate import CHECKS, INFERRED_GRAPH, ValidateOptions, validate
from kg.validate.infer import infer


@pytest.fixture
def sample_copy(sample_store):
    """A copy of the session's sample store (infer writes; the session store stays untouched)."""
    graphs = defaultdict(list)
    for quad in sample_store.quads():
        graphs[quad.graph_name].append(quad)
    store = open_store("memory:")
    store.replace_graphs(dict(graphs))
    return store


def test_the_sample_graph_conforms(sample_store) -> None:
    checks = CHECKS if shutil.which("java") else ("shacl", "domain")
    report = validate(sample_store, ValidateOptions(checks=checks))
    assert report.conforms and report.exit_code == 0, report.render_text()
    assert report.triples > 1000


def test_infer_is_idempotent_and_validation_ignores_it(sample_copy) -> None:
    first = infer(sample_copy)
    graph = NamedNode(INFERRED_GRAPH)
    quads = sorted(str(q) for q in sample_copy.quads() if q.graph_name == graph)
    second = infer(sample_copy)
    assert first == second and first.inferred == len(quads) > 0
    assert sorted(str(q) for q in sample_copy.quads() if q.graph_name == graph) == quads
    report = validate(sample_copy, ValidateOptions(checks=("domain",)))
    assert report.triples == first.asserted
