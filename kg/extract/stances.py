"""Stances: who (:mod:`kg.extract.attribution`) holds which position (a cue of the lexicon of positions)
towards what (an actor, or a noun phrase of the text).

Cues: a position verb ("condemned", "urged", "called for"), a position noun a reporting verb carries
("reiterated his support for", "raised concerns about"), a relation noun a cooperation verb takes
("strengthen ties with", "deepen cooperation"), and "should"/"must" in what a speaker said (a call on
the clause's subject). A negated cue of support is opposition ("did not support", "refused to back");
other negated cues, hedged ones ("may back", "is expected to urge") and conditions ("if ...") state no
position. Only prose sentences count; the quote is the whole sentence, verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.attribution import Attribution
from kg.extract.mentions import Mark
from kg.extract.prose import is_prose
from kg.extract.stance_targets import own_country, target_of
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.lexicon.schema import StanceWords
from kg.nlp.doc_cache import span_text, tokens_in
from kg.records import Polarity


@dataclass(frozen=True)
class StanceDraft:
    holder: Mark
    polarity: Polarity
    verb: Token
    target: Mark | None
    target_text: str | None
    quote: str


@dataclass(frozen=True)
class Cue:
    token: Token  # the verb or noun that states the position
    polarity: Polarity
    objects: tuple[Token, ...]  # where its target is
    needs_speaker: bool = False  # "the US should ...": a call only a speaker can make
    needs_actor: bool = False  # "hopes that the US will ...": a call on an actor only


def _verb_polarity(verb: Token, words: StanceWords) -> Polarity | None:
    cues = words.verb_cues.get(verb.lemma_.lower())
    if cues is None:
        return None
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt", "dobj", "xcomp", "advmod")}
    return next((polarity for polarity, then in cues if not then or then in particles), None)


def _courtesy_call(verb: Token, words: StanceWords) -> bool:
    """"Jaishankar called on the President of the Commission": a visit; a call on someone is to do something
    ("called on China to ...", "called upon Iran for restraint")."""
    if verb.lemma_.lower() not in words.visit_verbs:
        return False
    preps = [c for c in verb.children if c.dep_ == "prep"]
    visit = any(p.lower_ in words.visit_preps for p in preps)
    return visit and not any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in verb.children) \
        and not any(p.lower_ not in words.visit_preps and p.lower_ in words.target_preps for p in preps)


def _objects(token: Token, words: StanceWords) -> tuple[Token, ...]:
    objects = [c for c in token.children if c.dep_ in ("dobj", "xcomp", "ccomp", "attr", "dative")
               or c.dep_ == "prep" and c.lower_ in words.target_preps]
    objects += [p for o in objects if o.dep_ == "dobj" for p in o.children
                if p.dep_ == "prep" and p.lower_ in words.target_preps]  # "attach importance *to* ..."
    return tuple(o for o in objects if not _when(o))


def _when(token: Token) -> bool:
    """"on Tuesday", "in March": when, not what about."""
    head = next((c for c in token.children if c.dep_ == "pobj"), token) if token.dep_ == "prep" else token
    return head.ent_type_ in ("DATE", "TIME")


def cues_of(sentence: Span, words: StanceWords) -> list[Cue]:
    """Every position cue of the sentence, in text order."""
    found: list[Cue] = []
    for token in tokens_in(sentence):
        if token.pos_ == "AUX":
            evaluation = _evaluation(token, words)
            if evaluation is not None:
                found.append(evaluation)
        if token.pos_ == "VERB" and token.dep_ != "prep":  # "concerning the issue" is no concern
            carried = _carried(token, words)
            if carried is not None:
                found.append(carried)
                continue
            relation = _relation(token, words) or _evaluation(token, words) or _valued(token, words) \
                or _hope(token, words)
            if relation is not None:
                found.append(relation)
                continue
            polarity = _verb_polarity(token, words)
            if polarity is not None and not _passive(token) and not _courtesy_call(token, words):
                found.append(Cue(token, polarity, _objects(token, words)))
        elif token.lower_ in words.obligation_modals and token.dep_ == "aux" and token.head.pos_ == "VERB":
            subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.i < token.i:  # "should Russia invade": a condition
                careful = any(t.lemma_.lower() in words.caution_words for t in token.head.subtree)
                polarity = Polarity.CONCERN if careful else Polarity.CALL_FOR  # "should handle it with caution"
                found.append(Cue(token.head, polarity, (subject,), needs_speaker=True))
    return found


def _carried(verb: Token, words: StanceWords) -> Cue | None:
    """"reiterated his support for Ukraine", "raised concerns about ...": a reporting verb carrying a
    position noun; the noun's prepositional objects are the target."""
    if verb.lemma_.lower() not in words.carriers:
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for noun in (obj, *obj.conjuncts):
            polarity = words.noun_polarity.get(noun.lower_)
            if polarity is not None:
                preps = tuple(c for c in noun.children if c.dep_ in ("prep", "acl") and
                              (c.lower_ in words.target_preps or c.dep_ == "acl"))
                if not preps and polarity is Polarity.CONCERN:  # "raised human rights concerns": what it says
                    preps = (noun,)
                return Cue(noun, polarity, preps)
    return None


def _relation(verb: Token, words: StanceWords) -> Cue | None:
    """"strengthen ties with Russia", "deepen bilateral cooperation": cooperation."""
    if verb.lemma_.lower() not in words.relation_verbs:
        return None
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        if obj.lower_ in words.relation_nouns:
            return Cue(obj, Polarity.COOPERATE, (obj,))
    return None


def _passive(verb: Token) -> bool:
    """"was asked", "were welcomed", "when asked by a reporter": the subject is the one the position is
    about, not its holder."""
    if any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ == "aux" for c in verb.children)


def _denied(verb: Token, words: StanceWords) -> bool:
    """"denies supporting M23": a position its holder says it does not take."""
    return any(a.lemma_.lower() in words.denials for a in list(verb.ancestors)[:2])


def _evaluation(verb: Token, words: StanceWords) -> Cue | None:
    """"our relationship with China is extremely strong", "ties are getting stronger": a speaker's good
    word on a relation is cooperation (only a speaker holds it)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in words.relation_nouns), None)
    if subject is None:
        return _partners(verb, words) or _held_relation(verb, words)
    predicates = [c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd", "prep", "dobj")]
    rising = verb.lemma_.lower() in words.rising_verbs  # "ties are growing", "would reach new highs"
    if rising or any(t.lemma_.lower() in words.good_words for p in predicates for t in p.subtree):
        return Cue(subject, Polarity.COOPERATE, (subject,), needs_speaker=True)
    return None


def _partners(verb: Token, words: StanceWords) -> Cue | None:
    """"India is a friend and a strategic ally", "Japan and Korea are important neighbours": a speaker
    calling a state a partner is cooperation with it (only a speaker holds it)."""
    if verb.lemma_.lower() != "be":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    partner = next((c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() in words.partner_nouns), None)
    if subject is None or partner is None:
        return None
    return Cue(partner, Polarity.COOPERATE, (subject, partner), needs_speaker=True)


def _held_relation(verb: Token, words: StanceWords) -> Cue | None:
    """"Hungary and Slovakia enjoy their strongest relations ever": a good relation a speaker says two
    states have is cooperation."""
    if verb.lemma_.lower() not in words.holding_verbs:
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in words.relation_nouns):
        if any(t.lemma_.lower() in words.good_words for t in obj.lefts):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return Cue(obj, Polarity.COOPERATE, (subject,) if subject is not None else (obj,), needs_speaker=True)
    return None


def _valued(verb: Token, words: StanceWords) -> Cue | None:
    """"attach great importance to Sino-US relations", "cherish our friendship": cooperation, when what
    is valued is a relation."""
    thens = words.relation_cue_words.get(verb.lemma_.lower())
    if thens is None:
        return None
    children = {c.lower_ for c in verb.children}
    if any(not then or then in children for then in thens):
        cue = Cue(verb, Polarity.COOPERATE, _objects(verb, words))
        return cue if _about_relations(cue, words) else None
    return None


def _hope(verb: Token, words: StanceWords) -> Cue | None:
    """"hopes that the US will provide a fair business environment": a call on the clause's subject."""
    if verb.lemma_.lower() not in words.hope_verbs:
        return None
    hoped = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") or c.dep_ == "prep" and c.lower_ == "for"]
    if not _passive(verb) and any(t.lower_ in words.relation_nouns for h in hoped for t in h.subtree):
        return Cue(verb, Polarity.COOPERATE, tuple(hoped))  # "hoped the talks would push relations forward"
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    if subject is None or subject.pos_ not in ("PROPN", "NOUN"):
        return None
    return Cue(verb, Polarity.CALL_FOR, (subject,), needs_actor=True)


def _negated(token: Token, words: StanceWords) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in words.negations and c.dep_ in ("advmod", "neg")
               for c in token.children)


def _refused(verb: Token, words: StanceWords) -> bool:
    """"refused to back": the cue is the object of a refusal verb."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in words.refusal_verbs


def _hedged(verb: Token, words: StanceWords) -> bool:
    """"may back", "is expected to urge", "if he supports": no position is stated."""
    token = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in words.hedges for c in token.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in words.conditions for c in token.children):
            return True
        if token.dep_ != "xcomp" or token.head == token:
            return False
        token = token.head
        if token.lemma_.lower() in words.expectations:
            return True
    return False


def _about_relations(cue: Cue, words: StanceWords) -> bool:
    """"hailed their ties", "commitment to working with France": support of a relation is cooperation."""
    for obj in cue.objects:
        for token in obj.subtree:
            if token.lower_ in words.relation_nouns or _verb_polarity(token, words) is Polarity.COOPERATE:
                return True
    return False


def _polarity(cue: Cue, words: StanceWords) -> Polarity | None:
    """The cue's polarity after negation: a refused or negated support is opposition, any other negated
    cue states nothing; a hedged cue states nothing; support of a relation is cooperation."""
    verb = cue.token if cue.token.pos_ in ("VERB", "AUX") else cue.token.head
    if _hedged(verb, words) or _denied(verb, words):
        return None
    negated = _negated(verb, words) or _negated(cue.token, words) or _refused(verb, words)
    if not negated:
        return Polarity.COOPERATE if cue.polarity is Polarity.SUPPORT and _about_relations(cue, words) \
            else cue.polarity
    return Polarity.OPPOSE if cue.polarity is Polarity.SUPPORT else None


def _hospitality(cue: Cue, target: Mark | None, text: str | None, words: StanceWords) -> bool:
    """"welcomed Pezeshkian", "welcomed his arrival": a host's courtesy, not a position."""
    if cue.token.lemma_.lower() not in words.hospitality_verbs:
        return False
    if target is not None and target.kind in ("person", "role"):
        return True
    return any(t.lower_ in words.hospitality_nouns for o in cue.objects for t in o.subtree)


def _call_on_no_one(cue: Cue, polarity: Polarity) -> bool:
    """"the two sides should ...": a speaker's call needs an actor to be on; a good word on "our ties" does
    not (their other side is the holder's counterpart, :mod:`kg.extract.counterparts`)."""
    return cue.needs_speaker and polarity is not Polarity.COOPERATE


def _a_relation(text: str | None, words: StanceWords) -> bool:
    """"their strategic partnership": a relation there is (not "a clean energy partnership", a new thing)."""
    if text is None or text.split()[0].lower() in words.indefinites:
        return False
    head = []  # the words before the first preposition: "new talks (on trade)" is about talks
    for word in text.lower().split():
        if word in words.phrase_preps:
            break
        head.append(word)
    return bool(head) and head[-1] in words.relation_nouns


def _clause_verb(token: Token) -> Token:
    return token if token.pos_ in ("VERB", "AUX") else token.head


def _coordinated(cue: Token, earlier: Token) -> bool:
    """"affirmed support for Ukraine and reiterated backing for Israel": two predicates joined by "and"."""
    verb, other = _clause_verb(cue), _clause_verb(earlier)
    return verb != other and (verb.dep_ == "conj" and verb.head == other or other.dep_ == "conj" and other.head == verb)


def find_stances(sentence: Span, attribution: Attribution, gazetteer: Gazetteer, lexicon: Lexicon) -> list[StanceDraft]:
    """The stances of one sentence: one per holder (a sentence rarely states two positions of one), and one
    more for each position of another kind in a predicate coordinated with it."""
    words = lexicon.stances
    if not is_prose(sentence) or span_text(sentence).rstrip().endswith("?"):
        return []
    drafts: list[StanceDraft] = []
    for cue in cues_of(sentence, words):
        polarity = _polarity(cue, words)
        if polarity is None:
            continue
        for holder in attribution.holders(cue.token, cue.needs_speaker):
            earlier = [d.verb for d in drafts if d.holder.ref == holder.ref]
            if earlier and not all(_coordinated(cue.token, e) for e in earlier):
                continue  # a holder's first position, and those coordinated with it
            own = own_country(holder, gazetteer)
            target, text = target_of(cue.objects, attribution, holder, own, words)
            if polarity is Polarity.CALL_FOR and target is None and _a_relation(text, words):
                polarity = Polarity.COOPERATE  # "proposed developing their partnership": no one is called on
            if target is None and (text is None and polarity is not Polarity.COOPERATE or cue.needs_actor
                                   or _call_on_no_one(cue, polarity)) \
                    or _hospitality(cue, target, text, words):
                continue  # "agreed to work together": with whom is left to the counterpart (StanceStep)
            drafts.append(StanceDraft(holder, polarity, cue.token, target, text, span_text(sentence).strip()))
    return drafts
