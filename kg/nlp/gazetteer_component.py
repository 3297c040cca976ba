"""A spaCy component that marks gazetteer names as entities carrying the gazetteer entry.

It only marks spans: each match becomes an entity with a typed :class:`~kg.nlp.marks.GazetteerEntry`
in ``span._.kg_entry`` (e.g. country RUS, form metonym, for "the Kremlin"); resolving what the span means
is left to ``kg.extract``. Gazetteer matches replace overlapping entities of the statistical NER; longer
matches win.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.lexicon.schema import NameWords
from kg.nlp.marks import GazetteerEntry, MarkKind, set_entry

LABELS = {MarkKind.COUNTRY: "GPE", MarkKind.PERSON: "PERSON", MarkKind.ORGANIZATION: "ORG", MarkKind.TREATY: "LAW"}
DEMONYM_LABEL = "NORP"


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
        self.block = nlp.vocab.strings.add(BLOCK)
        blocked_texts = sorted({v for text in blocked for v in surface_variants(text, names)})
        if blocked_texts:
            self.matcher.add(BLOCK, list(nlp.tokenizer.pipe(blocked_texts)))
        grouped: dict[GazetteerEntry, list[str]] = {}
        for text, kind, ref, form in forms:
            for variant in surface_variants(text, names):
                grouped.setdefault(GazetteerEntry(MarkKind(kind), ref, form), []).append(variant)
        # the matcher's keys are opaque labels: what a match names is looked up, never parsed from them
        self.entries: dict[int, GazetteerEntry] = {}
        for number, (entry, texts) in enumerate(grouped.items()):
            label = f"kg_entry_{number}"
            self.entries[nlp.vocab.strings.add(label)] = entry
            self.matcher.add(label, list(nlp.tokenizer.pipe(sorted(set(texts)))))

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        found: dict[tuple[int, int, str], GazetteerEntry] = {}
        for match_id, start, end in self.matcher(doc):
            if match_id == self.block:
                spans.append(Span(doc, start, end, label=BLOCK))
                continue
            entry = self.entries[match_id]
            label = DEMONYM_LABEL if entry.form == "demonym" else LABELS[entry.kind]
            spans.append(Span(doc, start, end, label=label))
            found.setdefault((start, end, label), entry)  # the first of equal spans, as filter_spans keeps
        if not spans:
            return doc
        marked = [s for s in filter_spans(spans) if s.label_ != BLOCK]
        taken = {i for span in marked for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = filter_spans(kept + marked)
        for span in marked:
            set_entry(span, found[(span.start, span.end, span.label_)])
        return doc
