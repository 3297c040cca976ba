"""Scoring predictions against the gold: pure functions over records, no store.

Matching rules
--------------
Names (participants, stance holders) are compared after normalising: diacritics dropped, case folded,
punctuation removed, suffixes (Jr, Sr, II, III) and initials dropped. Two names are the same person when
the normalised names are equal, when their surname tokens (last tokens) are equal after folding spelling
variants (doubled letters collapsed, a final -iy/-yi/-ii/-i written -y: Zelenskyy = Zelensky = Zelenskiy),
or when the tokens of one are a subset of the other's ("Xi" = "Xi Jinping").

Encounters (per article): a prediction matches a gold encounter when the participant names are the same
set (one-to-one under the name rule) and the date is compatible:

* ``exact``: a day-precision prediction equal to the gold date (or one of its ``date_alternatives``);
* ``near``: a day-precision prediction one day off (matched, not exact);
* ``contains``: a month- or year-precision prediction containing the gold date (matched, not exact);
* ``undated``: a prediction without a date, when the gold date is ``external`` (knowable only from outside
  the text) or missing (matched, not exact).

Each gold encounter matches at most one prediction (maximum matching; exact dates and right types are
preferred). Gold encounters with ``mention: "background"`` are optional: a prediction matched to one
counts nowhere, and missing one is no miss. Detection is counted over (article, encounter) pairs.

Countries and organizations discussed are counted over (article, matched encounter, code) pairs.
The participants' own countries are removed from the predicted codes first (the guideline excludes them,
as does the saved query countries-discussed-per-call). Predicted codes in the gold's acceptable list are
neither TP nor FP; gold codes in it are never misses. Codes predicted for false-alarm encounters are FPs;
codes of missed gold encounters are not counted in the figure (detection already counts the miss) but are
tallied separately (``countries_in_missed_encounters``) and listed in the breakdown. Organizations are
compared case-insensitively on short names, ignoring spaces, dots and hyphens ("G-20" = "G20").

Treaties (per article): names match when, after dropping stop words ("the", "of", "and", ...), one token set
contains the other or their Jaccard overlap is at least 0.5; years must be equal when both are given.

Stances (per article): same holder (name rule) and same polarity, and: when both targets are ISO alpha-3
codes they must be equal; otherwise the target descriptions must overlap (Dice coefficient of content tokens
>= 0.3) or the quotes must overlap (overlap coefficient of content tokens, |A & B| / min(|A|, |B|), >= 0.5).

Treaties and stances are matched one-to-one, best pairs first. Precision, recall and F1 of an empty
comparison (nothing to find, nothing predicted) are 1.0.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import chain

from kg.evaluation.gold import GoldArticle, GoldEncounter, GoldStance, GoldTreaty
from kg.evaluation.predictions import PredictedArticle, PredictedEncounter, PredictedStance, PredictedTreaty

TYPE_NAMES = {
    "PhoneCall": "phone_call",
    "VideoCall": "video_call",
    "Meeting": "meeting",
    "Summit": "summit",
    "StateVisit": "state_visit",
}
STOP_WORDS = frozenset(
    "a an and as at between by for from in into its of on or over s the their this to with".split()
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ISO3 = re.compile(r"^[A-Z]{3}$")
TREATY_MIN_JACCARD = 0.5
STANCE_MIN_TARGET_OVERLAP = 0.3
STANCE_MIN_QUOTE_OVERLAP = 0.5


# ---------------------------------------------------------------------------------------------- counts


@dataclass(frozen=True)
class Counts:
    """True positives, false positives (false alarms) and false negatives (misses)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0


@dataclass(frozen=True)
class Ratio:
    """``hits`` out of ``total``; ``value`` is None when there was nothing to measure."""

    hits: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None


def _sum(items: Sequence[Counts]) -> Counts:
    total = Counts()
    for item in items:
        total = total + item
    return total


# ------------------------------------------------------------------------------------------ text rules


def normalise(text: str) -> str:
    """Lower case, no diacritics, punctuation as spaces, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def tokens(text: str) -> list[str]:
    return normalise(text).split()


def content_tokens(text: str) -> frozenset[str]:
    """Normalised tokens without stop words."""
    return frozenset(t for t in tokens(text) if t not in STOP_WORDS)


def _fold_spelling(token: str) -> str:
    collapsed = re.sub(r"(.)\1+", r"\1", token)
    return re.sub(r"(?:iy|yi|ii|i|y)$", "y", collapsed) if len(collapsed) > 2 else collapsed


def _name_tokens(name: str) -> list[str]:
    return [_fold_spelling(t) for t in tokens(name) if t not in _NAME_SUFFIXES and len(t) > 1]


def same_person(a: str, b: str) -> bool:
    """The name rule of the module docstring (equal, same surname up to spelling, or token subset)."""
    if normalise(a) == normalise(b):
        return True
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return False
    return ta[-1] == tb[-1] or set(ta) <= set(tb) or set(tb) <= set(ta)


def _perfect_matching(size: int, allowed: Callable[[int, int], bool]) -> bool:
    """Whether the square relation ``allowed`` has a perfect one-to-one matching (Kuhn's algorithm)."""
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in range(size):
            if j not in seen and allowed(i, j):
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return all(place(i, set()) for i in range(size))


def same_participants(gold_names: Sequence[str], predicted_names: Sequence[str]) -> bool:
    """Same set of people: equal sizes and a one-to-one pairing under :func:`same_person`."""
    gold_set = list(dict.fromkeys(normalise(n) for n in gold_names))
    pred_set = list(dict.fromkeys(normalise(n) for n in predicted_names))
    if len(gold_set) != len(pred_set) or not gold_set:
        return False
    return _perfect_matching(len(gold_set), lambda i, j: same_person(gold_set[i], pred_set[j]))


def organization_key(name: str) -> str:
    return normalise(name).replace(" ", "")


def overlap_dice(a: str, b: str) -> float:
    ta, tb = content_tokens(a), content_tokens(b)
    return 2 * len(ta & tb) / (len(ta) + len(tb)) if ta and tb else 0.0


def overlap_min(a: str, b: str) -> float:
    ta, tb = content_tokens(a), content_tokens(b)
    return len(ta & tb) / min(len(ta), len(tb)) if ta and tb else 0.0


# ----------------------------------------------------------------------------------------------- dates


def date_relation(gold: GoldEncounter, predicted: PredictedEncounter) -> str | None:
    """``exact``, ``near``, ``contains``, ``undated`` or None (incompatible): see the module docstring."""
    accepted = [date.fromisoformat(d) for d in gold.accepted_dates]
    if not predicted.date:
        return "undated" if not accepted or gold.date_basis == "external" else None
    if not accepted:
        return "undated"
    precision = predicted.precision or {10: "day", 7: "month"}.get(len(predicted.date), "year")
    try:
        if precision == "day":
            day = date.fromisoformat(predicted.date[:10])
            if day in accepted:
                return "exact"
            if any(abs(day - g) <= timedelta(days=1) for g in accepted):
                return "near"
            return None
        if precision == "month":
            if any(predicted.date[:7] == g.isoformat()[:7] for g in accepted):
                return "contains"
            return None
        return "contains" if any(predicted.date[:4] == f"{g.year:04d}" for g in accepted) else None
    except ValueError:
        return None


def type_name(local_name: str) -> str:
    """Gold spelling of an encounter class local name (PhoneCall -> phone_call)."""
    if local_name in TYPE_NAMES:
        return local_name
    return re.sub(r"(?<!^)(?=[A-Z])", "_", local_name).lower()


def type_correct(gold: GoldEncounter, predicted: PredictedEncounter) -> bool:
    names = {TYPE_NAMES.get(t, type_name(t)) for t in predicted.types}
    return bool(names) and names <= gold.accepted_types


# ------------------------------------------------------------------------------------ encounter matching

_PREFERENCE = {"exact": 3, "near": 2, "contains": 1, "undated": 0}


def encounter_candidates(gold: GoldEncounter, predicted: PredictedEncounter) -> int | None:
    """How well a prediction fits a gold encounter (higher is better); None when it does not match."""
    if not same_participants(gold.names, predicted.names):
        return None
    relation = date_relation(gold, predicted)
    if relation is None:
        return None
    return 2 * _PREFERENCE[relation] + int(type_correct(gold, predicted))


def match_encounters(gold: Sequence[GoldEncounter], predicted: Sequence[PredictedEncounter]) -> dict[int, int]:
    """A maximum one-to-one matching, gold index -> predicted index; foreground gold and better fits first."""
    options: dict[int, list[int]] = {}
    for i, g in enumerate(gold):
        scored = [(score, j) for j, p in enumerate(predicted) if (score := encounter_candidates(g, p)) is not None]
        options[i] = [j for _, j in sorted(scored, key=lambda sj: (-sj[0], sj[1]))]
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in sorted(range(len(gold)), key=lambda k: (gold[k].background, k)):
        place(i, set())
    return {i: j for j, i in owner.items()}


# -------------------------------------------------------------------------------------------- outcomes


@dataclass(frozen=True)
class SubjectOutcome:
    """Countries (or organizations) of one encounter: found, false alarms and misses with their evidence."""

    found: tuple[str, ...] = ()
    false_alarms: tuple[tuple[str, str | None], ...] = ()  # (code, the sentence the system used)
    misses: tuple[tuple[str, str | None], ...] = ()  # (code, the gold evidence quote)
    neutral: tuple[str, ...] = ()  # predicted codes the gold finds acceptable
    counted: bool = True  # False for missed and background encounters (not in the figure)

    @property
    def counts(self) -> Counts:
        if not self.counted:
            return Counts()
        return Counts(len(self.found), len(self.false_alarms), len(self.misses))


@dataclass(frozen=True)
class EncounterOutcome:
    """One gold or predicted encounter of an article and what became of it."""

    article_id: str
    status: str  # matched | missed | false_alarm | background | background_unmatched
    gold: GoldEncounter | None = None
    predicted: PredictedEncounter | None = None
    date_relation: str | None = None
    type_correct: bool | None = None
    duration_correct: bool | None = None
    countries: SubjectOutcome = field(default_factory=SubjectOutcome)
    organizations: SubjectOutcome = field(default_factory=SubjectOutcome)


def _subject_lists(
    gold: GoldEncounter | None, predicted: PredictedEncounter | None, kind: str
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(predicted, gold, acceptable) codes or short names of one encounter pair."""
    if kind == "countries":
        return (
            predicted.countries if predicted else (),
            gold.countries if gold else (),
            gold.countries_acceptable if gold else (),
        )
    return (
        predicted.organizations if predicted else (),
        gold.organizations if gold else (),
        gold.organizations_acceptable if gold else (),
    )


def _own_countries(gold: GoldEncounter | None, predicted: PredictedEncounter | None) -> set[str]:
    people = chain(gold.participants if gold else (), predicted.participants if predicted else ())
    return {p.country.upper() for p in people if p.country}


def compare_subjects(
    gold: GoldEncounter | None, predicted: PredictedEncounter | None, *, kind: str, counted: bool = True
) -> SubjectOutcome:
    """Compare the discussed ``countries`` or ``organizations`` of one (gold, predicted) encounter pair."""
    key: Callable[[str], str] = str.upper if kind == "countries" else organization_key
    excluded = _own_countries(gold, predicted) if kind == "countries" else set()
    pred_codes, gold_codes, acceptable_codes = _subject_lists(gold, predicted, kind)
    pred = {key(c): c for c in pred_codes if key(c) not in excluded}
    wanted = {key(c): c for c in gold_codes}
    acceptable = {key(c) for c in acceptable_codes}
    required = set(wanted) - acceptable
    return SubjectOutcome(
        found=tuple(sorted(pred[k] for k in set(pred) & required)),
        false_alarms=tuple(
            sorted((pred[k], predicted.evidence_for(pred[k]) if predicted else None)
                   for k in set(pred) - set(wanted) - acceptable)
        ),
        misses=tuple(
            sorted((wanted[k], gold.evidence_for(wanted[k]) if gold else None) for k in required - set(pred))
        ),
        neutral=tuple(sorted(pred[k] for k in set(pred) & acceptable)),
        counted=counted,
    )


def _status(gold: GoldEncounter | None, predicted: PredictedEncounter | None) -> str:
    if gold is None:
        return "false_alarm"
    if predicted is None:
        return "background_unmatched" if gold.background else "missed"
    return "background" if gold.background else "matched"


def _outcome(article_id: str, gold: GoldEncounter | None, predicted: PredictedEncounter | None) -> EncounterOutcome:
    status = _status(gold, predicted)
    counted = status in ("matched", "false_alarm")
    outcome = EncounterOutcome(
        article_id=article_id,
        status=status,
        gold=gold,
        predicted=predicted,
        countries=compare_subjects(gold, predicted, kind="countries", counted=counted),
        organizations=compare_subjects(gold, predicted, kind="organizations", counted=counted),
    )
    if gold is None or predicted is None:
        return outcome
    return replace(
        outcome,
        date_relation=date_relation(gold, predicted),
        type_correct=type_correct(gold, predicted),
        duration_correct=gold.duration_minutes == predicted.duration_minutes,
    )


def encounter_outcomes(gold: GoldArticle, predicted: PredictedArticle) -> tuple[EncounterOutcome, ...]:
    """Every gold and predicted encounter of one article, paired by :func:`match_encounters`."""
    pairs = match_encounters(gold.encounters, predicted.encounters)
    taken = set(pairs.values())
    article_id = gold.article_id
    outcomes = [
        _outcome(article_id, g, predicted.encounters[pairs[i]] if i in pairs else None)
        for i, g in enumerate(gold.encounters)
    ]
    outcomes += [_outcome(article_id, None, p) for j, p in enumerate(predicted.encounters) if j not in taken]
    return tuple(outcomes)


# ----------------------------------------------------------------------------------- treaties, stances


def _greedy(size_gold: int, size_pred: int, similarity: Callable[[int, int], float | None]) -> dict[int, int]:
    """One-to-one pairs, best similarity first (ties: lower indices first)."""
    scored = [
        (s, i, j) for i in range(size_gold) for j in range(size_pred) if (s := similarity(i, j)) is not None
    ]
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(scored, key=lambda sij: (-sij[0], sij[1], sij[2])):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def treaty_name_similarity(a: str, b: str) -> float:
    """1.0 when one name's content tokens contain the other's, else their Jaccard overlap."""
    ta, tb = content_tokens(a), content_tokens(b)
    if not ta or not tb:
        return 0.0
    if ta <= tb or tb <= ta:
        return 1.0
    return len(ta & tb) / len(ta | tb)


def treaty_similarity(gold: GoldTreaty, predicted: PredictedTreaty) -> float | None:
    """The best name similarity when the treaty matches (>= 0.5, compatible years), else None."""
    if gold.year is not None and predicted.year is not None and gold.year != predicted.year:
        return None
    best = max(treaty_name_similarity(gold.name, n) for n in (predicted.label, *predicted.names))
    return best if best >= TREATY_MIN_JACCARD else None


def is_iso3(value: str | None) -> bool:
    return bool(value) and _ISO3.match(value or "") is not None


def stance_similarity(gold: GoldStance, predicted: PredictedStance) -> float | None:
    """How well a predicted stance fits a gold one under the stance rule, or None when it does not."""
    if not same_person(gold.holder, predicted.holder):
        return None
    if gold.polarity.strip().lower() != predicted.polarity.strip().lower():
        return None
    quote = overlap_min(gold.quote, predicted.quote) if gold.quote and predicted.quote else 0.0
    if is_iso3(gold.target) and is_iso3(predicted.target_iso3):
        return 1.0 + quote if gold.target == predicted.target_iso3 else None
    target = overlap_dice(gold.target, predicted.target_description) if predicted.target_description else 0.0
    if target >= STANCE_MIN_TARGET_OVERLAP or quote >= STANCE_MIN_QUOTE_OVERLAP:
        return target + quote
    return None


@dataclass(frozen=True)
class ItemOutcome:
    """Matched, missed and false-alarm items (treaties or stances) of one article, as short descriptions."""

    matched: tuple[tuple[str, str], ...] = ()  # (gold, predicted)
    missed: tuple[str, ...] = ()
    false_alarms: tuple[str, ...] = ()

    @property
    def counts(self) -> Counts:
        return Counts(len(self.matched), len(self.false_alarms), len(self.missed))


def _items(
    gold: Sequence[object],
    predicted: Sequence[object],
    similarity: Callable[[int, int], float | None],
    describe_gold: Callable[[int], str],
    describe_pred: Callable[[int], str],
) -> ItemOutcome:
    pairs = _greedy(len(gold), len(predicted), similarity)
    taken = set(pairs.values())
    return ItemOutcome(
        matched=tuple((describe_gold(i), describe_pred(j)) for i, j in sorted(pairs.items())),
        missed=tuple(describe_gold(i) for i in range(len(gold)) if i not in pairs),
        false_alarms=tuple(describe_pred(j) for j in range(len(predicted)) if j not in taken),
    )


def describe_treaty(treaty: GoldTreaty | PredictedTreaty) -> str:
    name = treaty.name if isinstance(treaty, GoldTreaty) else treaty.label
    return f"{name} ({treaty.year})" if treaty.year is not None else name


def describe_stance(stance: GoldStance | PredictedStance) -> str:
    if isinstance(stance, GoldStance):
        target = stance.target
    else:
        target = stance.target_iso3 or stance.target_description or "?"
    quote = " ".join(stance.quote.split())
    quote = quote if len(quote) <= 80 else quote[:77] + "..."
    return f"{stance.holder} {stance.polarity} {target}: “{quote}”"


def treaty_outcome(gold: Sequence[GoldTreaty], predicted: Sequence[PredictedTreaty]) -> ItemOutcome:
    return _items(gold, predicted, lambda i, j: treaty_similarity(gold[i], predicted[j]),
                  lambda i: describe_treaty(gold[i]), lambda j: describe_treaty(predicted[j]))


def stance_outcome(gold: Sequence[GoldStance], predicted: Sequence[PredictedStance]) -> ItemOutcome:
    return _items(gold, predicted, lambda i, j: stance_similarity(gold[i], predicted[j]),
                  lambda i: describe_stance(gold[i]), lambda j: describe_stance(predicted[j]))


# -------------------------------------------------------------------------------------------- totals


@dataclass(frozen=True)
class ArticleScores:
    article_id: str
    encounters: tuple[EncounterOutcome, ...]
    treaties: ItemOutcome
    stances: ItemOutcome


@dataclass(frozen=True)
class Scores:
    """All figures, and the per-article breakdown they were computed from."""

    encounters: Counts
    merge_ratio: float | None  # predicted nodes per real (gold key) encounter; 1.0 is perfect
    merge_keys: int  # distinct gold keys matched
    merge_nodes: int  # sum over those keys of the distinct predicted nodes matched to them
    overmerged_nodes: tuple[str, ...]  # predicted nodes matched to more than one gold key
    date_exact: Ratio
    type_accuracy: Ratio
    duration_exact: Ratio  # over matched encounters where the gold or the prediction gives a duration
    countries: Counts
    organizations: Counts
    treaties: Counts
    stances: Counts
    countries_in_missed_encounters: int
    articles: tuple[ArticleScores, ...]

    def outcomes(self) -> list[EncounterOutcome]:
        return [o for a in self.articles for o in a.encounters]


def score_article(gold: GoldArticle, predicted: PredictedArticle | None) -> ArticleScores:
    predicted = predicted or PredictedArticle(article_id=gold.article_id)
    return ArticleScores(
        article_id=gold.article_id,
        encounters=encounter_outcomes(gold, predicted),
        treaties=treaty_outcome(gold.treaties, predicted.treaties),
        stances=stance_outcome(gold.stances, predicted.stances),
    )


def merge_figures(outcomes: Sequence[EncounterOutcome]) -> tuple[float | None, int, int, tuple[str, ...]]:
    """(ratio, keys, nodes, over-merged nodes) over matched foreground encounters."""
    nodes_by_key: dict[str, set[str]] = defaultdict(set)
    keys_by_node: dict[str, set[str]] = defaultdict(set)
    for o in outcomes:
        if o.status == "matched" and o.gold and o.predicted:
            nodes_by_key[o.gold.key].add(o.predicted.node)
            keys_by_node[o.predicted.node].add(o.gold.key)
    keys = len(nodes_by_key)
    nodes = sum(len(v) for v in nodes_by_key.values())
    overmerged = tuple(sorted(n for n, k in keys_by_node.items() if len(k) > 1))
    return (nodes / keys if keys else None), keys, nodes, overmerged


def score(gold: Mapping[str, GoldArticle], predicted: Mapping[str, PredictedArticle]) -> Scores:
    """Score every gold article (by article id) against the predictions for the same id (none = empty)."""
    articles = tuple(score_article(g, predicted.get(article_id)) for article_id, g in sorted(gold.items()))
    outcomes = [o for a in articles for o in a.encounters]
    matched = [o for o in outcomes if o.status == "matched"]
    ratio, keys, nodes, overmerged = merge_figures(outcomes)
    with_gold_date = [o for o in matched if o.gold and o.gold.accepted_dates]
    with_duration = [
        o for o in matched if o.gold and o.predicted
        and (o.gold.duration_minutes is not None or o.predicted.duration_minutes is not None)
    ]
    return Scores(
        encounters=Counts(
            tp=len(matched),
            fp=sum(o.status == "false_alarm" for o in outcomes),
            fn=sum(o.status == "missed" for o in outcomes),
        ),
        merge_ratio=ratio,
        merge_keys=keys,
        merge_nodes=nodes,
        overmerged_nodes=overmerged,
        date_exact=Ratio(sum(o.date_relation == "exact" for o in with_gold_date), len(with_gold_date)),
        type_accuracy=Ratio(sum(bool(o.type_correct) for o in matched), len(matched)),
        duration_exact=Ratio(sum(bool(o.duration_correct) for o in with_duration), len(with_duration)),
        countries=_sum([o.countries.counts for o in outcomes]),
        organizations=_sum([o.organizations.counts for o in outcomes]),
        treaties=_sum([a.treaties.counts for a in articles]),
        stances=_sum([a.stances.counts for a in articles]),
        countries_in_missed_encounters=sum(len(o.countries.misses) for o in outcomes if o.status == "missed"),
        articles=articles,
    )
