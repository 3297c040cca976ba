"""Hand-built ``Doc``s for rule tests that load no model.

A sentence is written as a table, one token a line: ``word lemma POS TAG dep head [ENT]`` with ``head``
the 1-based index of the head token (0 for the root) and ``ENT`` an entity label for the statistical
entities (DATE, PERSON, ...); tokens with the same label in a row form one entity. Several sentences are
several roots. :func:`annotated` then runs kg's own markers (gazetteer names, trigger and topic phrases)
over the Doc with a small gazetteer written here, so the rules see what the real pipeline gives them,
minus the model.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.article import Extractor
from kg.extract.context import ArticleContext
from kg.gazetteer import Country, Gazetteer, OfficeTerm, Organization, Person, Treaty
from kg.lexicon import load_lexicon
from kg.nlp.gazetteer_component import GazetteerMarker
from kg.nlp.phrase_marker import make_topic_marker, make_trigger_marker
from kg.records import Article

# "Macron spoke with Xi by phone on Tuesday." (tokens 1-9)
PHONE_CALL = """
Macron   Macron   PROPN NNP nsubj 2
spoke    speak    VERB  VBD ROOT  0
with     with     ADP   IN  prep  2
Xi       Xi       PROPN NNP pobj  3
by       by       ADP   IN  prep  2
phone    phone    NOUN  NN  pobj  5
on       on       ADP   IN  prep  2
Tuesday  Tuesday  PROPN NNP pobj  7 DATE
.        .        PUNCT .   punct 2
"""


_NO_SPACE_BEFORE = {".", ",", ":", ";", "?", "!", ")", "'s", "’s", "n't", "%"}


def _country(iso3: str, iso2: str, name: str, demonyms: tuple[str, ...], capital: str,
             aliases: tuple[str, ...] = (), metonyms: tuple[str, ...] = ()) -> Country:
    return Country(iso3, iso2, name, None, None, aliases, demonyms, (capital,), metonyms)


def _leader(pid: str, name: str, alias: str, iso3: str, since: dt.date) -> Person:
    return Person(pid, name, None, (alias,), iso3, (OfficeTerm("President", "head_of_state", iso3, since, None),))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Five countries with their presidents, three organizations and one treaty."""
    countries = [
        _country("RUS", "RU", "Russia", ("Russian",), "Moscow", metonyms=("the Kremlin",)),
        _country("USA", "US", "United States", ("American",), "Washington", aliases=("US",),
                 metonyms=("the White House",)),
        _country("CHN", "CN", "China", ("Chinese",), "Beijing"),
        _country("IRN", "IR", "Iran", ("Iranian",), "Tehran"),
        _country("FRA", "FR", "France", ("French",), "Paris"),
    ]
    people = [
        _leader("vladimir-putin", "Vladimir Putin", "Putin", "RUS", dt.date(2012, 5, 7)),
        _leader("donald-trump", "Donald Trump", "Trump", "USA", dt.date(2025, 1, 20)),
        _leader("xi-jinping", "Xi Jinping", "Xi", "CHN", dt.date(2013, 3, 14)),
        _leader("emmanuel-macron", "Emmanuel Macron", "Macron", "FRA", dt.date(2017, 5, 14)),
    ]
    organizations = [
        Organization("NATO", "North Atlantic Treaty Organization", "NATO", None, (), "alliance", ()),
        Organization("APEC", "Asia-Pacific Economic Cooperation", "APEC", None, (), "forum", ()),
        Organization("CNN", "CNN", "CNN", None, (), "media", ()),
    ]
    treaties = [Treaty("new-start-2010", "New START", 2010, ("RUS", "USA"), None, ())]
    return Gazetteer(
        countries={c.iso3: c for c in countries}, people={p.id: p for p in people},
        organizations={o.id: o for o in organizations}, treaties={t.id: t for t in treaties},
    )


@lru_cache(maxsize=1)
def blank() -> Language:
    """A blank English pipeline: its vocabulary and tokenizer build kg's markers and the Docs."""
    return spacy.blank("en")


@lru_cache(maxsize=1)
def markers() -> tuple:
    nlp, lexicon = blank(), load_lexicon("en")
    forms = ((f.text, f.kind, f.ref, f.form) for f in gazetteer().surface_forms())
    return (GazetteerMarker(nlp, forms, lexicon.blockers.phrases, lexicon.names),
            make_trigger_marker(nlp, "kg_triggers", "en"), make_topic_marker(nlp, "kg_topics", "en"))


def parsed(table: str) -> Doc:
    """The Doc a table describes (see the module docstring)."""
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    for number, row in enumerate(rows, start=1):
        if len(row) not in (6, 7):
            raise ValueError(f"row {number} has {len(row)} columns, not 6 or 7: {row}")
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in _NO_SPACE_BEFORE for i in range(len(words))]
    heads = [int(r[5]) - 1 if int(r[5]) else i for i, r in enumerate(rows)]
    labels = [r[6] if len(r) == 7 else "" for r in rows]
    ents = [("O" if not label else ("I-" if i and labels[i - 1] == label else "B-") + label)
            for i, label in enumerate(labels)]
    return Doc(blank().vocab, words=words, spaces=spaces, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               tags=[r[3] for r in rows], deps=[r[4] for r in rows], heads=heads, ents=ents)


def annotated(table: str) -> Doc:
    """The parsed Doc, then marked by kg's markers as the real pipeline would."""
    doc = parsed(table)
    for marker in markers():
        doc = marker(doc)
    return doc


def article_for(doc: Doc, published: dt.date | None = dt.date(2025, 3, 19), title: str | None = None) -> Article:
    return Article(id="t", text=doc.text, title=title, published=published)


def context(doc: Doc, published: dt.date | None = dt.date(2025, 3, 19)) -> ArticleContext:
    """The article context with the marks and triggers steps already run."""
    extractor = rule_extractor()
    ctx = ArticleContext(doc, article_for(doc, published), extractor.data)
    ctx.marks = extractor.steps.marks(ctx)
    ctx.triggers = extractor.steps.triggers(ctx)
    return ctx


@lru_cache(maxsize=1)
def rule_extractor() -> Extractor:
    """The default rule steps over the small gazetteer."""
    return Extractor(gazetteer(), load_lexicon("en"))
