"""Plain, frozen data for the views: what one encounter looks like once read from the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from kg.records import EncounterKind

ROLES = ("participant", "country", "organization", "topic", "treaty", "stance")


@dataclass(frozen=True)
class Citation:
    """What a picture cites for a fact: the evidence sentence (a :class:`kg.records.Evidence` in the graph)
    with the article it was read from, as the reader sees them."""

    sentence: str
    article: str
    url: str = ""
    headline: str = ""
    outlet: str = ""

    @property
    def publisher(self) -> str:
        """The outlet, else the host of the article's URL ("" when neither is known)."""
        try:
            host = urlsplit(self.url).hostname or ""
        except ValueError:  # a malformed URL names no host
            host = ""
        return self.outlet or host

    @property
    def source(self) -> str:
        """The article as a reader names it: its title and outlet ("Title — Outlet"), its id when the
        article has no title."""
        return " — ".join(part for part in (self.headline or self.article, self.publisher) if part)


@dataclass(frozen=True)
class Fact:
    """One edge of an encounter picture: a participant, a subject discussed, a treaty or a stance."""

    role: str  # one of ROLES
    label: str
    iri: str = ""
    note: str = ""  # e.g. the country a participant represents, a stance's polarity and target
    evidence: tuple[Citation, ...] = ()


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
    reports: tuple[Citation, ...] = field(default=())  # the sentences that report the encounter itself

    def by_role(self, role: str) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if f.role == role)


def kind_label(kind: str) -> str:
    """The label of an ontology class local name ("PhoneCall" -> "Phone call"), from :class:`EncounterKind`."""
    try:
        return EncounterKind(kind).label
    except ValueError:
        return kind or "Encounter"


def duration_label(minutes: int | None) -> str:
    if minutes is None:
        return ""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"
