"""Persons named beside an encounter who are not its participants: the aide or spokesperson who briefed on
it ("Kremlin spokesman Dmitry Peskov said ..."), the person a ceremony honours ("minutes before the funeral of
Pope Francis"), and the audience a leader spoke to ("Ushakov, who spoke to reporters")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.lexicon import Lexicon

_TITLE_DEPS = ("compound", "appos", "amod", "nmod")
_TITLE_WINDOW = 4


def is_aide(name: Span, lexicon: Lexicon) -> bool:
    """"spokesman Dmitry Peskov", "Yuri Ushakov, a Kremlin aide", "Putin's assistant, Yuri Ushakov",
    "foreign policy adviser Yuri Ushakov": a person named by a briefing title."""
    doc = name.doc
    before = doc[max(name.sent.start, name.start - _TITLE_WINDOW) : name.start]
    words = [t.lower_ for t in before]
    if _office_before(words, lexicon):
        return False  # "Chief Adviser Muhammad Yunus": an office whose title holds an aide's word
    root = name.root
    if any(c.dep_ in _TITLE_DEPS and c.lower_ in lexicon.roles.aide_nouns for c in root.children):
        return True
    if root.dep_ == "appos" and root.head.lower_ in lexicon.roles.aide_nouns:
        return True
    if words and words[-1] in lexicon.roles.aide_nouns:
        return True  # the parse missed the title: "adviser Yuri Ushakov"
    text = " ".join(words)
    return any(text.endswith(phrase) for phrase in lexicon.roles.aide_phrases)


def _office_before(words: list[str], lexicon: Lexicon) -> bool:
    """The words before a name end with a title of several words that names an office ("chief adviser")."""
    text = " ".join(words)
    return any(" " in title and (text == title or text.endswith(" " + title)) for title in lexicon.titles.titles)


def is_honouree(name: Span, lexicon: Lexicon) -> bool:
    """"the funeral ceremony for Pope Francis", "Pope Francis' funeral", "the inauguration of Bola Tinubu":
    the person a ceremony is for, whom attending it is not a meeting with."""
    root = name.root
    if root.dep_ == "poss" and _ceremony(root.head, lexicon):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("of", "for") and _ceremony(root.head.head, lexicon)


def _ceremony(noun: Token, lexicon: Lexicon) -> bool:
    return noun.lower_ in lexicon.roles.ceremony_nouns or any(
        c.dep_ in ("compound", "amod") and c.lower_ in lexicon.roles.ceremony_nouns for c in noun.children)


def is_bystander(name: Span, lexicon: Lexicon) -> bool:
    """Named beside the encounter but not a party to it (an aide or an honouree)."""
    return is_aide(name, lexicon) or is_honouree(name, lexicon)


def speaks_to_audience(verb: Token, lexicon: Lexicon) -> bool:
    """"spoke to reporters", "talking with journalists": a speech verb addressed to an audience."""
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in ("to", "with", "before"):
            if any(g.dep_ == "pobj" and g.lower_ in lexicon.roles.audience_nouns for g in child.children):
                return True
    return any(c.dep_ == "dobj" and c.lower_ in lexicon.roles.audience_nouns for c in verb.children)
