"""View subcommands of ``kg``: ``show`` (a picture of one encounter), ``timeline`` and ``site`` (static
browser pages). Registered through ``kg.cli.COMMAND_MODULES``; each handler is a few lines over kg.views."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.cli.context import CliContext
from kg.errors import InputError


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
    from kg.views.fetch import find_encounters

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
    from kg.views.fetch import encounter_view
    from kg.views.png import render_png
    from kg.views.svg import render_svg

    fmt = _format(args.output, args.format, "svg")
    with CliContext(args).store(read_only=True) as store:
        view = encounter_view(store, _pick_call(store, args))
    renderers = {"svg": render_svg, "png": render_png, "html": render_html}
    _emit(renderers[fmt](view), args.output)
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from kg.views.fetch import list_encounters
    from kg.views.site import timeline_page
    from kg.views.timeline import render_timeline, timeline_points, timeline_table

    fmt = _format(args.output, args.format, "png")
    with CliContext(args).store(read_only=True) as store:
        points = timeline_points(list_encounters(store), tuple(args.country))
    if fmt == "html":
        _emit(timeline_page(render_timeline(points, "svg").decode("utf-8"), timeline_table(points)), args.output)
    else:
        _emit(render_timeline(points, fmt), args.output)
    return 0


def cmd_site(args: argparse.Namespace) -> int:
    from kg.query.saved import catalogue
    from kg.views.site import write_site

    with CliContext(args).store(read_only=True) as store:
        report = write_site(store, Path(args.out), queries=catalogue(), endpoint=args.endpoint)
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
