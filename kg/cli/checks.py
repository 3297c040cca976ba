"""``kg validate`` and ``kg infer``: thin commands over :mod:`kg.validate` and :mod:`kg.validate.infer`.

``kg validate`` exits 0 when the graph conforms, 1 when it does not, 2 on an error (pySHACL's contract).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.cli.context import CliContext

# the names of kg.validate.run.CHECKS, repeated here so that registering the subcommand does not import
# the validation stack (rdflib, pySHACL, owlready2) on every kg command; a test keeps the two equal
CHECK_NAMES = ("shacl", "owl", "domain")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("validate", parents=[common], help="check the graph: SHACL shapes, OWL reasoning, domain rules")
    p.add_argument("file", nargs="?", help="an exported RDF file (.ttl, .trig, .nq, .nt, .jsonld) instead of the store")
    p.add_argument("--format", default="text", choices=("text", "json"), help="report format (default text)")
    p.add_argument("--shacl-report", metavar="FILE", help="also write the SHACL validation report graph as Turtle")
    p.add_argument("--skip", action="append", default=[], choices=CHECK_NAMES,
                   help="leave out a check (repeatable)")
    p.add_argument("--reasoner", default="hermit", choices=("hermit", "pellet"), help="OWL reasoner (default hermit)")
    p.add_argument("--batch-size", type=int, default=0, metavar="N",
                   help="reason over N subjects at a time (default 0: the whole graph in one call)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("infer", parents=[common], help="materialize what the ontology implies into graph/inferred")
    p.set_defaults(func=cmd_infer)


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate import CHECKS, ValidateOptions, load_file, validate

    options = ValidateOptions(checks=tuple(c for c in CHECKS if c not in args.skip), reasoner=args.reasoner,
                              batch_size=max(args.batch_size, 0), shacl_report=bool(args.shacl_report))
    store = load_file(Path(args.file)) if args.file else CliContext(args).open_store(read_only=True)
    try:
        report = validate(store, options, source=args.file)
    finally:
        store.close()
    if args.shacl_report and report.shacl_report is not None:
        Path(args.shacl_report).write_text(report.shacl_report, encoding="utf-8")
    if args.format == "json":
        sys.stdout.write(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(report.render_text())
    return report.exit_code


def cmd_infer(args: argparse.Namespace) -> int:
    from kg.validate.infer import infer

    with CliContext(args).store() as store:
        result = infer(store)
    print(f"inferred {result.inferred} triple(s) from {result.asserted} asserted -> {result.graph}", file=sys.stderr)
    return 0
