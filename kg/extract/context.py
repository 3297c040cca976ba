"""What the extraction steps read: :class:`RuleData`, built once per pipeline, and :class:`ArticleContext`,
built once per article, which also carries what the earlier steps of the article produced."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from kg.extract.dates import DateGrammar, context_year, date_from_url
from kg.extract.durations import DurationGrammar
from kg.extract.office_years import office_horizon
from kg.extract.relative_days import StoryDays
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.nlp.marks import MarkKind
from kg.records import Article, Encounter, Evidence

if TYPE_CHECKING:
    from kg.extract.cast import Cast
    from kg.extract.mentions import Mark
    from kg.extract.sightings import Cluster
    from kg.extract.treaties import TreatyName
    from kg.extract.triggers import Trigger


@dataclass(frozen=True)
class RuleData:
    """The gazetteer, the lexicon and what is compiled from them, once per pipeline (never per article)."""

    gazetteer: Gazetteer
    lexicon: Lexicon
    organization_names: re.Pattern[str]  # every organization name of the gazetteer (for headlines)
    organization_refs: dict[str, str]  # name -> organization id
    gathering_after: re.Pattern[str]  # a gathering word ("summit") within three words
    anaphors: re.Pattern[str]  # "the two leaders", "this 85-minute dialogue"
    dates: DateGrammar  # "on March 4", "yesterday", "in June"
    durations: DurationGrammar  # "an 85-minute call"
    story_days: StoryDays  # "earlier the same day"
    office_horizon: dt.date | None  # the last day the gazetteer's offices are known up to

    @classmethod
    def build(cls, gazetteer: Gazetteer, lexicon: Lexicon) -> RuleData:
        refs = {f.text: f.ref for f in gazetteer.surface_forms() if f.kind == MarkKind.ORGANIZATION}
        names = "|".join(re.escape(t) for t in sorted(refs, key=len, reverse=True))
        gathering = "|".join(re.escape(w) for w in lexicon.subjects.headline_gathering_words)
        return cls(
            gazetteer=gazetteer,
            lexicon=lexicon,
            organization_names=re.compile(rf"(?<!\w)(?:{names})(?!\w)"),
            organization_refs=refs,
            gathering_after=re.compile(rf"^\W*(?:\w+\W+){{0,2}}?(?:{gathering})\b", re.I),
            anaphors=anaphor_pattern(lexicon),
            dates=DateGrammar(lexicon.dates),
            durations=DurationGrammar(lexicon.dates),
            story_days=StoryDays(lexicon.dates),
            office_horizon=office_horizon(gazetteer),
        )


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def anaphor_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """"the two leaders", "the readout", or a determiner and an encounter noun with up to three words
    between ("this 85-minute dialogue", "Tuesday's phone call")."""
    words = lexicon.encounters
    fixed = _alternatives(words.anaphors)
    determiners = _alternatives(words.anaphor_determiners)
    nouns = _alternatives(words.anaphor_nouns)
    return re.compile(rf"\b(?:{fixed}|(?:{determiners})\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns}))\b", re.I)


@dataclass
class ArticleContext:
    """One article's Doc and record, the pipeline's :class:`RuleData`, and the outputs of the steps run so
    far (filled in by :class:`kg.extract.article.Extractor` in step order)."""

    doc: Doc
    article: Article
    data: RuleData
    anchor: dt.date | None = field(init=False)
    context_year: int | None = field(init=False)
    sentences: list[Span] = field(init=False)
    marks: tuple[Mark, ...] = ()
    cast: Cast | None = None
    gazetteer: Gazetteer = field(init=False)  # the pipeline's, then the article view with its text actors
    triggers: tuple[tuple[Trigger, ...], ...] = ()  # per sentence
    clusters: tuple[Cluster, ...] = ()
    links: dict[int, list[int]] = field(default_factory=dict)  # cluster index -> sentence indexes
    treaty_names: tuple[TreatyName, ...] = ()
    encounters: tuple[Encounter, ...] = ()

    def __post_init__(self) -> None:
        article = self.article
        self.anchor = article.published or date_from_url(article.url) or self.data.dates.find_dateline(article.text)
        self.context_year = self.anchor.year if self.anchor else context_year(article.title, article.url)
        self.sentences = list(self.doc.sents)
        self.gazetteer = self.data.gazetteer

    @property
    def lexicon(self) -> Lexicon:
        return self.data.lexicon

    def take_cast(self, cast: Cast) -> None:
        """The people of the article: their marks replace the marks, their gazetteer view the gazetteer."""
        self.cast = cast
        self.marks = tuple(cast.marks)
        self.gazetteer = cast.gazetteer

    def evidence(self, index: int, extractor: str) -> Evidence:
        """Sentence ``index`` as the evidence of a fact the step named ``extractor`` produced."""
        sentence = self.sentences[index]
        start, end, text = trimmed(sentence.text, sentence.start_char)
        return Evidence(self.article.id, index, start, end, text, extractor)

    def sentence_of(self, token_index: int) -> int:
        for index, sentence in enumerate(self.sentences):
            if sentence.start <= token_index < sentence.end:
                return index
        raise ValueError(f"token {token_index} is outside every sentence")


def trimmed(text: str, start: int) -> tuple[int, int, str]:
    """A sentence's text without the whitespace spaCy leaves around it (the line break after it), with its
    character span in the article moved in to match: ``(start, end, text)``."""
    lead = len(text) - len(text.lstrip())
    core = text.strip()
    return start + lead, start + lead + len(core), core
