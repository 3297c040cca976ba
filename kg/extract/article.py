"""One article's facts: composes the rules of :mod:`kg.extract` over its annotated ``Doc``."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from kg.extract.dates import context_year, date_clues_in, date_from_url, find_dateline
from kg.extract.durations import parse_duration_minutes
from kg.extract.linking import link_sentences
from kg.extract.mentions import Mark, marks_of
from kg.extract.participants import actor_of
from kg.extract.sightings import Cluster, cluster_sightings, find_sightings
from kg.extract.stances import find_stances
from kg.extract.subjects import discussed_marks, discussed_topics, gathering_of
from kg.extract.treaties import is_reaffirmed, treaty_names
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.records import (
    ActorKind,
    ActorMention,
    ActorRef,
    Article,
    DateClues,
    Discussion,
    Encounter,
    Evidence,
    Extraction,
    PartialDate,
    Precision,
    Stance,
    TreatyMention,
)


def evidence_for(article: Article, sentences: list[Span], index: int) -> Evidence:
    sentence = sentences[index]
    return Evidence(article.id, index, sentence.start_char, sentence.end_char, sentence.text)


def actor_ref(kind: str, ref: str, gazetteer: Gazetteer) -> ActorRef | None:
    if kind == "country" and ref in gazetteer.countries:
        return ActorRef(ActorKind.COUNTRY, ref, gazetteer.countries[ref].name)
    if kind == "organization" and ref in gazetteer.organizations:
        return ActorRef(ActorKind.ORGANIZATION, ref, gazetteer.organizations[ref].short)
    if kind == "person" and ref in gazetteer.people:
        return ActorRef(ActorKind.PERSON, ref, gazetteer.people[ref].name)
    return None


def own_actors(gazetteer: Gazetteer, participant_ids: set[str], date: PartialDate | None) -> set[str]:
    """The participants' countries and the organizations they held office in (on the encounter's date
    when it is known: Mark Rutte speaks for the Netherlands in 2023 and for NATO in 2024)."""
    own: set[str] = set()
    for person in (gazetteer.people[p] for p in participant_ids if p in gazetteer.people):
        own.add(person.country)
        terms = person.offices_on(date.value) if date is not None and date.precision is Precision.DAY else ()
        own.update(t.of for t in (terms or person.offices) if t.of in gazetteer.organizations)
    return own


def _mark_actor(mark: Mark, gazetteer: Gazetteer, date: PartialDate | None, anchor: dt.date | None) -> ActorRef | None:
    if mark.kind == "role":
        return actor_of(mark, gazetteer, date, anchor)
    return actor_ref(mark.kind, mark.ref, gazetteer)


_ORGANIZATION_NAMES: dict[int, tuple[re.Pattern[str], dict[str, str]]] = {}


def _organization_names(gazetteer: Gazetteer) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern matching every organization name of the gazetteer, built once per gazetteer."""
    key = id(gazetteer)
    if key not in _ORGANIZATION_NAMES:
        refs = {f.text: f.ref for f in gazetteer.surface_forms() if f.kind == "organization"}
        names = "|".join(re.escape(t) for t in sorted(refs, key=len, reverse=True))
        _ORGANIZATION_NAMES[key] = (re.compile(rf"(?<!\w)(?:{names})(?!\w)"), refs)
    return _ORGANIZATION_NAMES[key]


def gathering_after(lexicon: Lexicon) -> re.Pattern[str]:
    """A gathering word ("summit", "sidelines") within three words."""
    words = "|".join(re.escape(w) for w in lexicon.subjects.headline_gathering_words)
    return re.compile(rf"^\W*(?:\w+\W+){{0,2}}?(?:{words})\b", re.I)


def headline_gatherings(gazetteer: Gazetteer, title: str | None, lexicon: Lexicon) -> frozenset[str]:
    """Organizations the headline names as the summit of the story ("... at Bay Area APEC summit"). The
    headline is not part of the parsed text, so its names are found by the gazetteer's forms alone."""
    if not title:
        return frozenset()
    pattern, refs = _organization_names(gazetteer)
    summit_after = gathering_after(lexicon)
    return frozenset(
        refs[m.group(0)] for m in pattern.finditer(title) if summit_after.match(title[m.end() :])
    )


class _ArticleContext:
    """What every rule of one article needs; built once per article."""

    def __init__(self, doc: Doc, article: Article, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.doc = doc
        self.article = article
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.anchor = article.published or date_from_url(article.url) or find_dateline(article.text)
        self.context_year = self.anchor.year if self.anchor else context_year(article.title, article.url)
        self.sentences = list(doc.sents)
        self.marks = marks_of(doc, lexicon)
        self.headline_gatherings = headline_gatherings(gazetteer, article.title, lexicon)

    def evidence(self, index: int) -> Evidence:
        return evidence_for(self.article, self.sentences, index)

    def sentence_of(self, token_index: int) -> int:
        for index, sentence in enumerate(self.sentences):
            if sentence.start <= token_index < sentence.end:
                return index
        raise ValueError(f"token {token_index} is outside every sentence")


def _encounter(ctx: _ArticleContext, cluster: Cluster, linked: list[int], treaties_in: dict[int, list]) -> Encounter:
    gazetteer = ctx.gazetteer
    participants = tuple(sorted(cluster.participants, key=lambda a: a.id))
    participant_ids = {p.id for p in participants}
    own = own_actors(gazetteer, participant_ids, cluster.date)
    discussions: list[Discussion] = []
    seen: set[str] = set()
    duration = None
    reaffirmed: list[str] = []
    for index in linked:
        sentence = ctx.sentences[index]
        for kind, ref, _mark in discussed_marks(sentence, ctx.marks, own, participant_ids, gazetteer, ctx.lexicon):
            actor = actor_ref(kind, ref, gazetteer)
            if actor is not None and f"{kind}:{ref}" not in seen:
                seen.add(f"{kind}:{ref}")
                discussions.append(Discussion(actor, ctx.evidence(index)))
        for topic in discussed_topics(sentence, ctx.lexicon):
            if f"topic:{topic}" not in seen:
                seen.add(f"topic:{topic}")
                discussions.append(Discussion(topic, ctx.evidence(index)))
        if duration is None:
            duration = parse_duration_minutes(sentence.text)
        for treaty in treaties_in.get(index, []):
            if is_reaffirmed(sentence, ctx.lexicon) and treaty.id not in reaffirmed:
                reaffirmed.append(treaty.id)
    lead = _lead_sentences(ctx, cluster, linked, participant_ids)
    gatherings = _gatherings(ctx, cluster, linked)
    return Encounter(
        kind=cluster.kind,
        participants=participants,
        date=cluster.date or _lead_date(ctx, lead),
        duration_minutes=duration,
        discussions=tuple(discussions),
        evidence=tuple(ctx.evidence(i) for i in cluster.sentence_indexes),
        reaffirmed_treaties=tuple(reaffirmed),
        clues=_clues(ctx, cluster, lead, gatherings),
        gatherings=gatherings,
    )


def _gatherings(ctx: _ArticleContext, cluster: Cluster, linked: list[int]) -> tuple[str, ...]:
    """The summits (organizations) the encounter took place at, from its sentences and the headline."""
    if cluster.background:
        return ()
    indexes = set(linked)
    found = {
        m.ref for m in ctx.marks
        if m.kind == "organization" and gathering_of(m, ctx.lexicon) and ctx.sentence_of(m.start) in indexes
    }
    return tuple(sorted(found | ctx.headline_gatherings))


_RECENT = dt.timedelta(days=7)


def _lead_sentences(ctx: _ArticleContext, cluster: Cluster, linked: list[int], participant_ids: set[str]) -> list[int]:
    """The first sentences reporting the encounter that name a participant ("Erdogan called on Putin to
    declare a ceasefire on Thursday, January 5"): what they say happened during the encounter, so their
    date is its date."""
    if cluster.background:
        return []
    named = {m.start for m in ctx.marks if m.kind == "person" and m.ref in participant_ids}
    lead = [i for i in linked if any(ctx.sentences[i].start <= t < ctx.sentences[i].end for t in named)]
    return lead[:3]


def _lead_date(ctx: _ArticleContext, lead: list[int]) -> PartialDate | None:
    from kg.extract.dates import parse_date

    for index in lead:
        found = parse_date(ctx.sentences[index].text, ctx.anchor, context_year=ctx.context_year)
        if found is not None and found.precision is Precision.DAY:
            return found
    return None


def _clues(ctx: _ArticleContext, cluster: Cluster, lead: list[int], gatherings: tuple[str, ...]) -> DateClues | None:
    """For an encounter not dated to the day: the weekday, month-day or year its sentences give, and for
    the encounter a dated report is about, the week before publication."""
    date = cluster.date or _lead_date(ctx, lead)
    if date is not None and date.precision is Precision.DAY:
        return None
    weekday = month = day = None
    sentences = [s.sentence_index for s in cluster.sightings if len(s.participants) >= 2] + lead
    for index in sentences:
        found = date_clues_in(ctx.sentences[index].text)
        weekday = weekday if weekday is not None else found[0]
        month, day = (month, day) if month is not None else found[1:]
    year = date.value.year if date is not None else None
    if date is not None and date.precision is Precision.MONTH:
        month = date.value.month
    recent = ctx.anchor is not None and not cluster.background
    clues = DateClues(weekday, month, day, year, ctx.anchor,
                      ctx.anchor - _RECENT if recent and ctx.anchor else None, frozenset(gatherings))
    return None if clues.empty else clues


def _mentions(ctx: _ArticleContext) -> tuple[ActorMention, ...]:
    seen: dict[tuple[str, str], ActorMention] = {}
    for mark in ctx.marks:
        actor = actor_ref(mark.kind, mark.ref, ctx.gazetteer)
        if actor is not None and (mark.kind, mark.ref) not in seen:
            seen[(mark.kind, mark.ref)] = ActorMention(actor, ctx.evidence(ctx.sentence_of(mark.start)))
    return tuple(seen.values())


def _stances(ctx: _ArticleContext, date: PartialDate | None) -> tuple[Stance, ...]:
    stances: list[Stance] = []
    for index, sentence in enumerate(ctx.sentences):
        for draft in find_stances(sentence, ctx.marks, ctx.lexicon):
            holder = _mark_actor(draft.holder, ctx.gazetteer, date, ctx.anchor)
            if holder is None:
                continue
            target = _mark_actor(draft.target, ctx.gazetteer, date, ctx.anchor) if draft.target else None
            if target is None and draft.target_text is None:
                continue
            stances.append(Stance(holder, draft.polarity, draft.quote, ctx.evidence(index), target,
                                  None if target is not None else draft.target_text))
    return tuple(stances)


def extract_article(doc: Doc, article: Article, gazetteer: Gazetteer, lexicon: Lexicon) -> Extraction:
    """Everything the article says: encounters with their subjects, mentions, treaties, stances."""
    ctx = _ArticleContext(doc, article, gazetteer, lexicon)
    sightings = find_sightings(ctx.sentences, ctx.marks, gazetteer, lexicon, ctx.anchor, ctx.context_year)
    clusters = cluster_sightings(sightings)
    links = link_sentences(ctx.sentences, clusters, ctx.marks, gazetteer, lexicon)
    labels = {t.id: t.name for t in gazetteer.treaties.values()}
    years = {t.id: t.year for t in gazetteer.treaties.values()}
    names = treaty_names(doc, ctx.marks, years, labels, lexicon)
    treaties_in: dict[int, list] = {}
    for name in names:
        treaties_in.setdefault(ctx.sentence_of(name.span.start), []).append(name)
    encounters = tuple(_encounter(ctx, c, links.get(i, []), treaties_in) for i, c in enumerate(clusters))
    reaffirmed = {t for e in encounters for t in e.reaffirmed_treaties}
    treaties = []
    seen: set[str] = set()
    for name in names:
        if name.id in seen:
            continue
        seen.add(name.id)
        known = gazetteer.treaties.get(name.id)
        treaties.append(TreatyMention(
            name.id, name.name, name.year, known.parties if known else (), name.id in reaffirmed,
            ctx.evidence(ctx.sentence_of(name.span.start)),
        ))
    main_date = encounters[0].date if encounters else None
    return Extraction(
        article=article,
        encounters=encounters,
        mentions=_mentions(ctx),
        treaties=tuple(treaties),
        stances=_stances(ctx, main_date),
    )
