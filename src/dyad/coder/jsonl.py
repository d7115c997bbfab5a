"""Read a JSON-lines file: one document per line, a rejection per line that cannot be one.

Each line is one JSON object with a "text" string and optional "id", "date", "title", "url"
and "perspective". Lines end at "\\n", "\\r\\n" or a lone "\\r", but a JSON line may hold raw
CRs inside its strings; a UTF-16/32 file is re-encoded so it splits on its own line ends.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dyad.coder.admit import Item, admit_document, parse_date, size_hint
from dyad.coder.decode import SURROGATE, decode_bytes, jsonl_encoding, normalise_text
from dyad.config import Config
from dyad.files import path_text
from dyad.records import Document, Rejection

# Bytes per allowed character before a line is refused unread: a JSON line may spell a
# character as a 12-byte surrogate-pair escape.
JSON_LINE_BYTES_PER_CHAR = 12
_OPTIONAL_FIELDS = ("title", "url", "perspective")
# An author's country becomes the code of "we": only a CAMEO country code may.
PERSPECTIVE = re.compile(r"[A-Z]{3}")


def read_jsonl(path: Path, stream: BinaryIO, config: Config) -> Iterator[Item]:
    encoding = jsonl_encoding(stream.read(4096), os.fstat(stream.fileno()).st_size)
    stream.seek(0)
    if not encoding.startswith(("utf-16", "utf-32")):
        yield from _read_jsonl_lines(path, stream.readline, config)
        return
    # Windows tools write UTF-16 JSON lines; re-encode so lines split on "\n", not "\n\0".
    wrapper = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        yield from _read_jsonl_lines(
            path, lambda size: wrapper.readline(size).encode("utf-8", "surrogatepass"), config
        )
    finally:
        wrapper.detach()  # the caller closes `stream`


def _read_jsonl_lines(
    path: Path, readline: Callable[[int], bytes], config: Config
) -> Iterator[Item]:
    limit = JSON_LINE_BYTES_PER_CHAR * config.input.max_document_chars
    number = 0
    try:
        for number, raw in _lines(readline, limit):
            yield from _jsonl_line(path, number, raw, limit, config)
    except UnicodeDecodeError as exc:
        reason = f"binary or undecodable content after line {number} ({exc.reason}); rest skipped"
        yield Rejection(path_text(path), reason, line=number + 1, hint="save the file as UTF-8")


def _jsonl_line(
    path: Path, number: int, raw: bytes | None, limit: int, config: Config
) -> Iterator[Item]:
    where = path_text(path)
    if raw is None:
        reason = f"line has over {limit:,} bytes, too long for any allowed document; line skipped"
        yield Rejection(where, reason, line=number, hint=size_hint(None))
        return
    if not raw.strip():
        return
    decoded = decode_bytes(raw, config.input.encoding_fallbacks)
    if isinstance(decoded, str):
        yield Rejection(where, f"{decoded}; line skipped", line=number, hint="save as UTF-8")
        return
    try:
        record = json.loads(decoded.text, strict=False)
    except json.JSONDecodeError as exc:
        yield Rejection(where, _json_reason(decoded.text, exc), line=number, hint=_json_hint(path))
        return
    except RecursionError:
        reason = "JSON nested too deep to read (arrays or objects within each other); line skipped"
        yield Rejection(where, reason, line=number, hint=_json_hint(path))
        return
    if not isinstance(record, dict):
        reason = f"line holds {json_type(record)}, not an object; line skipped"
        yield Rejection(where, reason, line=number, hint=_json_hint(path))
        return
    problem = _field_problem(record)
    if problem:
        yield Rejection(where, f"{problem}; line skipped", line=number, hint=_json_hint(path))
        return
    warnings = list(decoded.warnings)
    extra: dict[str, str | None] = {}
    for name in _OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            warnings.append(f'field "{name}" is {json_type(value)}, not a string; ignored')
            value = None
        extra[name] = normalise_text(value).strip() or None if value else None
    if extra["perspective"] is not None and (problem := perspective_problem(extra["perspective"])):
        warnings.append(f"{problem}; ignored")
        extra["perspective"] = None
    day = None
    if record.get("date") is not None:
        day = parse_date(record["date"]) if isinstance(record["date"], str) else None
        if day is None:
            warnings.append(f"date {record['date']!r} is not a valid date; document kept undated")
    body = normalise_text(record["text"])
    title = extra["title"]
    document = Document(
        doc_id=_id_text(record.get("id")) or f"{path_text(path.stem)}:{number}",
        text=f"{title}\n\n{body}" if title else body,
        path=where,
        line=number,
        date=day,
        title=title,
        url=extra["url"],
        perspective=extra["perspective"],
        content_type="jsonl",
    )
    yield from admit_document(document, warnings, config, body)


def json_type(value: object) -> str:
    """Return what a decoded JSON value is, in JSON's words ("a number", not "a int")."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, dict) else "null"


def _id_text(value: object) -> str | None:
    """Return a JSON line's `id` as text that encodes to UTF-8, None when it has none."""
    return None if value is None else SURROGATE.sub("\ufffd", str(value))


def perspective_problem(value: str) -> str | None:
    """Return why `value` is no author country (a CAMEO country code: three capitals)."""
    if PERSPECTIVE.fullmatch(value):
        return None
    shown = value if len(value) <= 20 else value[:20] + "..."
    return f"perspective {shown!r} is not a country code such as USA or IRQ"


def _field_problem(record: dict[str, Any]) -> str | None:
    text = record.get("text")
    if "text" not in record:
        return 'no "text" field'
    if not isinstance(text, str):
        return f'field "text" is {json_type(text)}, not a string'
    if not text.replace("\x00", "").strip():
        return 'field "text" is empty'
    doc_id = record.get("id")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, str | int)):
        return f'field "id" is {json_type(doc_id)}, not a string or integer'
    if isinstance(doc_id, str) and not doc_id.strip():
        return 'field "id" is empty'
    return None


def _lines(readline: Callable[[int], bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield (1-based line number, bytes) per line, None for a line over `limit` bytes.

    Lines end at "\n", "\r\n" or a lone "\r", except that a line holding one JSON value
    with raw CRs in its strings is one line (numbered by its first); blank lines are
    counted and yielded.
    """
    number = 0
    while raw := readline(limit + 1):
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest without holding it
                raw = readline(limit + 1)
            number += 1
            yield number, None
            continue
        if number == 0:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        line = raw.removesuffix(b"\n").removesuffix(b"\r")
        parts = line.split(b"\r")
        if len(parts) > 1 and one_json_value(line):
            parts = [line]  # a raw CR inside a JSON string, not a line end
        for part in parts:
            number += 1
            yield number, part
        number += len(line.split(b"\r")) - len(parts)  # the CRs still count as lines


def one_json_value(line: bytes) -> bool:
    """Return whether `line` (with lone CRs in it) reads as one JSON value."""
    try:
        json.loads(line.decode("utf-8", "replace"), strict=False)
    except (ValueError, RecursionError):
        return False
    return True


def _json_reason(line: str, exc: json.JSONDecodeError) -> str:
    at_end = exc.pos >= len(line.rstrip()) or exc.msg.startswith("Unterminated string")
    kind = "truncated JSON" if at_end else "malformed JSON"
    at = "" if exc.msg.endswith(" at") else " at"
    return f"{kind} ({exc.msg}{at} column {exc.colno}); line skipped"


def _json_hint(path: Path) -> str:
    shape = 'each line must be one JSON object with a "text" string'
    return f"{shape}; .json files are read as JSON lines" if path.suffix == ".json" else shape
