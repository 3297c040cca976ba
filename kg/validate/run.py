"""``validate``: SHACL, OWL reasoning and the domain checks over a store, into one report."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from kg.store import Store
from kg.validate.domain import check_domain
from kg.validate.owl import check_owl
from kg.validate.rdfconv import rdflib_graph
from kg.validate.report import ValidationReport
from kg.validate.shacl import check_shacl
from kg.validate.source import data_triples

CHECKS = ("shacl", "owl", "domain")


@dataclass(frozen=True)
class ValidateOptions:
    checks: Collection[str] = CHECKS
    reasoner: str = "hermit"
    batch_size: int = 0  # subjects per reasoner call; 0: the whole graph at once
    shacl_report: bool = False  # keep the SHACL report graph (Turtle) in the report


def validate(
    store: Store, options: ValidateOptions = ValidateOptions(), *, source: str | None = None
) -> ValidationReport:
    triples = list(data_triples(store))
    report = ValidationReport(source=source or store.location, triples=len(triples), checks=[])
    if "shacl" in options.checks:
        result, graph = check_shacl(rdflib_graph(triples))
        report.checks.append(result)
        if options.shacl_report:
            report.shacl_report = graph.serialize(format="turtle")
    if "owl" in options.checks:
        report.checks.append(check_owl(triples, reasoner=options.reasoner, batch_size=options.batch_size))
    if "domain" in options.checks:
        report.checks.append(check_domain(store))
    return report
