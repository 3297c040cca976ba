"""kg's rule-based extraction steps, one per role of :mod:`kg.extract.registry`, each registered as
``kg.<role>.v1``. Each is built once per pipeline with the :class:`~kg.extract.context.RuleData` and
called once per article; the rules themselves live in the modules they call."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.actors import actor_ref, mark_actor, own_actors
from kg.extract.attribution import Attribution
from kg.extract.cast import Cast, build_cast, folded_names, place_index
from kg.extract.context import ArticleContext, RuleData
from kg.extract.counterparts import counterpart_country
from kg.extract.linking import link_sentences
from kg.extract.mentions import Mark, marks_of
from kg.extract.pronoun_subjects import pronoun_subject_marks
from kg.extract.sightings import Cluster, cluster_sightings, find_sightings
from kg.extract.speakers import speaker_marks
from kg.extract.stances import find_stances
from kg.extract.subjects import co_parties, discussed_marks, discussed_topics, host_countries
from kg.extract.treaties import TreatyName, treaty_names
from kg.extract.treaty_links import TreatyIndex
from kg.extract.triggers import Trigger, sentence_triggers
from kg.nlp.phrase_marker import TOPICS, marked
from kg.records import ActorMention, Discussion, Polarity, Stance


class _RuleStep:
    name = ""
    version = 1

    def __init__(self, data: RuleData) -> None:
        self.data = data

    @property
    def id(self) -> str:
        return f"{self.name}.v{self.version}"


class MarkStep(_RuleStep):
    """Gazetteer entities the marker set, plus offices named by a title and a country."""

    name = "kg.marks"

    def __call__(self, ctx: ArticleContext) -> tuple[Mark, ...]:
        return tuple(marks_of(ctx.doc, self.data.lexicon))


class CastStep(_RuleStep):
    """The people the article introduces ("President William Ruto", "Ruto, Kenya's president") and every
    later mention of them: gazetteer people, or text actors the gazetteer does not know."""

    name = "kg.cast"

    def __init__(self, data: RuleData) -> None:
        super().__init__(data)
        self.names = folded_names(data.gazetteer, data.lexicon.persons)
        self.places = place_index(data.gazetteer)

    def __call__(self, ctx: ArticleContext) -> Cast:
        cast = build_cast(ctx.doc, list(ctx.marks), self.data.gazetteer, self.data.lexicon, self.names, self.places,
                          ctx.article.published)
        spoken = speaker_marks(ctx.doc, ctx.sentences, cast.marks, self.data.lexicon.stances)
        if spoken:
            cast = replace(cast, marks=sorted([*cast.marks, *spoken], key=lambda m: (m.start, m.end)))
        return cast


class TriggerStep(_RuleStep):
    """Encounter triggers per sentence, from the phrases the ``kg_triggers`` component marked."""

    name = "kg.triggers"

    def __call__(self, ctx: ArticleContext) -> tuple[tuple[Trigger, ...], ...]:
        return sentence_triggers(ctx.doc, ctx.sentences, self.data.lexicon)


class EncounterStep(_RuleStep):
    """Sightings (a held encounter's trigger, participants and date) grouped into one cluster per encounter."""

    name = "kg.encounters"

    def __call__(self, ctx: ArticleContext) -> tuple[Cluster, ...]:
        lexicon = self.data.lexicon
        heads = frozenset(t.head.i for ts in ctx.triggers for t in ts)
        told = pronoun_subject_marks(ctx.doc, ctx.sentences, list(ctx.marks), lexicon.stances,
                                     lexicon.participants.frame_preps, heads)
        marks = sorted([*ctx.marks, *told], key=lambda m: (m.start, m.end))
        sightings = find_sightings(ctx.sentences, ctx.triggers, marks, ctx.gazetteer, self.data.lexicon,
                                   self.data.dates, ctx.anchor, ctx.context_year)
        return tuple(cluster_sightings(sightings, self.data.dates, self.data.story_days))


class LinkStep(_RuleStep):
    """The sentences that speak of each encounter."""

    name = "kg.links"

    def __call__(self, ctx: ArticleContext) -> dict[int, list[int]]:
        data = self.data
        return link_sentences(ctx.sentences, ctx.clusters, ctx.marks, ctx.gazetteer, data.lexicon, data.anaphors)


class TreatyStep(_RuleStep):
    """Treaties named: gazetteer entries, capitalised names ending in "Treaty", "Accords", ..., and names
    written as signed documents, in quotes, or before a lowercase head word ("the TikTok deal")."""

    name = "kg.treaties"

    def __init__(self, data: RuleData) -> None:
        super().__init__(data)
        self.index = TreatyIndex.build(data.gazetteer.treaties.values(), data.lexicon.treaties)

    def __call__(self, ctx: ArticleContext) -> tuple[TreatyName, ...]:
        people = ctx.gazetteer.people
        countries = {m.ref if m.kind != "person" else people[m.ref].country
                     for m in ctx.marks if m.kind in ("country", "role") or m.kind == "person" and m.ref in people}
        return tuple(treaty_names(ctx.doc, list(ctx.marks), self.index, self.data.lexicon, countries))


class DiscussionStep(_RuleStep):
    """What each encounter was about: the countries, organizations and topics of its sentences."""

    name = "kg.discussions"

    def __call__(self, ctx: ArticleContext) -> dict[int, tuple[Discussion, ...]]:
        topics = marked(ctx.doc, TOPICS)
        return {i: self._of(ctx, cluster, ctx.links.get(i, []), topics) for i, cluster in enumerate(ctx.clusters)}

    def _of(self, ctx: ArticleContext, cluster: Cluster, linked: list[int], topics: list) -> tuple[Discussion, ...]:
        gazetteer, lexicon = ctx.gazetteer, self.data.lexicon
        participant_ids = {p.id for p in cluster.participants}
        own = own_actors(gazetteer, participant_ids, cluster.date)
        own |= host_countries([ctx.sentences[i] for i in linked], ctx.marks, gazetteer, lexicon)
        found: list[Discussion] = []
        seen: set[tuple[str, str]] = set()
        for index in linked:
            sentence = ctx.sentences[index]
            triggers = ctx.triggers[index]
            taking_part = co_parties(cluster, ctx.clusters, index)
            for kind, ref, _mark in discussed_marks(sentence, triggers, ctx.marks, own, participant_ids,
                                                    gazetteer, lexicon, taking_part):
                actor = actor_ref(kind, ref, gazetteer)
                if actor is not None and (kind, ref) not in seen:
                    seen.add((kind, ref))
                    found.append(Discussion(actor, ctx.evidence(index, self.id)))
            for topic in discussed_topics(sentence, topics, lexicon):
                if ("topic", topic) not in seen:
                    seen.add(("topic", topic))
                    found.append(Discussion(topic, ctx.evidence(index, self.id)))
        return tuple(found)


class MentionStep(_RuleStep):
    """Every gazetteer actor the article names, with the first sentence naming it."""

    name = "kg.mentions"

    def __call__(self, ctx: ArticleContext) -> tuple[ActorMention, ...]:
        seen: dict[tuple[str, str], ActorMention] = {}
        for mark in ctx.marks:
            actor = actor_ref(mark.kind, mark.ref, ctx.gazetteer)
            if actor is not None and (mark.kind, mark.ref) not in seen:
                seen[(mark.kind, mark.ref)] = ActorMention(actor, ctx.evidence(ctx.sentence_of(mark.start), self.id))
        return tuple(seen.values())


class StanceStep(_RuleStep):
    """Positions actors took, held by whoever the text attributes them to; offices are resolved on the
    date of the article's first encounter."""

    name = "kg.stances"

    def __call__(self, ctx: ArticleContext) -> tuple[Stance, ...]:
        gazetteer = ctx.gazetteer
        date = ctx.encounters[0].date if ctx.encounters else None
        titles = self.data.lexicon.titles.titles
        attribution = Attribution(ctx.doc, ctx.sentences, list(ctx.marks), self.data.lexicon.stances,
                                  frozenset(t for t in titles if " " not in t and "-" not in t))
        stances: list[Stance] = []
        seen: set[tuple[str, Polarity, str]] = set()
        for index, sentence in enumerate(ctx.sentences):
            for draft in find_stances(sentence, attribution, gazetteer, self.data.lexicon):
                holder = mark_actor(draft.holder, gazetteer, date, ctx.anchor)
                if holder is None or draft.holder.kind == "role" and holder.source == "text":
                    continue  # an office is held by someone the gazetteer knows, or the holder is unsure
                target = mark_actor(draft.target, gazetteer, date, ctx.anchor) if draft.target else None
                if target is None and draft.polarity is Polarity.COOPERATE:  # "our ties": with the counterpart
                    target = counterpart_country(holder, ctx.encounters, gazetteer)
                if target is None and draft.target_text is None or target == holder:
                    continue
                about = target.id if target is not None else (draft.target_text or "").lower()
                if (holder.id, draft.polarity, about) in seen:
                    continue  # one stance per holder, polarity and target: its first statement
                seen.add((holder.id, draft.polarity, about))
                stances.append(Stance(holder, draft.polarity, draft.quote, ctx.evidence(index, self.id), target,
                                      None if target is not None else draft.target_text))
        return tuple(stances)


RULE_STEPS = (MarkStep, CastStep, TriggerStep, EncounterStep, LinkStep, TreatyStep, DiscussionStep, MentionStep,
              StanceStep)  # registered as kg.<role>.v1 by kg.extract.registry
