"""Who took part in an encounter: persons named near a trigger, and office holders named by role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.mentions import SAME_ROLE, Mark
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.records import ActorKind, ActorRef, PartialDate, Precision

_MAX_TREE_DISTANCE = 4


def _path_to_root(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head != path[-1] and len(path) < 40:
        path.append(path[-1].head)
    return path


_ACROSS_CLAUSES = 40  # added to a path that joins two tokens only through the sentence's root


def arcs_between(a: Token, b: Token) -> tuple[int, bool]:
    """Number of dependency arcs between two tokens of one sentence, and whether their only common
    ancestor is the sentence's root (99 arcs for tokens of different sentences)."""
    path_a, path_b = _path_to_root(a), _path_to_root(b)
    index_b = {t.i: n for n, t in enumerate(path_b)}
    for n, token in enumerate(path_a):
        if token.i in index_b:
            return n + index_b[token.i], token.head == token
    return 99, False


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence; a path whose only common ancestor is
    the sentence's root joins two clauses ("A meeting hosted by X took place ..., while Y stayed home") and
    counts as far, beyond any path inside one clause."""
    arcs, via_root = arcs_between(a, b)
    return _ACROSS_CLAUSES + arcs if via_root else arcs


def person_ref(gazetteer: Gazetteer, person_id: str) -> ActorRef:
    person = gazetteer.people[person_id]
    return ActorRef(ActorKind.PERSON, person_id, person.name, person.source)


def _reference_days(date: PartialDate | None, anchor: dt.date | None) -> list[dt.date | None]:
    if date is None:
        return [anchor] if anchor else []
    if date.precision is Precision.DAY:
        return [date.value]
    if date.precision is Precision.MONTH:
        return [date.value.replace(day=15)]
    return [dt.date(date.value.year, 1, 1), dt.date(date.value.year, 12, 31)]


_LEADER_ROLES = ("head_of_state", "head_of_government")


def resolve_role(
    mark: Mark, gazetteer: Gazetteer, date: PartialDate | None, anchor: dt.date | None,
    counterpart_roles: tuple[str, ...] = _LEADER_ROLES,
) -> ActorRef | None:
    """"Russian President" on a date -> the person who held that office then (only when unambiguous). When
    the gazetteer and the article both give a holder ("Kenyan President Otieno Kamau-Wekesa ... the Kenyan
    leader"), the person the article introduced in that office is the one meant."""
    iso3 = mark.ref
    roles = tuple(r for r in mark.roles if r != SAME_ROLE) or counterpart_roles
    days = _reference_days(date, anchor)
    if not days:
        return None
    for role in roles:
        holders: set[str] = set()
        for day in days:
            holders.update(p.id for p in gazetteer.holders(iso3, role, day))
        if len(holders) > 1:
            holders &= gazetteer.introduced or holders
        if len(holders) == 1:
            return person_ref(gazetteer, holders.pop())
    return None


def offices_held(
    marks: list[Mark], gazetteer: Gazetteer, date: PartialDate | None, anchor: dt.date | None,
) -> tuple[str, ...]:
    """The roles the persons named by ``marks`` held at the time: what "his Russian counterpart" holds in a
    sentence naming "US Secretary of Defense Lloyd Austin" (a minister, not a head of state)."""
    days = [d for d in _reference_days(date, anchor) if d is not None]
    roles: list[str] = []
    for mark in marks:
        person = gazetteer.people.get(mark.ref) if mark.kind == "person" else None
        if person is None:
            continue
        for term in person.offices:
            if term.role not in roles and (not days or any(term.covers(d) for d in days)):
                roles.append(term.role)
    return tuple(roles)


def actor_of(
    mark: Mark, gazetteer: Gazetteer, date: PartialDate | None, anchor: dt.date | None,
    counterpart_roles: tuple[str, ...] = (),
) -> ActorRef | None:
    """The person a person or role mark names (``None`` for other marks or unresolved roles). A
    "counterpart" holds one of ``counterpart_roles`` (the offices of the others the sentence names), else
    leads a state or government."""
    if mark.kind == "person" and mark.ref in gazetteer.people:
        return person_ref(gazetteer, mark.ref)
    if mark.kind == "role":
        return resolve_role(mark, gazetteer, date, anchor, counterpart_roles or _LEADER_ROLES)
    return None


def participants_near(
    trigger_span: Span, candidates: list[tuple[Mark, ActorRef]], lexicon: Lexicon,
) -> tuple[ActorRef, ...]:
    """Pick the participants of a trigger among the persons of its sentence.

    Persons named in a phrase of their own beside the trigger are left out (:func:`named_elsewhere`). Two or
    fewer distinct persons: all of them. More: those within a few dependency arcs of the trigger (its
    subject, its "with" object, the members of "between X and Y", possessors of "X's call").
    """
    distinct: dict[str, tuple[int, ActorRef]] = {}
    topic = _topic_phrase(trigger_span.root, lexicon)
    for mark, actor in candidates:
        if named_elsewhere(mark.span, trigger_span.root, lexicon):
            continue
        if topic is not None and not topic.left_edge.i <= mark.span.root.i <= topic.right_edge.i:
            continue  # "At a briefing about Modi's visit, Misri confirmed ...": the briefer is not a party
        distance = tree_distance(mark.span.root, trigger_span.root)
        if actor.id not in distinct or distance < distinct[actor.id][0]:
            distinct[actor.id] = (distance, actor)
    if len(distinct) <= 2:
        return tuple(actor for _, actor in distinct.values())
    near = [(d, a) for d, a in distinct.values() if d <= _MAX_TREE_DISTANCE]
    if len(near) < 2:
        near = sorted(distinct.values(), key=lambda pair: pair[0])[:2]
    return tuple(actor for _, actor in sorted(near, key=lambda pair: pair[0]))


_OWN_CLAUSES = ("advcl", "relcl", "acl", "pcomp")
_CLAUSE_LINKS = (*_OWN_CLAUSES, "ccomp", "xcomp", "conj", "parataxis")


def _topic_phrase(trigger_root: Token, lexicon: Lexicon) -> Token | None:
    """The phrase ("about ...", "on ...") that makes the trigger the topic of a noun: "a briefing about Modi's
    visit", "questions on the call". (A phrase of a verb frames it instead: "On his visit, Modi met ...".)"""
    current = trigger_root
    while current.dep_ in ("conj", "appos") and current.head != current:
        current = current.head
    link = current.head
    topical = link.lower_ in lexicon.participants.topic_preps and link.head.pos_ in ("NOUN", "PROPN")
    return link if current.dep_ == "pobj" and topical else None


def _has_subject(clause: Token) -> bool:
    """A clause with a subject of its own tells of its own event ("since Petro took power"); a participle
    without one describes a noun of the sentence ("a delegation led by X", "a welcome including ...")."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)


def named_elsewhere(name: Span, trigger_root: Token, lexicon: Lexicon) -> bool:
    """The person ``token`` is named in a phrase that tells of something else than the trigger's encounter:
    a topic of it ("talks on the extradition of X"), or the clause or phrase of another event ("since Petro
    took power from Duque", "the day after X was sworn in", "before his summit with X"). A clause that
    describes the trigger itself ("a meeting hosted by X", "the call, which included X") is its own."""
    line = {t.i for t in _path_to_root(trigger_root)}
    words = lexicon.participants
    current = name.root
    while current.i not in line and current.head != current:
        head = current.head
        if name.start <= current.i < name.end:  # a word of the name itself ("HE Recep Tayyip Erdogan")
            current = head
            continue
        if current.dep_ in _OWN_CLAUSES and head != trigger_root and _has_subject(current):
            return True
        if current.dep_ == "prep" and current.lower_ in words.other_event_preps:
            return True
        if current.dep_ == "prep" and current.lower_ in words.topic_preps and head == trigger_root:
            return True
        current = head
    return False


_NP_DEPS = {"conj", "compound", "appos", "poss", "amod", "nmod", "flat", "cc", "det", "punct", "npadvmod", "case"}


def _noun_phrase(token: Token) -> set[int]:
    """The token and its noun-phrase dependents (names, titles, conjuncts), not clauses or prep phrases."""
    found = {token.i}
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ in _NP_DEPS and child.i not in found:
                found.add(child.i)
                stack.append(child)
    return found


def _subject_of(verb: Token, lexicon: Lexicon) -> list[Token]:
    """The verb's subjects; a shared subject for conjoined or controlled verbs ("met and spoke", "went on to meet");
    a subject pronoun is replaced by the subject of the verb that reports it ("Trump said he spoke ...")."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            resolved = []
            for subject in subjects:
                reported = current.dep_ in ("ccomp", "xcomp", "conj") and current.head != current
                pronoun = subject.lower_ in lexicon.participants.subject_pronouns
                if pronoun and reported:
                    resolved.extend(_subject_of(current.head, lexicon) or [subject])
                elif pronoun and current.dep_ in ("advcl", "relcl"):
                    resolved.extend(_subject_above(current, lexicon) or [subject])
                else:
                    resolved.append(subject)
            return resolved
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head != current:
            current = current.head
            continue
        if current.dep_ == "pcomp" and current.head.head != current.head:
            current = current.head.head  # "after talking to Putin": the subject of the verb "after" modifies
            continue
        break
    return []


def _subject_above(clause: Token, lexicon: Lexicon) -> list[Token]:
    """"Yunus raised the issue when he met Modi", "Xi went on to France, where he spoke with Macron": the
    pronoun subject of a clause that modifies another stands for the subject of the verb above it."""
    for verb in _verbs_above(clause, 6):
        subjects = _subject_of(verb, lexicon)
        return [s for s in subjects if s.lower_ not in lexicon.participants.subject_pronouns]
    return []


def _verbs_above(token: Token, reach: int) -> Iterator[Token]:
    """The verbs among the ``reach`` nearest heads above ``token``, nearest first ("regarding" is tagged a
    verb but heads a prepositional phrase)."""
    current = token
    for _ in range(reach):
        if current.head == current:
            return
        current = current.head
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "prep":
            yield current


def _reported_subject(verb: Token, token: Token, lexicon: Lexicon) -> list[Token]:
    """"After her talks with Lula, the spokeswoman said Meloni also phoned ...": a phrase put before a reporting verb
    tells of the reported clause, so "his" is the subject of that clause, not the speaker's."""
    if verb.lemma_.lower() not in lexicon.cues.speech_verbs or token.i > verb.i:
        return []
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        subjects = [s for s in _subject_of(clause, lexicon) if s.lower_ not in lexicon.participants.subject_pronouns]
        if subjects:
            return subjects
    return []


def _governing_subject(token: Token, lexicon: Lexicon) -> list[Token]:
    """For "his call with Putin": the subject of the nearest verb above the noun (whom "his" refers to);
    when the noun's own phrase is that subject ("Trump said his call with Xi *resulted* in ..."), the
    subject of the verb above that one."""
    for verb in _verbs_above(token, 8):
        subjects = _subject_of(verb, lexicon)
        if any(s.i == token.i for s in subjects):
            continue
        return _reported_subject(verb, token, lexicon) or subjects
    return []


def _governing_objects(token: Token, lexicon: Lexicon) -> list[Token]:
    """For "their talks" in "X extended an invitation to Y during their talks": the persons the nearest verb
    above the noun is addressed to (its object, "to"/"with" objects), who are "they" with its subject."""
    for verb in _verbs_above(token, 8):
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        direct = [c for c in objects if c.ent_type_ == "PERSON"]
        return direct + _prep_objects(verb, lexicon) + [g for o in objects for g in _prep_objects(o, lexicon)]
    return []


def _prep_objects(token: Token, lexicon: Lexicon) -> list[Token]:
    objects = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in lexicon.participants.slot_preps:
            objects.extend(c for c in child.children if c.dep_ == "pobj")
    return objects


def _agents(noun: Token, lexicon: Lexicon) -> list[Token]:
    """Who made what a noun names: the names in its "by" phrase, titles and all ("remarks by the Prime
    Minister and Minister for Trade X"), and a name the parser hung from the noun beside that phrase (read as
    an apposition); not names in a clause of the phrase ("by X, who met Y")."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in lexicon.participants.agent_preps]
    if not preps:
        return []
    named = [t for p in preps for t in p.subtree if t.ent_type_ == "PERSON"
             and not any(a.pos_ in ("VERB", "AUX") for a in t.ancestors if p.is_ancestor(a))]
    return named + [c for c in noun.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]


def participant_slots(trigger_root: Token, lexicon: Lexicon) -> set[int]:
    """Token indexes of the phrases that name who took part: the subject and object of a verb trigger
    ("Putin spoke with Trump", "Biden met Xi"), or for a noun trigger its possessor, name compounds,
    "with"/"between" objects and the subject/object of the verb it belongs to ("X held a call with Y",
    "In a video call, Biden warned Putin")."""
    words = lexicon.participants
    heads: list[Token] = []
    owners: list[Token] = []
    root = trigger_root
    if root.pos_ in ("VERB", "AUX"):
        heads += _subject_of(root, lexicon)
        heads += [c for c in root.children if c.dep_ in ("dobj", "dative")]
        heads += _prep_objects(root, lexicon)
    else:
        owners = [c for c in root.children if c.dep_ in ("poss", "compound", "nmod")]
        heads += owners
        if any(o.lower_ in words.possessive_pronouns for o in owners):
            heads += _governing_subject(root, lexicon)
        if any(o.lower_ in words.plural_possessives for o in owners):
            heads += _governing_objects(root, lexicon)
        heads += _prep_objects(root, lexicon)
        for clause in (c for c in root.children if c.dep_ == "acl"):
            for verb in (clause, *(c for c in clause.children if c.dep_ == "conj")):
                heads += _prep_objects(verb, lexicon)  # "a meeting hosted by X and attended by Y"
        verb = root.head
        if root.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "oprd", "conj") and verb != root:
            told = root.dep_ in ("nsubj", "nsubjpass") or verb.lemma_.lower() in words.disclosure_verbs
            heads += [] if told else _subject_of(verb, lexicon)  # "Peskov confirmed the call": not a party
            heads += _prep_objects(verb, lexicon)
        elif root.dep_ == "pobj" and verb.lower_ in words.frame_preps and verb.head != verb:
            clause = verb.head
            if clause.pos_ in ("VERB", "AUX") and not heads:
                heads += _subject_of(clause, lexicon)
                heads += [c for c in clause.children if c.dep_ in ("dobj", "dative")]
                heads += _prep_objects(clause, lexicon)
            elif clause.pos_ == "NOUN":  # "remarks by X at the joint press conference with Y": X spoke there
                heads += _agents(clause, lexicon)
    slots: set[int] = set()
    for head in heads:
        slots |= _noun_phrase(head)
    return slots - _owner_again(root, owners, slots)


def _owner_again(root: Token, owners: list[Token], slots: set[int]) -> set[int]:
    """"Hours after Xi's meeting with Putin, Xi and Trump discussed ...", parsed as one list "with Putin, Xi
    and Trump": nobody meets himself, so from the owner's name again on, the list is another clause's."""
    names = {o.lower_ for o in owners if o.pos_ == "PROPN"}
    if not names:
        return set()
    again = [t for t in root.sent if t.i in slots and t.dep_ == "conj" and t.lower_ in names]
    return set().union(*(_noun_phrase(t) for t in again)) if again else set()


def syntactic_participants(
    trigger_span: Span, candidates: list[tuple[Mark, ActorRef]], lexicon: Lexicon,
) -> tuple[ActorRef, ...]:
    """The persons named in the trigger's participant slots, in text order, without repeats."""
    slots = participant_slots(trigger_span.root, lexicon)
    found: dict[str, ActorRef] = {}
    for mark, actor in candidates:
        if any(t.i in slots for t in mark.span):
            found.setdefault(actor.id, actor)
    return tuple(found.values())


def _told_separately(trigger_span: Span, lexicon: Lexicon) -> bool:
    """"held separate calls with Trump and Putin", "spoke separately with Putin and Zelensky", "held calls
    with Trump and Putin": one encounter per counterpart, not one of three."""
    root = trigger_span.root
    scope = [root, root.head] if root.pos_ not in ("VERB", "AUX") else [root]
    words = lexicon.participants
    if any(c.lower_ in words.separate_modifiers for t in scope for c in t.children if c.dep_ in ("amod", "advmod")):
        return True
    return trigger_span.text.lower() in words.plural_events


def _subject_ids(trigger_root: Token, candidates: list[tuple[Mark, ActorRef]], lexicon: Lexicon) -> set[str]:
    verb = trigger_root if trigger_root.pos_ in ("VERB", "AUX") else trigger_root.head
    slots: set[int] = set()
    for subject in _subject_of(verb, lexicon):
        slots |= _noun_phrase(subject)
    return {actor.id for mark, actor in candidates if any(t.i in slots for t in mark.span)}


def split_separate(
    trigger_span: Span, participants: tuple[ActorRef, ...], candidates: list[tuple[Mark, ActorRef]], lexicon: Lexicon,
) -> list[tuple[ActorRef, ...]]:
    """The participant groups of a trigger: one per counterpart when the encounters were separate (one
    subject, two or more counterparts), none when they were separate but the subject is nobody read,
    else the participants as one group."""
    if len(participants) < 2 or not _told_separately(trigger_span, lexicon):
        return [participants]
    subjects = _subject_ids(trigger_span.root, candidates, lexicon)
    if not subjects and _held_with(trigger_span.root, lexicon):
        return []  # "meetings with the Presidents of Colombia, X; of Brazil, Y": held by someone unread
    if len(participants) < 3 or len(subjects) != 1:
        return [participants]
    own = [p for p in participants if p.id in subjects]
    return [(own[0], other) for other in participants if other.id not in subjects] if own else [participants]


def _held_with(trigger_root: Token, lexicon: Lexicon) -> bool:
    """The trigger (or the verb it is the object of) takes a "with" phrase: those named are counterparts."""
    holders = [trigger_root] if trigger_root.pos_ in ("VERB", "AUX") else [trigger_root, trigger_root.head]
    preps = lexicon.triggers.communication_preps
    return any(c.dep_ == "prep" and c.lower_ in preps for h in holders for c in h.children)


def counterparts(
    trigger_span: Span, candidates: list[tuple[Mark, ActorRef]], lexicon: Lexicon,
) -> set[str]:
    """The persons a trigger names besides its subject: whom "could meet Xi" would meet."""
    subjects = _subject_ids(trigger_span.root, candidates, lexicon)
    return {a.id for a in syntactic_participants(trigger_span, candidates, lexicon)} - subjects


def names_a_pair(trigger_span: Span, lexicon: Lexicon) -> bool:
    """The trigger's participant slot is "the two leaders", "both men" ("The two leaders held talks", "a call
    between both leaders"): the pair the article named just before."""
    sentence = trigger_span.sent
    text = sentence.text.lower()
    phrases = [p for p in lexicon.participants.pair_anaphors if p in text]
    if not phrases:
        return False
    slots = participant_slots(trigger_span.root, lexicon)
    words = [t.lower_ for t in sentence]
    for phrase in phrases:
        parts = phrase.split()
        for n in range(len(words) - len(parts) + 1):
            if words[n : n + len(parts)] == parts and _names_trigger_pair(
                    sentence[n : n + len(parts)], trigger_span.root, slots, lexicon):
                return True
    return False


def _names_trigger_pair(phrase: Span, trigger_root: Token, slots: set[int], lexicon: Lexicon) -> bool:
    """The pair phrase fills a slot of the trigger ("the two heads of state signed ... after their talks"),
    or is a few arcs from it, even through the sentence's root, and not in a phrase of another event
    ("Saturday's call was the first between the two leaders since ...")."""
    if any(t.i in slots for t in phrase):
        return True
    root = phrase.root
    if arcs_between(root, trigger_root)[0] > _MAX_TREE_DISTANCE:
        return False
    line = {t.i for t in _path_to_root(trigger_root)}
    for token in (root, *root.ancestors):
        if token.i in line:
            return True
        if token.dep_ in _CLAUSE_LINKS:
            return False  # another clause's subject: "Following the talks, Trump said the two leaders had agreed"
    return False


def is_body_session(trigger_root: Token, lexicon: Lexicon) -> bool:
    """"during a meeting of the Security Council", "at a meeting of the cabinet": a session of a body, the
    occasion of what the sentence tells, whose members are not named as its parties. (A meeting of a body
    that the sentence says two leaders chaired is theirs: "X and Y co-chaired the meeting of the council".)"""
    if trigger_root.pos_ not in ("NOUN", "PROPN") or trigger_root.dep_ != "pobj":
        return False
    bodies = lexicon.participants.body_nouns
    return any(
        child.dep_ == "prep" and child.lower_ == "of" and any(
            g.dep_ == "pobj" and g.lower_ in bodies for g in child.children)
        for child in trigger_root.children)


def is_three_party(trigger_span: Span, lexicon: Lexicon) -> bool:
    """"the trilateral meeting", "a three-way summit": an encounter said to have three parties."""
    words = lexicon.participants.three_party_modifiers
    root = trigger_span.root
    return any(t.lower_ in words for t in trigger_span) or any(
        c.dep_ in ("amod", "compound") and c.lower_ in words for c in root.children)


def hosts_named(candidates: list[tuple[Mark, ActorRef]], lexicon: Lexicon) -> tuple[ActorRef, ...]:
    """The persons a sentence names as hosts: "hosted by X", "X hosted the talks", "mediated by X"."""
    verbs = lexicon.roles.host_verbs
    found: dict[str, ActorRef] = {}
    for mark, actor in candidates:
        root = mark.span.root
        by_host = root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lower_ in verbs
        host_subject = root.dep_ == "nsubj" and root.head.lower_ in verbs
        if by_host or host_subject:
            found.setdefault(actor.id, actor)
    return tuple(found.values())


def joining_participants(
    trigger_span: Span, candidates: list[tuple[Mark, ActorRef]], lexicon: Lexicon,
) -> tuple[ActorRef, ...]:
    """"The meeting, which included the Emir of Qatar, ...": the persons a clause on the trigger says were
    in it as well."""
    slots: set[int] = set()
    for clause in trigger_span.root.children:
        if clause.dep_ == "relcl" and clause.lemma_.lower() in lexicon.participants.joining_verbs:
            for obj in (c for c in clause.children if c.dep_ == "dobj"):
                slots |= _noun_phrase(obj)
    found: dict[str, ActorRef] = {}
    for mark, actor in candidates:
        if any(t.i in slots for t in mark.span):
            found.setdefault(actor.id, actor)
    return tuple(found.values())
