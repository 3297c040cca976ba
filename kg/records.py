"""Frozen records passed between the pipeline stages.

This module is the seam between the NLP side (``kg.nlp``, ``kg.extract``) and the RDF side
(``kg.rdf``, ``kg.store``): it imports neither spaCy nor an RDF library.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from kg.keys import EncounterKey

EXTRACTOR_VERSION = "kg-rules/0.1.0"


class EncounterKind(enum.Enum):
    """The kind of a leader encounter; values are the ontology class local names."""

    PHONE_CALL = "PhoneCall"
    VIDEO_CALL = "VideoCall"
    MEETING = "Meeting"
    SUMMIT = "Summit"
    STATE_VISIT = "StateVisit"

    @property
    def family(self) -> str:
        """Kinds in one family may describe the same real encounter ("call" vs "video call")."""
        return "remote" if self in (EncounterKind.PHONE_CALL, EncounterKind.VIDEO_CALL) else "in-person"

    @property
    def label(self) -> str:
        """The kind as people write it ("Phone call"): graph labels, pictures and pages all use this."""
        return KIND_LABELS[self]


KIND_LABELS: dict[EncounterKind, str] = {
    EncounterKind.PHONE_CALL: "Phone call",
    EncounterKind.VIDEO_CALL: "Video call",
    EncounterKind.MEETING: "Meeting",
    EncounterKind.SUMMIT: "Summit",
    EncounterKind.STATE_VISIT: "State visit",
}


class Precision(enum.Enum):
    """How much of a date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Polarity(enum.Enum):
    """Polarity of a stance (the annotation guideline's six values)."""

    SUPPORT = "support"
    OPPOSE = "oppose"
    CONCERN = "concern"
    COOPERATE = "cooperate"
    NEUTRAL = "neutral"
    CALL_FOR = "call_for"


class ActorKind(enum.Enum):
    COUNTRY = "country"
    PERSON = "person"
    ORGANIZATION = "organization"


@dataclass(frozen=True)
class Article:
    """One input article, as read from a file (stage 1)."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    license: str | None = None
    source: str = ""  # where it was read from, e.g. "data/articles/x.txt" or "feed.jsonl:12"
    extra: tuple[tuple[str, str], ...] = ()  # header keys kg does not know, kept verbatim


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: a sentence of an article, with its character span in ``Article.text``."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    sentence: str
    extractor: str = EXTRACTOR_VERSION


@dataclass(frozen=True)
class ActorRef:
    """A resolved actor: a gazetteer id of a given kind (iso3 for countries), or for a person the gazetteer
    does not know (``source="text"``) the identity key of a :class:`TextActor`."""

    kind: ActorKind
    id: str
    label: str
    source: str = "gazetteer"  # "gazetteer" | "text"

    @property
    def from_text(self) -> bool:
        return self.source == "text"


@dataclass(frozen=True)
class PartialDate:
    """A date known to a precision; ``value`` carries the known part (day and month are 1 when unknown)."""

    value: dt.date
    precision: Precision
    expression: str
    basis: str  # "stated" | "relative" | "corroborated"
    doubtful: bool = False  # the article contradicts itself ("Monday, March 5" for a Thursday)

    def iso(self) -> str:
        if self.precision is Precision.DAY:
            return self.value.isoformat()
        if self.precision is Precision.MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return f"{self.value.year:04d}"

    def contains(self, day: dt.date) -> bool:
        if self.precision is Precision.DAY:
            return self.value == day
        if self.precision is Precision.MONTH:
            return (self.value.year, self.value.month) == (day.year, day.month)
        return self.value.year == day.year


@dataclass(frozen=True)
class DateClues:
    """What an article says of an encounter's date when it cannot give the whole of it ("on Tuesday" with
    no publication date, "Feb. 12" with no year), and the window a news report implies."""

    weekday: int | None = None  # 0 = Monday
    month: int | None = None
    day: int | None = None
    year: int | None = None
    not_after: dt.date | None = None
    not_before: dt.date | None = None
    gatherings: frozenset[str] = frozenset()  # "on the sidelines of the APEC summit": one meeting per summit
    # the day lies in one of these spans (first, last day): "President-elect X" before each term of X's office
    periods: tuple[tuple[dt.date, dt.date], ...] = ()
    # where it took place (iso3 of the host countries), given only when the article tells nothing of when:
    # the one dated report of the same parties in the same place is then that encounter
    venues: frozenset[str] = frozenset()
    # "The day before, ...": days from the article's encounter of these participants (ids), when that one
    # is dated only in the resolve stage
    story: tuple[int, tuple[str, ...]] | None = None

    @property
    def empty(self) -> bool:
        dated = (self.weekday, self.month, self.day, self.year, self.not_before, self.story)
        return all(v is None for v in dated) and not self.gatherings and not self.periods and not self.venues

    def admits(self, day: dt.date) -> bool:
        checks = (
            self.weekday is None or day.weekday() == self.weekday,
            self.month is None or day.month == self.month,
            self.day is None or day.day == self.day,
            self.year is None or day.year == self.year,
            self.not_after is None or day <= self.not_after,
            self.not_before is None or day >= self.not_before,
            not self.periods or any(first <= day <= last for first, last in self.periods),
        )
        return all(checks)


@dataclass(frozen=True)
class TextActor:
    """A person recognized from how the article introduces them, not found in the gazetteer: the name, the
    office title as read ("Prime Minister", "Secretary-General"), the gazetteer role it names, and the
    country or organization the person speaks for when the text says it. ``id`` is the identity key
    (represented country or organization and normalized name), the same in every article. ``name_words``
    are the folded words of the whole name without honorifics, particles and initials, its suffix last
    ("ferdinand", "romualdez", "marcos", "jr"): what tells the resolve stage that an article naming no
    country names the person another article places (:mod:`kg.ingest.identities`)."""

    id: str
    name: str
    title: str | None
    role: str | None
    represents: ActorRef | None
    evidence: Evidence
    name_words: tuple[str, ...] = ()

    @property
    def ref(self) -> ActorRef:
        return ActorRef(ActorKind.PERSON, self.id, self.name, "text")


@dataclass(frozen=True)
class ActorMention:
    """An actor named in an article (first evidence kept)."""

    actor: ActorRef
    evidence: Evidence


@dataclass(frozen=True)
class Discussion:
    """A country, organization or topic reported as a subject of an encounter."""

    subject: ActorRef | str  # an actor, or a topic id
    evidence: Evidence


@dataclass(frozen=True)
class Encounter:
    """A held encounter reported in an article."""

    kind: EncounterKind
    participants: tuple[ActorRef, ...]
    date: PartialDate | None
    duration_minutes: int | None
    discussions: tuple[Discussion, ...]
    evidence: tuple[Evidence, ...]
    reaffirmed_treaties: tuple[str, ...] = ()
    clues: DateClues | None = None  # set when the date is not known to the day
    gatherings: tuple[str, ...] = ()  # organizations whose summit was the venue (APEC, G20)
    venues: tuple[str, ...] = ()  # countries its report names as where it took place (iso3)
    key: EncounterKey | None = None  # its identity, set by the resolve stage (kg.ingest.resolve.identify)
    background: bool = False  # an earlier encounter the article mentions in passing ("they last met in May")

    @property
    def participant_ids(self) -> tuple[str, ...]:
        return tuple(sorted(p.id for p in self.participants))


@dataclass(frozen=True)
class TreatyMention:
    """A treaty the article names; ``reaffirmed`` when an encounter of the article stood by it."""

    treaty_id: str
    label: str
    year: int | None
    parties: tuple[str, ...]
    reaffirmed: bool
    evidence: Evidence


@dataclass(frozen=True)
class Stance:
    holder: ActorRef
    polarity: Polarity
    quote: str
    evidence: Evidence
    target: ActorRef | None = None
    target_description: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything one article says (stage 3 output)."""

    article: Article
    encounters: tuple[Encounter, ...] = ()
    mentions: tuple[ActorMention, ...] = ()
    treaties: tuple[TreatyMention, ...] = ()
    stances: tuple[Stance, ...] = ()
    text_actors: tuple[TextActor, ...] = ()  # people the article introduces whom the gazetteer does not know
    warnings: tuple[str, ...] = field(default=())
