"""Who took part in an encounter: persons named near a trigger, and office holders named by role."""

from __future__ import annotations

import datetime as dt

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


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence; a path whose only common ancestor is
    the sentence's root joins two clauses ("A meeting hosted by X took place ..., while Y stayed home") and
    counts as far, beyond any path inside one clause."""
    path_a, path_b = _path_to_root(a), _path_to_root(b)
    index_b = {t.i: n for n, t in enumerate(path_b)}
    for n, token in enumerate(path_a):
        if token.i in index_b:
            arcs = n + index_b[token.i]
            return arcs if token.head != token else _ACROSS_CLAUSES + arcs
    return 99


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
    trigger_span: Span, candidates: list[tuple[Mark, ActorRef]],
) -> tuple[ActorRef, ...]:
    """Pick the participants of a trigger among the persons of its sentence.

    Two or fewer distinct persons: all of them. More: those within a few dependency arcs of the trigger
    (its subject, its "with" object, the members of "between X and Y", possessors of "X's call").
    """
    distinct: dict[str, tuple[int, ActorRef]] = {}
    for mark, actor in candidates:
        distance = tree_distance(mark.span.root, trigger_span.root)
        if actor.id not in distinct or distance < distinct[actor.id][0]:
            distinct[actor.id] = (distance, actor)
    if len(distinct) <= 2:
        return tuple(actor for _, actor in distinct.values())
    near = [(d, a) for d, a in distinct.values() if d <= _MAX_TREE_DISTANCE]
    if len(near) < 2:
        near = sorted(distinct.values(), key=lambda pair: pair[0])[:2]
    return tuple(actor for _, actor in sorted(near, key=lambda pair: pair[0]))


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
                if subject.lower_ in lexicon.participants.subject_pronouns and reported:
                    resolved.extend(_subject_of(current.head, lexicon) or [subject])
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
    current = token
    for _ in range(8):
        if current.head == current:
            return []
        current = current.head
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "prep":  # "regarding" is tagged a verb
            subjects = _subject_of(current, lexicon)
            if any(s.i == token.i for s in subjects):
                continue
            return _reported_subject(current, token, lexicon) or subjects
    return []


def _governing_objects(token: Token, lexicon: Lexicon) -> list[Token]:
    """For "their talks" in "X extended an invitation to Y during their talks": the persons the nearest verb
    above the noun is addressed to (its object, "to"/"with" objects), who are "they" with its subject."""
    current = token
    for _ in range(8):
        if current.head == current:
            return []
        current = current.head
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "prep":
            objects = [c for c in current.children if c.dep_ in ("dobj", "dative")]
            direct = [c for c in objects if c.ent_type_ == "PERSON"]
            return direct + _prep_objects(current, lexicon) + [
                g for o in objects for g in _prep_objects(o, lexicon)]
    return []


def _prep_objects(token: Token, lexicon: Lexicon) -> list[Token]:
    objects = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in lexicon.participants.slot_preps:
            objects.extend(c for c in child.children if c.dep_ == "pobj")
    return objects


def participant_slots(trigger_root: Token, lexicon: Lexicon) -> set[int]:
    """Token indexes of the phrases that name who took part: the subject and object of a verb trigger
    ("Putin spoke with Trump", "Biden met Xi"), or for a noun trigger its possessor, name compounds,
    "with"/"between" objects and the subject/object of the verb it belongs to ("X held a call with Y",
    "In a video call, Biden warned Putin")."""
    words = lexicon.participants
    heads: list[Token] = []
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
            heads += _subject_of(verb, lexicon) if root.dep_ not in ("nsubj", "nsubjpass") else []
            heads += _prep_objects(verb, lexicon)
        elif root.dep_ == "pobj" and verb.lower_ in words.frame_preps and not heads and verb.head != verb:
            clause = verb.head
            if clause.pos_ in ("VERB", "AUX"):
                heads += _subject_of(clause, lexicon)
                heads += [c for c in clause.children if c.dep_ in ("dobj", "dative")]
                heads += _prep_objects(clause, lexicon)
    slots: set[int] = set()
    for head in heads:
        slots |= _noun_phrase(head)
    return slots


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
            if words[n : n + len(parts)] == parts and sentence.start + n + len(parts) - 1 in slots:
                return True
    return False
