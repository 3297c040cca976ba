"""The evaluation report: figures, a JSON form, a readable text form, and threshold checks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from kg.errors import ConfigError
from kg.evaluation.scoring import (
    ArticleScores,
    Counts,
    EncounterOutcome,
    ItemOutcome,
    Ratio,
    Scores,
    SubjectOutcome,
    pool,
)
from kg.rdf.vocab import KG_ID_NS

# Figures that must stay at or below their threshold; every other figure must reach it.
MAXIMUM_FIGURES = frozenset({"merge_ratio", "encounters_without_day"})
_ID_PREFIX = KG_ID_NS
COUNT_LABELS = {"encounter": "encounters", "countries": "countries discussed",
                "countries_strict": "countries incl. missed", "organizations": "organizations discussed",
                "treaties": "treaties", "stances": "stances"}
RATIO_LABELS = {"participant_recall": "participant recall",
                "text_actor_share": "actors not from the gazetteer",
                "encounters_without_day": "encounter nodes without a day"}


@dataclass(frozen=True)
class EvaluationReport:
    """Scores of one evaluation set (a gold file and its articles), and which articles took part."""

    scores: Scores
    gold_file: str = ""
    name: str = ""  # the set's name (its folder), shown in tables
    scored_articles: tuple[str, ...] = ()
    unscored_articles: tuple[str, ...] = ()  # ingested, but not in the gold
    missing_articles: tuple[str, ...] = ()  # in the gold, but not ingested
    problems: tuple[str, ...] = ()  # what the ingest reported

    def figures(self) -> dict[str, float | None]:
        """Every headline figure by name (the names :func:`failed_thresholds` accepts)."""
        return figures(self.scores)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "gold_file": self.gold_file,
            **summary_json(self.scores),
            "scored_articles": list(self.scored_articles),
            "unscored_articles": list(self.unscored_articles),
            "missing_articles": list(self.missing_articles),
            "problems": list(self.problems),
            "articles": [_article_json(a) for a in self.scores.articles],
        }

    def render_text(self) -> str:
        return "\n".join(_render(self)) + "\n"

    def render_summary(self) -> str:
        return "\n".join(_summary(self)) + "\n"


class HasFigures(Protocol):
    def figures(self) -> dict[str, float | None]: ...


def failed_thresholds(report: HasFigures, thresholds: Mapping[str, float]) -> list[str]:
    """One message per figure that misses its threshold (``merge_ratio`` and ``encounters_without_day`` are
    maxima, the rest minima). A figure that could not be measured (e.g. no matched encounters) fails."""
    check_threshold_names(thresholds)
    values = report.figures()
    failures = []
    for name, limit in thresholds.items():
        value = values[name]
        if value is None:
            failures.append(f"{name}: not measurable (nothing to measure it on), threshold {limit:g}")
        elif name in MAXIMUM_FIGURES and value > limit:
            failures.append(f"{name}: {value:.3f} > maximum {limit:g}")
        elif name not in MAXIMUM_FIGURES and value < limit:
            failures.append(f"{name}: {value:.3f} < minimum {limit:g}")
    return failures


def check_threshold_names(thresholds: Mapping[str, float]) -> None:
    """Raise :class:`ConfigError` for a threshold on a figure that does not exist."""
    known = figures(pool([]))
    unknown = sorted(set(thresholds) - set(known))
    if unknown:
        raise ConfigError(f"unknown threshold(s): {', '.join(unknown)}", fix=f"known: {', '.join(sorted(known))}")


def figures(s: Scores) -> dict[str, float | None]:
    """Every headline figure of ``s`` by name."""
    out: dict[str, float | None] = {}
    for name, counts in counts_of(s).items():
        out[f"{name}_precision"] = counts.precision
        out[f"{name}_recall"] = counts.recall
        out[f"{name}_f1"] = counts.f1
    out["merge_ratio"] = s.merge_ratio
    out["date_exact"] = s.date_exact.value
    out["type_accuracy"] = s.type_accuracy.value
    out["duration_exact"] = s.duration_exact.value
    for name, ratio in _new_ratios(s).items():
        out[name] = ratio.value
    return out


def counts_of(s: Scores) -> dict[str, Counts]:
    return {
        "encounter": s.encounters,
        "countries": s.countries,
        "countries_strict": s.countries_strict,
        "organizations": s.organizations,
        "treaties": s.treaties,
        "stances": s.stances,
    }


def _new_ratios(s: Scores) -> dict[str, Ratio]:
    return {
        "participant_recall": s.participants,
        "text_actor_share": s.text_actors,
        "encounters_without_day": s.encounters_without_day,
    }


# ----------------------------------------------------------------------------------------------- JSON


def summary_json(s: Scores) -> dict[str, Any]:
    """The figures and the counts behind them (no per-article breakdown)."""
    return {
        "figures": figures(s),
        "counts": {name: _counts_json(c) for name, c in counts_of(s).items()},
        "merge": {"keys": s.merge_keys, "nodes": s.merge_nodes, "overmerged_nodes": list(s.overmerged_nodes)},
        "ratios": _ratios_json(s),
        "countries_in_missed_encounters": s.countries_in_missed_encounters,
    }


def _ratios_json(s: Scores) -> dict[str, dict[str, float | int | None]]:
    ratios = {"date_exact": s.date_exact, "type_accuracy": s.type_accuracy, "duration_exact": s.duration_exact}
    return {name: _ratio_json(r) for name, r in {**ratios, **_new_ratios(s)}.items()}


def _counts_json(c: Counts) -> dict[str, float | int]:
    return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall, "f1": c.f1}


def _ratio_json(r: Ratio) -> dict[str, float | int | None]:
    return {"hits": r.hits, "total": r.total, "value": r.value}


def _subjects_json(s: SubjectOutcome) -> dict[str, Any]:
    return {
        "found": list(s.found),
        "false_alarms": [{"code": c, "evidence": e} for c, e in s.false_alarms],
        "misses": [{"code": c, "gold_evidence": e} for c, e in s.misses],
        "acceptable": list(s.neutral),
        "counted": s.counted,
    }


def _encounter_json(o: EncounterOutcome) -> dict[str, Any]:
    out: dict[str, Any] = {"status": o.status}
    if o.gold:
        out["gold"] = {"key": o.gold.key, "type": o.gold.type, "date": o.gold.date,
                       "participants": list(o.gold.names), "duration_minutes": o.gold.duration_minutes}
    if o.predicted:
        p = o.predicted
        out["predicted"] = {"node": p.node, "types": list(p.types), "date": p.date, "precision": p.precision,
                            "participants": list(p.names), "duration_minutes": p.duration_minutes}
    if o.gold and o.predicted:
        out.update(date_relation=o.date_relation, type_correct=o.type_correct, duration_correct=o.duration_correct)
    out["countries"] = _subjects_json(o.countries)
    out["organizations"] = _subjects_json(o.organizations)
    return out


def _items_json(i: ItemOutcome) -> dict[str, Any]:
    return {"matched": [list(pair) for pair in i.matched], "missed": list(i.missed),
            "false_alarms": list(i.false_alarms)}


def _article_json(a: ArticleScores) -> dict[str, Any]:
    return {"article": a.article_id, "encounters": [_encounter_json(o) for o in a.encounters],
            "participants": {"found": list(a.participants.found), "missed": list(a.participants.missed)},
            "treaties": _items_json(a.treaties), "stances": _items_json(a.stances)}


# ----------------------------------------------------------------------------------------------- text


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _line(text: str | None, fallback: str) -> str:
    return " ".join(text.split()) if text else fallback


def _short(node: str) -> str:
    return node[len(_ID_PREFIX):] if node.startswith(_ID_PREFIX) else node


def _summary(report: EvaluationReport) -> list[str]:
    s = report.scores
    lines = [f"{'figure':<24} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for name, c in counts_of(s).items():
        lines.append(f"{COUNT_LABELS[name]:<24} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f} "
                     f"{c.tp:>5} {c.fp:>5} {c.fn:>5}")
    over = ", ".join(_short(n) for n in s.overmerged_nodes) or "none"
    lines += [
        "",
        f"merge ratio (1.0 ideal)     {_fmt(s.merge_ratio)}  ({s.merge_nodes} node(s) for {s.merge_keys} "
        f"real encounter(s); over-merged nodes: {over})",
    ]
    for label, r in (("date exact", s.date_exact), ("type accuracy", s.type_accuracy),
                     ("duration exact", s.duration_exact)):
        lines.append(f"{label:<28}{_fmt(r.value)}  ({r.hits}/{r.total})")
    lines.append(f"countries of missed encounters (not in the figure): {s.countries_in_missed_encounters}")
    lines.append("")
    for name, r in _new_ratios(s).items():
        lines.append(f"{RATIO_LABELS[name]:<34}{_fmt(r.value)}  ({r.hits}/{r.total})")
    return lines


def _subject_lines(label: str, s: SubjectOutcome) -> list[str]:
    if not (s.found or s.false_alarms or s.misses or s.neutral):
        return []
    head = f"      {label}: found {', '.join(s.found) or '-'}"
    if s.neutral:
        head += f"; acceptable {', '.join(s.neutral)}"
    if not s.counted:
        head += " (not counted)"
    lines = [head]
    lines += [f"        false alarm {c}: {_line(e, '(no evidence sentence)')}" for c, e in s.false_alarms]
    lines += [f"        miss {c}: gold evidence: {_line(e, '-')}" for c, e in s.misses]
    return lines


def _encounter_lines(o: EncounterOutcome) -> list[str]:
    g, p = o.gold, o.predicted
    gold = f"{g.key} ({g.type}, {g.date or 'no date'})" if g else "-"
    if p:
        people = ", ".join(p.names)
        pred = f"{_short(p.node)} ({'/'.join(p.types) or '?'}, {p.date or 'no date'}; {people})"
    else:
        pred = "-"
    lines = [f"  [{o.status}] gold {gold}", f"      system {pred}"]
    if g and p:
        lines.append(f"      date {o.date_relation}; type {'ok' if o.type_correct else 'wrong'}; "
                     f"duration gold {g.duration_minutes} / system {p.duration_minutes}")
    return lines + _subject_lines("countries", o.countries) + _subject_lines("organizations", o.organizations)


def _item_lines(label: str, i: ItemOutcome) -> list[str]:
    if not (i.matched or i.missed or i.false_alarms):
        return []
    c = i.counts
    lines = [f"  {label}: TP {c.tp}, FP {c.fp}, FN {c.fn}"]
    lines += [f"      match {gold}  <->  {pred}" for gold, pred in i.matched]
    lines += [f"      miss {gold}" for gold in i.missed]
    lines += [f"      false alarm {pred}" for pred in i.false_alarms]
    return lines


def _render(report: EvaluationReport) -> list[str]:
    s = report.scores
    lines = [f"Evaluation against {report.gold_file or 'the gold'}: {len(s.articles)} article(s) scored", "",
             "Summary", "-------", *_summary(report), ""]
    for label, items in (("Articles not in the gold (not scored)", report.unscored_articles),
                         ("Gold articles not ingested (not scored)", report.missing_articles),
                         ("Ingest problems", report.problems)):
        if items:
            lines += [f"{label}:", *(f"  {item}" for item in items), ""]
    lines += ["Per article", "-----------"]
    for a in s.articles:
        statuses = [o.status for o in a.encounters]
        lines.append(f"== {a.article_id} ==  encounters: {statuses.count('matched')} matched, "
                     f"{statuses.count('missed')} missed, {statuses.count('false_alarm')} false alarm(s)")
        for o in a.encounters:
            lines += _encounter_lines(o)
        if a.participants.missed:
            lines.append(f"  participants not found as actors: {', '.join(a.participants.missed)}")
        lines += _item_lines("treaties", a.treaties) + _item_lines("stances", a.stances)
    return lines
