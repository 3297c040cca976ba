"""Benchmark: kg next to the bare tools it is built on (spaCy, pyoxigraph), on one synthetic corpus.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench.py --quick          # small sizes, a few minutes
    .venv/bin/python benchmarks/bench.py                  # full sizes (2,000 / 10,000 articles), about an hour
    .venv/bin/python benchmarks/bench.py --ingest-n 2000 --scaling-n 1000 --large-n 10000 --jobs 2 --runs 5

It prints, side by side: (1) ``kg ingest`` wall time / bare ``nlp.pipe`` (same model, same processes);
(2) throughput of ``--jobs 2`` / ``--jobs 1``; (3) peak RSS of ingesting ``--ingest-n`` and ``--large-n``
articles; (4) ``kg export --format turtle`` / pyoxigraph ``Store.dump``; (5) ``countries-discussed-per-call``
through ``kg query`` / the same SPARQL on pyoxigraph (medians); (6) start-up times, and whether spaCy is
imported by the read-only commands. Every figure is measured in a fresh process. Missed targets are
reported; the exit status is always 0 (a benchmark, not a test).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402
from measure import checked, median_run, median_time  # noqa: E402

PY = sys.executable
KG = [PY, "-m", "kg.cli"]
QUERY = "countries-discussed-per-call"
MIN_ENCOUNTERS = 10_000  # the store size the query figure (5) is specified for
MB = 1024 * 1024


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: str = ""
    met: bool | None = None
    note: str = ""

    def line(self) -> str:
        status = "" if self.met is None else ("ok" if self.met else "MISSED")
        value = f"{self.value:,.3f}" if self.value < 100 else f"{self.value:,.0f}"
        return f"{self.name:<46} {value:>12} {self.unit:<10} {self.target:<10} {status:<6} {self.note}"


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
        self.work.mkdir(parents=True, exist_ok=True)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
        self.figures: list[Figure] = []

    def add(self, figure: Figure) -> None:
        self.figures.append(figure)
        print(figure.line(), flush=True)

    def corpus(self, n: int, start: int = 0) -> Path:
        """Articles ``start`` to ``start + n - 1`` of the seed's corpus, as one JSONL file."""
        first = f"from{start}-" if start else ""
        path = self.work / f"corpus-{first}{n}-seed{self.args.seed}.jsonl"
        if not path.exists():
            write_corpus(n, path.with_suffix(".part"), seed=self.args.seed, jsonl=True, start=start).rename(path)
        return path

    def ingest(self, n: int, jobs: int, name: str) -> tuple[float, int, Path]:
        store = self.work / name
        if store.exists():
            import shutil

            shutil.rmtree(store)
        cmd = [*KG, "ingest", "--store", str(store), "--jobs", str(jobs), str(self.corpus(n))]
        if self.args.model:
            cmd += ["--model", self.args.model]
        result = checked(cmd, env=self.env, cwd=self.work)
        return result.wall, result.peak_rss, store

    def bare_nlp(self, n: int, jobs: int) -> float:
        cmd = [PY, str(HERE / "baselines.py"), "nlp", str(self.corpus(n)), str(jobs), self.args.model]
        return checked(cmd, env=self.env, cwd=self.work).wall

    # -- the six measures -------------------------------------------------------------------------

    def ingest_ratio_and_memory(self) -> Path:
        a = self.args
        bare = self.bare_nlp(a.ingest_n, a.jobs)
        wall, rss_small, _ = self.ingest(a.ingest_n, a.jobs, f"store-{a.ingest_n}")
        self.add(Figure(f"bare nlp.pipe, {a.ingest_n} articles, {a.jobs} proc", bare, "s"))
        self.add(Figure(f"kg ingest, {a.ingest_n} articles, --jobs {a.jobs}", wall, "s",
                        note=f"{a.ingest_n / wall:.1f} articles/s"))
        self.add(Figure("(1) ingest ratio kg / bare nlp.pipe", wall / bare, "x", "<= 1.25", wall / bare <= 1.25))
        wall_large, rss_large, store = self.ingest(a.large_n, a.jobs, f"store-{a.large_n}")
        self.add(Figure(f"kg ingest, {a.large_n} articles, --jobs {a.jobs}", wall_large, "s",
                        note=f"{a.large_n / wall_large:.1f} articles/s"))
        self.top_up(store, a.large_n)
        growth = rss_large / rss_small - 1
        self.add(Figure(f"(3) peak RSS, {a.ingest_n} articles", rss_small / MB, "MB", "<= 1536", rss_small <= 1536 * MB,
                        "process tree"))
        self.add(Figure(f"(3) peak RSS, {a.large_n} articles", rss_large / MB, "MB", "<= 1536", rss_large <= 1536 * MB,
                        "process tree"))
        self.add(Figure("(3) peak RSS growth", growth * 100, "%", "< 10", growth < 0.10))
        return store

    def encounters(self, store: Path) -> int:
        from kg.store import open_store

        opened = open_store(str(store), read_only=True)
        try:
            rows = opened.select("SELECT (COUNT(DISTINCT ?e) AS ?n) "
                                 "WHERE { ?e a <https://w3id.org/kg-diplomacy/ontology#Encounter> }")
            return int(next(iter(rows))["n"].value)
        finally:
            opened.close()

    def top_up(self, store: Path, have: int) -> None:
        """Ingest further articles of the corpus into ``store`` (an incremental ingest, as users do) until it
        holds ``MIN_ENCOUNTERS`` encounters, the size the query and export figures are specified for: a few
        articles report an encounter another one reports too, or one the rules miss."""
        while (encounters := self.encounters(store)) < MIN_ENCOUNTERS:
            extra = (MIN_ENCOUNTERS - encounters) * 11 // 10 + 10
            cmd = [*KG, "ingest", "--store", str(store), "--jobs", str(self.args.jobs),
                   str(self.corpus(extra, start=have))]
            checked(cmd + (["--model", self.args.model] if self.args.model else []), env=self.env, cwd=self.work)
            self.add(Figure(f"  top-up ingest into the {self.args.large_n}-article store", extra, "articles",
                            note=f"it held {encounters:,} encounters"))
            have += extra

    def scaling(self) -> None:
        n = self.args.scaling_n
        one, _, _ = self.ingest(n, 1, "store-jobs1")
        two, _, _ = self.ingest(n, 2, "store-jobs2")
        self.add(Figure(f"kg ingest --jobs 1, {n} articles", n / one, "art/s"))
        self.add(Figure(f"kg ingest --jobs 2, {n} articles", n / two, "art/s"))
        self.add(Figure("(2) parallel scaling jobs 2 / jobs 1", one / two, "x", ">= 1.6", one / two >= 1.6))

    def export(self, store: Path) -> None:
        from pyoxigraph import Store

        quads = len(Store.read_only(str(store)))
        out, base = self.work / "export.ttl", self.work / "dump.trig"
        kg = checked([*KG, "export", "--store", str(store), "--format", "turtle", "-o", str(out)], env=self.env)
        dump = checked([PY, str(HERE / "baselines.py"), "dump", str(store), str(base)], env=self.env)
        note = f"{quads:,} quads; {out.stat().st_size // MB} MB vs {base.stat().st_size // MB} MB"
        self.add(Figure("kg export --format turtle", kg.wall, "s", note=f"peak RSS {kg.peak_rss // MB} MB"))
        self.add(Figure("pyoxigraph Store.dump (TriG)", dump.wall, "s", note=f"peak RSS {dump.peak_rss // MB} MB"))
        note += "" if quads >= 1_000_000 else "; below 1M: not the target size"
        ratio = kg.wall / dump.wall
        self.add(Figure("(4) export ratio kg / Store.dump", ratio, "x", "<= 2.0", ratio <= 2.0, note))

    def load(self, store: Path) -> None:
        """Not one of the issue's six: ``kg load`` of the store's N-Quads export into a new store, against
        pyoxigraph's ``bulk_load`` of the same file (which neither replaces graphs nor is transactional)."""
        import shutil

        nquads = self.work / "export.nq"
        checked([*KG, "export", "--store", str(store), "--format", "nquads", "-o", str(nquads)], env=self.env)
        targets = self.work / "load-kg", self.work / "load-bulk"
        for target in targets:
            shutil.rmtree(target, ignore_errors=True)
        kg = checked([*KG, "load", "--store", str(targets[0]), str(nquads)], env=self.env)
        bulk = checked([PY, str(HERE / "baselines.py"), "load", str(targets[1]), str(nquads)], env=self.env)
        size = f"{nquads.stat().st_size // MB} MB of N-Quads"
        self.add(Figure("kg load (N-Quads export, new store)", kg.wall, "s", note=f"peak RSS {kg.peak_rss // MB} MB"))
        self.add(Figure("pyoxigraph Store.bulk_load", bulk.wall, "s", note=f"peak RSS {bulk.peak_rss // MB} MB"))
        self.add(Figure("(7) load ratio kg load / bulk_load", kg.wall / bulk.wall, "x", note=size))
        for target in targets:
            shutil.rmtree(target, ignore_errors=True)

    def query(self, store: Path) -> None:
        from pyoxigraph import QueryResultsFormat

        from kg.query.results import format_rows, run_query
        from kg.query.saved import get_query
        from kg.store import open_store

        runs = self.args.runs
        encounters = self.encounters(store)
        opened = open_store(str(store), read_only=True)
        saved = get_query(QUERY)
        text = saved.path.read_text(encoding="utf-8")
        library = median_time(lambda: format_rows(run_query(opened, saved, {}), "csv"), runs)
        raw = median_time(lambda: opened.select(text).serialize(format=QueryResultsFormat.CSV), runs)
        opened.close()
        cli = median_run([*KG, "query", "--store", str(store), QUERY, "--format", "csv"], runs, env=self.env)
        direct = median_run([PY, str(HERE / "baselines.py"), "query", str(store), str(saved.path)], runs, env=self.env)
        small = "" if encounters >= MIN_ENCOUNTERS else f" (below {MIN_ENCOUNTERS:,}: not the target size)"
        size = f"{encounters:,} encounters{small}"
        self.add(Figure("kg query (process, median)", cli, "s"))
        self.add(Figure("pyoxigraph query (process, median)", direct, "s"))
        self.add(Figure("(5) query ratio kg query / pyoxigraph", cli / direct, "x", "<= 2.0", cli / direct <= 2.0,
                        size))
        self.add(Figure("run_query+CSV in-process (median)", library, "s"))
        self.add(Figure("pyoxigraph query+CSV in-process (median)", raw, "s"))
        self.add(Figure("(5) in-process ratio", library / raw, "x", "<= 2.0", library / raw <= 2.0))

    def startup(self) -> None:
        runs = self.args.runs
        commands = {
            "kg queries": [*KG, "queries"],
            "kg query (empty store)": [*KG, "query", "--store", "memory:", "calls", "--format", "csv"],
            "kg export (empty store)": [*KG, "export", "--store", "memory:", "--format", "nquads"],
            "python -c pass (reference)": [PY, "-c", "pass"],
            "python -c 'import spacy' (reference)": [PY, "-c", "import spacy"],
        }
        for name, cmd in commands.items():
            self.add(Figure(f"(6) start-up {name}", median_run(cmd, runs, env=self.env), "s"))
        probe = ("import sys; from kg.cli import main; main(['queries']); "
                 "main(['query', '--store', 'memory:', 'calls', '--format', 'csv']); "
                 "main(['export', '--store', 'memory:', '--format', 'nquads']); "
                 "sys.stderr.write('SPACY=%d' % ('spacy' in sys.modules))")
        err = checked([PY, "-c", probe], env=self.env).stderr
        imported = "SPACY=1" in err
        self.add(Figure("(6) spaCy imported by query/export/queries", float(imported), "bool", "0", not imported))

    def run(self) -> None:
        a = self.args
        print(f"# kg benchmark: work directory {self.work}; seed {a.seed}; jobs {a.jobs}", flush=True)
        print(f"{'measure':<46} {'value':>12} {'unit':<10} {'target':<10} status", flush=True)
        if a.only_load:
            self.load(a.only_load)
            self.report()
            return
        if not a.skip_startup and not a.only_scaling:
            self.startup()
        if not a.only_scaling:
            store = self.ingest_ratio_and_memory()
            self.export(store)
            self.query(store)
            if not a.skip_load:
                self.load(store)
        if not a.skip_scaling:
            self.scaling()
        self.report()

    def report(self) -> None:
        a = self.args
        missed = [f.name for f in self.figures if f.met is False]
        print("# targets missed: " + (", ".join(missed) if missed else "none"), flush=True)
        if a.json:
            a.json.write_text(json.dumps([f.__dict__ for f in self.figures], indent=2) + "\n", encoding="utf-8")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (150 / 450 articles, 100 for scaling)")
    parser.add_argument("--ingest-n", type=int, help="articles for the ingest ratio and the first RSS (default 2000)")
    parser.add_argument("--large-n", type=int, help="articles for the second RSS, export and query (default 10000)")
    parser.add_argument("--scaling-n", type=int, help="articles for --jobs 1 vs --jobs 2 (default 1000)")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the ingest ratio and RSS (default 2)")
    parser.add_argument("--runs", type=int, help="runs per median (default 5; 3 with --quick)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--model", default="", help="spaCy model package (default: the installed one)")
    parser.add_argument("--workdir", type=Path, help="where corpora and stores go (default: a new temp folder)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--skip-load", action="store_true", help="leave out (7), kg load against bulk_load")
    parser.add_argument("--only-load", type=Path, metavar="STORE",
                        help="measure (7) only, from the N-Quads export of an existing store")
    parser.add_argument("--only-scaling", action="store_true", help="measure --jobs 1 against --jobs 2 only")
    args = parser.parse_args(argv)
    quick = {"ingest_n": 150, "large_n": 450, "scaling_n": 100, "runs": 3}
    full = {"ingest_n": 2000, "large_n": 10000, "scaling_n": 1000, "runs": 5}
    for key, value in (quick if args.quick else full).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        Bench(args).run()
    except Exception as exc:  # a benchmark reports, it does not fail the build
        print(f"# benchmark stopped: {type(exc).__name__}: {exc}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
