"""Encounter records from the clusters of sightings: date (or date clues), duration, gatherings, the
treaties reaffirmed, and the discussions found for each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from kg.extract.context import ArticleContext, RuleData
from kg.extract.incoming_offices import incoming_periods
from kg.extract.office_years import day_from_offices
from kg.extract.report_dates import own_dates_text
from kg.extract.sightings import Cluster
from kg.extract.subjects import gathering_of, is_venue
from kg.extract.treaties import TreatyName, is_reaffirmed
from kg.extract.triggers import is_planned_or_negated
from kg.nlp.marks import MarkKind
from kg.records import DateClues, Discussion, Encounter, PartialDate, Precision

_RECENT = dt.timedelta(days=7)


def headline_gatherings(data: RuleData, title: str | None) -> frozenset[str]:
    """Organizations the headline names as the summit of the story ("... at Bay Area APEC summit"). The
    headline is not part of the parsed text, so its names are found by the gazetteer's forms alone."""
    if not title:
        return frozenset()
    return frozenset(
        data.organization_refs[m.group(0)] for m in data.organization_names.finditer(title)
        if data.gathering_after.match(title[m.end() :])
    )


def encounter_records(
    ctx: ArticleContext, discussions: Mapping[int, Sequence[Discussion]], extractor: str,
) -> tuple[Encounter, ...]:
    """One record per cluster of ``ctx.clusters``; its evidence is tagged with ``extractor``."""
    treaties_in: dict[int, list[TreatyName]] = {}
    for name in ctx.treaty_names:
        treaties_in.setdefault(ctx.sentence_of(name.span.start), []).append(name)
    headline = headline_gatherings(ctx.data, ctx.article.title)
    return tuple(
        _encounter(ctx, cluster, ctx.links.get(i, []), treaties_in, tuple(discussions.get(i, ())), headline,
                   extractor)
        for i, cluster in enumerate(ctx.clusters)
    )


def _encounter(
    ctx: ArticleContext, cluster: Cluster, linked: list[int], treaties_in: dict[int, list[TreatyName]],
    discussions: tuple[Discussion, ...], headline: frozenset[str], extractor: str,
) -> Encounter:
    participants = tuple(sorted(cluster.participants, key=lambda a: a.id))
    participant_ids = {p.id for p in participants}
    duration = None
    reaffirmed: list[str] = []
    for index in linked:
        sentence = ctx.sentences[index]
        if duration is None:
            duration = ctx.data.durations.minutes(sentence.text)
        for treaty in treaties_in.get(index, []):
            if is_reaffirmed(sentence, ctx.lexicon) and treaty.id not in reaffirmed:
                reaffirmed.append(treaty.id)
    lead = _lead_sentences(ctx, cluster, linked, participant_ids)
    gatherings = _gatherings(ctx, cluster, linked, headline)
    venues = _venues(ctx, cluster)
    date, clues = _date(ctx, cluster, lead), _clues(ctx, cluster, lead, gatherings, venues)
    day = _office_day(ctx, cluster, lead, participants) if clues else None
    if day is not None:
        date, clues = PartialDate(day, Precision.DAY, date.expression if date else "", "relative"), None
    return Encounter(
        kind=cluster.kind,
        participants=participants,
        date=date,
        duration_minutes=duration,
        discussions=discussions,
        evidence=tuple(ctx.evidence(i, extractor) for i in cluster.sentence_indexes),
        reaffirmed_treaties=tuple(reaffirmed),
        clues=clues,
        gatherings=gatherings,
        background=cluster.background,
        venues=venues,
    )


def _venues(ctx: ArticleContext, cluster: Cluster) -> tuple[str, ...]:
    """The countries the encounter's own sentences name as where it took place ("met in Riyadh", "talks in
    Beijing", a dateline)."""
    if cluster.background:
        return ()
    own = set(cluster.sentence_indexes)
    return tuple(sorted({
        m.ref for m in ctx.marks
        if m.kind == MarkKind.COUNTRY and ctx.sentence_of(m.start) in own and is_venue(m, ctx.lexicon)
    }))


def _gatherings(ctx: ArticleContext, cluster: Cluster, linked: list[int], headline: frozenset[str]) -> tuple[str, ...]:
    """The summits (organizations) the encounter took place at, from its sentences and the headline."""
    if cluster.background:
        return ()
    indexes = set(linked)
    found = {
        m.ref for m in ctx.marks
        if m.kind == MarkKind.ORGANIZATION and gathering_of(m, ctx.lexicon) and ctx.sentence_of(m.start) in indexes
    }
    return tuple(sorted(found | headline))


def _lead_sentences(ctx: ArticleContext, cluster: Cluster, linked: list[int], participant_ids: set[str]) -> list[int]:
    """The first sentences reporting the encounter that name a participant ("Erdogan called on Putin to
    declare a ceasefire on Thursday, January 5"): what they say happened during the encounter, so their
    date is its date."""
    if cluster.background:
        return []
    if any(s.occasion for s in cluster.sightings):  # "also visited him on November 1": its own sentences only
        return list(cluster.sentence_indexes)
    named = {m.start for m in ctx.marks if m.kind == MarkKind.PERSON and m.ref in participant_ids}
    lead = [i for i in linked if any(ctx.sentences[i].start <= t < ctx.sentences[i].end for t in named)]
    return lead[:3] + [i for i in _opening_sentences(ctx, participant_ids) if i not in lead[:3]]


_OPENING = 3


def _opening_sentences(ctx: ArticleContext, participant_ids: set[str]) -> list[int]:
    """The article's first sentences that name every participant ("Ruto and his Ghanaian counterpart,
    John Mahama, opened a trade fair Friday"): a report opens with its own encounter, so their day is its."""
    if len(participant_ids) < 2:
        return []
    found = []
    for index, sentence in enumerate(ctx.sentences[:_OPENING]):
        refs = {m.ref for m in ctx.marks if m.kind == MarkKind.PERSON and sentence.start <= m.start < sentence.end}
        if participant_ids <= refs:
            found.append(index)
    return found


def _date(ctx: ArticleContext, cluster: Cluster, lead: list[int]) -> PartialDate | None:
    """The cluster's own date, else the day its lead sentences give, else the day of the article's lede."""
    own = cluster.date
    if own is not None and own.precision is Precision.DAY:
        return own
    return _lead_date(ctx, cluster, lead) or _lede_date(ctx, cluster) or own


_LEDE = 2  # the sentences that open a report
_LEDE_REACH = 3  # an encounter reported this early is the one the lede tells of


def _lede_date(ctx: ArticleContext, cluster: Cluster) -> PartialDate | None:
    """"Rutte arrived in Kyiv on Thursday. Rutte met Zelensky as sirens sounded": a report opens with its
    main event, so the day its opening sentence gives is the day of an encounter reported in the first
    sentences, which gives none of its own."""
    if cluster.background or cluster.date is not None or cluster.sentence_indexes[0] >= _LEDE_REACH:
        return None
    for index in range(min(_LEDE, cluster.sentence_indexes[0] + 1)):
        found = ctx.data.dates.parse_date(_own_text(ctx, cluster, index), ctx.anchor, context_year=ctx.context_year)
        if found is not None:
            return found if found.precision is Precision.DAY else None
    return None


def _lead_date(ctx: ArticleContext, cluster: Cluster, lead: list[int]) -> PartialDate | None:
    for index in lead:
        found = ctx.data.dates.parse_date(_own_text(ctx, cluster, index), ctx.anchor, context_year=ctx.context_year)
        if found is not None and found.precision is Precision.DAY:
            return found
    return None


def _office_day(ctx: ArticleContext, cluster: Cluster, lead: list[int], participants: tuple) -> dt.date | None:
    """The day a sentence of the encounter fixes by a weekday and a month-day together, in the one year the
    participants held their offices (see :mod:`kg.extract.office_years`)."""
    for index in _clue_sentences(cluster, lead):
        weekday, month, day = ctx.data.dates.date_clues_in(_own_text(ctx, cluster, index))
        if None not in (weekday, month, day):
            clues = DateClues(weekday, month, day)
            return day_from_offices(clues, participants, ctx.gazetteer, ctx.data.office_horizon)
    return None


def _own_text(ctx: ArticleContext, cluster: Cluster, index: int) -> str:
    """Sentence ``index`` with the dates of other events and of reports blanked (:mod:`kg.extract.report_dates`),
    judged from the cluster's trigger in it when it has one."""
    event = next((s.trigger.head for s in cluster.sightings if s.sentence_index == index), None)
    unheld = frozenset(t.head.i for t in ctx.triggers[index]
                       if t.head.pos_ in ("NOUN", "PROPN") and is_planned_or_negated(t, ctx.lexicon))
    return own_dates_text(ctx.sentences[index], ctx.lexicon, event, unheld)


def _clue_sentences(cluster: Cluster, lead: list[int]) -> list[int]:
    return [s.sentence_index for s in cluster.sightings if len(s.participants) >= 2] + lead


def _clues(
    ctx: ArticleContext, cluster: Cluster, lead: list[int], gatherings: tuple[str, ...], venues: tuple[str, ...],
) -> DateClues | None:
    """For an encounter not dated to the day: the weekday, month-day or year its sentences give, and for
    the encounter a dated report is about, the week before publication; when they give nothing of when,
    where it took place (the one dated report of the same parties there is that encounter)."""
    date = _date(ctx, cluster, lead)
    if date is not None and date.precision is Precision.DAY:
        return None
    weekday = month = day = None
    for index in _clue_sentences(cluster, lead):
        found = ctx.data.dates.date_clues_in(_own_text(ctx, cluster, index))
        weekday = weekday if weekday is not None else found[0]
        month, day = (month, day) if month is not None else found[1:]
    year = date.value.year if date is not None else None
    if date is not None and date.precision is Precision.MONTH:
        month = date.value.month
    recent = ctx.anchor is not None and not cluster.background
    clues = DateClues(weekday, month, day, year, ctx.anchor,
                      ctx.anchor - _RECENT if recent and ctx.anchor else None, frozenset(gatherings),
                      _incoming(ctx, cluster, lead))
    if clues.empty and venues:
        clues = replace(clues, venues=frozenset(venues))
    if cluster.story_link is not None:
        clues = replace(clues, story=cluster.story_link)
    return None if clues.empty else clues


def _incoming(ctx: ArticleContext, cluster: Cluster, lead: list[int]) -> tuple[tuple[dt.date, dt.date], ...]:
    """"President-elect X" in the encounter's sentences: before one of X's terms of that office."""
    spans = [ctx.sentences[i] for i in sorted(set(cluster.sentence_indexes) | set(lead))]
    marks = [m for m in ctx.marks if any(s.start <= m.start < s.end for s in spans)]
    return incoming_periods(marks, {p.id for p in cluster.participants}, ctx.lexicon, ctx.gazetteer)
