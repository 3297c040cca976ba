"""Domain checks that need data, each a saved SPARQL query in ``sparql/`` run over the union graph.

Every query selects ``?focus`` (the node at fault) and the values the message quotes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Literal

from kg.query.saved import load_query
from kg.store import Store
from kg.validate.report import FAILED, CheckResult, Finding

_SPARQL = Path(__file__).resolve().parent / "sparql"


@dataclass(frozen=True)
class DomainCheck:
    name: str
    message: str  # str.format template over the query's variables

    def query(self) -> str:
        return load_query(_SPARQL, self.name).text


CHECKS = (
    DomainCheck(
        "office-not-held",
        "{person} took part on {date}, but none of their office terms covers that date (terms: {terms})",
    ),
    DomainCheck(
        "encounter-after-publication",
        "the encounter is dated {date}, after {article} reporting it was published ({published})",
    ),
    DomainCheck(
        "reaffirmed-before-signed",
        "the encounter on {date} reaffirms {treaty}, which dates from {year}",
    ),
)


def _text(term: object) -> str:
    return term.value if isinstance(term, Literal) else str(term).strip("<>")


def run_check(store: Store, check: DomainCheck) -> list[Finding]:
    findings = []
    solutions = store.select(check.query())
    names = [v.value for v in solutions.variables]
    for row in solutions:
        values = {name: _text(row[name]) for name in names if row[name] is not None}
        findings.append(Finding(rule=check.name, focus=values.pop("focus"), message=check.message.format_map(values)))
    return findings


def check_domain(store: Store) -> CheckResult:
    started = time.perf_counter()
    result = CheckResult("domain")
    for check in CHECKS:
        result.findings.extend(run_check(store, check))
    if result.violations:
        result.status = FAILED
    result.seconds = time.perf_counter() - started
    return result
