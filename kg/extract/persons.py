"""People as news introduce them, whether or not the gazetteer knows them.

An *introduction* is a name next to an office title: "Armenian Prime Minister Nikol Pashinyan", "Prime
Minister of Portugal Luís Montenegro", "UN Secretary-General António Guterres", "President Azali Assoumani
of Comoros", "Ruto, Kenya's president", "his Kenyan counterpart, William Ruto", "President Bola Tinubu".
The title may name the country or organization the person speaks for (a demonym, a name, "Kenya's",
"of the Netherlands"); it is kept as read. This module only reads the ``Doc`` and the gazetteer marks;
which introductions name one person, and who that is, is decided in :mod:`kg.extract.cast`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.mentions import Mark, title_words
from kg.lexicon import Lexicon
from kg.lexicon.schema import PersonWords
from kg.nlp.doc_cache import tokens

_MAX_NAME_TOKENS = 6
_QUALIFIER_KINDS = ("country", "organization")
_QUALIFIER_FORMS = ("name", "alias", "demonym", "short")


@dataclass(frozen=True)
class Introduction:
    """A name read with an office title. ``of`` is ``(kind, ref)`` of the country or organization the title
    names, when it names one; ``roles`` are the gazetteer roles of the title (empty for "counterpart")."""

    name: Span
    title: str  # as read, e.g. "Prime Minister", "Secretary-General", "president"
    roles: tuple[str, ...]
    of: tuple[str, str] | None
    former: bool = False
    counterpart: bool = False


@dataclass(frozen=True)
class Title:
    start: int  # first token of the whole phrase (qualifier included)
    end: int  # token after the phrase
    title: Span  # the title words alone
    roles: tuple[str, ...]
    of: tuple[str, str] | None
    former: bool
    counterpart: bool


def _title_at(doc: Doc, index: int, titles: dict[str, tuple[str, ...]], longest: int,
              first_words: frozenset[str]) -> Span | None:
    """The longest title starting at token ``index`` (only tokens that start some title are tried: the
    scan runs over every token of every article)."""
    if tokens(doc)[index].lower_ not in first_words:
        return None
    for length in range(longest, 0, -1):
        if index + length > len(doc):
            continue
        span = doc[index : index + length]
        if title_words(span) in titles:
            return span
    return None


def _first_words(titles: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The first token of each title ("secretary" of "secretary-general")."""
    return frozenset(re.split(r"[ /-]", t, maxsplit=1)[0] for t in titles)


def _longest(titles: dict[str, tuple[str, ...]]) -> int:
    """Tokens of the longest title, hyphens and slashes counted as tokens ("secretary-general": 3)."""
    return max((len(t.replace("-", " - ").replace("/", " / ").split()) for t in titles), default=1)


def _qualifier_marks(marks: list[Mark]) -> dict[int, Mark]:
    """Country and organization marks by their last token (what may stand before a title)."""
    return {m.end - 1: m for m in marks if m.kind in _QUALIFIER_KINDS and m.form in _QUALIFIER_FORMS}


_POSSESSIVES = ("'s", "’s", "'")
_MAX_BODY_WORDS = 4
_BODY_ROLES = ("official",)  # the head of a country's agency, army, party: not the country's office


def _qualifier_before(doc: Doc, index: int, by_end: dict[int, Mark],
                      words: PersonWords) -> tuple[int, Mark, bool] | None:
    """"Kenyan", "Kenya's", "South Africa", "UN" right before token ``index`` (a few modifiers allowed between:
    "Kenya's newly elected President"), and whether the title is of a body of the country named between
    ("Iran's atomic energy chief")."""
    cursor = index - 1
    skipped = 0
    while cursor >= 0 and skipped < 2 and (doc[cursor].lower_ in words.modifiers or doc[cursor].lower_ in words.former):
        cursor -= 1
        skipped += 1
    body = _body_before(doc, cursor)
    if body is not None:
        mark = by_end.get(body)
        return (mark.start, mark, True) if mark is not None else None
    bodies = _bodies_before(doc, cursor, words)
    if bodies != cursor:  # "African Union Commission Chairperson": the organization's own body
        mark = by_end.get(bodies)
        return (mark.start, mark, False) if mark is not None and mark.kind == "organization" else None
    if cursor >= 0 and doc[cursor].lower_ in _POSSESSIVES:
        cursor -= 1
    if cursor >= 2 and doc[cursor].text == ")":  # "his Democratic Republic of Congo (DRC) counterpart"
        opening = next((i for i in range(cursor - 1, max(cursor - 5, -1), -1) if doc[i].text == "("), None)
        cursor = opening - 1 if opening is not None else cursor
    mark = by_end.get(cursor)
    return (mark.start, mark, False) if mark is not None else None


def _bodies_before(doc: Doc, cursor: int, words: PersonWords) -> int:
    """The token before the capitalised body words ending at ``cursor`` ("Commission" of "African Union
    Commission Chairperson"), else ``cursor``."""
    end = cursor
    while cursor >= 0 and end - cursor < 2 and doc[cursor].is_title and doc[cursor].lower_ in words.institution_words:
        cursor -= 1
    return cursor


def _body_before(doc: Doc, cursor: int) -> int | None:
    """The token before the possessive of "Iran's atomic energy" when ``cursor`` ends a run of lowercase
    words after one ("Russia's foreign intelligence chief"), else None."""
    end = cursor
    while cursor >= 0 and end - cursor < _MAX_BODY_WORDS and doc[cursor].is_lower and doc[cursor].is_alpha \
            and not doc[cursor].is_stop:
        cursor -= 1
    if cursor == end or cursor < 1 or doc[cursor].lower_ not in _POSSESSIVES:
        return None
    return cursor - 1


def _body_after(doc: Doc, index: int) -> int | None:
    """The comma after "'s atomic energy agency" or "'s Atomic Energy Organization" starting at token
    ``index`` ("the head of Brazil's space agency, Ana Lima"), else None."""
    if index >= len(doc) or doc[index].lower_ not in _POSSESSIVES:
        return None
    cursor = index + 1
    while cursor < len(doc) and cursor - index <= _MAX_BODY_WORDS and doc[cursor].is_alpha \
            and not (doc[cursor].is_stop and doc[cursor].is_lower):
        cursor += 1
    return cursor if cursor > index + 1 and cursor < len(doc) and doc[cursor].text == "," else None


def _qualifier_after(doc: Doc, index: int, by_start: dict[int, Mark],
                     words: PersonWords) -> tuple[int, Mark] | None:
    """"of Russia", "of the Netherlands", "of the State of Qatar", "of the African Union (AU) Commission"
    starting at token ``index``: the token after the phrase and the mark it names."""
    if index >= len(doc) or doc[index].lower_ != "of":
        return None
    cursor = index + 1
    mark = by_start.get(cursor)  # a mark that takes its article along ("the African Union")
    if mark is None and cursor < len(doc) and doc[cursor].lower_ == "the":
        cursor += 1
        mark = by_start.get(cursor)
    if mark is None and cursor + 2 < len(doc) and doc[cursor + 1].lower_ == "of":
        mark = by_start.get(cursor + 2)  # "the State of Qatar", "the Republic of Korea"
    if mark is None:
        return None
    end = _after_abbreviation(doc, mark.end)
    if mark.kind == "organization":
        end = _after_abbreviation(doc, _after_bodies(doc, end, words))
    return end, mark


def _after_abbreviation(doc: Doc, index: int) -> int:
    """The token after an abbreviation in brackets at ``index`` ("(OAS)", "(AU)", "(DRC)"), else ``index``."""
    if index + 2 < len(doc) and doc[index].text == "(" and doc[index + 2].text == ")" \
            and doc[index + 1].is_upper and doc[index + 1].is_alpha:
        return index + 3
    return index


def _after_bodies(doc: Doc, index: int, words: PersonWords) -> int:
    """The token after the capitalised body words of an organization at ``index`` ("Commission" of "the
    African Union Commission", "Secretariat"): the head of such a body speaks for the organization."""
    cursor = index
    while cursor < len(doc) and cursor - index < 2 and doc[cursor].is_title \
            and doc[cursor].lower_ in words.institution_words:
        cursor += 1
    return cursor


def find_titles(doc: Doc, marks: list[Mark], lexicon: Lexicon) -> list[Title]:
    """Every office title of the doc with the country or organization it names, if any."""
    words, titles = lexicon.persons, lexicon.titles.titles
    longest, first_words = _longest(titles), _first_words(titles)
    by_end = _qualifier_marks(marks)
    by_start = {m.start: m for m in marks if m.kind in _QUALIFIER_KINDS}
    found: list[Title] = []
    index = 0
    while index < len(doc):
        span = _title_at(doc, index, titles, longest, first_words)
        if span is None:
            index += 1
            continue
        start, end, of = span.start, span.end, None
        text = title_words(span)
        roles = tuple(r for r in titles[text] if r != "same")
        before = _qualifier_before(doc, start, by_end, words)
        after = _qualifier_after(doc, end, by_start, words)
        if before is not None:
            start, of = before[0], (before[1].kind, before[1].ref)
            roles = _BODY_ROLES if before[2] else roles
        elif after is not None:
            end, of = after[0], (after[1].kind, after[1].ref)
            body = _body_after(doc, end)
            if body is not None:
                end, roles = body, _BODY_ROLES
        former = any(t.lower_ in words.former or t.lower_.endswith("-") and t.lower_[:-1] in words.former
                     for t in doc[max(start - 1, 0) : span.start])  # "Nepal's former Prime Minister"
        found.append(Title(start, end, span, roles, of, former, text in words.counterpart_titles))
        index = span.end
    return found


def _is_name_token(token: Token, words: PersonWords) -> bool:
    if token.ent_type_ == "DATE" or token.like_num or token.lower_ in words.honorifics:
        return False
    if token.lower_ in words.suffixes:
        return True
    return token.is_title or (token.is_upper and token.is_alpha and len(token) <= 3)


def _is_joiner(token: Token) -> bool:
    """A hyphen or apostrophe written inside a name ("Al-Thani", "Jae-myung", "O'Neill")."""
    doc = token.doc
    return (token.text in ("-", "'", "’") and token.i > 0 and not doc[token.i - 1].whitespace_
            and not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].is_alpha)


def _name_tokens(doc: Doc, start: int, step: int, words: PersonWords, taken: set[int]) -> list[int]:
    """Indexes of the name tokens from ``start`` going by ``step`` (1 forward, -1 backward)."""
    found: list[int] = []
    cursor = start
    while 0 <= cursor < len(doc) and len(found) < _MAX_NAME_TOKENS * 2 and cursor not in taken:
        token = doc[cursor]
        if _is_joiner(token) and found:
            found.append(cursor)
            cursor += step
            if 0 <= cursor < len(doc):
                found.append(cursor)  # the part after a hyphen, whatever its case ("Jae-myung")
            cursor += step
            continue
        if _is_name_token(token, words):
            found.append(cursor)
            if step > 0 and token.lower_ in words.suffixes:
                break
        elif not (token.lower_ in words.particles and found):
            break
        if step < 0 and token.is_sent_start:
            break
        cursor += step
    found.sort()
    while found and not (doc[found[-1]].is_title or doc[found[-1]].lower_ in words.suffixes
                         or doc[found[-1]].i - 1 in found and _is_joiner(doc[found[-1] - 1])):
        found.pop()  # a trailing particle is not part of the name
    while found and doc[found[0]].lower_ in words.particles and not doc[found[0]].is_title:
        found.pop(0)
    return found


def _is_honorific(doc: Doc, index: int, words: PersonWords) -> bool:
    """"Mr", "Sheikh", "Dato' Seri" (the apostrophe of "Dato'" a token of its own) before a name."""
    token = doc[index]
    if token.text in ("'", "’"):
        return index > 0 and doc[index - 1].lower_ in words.honorifics and not doc[index - 1].whitespace_
    return token.lower_ in words.honorifics and (doc[index + 1].is_title or doc[index + 1].text in ("'", "’"))


def _name_after(doc: Doc, index: int, words: PersonWords, taken: set[int]) -> Span | None:
    """The name starting at ``index`` (honorifics skipped): capitalised words, particles inside ("bin", "von
    der"), hyphen-joined parts ("Al-Thani"), a suffix ("Jr.")."""
    cursor = index
    while cursor + 1 < len(doc) and _is_honorific(doc, cursor, words):
        cursor += 1
    found = _name_tokens(doc, cursor, 1, words, taken)
    if not found or found[0] != cursor:
        return None
    return doc[found[0] : found[-1] + 1]


def _name_before(doc: Doc, index: int, words: PersonWords, taken: set[int]) -> Span | None:
    """The name ending right before token ``index`` ("Ruto" in "Ruto, Kenya's president")."""
    found = _name_tokens(doc, index - 1, -1, words, taken)
    if not found or found[-1] != index - 1:
        return None
    if doc[found[0]].is_sent_start and not any(doc[i].pos_ == "PROPN" for i in found):
        return None  # "Earlier, the Nigerian leader met ...": a capitalised opening word, not a name
    return doc[found[0] : found[-1] + 1]


def _introduction(name: Span, title: Title) -> Introduction:
    return Introduction(name, title.title.text, title.roles, title.of, title.former, title.counterpart)


def find_introductions(doc: Doc, marks: list[Mark], lexicon: Lexicon,
                       titles: list[Title] | None = None) -> list[Introduction]:
    """Names read with a title (``titles``: :func:`find_titles` of the doc), in text order. Names the
    gazetteer marks as a person are left to it; a name must not be wholly a country or organization the
    gazetteer knows ("President of Russia")."""
    persons = {i for m in marks if m.kind == "person" for i in range(m.start, m.end)}
    places = {(m.start, m.end) for m in marks if m.kind in _QUALIFIER_KINDS}
    words = lexicon.persons
    titles = find_titles(doc, marks, lexicon) if titles is None else titles
    title_tokens = {i for t in titles for i in range(t.title.start, t.title.end)}
    blocked = persons | title_tokens
    by_start = {m.start: m for m in marks if m.kind in _QUALIFIER_KINDS}
    found: list[Introduction] = []

    def keep(name: Span | None, title: Title) -> None:
        if name is None or (name.start, name.end) in places:
            return
        if any(t.lower_ in words.institution_words for t in name):
            return  # "PM Office Media Wing", "President House"
        if any(i in persons for i in range(name.start - 1, name.end + 1)):
            return  # part of (or next to) a name the gazetteer knows: "Sheikh Tamim bin Hamad Al-Thani"
        if title.of is None:
            after = _qualifier_after(doc, name.end, by_start, words)  # "President Azali Assoumani of Comoros"
            if after is not None:
                title = Title(title.start, after[0], title.title, title.roles, (after[1].kind, after[1].ref),
                               title.former, title.counterpart)
        found.append(_introduction(name, title))

    for title in titles:
        end = title.end
        if end < len(doc) and doc[end].text == ",":  # "his Kenyan counterpart, William Ruto"
            if title.of is not None or title.counterpart:
                keep(_name_after(doc, end + 1, words, blocked), title)
        else:
            keep(_name_after(doc, end, words, blocked), title)
        start = title.start
        if start > 0 and doc[start - 1].lower_ in ("the", "a"):
            start -= 1  # "Rutte, the prime minister of the Netherlands"
        if start >= 2 and doc[start - 1].text == "," and title.of is not None:
            keep(_name_before(doc, start - 1, words, blocked), title)  # "Ruto, Kenya's president"
    return sorted(found, key=lambda i: i.name.start)
