"""The OWL check: kg.ttl plus the graph's individuals, decided by HermiT; a failure is explained.

1. The reasoner decides consistency of the whole graph (or of batches of subjects, each with the types of
   the nodes it points to, when ``batch_size`` is set).
2. When a batch is inconsistent, :mod:`kg.validate.explain` names contradictions (disjoint classes,
   functional properties, datatype ranges) with their triples and axiom, and the reasoner checks that the
   batch without those individuals is consistent (so nothing is left unexplained).
3. Otherwise, what is left is narrowed by bisection over subjects (QuickXplain) to a minimal set of
   individuals whose triples are reported.

Every reasoner call starts a JVM (~3 s): a consistent graph costs one call, an explained contradiction
two, a bisection about 2·k·log2(n) for k culprits among n subjects (capped by ``max_calls``).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence, Set

from pyoxigraph import NamedNode, Triple

from kg.validate.axioms import TYPE, ontology_axioms
from kg.validate.explain import contradictions
from kg.validate.owl_input import reasoner_input
from kg.validate.reasoner import is_consistent, java_available
from kg.validate.report import FAILED, SKIPPED, CheckResult, Finding


class _Graph:
    """Triples indexed by subject, for cutting out the triples of a set of individuals."""

    def __init__(self, triples: Sequence[Triple]) -> None:
        self.by_subject: dict[str, list[Triple]] = defaultdict(list)
        for t in triples:
            self.by_subject[str(t.subject)].append(t)

    def cut(self, subjects: Iterable[str], without: Set[str] = frozenset()) -> list[Triple]:
        """The subjects' triples and the rdf:type triples of the IRIs they point to (except ``without``)."""
        chosen = set(subjects)
        out = [t for s in chosen for t in self.by_subject.get(s, ())]
        targets = {str(t.object) for t in out if isinstance(t.object, NamedNode)} - chosen - without
        out.extend(t for s in targets for t in self.by_subject.get(s, ()) if t.predicate.value == TYPE)
        return out


class _Reasoner:
    def __init__(self, graph: _Graph, reasoner: str, max_calls: int) -> None:
        self.graph, self.reasoner, self.calls, self.max_calls = graph, reasoner, 0, max_calls

    def consistent(self, subjects: Iterable[str], without: Set[str] = frozenset()) -> bool:
        self.calls += 1
        return is_consistent(self.graph.cut(subjects, without), reasoner=self.reasoner)

    def minimal(self, core: list[str], candidates: list[str]) -> list[str]:
        """A minimal subset M of candidates with core + M inconsistent (QuickXplain).

        Needs core + candidates inconsistent."""
        if len(candidates) <= 1 or self.calls >= self.max_calls:
            return candidates
        half = len(candidates) // 2
        first, second = candidates[:half], candidates[half:]
        if not self.consistent(core + first):
            return self.minimal(core, first)
        if not self.consistent(core + second):
            return self.minimal(core, second)
        in_first = self.minimal(core + second, first)
        return in_first + self.minimal(core + in_first, second)


def _plain(node: str) -> str:
    return node[1:-1] if node.startswith("<") and node.endswith(">") else node


def _explain(graph: _Graph, subjects: list[str], reasoner: _Reasoner) -> list[Finding]:
    """Name the contradictions in an inconsistent batch; bisect whatever they do not account for."""
    found = contradictions(graph.cut(subjects), ontology_axioms())
    involved = {s for c in found for s in c.subjects}
    findings = [
        Finding(rule=c.axiom, focus=_plain(c.focus), message=c.message, details=tuple(str(t) for t in c.triples))
        for c in found
    ]
    rest = [s for s in subjects if s not in involved]
    if found and (not rest or reasoner.consistent(rest, without=involved)):
        return findings  # the batch is inconsistent, and consistent without the individuals named above
    culprits = reasoner.minimal([], rest)
    exhausted = reasoner.calls >= reasoner.max_calls
    findings.append(
        Finding(
            rule="inconsistency",
            focus=_plain(culprits[0]),
            message=f"these {len(culprits)} individual(s) contradict kg.ttl together"
            + (" (reasoner call budget spent: not minimal)" if exhausted else " (a minimal set)"),
            details=tuple(str(t) for t in graph.cut(culprits)),
        )
    )
    return findings


def check_owl(
    triples: Iterable[Triple], *, reasoner: str = "hermit", batch_size: int = 0, max_calls: int = 40
) -> CheckResult:
    started = time.perf_counter()
    view = reasoner_input(triples)
    graph = _Graph(view.triples)
    individuals = sorted({str(t.subject) for t in view.triples if t.predicate.value == TYPE})
    result = CheckResult("owl", stats={"triples": len(view.triples), "individuals": len(individuals)})
    result.notes.append(f"{reasoner}: {view.converted} date literal(s) seen as xsd:dateTime")
    result.notes.extend(f"{n} literal(s) of {dt} left out (outside the OWL 2 datatype map, or ill-formed)"
                        for dt, n in sorted(view.dropped.items()))
    if not java_available():
        result.status = SKIPPED
        result.notes.append("skipped: java was not found (HermiT needs a Java runtime)")
        return result
    subjects = sorted(graph.by_subject)
    size = batch_size or len(subjects) or 1
    runner = _Reasoner(graph, reasoner, max_calls)
    for start in range(0, len(subjects), size):
        batch = subjects[start : start + size]
        if not runner.consistent(batch):
            result.findings.extend(_explain(graph, batch, runner))
    result.stats["reasoner_calls"] = runner.calls
    if result.findings:
        result.status = FAILED
    result.seconds = time.perf_counter() - started
    return result
