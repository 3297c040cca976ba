"""SHACL and domain checks: each broken rule is caught with the right rule, focus and message."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.validate import ValidateOptions, load_file, validate

from .conftest import BASE

FAST = ValidateOptions(checks=("shacl", "domain"))
ID = "https://w3id.org/kg-diplomacy/id/"

# name: (update, check, rule fragment, focus, message fragment)
CASES = {
    "encounter with one participant": (
        "DELETE DATA { GRAPH art:a1 { <encounter/e1> kg:participant <person/vladimir-putin> } }",
        "shacl", "EncounterShape/participants MinCount", ID + "encounter/e1", "at least two kg:participant",
    ),
    "stance without polarity": (
        "DELETE DATA { GRAPH art:a1 { <stance/a1/s1> kg:polarity kg:Cooperate } }",
        "shacl", "StanceShape/polarity MinCount", ID + "stance/a1/s1", "exactly one kg:polarity",
    ),
    "country without ISO code": (
        'DELETE DATA { GRAPH kgg:reference { <country/RUS> kg:iso3166Alpha3 "RUS" } }',
        "shacl", "CountryShape/ISO 3166-1 alpha-3 MinCount", ID + "country/RUS", "kg:iso3166Alpha3",
    ),
    "ill-typed literal": (
        "DELETE DATA { GRAPH art:a1 { <encounter/e1> kg:durationMinutes 90 } } ;"
        ' INSERT DATA { GRAPH art:a1 { <encounter/e1> kg:durationMinutes "ninety"^^xsd:integer } }',
        "shacl", "EncounterShape/duration in minutes Datatype", ID + "encounter/e1", "non-negative xsd:integer",
    ),
    "fact without provenance": (
        "DELETE DATA { GRAPH art:a1 { <discussion/e1/topic-energy> kg:evidence <evidence/a1/s0> } }",
        "shacl", "DiscussionShape/evidence MinCount", ID + "discussion/e1/topic-energy", "kg:evidence",
    ),
    "evidence without a span": (
        "DELETE DATA { GRAPH art:a1 { <evidence/a1/s0> kg:charStart 0 } }",
        "shacl", "EvidenceShape/character start MinCount", ID + "evidence/a1/s0", "kg:charStart",
    ),
    "participant not in office on the date": (
        "INSERT DATA { GRAPH kgg:reference {"
        ' <office/vladimir-putin/president-2012-05-07> kg:termEnd "2024-05-07"^^xsd:date } }',
        "domain", "office-not-held", ID + "encounter/e1",
        "person/vladimir-putin took part on 2026-02-04, but none of their office terms covers that date",
    ),
    "encounter after publication": (
        'DELETE DATA { GRAPH art:a1 { <article/a1> schema:datePublished "2026-02-05"^^xsd:date } } ;'
        ' INSERT DATA { GRAPH art:a1 { <article/a1> schema:datePublished "2026-02-01"^^xsd:date } }',
        "domain", "encounter-after-publication", ID + "encounter/e1",
        "dated 2026-02-04, after https://w3id.org/kg-diplomacy/id/article/a1 reporting it was published (2026-02-01)",
    ),
    "treaty reaffirmed before signed": (
        'DELETE DATA { GRAPH kgg:reference { <treaty/good-neighbourliness> kg:year "2001"^^xsd:gYear } } ;'
        ' INSERT DATA { GRAPH kgg:reference { <treaty/good-neighbourliness> kg:year "2030"^^xsd:gYear } }',
        "domain", "reaffirmed-before-signed", ID + "encounter/e1", "which dates from 2030",
    ),
}


def test_the_base_graph_passes() -> None:
    report = validate(load_file(BASE), FAST)
    assert report.conforms and report.exit_code == 0, report.render_text()


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_broken_rule_is_caught(name: str, broken) -> None:
    update, check, rule, focus, message = CASES[name]
    report = validate(load_file(broken(update)), FAST)
    assert report.exit_code == 1
    result = next(c for c in report.checks if c.name == check)
    assert result.status == "failed"
    hits = [f for f in result.findings if f.rule == rule and f.focus == focus and message in f.message]
    assert hits, report.render_text()
    others = [c for c in report.checks if c.name != check]
    assert all(c.status == "passed" for c in others), report.render_text()


def test_month_precision_is_compared_at_its_precision(broken) -> None:
    """An encounter in "2026-02" is not after an article published on 2026-02-01."""
    path = broken(
        'DELETE DATA { GRAPH art:a1 { <encounter/e1> kg:date "2026-02-04"^^xsd:date ;'
        " kg:datePrecision kg:DayPrecision . <article/a1> schema:datePublished \"2026-02-05\"^^xsd:date } } ;"
        ' INSERT DATA { GRAPH art:a1 { <encounter/e1> kg:date "2026-02"^^xsd:gYearMonth ;'
        ' kg:datePrecision kg:MonthPrecision . <article/a1> schema:datePublished "2026-02-01"^^xsd:date } }'
    )
    assert validate(load_file(path), FAST).conforms


def test_shacl_report_graph_is_turtle(broken) -> None:
    from rdflib import SH, Graph

    path = broken(CASES["stance without polarity"][0])
    report = validate(load_file(path), ValidateOptions(checks=("shacl",), shacl_report=True))
    graph = Graph().parse(data=report.shacl_report, format="turtle")
    assert len(list(graph.subjects(predicate=SH.focusNode))) == 1


def test_json_report(broken) -> None:
    report = validate(load_file(broken(CASES["country without ISO code"][0])), FAST)
    data = report.to_json()
    assert data["conforms"] is False
    shacl = next(c for c in data["checks"] if c["name"] == "shacl")
    assert shacl["findings"][0]["focus"] == ID + "country/RUS"


def test_an_unreadable_file_is_an_error(tmp_path: Path) -> None:
    from kg.errors import InputError

    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError):
        load_file(bad)
    with pytest.raises(InputError):
        load_file(tmp_path / "graph.unknown")
