"""Which sentences speak of which encounter: its trigger sentences, back-references ("the call",
"the two leaders", "the Kremlin's readout") and what its participants are reported to have said."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from kg.extract.mentions import Mark
from kg.extract.sightings import Cluster
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "agent")


def _speaker_verb(token: Token, lexicon: Lexicon) -> bool:
    """True when ``token`` (part of a mark) is the subject of a speech verb, or "according to" it."""
    words = lexicon.linking
    head = token
    while head.dep_ in ("compound", "poss", "conj", "appos", "amod", "case") and head.head is not head:
        head = head.head
    verb = head.head
    if head.dep_ in ("dobj", "dative") and verb.lemma_.lower() in words.address_verbs:
        return True  # "he told Xi ...", "Biden urged Putin ..."
    if head.dep_ in _SUBJECT_DEPS and verb.lemma_.lower() in lexicon.cues.speech_verbs:
        # reported speech is past tense ("said", "told"); present-tense analysis is the writer's voice
        return verb.tag_ in ("VBD", "VBN") or verb.lemma_.lower() in words.reporting_lemmas
    if (head.dep_ == "pobj" and head.head.lower_ in words.attribution_preps
            and head.head.head.lower_ in words.attribution_heads):
        return True
    if head.dep_ == "poss" and head.head.lower_ in words.readout_nouns:
        return True
    return False


def _speaks_for(mark: Mark, cluster: Cluster, gazetteer: Gazetteer) -> bool:
    """A mark naming a participant, or a participant's government ("the Kremlin", "Beijing")."""
    ids = cluster.key
    if mark.kind == "person":
        return mark.ref in ids
    if mark.kind == "country" and mark.form in ("metonym", "capital"):
        return mark.ref in {gazetteer.people[p].country for p in ids if p in gazetteer.people}
    return False


def link_sentences(
    sentences: list[Span], clusters: Sequence[Cluster], marks: Sequence[Mark], gazetteer: Gazetteer,
    lexicon: Lexicon, pattern: re.Pattern[str],
) -> dict[int, list[int]]:
    """Map cluster index -> indexes of the sentences that report on it; ``pattern`` finds back-references
    to an encounter (:func:`kg.extract.context.anaphor_pattern`)."""
    links: dict[int, set[int]] = {i: set(c.sentence_indexes) for i, c in enumerate(clusters)}
    if not clusters:
        return {}
    for index, sentence in enumerate(sentences):
        if any(index in linked for linked in links.values()):
            continue
        target: int | None = None
        in_sentence = [m for m in marks if sentence.start <= m.start < sentence.end]
        for mark in in_sentence:
            if mark.kind not in ("person", "country") or not _speaker_verb(mark.span.root, lexicon):
                continue
            owners = [i for i, c in enumerate(clusters) if not c.background and _speaks_for(mark, c, gazetteer)]
            if owners:
                target = _nearest(owners, clusters, index)
                break
        current = [i for i, c in enumerate(clusters) if not c.background]
        if target is None and current and pattern.search(sentence.text) and not _speculative(sentence, lexicon):
            target = _nearest(current, clusters, index)
        if target is not None:
            links[target].add(index)
    _link_continuations(sentences, links, {i for i, c in enumerate(clusters) if c.background}, lexicon)
    return {i: sorted(s) for i, s in links.items()}


def _continues(sentence: Span, lexicon: Lexicon) -> bool:
    """A sentence that goes on reporting what the previous one reported: "he"/"they" told in the past
    tense, or an agentless past passive ("Particular attention was paid to ..."). Present-tense
    sentences are the writer's analysis and do not continue a report."""
    words = lexicon.linking
    root = sentence.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lower_ in words.continuing_subjects for c in subjects) and root.tag_ == "VBD":
        return True  # reported in the past tense: "They also reached a consensus ..."
    passive_past = any(c.dep_ == "auxpass" and c.lower_ in words.past_passive_auxiliaries for c in root.children)
    return passive_past and not any(c.dep_ == "agent" for c in root.children)


def _link_continuations(
    sentences: list[Span], links: dict[int, set[int]], background: set[int], lexicon: Lexicon,
) -> None:
    owner = {index: cluster for cluster, indexes in links.items() for index in indexes if cluster not in background}
    for index in range(1, len(sentences)):
        if index in owner or (index - 1) not in owner or not _continues(sentences[index], lexicon):
            continue
        owner[index] = owner[index - 1]
        links[owner[index]].add(index)


def _speculative(sentence: Span, lexicon: Lexicon) -> bool:
    """The sentence's main verb is future or hypothetical ("will likely categorize this meeting as ...")."""
    root = sentence.root
    return any(c.dep_ == "aux" and c.lower_ in lexicon.linking.speculative_auxiliaries for c in root.children)


def _nearest(candidates: list[int], clusters: Sequence[Cluster], index: int) -> int:
    """The candidate cluster last sighted at or before sentence ``index`` (else the first one)."""
    def last_before(i: int) -> int:
        earlier = [s for s in clusters[i].sentence_indexes if s <= index]
        return max(earlier) if earlier else -1

    best = max(candidates, key=last_before)
    return best if last_before(best) >= 0 else min(candidates, key=lambda i: clusters[i].sentence_indexes[0])
