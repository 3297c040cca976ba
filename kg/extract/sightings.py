"""Sightings: one trigger of one sentence with its participants and date; clustered into encounters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from kg.extract.dates import DateGrammar
from kg.extract.mentions import Mark
from kg.extract.participants import (
    actor_of,
    counterparts,
    hosts_named,
    is_body_session,
    is_three_party,
    joining_participants,
    names_a_pair,
    offices_held,
    participants_near,
    split_separate,
    syntactic_participants,
    tree_distance,
)
from kg.extract.relative_days import StoryDays
from kg.extract.report_dates import (
    dates_a_report,
    in_clause_of_a_named_thing,
    in_clause_of_event,
    in_other_time_clause,
    modifies_one_of,
)
from kg.extract.roles import is_bystander
from kg.extract.triggers import Trigger, in_planned_clause, is_planned_or_negated
from kg.extract.visit_pairs import host_and_visitor, visit_destinations
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.nlp.doc_cache import entities_in
from kg.records import ActorRef, EncounterKind, PartialDate, Precision

_PRECISION_RANK = {Precision.DAY: 3, Precision.MONTH: 2, Precision.YEAR: 1}


@dataclass(frozen=True)
class Sighting:
    sentence_index: int
    trigger: Trigger
    participants: tuple[ActorRef, ...]
    date: PartialDate | None
    background: bool = False  # "their last meeting", "since they met in November": an earlier encounter
    destination: str | None = None  # the country a visit was to ("Xi's visit to Serbia"), its iso3
    three_party: bool = False  # "the trilateral meeting": its host is a party
    hosts: tuple[ActorRef, ...] = ()  # "hosted by X" in the sentence
    joiners: tuple[ActorRef, ...] = ()  # "the meeting, which included X": X was in it too
    at_one_table: bool = False  # a meeting of three so called ("the trilateral meeting"), not a summit
    occasion: str | None = None  # "also visited him on November 1": its own day phrase, another time
    # "The day before, ...": days from the story's encounter, whose day is not known yet, and its participants
    story_link: tuple[int, tuple[str, ...]] | None = None

    @property
    def key(self) -> frozenset[str]:
        return frozenset(p.id for p in self.participants)


@dataclass(frozen=True)
class Cluster:
    """The sightings of one encounter in one article (strong ones name two or more participants)."""

    sightings: tuple[Sighting, ...]

    @property
    def participants(self) -> tuple[ActorRef, ...]:
        seen: dict[str, ActorRef] = {}
        for sighting in self.sightings:
            if len(sighting.participants) >= 2:
                for actor in sighting.participants:
                    seen.setdefault(actor.id, actor)
        if len(seen) == 2 and self.three_party:  # "hosted by X" and "the trilateral meeting": X took part
            hosts = {a.id: a for s in self.sightings for a in s.hosts if a.id not in seen}
            if len(hosts) == 1:
                seen.update(hosts)
        return tuple(seen.values())

    @property
    def story_link(self) -> tuple[int, tuple[str, ...]] | None:
        return next((s.story_link for s in self.sightings if s.story_link is not None), None)

    @property
    def three_party(self) -> bool:
        return any(s.three_party for s in self.sightings)

    @property
    def key(self) -> frozenset[str]:
        return frozenset(p.id for p in self.participants)

    @property
    def date(self) -> PartialDate | None:
        dates = [s.date for s in self.sightings if s.date is not None]
        if not dates:
            return None
        return max(dates, key=lambda d: (_PRECISION_RANK[d.precision], d.basis == "stated"))

    @property
    def kind(self) -> EncounterKind:
        told = [s for s in self.sightings if not s.trigger.neutral] or list(self.sightings)  # "signed": any kind
        strong = [s.trigger.kind for s in told if not s.trigger.weak and len(s.participants) >= 2]
        strong = strong or [s.trigger.kind for s in told if not s.trigger.weak]
        if not strong:
            return EncounterKind.PHONE_CALL
        counts = {k: strong.count(k) for k in strong}
        best = max(counts.values())
        kind = next(k for k in strong if counts[k] == best)
        if kind is EncounterKind.MEETING and len(self.participants) > 2 and not any(
                s.at_one_table for s in self.sightings):
            return EncounterKind.SUMMIT  # a multilateral gathering (the guideline's "summit")
        return kind

    @property
    def background(self) -> bool:
        return all(s.background for s in self.sightings if len(s.participants) >= 2)

    @property
    def family(self) -> str | None:
        strong = [s.trigger.kind.family for s in self.sightings if not s.trigger.weak]
        return strong[0] if strong else None

    @property
    def sentence_indexes(self) -> tuple[int, ...]:
        return tuple(sorted({s.sentence_index for s in self.sightings}))

    @property
    def destinations(self) -> frozenset[str]:
        return frozenset(s.destination for s in self.sightings if s.destination is not None)


def dates_compatible(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return True
    coarse, fine = sorted((a, b), key=lambda d: _PRECISION_RANK[d.precision])
    return coarse.contains(fine.value)


def _is_referential(trigger: Trigger, lexicon: Lexicon) -> bool:
    """A trigger with no participants counts only when it refers back ("the call", "during the talks")."""
    root = trigger.head
    if root.pos_ in ("VERB", "AUX"):
        return False
    modifiers = {c.lower_ for c in root.children if c.dep_ in ("det", "poss", "amod", "compound", "nummod")}
    return bool(modifiers & lexicon.sightings.referential_determiners)


def _is_generic_talks(trigger: Trigger, lexicon: Lexicon) -> bool:
    """"peace talks", "trade talks": negotiations between governments, not a leaders' encounter."""
    words = lexicon.sightings
    root = trigger.head
    if root.lower_ not in words.generic_talk_heads:
        return False
    for child in root.children:
        if child.dep_ == "compound" and child.pos_ == "NOUN" and child.lower_ not in words.specific_talk_modifiers:
            return True
    return False


def _own_event(trigger: Trigger, lexicon: Lexicon) -> bool:
    """"his recent visit to Brazil": a noun with its own owner or time is another event than the one the
    sentence's verb reports."""
    other = lexicon.sightings.other_event_modifiers
    return any(c.dep_ == "poss" or c.lower_ in other for c in trigger.head.children)


def _is_habitual(trigger: Trigger, lexicon: Lexicon) -> bool:
    """"have spoken several times since February", "meet regularly": many encounters, none identified."""
    habitual = lexicon.sightings.habitual
    root = trigger.head
    scope = [root, *root.children]
    if root.pos_ not in ("VERB", "AUX") and root.head != root:
        scope += [root.head, *root.head.children]
    if any(t.lower_ in habitual for t in scope) or any(
        g.lower_ in habitual for t in scope for g in t.children if t.dep_ == "npadvmod"
    ):
        return True
    # "has spoken to Putin a number of times", "met on several occasions"
    repeats = lexicon.sightings.repetition_nouns
    return any(g.lower_ in repeats for c in root.children if c.dep_ in ("npadvmod", "dobj", "prep")
               for g in c.subtree if g.i - c.i <= 3)


def sentence_date(
    sentence: Span, trigger: Trigger, anchor: dt.date | None, lexicon: Lexicon, dates: DateGrammar,
    year: int | None = None, unheld: Sequence[Trigger] = (), others: Sequence[Trigger] = (),
) -> PartialDate | None:
    """The date of a trigger: the most precise date phrase of its sentence, nearest first on ties; dates of
    earlier events ("since ..."), of planned ones ("he will visit China in April") and of a report about it
    ("said on Tuesday that they had met") are not its date."""
    candidates: list[tuple[int, int, PartialDate]] = []
    events = frozenset(t.head.i for t in others if t.head.pos_ in ("NOUN", "PROPN") and t.head != trigger.head)
    for ent in entities_in(sentence):
        if ent.label_ != "DATE" or in_other_time_clause(ent.root, trigger.head, lexicon) \
                or in_clause_of_a_named_thing(ent.root, trigger.head) or dates_a_report(ent, trigger.head, lexicon):
            continue
        if modifies_one_of(ent, frozenset(t.head.i for t in unheld if t.head.pos_ in ("NOUN", "PROPN"))):
            continue  # "discussed preparations for the July 9-11 summit where ... will": the summit's days
        if in_planned_clause(ent.root, trigger.head, lexicon) or in_clause_of_event(ent, events):
            continue  # ("the summit held on February 8": the summit's day)
        start = max(sentence.start, ent.start - 1)
        parsed = dates.parse_date(sentence.doc[start : ent.end + 1].text, anchor, context_year=year)
        if parsed is not None:
            distance = tree_distance(ent.root, trigger.head)
            candidates.append((_PRECISION_RANK[parsed.precision] if distance <= 6 else 0, -distance, parsed))
    if candidates:
        return max(candidates, key=lambda c: (c[0], c[1]))[2]
    if any(e.label_ == "DATE" for e in entities_in(sentence)):
        return None  # the sentence's dates belong to other events ("since he took office in January")
    return dates.parse_date(sentence.text, anchor, context_year=year)


def is_background_reference(trigger: Trigger, lexicon: Lexicon) -> bool:
    """"their last meeting", "at last year's APEC meeting", "since their summit": an earlier encounter
    the article refers to, not the one it reports."""
    words = lexicon.sightings
    root = trigger.head
    for child in root.children:
        if child.lower_ in words.background_modifiers:
            return True
        if child.dep_ == "poss" and any(g.lower_ in words.background_modifiers for g in child.children):
            return True  # "last year's meeting"
    if root.dep_ == "pobj" and root.head.lower_ in words.background_preps:
        return True
    for token in (root, *list(root.ancestors)[:4]):  # "after a visit to France, where he spoke with Macron"
        if token.dep_ == "pobj" and token.head.lower_ in words.earlier_leg_preps and \
                token.head.head.lemma_.lower() in words.arrival_lemmas:
            return True  # "Xi arrived in Belgrade after a visit to France": an earlier leg of the trip
    if _days_apart(root, lexicon):
        return True
    if root.pos_ == "VERB" and any(
        c.lower_ in words.background_adverbs and c.dep_ == "advmod" for c in root.children
    ):
        return True  # "they last met in November"
    return False


def _days_apart(root: Token, lexicon: Lexicon) -> bool:
    """"nearly a month after the two men met", "days after he spoke to Modi", "two weeks before their
    meeting": an encounter told as days or more away from the one reported ("hours after" is not)."""
    words = lexicon.sightings
    links: list[Token] = []
    if root.dep_ == "pobj" and root.head.lower_ in words.apart_links:
        links.append(root.head)
    links += [c for c in root.children if c.dep_ == "mark" and c.lower_ in words.apart_links]
    for link in links:
        holders = (link, link.head) if link.dep_ == "mark" else (link,)
        for holder in holders:
            if any(c.dep_ == "npadvmod" and c.lower_ in words.time_spans for c in holder.children):
                return True
    return _days_apart_in_words(root, lexicon)


def _days_apart_in_words(root: Token, lexicon: Lexicon) -> bool:
    """The same read off the words when the parse misses it: "<days> after" and then only the clause's
    subject before the trigger ("came days after Lula spoke to Modi")."""
    words = lexicon.sightings
    sentence = root.sent
    for link in range(root.i - 1, sentence.start, -1):
        token = sentence.doc[link]
        if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", ":"):
            return False
        if token.lower_ in words.apart_links and sentence.doc[link - 1].lower_ in words.time_spans:
            return True
    return False


_LEDE = 2  # the sentences that open a report: what they tell of is the article's own encounter


def _vaguely_past(sentence: Span, trigger: Trigger, lexicon: Lexicon) -> bool:
    """"met Erdogan last month", "Days later, she visited him", "announced last week that they had spoken": a
    date phrase that gives no day and puts the trigger's clause (or a clause above it) in the past tells of
    an earlier encounter than the one the article reports (past its opening sentences)."""
    phrases = lexicon.sightings.vague_past
    head = trigger.head
    above = {head.i, *(t.i for t in head.ancestors)}
    for ent in entities_in(sentence):
        if ent.label_ != "DATE":
            continue
        text = ent.text.lower()
        if not any(phrase in text for phrase in phrases):
            continue
        verb = ent.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.i in above:
            return True
    return False


def background_date(
    trigger: Trigger, anchor: dt.date | None, found: PartialDate | None, lexicon: Lexicon,
) -> PartialDate | None:
    """"last year's meeting" is in the year before the anchor (year precision)."""
    if found is not None:
        return found
    words = lexicon.sightings
    for child in trigger.head.children:
        if child.dep_ == "poss" and child.lower_ in words.previous_period_nouns and anchor is not None:
            modifier = next((g for g in child.children if g.lower_ in words.previous_period_modifiers), None)
            if modifier is not None:
                expression = _phrase(modifier, child)  # "last year's"
                return PartialDate(dt.date(anchor.year - 1, 1, 1), Precision.YEAR, expression, "relative")
    return None


def _phrase(first: Token, last: Token) -> str:
    """The text from ``first`` to ``last`` and its attached clitics ("last year's"), in lowercase."""
    end = last.i + 1
    doc = last.doc
    while end < len(doc) and doc[end].tag_ == "POS":
        end += 1
    return doc[first.i : end].text.lower()


def find_sightings(
    sentences: list[Span], sentence_triggers: Sequence[Sequence[Trigger]], marks: Sequence[Mark],
    gazetteer: Gazetteer, lexicon: Lexicon, dates: DateGrammar, anchor: dt.date | None, year: int | None = None,
) -> list[Sighting]:
    """The sightings of each sentence's triggers (``sentence_triggers[i]`` are those of ``sentences[i]``)."""
    sightings: list[Sighting] = []
    for index, sentence in enumerate(sentences):
        triggers = [t for t in sentence_triggers[index]
                    if not (_is_generic_talks(t, lexicon) or is_body_session(t.head, lexicon))]
        if not triggers:
            continue
        in_sentence = [m for m in marks if sentence.start <= m.start < sentence.end and m.kind in ("person", "role")]
        in_countries = [m for m in marks if sentence.start <= m.start < sentence.end and m.kind == "country"]
        held = [t for t in triggers if not (is_planned_or_negated(t, lexicon) or _is_habitual(t, lexicon))]
        unheld = [t for t in triggers if t not in held]
        claimed = _claimed_by(unheld, in_sentence, gazetteer, lexicon, anchor) if unheld else set()
        named: dict[int, tuple] = {}
        for trigger in held:
            occasion = _another_occasion(trigger, lexicon)
            background = is_background_reference(trigger, lexicon) or (
                index >= _LEDE and (_vaguely_past(sentence, trigger, lexicon) or occasion is not None))
            date = sentence_date(sentence, trigger, anchor, lexicon, dates, year, unheld, triggers)
            if background:
                date = background_date(trigger, anchor, date, lexicon)
            offices = offices_held(in_sentence, gazetteer, date, anchor)  # what "his counterpart" holds
            people = [(m, a) for m in in_sentence
                      if not is_bystander(m.span, lexicon)
                      and (a := actor_of(m, gazetteer, date, anchor, offices)) is not None]
            found = syntactic_participants(trigger.span, people, lexicon)
            if len(found) < 2:
                found = host_and_visitor(trigger, people, marks, gazetteer, lexicon) or found
            named[trigger.span.start] = (background, date, people, found)
        # when one trigger of the sentence names its participants, the others refer to that encounter
        # ("X, Y and Z met at Camp David for a trilateral summit") rather than guessing their own
        # (an earlier encounter's participants are not those of the others: "The visit comes days after
        # Macron hosted Zelensky")
        # (nor are those of words said to someone: '"...," Lula told Milei, as a video of the call shows')
        address = lexicon.triggers.address_verbs
        clear = next((found[3] for start, found in named.items() if len(found[3]) >= 2 and not found[0]
                      and sentence.doc[start].lower_ not in address), None)
        for trigger in held:
            background, date, people, participants = named[trigger.span.start]
            if len(participants) < 2 and clear is not None and not background and not _own_event(trigger, lexicon):
                participants = clear  # "spoke by phone", "met ... for a trilateral summit": the same encounter
            elif len(participants) < 2 and not _is_referential(trigger, lexicon) and clear is None:
                # no clear slots: fall back to the persons nearest the trigger, not those whom a planned
                # encounter of the sentence is with ("opened talks Monday and could meet Xi")
                participants = participants_near(
                    trigger.span, [(m, a) for m, a in people if a.id not in claimed], lexicon)
            if len(participants) < 2 and not background and names_a_pair(trigger.span, lexicon):
                pair = _pair_before(index, sentences, marks, gazetteer, lexicon, anchor)
                if pair and {a.id for a in participants} <= {a.id for a in pair}:
                    participants = pair  # (a pair without the one the sentence names is another pair)
            if len(participants) < 2 and not _is_referential(trigger, lexicon):
                if not participants or trigger.head.pos_ not in ("NOUN", "PROPN"):
                    continue
            destination = _destination(trigger, in_countries, lexicon)
            three_party = is_three_party(trigger.span, lexicon)
            hosts = hosts_named(people, lexicon)
            joiners = joining_participants(trigger.span, people, lexicon)
            summit = trigger.head.lower_ in lexicon.participants.summit_nouns
            at_one_table = (three_party or bool(joiners)) and not summit
            for group in split_separate(trigger.span, participants, people, lexicon):
                sightings.append(Sighting(index, trigger, group, date, background, destination, three_party,
                                          hosts, joiners, at_one_table, occasion))
    return sightings


def _destination(trigger: Trigger, countries: list[Mark], lexicon: Lexicon) -> str | None:
    """The one country a visit went to: "Xi's visit to Serbia", "a trip to the Serbian capital, Belgrade"."""
    if trigger.kind is not EncounterKind.STATE_VISIT:
        return None
    found = visit_destinations(trigger.head, countries, lexicon)
    return next(iter(found)) if len(found) == 1 else None


_PAIR_REACH = 2  # sentences back that "the two leaders" reaches


def _pair_before(
    index: int, sentences: list[Span], marks: Sequence[Mark], gazetteer: Gazetteer, lexicon: Lexicon,
    anchor: dt.date | None,
) -> tuple[ActorRef, ...]:
    """The two persons the nearest earlier sentence naming two or more names, if it names exactly two."""
    for sentence in reversed(sentences[max(0, index - _PAIR_REACH) : index]):
        found: dict[str, ActorRef] = {}
        for mark in marks:
            if sentence.start <= mark.start < sentence.end and mark.kind in ("person", "role") \
                    and not is_bystander(mark.span, lexicon):
                actor = actor_of(mark, gazetteer, None, anchor)
                if actor is not None:
                    found.setdefault(actor.id, actor)
        if len(found) >= 2:
            return tuple(found.values()) if len(found) == 2 else ()
    return ()


def _claimed_by(
    triggers: list[Trigger], marks: list[Mark], gazetteer: Gazetteer, lexicon: Lexicon, anchor: dt.date | None,
) -> set[str]:
    """The counterparts named in the slots of the sentence's planned or denied triggers."""
    people = [(m, a) for m in marks if (a := actor_of(m, gazetteer, None, anchor)) is not None]
    return {person for trigger in triggers for person in counterparts(trigger.span, people, lexicon)}


def cluster_sightings(sightings: list[Sighting], dates: DateGrammar, story_days: StoryDays) -> list[Cluster]:
    """Group strong sightings (two or more participants) into encounters; then attach the others."""
    clusters: list[list[Sighting]] = []
    for sighting in (s for s in sightings if len(s.participants) >= 2):
        _place(sighting, clusters)
    for sighting in (s for s in sightings if len(s.participants) < 2):
        probe = replace(sighting, date=None) if sighting.background else sighting  # any date: we want the pair
        if sighting.joiners and not sighting.background:
            probe = replace(probe, participants=())  # "which included X": the encounter told before, and X
        target = _attachment(probe, [Cluster(tuple(m)) for m in clusters])
        if target is None:
            continue
        if probe.joiners and not probe.participants:
            pair = Cluster(tuple(clusters[target])).participants
            joined = {a.id: a for a in (*pair, *sighting.joiners)}
            clusters[target].append(replace(sighting, participants=tuple(joined.values())))
            continue
        if sighting.background:
            # "the two leaders' interaction at last year's APEC meeting": an earlier encounter of the same pair
            pair = Cluster(tuple(clusters[target])).participants
            _place(replace(sighting, participants=pair, background=True), clusters)
        else:
            clusters[target].append(sighting)
    built = [Cluster(tuple(sorted(m, key=lambda s: s.sentence_index))) for m in clusters]
    inherited = [_inherit_date(c, built) for c in built]
    return [c for c in (_story_day(c, inherited, story_days) for c in inherited) if _datable(c, dates)]


def _datable(cluster: Cluster, dates: DateGrammar) -> bool:
    """An earlier encounter mentioned in passing ("days after the two men met") is kept only when something
    dates it: with no date and no clue it could never be told apart from, or merged with, any other, and the
    sentence goes on reporting the article's own encounter. (One dated only in part is kept for the resolve
    stage, which drops it unless another report fixes its day: :func:`kg.ingest.resolve.resolve`.)"""
    if not cluster.background or cluster.date is not None:
        return True
    return any(any(v is not None for v in dates.date_clues_in(s.trigger.span.sent.text)) for s in cluster.sightings)


def _another_occasion(trigger: Trigger, lexicon: Lexicon) -> str | None:
    """"Petro also visited Maduro on November 1", "they met again on Monday": an encounter told with "also" or
    "again" and a day phrase of its own is another occasion than the one told before; the day phrase."""
    head = trigger.head
    if not any(c.dep_ == "advmod" and c.lower_ in lexicon.sightings.another_occasion_adverbs for c in head.children):
        return None
    for ent in entities_in(head.sent):
        if ent.label_ == "DATE" and any(a.i == head.i for a in list(ent.root.ancestors)[:2]):
            return ent.text.lower()
    return None


def _place(sighting: Sighting, clusters: list[list[Sighting]]) -> None:
    """Add a sighting naming two or more participants to the cluster of the same encounter, or start one
    (another occasion told by its own day phrase joins only a cluster told by the same phrase)."""
    for members in clusters:
        current = Cluster(tuple(members))
        if sighting.occasion is not None and all(m.occasion != sighting.occasion for m in members):
            continue
        same_people = current.key == sighting.key
        family_ok = sighting.trigger.weak or current.family in (None, sighting.trigger.kind.family)
        time_ok = dates_compatible(current.date, sighting.date) and (
            current.background == sighting.background
            or (current.date is not None and sighting.date is not None)
        )
        if same_people and family_ok and time_ok:
            members.append(sighting)
            return
    clusters.append([sighting])


def _inherit_date(cluster: Cluster, clusters: list[Cluster]) -> Cluster:
    """"Trump talked to Zelensky shortly after talking to Putin": an undated encounter reported in the same
    sentence as a reference to a dated one happened then too (the date is kept with basis "relative")."""
    if cluster.date is not None or cluster.background:
        return cluster
    own = {s.sentence_index for s in cluster.sightings if len(s.participants) >= 2}
    for other in clusters:
        if other is cluster or other.date is None:
            continue
        if own & {s.sentence_index for s in other.sightings}:
            date = other.date
            return _with_date(cluster, PartialDate(date.value, date.precision, date.expression, "relative"))
    return cluster


def _with_date(cluster: Cluster, date: PartialDate) -> Cluster:
    first = cluster.sightings[0]
    return Cluster((replace(first, date=date), *cluster.sightings[1:]))


def _story_day(cluster: Cluster, clusters: list[Cluster], story_days: StoryDays) -> Cluster:
    """"Earlier on the same day, Wang Yi spoke with Lavrov", "The day before, Blinken had met Qin": an undated
    encounter told relative to the story takes the day of the encounter reported last before it."""
    if cluster.date is not None:
        return cluster
    for sighting in cluster.sightings:
        found = story_days.offset(sighting.trigger.span.sent.text)
        if found is None:
            continue
        offset, phrase = found
        start = cluster.sentence_indexes[0]
        earlier = [c for c in clusters if c is not cluster and c.date is not None and c.date.precision is Precision.DAY
                   and c.sentence_indexes[0] < start]
        if not earlier:
            return _story_to_come(cluster, clusters, start, offset)
        story = max(earlier, key=lambda c: (not c.background, max(i for i in c.sentence_indexes if i < start)))
        day = story.date.value + dt.timedelta(days=offset)
        return _with_date(cluster, PartialDate(day, Precision.DAY, phrase, "relative"))
    return cluster


def _story_to_come(cluster: Cluster, clusters: list[Cluster], start: int, offset: int) -> Cluster:
    """The story's encounter told before is not dated yet (its day may come from another report, in the
    resolve stage): the cluster keeps the link (days from it, its participants) for that stage."""
    told = [c for c in clusters if c is not cluster and not c.background and c.sentence_indexes[0] < start]
    if not told:
        return cluster
    story = max(told, key=lambda c: max(i for i in c.sentence_indexes if i < start))
    first = cluster.sightings[0]
    link = (offset, tuple(sorted(p.id for p in story.participants)))
    return Cluster((replace(first, story_link=link), *cluster.sightings[1:]))


def _attachment(sighting: Sighting, clusters: list[Cluster]) -> int | None:
    """The cluster a participant-less sighting refers to: one sharing its participant, nearest before."""
    if not clusters:
        return None
    candidates = [
        i for i, c in enumerate(clusters)
        if (not sighting.key or sighting.key <= c.key) and dates_compatible(c.date, sighting.date)
        and not _elsewhere_bound(sighting, c)
    ]
    if not candidates:
        return None
    same_sentence = [i for i in candidates if sighting.sentence_index in clusters[i].sentence_indexes]
    alike = [i for i in candidates if clusters[i].background == sighting.background]
    # the encounter its own sentence tells of; else one of its kind ("Xi's visit to Serbia" tells of the trip
    # reported, not of the earlier leg of the trip told just before)
    candidates = same_sentence or alike or candidates
    before = [i for i in candidates if clusters[i].sentence_indexes[0] <= sighting.sentence_index]
    pool = before or candidates
    return max(pool, key=lambda i: max(x for x in clusters[i].sentence_indexes if x <= sighting.sentence_index)
               if before else -clusters[i].sentence_indexes[0])


def _elsewhere_bound(sighting: Sighting, cluster: Cluster) -> bool:
    """"Xi's visit to Serbia" is not the visit to France the article told of before."""
    return sighting.destination is not None and bool(cluster.destinations) and \
        sighting.destination not in cluster.destinations
