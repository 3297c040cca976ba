"""Store subcommands of ``kg``: ``serve`` (a local SPARQL endpoint with a query page), ``load`` (RDF files
into the store, streaming) and ``extract`` (a shard of articles to N-Quads, for bulk loaders). Registered
through ``kg.cli.COMMAND_MODULES``."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from kg.cli.context import CliContext, tell


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _serve_limits(args: argparse.Namespace):
    from kg.errors import KgError
    from kg.serve.runner import Limits

    if args.query_timeout < 0 or args.query_timeout != args.query_timeout:
        raise KgError(f"--query-timeout must be a number of seconds (0: no limit), not {args.query_timeout}")
    if args.max_result_mb <= 0:
        raise KgError(f"--max-result-mb must be a positive number of megabytes, not {args.max_result_mb}")
    if args.query_workers < 1:
        raise KgError(f"--query-workers must be at least 1, not {args.query_workers}")
    return Limits(timeout=args.query_timeout or None, max_bytes=int(args.max_result_mb * 1024 * 1024))


def _log_line(line: str) -> None:
    print(f"kg serve: {line}", file=sys.stderr, flush=True)


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.serve import make_server

    limits = _serve_limits(args)
    store = CliContext(args).open_store(read_only=not args.writable)
    try:
        site = None
        if args.site is not None:
            from kg.query.saved import catalogue
            from kg.views.site import write_site

            site = Path(args.site)
            write_site(store, site, queries=catalogue())
        server = make_server(store, port=args.port, writable=args.writable, site=site, limits=limits,
                             cors=args.cors, allow_service=args.allow_service, query_workers=args.query_workers,
                             on_error=_log_line)
        mode = "writable" if args.writable else "read-only"
        mode += f", CORS for {', '.join(args.cors)}" if args.cors else ""
        pages = f" ; browse {server.url}site/" if site is not None else ""
        service = "SERVICE allowed" if args.allow_service else "no SERVICE"
        print(f"serving {store.location} ({mode}; {limits.describe()}; {service}) at {server.url} ; "
              f"SPARQL endpoint {server.url}query{pages} ; Ctrl-C stops", file=sys.stderr, flush=True)
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    finally:
        store.close()
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from kg.ingest.shards import extract_shard

    settings = CliContext(args).settings
    paths = [Path(p) for p in args.paths]
    existed = False
    if args.out == "-":
        report = extract_shard(paths, settings, sys.stdout.buffer, reference=args.reference)
        sys.stdout.buffer.flush()
    else:
        existed = Path(args.out).exists()
        report = extract_shard(paths, settings, Path(args.out), reference=args.reference)
    for problem in report.problems:
        print(("error: " if problem.fatal else "warning: ") + problem.message, file=sys.stderr)
    written = f"{report.quads} article quads -> {args.out}"
    if not report.articles and args.out != "-":
        written = f"no article to write: {args.out} not written" + (" (left as it was)" if existed else "")
    tell(f"extracted {len(report.articles)} article(s), skipped {len(report.rejected)}; {written}")
    return 2 if report.rejected or not report.articles else 0


def cmd_load(args: argparse.Namespace) -> int:
    from kg.ingest.rdf_files import load_files
    from kg.rdf.iris import given_graph

    context = CliContext(args)
    graph = given_graph(args.graph) if args.graph else None
    with context.store() as store:
        report = load_files([Path(p) for p in args.paths], store, fmt=args.format, graph=graph,
                            replace_protected=args.replace_reference)
    for problem in report.problems:
        print("error: " + problem.message, file=sys.stderr)
    print(f"loaded {len(report.files)} file(s), skipped {len(report.problems)}; {report.graphs} graph(s), "
          f"{report.quads} quads -> {context.settings.store}", file=sys.stderr)
    return 2 if report.problems else 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("serve", parents=[common],
                       help="a local SPARQL endpoint (127.0.0.1) over the store, with a query page")
    p.add_argument("--port", type=int, default=7878, help="port on 127.0.0.1 (default 7878; 0 picks a free one)")
    p.add_argument("--writable", action="store_true",
                   help="also accept SPARQL Update (/update) and Graph Store writes (/store)")
    p.add_argument("--site", metavar="DIR",
                   help="write the browser pages (kg site) into DIR and serve them at /site/")
    p.add_argument("--cors", action="append", default=[], metavar="ORIGIN",
                   help="let pages of ORIGIN (e.g. http://localhost:8000; null: pages opened from disk; * any) "
                        "use the endpoint and read its answers; repeatable. Default: none (same-origin pages only)")
    p.add_argument("--allow-service", action="store_true",
                   help="let queries call other SPARQL servers (SERVICE); off by default: the server fetches no URL")
    p.add_argument("--query-timeout", type=float, default=30.0, metavar="SECONDS",
                   help="stop a query after this long with 503 (default 30; 0: no limit)")
    p.add_argument("--max-result-mb", type=float, default=64.0, metavar="MB",
                   help="refuse answers larger than this (default 64 MB; 507)")
    p.add_argument("--query-workers", type=int, default=2, metavar="N",
                   help="processes running queries over a store directory at once (default 2)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("load", parents=[common],
                       help="load RDF files (kg extract shards, kg exports, any N-Quads/TriG/Turtle) into the store")
    p.add_argument("paths", nargs="+", help=".nq .trig .ttl .nt .jsonld files (optionally .gz), or folders of them")
    p.add_argument("--format", help="the files' format: nquads, trig, turtle, ntriples or jsonld "
                                    "(default: from each file's suffix)")
    p.add_argument("--graph", metavar="IRI",
                   help="the graph for triples outside named graphs (default: graph/file/NAME, one per file)")
    p.add_argument("--replace-reference", action="store_true",
                   help="let the files replace graph/reference and graph/ontology (refused otherwise: they are "
                        "what kg ingest links to)")
    p.set_defaults(func=cmd_load)

    p = sub.add_parser("extract", help="extract articles to N-Quads without a store (a shard for bulk loaders)")
    p.add_argument("paths", nargs="+", help=".txt or .jsonl files, or folders of them")
    p.add_argument("--out", required=True, help="the N-Quads file to write ('-' for standard output)")
    p.add_argument("--no-reference", dest="reference", action="store_false",
                   help="leave out the ontology and reference graphs (load them once, from one shard)")
    p.add_argument("--model", help="spaCy model package")
    p.add_argument("--jobs", type=int, help="processes for the NLP pass (default 1)")
    p.set_defaults(func=cmd_extract, store=None)
