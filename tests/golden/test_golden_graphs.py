"""Each sample article's named graph equals its golden N-Quads (tests/golden/nquads), compared canonically.
A failure lists the quads gained and lost; when the change is intended, regenerate (see graphs.py)."""

from __future__ import annotations

import pytest

from kg.articles import read_paths
from kg.records import Article
from tests.conftest import SAMPLES
from tests.golden.graphs import GOLDEN, REGENERATE, article_quads, canonical_lines, has_blank_nodes, read_golden

pytestmark = pytest.mark.slow  # the sample store runs the spaCy model

SAMPLE_IDS = sorted(item.id for item in read_paths([SAMPLES]) if isinstance(item, Article))


def test_every_sample_article_has_a_golden_graph_and_no_other():
    assert sorted(p.stem for p in GOLDEN.glob("*.nq")) == SAMPLE_IDS, f"regenerate: {REGENERATE}"


@pytest.mark.parametrize("article_id", SAMPLE_IDS)
def test_article_graph_matches_its_golden_graph(sample_store, article_id):
    actual = article_quads(sample_store, article_id)
    assert actual, f"no graph for {article_id} in the sample store"
    assert not has_blank_nodes(actual), "extracted data must not contain blank nodes (canonical form)"
    want, got = set(canonical_lines(read_golden(article_id))), set(canonical_lines(actual))
    lost, gained = sorted(want - got), sorted(got - want)
    shown = [f"- {line}" for line in lost[:15]] + [f"+ {line}" for line in gained[:15]]
    assert not lost and not gained, (
        f"{article_id}: {len(lost)} quad(s) lost, {len(gained)} gained; if intended, run {REGENERATE} "
        "and review the diff\n" + "\n".join(shown))
