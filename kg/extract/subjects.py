"""What an encounter was about: countries, organizations and topics of the sentences that report it,
less the participants' own countries, venues, actor descriptors ("Russian President") and negated ones."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from kg.extract.linking import speculative
from kg.extract.mentions import Mark, title_after
from kg.extract.sightings import Cluster
from kg.extract.triggers import Trigger
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.nlp.marks import MarkKind

_SOURCE_KINDS = {"media"}  # gazetteer organization kinds that are where something was said


def is_descriptor(mark: Mark, doc_marks: list[Mark], lexicon: Lexicon) -> bool:
    """"Russian President Vladimir Putin", "the Chinese leader", "NATO chief", "British Prime Minister Keir
    Starmer", "a South Korean member of parliament": the country or organization names who someone is, not
    what was discussed."""
    if any(m.kind == "role" and m.start <= mark.start and mark.end <= m.end for m in doc_marks):
        return True
    titles = lexicon.subjects.title_nouns
    doc = mark.span.doc
    if title_after(doc, mark.end, lexicon) is not None or _membership(mark, lexicon):
        return True
    if _institution_name(mark, lexicon):
        return True
    if mark.form == "demonym" and mark.span.root.head.lower_ in lexicon.cues.venue_nouns:
        return True  # "the Hungarian capital Budapest": a place, named by the country it is in
    after = doc[mark.end] if mark.end < len(doc) else None
    if after is not None and (after.ent_type_ == "PERSON" or after.lower_ in titles):
        return True
    if after is not None and after.tag_ == "POS":
        nxt = doc[mark.end + 1] if mark.end + 1 < len(doc) else None
        if nxt is not None and (nxt.ent_type_ == "PERSON" or nxt.lower_ in titles):
            return True
    return False


def _institution_name(mark: Mark, lexicon: Lexicon) -> bool:
    """"an analyst at the German Marshall Fund of the United States", "the Lowy Institute's ...": the country
    is a word of the name of an institution (a think tank, a university), where a commentator works."""
    token = mark.span.root
    if token.dep_ == "pobj" and token.head.lower_ in lexicon.subjects.of_preps:
        token = token.head  # "the ... Fund of the United States"
    head = token.head
    return (token.dep_ in ("compound", "prep") and head.pos_ == "PROPN"
            and head.lower_ in lexicon.subjects.institution_nouns)


def _membership(mark: Mark, lexicon: Lexicon) -> bool:
    """"permanent UN Security Council members", "fellow members of the UN Security Council", "a NATO and
    European Union member": the organization says what the participants' countries are."""
    token = mark.span.root
    for _ in range(4):
        if token.lower_ in lexicon.subjects.member_nouns:
            return True
        if token.dep_ not in ("compound", "conj", "pobj", "prep", "nmod") or token.head == token:
            return False
        token = token.head
    return False


def gathering_of(mark: Mark, lexicon: Lexicon) -> bool:
    """"at the G20 summit", "on the sidelines of the APEC summit", "the APEC Economic Leaders' Meeting in
    Lima": the organization names the gathering where the encounter took place, not a subject. ("Putin's
    absence from the G20 summit" is a subject: the gathering is not the place of this encounter.)"""
    words = lexicon.subjects
    doc = mark.span.doc
    window = doc[mark.end : min(len(doc), mark.end + 5)]
    gathering = next((t for t in window if t.lower_ in words.gatherings and not t.is_sent_start), None)
    if gathering is None:
        gathering = next((a for a in list(mark.span.root.ancestors)[:4] if a.lower_ in words.gatherings), None)
    if gathering is None or _planned_meeting_at(gathering, lexicon):
        return False
    for token in (gathering, *list(gathering.ancestors)[:3]):
        if token.lower_ in words.sidelines_nouns or (token.dep_ == "prep" and token.lower_ in words.venue_preps):
            return True
    before = doc[max(mark.span.sent.start, mark.start - 4) : mark.start]
    return any(t.lower_ in words.sidelines_nouns for t in before)  # the parse missed "on the sidelines of a"


def _occasion(mark: Mark, lexicon: Lexicon) -> bool:
    """"ahead of the UN General Assembly", "before the NATO summit": an organization's gathering that the
    encounter is placed in time by, not one it discussed."""
    links = lexicon.sightings.time_links
    token = mark.span.root
    for _ in range(4):
        if token.dep_ not in ("pobj", "prep", "compound", "nmod", "poss") or token.head == token:
            return False
        token = token.head
        if token.lower_ in links and token.dep_ in ("advmod", "prep"):
            return True
    return False


def _planned_meeting_at(gathering: Token, lexicon: Lexicon) -> bool:
    """"agreed that we would meet at the APEC summit", "look forward to meeting at APEC": the gathering is
    where the participants are to meet next, a subject of this encounter rather than its place."""
    words = lexicon.subjects
    for token in (gathering, *list(gathering.ancestors)[:4]):
        if token.lemma_.lower() not in words.meet_lemmas:
            continue
        if any(c.dep_ == "aux" and c.lower_ in words.future_auxiliaries for c in token.children):
            return True
        return any(h.lemma_.lower() in words.looking_ahead_lemmas for h in (token.head, token.head.head))
    return False


_DASHES = ("\u2014", "\u2013")  # em and en dash; a hyphen joins words ("Japanese-administered")


def in_dateline(mark: Mark, lexicon: Lexicon) -> bool:
    """"Gyeongju, South Korea, Oct. 31 (Jiji Press) \u2013 ...", "The Vatican \u2014 On April 26 ...", "Moscow,
    May 8:": the place an article was filed from, at the head of its first sentence."""
    sentence = mark.span.sent
    if _in_source_brackets(mark, sentence):
        return True
    articles = lexicon.subjects.dateline_articles
    for token in sentence[:14]:
        if token.text in ("--", ":") or any(d in token.text for d in _DASHES):
            head = sentence.doc[sentence.start : token.i]
            return mark.end <= token.i and len(head) > 0 and all(
                t.pos_ in ("PROPN", "NUM", "PUNCT", "SPACE") or t.ent_type_ == "DATE" or t.lower_ in articles
                for t in head
            )
    return False


def _in_source_brackets(mark: Mark, sentence: Span) -> bool:
    """"Tehran, (APP - Pakistan Point News - 17th Apr) ...": the brackets after the place of a dateline
    name the agency that filed the story."""
    opening = next((t for t in sentence[:4] if t.text == "("), None)
    if opening is None or opening.i == sentence.start or sentence.doc[opening.i - 1].text not in (",", ":"):
        return False  # "Emmanuel Macron (France) met ..." is no dateline
    closing = next((t for t in sentence.doc[opening.i : min(sentence.end, opening.i + 30)] if t.text == ")"), None)
    return closing is not None and opening.i < mark.start and mark.end <= closing.i


def is_venue(mark: Mark, lexicon: Lexicon) -> bool:
    """"met in Bali", "at the G20 summit", "a visit to China", "talks in Istanbul" (as the place)."""
    if mark.kind == "organization" and (gathering_of(mark, lexicon) or _occasion(mark, lexicon)):
        return True
    if in_dateline(mark, lexicon):
        return True
    words = lexicon.subjects
    root = mark.span.root
    head = root
    while head.dep_ in ("compound", "conj", "appos", "amod", "nmod") and head.head != head:
        head = head.head  # "in Abu Dhabi, UAE", "at the Miraflores presidential palace"
    if _travel_end(head, lexicon):
        return True
    if head.dep_ != "pobj" or head.head.lower_ not in lexicon.cues.location_preps:
        return False
    prep = head.head
    governor = prep.head
    if governor.lower_ in words.time_nouns and governor.dep_ == "pobj":
        governor = governor.head.head  # "met for about 30 minutes in Gyeongju": the parser hangs it on the time
    if mark.kind == "organization" and _planned_meeting_at(governor, lexicon):
        return False  # "we would meet at the APEC Summit": where they are to meet next is a subject
    if governor.lower_ in lexicon.cues.venue_nouns and _told_event(governor, lexicon):
        return False  # "spoke about his recent visit to the US": that visit is a subject of the talk
    if governor.lemma_.lower() in words.venue_verbs or governor.lower_ in lexicon.cues.venue_nouns:
        return True
    if _venue_over_phrase(governor, lexicon):
        return True
    if governor.lower_ in words.occurrence_nouns and governor.head.lemma_.lower() in words.venue_verbs:
        return True  # "a meeting took place in the Vatican"
    if governor.ent_type_ in ("GPE", "LOC", "FAC") and governor.dep_ == "pobj":
        return _place_of_venue(governor, lexicon)  # "met in Gyeongju in southeastern South Korea"
    if governor.ent_type_ == "PERSON" and prep.lower_ in words.person_place_preps:
        return True  # "a meeting with Biden in Peru" (the parser hangs the place on the person)
    if mark.form in ("capital",) and governor.lower_ not in lexicon.cues.topic_heads:
        return True
    return False


def _venue_over_phrase(governor: Token, lexicon: Lexicon) -> bool:
    """"held talks without intermediaries in Abu Dhabi": the place hangs on the noun of another phrase of the
    meeting (not on what was talked about: "talked about aid for refugees in Poland")."""
    words, cues = lexicon.subjects, lexicon.cues
    for _ in range(2):
        if (governor.dep_ != "pobj" or governor.head.dep_ != "prep" or governor.head.lower_ in words.told_event_preps
                or governor.lower_ in cues.topic_heads or governor.ent_type_):
            return False
        governor = governor.head.head
        if governor.lemma_.lower() in words.venue_verbs or governor.lower_ in cues.venue_nouns:
            return True
    return False


def _travel_end(head: Token, lexicon: Lexicon) -> bool:
    """"left Belgrade for the Hungarian capital Budapest": where a participant travelled from or to."""
    words = lexicon.subjects
    if head.dep_ == "dobj":
        return head.head.lemma_.lower() in words.departure_verbs
    return (head.dep_ == "pobj" and head.head.lower_ in words.destination_preps
            and head.head.head.lemma_.lower() in words.departure_verbs)


def _place_of_venue(place: Token, lexicon: Lexicon) -> bool:
    """The place (a token governing the prepositional phrase of another place) is itself a venue."""
    prep = place.head
    if prep.lower_ not in lexicon.cues.location_preps:
        return False
    governor = prep.head
    return governor.lemma_.lower() in lexicon.subjects.venue_verbs or governor.lower_ in lexicon.cues.venue_nouns


def _told_event(noun: Token, lexicon: Lexicon) -> bool:
    """"briefed Modi on his recent visit to Brazil": another event, named as what was talked about (not
    "following their recent summit in South Korea", which only dates this one)."""
    words = lexicon.subjects
    if not any(c.lower_ in words.other_event_modifiers for c in noun.children):
        return False
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass"):
        lemma = head.lemma_.lower()
        return lemma in words.discussion_verbs or lemma in lexicon.cues.speech_verbs
    return noun.dep_ == "pobj" and head.lower_ in words.told_event_preps


def in_background_clause(token: Token, lexicon: Lexicon) -> bool:
    """"As the Ukraine conflict nears its fourth year, ...", "amid tensions over X", "the first talks since
    Russia's invasion of Ukraine": the writer's framing of the encounter, not what was said in it."""
    words = lexicon.subjects
    current = token
    for _ in range(12):
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in words.background_markers for c in current.children
        ):
            return True
        if current.dep_ == "prep" and current.lower_ in words.background_preps:
            return True
        if current.dep_ == "prep" and current.lower_ in words.framing_preps and current.is_sent_start:
            return True  # "With the tariffs on Mexico ..., Beijing and Moscow are ...": a framing phrase
        if _times_main_event(current, lexicon):
            return True
        if current.head == current:
            return False
        current = current.head
    return False


def _times_main_event(token: Token, lexicon: Lexicon) -> bool:
    """"met moments before Pope Francis' funeral", "spoke with Xi following talks with the leaders of India",
    "came days after the president spoke to Modi", "met as part of his engagements ahead of the UNGA": a
    time phrase on the sentence's main verb, which places the encounter beside another event (inside what
    was said or discussed, "would not stop before X", "discussed plans before the summit", it is content)."""
    words = lexicon.subjects.temporal_framing_words
    if token.dep_ == "prep" and token.head.lower_ in words and token.head.dep_ in ("advmod", "prep"):
        token = token.head  # "ahead of", "prior to"
    if token.dep_ in ("prep", "advmod") and token.lower_ in words:
        head = token.head
    elif token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words for c in token.children):
        head = token.head
    else:
        return False
    for _ in range(8):  # up to the main verb through adjuncts only ("as part of talks ahead of the UNGA")
        if head.dep_ == "ROOT":
            return True
        if head.dep_ not in _ADJUNCT_DEPS:
            return False  # inside an object or a clause of what was said: content
        head = head.head
    return False


_ADJUNCT_DEPS = {"prep", "pobj", "npadvmod", "advmod", "advcl", "conj", "appos"}


def in_time_phrase(token: Token) -> bool:
    """"On April 26, the day of the king's funeral, they met ...", "on the eve of Kenya's election": the
    mark names the day that dates the encounter (a day phrase on the main verb), not a subject ("they
    discussed the day of Kenya's election" makes the day an object: content)."""
    for current in list(token.ancestors)[:5]:
        if current.ent_type_ != "DATE" or current.pos_ != "NOUN":
            continue
        head = current.head
        if current.dep_ in ("npadvmod", "nsubj", "appos") and head.dep_ == "ROOT":
            return True
        if current.dep_ == "pobj" and head.dep_ == "prep" and head.head.dep_ == "ROOT":
            return True
    return False


def in_attribution(token: Token, lexicon: Lexicon) -> bool:
    """"according to Vatican News", "according to Iranian media": the source of the report, not a subject."""
    words = lexicon.linking
    for current in (token, *list(token.ancestors)[:4]):
        if (current.dep_ == "pobj" and current.head.lower_ in words.attribution_preps
                and current.head.head.lower_ in words.attribution_heads):
            return True
    return False


def is_negated(token: Token, lexicon: Lexicon) -> bool:
    """The mention is the subject of a denied or uncertain discussion ("nothing was discussed concerning X",
    "they did not discuss X", "X was not raised", "it is unknown whether they talked about X"). Negation
    inside what was said ("Iran should never ...") is content, not denial, and does not count."""
    words = lexicon.subjects
    negation = words.negation_words
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") and current.lemma_.lower() in words.discussion_verbs:
            return any(c.dep_ == "mark" and c.lower_ in words.uncertainty_marks for c in current.children) or any(
                child.dep_ == "neg"
                or (child.lower_ in negation and child.dep_ in ("det", "nsubj", "nsubjpass", "dobj", "advmod"))
                or (child.dep_ in ("nsubj", "nsubjpass", "dobj")
                    and any(g.lower_ in negation and g.dep_ == "det" for g in child.children))
                for child in current.children
            )
        if current.head == current:
            return False
        current = current.head
    return False


def other_encounter_parties(
    triggers: Sequence[Trigger], marks: Sequence[Mark], participant_ids: set[str], lexicon: Lexicon,
) -> set[int]:
    """Tokens naming the other side of a *different* encounter a participant had, told as a fact of its
    own ("Ramaphosa also phoned the leaders of Brazil, India and Indonesia"); ``triggers`` are
    those of the sentence."""
    tokens: set[int] = set()
    for trigger in triggers:
        verb = trigger.head
        if verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        subject_ids = {m.ref for m in marks if m.kind == "person" and any(m.start <= c.i < m.end for c in subjects)}
        if not subject_ids & participant_ids:
            continue
        preps = lexicon.subjects.other_encounter_preps
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps):
            tokens |= _party(prep, marks, participant_ids, lexicon, someone_needed=False)
    return tokens


def _party(prep: Token, marks: Sequence[Mark], participant_ids: set[str], lexicon: Lexicon,
           someone_needed: bool) -> set[int]:
    """The tokens of a "with ..." phrase when it names someone other than the participants (else none)."""
    party = {t.i for t in prep.subtree}
    named = {m.ref for m in marks if m.kind == "person" and m.start in party}
    if named & participant_ids:
        return set()
    doc, titles = prep.doc, lexicon.subjects.title_nouns
    if someone_needed and not named and not any(doc[i].ent_type_ == "PERSON" or doc[i].lower_ in titles
                                                for i in party):
        return set()
    return party


def other_meeting_parties(
    sentence: Span, marks: Sequence[Mark], participant_ids: set[str], lexicon: Lexicon,
) -> set[int]:
    """Tokens naming someone else the participants met, by an encounter noun the triggers do not mark ("Lula
    and Modi also had a three-way exchange with the Indonesian president"): a party of that meeting,
    not a subject ("held talks with the aim of ..." names nobody, and stays)."""
    words = lexicon.subjects
    nouns = {n.split()[-1] for n in lexicon.encounters.anaphor_nouns}
    tokens: set[int] = set()
    for noun in sentence:
        if noun.lower_ not in nouns or noun.dep_ != "dobj":
            continue
        subjects = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        holders = {m.ref for m in marks if m.kind == "person" and any(m.start <= c.i < m.end for c in subjects)}
        if not holders & participant_ids:
            continue
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in words.other_encounter_preps):
            tokens |= _party(prep, marks, participant_ids, lexicon, someone_needed=True)
    return tokens


def co_parties(cluster: Cluster, clusters: Sequence[Cluster], index: int) -> frozenset[str]:
    """The people of the other encounters sentence ``index`` reports by the same trigger as ``cluster``'s
    ("met his Kenyan counterpart and, separately, the Dutch prime minister"): parties of a meeting told
    beside this one, not subjects of it (unlike "briefed Zelensky on his call with Putin", another trigger)."""
    def starts(c: Cluster) -> set[int]:
        return {s.trigger.span.start for s in c.sightings if s.sentence_index == index}

    mine = starts(cluster)
    return frozenset(p for c in clusters if c != cluster and starts(c) & mine for p in c.key)


def host_countries(
    sentences: Sequence[Span], marks: Sequence[Mark], gazetteer: Gazetteer, lexicon: Lexicon,
) -> set[str]:
    """Countries that hosted the encounter, as its sentences tell ("Qatar hosted the talks", "hosted by the
    Emir of Qatar", "their Qatari hosts", "the UAE hosting the talks"): the place of the encounter, named by
    who offered it, not a subject of it (nor is what the host says of itself there)."""
    found: set[str] = set()
    for sentence in sentences:
        for mark in marks:
            if not (sentence.start <= mark.start < sentence.end):
                continue
            if mark.kind == "country":
                ref = mark.ref
            elif mark.kind == "person" and mark.ref in gazetteer.people:
                ref = gazetteer.people[mark.ref].country
            else:
                continue
            if ref and _hosts(mark.span.root, lexicon):
                found.add(ref)
    return found


def _hosts(token: Token, lexicon: Lexicon) -> bool:
    words = lexicon.subjects
    if token.dep_ == "pobj" and token.head.lower_ in words.of_preps:
        token = token.head.head  # "the Emir of Qatar"
    if token.dep_ in ("amod", "compound", "poss", "nmod") and token.head.lower_ in words.host_nouns:
        return True  # "their Qatari hosts", "Qatar's hospitality"
    while token.dep_ in ("compound", "conj", "appos") and token.head != token:
        token = token.head
    head = token.head
    if any(c.dep_ == "relcl" and c.lemma_.lower() in words.host_lemmas for c in token.children):
        return True  # "Qatar, which hosted the talks"
    if token.dep_ == "nsubj":  # "Qatar hosted the talks", "the UAE hosting the talks" (not "Kenya will host")
        return head.lemma_.lower() in words.host_lemmas and not any(
            c.dep_ == "aux" and c.lower_ in words.future_auxiliaries for c in head.children)
    return (token.dep_ == "pobj" and head.dep_ == "agent"
            and head.head.lemma_.lower() in words.host_lemmas)  # "hosted by the Emir of Qatar"


def frames_the_encounter(sentence: Span, lexicon: Lexicon) -> bool:
    """"Xi's visit to Serbia comes on the anniversary of ...", "The call follows weeks of tension over X",
    "The summit came days after ...", "The summit was attended by the leaders of X and Y": the encounter (or
    the gathering it was part of) is the subject of a present-tense verb, of a verb placing it in time, or of
    one telling who attended, so the sentence is the writer's framing of it, not a report of what was said."""
    root = sentence.root
    words = lexicon.subjects
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if root.lemma_.lower() in words.attendance_lemmas and any(c.lower_ in words.gatherings for c in subjects):
        return True
    nouns = {n.split()[-1] for n in lexicon.encounters.anaphor_nouns}
    if not any(c.dep_ == "nsubj" and c.lower_ in nouns for c in subjects):
        return False
    if root.lemma_.lower() in words.timing_lemmas:
        return True
    return root.tag_ in ("VBZ", "VBP") and root.lemma_.lower() not in lexicon.cues.speech_verbs


def discussed_marks(
    sentence: Span, triggers: Sequence[Trigger], marks: Sequence[Mark], own: set[str],
    participant_ids: set[str], gazetteer: Gazetteer, lexicon: Lexicon, taking_part: frozenset[str] = frozenset(),
) -> list[tuple[MarkKind, str, Mark]]:
    """(kind, ref, mark) of the countries and organizations a sentence reports as subjects; ``triggers``
    are the sentence's, ``own`` holds the participants' own countries and organizations, which are never
    subjects of their encounter; ``taking_part`` holds the people of the other encounters the sentence reports
    by the same trigger (:func:`co_parties`): they are parties, not subjects."""
    found: list[tuple[MarkKind, str, Mark]] = []
    if frames_the_encounter(sentence, lexicon) or speculative(sentence, lexicon):
        return found  # the writer's framing, or what is to come ("delegations are to gather in Rome for ...")
    elsewhere = other_encounter_parties(triggers, marks, participant_ids, lexicon)
    elsewhere |= other_meeting_parties(sentence, marks, participant_ids, lexicon)
    for mark in marks:
        if not (sentence.start <= mark.start < sentence.end) or mark.start in elsewhere:
            continue
        if mark.kind == "country":
            ref = mark.ref
        elif (mark.kind == "person" and mark.ref in gazetteer.people and mark.ref not in participant_ids
              and mark.ref not in taking_part):
            root = mark.span.root
            if root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "pobj" and root.head.dep_ == "agent"):
                continue  # "X said", "hosted by X": who acted or spoke, not whom the talk was about
            ref = gazetteer.people[mark.ref].country
        elif mark.kind == "organization":
            org = gazetteer.organizations.get(mark.ref)
            if org is None or org.kind in _SOURCE_KINDS:
                continue  # "according to CNN", "a post on Truth Social": where it was said, not what about
            ref = mark.ref
        else:
            continue
        kind = MarkKind.ORGANIZATION if mark.kind == MarkKind.ORGANIZATION else MarkKind.COUNTRY
        if ref in own:
            continue
        if mark.kind != "person" and is_descriptor(mark, marks, lexicon):
            continue
        root = mark.span.root
        if is_venue(mark, lexicon) or is_negated(root, lexicon) or in_background_clause(root, lexicon):
            continue
        if in_time_phrase(root):
            continue
        if in_attribution(root, lexicon):
            continue
        found.append((kind, ref, mark))
    return found


def discussed_topics(sentence: Span, topic_phrases: Sequence[Span], lexicon: Lexicon) -> list[str]:
    """Topic ids named in a sentence (not under negation), among the phrases the ``kg_topics`` component
    marked (label: the topic id)."""
    topics: list[str] = []
    for span in topic_phrases:
        if not (sentence.start <= span.start and span.end <= sentence.end):
            continue
        topic = span.label_
        if topic not in topics and not is_negated(span.root, lexicon):
            topics.append(topic)
    return topics
