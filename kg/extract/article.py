"""One article's facts: the configured extraction steps (:mod:`kg.extract.registry`) run over its
annotated ``Doc`` in role order, composed into one :class:`~kg.records.Extraction`."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from spacy.tokens import Doc

from kg.extract.actors import actor_ref
from kg.extract.cast import full_name_words
from kg.extract.context import ArticleContext, RuleData
from kg.extract.encounters import encounter_records
from kg.extract.registry import Steps, build_steps, parse_steps, step_id
from kg.gazetteer import Gazetteer, cached_gazetteer
from kg.lexicon import Lexicon, load_lexicon
from kg.nlp.marks import MarkKind
from kg.records import Article, Extraction, TextActor, TreatyMention


class Extractor:
    """The extraction of one pipeline: its rule data and steps are built once, then called per article."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon, steps: Mapping[str, str] | None = None) -> None:
        self.data = RuleData.build(gazetteer, lexicon)
        self.steps: Steps = build_steps(self.data, steps)

    def __call__(self, doc: Doc, article: Article) -> Extraction:
        """Everything the article says: encounters with their subjects, mentions, treaties, stances."""
        steps = self.steps
        ctx = ArticleContext(doc, article, self.data)
        ctx.marks = steps.marks(ctx)
        ctx.take_cast(steps.cast(ctx))
        ctx.triggers = steps.triggers(ctx)
        ctx.clusters = steps.encounters(ctx)
        ctx.links = steps.links(ctx)
        ctx.treaty_names = steps.treaties(ctx)
        discussions = steps.discussions(ctx)
        ctx.encounters = encounter_records(ctx, discussions, step_id(steps.encounters))
        return Extraction(
            article=article,
            encounters=ctx.encounters,
            mentions=steps.mentions(ctx),
            treaties=self._treaty_mentions(ctx),
            stances=steps.stances(ctx),
            text_actors=self._text_actors(ctx),
        )

    def _text_actors(self, ctx: ArticleContext) -> tuple[TextActor, ...]:
        """The people the article introduces whom the gazetteer does not know, with what it says of them."""
        extractor = step_id(self.steps.cast)
        actors = []
        for member in ctx.cast.text_members if ctx.cast is not None else ():
            represents = actor_ref(MarkKind(member.of[0]), member.of[1], ctx.gazetteer) if member.of else None
            evidence = ctx.evidence(ctx.sentence_of(member.first_span.start), extractor)
            name_words = full_name_words(member.name, self.data.lexicon.persons)
            actors.append(TextActor(member.id, member.name, member.title, member.role, represents, evidence,
                                    name_words))
        return tuple(actors)

    def _treaty_mentions(self, ctx: ArticleContext) -> tuple[TreatyMention, ...]:
        reaffirmed = {t for e in ctx.encounters for t in e.reaffirmed_treaties}
        extractor = step_id(self.steps.treaties)
        treaties: list[TreatyMention] = []
        seen: set[str] = set()
        for name in ctx.treaty_names:
            if name.id in seen:
                continue
            seen.add(name.id)
            treaties.append(TreatyMention(
                name.id, name.name, name.year, name.parties, name.id in reaffirmed,
                ctx.evidence(ctx.sentence_of(name.span.start), extractor),
            ))
        return tuple(treaties)


@lru_cache(maxsize=4)
def build_extractor(gazetteer_directory: str = "", language: str = "", steps: str = "") -> Extractor:
    """The extractor for the settings of a pipeline (``gazetteer``, ``language``, ``steps``), built once
    per process like the spaCy pipeline it reads."""
    lexicon = load_lexicon(language) if language else load_lexicon()
    return Extractor(cached_gazetteer(gazetteer_directory), lexicon, parse_steps(steps))
