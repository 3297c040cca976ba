"""Treaty names the gazetteer does not list, recognised from how news write them:

* a signed document with what it is about: "signed a memorandum on cross-border trade between A and B",
  "signed a joint statement on deepening their partnership", "inked a treaty on strategic partnership";
* a quoted name: the "comprehensive partnership treaty", the "strategic partnership" treaty;
* a proper name before a lowercase head word: "the Artemis treaty", "the TikTok deal" (not an actor's
  name: "the US-China deal" names its parties, not the deal);
* a year before the head word: "the 1997 treaty" (only linked when the gazetteer knows one such treaty
  of the article's countries, see :mod:`kg.extract.treaty_links`).

A document only proposed or under discussion ("a proposed treaty", "negotiating an agreement") is not
a treaty. Only prose sentences count (:func:`kg.extract.prose.is_prose`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.mentions import Mark
from kg.extract.prose import is_prose
from kg.lexicon.schema import TreatyWords
from kg.nlp.doc_cache import tokens

YEAR = re.compile(r"^(1[89]|20)\d\d$")
_QUOTES = {'"', "\u201c", "\u201d"}
_MAX_QUOTED_WORDS = 8
_MAX_NAME_TOKENS = 30
_CLAUSE_DEPS = ("relcl", "acl", "advcl", "appos")
_ACTOR_ENTS = ("GPE", "NORP", "PERSON", "LOC", "DATE")
_NAME_POS = ("NOUN", "PROPN", "ADJ", "NUM")


@dataclass(frozen=True)
class WrittenName:
    span: Span  # the tokens of the name as written
    name: str  # the name: the span's text without quotes
    year: int | None = None  # "the 1997 treaty": a year that names the treaty


def _is_head(token: Token, words: TreatyWords) -> bool:
    """A head word of a treaty name; "statement" only after "joint"."""
    lower = token.lower_
    if lower not in words.written_heads:
        return False
    qualifiers = words.qualified_heads.get(lower)
    return not qualifiers or (token.i > 0 and token.doc[token.i - 1].lower_ in qualifiers)


def _proposed(head: Token, words: TreatyWords) -> bool:
    """"a proposed treaty", "talks on a possible deal", "negotiating an agreement"."""
    if any(c.lower_ in words.proposal_modifiers for c in head.children):
        return True
    governor = head.head if head.dep_ in ("dobj", "pobj", "nsubjpass") else None
    if governor is not None and governor.dep_ == "prep":
        governor = governor.head
    return governor is not None and governor.lemma_.lower() in words.proposal_words


def _about(head: Token, words: TreatyWords) -> int:
    """The end of the prepositional phrases ("on ...", "between ...") right after ``head`` that say what
    the document is (the parser may hang them from the verb: "signed a statement on ...")."""
    end = head.i + 1
    doc = head.doc
    while end < head.sent.end:
        prep = doc[end]
        if prep.dep_ != "prep" or prep.lower_ not in words.name_links or prep.head not in (head, head.head):
            break
        end = _phrase_end(prep)
    while end > head.i + 1 and doc[end - 1].dep_ in ("prep", "det", "cc", "punct"):
        end -= 1  # "on" of "on Friday"
    return end


def _phrase_end(prep: Token) -> int:
    """The end of the prepositional phrase at ``prep``, without clauses, appositions or lists that follow."""
    end = prep.i + 1
    for token in prep.doc[prep.i + 1 : prep.sent.end]:
        if token.text in (",", ";", "(", ")") or not _inside(token, prep) or _dated(token):
            break
        end = token.i + 1
    return end


def _dated(token: Token) -> bool:
    """"on Friday", "in March": a date that says when, not what."""
    return token.ent_type_ in ("DATE", "TIME") or token.dep_ == "prep" and any(
        c.ent_type_ in ("DATE", "TIME") for c in token.children)


def _inside(token: Token, prep: Token) -> bool:
    """``token`` hangs from ``prep`` without a clause or apposition between them."""
    while token != prep:
        if token.dep_ in _CLAUSE_DEPS or token.head == token:
            return False
        token = token.head
    return True


def _text(span: Span) -> str:
    return " ".join(t.text for t in span if t.text not in _QUOTES).replace(" - ", "-").strip()


def _start_of_modifiers(head: Token, marks: list[Mark]) -> tuple[int, bool]:
    """Where the words before ``head`` that belong to the name begin ("joint", compounds, quoted words),
    and whether one of them is a proper name that is no actor's."""
    doc, start, named = head.doc, head.i, False
    while start > head.sent.start:
        before = doc[start - 1]
        if before.dep_ not in ("compound", "amod", "nmod") or before.head.i < start or before.is_punct:
            break
        if _names_parties(before, marks):
            return head.i, False
        named = named or before.text[:1].isupper() and not before.is_sent_start
        start -= 1
    return start, named


def _names_parties(token: Token, marks: list[Mark]) -> bool:
    """An actor's name ("the Trump deal"), or a pair of them ("the US-China deal")."""
    if any(m.start <= token.i < m.end and m.kind != "treaty" for m in marks) or token.ent_type_ in _ACTOR_ENTS:
        return True
    parts = token.text.split("-")
    return len(parts) > 1 and all(p[:1].isupper() for p in parts)


def _nominal(span: Span) -> bool:
    """Words that can be a name: nouns, adjectives, numbers, hyphens; no verb, no clause."""
    return all(t.pos_ in _NAME_POS or t.text == "-" for t in span)


def signed_names(doc: Doc, marks: list[Mark], words: TreatyWords) -> list[WrittenName]:
    """"signed a memorandum on X", "inked the joint statement on Y": a signed document and its subject."""
    found = []
    for head in tokens(doc):
        if not _is_head(head, words) or head.dep_ not in ("dobj", "nsubjpass", "conj"):
            continue
        verb = head.head if head.dep_ != "conj" else head.head.head
        if verb.lemma_.lower() not in words.sign_verbs or not is_prose(head.sent):
            continue
        end = _about(head, words)
        start, _named = _start_of_modifiers(head, marks)
        if end == head.i + 1 or end - start > _MAX_NAME_TOKENS:
            continue  # "signed the agreement": no name
        span = doc[start:end]
        found.append(WrittenName(span, _text(span)))
    return found


def quoted_names(doc: Doc, words: TreatyWords) -> list[WrittenName]:
    """A name in quotation marks that ends in a head word, or is followed by one."""
    found = []
    opened: int | None = None
    for token in tokens(doc):
        if token.text not in _QUOTES:
            continue
        if opened is None or token.text == "\u201c":
            opened = token.i
            continue
        start, close, opened = opened + 1, token.i, None
        inner = doc[start:close]
        if not 1 <= len(inner) <= _MAX_QUOTED_WORDS or not _nominal(inner):
            continue
        after = doc[close + 1] if close + 1 < len(doc) else None
        if _is_head(inner[-1], words):
            span, head = doc[start - 1 : close + 1], inner[-1]
        elif after is not None and after.is_lower and _is_head(after, words):
            span, head = doc[start - 1 : close + 2], after
        else:
            continue
        if is_prose(head.sent) and not _proposed(head, words):
            found.append(WrittenName(span, _text(span)))
    return found


def modified_names(doc: Doc, marks: list[Mark], words: TreatyWords) -> list[WrittenName]:
    """"the TikTok deal": a lowercase head word after a proper name that is no actor's; "the 1997 treaty"."""
    found = []
    for head in tokens(doc):
        if not head.is_lower or not _is_head(head, words) or head.i == 0:
            continue
        if not is_prose(head.sent) or _proposed(head, words):
            continue
        before = doc[head.i - 1]
        if YEAR.match(before.text) and head.i >= 2 and doc[head.i - 2].lower_ == "the":
            found.append(WrittenName(doc[head.i - 1 : head.i + 1], f"{before.text} {head.text}", int(before.text)))
            continue
        start, named = _start_of_modifiers(head, marks)
        if named:
            span = doc[start : head.i + 1]
            found.append(WrittenName(span, _text(span)))
    return found
