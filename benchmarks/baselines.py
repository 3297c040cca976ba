"""The bare baselines ``bench.py`` compares kg against, each run as its own process.

    python benchmarks/baselines.py nlp CORPUS.jsonl JOBS [MODEL]   # spaCy nlp.pipe over the texts, nothing else
    python benchmarks/baselines.py dump STORE OUT                  # pyoxigraph Store.dump of the whole store
    python benchmarks/baselines.py query STORE QUERY.rq            # the SPARQL on pyoxigraph, CSV to stdout
    python benchmarks/baselines.py load STORE FILE.nq              # pyoxigraph Store.bulk_load of an N-Quads file
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

BATCH_SIZE = 32  # kg's default batch_size


def _texts(corpus: Path) -> Iterator[str]:
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)["text"]


def bare_nlp(corpus: Path, jobs: int, model: str = "") -> int:
    """``nlp.pipe`` with the plain model (no kg components), the same batch size and processes as kg."""
    import spacy

    from kg.nlp.pipeline import resolve_model_name

    nlp = spacy.load(resolve_model_name(model))
    nlp.max_length = max(nlp.max_length, 2_000_000)
    count = 0
    for _ in nlp.pipe(_texts(corpus), batch_size=BATCH_SIZE, n_process=jobs):
        count += 1
    return count


def dump(store_dir: Path, out: Path) -> None:
    """pyoxigraph's own serializer over the whole store: TriG, i.e. Turtle with one block per named graph
    (the data lives in named graphs, and a Turtle dump of one graph would leave it out)."""
    from pyoxigraph import RdfFormat, Store

    from kg.rdf.vocab import DATA_PREFIXES, PREFIXES

    Store.read_only(str(store_dir)).dump(str(out), RdfFormat.TRIG, prefixes={**PREFIXES, **DATA_PREFIXES})


def query(store_dir: Path, query_file: Path) -> None:
    from pyoxigraph import QueryResultsFormat, Store

    store = Store.read_only(str(store_dir))
    result = store.query(query_file.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    result.serialize(sys.stdout.buffer, QueryResultsFormat.CSV)


def load(store_dir: Path, path: Path) -> None:
    """pyoxigraph's fastest load: ``bulk_load`` (not transactional, no replacing of graphs)."""
    from pyoxigraph import RdfFormat, Store

    store = Store(str(store_dir))
    store.bulk_load(path=str(path), format=RdfFormat.N_QUADS)
    store.flush()


def main(argv: list[str]) -> int:
    kind, *rest = argv
    if kind == "nlp":
        bare_nlp(Path(rest[0]), int(rest[1]), rest[2] if len(rest) > 2 else "")
    elif kind == "dump":
        dump(Path(rest[0]), Path(rest[1]))
    elif kind == "query":
        query(Path(rest[0]), Path(rest[1]))
    elif kind == "load":
        load(Path(rest[0]), Path(rest[1]))
    else:
        print(f"unknown baseline {kind!r}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main(sys.argv[1:]))
