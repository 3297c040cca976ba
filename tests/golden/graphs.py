"""Golden graphs of the sample articles: one N-Quads file per article (its named graph only; the ontology
and reference graphs are left out, so a gazetteer change shows only where an article's facts change).

Compared canonically: both sides are parsed and written back one quad per line by pyoxigraph (one form
per term: escapes, datatypes, language tags), then compared as sets of lines. Extracted data has no blank
nodes (docs/decisions/0001), so this canonical form is exact; the test checks that it stays so.

Regenerate after a change that is *meant* to change the graph, and review the diff::

    .venv/bin/python -m tests.golden.regenerate
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import BlankNode, Quad, RdfFormat, parse, serialize

GOLDEN = Path(__file__).resolve().parent / "nquads"
REGENERATE = ".venv/bin/python -m tests.golden.regenerate"


def canonical_lines(quads: Iterable[Quad]) -> list[str]:
    """Sorted N-Quads lines, one per distinct quad."""
    buffer = io.BytesIO()
    serialize(quads, buffer, RdfFormat.N_QUADS)
    return sorted(set(buffer.getvalue().decode("utf-8").splitlines()))


def has_blank_nodes(quads: Iterable[Quad]) -> bool:
    return any(isinstance(term, BlankNode) for q in quads for term in (q.subject, q.object))


def golden_file(article_id: str) -> Path:
    return GOLDEN / f"{article_id}.nq"


def read_golden(article_id: str) -> list[Quad]:
    with golden_file(article_id).open("rb") as handle:
        return list(parse(handle, RdfFormat.N_QUADS))


def article_quads(store, article_id: str) -> list[Quad]:
    """The quads of one article's named graph in ``store``."""
    from kg.rdf import iris

    graph = iris.article_graph(article_id)
    return [q for q in store.quads() if q.graph_name == graph]


def write_golden(article_id: str, quads: Iterable[Quad]) -> Path:
    path = golden_file(article_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(canonical_lines(quads)) + "\n", encoding="utf-8")
    return path
