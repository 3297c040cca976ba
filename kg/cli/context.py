"""What every ``kg`` command starts from: the settings resolved once (defaults < ``kg.toml`` < ``KG_*``
environment < flags) and the store they name, opened with the settings and the credentials of the
environment. The only place the CLI reads the environment; the library is given what it needs."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from kg.settings import Settings, load_settings

if TYPE_CHECKING:
    from kg.store.base import Store

def tell(message: str) -> None:
    """One line for the user on standard error: what a command did, or why its answer is empty (standard
    output keeps only the answer, so pipes and files get nothing else)."""
    print(message, file=sys.stderr, flush=True)


# the flags that are settings; a command that lacks one leaves the setting to kg.toml and the environment
SETTING_FLAGS = ("store", "model", "jobs")


@dataclass
class CliContext:
    """Settings and store of one command run. Settings are resolved on first use, so a command that needs
    neither (``kg queries``) does not read ``kg.toml``."""

    args: argparse.Namespace
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)

    @cached_property
    def settings(self) -> Settings:
        flags = {name: getattr(self.args, name, None) for name in SETTING_FLAGS}
        return load_settings(environ=self.environ, flags=flags)

    def open_store(self, *, read_only: bool = False) -> Store:
        """The store of the settings; the caller closes it (or use :meth:`store`)."""
        from kg.store import open_store

        return open_store(self.settings.store, read_only=read_only, settings=self.settings, environ=self.environ)

    @contextmanager
    def store(self, *, read_only: bool = False) -> Iterator[Store]:
        """The store of the settings, closed when the block ends."""
        store = self.open_store(read_only=read_only)
        try:
            yield store
        except RuntimeError as exc:  # RocksDB found a damaged block while the command read the store
            if "corruption" not in str(exc).lower():
                raise
            from kg.store.oxigraph_store import damaged

            raise damaged(exc, store.location) from None
        finally:
            store.close()
