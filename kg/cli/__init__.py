"""The ``kg`` command. :mod:`kg.cli.main` builds the parser and maps errors to exit codes; the command
modules (:mod:`~kg.cli.checks`, :mod:`~kg.cli.stores`, :mod:`~kg.cli.views`) register their subcommands;
:mod:`~kg.cli.context` resolves the settings and opens the store for all of them. The only package that
prints or exits."""

from kg.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
