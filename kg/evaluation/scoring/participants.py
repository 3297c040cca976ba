"""Actors: participant recall, the share of actors found outside the gazetteer, encounter nodes without a day.

* **participant recall**: per article, the distinct participants of its foreground gold encounters (names
  folded by :func:`.names.normalise`); one is found when some encounter the system reports for that article,
  matched or not, has a participant of the same name under the name rule of :mod:`.names`. Background gold
  encounters are optional here too.
* **text actors**: of the distinct actor nodes taking part in the encounters reported by the scored
  articles, the share typed ``kg:TextActor`` (recognized from the text, not known to the gazetteer).
* **encounter nodes without a day**: of the distinct encounter nodes reported by the scored articles, those
  that no article dates to the day (month, year or no date). Lower is better.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg.evaluation.gold import GoldArticle
from kg.evaluation.predictions import PredictedArticle
from kg.evaluation.scoring.counts import Ratio
from kg.evaluation.scoring.names import normalise, same_person


@dataclass(frozen=True)
class ParticipantOutcome:
    """The gold participants of one article that the system found (and did not find) as actors."""

    found: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()

    @property
    def recall(self) -> Ratio:
        return Ratio(len(self.found), len(self.found) + len(self.missed))


def gold_participants(gold: GoldArticle) -> tuple[str, ...]:
    """The distinct participant names of the article's foreground gold encounters, in order of appearance."""
    names: dict[str, str] = {}
    for encounter in gold.encounters:
        if not encounter.background:
            for name in encounter.names:
                names.setdefault(normalise(name), name)
    return tuple(names.values())


def participant_outcome(gold: GoldArticle, predicted: PredictedArticle) -> ParticipantOutcome:
    """Which gold participants are actors of any encounter the system reports for the same article."""
    actors = {p.name for encounter in predicted.encounters for p in encounter.participants}
    found, missed = [], []
    for name in gold_participants(gold):
        (found if any(same_person(name, actor) for actor in actors) else missed).append(name)
    return ParticipantOutcome(found=tuple(found), missed=tuple(missed))


def text_actor_share(predicted: Iterable[PredictedArticle]) -> Ratio:
    """Distinct actor nodes typed ``kg:TextActor`` out of every actor node taking part in an encounter."""
    marks: dict[str, bool] = {}
    for article in predicted:
        for encounter in article.encounters:
            for p in encounter.participants:
                key = p.node or f"{normalise(p.name)}|{p.country or ''}"
                marks[key] = marks.get(key, False) or p.from_text
    return Ratio(sum(marks.values()), len(marks))


def encounters_without_day(predicted: Iterable[PredictedArticle]) -> Ratio:
    """Distinct encounter nodes that no article dates to the day, out of every encounter node reported."""
    has_day: dict[str, bool] = {}
    for article in predicted:
        for encounter in article.encounters:
            dated = encounter.precision == "day" and bool(encounter.date)
            has_day[encounter.node] = has_day.get(encounter.node, False) or dated
    return Ratio(sum(not day for day in has_day.values()), len(has_day))
