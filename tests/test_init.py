"""`kommlint init`: a commented kommlint.toml that loads to exactly the defaults."""

from __future__ import annotations

import dataclasses
import tomllib

from typer.testing import CliRunner

from kommlint.cli import app
from kommlint.commands.init import config_text
from kommlint.config import _SCHEMA, Config, load_config


def test_written_file_loads_to_the_defaults(tmp_path):
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    path = tmp_path / "kommlint.toml"
    loaded = load_config(path)
    defaults = Config(path=path)
    for field in dataclasses.fields(Config):
        assert getattr(loaded, field.name) == getattr(defaults, field.name), field.name


def test_every_option_is_in_the_file():
    text = config_text()
    active = tomllib.loads(text)
    for key in _SCHEMA:
        assert key in active or f"# {key} =" in text or f"# {key}:" in text, key
    assert set(active) <= set(_SCHEMA)


def test_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "egen.toml"
    path.write_text('lang = "en"\n', encoding="utf-8")
    refused = CliRunner().invoke(app, ["init", str(path)])
    assert refused.exit_code == 2
    assert path.read_text("utf-8") == 'lang = "en"\n'
    forced = CliRunner().invoke(app, ["init", str(path), "--force"])
    assert forced.exit_code == 0
    assert load_config(path).lang == "sv"
