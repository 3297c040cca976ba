"""One ``kg evaluate`` run over one or more sets: the per-set reports, the pooled figures, a table of both."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from kg.evaluation.report import COUNT_LABELS, RATIO_LABELS, EvaluationReport, counts_of, figures, summary_json
from kg.evaluation.scoring import Counts, Ratio, Scores, pool

POOLED = "pooled"


@dataclass(frozen=True)
class EvaluationRun:
    """The reports of the sets of one run, in the order given; figures and thresholds are the pooled ones."""

    sets: tuple[EvaluationReport, ...]

    @cached_property
    def pooled(self) -> Scores:
        return pool([s.scores for s in self.sets])

    def figures(self) -> dict[str, float | None]:
        return figures(self.pooled)

    def to_json(self) -> dict[str, Any]:
        """The pooled summary at the top (``figures``, ``counts``, ...), each set's full report in ``sets``."""
        return {**summary_json(self.pooled), "sets": [s.to_json() for s in self.sets]}

    def render_summary(self) -> str:
        return self._render(lambda report: report.render_summary())

    def render_text(self) -> str:
        return self._render(lambda report: report.render_text())

    def _render(self, render: Any) -> str:
        if len(self.sets) == 1:
            return render(self.sets[0])
        parts = [f"== {s.name}: {s.gold_file}, {len(s.scored_articles)} article(s) scored ==\n{render(s)}"
                 for s in self.sets]
        return "\n".join([*parts, "Per set and pooled", "------------------", *self.table(), ""])

    def table(self) -> list[str]:
        """One row per figure, one column per set and one for the pooled figures."""
        columns = [(s.name, s.scores, len(s.scored_articles)) for s in self.sets]
        columns.append((POOLED, self.pooled, sum(len(s.scored_articles) for s in self.sets)))
        rows: list[list[str]] = [["figure", *(name for name, _, _ in columns)],
                                 ["articles scored", *(str(n) for _, _, n in columns)]]
        for key, label in COUNT_LABELS.items():
            rows.append([f"{label} P/R/F1", *(_prf(counts_of(scores)[key]) for _, scores, _ in columns)])
        rows.append(["merge ratio (1.0 ideal)", *(_value(scores.merge_ratio) for _, scores, _ in columns)])
        for attribute, label in (("date_exact", "date exact"), ("type_accuracy", "type accuracy"),
                                 ("duration_exact", "duration exact"), ("participants", "participant recall"),
                                 ("text_actors", RATIO_LABELS["text_actor_share"]),
                                 ("encounters_without_day", RATIO_LABELS["encounters_without_day"])):
            rows.append([label, *(_ratio(getattr(scores, attribute)) for _, scores, _ in columns)])
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        return ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                          for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip() for row in rows]


def _value(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _prf(c: Counts) -> str:
    return f"{c.precision:.3f}/{c.recall:.3f}/{c.f1:.3f}"


def _ratio(r: Ratio) -> str:
    return f"{_value(r.value)} ({r.hits}/{r.total})"
