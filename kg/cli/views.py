"""View subcommands of ``kg``: ``show`` (a picture of one encounter), ``timeline`` and ``site`` (static
browser pages). Registered through ``kg.cli.COMMAND_MODULES``; each handler is a few lines over kg.views."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kg.cli.context import CliContext, tell
from kg.errors import InputError

if TYPE_CHECKING:
    from kg.gazetteer import Country


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
    from kg.views.fetch import list_encounters, matching_encounters, why_none_match

    if args.call:
        return args.call
    if not args.participants:
        raise InputError("name the encounter: an IRI, or --participants NAMES [--date DATE]")
    names, date = args.participants.split(","), args.date or ""
    summaries = list_encounters(store)
    found = matching_encounters(summaries, names, date)
    if not found:
        raise InputError(f"no encounter matches: {why_none_match(summaries, names, date)}",
                         fix="a name matches part of a participant's name, case and accents aside, or the ISO3 "
                             "code of the country they represent; `kg query calls` lists participants and dates")
    if len(found) > 1:
        listing = "; ".join(f"{s.iri} ({s.title})" for s in found[:10])
        raise InputError(f"{len(found)} encounters match: {listing}", fix="narrow with --date, or pass one IRI")
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
    context = CliContext(args)
    countries = _countries(context, args.country)
    with context.store(read_only=True) as store:
        points = timeline_points(list_encounters(store), tuple(c.iso3 for c in countries))
    if not points:
        sides = " or ".join(f"{c.iso3} ({c.name})" for c in countries)
        tell("note: no dated encounters" + (f" with {sides} on one side" if sides else "") + " in the store "
             f"{context.settings.store}; the picture is empty")
    if fmt == "html":
        _emit(timeline_page(render_timeline(points, "svg").decode("utf-8"), timeline_table(points)), args.output)
    else:
        _emit(render_timeline(points, fmt), args.output)
    return 0


def _countries(context: CliContext, given: list[str]) -> list[Country]:
    """The countries of ``--country`` values (codes, names or demonyms, through the gazetteer's country table);
    an InputError naming a value that is no country, or one shared by several."""
    from kg.gazetteer import cached_gazetteer

    gazetteer = cached_gazetteer(context.settings.gazetteer)
    countries = []
    for text in given:
        found = gazetteer.countries_named(text)
        if not found:
            raise InputError(f"--country {text!r} is no country the gazetteer knows (not an ISO 3166 code, name, "
                             "alias or demonym)", fix="e.g. --country RUS, --country Russia or --country Russian")
        if len(found) > 1:
            raise InputError(f"--country {text!r} names {len(found)} countries: "
                             + ", ".join(f"{c.iso3} ({c.name})" for c in found), fix="give its ISO 3166 code")
        countries.append(found[0])
    return countries


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
    p.add_argument("--country", action="append", default=[], metavar="COUNTRY",
                   help="only pairs with this country on one side: an ISO 3166 code, name or demonym, e.g. RUS, "
                        "Russia or Russian (repeatable)")
    p.add_argument("--format", choices=("svg", "png", "html"), help="default: from -o's suffix, else png")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("site", parents=[common], help="write static browser pages: encounters, timeline, queries")
    p.add_argument("--out", required=True, help="the folder to write (created if needed)")
    p.add_argument("--endpoint", default="/query",
                   help="the SPARQL endpoint the query page calls (default: same-origin /query, as kg serve offers)")
    p.set_defaults(func=cmd_site)
