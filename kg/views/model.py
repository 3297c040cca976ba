"""Plain, frozen data for the views: what one encounter looks like once read from the store."""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("participant", "country", "organization", "topic", "treaty", "stance")


@dataclass(frozen=True)
class Evidence:
    """A sentence behind a fact, and the article it was read from."""

    sentence: str
    article: str
    url: str = ""
    headline: str = ""


@dataclass(frozen=True)
class Fact:
    """One edge of an encounter picture: a participant, a subject discussed, a treaty or a stance."""

    role: str  # one of ROLES
    label: str
    iri: str = ""
    note: str = ""  # e.g. the country a participant represents, a stance's polarity and target
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Participant:
    iri: str
    name: str
    iso3: str = ""


@dataclass(frozen=True)
class EncounterSummary:
    """One row of the encounter list (no evidence)."""

    iri: str
    kind: str  # ontology class local name: PhoneCall, VideoCall, Meeting, Summit, StateVisit
    date: str = ""  # ISO at its precision: 2026-02-04, 2026-02 or 2026
    duration: int | None = None
    articles: int = 0
    participants: tuple[Participant, ...] = ()
    discussed: tuple[tuple[str, str, str], ...] = ()  # (role, label, iso3 or "")

    @property
    def title(self) -> str:
        names = " – ".join(p.name for p in self.participants) or "unknown participants"
        return f"{kind_label(self.kind)}: {names}, {self.date or 'date unknown'}"


@dataclass(frozen=True)
class EncounterView:
    """One encounter with everything its picture shows, each fact with its evidence."""

    summary: EncounterSummary
    facts: tuple[Fact, ...] = ()
    reports: tuple[Evidence, ...] = field(default=())  # the sentences that report the encounter itself

    def by_role(self, role: str) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if f.role == role)


_KIND_LABELS = {"PhoneCall": "Phone call", "VideoCall": "Video call", "Meeting": "Meeting", "Summit": "Summit",
                "StateVisit": "State visit"}


def kind_label(kind: str) -> str:
    return _KIND_LABELS.get(kind, kind or "Encounter")


def duration_label(minutes: int | None) -> str:
    if minutes is None:
        return ""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"
