"""View subcommands of ``kg``: ``show`` (a picture of one encounter), ``timeline`` and ``site`` (static
browser pages). Registered through ``kg.cli.COMMAND_MODULES``; each handler is a few lines over kg.views."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import InputError
from kg.settings import Settings, load_settings


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(flags={"store": args.store})


def _open(args: argparse.Namespace):
    from kg.store import open_store

    settings = _settings(args)
    return open_store(settings.store, read_only=True, settings=settings)


def _format(output: str | None, given: str | None, default: str) -> str:
    if given:
        return given
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return suffix if suffix in ("svg", "png", "html") else default


def _emit(content: str | bytes, output: str | None) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    if output:
        Path(output).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


def _pick_call(store, args: argparse.Namespace) -> str:
    from kg.views.load import find_encounters

    if args.call:
        return args.call
    if not args.participants:
        raise InputError("name the encounter: an IRI, or --participants NAMES [--date DATE]")
    found = find_encounters(store, args.participants.split(","), args.date or "")
    if len(found) != 1:
        listing = "; ".join(f"{s.iri} ({s.title})" for s in found[:10])
        raise InputError(f"{len(found)} encounters match" + (f": {listing}" if listing else ""),
                         fix="narrow with --date, or pass one IRI")
    return found[0].iri


def cmd_show(args: argparse.Namespace) -> int:
    from kg.views.encounter_html import render_html
    from kg.views.load import encounter_view
    from kg.views.png import render_png
    from kg.views.svg import render_svg

    fmt = _format(args.output, args.format, "svg")
    store = _open(args)
    try:
        view = encounter_view(store, _pick_call(store, args))
    finally:
        store.close()
    renderers = {"svg": render_svg, "png": render_png, "html": render_html}
    _emit(renderers[fmt](view), args.output)
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from kg.views.load import list_encounters
    from kg.views.site import timeline_page
    from kg.views.timeline import render_timeline, timeline_points, timeline_table

    fmt = _format(args.output, args.format, "png")
    store = _open(args)
    try:
        points = timeline_points(list_encounters(store), tuple(args.country))
    finally:
        store.close()
    if fmt == "html":
        _emit(timeline_page(render_timeline(points, "svg").decode("utf-8"), timeline_table(points)), args.output)
    else:
        _emit(render_timeline(points, fmt), args.output)
    return 0


def cmd_site(args: argparse.Namespace) -> int:
    from kg.queries import catalogue
    from kg.views.site import write_site

    store = _open(args)
    try:
        report = write_site(store, Path(args.out), queries=catalogue(), endpoint=args.endpoint)
    finally:
        store.close()
    print(f"wrote {report.files} file(s) for {report.encounters} encounter(s) -> {report.out}/index.html",
          file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("show", parents=[common], help="a picture of one encounter (SVG, PNG or HTML)")
    p.add_argument("call", nargs="?", help="the encounter IRI (see: kg query calls)")
    p.add_argument("--participants", help="instead of an IRI: comma-separated names or ISO3 codes, e.g. Putin,Xi")
    p.add_argument("--date", help="with --participants: the date, or its start (2026, 2026-02, 2026-02-04)")
    p.add_argument("--format", choices=("svg", "png", "html"), help="default: from -o's suffix, else svg")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("timeline", parents=[common], help="encounters over time per pair of countries")
    p.add_argument("--country", action="append", default=[], metavar="ISO3",
                   help="only pairs with this country on one side (repeatable)")
    p.add_argument("--format", choices=("svg", "png", "html"), help="default: from -o's suffix, else png")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("site", parents=[common], help="write static browser pages: encounters, timeline, queries")
    p.add_argument("--out", required=True, help="the folder to write (created if needed)")
    p.add_argument("--endpoint", default="/query",
                   help="the SPARQL endpoint the query page calls (default: same-origin /query, as kg serve offers)")
    p.set_defaults(func=cmd_site)
