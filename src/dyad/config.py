"""Typed settings loaded from `dyad/data/default_config.toml`, a user file and overrides.

The defaults file is the one documented list of settings: every key there has a comment.
`load_config` starts from it, applies a user TOML file (which may set any subset of keys),
then `--set section.key=value` overrides, and checks every key and type on the way; an unknown
or ill-typed key raises `ConfigError` naming the key and what is allowed. Given a `problems`
list (as the CLI does), a malformed line of the user file is reported there with the file
and line instead, and the rest of the file loads.
"""

from __future__ import annotations

import codecs
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from importlib.resources import files
from pathlib import Path
from typing import Any, get_type_hints

from dyad.errors import ConfigError
from dyad.files import path_text, read_regular

DEFAULTS_RESOURCE = "data/default_config.toml"

# Lowest allowed value of integer settings; a limit of 0 would reject every document.
_MINIMUM = {
    "input.max_document_chars": 1,
    "coder.batch_size": 1,
    "output.progress_min_documents": 0,
}
# Highest allowed value of integer settings: a larger one would only fail later, in an
# allocation or a C integer, far from the setting that caused it.
_MAXIMUM = {
    "input.max_document_chars": 1_000_000_000,
    "coder.batch_size": 100_000,
    "output.progress_min_documents": 1_000_000_000_000,
}
# A config file larger than this is refused unread; the documented one is about 1 KB.
MAX_CONFIG_BYTES = 1024 * 1024
# Malformed lines of one file reported before the file is given up (each costs a re-parse).
MAX_CONFIG_PROBLEMS = 100
# Longest list, string or encoding name a setting may hold.
MAX_CONFIG_ITEMS = 10_000
_TOO_DEEP = "not valid TOML (arrays or tables nested too deep)"
_TOO_DEEP_HINT = "every dyad setting is a plain value or a list of strings"
_PERSPECTIVE = re.compile(r"[^=]+=[A-Z]{3}")
_TOML_AT = re.compile(r"\(at line (\d+), column \d+\)$")
_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


@dataclass(frozen=True, slots=True)
class InputConfig:
    """Settings of `read_documents`."""

    max_document_chars: int = 1_000_000
    encoding_fallbacks: tuple[str, ...] = ("cp1252", "latin-1")


@dataclass(frozen=True, slots=True)
class CoderConfig:
    """Settings of event coding."""

    require_dyad: bool = False
    batch_size: int = 256
    prefilter: bool = True
    learned: bool = True
    min_confidence: float = 0.55
    perspectives: tuple[str, ...] = ("us_presidential_speeches=USA",)


@dataclass(frozen=True, slots=True)
class OutputConfig:
    """Settings of command output."""

    progress_min_documents: int = 5


@dataclass(frozen=True, slots=True)
class Config:
    """All dyad settings, one nested dataclass per section of the TOML file."""

    input: InputConfig = field(default_factory=InputConfig)
    coder: CoderConfig = field(default_factory=CoderConfig)
    output: OutputConfig = field(default_factory=OutputConfig)

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """Return the settings as `{section: {key: value}}`, with tuples as lists."""
        result: dict[str, dict[str, Any]] = {}
        for section in fields(self):
            values = getattr(self, section.name)
            result[section.name] = {f.name: _plain(getattr(values, f.name)) for f in fields(values)}
        return result


def documented_keys() -> list[str]:
    """Return every setting as "section.key", in the order of the defaults file."""
    return [f"{section}.{key}" for section, keys in _schema().items() for key in keys]


def load_config(
    path: Path | None = None,
    overrides: Sequence[str] = (),
    *,
    problems: list[ConfigError] | None = None,
) -> Config:
    """Return the settings from the defaults, an optional TOML file and overrides.

    Args:
        path: A TOML file setting any subset of the keys; None uses the defaults only.
        overrides: Strings "section.key=value", applied last; the value is read as a TOML
            value (`true`, `12`, `["a", "b"]`) and otherwise taken as a plain string.
        problems: When given, each malformed line of the file at `path` (bad TOML, an
            unknown or ill-typed key) is skipped and appended here, naming the file and
            line, and the rest of the file loads. Overrides are always checked strictly.

    Returns:
        The checked, frozen settings.

    Raises:
        ConfigError: A file cannot be read or parsed, or a key is unknown or ill-typed.
    """
    defaults_text = files("dyad").joinpath(DEFAULTS_RESOURCE).read_text(encoding="utf-8")
    values = _parse_toml(defaults_text, DEFAULTS_RESOURCE)
    _check_keys(values, DEFAULTS_RESOURCE)
    if path is not None:
        try:
            data = read_regular(path, MAX_CONFIG_BYTES).removeprefix(codecs.BOM_UTF8)
            text = data.decode("utf-8") if problems is None else ""
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not valid UTF-8"
            raise ConfigError(
                f"cannot read config file ({reason})",
                path=path_text(path),
                hint="give a regular TOML file of the settings to change",
            ) from exc
        if problems is None:
            user = _parse_toml(text, path_text(path))
            _check_keys(user, path_text(path))
        else:
            user = _parse_leniently(data, path_text(path), problems)
        for section, keys in user.items():
            values[section].update(keys)
    for override in overrides:
        section, key, value = _parse_override(override)
        _check_keys({section: {key: value}}, "--set")
        values[section][key] = value
    return _build(values)


def _schema() -> dict[str, dict[str, Any]]:
    """Return {section: {key: type}} from the dataclasses."""
    sections = get_type_hints(Config)
    return {name: get_type_hints(cls) for name, cls in sections.items()}


def _parse_toml(text: str, source: str) -> dict[str, dict[str, Any]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML ({exc})", path=source, line=_error_line(exc)) from exc
    except RecursionError as exc:
        raise ConfigError(_TOO_DEEP, path=source, hint=_TOO_DEEP_HINT) from exc
    for section, keys in data.items():
        if not isinstance(keys, dict):
            raise ConfigError(
                f"{section} must be a [section] table, not a single value",
                path=source,
                hint=f"allowed sections: {', '.join(_schema())}",
            )
    return data


def _error_line(exc: tomllib.TOMLDecodeError) -> int | None:
    match = _TOML_AT.search(str(exc))
    return int(match.group(1)) if match else None


def _parse_leniently(
    data: bytes, source: str, problems: list[ConfigError]
) -> dict[str, dict[str, Any]]:
    """Return the well-formed, known and well-typed keys of a TOML file; report the rest."""
    found: list[ConfigError] = []
    lines = []
    for number, raw in enumerate(data.split(b"\n"), start=1):  # numbered as TOML numbers them
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            reason = f"not valid UTF-8 ({exc.reason} at column {exc.start + 1}); line skipped"
            found.append(ConfigError(reason, path=source, line=number, hint="save as UTF-8"))
            lines.append("")
    values = _lenient_toml(lines, source, found)
    problems.extend(sorted(found, key=lambda problem: problem.line or 0))
    return values


def _lenient_toml(
    lines: list[str], source: str, problems: list[ConfigError]
) -> dict[str, dict[str, Any]]:
    """Parse `lines`, blanking each line TOML stops at; keep the known, well-typed keys."""
    blanked = 0
    while True:  # ends at the latest when every line is blank
        try:
            data = tomllib.loads("\n".join(lines))
            break
        except RecursionError:
            problems.append(ConfigError(_TOO_DEEP, path=source, hint=_TOO_DEEP_HINT))
            return {}
        except tomllib.TOMLDecodeError as exc:
            blanked += 1
            if blanked > MAX_CONFIG_PROBLEMS:  # each retry parses the whole file again
                reason = f"over {MAX_CONFIG_PROBLEMS} lines are not valid TOML; file not used"
                problems.append(ConfigError(reason, path=source, line=_error_line(exc)))
                return {}
            number = _error_line(exc)
            filled = [i + 1 for i, line in enumerate(lines) if line]
            if number is None or number not in filled:  # "at end of document"
                number = filled[-1]
            reason = f"not valid TOML ({_TOML_AT.sub('', str(exc)).strip()}); line skipped"
            problems.append(ConfigError(reason, path=source, line=number))
            lines[number - 1] = ""
    where = _key_lines(lines)

    def line_of(section: str | None, key: str | None) -> int | None:
        """The line of a key; a dotted or quoted key is found by its name."""
        if (section, key) in where:
            return where[(section, key)]
        name = key or section or ""
        return next((n for n, line in enumerate(lines, start=1) if name in line), None)

    schema = _schema()
    kept: dict[str, dict[str, Any]] = {}
    for section, keys in data.items():
        if not isinstance(keys, dict) or section not in schema:
            reason = (
                f"{section} must be a [section] table, not a single value"
                if not isinstance(keys, dict)
                else f"unknown section [{section}]"
            )
            hint = f"allowed sections: {', '.join(schema)}; skipped"
            line = line_of(section, None) if isinstance(keys, dict) else line_of(None, section)
            problems.append(ConfigError(reason, path=source, line=line, hint=hint))
            continue
        for key, value in keys.items():
            line = line_of(section, key)
            if key not in schema[section]:
                allowed = ", ".join(f"{section}.{k}" for k in schema[section])
                problems.append(
                    ConfigError(
                        f"unknown setting {section}.{key}; line skipped",
                        path=source,
                        line=line,
                        hint=f"allowed keys in [{section}]: {allowed}",
                    )
                )
                continue
            try:
                _coerce(f"{section}.{key}", value, schema[section][key])
            except ConfigError as exc:
                problems.append(
                    ConfigError(
                        f"{exc.reason}; line skipped", path=source, line=line, hint=exc.hint
                    )
                )
                continue
            kept.setdefault(section, {})[key] = value
    return kept


def _key_lines(lines: Sequence[str]) -> dict[tuple[str | None, str | None], int]:
    """Return {(section, key): line} of simple `[section]` and `key =` lines."""
    found: dict[tuple[str | None, str | None], int] = {}
    section: str | None = None
    for number, line in enumerate(lines, start=1):
        if header := _HEADER.match(line):
            section = header.group(1)
            found.setdefault((section, None), number)
        elif key := _KEY.match(line):
            found.setdefault((section, key.group(1)), number)
    return found


def _check_keys(values: Mapping[str, Mapping[str, Any]], source: str) -> None:
    schema = _schema()
    for section, keys in values.items():
        if section not in schema:
            raise ConfigError(
                f"unknown section [{section}]",
                path=source,
                hint=f"allowed sections: {', '.join(schema)}",
            )
        for key in keys:
            if key not in schema[section]:
                allowed = ", ".join(f"{section}.{k}" for k in schema[section])
                raise ConfigError(
                    f"unknown setting {section}.{key}",
                    path=source,
                    hint=f"allowed keys in [{section}]: {allowed}",
                )


def _parse_override(override: str) -> tuple[str, str, Any]:
    name, sep, raw = override.partition("=")
    section, dot, key = name.strip().partition(".")
    if not sep or not dot or not section or not key:
        raise ConfigError(
            f"cannot read override {override!r}",
            path="--set",
            hint="write it as section.key=value, e.g. input.max_document_chars=2000000",
        )
    try:
        value: Any = tomllib.loads(f"value = {raw}")["value"]
    except RecursionError as exc:
        raise ConfigError(_TOO_DEEP, path="--set", hint=_TOO_DEEP_HINT) from exc
    except tomllib.TOMLDecodeError:
        value = raw.strip()
        if _schema().get(section, {}).get(key) == tuple[str, ...]:
            value = [part.strip() for part in value.split(",") if part.strip()]
    return section, key, value


def _build(values: Mapping[str, Mapping[str, Any]]) -> Config:
    sections: dict[str, Any] = {}
    for section, types in _schema().items():
        cls = get_type_hints(Config)[section]
        checked = {
            key: _coerce(f"{section}.{key}", values[section][key], t) for key, t in types.items()
        }
        sections[section] = cls(**checked)
    return Config(**sections)


def _coerce(name: str, value: Any, expected: Any) -> Any:
    """Return `value` as type `expected`, or raise ConfigError naming the setting."""
    if expected is bool:
        ok = isinstance(value, bool)
    elif expected is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif expected is str:
        ok = isinstance(value, str)
    elif expected is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if ok and not 0.0 <= value <= 1.0:
            raise ConfigError(f"{name} must be between 0 and 1, not {value}")
        value = float(value) if ok else value
    else:  # tuple[str, ...]
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    if not ok:
        raise ConfigError(
            f"{name} must be {_type_name(expected)}, not {type(value).__name__} {_shown(value)}",
            hint="check the value in your config file or --set option",
        )
    if name in _MINIMUM and value < _MINIMUM[name]:
        raise ConfigError(f"{name} must be at least {_MINIMUM[name]}, not {value}")
    if name in _MAXIMUM and value > _MAXIMUM[name]:
        raise ConfigError(
            f"{name} must be at most {_MAXIMUM[name]:,}, not {_shown(value)}",
            hint="a larger value would exhaust memory before it could be used",
        )
    if isinstance(value, str | list) and len(value) > MAX_CONFIG_ITEMS:
        raise ConfigError(
            f"{name} has {len(value):,} {'items' if isinstance(value, list) else 'characters'}, "
            f"over the limit of {MAX_CONFIG_ITEMS}"
        )
    if name == "coder.perspectives":
        for entry in value:
            if not _PERSPECTIVE.fullmatch(entry):
                raise ConfigError(
                    f"{name}: {entry!r} is not SOURCE=CODE",
                    hint='write e.g. "hotair.com=USA": a part of the path or URL, a country code',
                )
        return tuple(value)
    if expected not in (bool, int, str, float):
        for encoding in value:
            if len(encoding) > 64:
                raise ConfigError(f"{name}: unknown encoding {_shown(encoding)}")
            try:
                codecs.lookup(encoding)
            except LookupError as exc:
                raise ConfigError(f"{name}: unknown encoding {encoding!r}") from exc
        return tuple(value)
    return value


def _shown(value: Any) -> str:
    """Return `value` for a message: its repr, cut to 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _type_name(expected: Any) -> str:
    names = {bool: "true or false", int: "an integer", str: "a string", float: "a number"}
    return names.get(expected, "a list of strings")


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
