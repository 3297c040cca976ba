"""A spaCy component that marks gazetteer names as entities carrying the gazetteer id.

It only marks spans: each match becomes an entity whose ``ent_id_`` is ``"<kind>:<ref>:<form>"``
(e.g. ``country:RUS:metonym`` for "the Kremlin"); resolving what the span means is left to ``kg.extract``.
Gazetteer matches replace overlapping entities of the statistical NER; longer matches win.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.lexicon.schema import NameWords

LABELS = {"country": "GPE", "person": "PERSON", "organization": "ORG", "treaty": "LAW"}
DEMONYM_LABEL = "NORP"


def entity_id(kind: str, ref: str, form: str) -> str:
    return f"{kind}:{ref}:{form}"


def parse_entity_id(value: str) -> tuple[str, str, str] | None:
    """Split an ``ent_id_`` made by :func:`entity_id`; ``None`` for entities of the statistical NER."""
    parts = value.split(":", 2)
    if len(parts) != 3 or parts[0] not in LABELS:
        return None
    return parts[0], parts[1], parts[2]


def surface_variants(text: str, names: NameWords) -> list[str]:
    """Forms to match: the text as written, its spelling variants (British "-isation" for "-ization"),
    and with a capital article when it starts with a lowercase one ("the Kremlin", "The Kremlin")."""
    variants = [text]
    for written, variant in names.spelling_variants.items():
        if written in text:
            variants.append(text.replace(written, variant))  # British spelling: "Organisation"
    for article in names.capitalised_articles:
        prefix = article + " "
        if text.startswith(prefix):
            variants += [article.capitalize() + " " + v[len(prefix) :] for v in list(variants)]
    return variants


BLOCK = "kg:blocked"


class GazetteerMarker:
    """Marks gazetteer surface forms (matched case-sensitively, as news text writes names). A match inside
    a longer blocked name ("America" in "Latin America", "Washington" in "Washington Post") is dropped."""

    def __init__(
        self, nlp: Language, forms: Iterable[tuple[str, str, str, str]], blocked: Iterable[str],
        names: NameWords,
    ) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        blocked_texts = sorted({v for text in blocked for v in surface_variants(text, names)})
        if blocked_texts:
            self.matcher.add(BLOCK, list(nlp.tokenizer.pipe(blocked_texts)))
        grouped: dict[str, list[str]] = {}
        for text, kind, ref, form in forms:
            for variant in surface_variants(text, names):
                grouped.setdefault(entity_id(kind, ref, form), []).append(variant)
        for key, texts in grouped.items():
            self.matcher.add(key, list(nlp.tokenizer.pipe(sorted(set(texts)))))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            if key == BLOCK:
                spans.append(Span(doc, start, end, label=BLOCK, span_id=BLOCK))
                continue
            kind, _ref, form = key.split(":", 2)
            label = DEMONYM_LABEL if form == "demonym" else LABELS[kind]
            spans.append(Span(doc, start, end, label=label, span_id=key))
        if not spans:
            return doc
        marked = [s for s in filter_spans(spans) if s.label_ != BLOCK]
        taken = {i for span in marked for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = filter_spans(kept + [self._as_entity(doc, s) for s in marked])
        return doc

    @staticmethod
    def _as_entity(doc: Doc, span: Span) -> Span:
        return Span(doc, span.start, span.end, label=span.label_, span_id=span.id_)
