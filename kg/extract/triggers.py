"""Encounter triggers ("video call", "met", "spoke by phone") and whether they report a held encounter."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract.quotes import quoted_tokens
from kg.extract.roles import speaks_to_audience
from kg.lexicon import Lexicon
from kg.nlp.phrase_marker import TRIGGERS, marked
from kg.records import EncounterKind


@dataclass(frozen=True)
class Trigger:
    kind: EncounterKind
    span: Span
    weak: bool  # "spoke", "talks", "call": a remote encounter unless another trigger says otherwise
    neutral: bool = False  # "signed" together: in person, but of a kind another trigger tells

    @property
    def head(self) -> Token:
        return self.span.root


def _is_trigger_token(span: Span, lexicon: Lexicon) -> bool:
    """Reject readings that are not encounters: "call for", "talk of", "visit" as a noun modifier, etc."""
    words = lexicon.triggers
    root = span.root
    text = span.text.lower()
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if text in words.call_forms:
        if following is not None and following.lower_ in words.not_after_call:
            return False
        if root.pos_ == "VERB":
            # "Putin called Trump": a phone call when a person is called; "called the move a mistake" is not
            objects = [c for c in root.children if c.dep_ == "dobj"]
            return len(objects) == 1 and objects[0].ent_type_ == "PERSON" and not any(
                c.dep_ in ("oprd", "xcomp", "ccomp") for c in root.children)
        if root.pos_ not in ("NOUN", "PROPN"):
            return False
    if text in words.communication_verbs:
        return root.pos_ == "VERB" and _communicates_with_person(root, lexicon)
    if text in words.address_verbs:
        return root.pos_ == "VERB" and _says_to_person(root, lexicon)
    if text in words.joint_act_verbs:
        # "Putin and Pezeshkian signed a treaty", "signed an accord with Orban": done together, in person;
        # "signed a decree", "the deal was signed by both" are not
        objects = [t for c in root.children if c.dep_ == "dobj" for t in c.subtree if _within_phrase(t, root)]
        return root.pos_ == "VERB" and _together_with_person(root, lexicon, [root, *objects])
    if text in words.reception_verbs:
        # "Maduro received his counterpart Gustavo Petro", "Modi was welcomed by Putin": a visitor received;
        # "hosted a summit", "welcomed the deal", "received a call" are not
        return root.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "nsubjpass") and _names_person(c) for c in root.children)
    if text in words.discussion_nouns:
        return _held_with_person(root, lexicon)
    if root.pos_ in ("NOUN", "PROPN") and _topic_of_discussion(root, lexicon):
        return False
    if text in words.courtesy_call_forms:
        return _is_courtesy_call(span, lexicon)
    if text in words.talk_forms:
        if following is not None and following.lower_ in words.not_after_talk:
            return False
    if text in words.visit_forms and root.pos_ not in ("NOUN", "VERB"):
        return False
    if text in words.noun_only_triggers and root.pos_ != "NOUN":
        return False
    return True


def _topic_of_discussion(noun: Token, lexicon: Lexicon) -> bool:
    """"were to talk by phone to discuss details of president Lula's visit": an encounter that a talk still
    to come is about is a topic, not one the sentence reports (the talkers would be read into it). A held
    talk's topic ("updated Zelensky regarding his call with Putin") stays a report of that call."""
    subjects = lexicon.subjects
    of_preps = subjects.told_event_preps | {"of", "for"}
    token = noun
    for _ in range(4):
        if token.dep_ == "dobj":
            verb = token.head  # a talk still to come ("to discuss"): what it is about is to come too
            return (verb.pos_ == "VERB" and verb.lemma_.lower() in subjects.discussion_verbs
                    and not _finite(verb, lexicon.triggers.infinitive_markers))
        if token.dep_ == "pobj" and token.head.lower_ in of_preps and token.head.head != token.head:
            token = token.head.head
            continue
        return False
    return False


def _held_with_person(noun: Token, lexicon: Lexicon) -> bool:
    """"held discussions with U.S. Secretary of State Mike Pompeo", "had bilateral consultations with his
    counterpart, Alberto van Klaveren": a discussion held with a person is a meeting; "discussions on the
    plan continue" and "held discussions with stakeholders" are not."""
    words = lexicon.triggers
    verb = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or verb.lemma_.lower() not in words.discussion_verb_lemmas:
        return False
    preps = [c for holder in (noun, verb) for c in holder.children
             if c.dep_ == "prep" and c.lower_ in words.communication_preps]
    return any(t.ent_type_ == "PERSON" for p in preps for t in p.subtree)


def _names_person(token: Token) -> bool:
    """The phrase headed by ``token`` names a person: "Gustavo Petro", "his counterpart Gustavo Petro"."""
    return token.ent_type_ == "PERSON" or any(
        c.dep_ in ("appos", "conj") and c.ent_type_ == "PERSON" for c in token.children)


def _communicates_with_person(verb: Token, lexicon: Lexicon) -> bool:
    """"discussed the war and the peace plan with Zelensky", "updated Zelensky", "briefed Putin", "Erdogan and
    Al Thani discussed Gaza": communication with a person, not "discussed the plan" or "the ministers discussed"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # the object's own phrase, down to a clause: "discussed the war in Ukraine and Kyiv's plan with Zelensky"
    holders = [verb, *(t for o in objects for t in o.subtree if _within_phrase(t, verb))]
    if any(o.ent_type_ == "PERSON" for o in objects):
        return True
    return _together_with_person(verb, lexicon, holders)


def _together_with_person(verb: Token, lexicon: Lexicon, holders: list[Token] | None = None) -> bool:
    """"... with Zelensky" (under the verb or ``holders``), or two persons as its subjects ("Erdogan and
    Al Thani discussed Gaza")."""
    preps = lexicon.triggers.communication_preps
    if any(c.dep_ == "prep" and c.lower_ in preps and any(g.ent_type_ == "PERSON" for g in c.children)
           for holder in (holders or [verb]) for c in holder.children):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "acl" and any(c.dep_ == "dobj" for c in verb.children):
        subjects = [verb.head]  # "Macron and his counterpart Scholz signed on Tuesday a pact", parsed as a modifier
    members = [*subjects, *(g for s in subjects for g in s.children if g.dep_ == "conj")]
    speaker = lexicon.stances.speaker_pronouns  # "Prime Minister Luxon and I discussed ...": the speaker and him
    return len(members) >= 2 and sum(_names_person(m) or m.lower_ in speaker for m in members) >= 2


def _says_to_person(verb: Token, lexicon: Lexicon) -> bool:
    """'"I welcome you to Beijing," Xi told Blinken': words quoted as said to a person ("you" in the quotation)
    were said to him, face to face or on a call; "told reporters", "told Xi that ..." and a quotation that
    does not address its listener are not an encounter."""
    if not any(c.dep_ in ("dobj", "dative") and c.ent_type_ == "PERSON" for c in verb.children):
        return False
    sentence = verb.sent
    quoted = quoted_tokens(sentence.doc, [sentence])
    said = [t for c in verb.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree]
    return any(t.i in quoted and t.lower_ in lexicon.triggers.second_person for t in said)


def _within_phrase(token: Token, verb: Token) -> bool:
    """``token`` is a noun-phrase word under ``verb`` with no other verb between them."""
    if token.pos_ in ("VERB", "AUX"):
        return False
    return not any(a.pos_ in ("VERB", "AUX") for a in token.ancestors if a != verb and verb.is_ancestor(a))


def _is_courtesy_call(span: Span, lexicon: Lexicon) -> bool:
    """"called on the Commission President, Ursula von der Leyen": a courtesy visit to a person; "called on
    Putin to declare a ceasefire" and "called on Russia" are appeals."""
    sentence = span.sent
    doc = span.doc
    after = doc[span.end : min(sentence.end, span.end + 8)]
    if not any(t.ent_type_ == "PERSON" for t in after):
        return False
    markers = lexicon.triggers.infinitive_markers
    return not any(
        doc[i].lower_ in markers and i + 1 < sentence.end and doc[i + 1].tag_ == "VB"
        for i in range(span.end, sentence.end)
    )


_PLACES = ("GPE", "LOC", "FAC")


def _held_at_place(noun: Token, place_preps: frozenset[str]) -> bool:
    """"talks in Bratislava", "talks with Fico in Bratislava": the noun or its prepositional object is at a
    named place."""
    holders = [noun, *(g for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")]
    return any(c.dep_ == "prep" and c.lower_ in place_preps
               and any(g.dep_ == "pobj" and g.ent_type_ in _PLACES for g in c.children)
               for holder in holders for c in holder.children)


def _in_person(span: Span, lexicon: Lexicon) -> bool:
    """"face-to-face talks", "talked in person": an in-person encounter, whatever the verb."""
    words = lexicon.triggers
    root = span.root
    window = span.doc[max(span.sent.start, span.start - 4) : min(span.sent.end, span.end + 4)].text.lower()
    if root.pos_ == "VERB" and any(t.lemma_.lower() in words.arrival_lemmas for t in root.subtree):
        return True  # "discussed the plan with Zelensky after arriving in Kyiv": talks where one arrived
    if root.dep_ == "dobj" and root.head.lower_ in words.reception_verbs and root.lower_ in words.talk_forms:
        return True  # "Qatar hosted talks between ...": talks held where someone hosted them
    if root.pos_ == "NOUN" and _held_at_place(root, words.place_preps):
        return True  # "after talks with Fico in Bratislava": talks held at a place
    return any(c.lower_ in words.in_person_words for c in root.children) or any(
        phrase in window for phrase in words.in_person_phrases
    )


def sentence_triggers(doc: Doc, sentences: list[Span], lexicon: Lexicon) -> tuple[tuple[Trigger, ...], ...]:
    """The triggers of each sentence, from the phrases the ``kg_triggers`` component marked."""
    candidates = marked(doc, TRIGGERS)
    return tuple(tuple(find_triggers(sentence, candidates, lexicon)) for sentence in sentences)


def find_triggers(sentence: Span, candidates: list[Span], lexicon: Lexicon) -> list[Trigger]:
    """Triggers of one sentence among the marked trigger phrases (label: the encounter kind); overlapping
    phrases keep the longest ("video call" over "call")."""
    spans = [s for s in candidates if sentence.start <= s.start and s.end <= sentence.end]
    triggers = []
    for span in filter_spans(spans):
        if not _is_trigger_token(span, lexicon):
            continue
        if span.root.pos_ in ("VERB", "AUX") and speaks_to_audience(span.root, lexicon):
            continue  # "Ushakov, who spoke to reporters": a briefing, not an encounter
        kind = EncounterKind(span.label_)
        weak = span.text.lower() in lexicon.encounters.remote_only_verbs
        if weak and _in_person(span, lexicon):
            kind, weak = EncounterKind.MEETING, False
        triggers.append(Trigger(kind, span, weak, span.text.lower() in lexicon.triggers.joint_act_verbs))
    return triggers


def _has_cue_child(token: Token, cues: frozenset[str]) -> bool:
    """A modal, negation or planning word on ``token``; one heading a phrase of its own ("Ahead of the
    summit, Biden and Stoltenberg met", "due to the storm") places the event beside another, not in plan."""
    return any(
        child.dep_ in ("aux", "auxpass", "neg", "amod", "advmod", "acomp", "det", "predet", "mark", "compound", "nmod")
        and child.lower_ in cues and not (child.dep_ == "advmod" and any(g.dep_ == "prep" for g in child.children))
        for child in token.children
    )


def _verb_is_planned(verb: Token, cues: frozenset[str], lexicon: Lexicon) -> bool:
    """A verb with a modal or negated auxiliary, an infinitive "to", or under a planning verb."""
    if _has_cue_child(verb, cues):
        return True
    # "agreed to meet", "wants to speak", "an invitation to visit": an infinitive is not a held encounter
    markers = lexicon.triggers.infinitive_markers
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in markers for c in verb.children)


_GOAL_DEPS = {"xcomp", "ccomp", "dobj", "nsubjpass", "attr", "oprd"}
_MODAL_SCOPE_STEPS = 8


def _links_earlier_event(token: Token, links: frozenset[str]) -> bool:
    """``token`` opens a phrase about an earlier event ("following a call", "after they met")."""
    return token.lower_ in links or any(c.dep_ == "mark" and c.lower_ in links for c in token.children)


def _under_planned_verb(root: Token, cues: frozenset[str], lexicon: Lexicon) -> bool:
    """Whether a verb above the trigger puts it in the future, in doubt or in denial: "said he would meet Xi
    at a summit", "is scheduled to meet Li before travelling to Chengdu for another meeting with Xi",
    "Neither side has confirmed a meeting". The path climbs through verbs and prepositions only (in "did
    not give details of the talks" the denial is about the details). A modal or negated verb covers all it
    governs except a phrase about an earlier event ("following a call the leaders held"); a planning verb
    ("plans", "invited", "agreed") covers only what it plans (its complement, or "for"/"to" a visit), not
    where it was said ("agreed during the call to ...")."""
    words = lexicon.triggers
    planning = cues - words.not_planning_cues
    child, current = root, root.head
    for _ in range(_MODAL_SCOPE_STEPS):
        if current == child or _links_earlier_event(child, words.earlier_event_links):
            return False
        if current.pos_ in ("VERB", "AUX") and _finite(child, words.infinitive_markers):
            # "will keep troops there as he had a meeting": a clause with its own tense keeps it
            return child.dep_ == "ccomp" and current.lemma_.lower() in planning
        if current.pos_ in ("VERB", "AUX"):
            if _has_cue_child(current, cues) or _negated_subject(current, cues):
                return True
            goal = child.dep_ in _GOAL_DEPS or (child.dep_ in ("prep", "dative") and child.lower_ in words.goal_preps)
            if goal and current.lemma_.lower() in planning:
                return True
        elif current.pos_ != "ADP" and not (current.pos_ == "ADJ" and current.dep_ in ("acomp", "amod")
                                            and child.dep_ in ("prep", "xcomp")):
            return False  # an adjective is climbed only when it takes the phrase: "would be interested in ..."
        child, current = current, current.head
    return False


def _finite(token: Token, infinitive_markers: frozenset[str]) -> bool:
    """A verb with its own tense: "had", "meets", "met", or one with an auxiliary ("has met", "will meet")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return token.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ not in infinitive_markers for c in token.children)


def in_planned_clause(token: Token, trigger: Token, lexicon: Lexicon) -> bool:
    """The clause of ``token`` (a date, say) is a planned one that does not hold the trigger: in "Calling the
    meeting a success, Trump said he will visit China in April", April dates the visit, not the meeting."""
    cues = lexicon.encounters.planned_cues | lexicon.encounters.negation_cues
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == trigger.i or verb.i in {t.i for t in trigger.ancestors}:
        return False
    return _verb_is_planned(verb, cues, lexicon) or _under_planned_verb(verb, cues, lexicon)


def _negated_subject(verb: Token, cues: frozenset[str]) -> bool:
    """"Neither side has confirmed ...", "No one has announced ...": a subject negated by its determiner."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in cues or any(g.dep_ == "det" and g.lower_ in cues
                                                                        for g in c.children))
        for c in verb.children
    )


def is_planned_or_negated(trigger: Trigger, lexicon: Lexicon) -> bool:
    """True when the trigger reports a future, hypothetical, wished-for or denied encounter.

    A verb trigger ("met", "will speak", "agreed to meet") is judged by its auxiliaries and the verb it
    depends on; a noun trigger ("the call", "an upcoming meeting", "plans a visit") by its modifiers and,
    when it is the subject or object of a verb, by that verb.
    """
    cues = lexicon.encounters.planned_cues | lexicon.encounters.negation_cues
    root = trigger.head
    if root.pos_ in ("VERB", "AUX"):
        if _verb_is_planned(root, cues, lexicon) or _under_planned_verb(root, cues, lexicon):
            return True
        # "an invitation to visit Washington and meet him": a bare verb joined to a planned one shares its plan
        head = root.head
        return (root.dep_ == "conj" and head.pos_ in ("VERB", "AUX")
                and not _finite(root, lexicon.triggers.infinitive_markers)
                and (_verb_is_planned(head, cues, lexicon) or _under_planned_verb(head, cues, lexicon)))
    if _has_cue_child(root, cues):
        return True
    if any(c.dep_ == "relcl" and _has_cue_child(c, cues) for c in root.children):
        return True  # "the summit where support will be a priority", "a meeting that would follow"
    if root.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "conj"):
        verb = root.head
        if verb.pos_ in ("VERB", "AUX"):
            if verb.lemma_.lower() in cues - lexicon.triggers.agreement_lemmas or _verb_is_planned(verb, cues, lexicon):
                return True
    if root.dep_ in ("compound", "nmod") and root.head.lower_ in cues:
        return True
    if root.dep_ == "pobj" and root.head.head.pos_ in ("NOUN", "ADV") and root.head.head.lower_ in cues:
        return True  # "a timeline for such a meeting", "ahead of Monday's summit"
    if _under_planned_verb(root, cues, lexicon):
        return True
    if root.dep_ == "pobj" and root.head.head.pos_ == "VERB" and root.head.lower_ in lexicon.triggers.purpose_preps:
        verb = root.head.head  # "is expected to travel to Paris for a summit"
        if verb.lemma_.lower() in cues or _verb_is_planned(verb, cues, lexicon):
            return True
        if verb.dep_ in ("xcomp", "ccomp") and (verb.head.lemma_.lower() in cues or _has_cue_child(verb.head, cues)):
            return True
    return False
