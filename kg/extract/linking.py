"""Which sentences speak of which encounter: its trigger sentences, back-references ("the call",
"the two leaders", "the Kremlin's readout") and what its participants are reported to have said."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from kg.extract.mentions import Mark
from kg.extract.quotes import quote_continuations
from kg.extract.sightings import Cluster
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.nlp.doc_cache import entities_in, span_text, tokens_in

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "agent")
_REPORTS = "kg.reports"  # Doc.user_data key: sentence start -> reports()


def _speaker_verb(token: Token, lexicon: Lexicon) -> bool:
    """True when ``token`` (part of a mark) is the subject of a speech verb, or "according to" it."""
    words = lexicon.linking
    head = token
    while head.dep_ in ("compound", "poss", "conj", "appos", "amod", "case") and head.head != head:
        head = head.head
    verb = head.head
    if head.dep_ in ("dobj", "dative") and verb.lemma_.lower() in words.address_verbs:
        return True  # "he told Xi ...", "Biden urged Putin ..."
    if head.dep_ in _SUBJECT_DEPS and verb.lemma_.lower() in lexicon.cues.speech_verbs:
        # reported speech is past tense ("said", "told"); present-tense analysis is the writer's voice, and so
        # is a long-standing position in the present perfect ("Beijing has supported ...")
        if any(c.dep_ == "aux" and c.lower_ in words.present_perfect_auxiliaries for c in verb.children):
            return verb.lemma_.lower() in words.reporting_lemmas
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
    current = [i for i, c in enumerate(clusters) if not c.background]
    for index, sentence in enumerate(sentences):
        if any(index in linked for linked in links.values()) or not reports(sentence, pattern, lexicon):
            continue
        if speculative(sentence, lexicon):
            continue  # "Poland hopes the visit will ...", "he intended to tell Trump ...": not what happened
        in_sentence = [m for m in marks if sentence.start <= m.start < sentence.end]
        target = _speaker_target(sentence, index, in_sentence, clusters, gazetteer, lexicon)
        if target is None:
            target = _participant_subject_target(sentence, index, in_sentence, clusters, gazetteer, lexicon)
        if target is None and current and pattern.search(sentence.text):
            nearest = _nearest(current, clusters, index)
            if not _names_other_people(sentence, in_sentence, clusters[nearest]):
                target = nearest
        if target is not None:
            links[target].add(index)
    _link_continuations(sentences, links, clusters, pattern, lexicon)
    return {i: sorted(s) for i, s in links.items()}


def _sighted_by(cluster: Cluster, index: int) -> bool:
    return cluster.sentence_indexes[0] <= index


def _speaker_target(
    sentence: Span, index: int, in_sentence: list[Mark], clusters: Sequence[Cluster], gazetteer: Gazetteer,
    lexicon: Lexicon,
) -> int | None:
    """A participant (or its government) speaking: the encounter it took part in. An encounter the article
    reports only further down counts when the sentence names two of its participants ("Erdogan called on
    Putin to declare a ceasefire"); one participant's words before it ("Trump announced tariffs") or at
    another time ("Modi said last month ...") are not about it."""
    named = {m.ref for m in in_sentence if m.kind == "person"}
    for mark in in_sentence:
        if mark.kind not in ("person", "country") or not _speaker_verb(mark.span.root, lexicon):
            continue
        owners = [
            i for i, c in enumerate(clusters)
            if not c.background and (_sighted_by(c, index) or len(named & c.key) >= 2)
            and _speaks_for(mark, c, gazetteer) and not _dated_elsewhere(sentence, c, lexicon)
        ]
        if owners:
            return _nearest(owners, clusters, index)
    return None


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _dated_elsewhere(sentence: Span, cluster: Cluster, lexicon: Lexicon) -> bool:
    """The sentence's main verb is dated to another time than the encounter ("visited Beijing last month",
    "met in 2022", "two years ago"); a date inside what was said ("noted the growth of trade in 2022")
    does not count."""
    root = sentence.root
    other_times = lexicon.linking.other_time_phrases
    for ent in entities_in(sentence):
        if ent.label_ != "DATE":
            continue
        head = ent.root.head
        if not (head == root or (head.dep_ == "prep" and head.head == root)):
            continue
        text = ent.text.lower()
        if any(phrase in text for phrase in other_times):
            return True
        years = {int(y) for y in _YEAR.findall(ent.text)}
        if years and (cluster.date is None or cluster.date.value.year not in years):
            return True
    return False


def _participant_subject_target(
    sentence: Span, index: int, in_sentence: list[Mark], clusters: Sequence[Cluster], gazetteer: Gazetteer,
    lexicon: Lexicon,
) -> int | None:
    """"President Putin set forth the historical context ...", "The Foreign Secretary reiterated ...": a
    participant of an encounter reported so far, by name or by office, is the subject of the sentence's
    past-tense main verb ("Trump and Zelensky were in Rome along with 160 dignitaries" reports nothing)."""
    root = sentence.root
    if root.tag_ != "VBD" or root.lemma_.lower() in lexicon.linking.copula_lemmas:
        return None
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    tokens = {t.i for c in subjects for t in c.subtree}
    named = {m.ref for m in in_sentence if m.kind == "person" and m.span.root.i in tokens}
    owners = [
        i for i, c in enumerate(clusters)
        if not c.background and _sighted_by(c, index) and not _dated_elsewhere(sentence, c, lexicon)
        and (named & c.key or any(_names_office_of(s, in_sentence, c, gazetteer, lexicon) for s in subjects))
    ]
    return _nearest(owners, clusters, index) if owners else None


def _names_office_of(
    subject: Token, in_sentence: list[Mark], cluster: Cluster, gazetteer: Gazetteer, lexicon: Lexicon,
) -> bool:
    """"The Foreign Secretary", "the Chinese president", "the Indian premier": a definite title naming an
    office a participant holds (by the participant's country, or by the role the title names)."""
    if not any(c.lower_ in lexicon.linking.referring_determiners for c in subject.children):
        return False
    people = [gazetteer.people[p] for p in cluster.key if p in gazetteer.people]
    span = range(subject.left_edge.i, subject.i + 1)
    roles = [m for m in in_sentence if m.kind == "role" and m.start in span]
    if roles:
        return any(m.ref in {p.country for p in people} for m in roles)
    words = " ".join(t.lower_ for t in subject.subtree if t.dep_ in ("compound", "amod") or t == subject)
    named_roles = set(lexicon.titles.titles.get(words, ()))
    return bool(named_roles) and any(term.role in named_roles for p in people for term in p.offices)


def is_heading(sentence: Span) -> bool:
    """A subheading or a headline repeated in the body ("Beijing says Takaichi's remark 'crossed a red
    line'"): a line that does not end as a sentence does. It is not part of any report."""
    text = span_text(sentence).strip().rstrip("\"'\u201d\u2019)]")
    return bool(text) and text[-1] not in ".!?:;,"


def about_earlier_encounter(sentence: Span, pattern: re.Pattern[str], lexicon: Lexicon) -> bool:
    """"During that earlier discussion, ...", "Their previous call reviewed ...": the sentence refers back to
    an earlier encounter, not to the one the article reports."""
    earlier = lexicon.linking.earlier_modifiers
    if any(set(m.group(0).lower().split()) & earlier for m in pattern.finditer(sentence.text)):
        return True
    root = sentence.root
    nouns = {n.split()[-1] for n in lexicon.encounters.anaphor_nouns}
    return any(_frames_sentence(t, root) and _earlier_encounter_noun(t, nouns, lexicon) for t in tokens_in(sentence))


def _earlier_encounter_noun(token: Token, nouns: set[str], lexicon: Lexicon) -> bool:
    """"earlier meetings", "previous talks", "past visits": an encounter noun (one of ``nouns``) told as
    an earlier one."""
    if token.lower_ not in nouns and token.lemma_.lower() not in nouns:
        return False
    return any(c.dep_ in ("amod", "advmod") and c.lower_ in lexicon.linking.earlier_modifiers for c in token.children)


def _frames_sentence(token: Token, root: Token) -> bool:
    """The subject of the sentence's main verb (``root``), or the object of a phrase on it ("In earlier
    meetings, ...")."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return token.head == root
    return token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head == root


def reports(sentence: Span, pattern: re.Pattern[str], lexicon: Lexicon) -> bool:
    """Whether a sentence can report on the encounter at all (headings and references to earlier
    encounters cannot); worked out once per sentence of a Doc (one pattern and lexicon per pipeline)."""
    known = sentence.doc.user_data.setdefault(_REPORTS, {})
    if sentence.start not in known:
        known[sentence.start] = not is_heading(sentence) and not about_earlier_encounter(sentence, pattern, lexicon)
    return known[sentence.start]


def _names_other_people(sentence: Span, in_sentence: list[Mark], cluster: Cluster) -> bool:
    """"Wang Yi told Motegi during their phone call": two people are named and none of the encounter's
    participants, so "their call" is another encounter (people the gazetteer does not know count too)."""
    if any(m.kind == "person" and m.ref in cluster.key for m in in_sentence):
        return False
    people = [m for m in in_sentence if m.kind == "person"]
    unknown = {e.text for e in entities_in(sentence)
               if e.label_ == "PERSON" and not any(m.start <= e.start < m.end for m in people)}
    return len({m.ref for m in people}) + len(unknown) >= 2


def _continuing_subject(token: Token, lexicon: Lexicon) -> bool:
    """"he", "they", or a title that refers back to a participant ("The Foreign Secretary", "the Chinese
    president", "the two ministers", "both sides"); "the British and Canadian prime ministers" are others
    (a title with two countries named before it)."""
    words = lexicon.linking
    if token.lower_ in words.continuing_subjects:
        return True
    if token.lower_ not in words.title_subjects:
        return False
    if not any(c.lower_ in words.referring_determiners for c in token.children):
        return False
    named = [c for c in token.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")]
    return not any(c.dep_ == "conj" for n in named for c in n.children)


def _continues(sentence: Span, lexicon: Lexicon) -> bool:
    """A sentence that goes on reporting what the previous one reported: "he"/"they"/"the minister" told
    in the past tense, or an agentless past passive ("Particular attention was paid to ..."). Present-tense
    sentences are the writer's analysis and do not continue a report."""
    words = lexicon.linking
    root = sentence.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(_continuing_subject(c, lexicon) for c in subjects) and root.tag_ == "VBD":
        return True  # reported in the past tense: "They also reached a consensus ..."
    passive_past = any(c.dep_ == "auxpass" and c.lower_ in words.past_passive_auxiliaries for c in root.children)
    return passive_past and not any(c.dep_ == "agent" for c in root.children)


def _continues_after_gap(sentence: Span, lexicon: Lexicon) -> bool:
    """"He also raised ...": a continuation marked by "also" carries on over one sentence between."""
    also = lexicon.linking.also_adverbs
    return _continues(sentence, lexicon) and any(c.lower_ in also for c in sentence.root.children)


def _link_continuations(
    sentences: list[Span], links: dict[int, set[int]], clusters: Sequence[Cluster], pattern: re.Pattern[str],
    lexicon: Lexicon,
) -> None:
    """Quotations running on from a linked sentence, then continuing sentences, in text order."""
    background = {i for i, c in enumerate(clusters) if c.background}
    taken = {index for indexes in links.values() for index in indexes}
    owner = {index: cluster for cluster, indexes in links.items() for index in indexes if cluster not in background}
    quoted_from = quote_continuations(sentences)
    for index in range(1, len(sentences)):
        sentence = sentences[index]
        if index in taken or not reports(sentence, pattern, lexicon):
            continue
        opener = quoted_from[index]
        if opener is not None and opener in owner:
            found: int = owner[opener]
        elif (index - 1) in owner and _continues(sentence, lexicon):
            found = owner[index - 1]
        elif (index - 2) in owner and (index - 1) not in taken and _continues_after_gap(sentence, lexicon):
            found = owner[index - 2]
        else:
            continue
        if opener is None and _dated_elsewhere(sentence, clusters[found], lexicon):
            continue  # "Both ... visited Beijing last month": told of another time
        owner[index] = found
        taken.add(index)
        links[found].add(index)


def speculative(sentence: Span, lexicon: Lexicon) -> bool:
    """The sentence tells what is to come, not what happened: a future or hypothetical main verb ("will
    likely categorize this meeting as ..."), an expectation ("The two leaders are expected to confirm ...",
    "Poland hopes the visit will ...", "he intended to tell Trump ..."), or "are to" ("delegations are to
    gather in Rome")."""
    words = lexicon.linking
    root = sentence.root
    if any(c.dep_ == "aux" and c.lower_ in words.speculative_auxiliaries for c in root.children):
        return True
    for verb in (root, *(c for c in root.children if c.dep_ == "ccomp")):
        lemma = verb.lemma_.lower()
        if lemma not in words.expecting_lemmas:
            continue
        if verb.tag_ in ("VBZ", "VBP") or any(c.dep_ == "auxpass" for c in verb.children):
            return True
        if lemma in words.intending_lemmas and any(c.dep_ == "xcomp" for c in verb.children):
            return True
    return root.lemma_.lower() in words.copula_lemmas and root.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children) for c in root.children
    )


def _nearest(candidates: list[int], clusters: Sequence[Cluster], index: int) -> int:
    """The candidate cluster last sighted at or before sentence ``index`` (else the first one)."""
    def last_before(i: int) -> int:
        earlier = [s for s in clusters[i].sentence_indexes if s <= index]
        return max(earlier) if earlier else -1

    best = max(candidates, key=last_before)
    return best if last_before(best) >= 0 else min(candidates, key=lambda i: clusters[i].sentence_indexes[0])
