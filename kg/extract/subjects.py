"""What an encounter was about: countries, organizations and topics of the sentences that report it,
less the participants' own countries, venues, actor descriptors ("Russian President") and negated ones."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mark, title_after
from kg.gazetteer import Gazetteer

_TITLE_NOUNS = {
    "president", "presidents", "leader", "leaders", "minister", "ministers", "counterpart", "counterparts",
    "chancellor", "premier", "king", "emir", "prince", "secretary", "secretary-general", "chief", "head",
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador", "aide",
    "adviser", "advisor", "delegation", "diplomat", "diplomats", "side", "government", "administration",
    "presidency", "embassy", "readout", "statement", "media", "ministry", "army", "forces", "troops",
    "member", "lawmaker", "lawmakers", "legislator", "senator", "mp", "commander", "general", "representative",
}
_SOURCE_KINDS = {"media"}
_NEGATION_WORDS = {"not", "never", "no", "nothing", "n't", "without", "neither", "nor"}
_VENUE_VERBS = {"meet", "hold", "host", "gather", "arrive", "visit", "travel", "fly", "sit", "land", "take"}
_TOPIC_MATCHERS: dict[int, PhraseMatcher] = {}


def is_descriptor(mark: Mark, doc_marks: list[Mark], lexicon: Lexicon) -> bool:
    """"Russian President Vladimir Putin", "the Chinese leader", "NATO chief", "British Prime Minister Keir
    Starmer", "a South Korean member of parliament": the country or organization names who someone is, not
    what was discussed."""
    if any(m.kind == "role" and m.start <= mark.start and mark.end <= m.end for m in doc_marks):
        return True
    doc = mark.span.doc
    if title_after(doc, mark.end, lexicon) is not None:
        return True
    after = doc[mark.end] if mark.end < len(doc) else None
    if after is not None and (after.ent_type_ == "PERSON" or after.lower_ in _TITLE_NOUNS):
        return True
    if after is not None and after.tag_ == "POS":
        nxt = doc[mark.end + 1] if mark.end + 1 < len(doc) else None
        if nxt is not None and (nxt.ent_type_ == "PERSON" or nxt.lower_ in _TITLE_NOUNS):
            return True
    return False


_GATHERINGS = {"summit", "sidelines", "meeting", "forum", "conference", "gathering", "session", "assembly"}
_VENUE_PREPS = {"at", "on", "in", "during", "ahead", "before", "after"}
_OTHER_EVENT_MODIFIERS = {"his", "her", "their", "its", "recent", "last", "previous", "earlier", "upcoming", "next"}


def gathering_of(mark: Mark) -> bool:
    """"at the G20 summit", "on the sidelines of the APEC summit", "the APEC Economic Leaders' Meeting in
    Lima": the organization names the gathering where the encounter took place, not a subject. ("Putin's
    absence from the G20 summit" is a subject: the gathering is not the place of this encounter.)"""
    doc = mark.span.doc
    window = doc[mark.end : min(len(doc), mark.end + 5)]
    gathering = next((t for t in window if t.lower_ in _GATHERINGS and not t.is_sent_start), None)
    if gathering is None:
        gathering = next((a for a in list(mark.span.root.ancestors)[:4] if a.lower_ in _GATHERINGS), None)
    if gathering is None or _planned_meeting_at(gathering):
        return False
    for token in (gathering, *list(gathering.ancestors)[:3]):
        if token.lower_ == "sidelines" or (token.dep_ == "prep" and token.lower_ in _VENUE_PREPS):
            return True
    return False


_FUTURE_AUX = {"will", "would", "shall", "'ll"}
_LOOKING_AHEAD = {"forward", "agree", "plan", "expect", "hope", "invite", "decide", "arrange", "propose"}


def _planned_meeting_at(gathering: Token) -> bool:
    """"agreed that we would meet at the APEC summit", "look forward to meeting at APEC": the gathering is
    where the participants are to meet next, a subject of this encounter rather than its place."""
    for token in list(gathering.ancestors)[:4]:
        if token.lemma_.lower() != "meet":
            continue
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in token.children):
            return True
        heads = [token.head, token.head.head]
        return any(h.lemma_.lower() in _LOOKING_AHEAD for h in heads)
    return False


_DASHES = ("\u2014", "\u2013")  # em and en dash; a hyphen joins words ("Japanese-administered")


def in_dateline(mark: Mark) -> bool:
    """"Gyeongju, South Korea, Oct. 31 (Jiji Press) \u2013 ...", "The Vatican \u2014 On April 26 ...", "Moscow,
    May 8:": the place an article was filed from, at the head of its first sentence."""
    sentence = mark.span.sent
    for token in sentence[:14]:
        if token.text in ("--", ":") or any(d in token.text for d in _DASHES):
            head = sentence.doc[sentence.start : token.i]
            return mark.end <= token.i and len(head) > 0 and all(
                t.pos_ in ("PROPN", "NUM", "PUNCT", "SPACE") or t.ent_type_ == "DATE" or t.lower_ == "the"
                for t in head
            )
    return False


def is_venue(mark: Mark, lexicon: Lexicon) -> bool:
    """"met in Bali", "at the G20 summit", "a visit to China", "talks in Istanbul" (as the place)."""
    if mark.kind == "organization" and gathering_of(mark):
        return True
    if in_dateline(mark):
        return True
    root = mark.span.root
    head = root
    while head.dep_ in ("compound", "conj", "appos", "amod") and head.head is not head:
        head = head.head
    if head.dep_ != "pobj" or head.head.lower_ not in lexicon.location_preps:
        return False
    prep = head.head
    governor = prep.head
    if governor.lower_ in lexicon.venue_nouns and _told_event(governor, lexicon):
        return False  # "spoke about his recent visit to the US": that visit is a subject of the talk
    if governor.lemma_.lower() in _VENUE_VERBS or governor.lower_ in lexicon.venue_nouns:
        return True
    if governor.lower_ == "place" and governor.head.lemma_.lower() == "take":
        return True  # "a meeting took place in the Vatican"
    if governor.ent_type_ == "PERSON" and prep.lower_ in ("in", "at"):
        return True  # "a meeting with Biden in Peru" (the parser hangs the place on the person)
    if mark.form in ("capital",) and governor.lower_ not in lexicon.topic_heads:
        return True
    return False


def _told_event(noun: Token, lexicon: Lexicon) -> bool:
    """"briefed Modi on his recent visit to Brazil": another event, named as what was talked about (not
    "following their recent summit in South Korea", which only dates this one)."""
    if not any(c.lower_ in _OTHER_EVENT_MODIFIERS for c in noun.children):
        return False
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass"):
        return head.lemma_.lower() in _DISCUSSION_VERBS or head.lemma_.lower() in lexicon.speech_verbs
    return noun.dep_ == "pobj" and head.lower_ in ("on", "about", "regarding", "concerning", "over")


_BACKGROUND_MARKERS = {"as", "while", "since", "although", "though", "when", "whereas"}
_BACKGROUND_PREPS = {"amid", "amidst", "despite", "since"}


def in_background_clause(token: Token) -> bool:
    """"As the Ukraine conflict nears its fourth year, ...", "amid tensions over X", "the first talks since
    Russia's invasion of Ukraine": the writer's framing of the encounter, not what was said in it."""
    current = token
    for _ in range(12):
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKERS for c in current.children
        ):
            return True
        if current.dep_ == "prep" and current.lower_ in _BACKGROUND_PREPS:
            return True
        if current.dep_ == "prep" and current.lower_ == "with" and current.is_sent_start:
            return True  # "With the tariffs on Mexico ..., Beijing and Moscow are ...": a framing phrase
        if current.head is current:
            return False
        current = current.head
    return False


_DISCUSSION_VERBS = {"discuss", "talk", "raise", "mention", "address", "touch", "cover", "bring", "broach",
                     "speak", "debate", "consider", "review", "exchange", "focus"}


def is_negated(token: Token) -> bool:
    """The mention is the subject of a denied discussion ("nothing was discussed concerning X", "they did
    not discuss X", "X was not raised"). Negation inside what was said ("Iran should never ...") is content,
    not denial, and does not count."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") and current.lemma_.lower() in _DISCUSSION_VERBS:
            return any(
                child.dep_ == "neg"
                or (child.lower_ in _NEGATION_WORDS and child.dep_ in ("det", "nsubj", "nsubjpass", "dobj", "advmod"))
                or (child.dep_ in ("nsubj", "nsubjpass", "dobj")
                    and any(g.lower_ in _NEGATION_WORDS and g.dep_ == "det" for g in child.children))
                for child in current.children
            )
        if current.head is current:
            return False
        current = current.head
    return False


def other_encounter_parties(
    sentence: Span, marks: list[Mark], participant_ids: set[str], lexicon: Lexicon,
) -> set[int]:
    """Tokens naming the other side of a *different* encounter a participant had, told as a fact of its
    own ("Biden also spoke with the leaders of Germany, France and the United Kingdom")."""
    from kg.extract.triggers import find_triggers

    tokens: set[int] = set()
    for trigger in find_triggers(sentence, lexicon):
        verb = trigger.head
        if verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        subject_ids = {m.ref for m in marks if m.kind == "person" and any(m.start <= c.i < m.end for c in subjects)}
        if not subject_ids & participant_ids:
            continue
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")):
            party = {t.i for t in prep.subtree}
            named = {m.ref for m in marks if m.kind == "person" and m.start in party}
            if not named & participant_ids:
                tokens |= party
    return tokens


def discussed_marks(
    sentence: Span, marks: list[Mark], own: set[str], participant_ids: set[str],
    gazetteer: Gazetteer, lexicon: Lexicon,
) -> list[tuple[str, str, Mark]]:
    """(kind, ref, mark) of the countries and organizations a sentence reports as subjects; ``own`` holds
    the participants' own countries and organizations, which are never subjects of their encounter."""
    found: list[tuple[str, str, Mark]] = []
    elsewhere = other_encounter_parties(sentence, marks, participant_ids, lexicon)
    for mark in marks:
        if not (sentence.start <= mark.start < sentence.end) or mark.start in elsewhere:
            continue
        if mark.kind == "country":
            ref = mark.ref
        elif mark.kind == "person" and mark.ref in gazetteer.people and mark.ref not in participant_ids:
            if mark.span.root.dep_ in ("nsubj", "nsubjpass"):
                continue
            ref = gazetteer.people[mark.ref].country
        elif mark.kind == "organization":
            org = gazetteer.organizations.get(mark.ref)
            if org is None or org.kind in _SOURCE_KINDS:
                continue  # "according to CNN", "a post on Truth Social": where it was said, not what about
            ref = mark.ref
        else:
            continue
        kind = "organization" if mark.kind == "organization" else "country"
        if ref in own:
            continue
        if mark.kind != "person" and is_descriptor(mark, marks, lexicon):
            continue
        root = mark.span.root
        if is_venue(mark, lexicon) or is_negated(root) or in_background_clause(root):
            continue
        found.append((kind, ref, mark))
    return found


def _topic_matcher(sentence: Span, lexicon: Lexicon) -> PhraseMatcher:
    vocab = sentence.doc.vocab
    key = id(vocab) ^ id(lexicon)
    if key not in _TOPIC_MATCHERS:
        from spacy.lang.en import English

        tokenizer = English().tokenizer
        matcher = PhraseMatcher(vocab, attr="LOWER")
        for topic in lexicon.topics:
            matcher.add(topic.id, [tokenizer(p) for p in topic.phrases])
        _TOPIC_MATCHERS[key] = matcher
    return _TOPIC_MATCHERS[key]


def discussed_topics(sentence: Span, lexicon: Lexicon) -> list[str]:
    """Topic ids named in a sentence (not under negation)."""
    matcher = _topic_matcher(sentence, lexicon)
    doc = sentence.doc
    topics: list[str] = []
    for match_id, start, end in matcher(sentence):  # offsets in the Doc
        span = doc[start:end]
        topic = doc.vocab.strings[match_id]
        if topic not in topics and not is_negated(span.root):
            topics.append(topic)
    return topics
