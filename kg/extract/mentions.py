"""Actor, treaty and role mentions read off the entities the gazetteer marker set."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.lexicon import Lexicon
from kg.nlp.marks import MarkKind, entry_of

SAME_ROLE = "same"  # titles.json: "counterpart" names the office of the other participant


@dataclass(frozen=True)
class Mark:
    """One marked span: a gazetteer entry (``kind``, ``ref``) and the way it was named (``form``), or an
    office of a country (``kind`` role, ``ref`` the country's iso3, ``roles`` the gazetteer roles the title
    names, :data:`SAME_ROLE` for "counterpart")."""

    kind: MarkKind
    ref: str  # iso3, person id, organization id, treaty id; for roles the country's iso3
    form: str  # name | alias | demonym | capital | metonym | short | role
    span: Span
    roles: tuple[str, ...] = ()

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


def title_after(doc: Doc, index: int, lexicon: Lexicon) -> tuple[str, int] | None:
    """The longest title (lowercase) starting at token ``index``, with the index after it."""
    for length in (3, 2, 1):
        if index + length > len(doc):
            continue
        words = title_words(doc[index : index + length])
        if words in lexicon.titles.titles:
            return words, index + length
    return None


def title_words(span: Span) -> str:
    """Lowercase title words with hyphens and slashes kept tight ("Vice - President" -> "vice-president",
    "HR / VP" -> "hr/vp"): how a title is looked up in the titles lexicon."""
    return " ".join(span.text.lower().split()).replace(" - ", "-").replace(" / ", "/")


def _prefixed(doc: Doc, index: int) -> bool:
    """The word at ``index`` ends a hyphenated word ("President" of "Vice-President", "ex-President")."""
    return index >= 2 and doc[index - 1].text == "-" and not doc[index - 1].whitespace_ \
        and not doc[index - 2].whitespace_


def role_marks(doc: Doc, country_marks: list[Mark], lexicon: Lexicon) -> list[Mark]:
    """"Russian President", "the Chinese leader", "his Turkish counterpart", "President of Russia":
    a title next to a country names whoever held that office; skipped when a person's name follows
    ("Russian President Vladimir Putin" names Putin already). A plural title names one office holder of each
    country it is coordinated with: "the presidents of Kazakhstan and Uzbekistan", "the Kazakh and Uzbek
    presidents"."""
    titles = lexicon.titles
    by_start = {m.start: m for m in country_marks}
    found: list[Mark] = []
    for mark in country_marks:
        after = title_after(doc, mark.end, lexicon)
        if after is None and mark.end + 1 < len(doc) and doc[mark.end].lower_ in _POSSESSIVES:
            after = title_after(doc, mark.end + 1, lexicon)  # "Ukraine's president", "Kenya's foreign minister"
        if after is not None:
            title, end = after
            if _names_follow(doc, end):
                continue
            found.append(Mark(MarkKind.ROLE, mark.ref, "role", doc[mark.start : end], titles.titles[title]))
            continue
        shared = _shared_plural_title(doc, mark, by_start, lexicon)  # "the Kazakh and Uzbek presidents"
        if shared is not None:
            found.append(Mark(MarkKind.ROLE, mark.ref, "role", mark.span, titles.titles[shared]))
            continue
        start = mark.start
        if start >= 2 and doc[start - 1].lower_ in titles.title_links:
            for length in (3, 2, 1):
                begin = start - 1 - length
                if begin < 0:
                    continue
                words = title_words(doc[begin : start - 1])
                plural = words in titles.plural_titles and begin > 0 and doc[begin - 1].lower_ == "the"
                if words in titles.titles and (doc[begin].is_title or plural) and not _prefixed(doc, begin):
                    roles = titles.titles[words]
                    found.append(Mark(MarkKind.ROLE, mark.ref, "role", doc[begin : mark.end], roles))
                    if words in titles.plural_titles:  # "the Presidents of Kazakhstan and Uzbekistan"
                        found += [Mark(MarkKind.ROLE, m.ref, "role", m.span, roles)
                                  for m in _coordinated(doc, mark, by_start)]
                    break
    return found


def _names_follow(doc: Doc, end: int) -> bool:
    """A name right after the title, or apposed to it ("China's top diplomat, Wang Yi"): the title is his."""
    if end < len(doc) and doc[end].text == ",":
        end += 1
    return end < len(doc) and doc[end].ent_type_ == "PERSON"


_COORDINATORS = (",", "and", "&")
_POSSESSIVES = ("'s", "’s")


def _coordinated(doc: Doc, mark: Mark, by_start: dict[int, Mark]) -> list[Mark]:
    """The country marks joined to ``mark`` by commas and "and" after it ("Kazakhstan, Kyrgyzstan and
    Uzbekistan")."""
    joined: list[Mark] = []
    cursor = mark.end
    while cursor < len(doc):
        step = cursor
        while step < len(doc) and doc[step].lower_ in _COORDINATORS:
            step += 1
        if step == cursor or step not in by_start:
            break
        joined.append(by_start[step])
        cursor = by_start[step].end
    return joined


def _shared_plural_title(doc: Doc, mark: Mark, by_start: dict[int, Mark], lexicon: Lexicon) -> str | None:
    """The plural title after the last country coordinated with ``mark`` ("Kazakh and Uzbek presidents")."""
    joined = _coordinated(doc, mark, by_start)
    if not joined:
        return None
    after = title_after(doc, joined[-1].end, lexicon)
    if after is None or after[0] not in lexicon.titles.plural_titles:
        return None
    return after[0]


def marks_of(doc: Doc, lexicon: Lexicon) -> list[Mark]:
    """Every gazetteer mark of the doc plus role phrases, in text order."""
    marks: list[Mark] = []
    for ent in doc.ents:
        entry = entry_of(ent)
        if entry is not None:
            marks.append(Mark(entry.kind, entry.ref, entry.form, ent))
    # "Russian President", "the UN chief", "NATO Secretary General": the office holder of a state or body
    owners = [m for m in marks if (m.kind == "country" and m.form in ("demonym", "name", "alias"))
              or (m.kind == "organization" and m.form in ("name", "short", "alias"))]
    marks.extend(role_marks(doc, owners, lexicon))
    return sorted(marks, key=lambda m: (m.start, m.end))
