"""A spaCy component that marks every occurrence of a lexicon's phrases in a span group of the ``Doc``.

Two instances run in the kg pipeline: ``kg_triggers`` marks encounter trigger phrases (label = the
encounter kind) in ``doc.spans["kg_triggers"]``, ``kg_topics`` marks topic phrases (label = the topic id)
in ``doc.spans["kg_topics"]``. Phrases are matched on lowercase tokens; overlapping matches are all kept
(the rules choose among them). The matcher is built once, when the pipeline is built. A trained span
categorizer writing the same span group could take a marker's place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.errors import ConfigError
from kg.lexicon import DEFAULT_LANGUAGE, load_lexicon

TRIGGERS = "kg_triggers"
TOPICS = "kg_topics"


class PhraseMarker:
    """Marks the phrases of each label into ``doc.spans[key]``."""

    def __init__(self, nlp: Language, key: str, phrases: Mapping[str, Iterable[str]]) -> None:
        self.key = key
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, texts in phrases.items():
            self.matcher.add(label, list(nlp.tokenizer.pipe(texts)))

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        doc.spans[self.key] = [Span(doc, start, end, label=strings[match_id])
                               for match_id, start, end in self.matcher(doc)]
        return doc


@Language.factory(TRIGGERS, default_config={"language": DEFAULT_LANGUAGE})
def make_trigger_marker(nlp: Language, name: str, language: str) -> PhraseMarker:
    triggers = load_lexicon(language).encounters.triggers
    return PhraseMarker(nlp, TRIGGERS, {kind.value: phrases for kind, phrases in triggers.items()})


@Language.factory(TOPICS, default_config={"language": DEFAULT_LANGUAGE})
def make_topic_marker(nlp: Language, name: str, language: str) -> PhraseMarker:
    topics = load_lexicon(language).topics.topics
    return PhraseMarker(nlp, TOPICS, {topic.id: topic.phrases for topic in topics})


def marked(doc: Doc, key: str) -> list[Span]:
    """The spans a marker put under ``key``; a clear error when the Doc did not go through it."""
    if key not in doc.spans:
        raise ConfigError(
            f"the Doc has no '{key}' spans: it was not made by kg's pipeline",
            fix="annotate with kg.nlp.pipeline.build_pipeline (or add the component to your pipeline)",
        )
    return list(doc.spans[key])
