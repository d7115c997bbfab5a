"""Tests of dyad.config: defaults, user files, overrides and error messages."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

from dyad.config import Config, documented_keys, load_config
from dyad.errors import ConfigError

DEFAULTS = files("dyad").joinpath("data/default_config.toml").read_text(encoding="utf-8")


def test_config_defaults_load() -> None:
    config = load_config()
    assert config.input.max_document_chars == 1_000_000
    assert config.input.encoding_fallbacks == ("cp1252", "latin-1")
    assert config.coder.require_dyad is False  # Coder v2: the ranker decides (issue 16)
    assert config.coder.batch_size == 256
    assert config.coder.prefilter is True
    assert config.coder.learned is True
    assert config.coder.min_confidence == 0.55
    assert config.output.progress_min_documents == 5


def test_config_dataclass_defaults_match_the_defaults_file() -> None:
    assert Config() == load_config()
    assert Config().to_dict() == tomllib.loads(DEFAULTS)


def test_config_every_default_key_has_a_comment_above_it() -> None:
    lines = DEFAULTS.splitlines()
    section, seen = "", []
    for number, line in enumerate(lines):
        if match := re.fullmatch(r"\[(\w+)\]", line.strip()):
            section = match.group(1)
        elif match := re.match(r"(\w+)\s*=", line):
            assert lines[number - 1].startswith("#"), f"{section}.{match.group(1)} has no comment"
            seen.append(f"{section}.{match.group(1)}")
    assert seen == documented_keys()


@pytest.mark.parametrize(
    ("override", "key", "value"),
    [
        ("input.max_document_chars=2000", ("input", "max_document_chars"), 2000),
        ("input.max_document_chars = 2_000", ("input", "max_document_chars"), 2000),
        ("coder.require_dyad=false", ("coder", "require_dyad"), False),
        ('input.encoding_fallbacks=["latin-1"]', ("input", "encoding_fallbacks"), ("latin-1",)),
        ("input.encoding_fallbacks=cp1252, latin-1", ("input", "encoding_fallbacks"),
         ("cp1252", "latin-1")),
        ("input.encoding_fallbacks=[]", ("input", "encoding_fallbacks"), ()),
    ],
)  # fmt: skip
def test_config_overrides_apply(override: str, key: tuple[str, str], value: object) -> None:
    config = load_config(overrides=[override])
    assert getattr(getattr(config, key[0]), key[1]) == value


def test_config_user_file_and_overrides_stack(tmp_path: Path) -> None:
    path = tmp_path / "my.toml"
    path.write_text("[coder]\nbatch_size = 8\nprefilter = false\n", encoding="utf-8")
    config = load_config(path, overrides=["coder.batch_size=16"])
    assert (config.coder.batch_size, config.coder.prefilter) == (16, False)
    assert config.input == Config().input


def test_config_unknown_key_names_key_and_allowed_keys() -> None:
    with pytest.raises(ConfigError) as info:
        load_config(overrides=["input.max_chars=5"])
    message = str(info.value)
    assert "unknown setting input.max_chars" in message
    assert "input.max_document_chars" in message and "input.encoding_fallbacks" in message


def test_config_unknown_key_in_file_names_file(tmp_path: Path) -> None:
    path = tmp_path / "my.toml"
    path.write_text("[coder]\nbatchsize = 8\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting coder.batchsize") as info:
        load_config(path)
    assert info.value.path == str(path)
    assert "coder.batch_size" in str(info.value)


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ("nosuch.key=1", r"unknown section \[nosuch\].*allowed sections: input, coder, output"),
        ("input.max_document_chars=lots", "must be an integer, not str 'lots'"),
        ("input.max_document_chars=true", "must be an integer, not bool"),
        ("coder.require_dyad=1", "must be true or false, not int"),
        ("input.encoding_fallbacks=[1]", "must be a list of strings"),
        ("input.encoding_fallbacks=klingon", "unknown encoding 'klingon'"),
        ("coder.batch_size=0", "must be at least 1, not 0"),
        ("batch_size=3", "write it as section.key=value"),
        ("coder.batch_size", "write it as section.key=value"),
    ],
)
def test_config_bad_values_raise(override: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(overrides=[override])


@pytest.mark.parametrize(
    ("text", "message"),
    [("[coder\n", "not valid TOML"), ("coder = 1\n", "must be a \\[section\\] table")],
)
def test_config_bad_files_raise(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_config_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"cannot read config file \(No such file"):
        load_config(tmp_path / "none.toml")


def test_config_is_frozen() -> None:
    config = load_config()
    with pytest.raises(AttributeError):
        config.input.max_document_chars = 5  # type: ignore[misc]


def test_config_to_dict_round_trips_through_overrides() -> None:
    config = load_config(overrides=["output.progress_min_documents=0"])
    data = config.to_dict()
    assert data["output"] == {"progress_min_documents": 0}
    assert data["input"]["encoding_fallbacks"] == ["cp1252", "latin-1"]
    assert documented_keys() == [f"{s}.{k}" for s, keys in data.items() for k in keys]
