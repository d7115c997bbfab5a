"""Docs that tests keep true: every command and setting is in the README or the defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.cli import cli
from dyad.config import documented_keys

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_docs_every_command_is_in_readme_with_help(command: str) -> None:
    assert f"dyad {command}" in README
    assert cli.commands[command].help


def test_docs_readme_opens_with_the_two_commands() -> None:
    opening = README[: README.index("## Using it")]
    assert "make demo" in opening and "make test" in opening


def test_docs_every_setting_is_commented_in_defaults() -> None:
    defaults = (
        Path(__file__).resolve().parents[1] / "src" / "dyad" / "data" / "default_config.toml"
    ).read_text()
    for key in documented_keys():
        assert key.split(".", 1)[1] in defaults
