"""What the system said, per article, read back out of a store with the SPARQL files in ``sparql/``.

Each article's facts are read from its own named graph (``GRAPH ?g``), so an encounter node shared by
two articles shows, for each article, that article's date, kind, duration and discussed subjects.
Names, ISO codes and short names of actors come from the reference graph (the store's union graph).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError
from kg.query.results import term_text
from kg.query.saved import load_query
from kg.store.base import Store

_SPARQL_DIR = Path(__file__).resolve().parent / "sparql"
_PRECISIONS = {"DayPrecision": "day", "MonthPrecision": "month", "YearPrecision": "year"}


@dataclass(frozen=True)
class PredictedParticipant:
    name: str
    country: str | None  # ISO 3166-1 alpha-3 of the represented country
    node: str = ""  # the actor IRI
    from_text: bool = False  # marked kg:TextActor: recognized from the text, not known to the gazetteer


@dataclass(frozen=True)
class PredictedEncounter:
    node: str  # the encounter IRI (shared by every article that reports the same encounter)
    types: tuple[str, ...]  # kg class local names, e.g. ("PhoneCall",)
    date: str | None  # at its precision: yyyy-mm-dd, yyyy-mm or yyyy
    precision: str | None  # day | month | year
    participants: tuple[PredictedParticipant, ...]
    duration_minutes: int | None = None
    countries: tuple[str, ...] = ()  # ISO alpha-3 codes discussed, as this article reports
    organizations: tuple[str, ...] = ()  # short names discussed
    evidence: tuple[tuple[str, str], ...] = ()  # (code or short name, sentence of this article)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.participants)

    def evidence_for(self, subject: str) -> str | None:
        wanted = subject.casefold()
        return next((sentence for code, sentence in self.evidence if code.casefold() == wanted), None)


@dataclass(frozen=True)
class PredictedTreaty:
    node: str
    label: str  # the label this article gave it
    names: tuple[str, ...] = ()  # every label and alias of the node
    year: int | None = None
    parties: tuple[str, ...] = ()


@dataclass(frozen=True)
class PredictedStance:
    node: str
    holder: str
    polarity: str  # snake case, as in the gold: support, call_for, ...
    quote: str = ""
    target_iso3: str | None = None
    target_description: str | None = None  # the description, or the label of a non-country target
    holder_iso3: str | None = None  # the ISO alpha-3 code of a state holder


@dataclass(frozen=True)
class PredictedArticle:
    article_id: str
    encounters: tuple[PredictedEncounter, ...] = ()
    treaties: tuple[PredictedTreaty, ...] = ()
    stances: tuple[PredictedStance, ...] = ()


def sparql(name: str) -> str:
    """The text of ``kg/evaluation/sparql/<name>.rq``."""
    return load_query(_SPARQL_DIR, name).text


def _rows(store: Store, name: str) -> Iterator[dict[str, str]]:
    try:
        solutions = store.select(sparql(name))
        columns = [v.value for v in solutions.variables]
        rows = [{c: term_text(row[c]) for c in columns} for row in solutions]
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"evaluation query {name}.rq failed: {exc}", where=store.location) from exc
    yield from rows


def snake_case(local_name: str) -> str:
    """``CallFor`` -> ``call_for``, ``PhoneCall`` -> ``phone_call``."""
    out = []
    for index, char in enumerate(local_name):
        if char.isupper() and index:
            out.append("_")
        out.append(char.lower())
    return "".join(out)


def _int(value: str) -> int | None:
    try:
        return int(value)
    except ValueError:
        return None


def _year(value: str) -> int | None:
    return _int(value[:4].lstrip("-")) if value else None


class _EncounterParts:
    def __init__(self) -> None:
        self.types: set[str] = set()
        self.dates: set[tuple[str, str]] = set()
        self.durations: set[int] = set()
        self.participants: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
        self.text_actors: set[str] = set()
        self.countries: set[str] = set()
        self.organizations: set[str] = set()
        self.evidence: dict[str, tuple[int, str]] = {}

    def add_evidence(self, subject: str, sentence: str, index: str) -> None:
        if not sentence:
            return
        rank = _int(index)
        candidate = (rank if rank is not None else 1 << 30, sentence)
        if subject not in self.evidence or candidate < self.evidence[subject]:
            self.evidence[subject] = candidate

    def build(self, node: str) -> PredictedEncounter:
        date, precision = min(self.dates) if self.dates else (None, None)
        participants = tuple(
            sorted(
                (
                    PredictedParticipant(
                        name=min(names) if names else node_iri.rsplit("/", 1)[-1],
                        country=min(codes) if codes else None,
                        node=node_iri,
                        from_text=node_iri in self.text_actors,
                    )
                    for node_iri, (names, codes) in self.participants.items()
                ),
                key=lambda p: p.name,
            )
        )
        return PredictedEncounter(
            node=node,
            types=tuple(sorted(self.types)),
            date=date,
            precision=precision,
            participants=participants,
            duration_minutes=min(self.durations) if self.durations else None,
            countries=tuple(sorted(self.countries)),
            organizations=tuple(sorted(self.organizations)),
            evidence=tuple((subject, sentence) for subject, (_, sentence) in sorted(self.evidence.items())),
        )


def _precision(date: str, precision_local: str) -> str:
    if precision_local in _PRECISIONS:
        return _PRECISIONS[precision_local]
    return {10: "day", 7: "month"}.get(len(date), "year")


def _encounters(store: Store) -> dict[str, dict[str, _EncounterParts]]:
    parts: dict[str, dict[str, _EncounterParts]] = defaultdict(lambda: defaultdict(_EncounterParts))
    for row in _rows(store, "encounters"):
        enc = parts[row["article"]][row["encounter"]]
        if row["type"]:
            enc.types.add(row["type"])
        if row["date"]:
            enc.dates.add((row["date"], _precision(row["date"], row["precision"])))
        duration = _int(row["duration"]) if row["duration"] else None
        if duration is not None:
            enc.durations.add(duration)
    for row in _rows(store, "participants"):
        enc = parts[row["article"]][row["encounter"]]
        names, codes = enc.participants[row["participant"]]
        if row["fromText"] == "true":
            enc.text_actors.add(row["participant"])
        if row["name"]:
            names.add(row["name"])
        if row["iso3"]:
            codes.add(row["iso3"])
    for row in _rows(store, "discussed"):
        enc = parts[row["article"]][row["encounter"]]
        for subject, bucket in ((row["iso3"], enc.countries), (row["organization"], enc.organizations)):
            if subject:
                bucket.add(subject)
                enc.add_evidence(subject, row["sentence"], row["sentenceIndex"])
    return parts


def _treaties(store: Store) -> dict[str, list[PredictedTreaty]]:
    fields: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in _rows(store, "treaties"):
        fields[(row["article"], row["treaty"])][row["field"]].add(row["value"])
    out: dict[str, list[PredictedTreaty]] = defaultdict(list)
    for (article, node), values in sorted(fields.items()):
        labels = sorted(values["label"])
        years = sorted(y for y in (_year(v) for v in values["year"]) if y is not None)
        out[article].append(
            PredictedTreaty(
                node=node,
                label=labels[0] if labels else node.rsplit("/", 1)[-1],
                names=tuple(sorted(values["name"] | values["label"])),
                year=years[0] if years else None,
                parties=tuple(sorted(values["party"])),
            )
        )
    return out


def _stances(store: Store) -> dict[str, list[PredictedStance]]:
    seen: dict[tuple[str, str], PredictedStance] = {}
    for row in _rows(store, "stances"):
        key = (row["article"], row["stance"])
        if key in seen:
            continue
        seen[key] = PredictedStance(
            node=row["stance"],
            holder=row["holder"],
            polarity=snake_case(row["polarity"]),
            quote=row["quote"],
            target_iso3=row["targetIso3"] or None,
            target_description=row["description"] or row["targetLabel"] or None,
            holder_iso3=row["holderIso3"] or None,
        )
    out: dict[str, list[PredictedStance]] = defaultdict(list)
    for (article, _), stance in sorted(seen.items()):
        out[article].append(stance)
    return out


def read_predictions(store: Store) -> dict[str, PredictedArticle]:
    """Every article in the store, by article id, with what its own graph says."""
    encounters = _encounters(store)
    treaties = _treaties(store)
    stances = _stances(store)
    ids = {row["article"] for row in _rows(store, "articles")} | set(encounters) | set(treaties) | set(stances)
    return {
        article_id: PredictedArticle(
            article_id=article_id,
            encounters=tuple(parts.build(node) for node, parts in sorted(encounters.get(article_id, {}).items())),
            treaties=tuple(treaties.get(article_id, ())),
            stances=tuple(stances.get(article_id, ())),
        )
        for article_id in sorted(ids)
    }
