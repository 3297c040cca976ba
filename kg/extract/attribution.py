"""Who says what a sentence says: the speaker of a quotation, the subject of a reporting verb, the source
of "according to X", or the subject of the clause; "he"/"she" only when the antecedent is clear.

No holder is better than a wrong one: a subject that is no actor ("the two leaders", "officials"), a
pronoun with two people it could stand for, "I"/"we" outside a quotation, all give None.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.mentions import Mark
from kg.extract.quotes import quotation_blocks, quoted_tokens
from kg.lexicon.schema import StanceWords
from kg.nlp.doc_cache import tokens_in

_ACTOR_KINDS = ("person", "role", "country", "organization")
_PEOPLE = ("person", "role")
_LOOK_BACK = 3  # sentences a pronoun's antecedent may be back
_SUBJECTS = ("nsubj", "nsubjpass")
_CLAUSE_UP = ("ccomp", "xcomp", "conj", "advcl", "parataxis", "pcomp", "acl", "relcl", "prep", "pobj", "dobj",
              "acomp")


def _participle(verb: Token) -> bool:
    """"having condemned the attack, Putin ...": a participle clause without a subordinator."""
    return verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in verb.children)


def _finite_modifier(verb: Token) -> bool:
    """A verb in the past or present tense that the parser hung from a sentence's root name as a modifier:
    the name is its subject ("Lula, who arrived on Monday, urged ..." read as "Lula [who ...] urged")."""
    head = verb.head
    return verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ") and head.dep_ == "ROOT" and head.pos_ == "PROPN"


def _own_subjects(verb: Token) -> list[Token]:
    """The subjects of ``verb``, or of the verb it is conjoined to ("Xi addressed Putin ... and said ...")."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects or verb.dep_ != "conj" or verb.head == verb:
            return subjects
        verb = verb.head
    return []


def _infinitive_of_object(verb: Token) -> bool:
    """"confirmed readiness *to build* relations": an infinitive that completes a noun."""
    return verb.dep_ == "acl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _mark_at(token: Token, marks: list[Mark]) -> Mark | None:
    return next((m for m in marks if m.start <= token.i < m.end), None)


@dataclass
class Attribution:
    """The speakers of one article, computed once per article."""

    doc: Doc
    sentences: list[Span]
    marks: list[Mark]
    words: StanceWords
    person_nouns: frozenset[str] = frozenset()  # "minister", "president": a subject that is someone unnamed

    def __post_init__(self) -> None:
        self.actors = [m for m in self.marks if m.kind in _ACTOR_KINDS]
        self.quoted = quoted_tokens(self.doc, self.sentences)
        self.block_of: dict[int, int] = {}  # sentence index -> first sentence of its quotation block
        self.blocks: dict[int, list[int]] = {}
        for block in quotation_blocks(self.sentences, self.quoted):
            self.blocks[block[0]] = block
            for index in block:
                self.block_of[index] = block[0]
        self._speakers: dict[int, Mark | None] = {}
        self._sentence_at = {s.start: i for i, s in enumerate(self.sentences)}  # first token -> sentence index

    def actor(self, token: Token) -> Mark | None:
        """The actor a subject or object token names (a clear "he"/"she" included)."""
        mark = _mark_at(token, self.actors)
        if mark is not None:
            return mark
        if token.lower_ in self.words.relative_pronouns and token.head.dep_ == "relcl":
            return _mark_at(token.head.head, self.actors)  # "Erdogan, who said ..."
        if token.lower_ in self.words.pronouns and token.i not in self.quoted:
            return self.antecedent(token)
        return None

    def antecedent(self, pronoun: Token) -> Mark | None:
        """The person subject of the clause the pronoun's clause hangs from, else the one person named
        (outside quotation marks) before ``pronoun`` in its sentence, else in the nearest sentence before
        that names anyone; None when it could be two people."""
        governing = self._governing_person(pronoun)
        if governing is not None:
            return governing
        sentence = pronoun.sent
        before = self._people(sentence.start, pronoun.i)
        if before:
            return next(iter(before.values())) if len(before) == 1 else None
        index = self._index(sentence)
        for previous in reversed(self.sentences[max(0, index - _LOOK_BACK) : index]):
            people = self._people(previous.start, previous.end)
            if people and self._unnamed_subject(previous):
                return None  # "The minister said the remarks of Takaichi ... He also said": not Takaichi
            if people:
                return next(iter(people.values())) if len(people) == 1 else self._main_subject(previous)
        return None

    def _unnamed_subject(self, sentence: Span) -> bool:
        """The subject of the sentence's main verb is a person by title alone ("The minister said ..."), not
        one of the actors it names."""
        subject = next((c for c in sentence.root.children if c.dep_ in _SUBJECTS), None)
        return (subject is not None and subject.lower_ in self.person_nouns
                and _mark_at(subject, self.actors) is None)

    def _main_subject(self, sentence: Span) -> Mark | None:
        """The person who is the subject of the sentence's main verb ("Trump said he had a call with Xi",
        "Araghchi briefed Grossi"): the one a "he" in the next sentence stands for when the sentence names
        several; not so when the subject is two people ("Macron and Scholz met")."""
        root = sentence.root
        subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
        if subject is None or subject.i in self.quoted or any(self._person_at(c) for c in subject.conjuncts):
            return None
        mark = _mark_at(self._named(subject), self.actors)
        return mark if mark is not None and mark.kind in _PEOPLE else None

    def _governing_person(self, pronoun: Token) -> Mark | None:
        """The person subject of the nearest clause the pronoun's clause hangs from ("X said he would",
        "Putin confirmed ..., though he warned")."""
        for verb in pronoun.head.ancestors:
            subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
            if subject is None or subject.lower_ in self.words.pronouns:
                continue
            mark = _mark_at(subject, self.actors)
            if mark is None and subject.lower_ in self.words.relative_pronouns and verb.dep_ == "relcl":
                mark = _mark_at(verb.head, self.actors)
            return mark if mark is not None and mark.kind in _PEOPLE and mark.start not in self.quoted else None
        return None

    def _people(self, start: int, end: int) -> dict[str, Mark]:
        return {m.ref: m for m in self.actors
                if m.kind in _PEOPLE and start <= m.start < end and m.start not in self.quoted}

    def _index(self, sentence: Span) -> int:
        return self._sentence_at[sentence.start]

    def holder(self, cue: Token, needs_speaker: bool = False) -> Mark | None:
        """Who holds the position stated at ``cue`` (a verb or a position noun): a person the cue's clause
        names as its subject; else the speaker (of the quotation, of the reporting verb the clause hangs
        from, "according to X"); else a state or organization that is the clause's subject. A subject that
        is no actor ("the two leaders") gives None. ``needs_speaker``: the cue is a call ("should") whose
        subject is its target, so only a speaker can hold it."""
        subject = None if needs_speaker else self._subject(cue)
        if subject is not None and subject.i in self.quoted and cue.i not in self.quoted:
            subject = None  # a misparse: the subject of words outside a quotation is not inside it
        named = self.actor(subject) if subject is not None else None
        me = next((t for t in (*subject.subtree, *subject.head.children)
                   if t.dep_ in ("conj", *_SUBJECTS) and t.lower_ in self.words.first_person),
                  None) if subject is not None else None
        if me is not None:  # "the Prime Minister of Canada and I agreed ...," he said: the speaker's
            named, subject = None, me
        if named is not None and named.kind in _PEOPLE:
            return None if self._foretold(subject, named, cue) else named
        if subject is not None and named is None and not self._speakers_word(subject, cue):
            return None  # "the two leaders condemned ...": no one actor; but "the two sides should ...," Xi said
        speaker = self._speaker_of(cue)
        if speaker is not None:
            return speaker
        if named is not None and named.kind == "country":
            return named if self._state_speaks(subject, cue) else None
        return named if named is not None and named.kind == "organization" else None

    def holders(self, cue: Token, needs_speaker: bool = False) -> list[Mark]:
        """:meth:`holder`, and when it is a person named with others as the subject ("Lula and Modi
        condemned ..."), each of them: a position stated jointly is held by each (the guideline)."""
        holder = self.holder(cue, needs_speaker)
        if holder is None or holder.kind not in _PEOPLE or needs_speaker:
            return [holder] if holder is not None else []
        subject = self._subject(cue)
        if subject is None or _mark_at(subject, self.actors) != holder:
            return [holder]
        found = {holder.ref: holder}
        for other in subject.conjuncts:
            mark = _mark_at(other, self.actors)
            if mark is not None and mark.kind in _PEOPLE and other.i not in self.quoted:
                found.setdefault(mark.ref, mark)
        return list(found.values())

    def _foretold(self, subject: Token, named: Mark, cue: Token) -> bool:
        """"Trump added that Xi is going to work with us": what another person says someone will do is no
        position of the one it is said of (nor of the speaker: the words are a forecast)."""
        if cue.i in self.quoted:
            return False
        verb = subject.head
        if not (verb.lower_ in self.words.forecasts
                or any(c.dep_ == "aux" and c.lower_ in self.words.forecasts for c in verb.children)):
            return False
        reporter = self._reporting_subject(cue)
        return reporter is not None and reporter.ref != named.ref and reporter.kind in _PEOPLE

    def _state_speaks(self, subject: Token, cue: Token) -> bool:
        """"Beijing has rebuked the remarks": a state that is the one subject of the sentence's main verb,
        outside quotation marks, holds the position itself (not "Egypt and Jordan rejected ...", nor a
        state in a clause a speaker's words or a call are about)."""
        verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
        return verb.dep_ == "ROOT" and subject.head == verb and not subject.conjuncts \
            and cue.i not in self.quoted and subject.i not in self.quoted

    def _speakers_word(self, subject: Token, cue: Token) -> bool:
        """A subject that stands for the speaker: "I", "we", "it is important to ...", or, when there is
        a speaker, "the two sides"."""
        lower = subject.lower_
        if lower in self.words.first_person or lower in self.words.impersonal_subjects:
            return True
        return subject.lemma_.lower() in self.words.joint_subjects and self._speaker_of(cue) is not None

    def _speaker_of(self, cue: Token) -> Mark | None:
        reporter = self._reporting_subject(cue)
        if reporter is not None:
            return reporter
        if cue.i in self.quoted:
            return self.speaker(self._index(cue.sent))
        return self._according_to(cue.sent)

    def speaker(self, index: int) -> Mark | None:
        """The speaker of the quotation sentence ``index`` is in (its reporting verb may be in any
        sentence of the quotation, outside the quotation marks)."""
        first = self.block_of.get(index, index)
        if first not in self._speakers:
            self._speakers[first] = self._block_speaker(self.blocks.get(first, [index]))
        return self._speakers[first]

    def _block_speaker(self, block: list[int]) -> Mark | None:
        found: dict[str, Mark] = {}
        for index in block:
            sentence = self.sentences[index]
            for token in tokens_in(sentence):
                if token.i in self.quoted or token.lemma_.lower() not in self.words.reporting_verbs:
                    continue
                mark = self._reporter(token)
                if mark is not None:
                    found.setdefault(mark.ref, mark)
            source = self._according_to(sentence)
            if source is not None:
                found.setdefault(source.ref, source)
        return next(iter(found.values())) if len(found) == 1 else None

    def _reporting_subject(self, cue: Token) -> Mark | None:
        """The actor subject of a reporting verb that the cue's clause hangs from ("X said Y supports Z")."""
        token = cue
        first = True
        while token.head != token and (first or token.dep_ in _CLAUSE_UP):
            first = False
            token = token.head
            if token.lemma_.lower() in self.words.reporting_verbs and token.i not in self.quoted:
                mark = self._reporter(token, cue)
                if mark is not None:
                    return mark
        return None

    def _reporter(self, verb: Token, cue: Token | None = None) -> Mark | None:
        """The actor who speaks at reporting verb ``verb``: its subject, or the object of a quoting verb
        ("Xinhua quoted Xi as saying")."""
        if verb.lemma_.lower() in self.words.quoting_verbs:  # "quoted Xi as saying", "Xi was quoted as saying"
            quoted = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
            return self.actor(quoted) if quoted is not None else None
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return None
        subjects = _own_subjects(verb)
        if not subjects:
            return None
        subject = self._preferred(subjects)
        if cue is not None and subject.i == cue.i:
            return None
        return self.actor(subject)

    def _according_to(self, sentence: Span) -> Mark | None:
        """"according to the Kremlin": the source a sentence is attributed to."""
        for token in tokens_in(sentence):
            if token.lower_ in self.words.attribution_heads and token.i + 1 < sentence.end \
                    and token.nbor().lower_ == "to" and token.i not in self.quoted:
                for obj in token.nbor().children:
                    if obj.dep_ == "pobj":
                        return self.actor(obj)
        return None

    def _preferred(self, subjects: list[Token]) -> Token:
        """Of a verb's subjects the person (a dateline the parser made a second subject: "Brasilia, May 3 -
        Lula said"), else the first, as :meth:`_named` reads it."""
        return next((t for t in subjects if self._person_at(t)), self._named(subjects[0]))

    def _named(self, subject: Token) -> Token:
        """The subject, or the person in apposition to it when it names no person ("Gyeongju, Oct. 31 (Jiji
        Press)-Prime Minister Takaichi ... agreed": a dateline the parser took for the subject)."""
        if self._person_at(subject):
            return subject
        return next((c for c in subject.children if c.dep_ == "appos" and self._person_at(c)), subject)

    def _person_at(self, token: Token) -> bool:
        mark = _mark_at(token, self.actors)
        return mark is not None and mark.kind in _PEOPLE

    def _means(self, verb: Token) -> bool:
        """"irked his allies by criticizing the plan": the gerund after "by" is done by the main verb's subject
        (not so "thanked Lula for supporting ...", where the object does it)."""
        return verb.dep_ == "pcomp" and verb.head.lower_ in self.words.means_preps

    def _subject(self, cue: Token) -> Token | None:
        """The subject of the cue's clause, through "agreed to work", "is ready to", conjoined verbs."""
        verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
        for _ in range(4):
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
            if subjects:
                return self._preferred(subjects)
            if _finite_modifier(verb):
                return verb.head  # "Takaichi, who took office last week, called on ...", parsed as a modifier
            if verb.head == verb or verb.dep_ not in ("xcomp", "conj", "acomp", "dobj", "pobj", "prep") \
                    and not _participle(verb) and not self._means(verb) and not _infinitive_of_object(verb):
                return None
            verb = verb.head
        return None
