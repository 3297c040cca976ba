"""The typed sections of a lexicon: one frozen dataclass per file of ``data/lexicons/<language>/``.

A field is an entry of the file, under the same name; its type is what the entry must hold (checked by
:mod:`kg.lexicon.reader`). Words are compared with lowercase token text (``token.lower_``) unless the
field says lemma or case-sensitive. ``data/lexicons/README.md`` describes every entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.records import EncounterKind, Polarity


@dataclass(frozen=True)
class EncounterWords:
    """encounters.json: trigger phrases per kind, planned/negation cues, back-references."""

    triggers: dict[EncounterKind, tuple[str, ...]]
    remote_only_verbs: frozenset[str]
    planned_cues: frozenset[str]
    negation_cues: frozenset[str]
    anaphors: tuple[str, ...]
    anaphor_determiners: tuple[str, ...]
    anaphor_nouns: tuple[str, ...]


@dataclass(frozen=True)
class TriggerWords:
    """triggers.json: the words that tell an encounter reading of a trigger from another ("call for")."""

    call_forms: frozenset[str]
    not_after_call: frozenset[str]
    communication_verbs: frozenset[str]
    joint_act_verbs: frozenset[str]  # "signed": an encounter when two persons did it together
    any_medium_nouns: frozenset[str]  # "meeting": said of calls and video links as well as of visits
    communication_preps: frozenset[str]
    talk_forms: frozenset[str]
    not_after_talk: frozenset[str]
    visit_forms: frozenset[str]
    noun_only_triggers: frozenset[str]
    in_person_words: frozenset[str]
    in_person_phrases: tuple[str, ...]
    place_preps: frozenset[str]  # "talks in Bratislava": held at a place, so in person
    arrival_lemmas: frozenset[str]
    agreement_lemmas: frozenset[str]
    infinitive_markers: frozenset[str]
    purpose_preps: frozenset[str]
    earlier_event_links: frozenset[str]
    goal_preps: frozenset[str]
    reception_verbs: frozenset[str]
    discussion_nouns: frozenset[str]
    discussion_verb_lemmas: frozenset[str]
    courtesy_call_forms: frozenset[str]
    not_planning_cues: frozenset[str]
    destination_preps: frozenset[str]  # "visit to Beijing": where a visit goes
    address_verbs: frozenset[str]  # "\"... with you,\" Blinken told Xi": words said to a person
    second_person: frozenset[str]


@dataclass(frozen=True)
class SightingWords:
    """sightings.json: which trigger readings report the article's own, identified encounter."""

    referential_determiners: frozenset[str]
    generic_talk_heads: frozenset[str]
    specific_talk_modifiers: frozenset[str]
    habitual: frozenset[str]
    repetition_nouns: frozenset[str]
    other_event_modifiers: frozenset[str]
    time_links: frozenset[str]
    background_modifiers: frozenset[str]
    background_preps: frozenset[str]
    background_adverbs: frozenset[str]
    previous_period_nouns: frozenset[str]
    previous_period_modifiers: frozenset[str]
    time_spans: frozenset[str]
    apart_links: frozenset[str]
    vague_past: tuple[str, ...]  # "last week", "days later": a date phrase that puts an encounter in the past
    report_lemmas: frozenset[str]  # "say", "issue", "post": verbs of a report whose date is not the encounter's
    perfect_auxiliaries: frozenset[str]  # "had": the past perfect, an event before the one spoken of
    another_occasion_adverbs: frozenset[str]  # "also visited him on November 1": another time than the one told
    earlier_leg_preps: frozenset[str]  # "arrived in Belgrade after a visit to France": an earlier leg of the trip
    arrival_lemmas: frozenset[str]


@dataclass(frozen=True)
class ParticipantWords:
    """participants.json: the function words of participant slots."""

    slot_preps: frozenset[str]
    subject_pronouns: frozenset[str]
    frame_preps: frozenset[str]
    possessive_pronouns: frozenset[str]
    plural_possessives: frozenset[str]
    pair_anaphors: tuple[str, ...]
    separate_modifiers: frozenset[str]
    plural_events: frozenset[str]
    topic_preps: frozenset[str]
    other_event_preps: frozenset[str]
    disclosure_verbs: frozenset[str]
    body_nouns: frozenset[str]
    three_party_modifiers: frozenset[str]
    joining_verbs: frozenset[str]
    summit_nouns: frozenset[str]
    agent_preps: frozenset[str]  # "remarks by X at the meeting": who made what a meeting frames


@dataclass(frozen=True)
class RoleWords:
    """roles.json: who is named beside an encounter without taking part in it."""

    aide_nouns: frozenset[str]
    aide_phrases: tuple[str, ...]
    ceremony_nouns: frozenset[str]
    audience_nouns: frozenset[str]
    host_verbs: frozenset[str]


@dataclass(frozen=True)
class CueWords:
    """cues.json: speech verbs and the cues of subjects and venues."""

    speech_verbs: frozenset[str]
    topic_heads: frozenset[str]
    discussion_words: frozenset[str]
    venue_nouns: frozenset[str]
    location_preps: frozenset[str]


@dataclass(frozen=True)
class LinkingWords:
    """linking.json: what ties a sentence without a trigger to an encounter."""

    address_verbs: frozenset[str]
    reporting_lemmas: frozenset[str]
    attribution_heads: frozenset[str]
    attribution_preps: frozenset[str]
    readout_nouns: frozenset[str]
    continuing_subjects: frozenset[str]
    past_passive_auxiliaries: frozenset[str]
    speculative_auxiliaries: frozenset[str]
    title_subjects: frozenset[str]
    referring_determiners: frozenset[str]
    also_adverbs: frozenset[str]
    earlier_modifiers: frozenset[str]
    other_time_phrases: tuple[str, ...]
    expecting_lemmas: frozenset[str]
    intending_lemmas: frozenset[str]
    copula_lemmas: frozenset[str]
    present_perfect_auxiliaries: frozenset[str]


@dataclass(frozen=True)
class SubjectWords:
    """subjects.json: what makes a named country or organization not a subject of the encounter."""

    title_nouns: frozenset[str]
    negation_words: frozenset[str]
    discussion_verbs: frozenset[str]
    venue_verbs: frozenset[str]
    gatherings: frozenset[str]
    sidelines_nouns: frozenset[str]
    venue_preps: frozenset[str]
    other_event_modifiers: frozenset[str]
    person_place_preps: frozenset[str]
    background_markers: frozenset[str]
    background_preps: frozenset[str]
    framing_preps: frozenset[str]
    other_encounter_preps: frozenset[str]
    headline_gathering_words: tuple[str, ...]
    meet_lemmas: frozenset[str]
    future_auxiliaries: frozenset[str]
    looking_ahead_lemmas: frozenset[str]
    dateline_articles: frozenset[str]
    occurrence_nouns: frozenset[str]
    told_event_preps: frozenset[str]
    temporal_framing_words: frozenset[str]
    member_nouns: frozenset[str]
    time_nouns: frozenset[str]
    departure_verbs: frozenset[str]
    destination_preps: frozenset[str]
    host_lemmas: frozenset[str]
    host_nouns: frozenset[str]
    of_preps: frozenset[str]
    attendance_lemmas: frozenset[str]
    timing_lemmas: frozenset[str]
    uncertainty_marks: frozenset[str]
    institution_nouns: frozenset[str]


@dataclass(frozen=True)
class TitleWords:
    """titles.json: office titles and the gazetteer roles they name."""

    titles: dict[str, tuple[str, ...]]
    title_links: frozenset[str]
    plural_titles: frozenset[str]  # one title for several people: "the presidents of Kazakhstan and Uzbekistan"
    incoming_suffixes: tuple[str, ...]  # "-elect": the office is still to come ("President-elect Lee")


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class TopicList:
    """topics.json: the topics an encounter can be about."""

    topics: tuple[Topic, ...]


@dataclass(frozen=True)
class StanceWords:
    """stances.json: position verbs and nouns by polarity, and the function words of stance targets."""

    polarity: dict[Polarity, tuple[str, ...]]
    nouns: dict[Polarity, tuple[str, ...]]
    carriers: frozenset[str]
    pronouns: frozenset[str]
    target_preps: frozenset[str]
    reporting_verbs: frozenset[str]  # lemmas whose subject speaks: "said", "stressed", "told"
    attribution_heads: frozenset[str]  # "according" (to X)
    relation_verbs: frozenset[str]  # lemmas: "strengthen", "deepen" (ties, cooperation)
    relation_nouns: frozenset[str]  # "ties", "cooperation", "partnership"
    obligation_modals: frozenset[str]  # "should", "must": a call on the clause's subject
    negations: frozenset[str]  # "not", "never"
    refusal_verbs: frozenset[str]  # lemmas: "refuse", "decline" (to back)
    hedges: frozenset[str]  # auxiliaries: "may", "might", "could"
    conditions: frozenset[str]  # "if", "unless"
    expectations: frozenset[str]  # lemmas: "expect", "plan" (to urge)
    empty_targets: frozenset[str]  # nouns that say nothing of a target: "it", "this", "way"
    phrase_preps: frozenset[str]  # prepositions that stay in a target phrase: "a ceasefire *in* Ukraine"
    first_person: frozenset[str]  # "I", "we": the speaker of the quotation
    speaker_pronouns: frozenset[str]  # "I", "me": the speaker alone, a person of the encounters told
    quoting_verbs: frozenset[str]  # lemmas: "quoted Xi as saying" (the object speaks)
    denials: frozenset[str]  # lemmas: "denies supporting"
    hospitality_verbs: frozenset[str]  # lemmas: "welcome", "receive" (a guest is no position)
    hospitality_nouns: frozenset[str]  # "arrival", "visit"
    hope_verbs: frozenset[str]  # lemmas: "hopes that the US will ...": a call on the US
    impersonal_subjects: frozenset[str]  # "it is important to ..." in a speaker's words
    relative_pronouns: frozenset[str]  # "Erdogan, who said ..."
    joint_subjects: frozenset[str]  # lemmas: "the two sides should ...," Xi said (the speaker holds it)
    caution_words: frozenset[str]  # lemmas: "should handle it with caution" is concern
    rising_verbs: frozenset[str]  # lemmas: a relation that "is growing", "will reach new highs"
    relation_cues: tuple[str, ...]  # "attach importance", "cherish": cooperation when a relation is valued
    good_words: frozenset[str]  # lemmas: a relation "is extremely good", "at an unprecedented level"
    partner_nouns: frozenset[str]  # lemmas: "India is a friend and an ally" (cooperation with India)
    holding_verbs: frozenset[str]  # lemmas: two states that "enjoy" strong relations
    visit_verbs: frozenset[str]  # lemmas: "called on the minister" (a visit, unless on someone to do something)
    visit_preps: frozenset[str]  # "on", "upon"
    indefinites: frozenset[str]  # "a", "an": "proposed a partnership" calls for a new thing
    forecasts: frozenset[str]  # "will", "going" (to): what someone else says a person will do
    means_preps: frozenset[str]  # "irked them *by* criticizing ...": the verb's subject does the criticizing
    noun_polarity: dict[str, Polarity] = field(init=False, repr=False, compare=False)
    # first word of a cue -> (polarity, the word that must follow it or ""), in lexicon order: worked out once,
    # so a verb's cues are one look-up instead of a split of every cue
    verb_cues: dict[str, tuple[tuple[Polarity, str], ...]] = field(init=False, repr=False, compare=False)
    relation_cue_words: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_noun = {noun: polarity for polarity, nouns in self.nouns.items() for noun in nouns}
        object.__setattr__(self, "noun_polarity", by_noun)
        verbs: dict[str, list[tuple[Polarity, str]]] = {}
        for polarity, cues in self.polarity.items():
            for cue in cues:
                first, *rest = cue.split()
                verbs.setdefault(first, []).append((polarity, rest[0] if rest else ""))
        object.__setattr__(self, "verb_cues", {k: tuple(v) for k, v in verbs.items()})
        relations: dict[str, list[str]] = {}
        for cue in self.relation_cues:
            first, *rest = cue.split()
            relations.setdefault(first, []).append(rest[0] if rest else "")
        object.__setattr__(self, "relation_cue_words", {k: tuple(v) for k, v in relations.items()})


@dataclass(frozen=True)
class TreatyWords:
    """treaties.json: the head words of treaty names (case-sensitive) and the cues of reaffirming one;
    the words of names written in lowercase ("signed a memorandum on ...", "the TikTok deal")."""

    head_words: frozenset[str]
    linkers: frozenset[str]
    name_links: frozenset[str]
    generic_words: frozenset[str]
    reaffirm_cues: frozenset[str]
    written_heads: frozenset[str]  # lowercase head words: "treaty", "memorandum", "deal"
    qualified_heads: dict[str, frozenset[str]]  # head -> the word that must precede it ("statement": "joint")
    sign_verbs: frozenset[str]  # lemmas: "sign", "ink"
    proposal_words: frozenset[str]  # lemmas governing a document not (yet) in force: "propose", "negotiate"
    proposal_modifiers: frozenset[str]  # "proposed", "possible", "potential"
    link_ignored: frozenset[str]  # words not compared when a written name is linked to the gazetteer


@dataclass(frozen=True)
class BlockedNames:
    """blockers.json: names that contain a gazetteer name but are something else ("Latin America")."""

    phrases: tuple[str, ...]


@dataclass(frozen=True)
class NameWords:
    """names.json: the spelling variants under which a gazetteer name is also matched."""

    spelling_variants: dict[str, str]
    capitalised_articles: tuple[str, ...]


@dataclass(frozen=True)
class PersonWords:
    """persons.json: how news introduce a person (the office titles are ``titles.json``)."""

    honorifics: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    former: frozenset[str]
    modifiers: frozenset[str]
    counterpart_titles: frozenset[str]
    institution_words: frozenset[str]  # a capitalised "name" holding one is an institution ("PM Office")


@dataclass(frozen=True)
class DateWords:
    """dates.json: dates ("on March 4", "5th of May", "yesterday", "in June"), lengths ("an 85-minute call",
    "half an hour") and days told relative to the story ("earlier the same day"). Month and weekday names
    are lowercase here and match capitalized in the text; ``same_day``, ``day_before``, ``day_after``,
    ``and_a_half`` and the keys of ``fixed_lengths`` are regular expressions (matched ignoring case)."""

    months: dict[str, int]  # name or abbreviation -> month number
    weekdays: dict[str, int]  # name -> Monday 0 ... Sunday 6
    days_back: dict[str, int]  # "yesterday" -> 1: days before the anchor (publication date)
    day_of: tuple[str, ...]  # "of" in "5th of May"
    day_suffixes: tuple[str, ...]  # "th" in "5th"
    month_only_cues: tuple[str, ...]  # words before a month that names a month, not a day ("in June")
    year_only_cues: tuple[str, ...]  # words before a year that date by the year alone ("in 2023")
    same_day: tuple[str, ...]
    day_before: tuple[str, ...]
    day_after: tuple[str, ...]
    numbers: dict[str, int]  # number words of lengths
    hour_units: tuple[str, ...]
    minute_units: tuple[str, ...]
    and_a_half: str
    fixed_lengths: dict[str, int]  # a length said without a number -> minutes


@dataclass(frozen=True)
class Lexicon:
    """All words of one language. Each field but ``language`` is read from ``<field>.json``."""

    language: str
    encounters: EncounterWords
    triggers: TriggerWords
    sightings: SightingWords
    participants: ParticipantWords
    roles: RoleWords
    cues: CueWords
    linking: LinkingWords
    subjects: SubjectWords
    titles: TitleWords
    topics: TopicList
    stances: StanceWords
    treaties: TreatyWords
    blockers: BlockedNames
    names: NameWords
    persons: PersonWords
    dates: DateWords
