"""Encounter triggers ("video call", "met", "spoke by phone") and whether they report a held encounter."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.lexicon import Lexicon
from kg.nlp.phrase_marker import TRIGGERS, marked
from kg.records import EncounterKind


@dataclass(frozen=True)
class Trigger:
    kind: EncounterKind
    span: Span
    weak: bool  # "spoke", "talks", "call": a remote encounter unless another trigger says otherwise

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
        # "discussed the plans with Zelensky", "updated Zelensky", "briefed Putin": communication with a person
        if root.pos_ != "VERB":
            return False
        people = [c for c in root.children if c.dep_ == "dobj" and c.ent_type_ == "PERSON"]
        people += [g for c in root.children if c.dep_ == "prep" and c.lower_ in words.communication_preps
                   for g in c.children if g.ent_type_ == "PERSON"]
        return bool(people)
    if text in words.talk_forms:
        if following is not None and following.lower_ in words.not_after_talk:
            return False
    if text in words.visit_forms and root.pos_ not in ("NOUN", "VERB"):
        return False
    if text in words.noun_only_triggers and root.pos_ != "NOUN":
        return False
    return True


def _in_person(span: Span, lexicon: Lexicon) -> bool:
    """"face-to-face talks", "talked in person": an in-person encounter, whatever the verb."""
    words = lexicon.triggers
    root = span.root
    window = span.doc[max(span.sent.start, span.start - 4) : min(span.sent.end, span.end + 4)].text.lower()
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
        kind = EncounterKind(span.label_)
        weak = span.text.lower() in lexicon.encounters.remote_only_verbs
        if weak and _in_person(span, lexicon):
            kind, weak = EncounterKind.MEETING, False
        triggers.append(Trigger(kind, span, weak))
    return triggers


def _has_cue_child(token: Token, cues: frozenset[str]) -> bool:
    return any(
        child.dep_ in ("aux", "auxpass", "neg", "amod", "advmod", "det", "predet", "mark", "compound", "nmod")
        and child.lower_ in cues
        for child in token.children
    )


def _verb_is_planned(verb: Token, cues: frozenset[str], lexicon: Lexicon) -> bool:
    """A verb with a modal or negated auxiliary, an infinitive "to", or under a planning verb."""
    if _has_cue_child(verb, cues):
        return True
    # "agreed to meet", "wants to speak", "an invitation to visit": an infinitive is not a held encounter
    markers = lexicon.triggers.infinitive_markers
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in markers for c in verb.children)


def is_planned_or_negated(trigger: Trigger, lexicon: Lexicon) -> bool:
    """True when the trigger reports a future, hypothetical, wished-for or denied encounter.

    A verb trigger ("met", "will speak", "agreed to meet") is judged by its auxiliaries and the verb it
    depends on; a noun trigger ("the call", "an upcoming meeting", "plans a visit") by its modifiers and,
    when it is the subject or object of a verb, by that verb.
    """
    cues = lexicon.encounters.planned_cues | lexicon.encounters.negation_cues
    root = trigger.head
    if root.pos_ in ("VERB", "AUX"):
        return _verb_is_planned(root, cues, lexicon)
    if _has_cue_child(root, cues):
        return True
    if root.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "conj"):
        verb = root.head
        if verb.pos_ in ("VERB", "AUX"):
            if verb.lemma_.lower() in cues - lexicon.triggers.agreement_lemmas or _verb_is_planned(verb, cues, lexicon):
                return True
    if root.dep_ in ("compound", "nmod") and root.head.lower_ in cues:
        return True
    if root.dep_ == "pobj" and root.head.head.pos_ == "NOUN" and root.head.head.lower_ in cues:
        return True  # "a timeline for such a meeting"
    if root.dep_ == "pobj" and root.head.head.pos_ == "VERB" and root.head.lower_ in lexicon.triggers.purpose_preps:
        verb = root.head.head  # "is expected to travel to Paris for a summit"
        if verb.lemma_.lower() in cues or _verb_is_planned(verb, cues, lexicon):
            return True
        if verb.dep_ in ("xcomp", "ccomp") and (verb.head.lemma_.lower() in cues or _has_cue_child(verb.head, cues)):
            return True
    return False
