"""Settings of the wrong type or out of range (issue 17): a clear error naming the setting and where it was
set, exit 2, never a traceback."""

from __future__ import annotations

import pytest

from kg.cli import main
from kg.errors import ConfigError
from kg.settings import load_settings


@pytest.mark.parametrize(("toml", "named"), [
    ("[kg]\nbatch_size = [1, 2]\n", "batch_size in"),
    ("[kg]\njobs = {n = 2}\n", "jobs in"),
    ("kg = 5\n", "'kg' must be a table"),
    ("[kg]\njobs = true\n", "jobs in"),
    ("[kg]\nbatch_size = 2.5\n", "whole number"),
    ("[kg]\nstore = 5\n", "store in"),
    ("[kg]\njobs = 0\n", "at least 1"),
])
def test_a_kg_toml_of_the_wrong_type_is_a_clear_error(tmp_path, toml, named):
    config = tmp_path / "kg.toml"
    config.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(config_file=config, environ={})
    assert named in caught.value.message and caught.value.exit_code == 2


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "0", "soon", ""])
def test_a_bad_store_timeout_is_a_clear_error(value):
    with pytest.raises(ConfigError) as caught:
        load_settings(config_file=None, environ={"KG_STORE_TIMEOUT": value})
    assert "KG_STORE_TIMEOUT" in caught.value.message


def test_good_values_still_convert(tmp_path):
    config = tmp_path / "kg.toml"
    config.write_text("[kg]\nbatch_size = 8\nstore_timeout = 2\n", encoding="utf-8")
    settings = load_settings(config_file=config, environ={"KG_JOBS": " 2 ", "KG_STORE_RETRIES": "0"})
    assert (settings.batch_size, settings.store_timeout, settings.jobs, settings.store_retries) == (8, 2.0, 2, 0)


def test_the_cli_says_it_and_exits_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kg.toml").write_text("[kg]\nbatch_size = [1, 2]\n", encoding="utf-8")
    assert main(["query", "calls", "--store", "memory:"]) == 2
    err = capsys.readouterr().err
    assert "batch_size" in err and "kg.toml" in err and "Traceback" not in err
    (tmp_path / "kg.toml").unlink()
    monkeypatch.setenv("KG_STORE_TIMEOUT", "nan")
    assert main(["query", "calls", "--store", "memory:"]) == 2
    assert "KG_STORE_TIMEOUT must be a finite number" in capsys.readouterr().err
