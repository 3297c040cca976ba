"""The validation report: findings of each check, rendered as text or JSON, and the exit code.

Exit codes follow pySHACL's contract: 0 conforming, 1 not conforming (errors from the library are
raised as :class:`kg.errors.KgError` and mapped to 2 by the CLI).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

VIOLATION = "Violation"
PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"


@dataclass(frozen=True)
class Finding:
    """One problem: which rule, on which node, and what is wrong."""

    rule: str
    focus: str
    message: str
    severity: str = VIOLATION
    path: str | None = None
    value: str | None = None
    details: tuple[str, ...] = ()  # the triples or axioms involved


@dataclass
class CheckResult:
    name: str  # "shacl" | "owl" | "domain"
    status: str = PASSED
    seconds: float = 0.0
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def violations(self) -> int:
        return sum(1 for f in self.findings if f.severity == VIOLATION)


@dataclass
class ValidationReport:
    source: str
    triples: int
    checks: list[CheckResult]
    shacl_report: str | None = None  # the SHACL report graph as Turtle

    @property
    def conforms(self) -> bool:
        return all(c.status != FAILED for c in self.checks)

    @property
    def exit_code(self) -> int:
        return 0 if self.conforms else 1

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "conforms": self.conforms,
            "triples": self.triples,
            "checks": [asdict(c) for c in self.checks],
        }

    def render_text(self) -> str:
        lines = [f"{'CONFORMS' if self.conforms else 'DOES NOT CONFORM'}: {self.source} ({self.triples} data triples)"]
        for check in self.checks:
            head = f"{check.name}: {check.status} in {check.seconds:.1f} s"
            if check.findings:
                head += f", {check.violations} violation(s), {len(check.findings) - check.violations} other"
            lines.append(head)
            lines.extend(f"  note: {note}" for note in check.notes)
            for finding in check.findings:
                lines.append(f"  [{finding.severity}] {finding.rule}: {finding.focus}")
                where = f" (path {finding.path})" if finding.path else ""
                value = f" value {finding.value}" if finding.value else ""
                lines.append(f"    {finding.message}{where}{value}")
                lines.extend(f"    - {detail}" for detail in finding.details)
        return "\n".join(lines) + "\n"
