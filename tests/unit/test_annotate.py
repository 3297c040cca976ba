from kg.nlp.annotate import annotate, split_text
from kg.nlp.marks import GazetteerEntry, MarkKind, entry_of
from kg.records import Article


def test_split_text_keeps_every_character():
    text = "First paragraph here.\n\nSecond one, longer than the others.\nThird line.\n\nLast."
    for limit in (10, 25, 40, 1000):
        pieces = split_text(text, limit)
        assert "".join(pieces) == text
        assert all(len(p) <= limit for p in pieces)


def test_long_article_is_parsed_in_chunks_with_entities_of_the_last_chunk(nlp):
    filler = "Officials met again to review trade figures.\n\n" * 40
    text = filler + "Vladimir Putin and Donald Trump spoke by phone about Iran."
    article = Article(id="long", text=text)
    [(doc, same)] = list(annotate(nlp, [article], batch_size=4, limit=500))
    assert same is article
    assert doc.text == text
    putin = next(e for e in doc.ents if e.text == "Vladimir Putin")
    assert text[putin.start_char : putin.end_char] == "Vladimir Putin"
    assert entry_of(putin) == GazetteerEntry(MarkKind.PERSON, "vladimir-putin", "name")  # kept by the join
    assert list(doc.sents)[-1].text.startswith("Vladimir Putin")


def test_order_is_kept_around_long_articles(nlp):
    articles = [Article(id=str(i), text=("Putin spoke. " * (60 if i == 1 else 1)).strip()) for i in range(4)]
    ids = [a.id for _, a in annotate(nlp, articles, batch_size=2, limit=300)]
    assert ids == ["0", "1", "2", "3"]


def test_names_inside_regions_and_media_are_not_countries(nlp):
    doc = nlp("Nations in Latin America read the Washington Post, and Xi spoke about America.")
    marked = [(e.text, entry_of(e)) for e in doc.ents if entry_of(e) is not None]
    assert marked == [("Xi", GazetteerEntry(MarkKind.PERSON, "xi-jinping", "alias")),
                      ("America", GazetteerEntry(MarkKind.COUNTRY, "USA", "alias"))]


def test_batches_are_bounded_by_articles_and_characters_and_keep_the_order():
    from kg.nlp.annotate import _batches

    articles = [Article(id=str(i), text="x" * n) for i, n in enumerate([10, 10, 10, 50, 10, 500, 10])]
    batches = [[a.id for a in batch] for batch in _batches(articles, 3, 40, 100)]
    # at most 3 articles and 40 characters a batch; a longer article alone; one over the limit alone too
    assert batches == [["0", "1", "2"], ["3"], ["4"], ["5"], ["6"]]
    assert [[a.id for a in b] for b in _batches(articles, 32, 0, 1000)] == [[a.id for a in articles]]


def test_no_sentence_starts_right_after_a_word_on_the_same_line(nlp):
    doc = nlp("Speaking at a special briefing on PM Modi's trip to Thailand, the foreign secretary confirmed the "
              "talks. Reporters asked no more.\nHeadline without a stop\nNext line.")
    assert [s.text.strip() for s in doc.sents] == [
        "Speaking at a special briefing on PM Modi's trip to Thailand, the foreign secretary confirmed the talks.",
        "Reporters asked no more.", "Headline without a stop", "Next line."]
