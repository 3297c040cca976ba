"""OWL reasoning: inconsistencies are caught and explained with the individuals and the axiom involved."""

from __future__ import annotations

import shutil

import pytest
from pyoxigraph import NamedNode, Triple

from kg.validate import ValidateOptions, load_file, validate
from kg.validate import owl as owl_check

ID = "https://w3id.org/kg-diplomacy/id/"
OWL_ONLY = ValidateOptions(checks=("owl",))
_no_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs a Java runtime on PATH")


def needs_java(test):
    """HermiT runs in Java: skipped without it, and external (make test-fast leaves it out)."""
    return pytest.mark.external(_no_java(test))

CASES = {
    "individual both Person and Country": (
        "INSERT DATA { GRAPH art:a1 { <person/xi-jinping> a kg:Country } }",
        "AllDisjointClasses(kg:Person kg:Country kg:Organization)", ID + "person/xi-jinping",
        "is both kg:Country and kg:Person",
    ),
    "stance with two polarities": (
        "INSERT DATA { GRAPH art:a1 { <stance/a1/s1> kg:polarity kg:Oppose } }",
        "FunctionalProperty(kg:polarity)", ID + "stance/a1/s1", "two values of functional kg:polarity",
    ),
}


@needs_java
@pytest.mark.parametrize("name", sorted(CASES))
def test_an_inconsistency_is_named(name: str, broken) -> None:
    update, axiom, focus, message = CASES[name]
    report = validate(load_file(broken(update)), OWL_ONLY)
    assert report.exit_code == 1
    (result,) = report.checks
    assert result.status == "failed"
    assert [(f.rule, f.focus) for f in result.findings] == [(axiom, focus)], report.render_text()
    assert message in result.findings[0].message
    assert result.findings[0].details  # the triples involved
    assert result.stats["reasoner_calls"] == 2  # the whole graph, then the graph without the culprits


def test_dates_are_shown_to_the_reasoner_as_datetimes() -> None:
    from pyoxigraph import Literal

    from kg.validate.owl_input import reasoner_input

    xsd = "http://www.w3.org/2001/XMLSchema#"
    s, p = NamedNode(ID + "x"), NamedNode(ID + "p")
    view = reasoner_input([
        Triple(s, p, Literal("2026-02-04", datatype=NamedNode(xsd + "date"))),
        Triple(s, p, Literal("2025", datatype=NamedNode(xsd + "gYear"))),
        Triple(s, p, Literal("P1D", datatype=NamedNode(xsd + "duration"))),
        Triple(s, p, Literal("ninety", datatype=NamedNode(xsd + "integer"))),
    ])
    assert [t.object.value for t in view.triples] == ["2026-02-04T00:00:00", "2025-01-01T00:00:00"]
    assert view.converted == 2 and view.dropped == {xsd + "duration": 1, xsd + "integer": 1}


def test_bisection_finds_a_minimal_set_of_individuals(monkeypatch) -> None:
    """QuickXplain over subjects, with a stand-in reasoner: inconsistent iff both a and c are in."""
    subjects = [ID + name for name in "abcdefgh"]
    triples = [Triple(NamedNode(s), NamedNode(ID + "p"), NamedNode(ID + "z")) for s in subjects]

    def is_consistent(cut: list[Triple], *, reasoner: str) -> bool:
        present = {t.subject.value for t in cut}
        return not {ID + "a", ID + "c"} <= present

    monkeypatch.setattr(owl_check, "is_consistent", is_consistent)
    monkeypatch.setattr(owl_check, "java_available", lambda: True)
    result = owl_check.check_owl(triples)
    assert result.status == "failed"
    (finding,) = result.findings
    assert finding.rule == "inconsistency" and "2 individual(s)" in finding.message and "minimal" in finding.message
    assert sorted({d.split()[0] for d in finding.details}) == [f"<{ID}a>", f"<{ID}c>"]


def test_without_java_the_check_is_skipped(monkeypatch) -> None:
    monkeypatch.setattr(owl_check, "java_available", lambda: False)
    result = owl_check.check_owl([])
    assert result.status == "skipped" and "java" in result.notes[-1]
