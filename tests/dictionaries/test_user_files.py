"""Files the user supplies — config and dictionaries: a bad line is named, the rest loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import cli
from dyad.config import load_config
from dyad.dictionaries.entries import ActorDictionary
from dyad.dictionaries.loader import load_actor_entries, load_agent_entries
from dyad.errors import ConfigError, DictionaryError

GOOD_AND_BAD = """\
[input]
max_document_chars = 5000
encoding_fallbacks = ["klingon"]
bogus = 1
[coder
batch_size = 7
[coder]
batch_size = "many"
require_dyad = false
colour = = 3
[nope]
a = 1
[output]
progress_min_documents = 9
"""


def test_user_config_bad_lines_are_named_and_the_rest_loads(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GOOD_AND_BAD, encoding="utf-8")
    problems: list[ConfigError] = []
    config = load_config(path, problems=problems)
    assert config.input.max_document_chars == 5000
    assert config.coder.require_dyad is False
    assert config.output.progress_min_documents == 9
    assert config.coder.batch_size == load_config().coder.batch_size  # its lines were bad
    assert config.input.encoding_fallbacks == load_config().input.encoding_fallbacks
    assert [(p.line, p.reason.split(" (")[0].split(";")[0]) for p in problems] == [
        (3, "input.encoding_fallbacks: unknown encoding 'klingon'"),
        (4, "unknown setting input.bogus"),
        (5, "not valid TOML"),
        (6, "unknown setting input.batch_size"),  # [coder was skipped: still in [input]
        (8, "coder.batch_size must be an integer, not str 'many'"),
        (10, "not valid TOML"),
        (11, "unknown section [nope]"),
    ]
    assert all(str(p).startswith(f"{path}:{p.line}: ") for p in problems)


def test_user_config_strict_by_default(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GOOD_AND_BAD, encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML") as caught:
        load_config(path)
    assert caught.value.line == 5


def test_user_config_line_not_utf8_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_bytes(b"[input]\n# caf\xe9\nmax_document_chars = 7000\n")
    problems: list[ConfigError] = []
    assert load_config(path, problems=problems).input.max_document_chars == 7000
    assert [(p.line, p.reason.split(" (")[0]) for p in problems] == [(2, "not valid UTF-8")]


def test_user_config_cli_warns_and_runs(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("[coder]\nbatch_size = 0\nprefilter = false\n", encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("Nothing to code here.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["code", str(text), "--config", str(path)])
    assert result.exit_code == 0, result.output
    assert f"dyad: config: {path}:2: coder.batch_size must be at least 1" in result.stderr


@pytest.mark.issue(8)
def test_user_dictionary_line_numbers_count_only_line_breaks(tmp_path: Path) -> None:
    # a form feed or group separator inside a line must not shift the numbers that follow
    path = tmp_path / "mine.agents.txt"
    path.write_bytes(b"ZORBGUARD [~SEC]\nODD\x1dLINE\x0cHERE\nBLORPCOP [~COP]\r\nSPYMASTER\n")
    problems: list[DictionaryError] = []
    dictionary = ActorDictionary()
    load_agent_entries(path, dictionary, problems)
    assert [(p.line, p.reason) for p in problems] == [
        (2, "agent without [~CODE]"),
        (4, "agent without [~CODE]"),
    ]
    assert dictionary.agents[("BLORPCOP",)] == "COP"


def test_user_dictionary_binary_junk_is_reported_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.actors.txt"
    path.write_bytes(b"FOOBARISTAN [FBR]\n\xff\xfe[\x00]\n+ [XYZ]\nZORBLAND_\n[ZRB]\n")
    problems: list[DictionaryError] = []
    dictionary = ActorDictionary()
    load_actor_entries(path, dictionary, problems)
    assert {p.line for p in problems} <= {2, 3}
    assert all(p.path == str(path) for p in problems) and problems
    assert dictionary.actors[("FOOBARISTAN",)].code_on(None) == "FBR"
    assert dictionary.actors[("ZORBLAND",)].code_on(None) == "ZRB"
