"""The exception tree of kg.

Every error says what went wrong, where (file, line, article, server) and what to do about it.
Library code raises these; only :mod:`kg.cli` prints them and maps them to exit codes.
"""

from __future__ import annotations


class KgError(Exception):
    """Base of all errors kg raises on purpose. ``exit_code`` is what the CLI exits with."""

    exit_code = 2

    def __init__(self, what: str, *, where: str | None = None, fix: str | None = None) -> None:
        self.what = what
        self.where = where
        self.fix = fix
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"{self.where}: {self.what}" if self.where else self.what
        if self.fix:
            text += f" ({self.fix})"
        return text


class ConfigError(KgError):
    """A setting, a resource path or the spaCy model is wrong or missing."""


class InputError(KgError):
    """An input file or article cannot be read."""


class GazetteerError(KgError):
    """A gazetteer file is malformed (the message names file:line)."""


class QueryError(KgError):
    """A saved query is unknown, malformed, or was given wrong parameters."""


class StoreError(KgError):
    """The store cannot be opened, read or written."""

    exit_code = 3


class ExportError(KgError):
    """An export could not be written."""
