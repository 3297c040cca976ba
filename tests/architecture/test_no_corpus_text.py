"""The dev corpora beside the checkout (../shared/corpus) are news articles quoted for testing: they are read
from there, never copied in. Rules and tests are written over sentences of our own, so no run of ten words of
a corpus article may appear in a tracked file, except what the project's own sample articles (data/articles)
or the gazetteer (names of people, treaties, organizations) hold too."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
RUN = 10
TEXT_SUFFIXES = frozenset({".py", ".md", ".json", ".jsonl", ".txt", ".rq", ".ttl", ".toml", ".html", ".js", ".csv"})
OWN_TEXTS = ("data/articles/", "data/gazetteer/")  # ours; their runs are allowed wherever they appear
NOT_WRITTEN = ("tests/golden/",)  # generated from data/articles


def word_runs(text: str, length: int = RUN) -> set[str]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {" ".join(words[i:i + length]) for i in range(len(words) - length + 1)}


def test_word_runs_ignore_case_and_punctuation():
    assert word_runs("One, two; THREE four", 3) == {"one two three", "two three four"}


def _tracked() -> list[str]:
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files"], capture_output=True, text=True, check=True)
    return [name for name in listed.stdout.splitlines() if Path(name).suffix in TEXT_SUFFIXES]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout")
def test_no_tracked_file_quotes_a_corpus_article():
    corpus: dict[str, str] = {}
    for path in sorted(CORPUS.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".jsonl"):
            for run in word_runs(path.read_text(encoding="utf-8", errors="replace")):
                corpus.setdefault(run, str(path.relative_to(CORPUS)))
    names = _tracked()
    own: set[str] = set()
    for name in names:
        if name.startswith(OWN_TEXTS):
            own |= word_runs((REPO / name).read_text(encoding="utf-8", errors="replace"))
    quoted = []
    for name in names:
        if name.startswith(OWN_TEXTS + NOT_WRITTEN) or not (REPO / name).is_file():
            continue
        runs = word_runs((REPO / name).read_text(encoding="utf-8", errors="replace"))
        quoted += [f"{name}: '{run}' (from {corpus[run]})" for run in sorted(runs - own) if run in corpus]
    assert quoted == [], "write these in your own words:\n" + "\n".join(quoted[:20])
