"""The CLI context: settings resolved once from kg.toml < environment < flags, and the store opened with
them and with the environment's credentials (the store module never reads the environment itself)."""

from __future__ import annotations

import argparse

import pytest

import kg.store
from kg.cli import main
from kg.cli.context import CliContext
from kg.errors import ConfigError
from kg.settings import DEFAULT_STORE


def _args(**flags: object) -> argparse.Namespace:
    return argparse.Namespace(**flags)


def test_flags_override_the_environment_which_overrides_kg_toml(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kg.toml").write_text('[kg]\nstore = "from-toml"\njobs = 3\nbatch_size = 7\n', encoding="utf-8")
    environ = {"KG_STORE": "from-env", "KG_JOBS": "2"}
    settings = CliContext(_args(store=None, jobs=None), environ).settings
    assert (settings.store, settings.jobs, settings.batch_size) == ("from-env", 2, 7)
    settings = CliContext(_args(store="from-flag", jobs=4), environ).settings
    assert (settings.store, settings.jobs) == ("from-flag", 4)
    assert CliContext(_args(), {}).settings.store == "from-toml"  # a command without the flags


def test_settings_are_read_only_when_a_command_needs_them(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kg.toml").write_text("this is not toml [", encoding="utf-8")
    context = CliContext(_args(store=None), {})
    with pytest.raises(ConfigError, match="cannot parse settings file"):
        _ = context.settings
    assert main(["queries"]) == 0  # needs no settings, so a broken kg.toml does not stop it
    assert "calls-with" in capsys.readouterr().out


def test_the_store_is_opened_with_the_settings_and_the_environments_credentials(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    opened: list[tuple[str, bool, object, object]] = []

    class Closing:
        location = "fake"
        closed = False

        def close(self) -> None:
            self.closed = True

    fake = Closing()

    def open_store(location, *, read_only=False, settings=None, environ=None):
        opened.append((location, read_only, settings, environ))
        return fake

    monkeypatch.setattr(kg.store, "open_store", open_store)
    environ = {"KG_STORE": "http://127.0.0.1:9/ds", "KG_STORE_TOKEN": "secret", "KG_STORE_RETRIES": "0"}
    context = CliContext(_args(store=None), environ)
    with context.store(read_only=True) as store:
        assert store is fake and not fake.closed
    assert fake.closed
    [(location, read_only, settings, passed)] = opened
    assert (location, read_only, settings.store_retries, passed) == ("http://127.0.0.1:9/ds", True, 0, environ)


def test_without_a_store_flag_or_setting_the_default_store_is_used(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert CliContext(_args(store=None), {}).settings.store == DEFAULT_STORE
