"""The people of one article: who each introduction names, and every later mention of them.

Introductions (:mod:`kg.extract.persons`) that name one person are grouped ("President William Ruto",
"Ruto, Kenya's president", "President Ruto"). A group is the gazetteer person when the name is one the
gazetteer spells the same way up to accents, or an outlet's misspelling of one whose title and country
agree ("Prime Minister Christopher Luxton" of New Zealand); otherwise it is a text actor whose identity
key is the country or organization it speaks for plus its normalized first and last name. Later mentions
by surname or first name ("Ruto", "Mr Aliyev", "Abiy") are marked as the same person when no other
person of the article shares that name.

The result is new person marks (form ``"text"``) in place of the role and place marks they cover, and an
article view of the gazetteer that also holds the text actors, so every rule that resolves a person mark
or an office ("the Kenyan leader") treats them like anyone else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.extract.mentions import Mark
from kg.extract.persons import Introduction, Title, find_introductions, find_titles
from kg.folding import edit_distance, fold
from kg.gazetteer import Gazetteer, OfficeTerm, Person
from kg.keys import text_actor_key
from kg.lexicon import Lexicon
from kg.lexicon.schema import PersonWords
from kg.nlp import doc_cache
from kg.nlp.marks import MarkKind

_ALWAYS = dt.date.min  # a text actor's office is taken to cover the article's time; its dates are unknown
_MIN_FORM_LENGTH = 3


def name_tokens(text: str, words: PersonWords) -> tuple[str, ...]:
    """The folded words of a name without honorifics, particles, suffixes and initials."""
    parts = fold(text).replace("-", " ").replace("’", " ").replace("'", " ").split()
    skip = words.honorifics | words.particles | words.suffixes
    return tuple(p.strip(".") for p in parts if p.strip(".") not in skip and len(p.strip(".")) > 1)


@dataclass
class _Group:
    """Introductions of one person."""

    name: Span
    tokens: frozenset[str]
    first: Introduction
    members: list[Introduction] = field(default_factory=list)

    @property
    def of(self) -> tuple[str, str] | None:
        return next((m.of for m in self.members if m.of is not None), None)

    @property
    def office(self) -> Introduction | None:
        """The introduction whose title names an office (not "counterpart"), first in text order."""
        return next((m for m in sorted(self.members, key=lambda m: m.name.start) if m.roles), None)

    @property
    def former(self) -> bool:
        return all(m.former for m in self.members)


@dataclass(frozen=True)
class CastMember:
    """A person the article names: a gazetteer id or a text actor's key, with its marks."""

    id: str
    name: str
    person: Person | None  # set for a text actor (the gazetteer's own record otherwise)
    title: str | None
    role: str | None
    of: tuple[str, str] | None
    first_span: Span


@dataclass(frozen=True)
class Cast:
    members: tuple[CastMember, ...]
    marks: list[Mark]
    gazetteer: Gazetteer  # the gazetteer plus the article's text actors

    @property
    def text_members(self) -> tuple[CastMember, ...]:
        return tuple(m for m in self.members if m.person is not None)


def _group(introductions: list[Introduction], words: PersonWords) -> list[_Group]:
    """Longest names first; a shorter name joins the one group whose words contain its words."""
    groups: list[_Group] = []
    ordered = sorted(introductions, key=lambda i: (-len(name_tokens(i.name.text, words)), i.name.start))
    for intro in ordered:
        tokens = frozenset(name_tokens(intro.name.text, words))
        if not tokens:
            continue
        fits = [g for g in groups if tokens <= g.tokens and (intro.of is None or g.of in (None, intro.of))]
        if len(fits) == 1:
            fits[0].members.append(intro)
        elif not fits:
            groups.append(_Group(intro.name, tokens, intro, [intro]))
    return groups


def _counterpart_office(intro: Introduction, introductions: list[Introduction]) -> Introduction | None:
    """"President Bola Tinubu ... met his Kenyan counterpart, William Ruto": the counterpart holds the office
    of the other person the sentence introduces."""
    sentence = intro.name.sent
    return next((i for i in introductions if i.roles and i.name.sent == sentence and i is not intro), None)


def _close(read: str, known: str) -> bool:
    """The same surname up to an outlet's slip: one edit from five letters of the known name, two from nine."""
    limit = 2 if len(known) >= 9 else 1 if len(known) >= 5 else 0
    return read == known or (limit > 0 and edit_distance(read, known, limit) <= limit)


FoldedNames = dict[tuple[str, ...], str | None]


def folded_names(gazetteer: Gazetteer, words: PersonWords) -> FoldedNames:
    """Gazetteer people by the folded words of each name and alias (``None`` when two people share them);
    built once per pipeline (the ``kg.cast`` step holds it)."""
    index: FoldedNames = {}
    for person in gazetteer.people.values():
        for text in (person.name, *person.aliases):
            tokens = name_tokens(text, words)
            if len(tokens) >= 2:
                index[tokens] = person.id if index.get(tokens, person.id) == person.id else None
    return index


def _known_as(group: _Group, office: Introduction | None, gazetteer: Gazetteer, words: PersonWords,
              names: FoldedNames, on: dt.date | None = None) -> str | None:
    """The gazetteer person a group names: the same words up to accents; or a surname one slip away with
    the title's office of the same country (or organization) held and the same first initial; or the same
    surname and office under another first name ("President Ferdinand Marcos Jr." of the Philippines is
    "Bongbong Marcos"); or, when the text names no country (or no office: "his Congolese counterpart, Felix
    Antoine Tshisekedi"), a slip of the surname with the first name spelled alike ("Volodymyr Zelenskiy").
    Under another first name the known person must hold that office on the article's day ``on`` when it is
    known: "President Mahinda Rajapaksa" in 2012 is not Gotabaya Rajapaksa, president from 2019."""
    text = name_tokens(group.name.text, words)
    exact = names.get(text)
    if exact:
        return exact
    of = group.of
    found = set()
    for person in gazetteer.people.values():
        if of is not None:
            if office is None:  # "his Congolese counterpart, Felix Antoine Tshisekedi": no office to hold
                if person.country != of[1] or len(text) < 2:
                    continue
            elif not any(t.of == of[1] and t.role in office.roles for t in person.offices):
                continue
        elif len(text) < 2:
            continue
        for alias in (person.name, *person.aliases):
            known = name_tokens(alias, words)
            if not known or not _close(text[-1], known[-1]):
                continue
            if (of is None or office is None) and (len(known) < 2 or known[0] != text[0]):
                continue
            if len(known) >= 2 and len(text) >= 2 and known[0][0] != text[0][0] and (
                    of is None or known[-1] != text[-1] or not _one_family(text[-1], of[1], gazetteer, words)):
                continue  # another first name: the same person only by the surname of one family and the office
            if len(known) >= 2 and len(text) >= 2 and known[0] != text[0] and not _holds_on(person, of, office, on):
                continue
            found.add(person.id)
    return found.pop() if len(found) == 1 else None


def _holds_on(person: Person, of: tuple[str, str] | None, office: Introduction | None, on: dt.date | None) -> bool:
    """``person`` holds the office of the title on day ``on`` (true when the day, the office or whom it is
    of is not known)."""
    if on is None or of is None or office is None:
        return True
    return any(t.of == of[1] and t.role in office.roles and t.covers(on) for t in person.offices)


def _one_family(surname: str, country: str, gazetteer: Gazetteer, words: PersonWords) -> bool:
    """Only one person of ``country`` in the gazetteer has ``surname`` (not "Al Saud", "Al Thani", "Bush")."""
    holders = {p.id for p in gazetteer.people.values()
               if p.country == country and name_tokens(p.name, words)[-1:] == (surname,)}
    return len(holders) == 1


def _suffix(name: str, words: PersonWords) -> str:
    suffix = [w.strip(".") for w in fold(name).split() if w in words.suffixes]
    return suffix[-1] if suffix else ""


def identity_key(of: tuple[str, str] | None, name: str, words: PersonWords) -> str:
    """The key of a text actor (:func:`kg.keys.text_actor_key`) from the name as read: its first and last
    words without honorifics, particles and middle names, and its suffix ("Jr.")."""
    tokens = name_tokens(name, words)
    return text_actor_key(of[1] if of else None, tokens[0], tokens[-1], _suffix(name, words))


def full_name_words(name: str, words: PersonWords) -> tuple[str, ...]:
    """Every word of the name as :func:`name_tokens` reads it, middle names too, and its suffix last:
    two introductions of one person in different articles ("Dr. Amara Lin Okafor", "Amara Lin Okafor")
    give the same words."""
    suffix = _suffix(name, words)
    return name_tokens(name, words) + ((suffix,) if suffix else ())


_DATELINE_ENDS = ("—", "–", " - ", "(", ":", "\n")

Places = dict[str, str]


def place_index(gazetteer: Gazetteer) -> Places:
    """Country names and capitals, folded, by the country's iso3 (names two countries share left out);
    built once per pipeline (the ``kg.cast`` step holds it)."""
    index: dict[str, str | None] = {}
    for country in gazetteer.countries.values():
        for text in (country.name, *country.capitals):
            folded = fold(text)
            index[folded] = country.iso3 if index.get(folded, country.iso3) == country.iso3 else None
    return {k: v for k, v in index.items() if v}


def dateline_country(text: str, places: Places) -> str | None:
    """The country of the dateline that opens a story ("NAIROBI, Kenya —", "Bratislava, April 28 (TASR) -"):
    where the story was filed, whose leaders the story names without a country ("President Ruto")."""
    head = text.lstrip()[:60]
    cut = min((head.find(e) for e in _DATELINE_ENDS if 0 < head.find(e)), default=-1)
    if cut <= 0:
        return None
    found = {places[fold(part.strip())] for part in head[:cut].split(",") if fold(part.strip()) in places}
    return found.pop() if len(found) == 1 else None


def _named_here(marks: list[Mark], gazetteer: Gazetteer, words: PersonWords) -> dict[str, frozenset[str]]:
    """The gazetteer people the article names, with the words of their names and aliases."""
    found: dict[str, frozenset[str]] = {}
    for mark in marks:
        person = gazetteer.people.get(mark.ref) if mark.kind == MarkKind.PERSON else None
        if person is not None and person.id not in found:
            found[person.id] = frozenset(t for text in (person.name, *person.aliases) for t in name_tokens(text, words))
    return found


def _named_person(group: _Group, named: dict[str, frozenset[str]], gazetteer: Gazetteer) -> str | None:
    """"Prime Minister Shehbaz" in an article that also names "Shehbaz Sharif": the one person the article
    names whose name holds every word of this one (and who speaks for the country the title names)."""
    of = group.of
    fits = [pid for pid, tokens in named.items() if group.tokens <= tokens and (
        of is None or gazetteer.people[pid].country == of[1]
        or any(t.of == of[1] for t in gazetteer.people[pid].offices))]
    return fits[0] if len(fits) == 1 else None


def _member(group: _Group, introductions: list[Introduction], gazetteer: Gazetteer,
            words: PersonWords, folded: FoldedNames, named: dict[str, frozenset[str]],
            home: str | None, on: dt.date | None) -> CastMember:
    office = group.office
    if office is None and any(m.counterpart for m in group.members):
        office = _counterpart_office(next(m for m in group.members if m.counterpart), introductions)
    known = _named_person(group, named, gazetteer) or _known_as(group, office, gazetteer, words, folded, on)
    if known is not None:
        person = gazetteer.people[known]
        return CastMember(known, person.name, None, None, None, None, group.name)
    of = group.of
    if of is None and home is not None and office is not None:
        of = (MarkKind.COUNTRY, home)  # "ABUJA — President Bola Tinubu": the dateline's country
    key = identity_key(of, group.name.text, words)
    if key in gazetteer.people:
        return CastMember(key, gazetteer.people[key].name, None, None, None, None, group.name)
    title = office.title if office is not None else None
    role = office.roles[0] if office is not None else None
    offices = ()
    if of is not None and office is not None and not group.former:
        offices = tuple(OfficeTerm(office.title, r, of[1], _ALWAYS, None) for r in office.roles)
    country = of[1] if of is not None and of[0] == "country" else ""
    person = Person(key, group.name.text, None, (), country, offices, source="text")
    return CastMember(key, group.name.text, person, title, role, of, group.name)


def _joined_part(doc: Doc, index: int, step: int, words: PersonWords, covered: set[int]) -> int | None:
    """The far end of "bin Abdulaziz" (``step`` 1) or "Mohammed bin" (``step`` -1) next to token ``index``:
    a particle, then a capitalised word, neither part of another mark."""
    particle, name = index + step, index + 2 * step
    if not (0 <= min(particle, name) and max(particle, name) < len(doc)) or {particle, name} & covered:
        return None
    if doc[particle].lower_ not in words.particles or not doc[name].is_title:
        return None
    return name


def _whole_names(doc: Doc, marks: list[Mark], words: PersonWords, folded: FoldedNames) -> list[Mark]:
    """Person marks inside a longer patronymic name: the gazetteer knows "Salman bin Abdulaziz Al Saud", the
    text says "Mohammed bin Salman bin Abdulaziz Al Saud". The whole name is read; it names the person whose
    name begins it ("Mohammed bin Salman"), or nobody the gazetteer knows, and the mark goes."""
    out: list[Mark] = []
    for mark in marks:
        if mark.kind != MarkKind.PERSON:
            out.append(mark)
            continue
        covered = {i for m in marks if m is not mark for i in range(m.start, m.end)}
        start, end = mark.start, mark.end - 1
        while (left := _joined_part(doc, start, -1, words, covered)) is not None:
            start = left
        while (right := _joined_part(doc, end, 1, words, covered)) is not None:
            end = right
        if (start, end + 1) == (mark.start, mark.end):
            out.append(mark)
            continue
        tokens = name_tokens(doc[start : end + 1].text, words)
        person = next((folded[tokens[:k]] for k in range(len(tokens), 1, -1) if folded.get(tokens[:k])), None)
        if person is not None:
            out.append(Mark(MarkKind.PERSON, person, mark.form, doc[start : end + 1]))
    return out


def _strangers(doc: Doc, marks: list[Mark], words: PersonWords, names: dict[str, frozenset[str]],
               title_words: frozenset[str]) -> frozenset[str]:
    """Words of the article's people (``names``) that are also part of the full name of someone nobody
    recognized ("Wang" of "Wang Lei" beside "Wang Yi"): a later "Wang" may be either, so it names neither.
    A name whose other words are titles ("President Wong") or none ("Al Thani") is not someone else's."""
    people = {i for m in marks if m.kind == MarkKind.PERSON for i in range(m.start, m.end)}
    known = frozenset().union(*names.values())
    found: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(i in people for i in range(ent.start, ent.end)):
            continue
        tokens = set(name_tokens(ent.text, words))
        if tokens - known - title_words:
            found |= tokens & known
    return frozenset(found)


def _title_words(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(w for title in lexicon.titles.titles for w in title.replace("-", " ").split())


def _later_mentions(doc: Doc, names: dict[str, frozenset[str]], marks: list[Mark], taken: set[int],
                    strangers: frozenset[str] = frozenset()) -> list[Mark]:
    """Names of a person of the article elsewhere in the doc ("Ruto", "Mr Aliyev", "Abiy", "Shehbaz", "Wang"
    after "Wang Yi"): a run of capitalised words, each a word of exactly one person's name (``names``: id ->
    words) and of no ``strangers``, that is not part of a longer name of something else ("Wong Holdings")
    nor a date ("May")."""
    owners: dict[str, set[str]] = {}
    for person_id, tokens in names.items():
        for token in tokens:
            if len(token) >= _MIN_FORM_LENGTH and token not in strangers:
                owners.setdefault(token, set()).add(person_id)
    covered = taken | {i for m in marks for i in range(m.start, m.end)}
    found: list[Mark] = []
    index = 0
    every = doc_cache.tokens(doc)
    while index < len(doc):
        token = every[index]
        if index in covered or not token.is_title or fold(token.text) not in owners:
            index += 1
            continue
        end = index + 1
        while end < len(doc) and end not in covered and every[end].is_title and fold(every[end].text) in owners:
            end += 1
        ids = set.intersection(*(owners[fold(t.text)] for t in doc[index:end]))
        span = doc[index:end]
        if len(ids) == 1 and _only_a_name(span):
            found.append(Mark(MarkKind.PERSON, ids.pop(), "text", span))
        index = end
    return found


_NOT_NAMES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def _only_a_name(span: Span) -> bool:
    """No entity of the parser other than a person's name runs past ``span``, and no word of it is a date."""
    for token in span:
        if token.ent_type_ in _NOT_NAMES:
            return False
        if token.ent_type_ and token.ent_type_ != "PERSON":
            ent = next(e for e in span.doc.ents if e.start <= token.i < e.end)
            if ent.start < span.start or ent.end > span.end:
                return False
    return True


def build_cast(doc: Doc, marks: list[Mark], gazetteer: Gazetteer, lexicon: Lexicon, folded: FoldedNames,
               places: Places, published: dt.date | None = None) -> Cast:
    """The article's people: marks for every introduction and later mention, and the article gazetteer;
    ``folded`` is :func:`folded_names` and ``places`` :func:`place_index` of the gazetteer; ``published``
    the article's day, when known."""
    words = lexicon.persons
    marks = _whole_names(doc, marks, words, folded)
    titles = find_titles(doc, marks, lexicon)
    introductions = find_introductions(doc, marks, lexicon, titles)
    groups = _group(introductions, words)
    named = _named_here(marks, gazetteer, words)
    home = dateline_country(doc_cache.doc_text(doc), places)
    members = [_member(g, introductions, gazetteer, words, folded, named, home, published) for g in groups]
    names: dict[str, frozenset[str]] = {}  # the words of each introduced person's names
    person_marks: list[Mark] = []
    for group, member in zip(groups, members, strict=True):
        names[member.id] = names.get(member.id, frozenset()) | frozenset(name_tokens(member.name, words)) | group.tokens
        for intro in group.members:
            person_marks.append(Mark(MarkKind.PERSON, member.id, "text", intro.name))
    known = {pid: tokens for pid, tokens in named.items() if pid not in names}  # "Wang" after "Wang Yi"
    taken = {i for m in person_marks for i in range(m.start, m.end)}
    owners = {**known, **names}
    person_marks += _later_mentions(doc, owners, [m for m in marks if m.kind != "role"], taken,
                                    _strangers(doc, marks + person_marks, words, owners,
                                               _title_words(lexicon)))
    article_people = {**{pid: gazetteer.people[pid] for pid in named}, **{m.id: m.person for m in members if m.person}}
    person_marks += _title_mentions(doc, titles, marks + person_marks, article_people, lexicon.titles.titles)
    taken = {i for m in person_marks for i in range(m.start, m.end)}
    kept = [m for m in marks if not _covered(m, taken, person_marks)]
    extra = {m.id: m.person for m in members if m.person is not None}
    merged = sorted(kept + person_marks, key=lambda m: (m.start, m.end))
    unique = {m.id: m for m in members}
    return Cast(tuple(unique.values()), merged, gazetteer.with_people(extra))


def _office_title_roles(office_title: str, known: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    """The roles of the title an office's name starts with ("President of the United States" ->
    president's), or None when it starts with no title the lexicon knows."""
    words = office_title.lower().replace("-", " - ").split()
    for length in range(len(words), 0, -1):
        roles = known.get(" ".join(words[:length]).replace(" - ", "-"))
        if roles is not None:
            return roles
    return None


def _holds_as_titled(person: Person, roles: tuple[str, ...], known: dict[str, tuple[str, ...]]) -> bool:
    """``person`` holds an office of one of ``roles`` under a title of that role: a US president heads the
    government but is no "prime minister" (the office's own title is a president's)."""
    for term in person.offices:
        if term.role not in roles:
            continue
        own = _office_title_roles(term.title, known)
        if own is None or set(own) & set(roles):
            return True
    return False


def _title_mentions(doc: Doc, titles: list[Title], marks: list[Mark], people: dict[str, Person],
                    known: dict[str, tuple[str, ...]]) -> list[Mark]:
    """"The Emir welcomed ...", "the HR/VP emphasised ...": a title after "the", naming no country or
    organization and introducing no name, is the one person of the article (``people``) holding such an
    office, by its title when the titles tell them apart ("the Emir" beside a president, both heads of state);
    with two ("the president" in an article on two presidents) it names nobody."""
    covered = {i for m in marks for i in range(m.start, m.end)}
    found: list[Mark] = []
    for title in titles:
        span = title.title
        if title.of is not None or not title.roles or title.counterpart or any(
                i in covered for i in range(title.start, title.end)):
            continue
        if span.start == 0 or doc[span.start - 1].lower_ != "the" or (
                span.end < len(doc) and doc[span.end].is_title):
            continue
        holders = [pid for pid, person in people.items() if _holds_as_titled(person, title.roles, known)]
        read = span.text.lower()
        titled = [pid for pid in holders if any(read in t.title.lower() for t in people[pid].offices)]
        holders = titled or holders  # "the Emir" is the emir, not the president of the same role
        if len(holders) == 1:
            found.append(Mark(MarkKind.PERSON, holders[0], "title", span))
    return found


def _covered(mark: Mark, taken: set[int], person_marks: list[Mark]) -> bool:
    """A place inside a recognized name ("Montenegro" in "Luís Montenegro"), or a role whose title
    introduces a recognized name ("Kenyan President" before "William Ruto")."""
    if any(i in taken for i in range(mark.start, mark.end)):
        return True
    if mark.kind == "role":
        return any(p.start == mark.end or p.start == mark.end + 1 for p in person_marks)
    return False
