"""Read documents from text, HTML and JSON-lines files, never stopping at a bad one.

Reads: paths to files or directories (walked recursively in sorted order, taking *.txt,
*.text, *.html, *.htm, *.jsonl and *.json, where .json files are read as JSON lines; a file
named explicitly with another extension is read as plain text).
Adds: `Document(doc_id, text, path, line, date, title, url, content_type)` per document, and
`Rejection(stage="read")` for each file, line or document that cannot be read. A document that
was kept but needed a guess (a fallback encoding, replaced bytes, an unreadable date) comes
with a `Rejection(stage="read-warning")` naming what was guessed.

Every text has its newlines normalised to "\\n" and NUL characters removed. Decoding is
UTF-8 (BOM stripped), UTF-16/32 when a byte-order mark says so, else `encoding_fallbacks` for
bytes that look like text; UTF-16 without a byte-order mark is rejected as binary.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal

from charset_normalizer import from_bytes
from selectolax.lexbor import LexborHTMLParser, LexborNode

from dyad.config import Config
from dyad.records import Document, Rejection

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".json"})
# Bytes per allowed character before a file is refused unread: UTF-8 and UTF-32 need at most
# 4; a JSON line may spell a character as a 12-byte surrogate-pair escape.
FILE_BYTES_PER_CHAR = 4
JSON_LINE_BYTES_PER_CHAR = 12
# Deeper HTML is not parsed: lexbor's time grows with the square of the nesting depth.
MAX_HTML_DEPTH = 2_000
_OPTIONAL_FIELDS = ("title", "url", "perspective")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ESCAPED_BYTE = re.compile(r"[\udc80-\udcff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?")
_DROPPED_TAGS = ["script", "style", "noscript", "template", "svg"]
_BLOCK_TAGS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 tr blockquote article section ul ol dl dt dd table header "
    "footer nav main aside figure figcaption pre form address".split()
)
_BREAK_TAGS = frozenset({"br", "hr"})
_CELL_TAGS = frozenset({"td", "th"})
_HTML_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "date",
    "dc.date",
    "pubdate",
    "datepublished",
)
_VOID_OR_OPTIONAL_END = frozenset(
    "area base br col embed hr img input link meta source track wbr param p li dt dd tr td th "
    "option optgroup thead tbody tfoot colgroup caption rb rt rp html head body".split()
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
_SPACES = re.compile(r"[ \t\f\v\xa0]+")


@dataclass(frozen=True, slots=True)
class _Decoded:
    text: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Page:
    text: str
    body: str
    title: str | None
    date: str | None
    url: str | None
    warnings: tuple[str, ...] = ()


Item = Document | Rejection


def read_documents(paths: Iterable[Path], config: Config) -> Iterator[Document | Rejection]:
    """Yield the documents in `paths`, and a rejection for everything that could not be read.

    Args:
        paths: Files or directories; directories are walked recursively in sorted order.
        config: Settings; `config.input` gives the size limit and fallback encodings.

    Returns:
        An iterator of `Document`s and `Rejection`s in file order (and line order within a
        JSON-lines file). Rejections with stage "read-warning" follow the document they
        describe, which was kept. Bad input never raises.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path, config, set())
        else:
            yield from _read_file(path, config)


def _walk(directory: Path, config: Config, seen: set[tuple[int, int]]) -> Iterator[Item]:
    try:
        info = directory.stat()
        if (info.st_dev, info.st_ino) in seen:  # a symlink loop
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield _cannot_read(directory, exc, "directory")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError as exc:
            yield _cannot_read(path, exc, "directory entry")
            continue
        if is_dir:
            yield from _walk(path, config, seen)
        elif path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
            yield from _read_file(path, config)


def _read_file(path: Path, config: Config) -> Iterator[Item]:
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as stream:
            if suffix in JSONL_SUFFIXES:
                yield from _read_jsonl(path, stream, config)
            else:
                yield from _read_whole(path, stream, config, suffix in HTML_SUFFIXES)
    except OSError as exc:
        yield _cannot_read(path, exc, "file")


def _read_whole(path: Path, stream: BinaryIO, config: Config, html: bool) -> Iterator[Item]:
    limit = config.input.max_document_chars
    max_bytes = FILE_BYTES_PER_CHAR * limit
    size = os.fstat(stream.fileno()).st_size
    data = stream.read(max_bytes + 1) if size <= max_bytes else b""
    if size > max_bytes or len(data) > max_bytes:
        reason = (
            f"file has {max(size, len(data)):,} bytes, over the {max_bytes:,} that can hold "
            f"input.max_document_chars = {limit:,} characters; not read"
        )
        yield Rejection(str(path), reason, hint=_size_hint(size // FILE_BYTES_PER_CHAR))
        return
    decoded = decode_bytes(data, config.input.encoding_fallbacks)
    if isinstance(decoded, str):
        yield Rejection(str(path), decoded, hint="save the file as UTF-8")
        return
    text, warnings = normalise_text(decoded.text), list(decoded.warnings)
    content_type: Literal["text", "html"] = "text"
    date = title = url = None
    if html:
        page = extract_html(text)
        text, title, date, url, content_type = page.text, page.title, page.date, page.url, "html"
        warnings.extend(page.warnings)
    document = Document(
        f"{path.stem}-{text_id(text)}", text, str(path), None, date, title, url, None, content_type
    )
    yield from _checked(document, warnings, config)


def _read_jsonl(path: Path, stream: BinaryIO, config: Config) -> Iterator[Item]:
    limit = JSON_LINE_BYTES_PER_CHAR * config.input.max_document_chars
    for number, raw in _lines(stream, limit):
        where = str(path)
        if raw is None:
            reason = f"line has over {limit:,} bytes, too long for any allowed document"
            yield Rejection(where, f"{reason}; line skipped", line=number, hint=_size_hint(None))
            continue
        if not raw.strip():
            continue
        decoded = decode_bytes(raw, config.input.encoding_fallbacks)
        if isinstance(decoded, str):
            hint = "save the file as UTF-8"
            yield Rejection(where, f"{decoded}; line skipped", line=number, hint=hint)
            continue
        yield from _jsonl_record(path, number, decoded.text, list(decoded.warnings), config)


def _jsonl_record(
    path: Path, number: int, line: str, warnings: list[str], config: Config
) -> Iterator[Item]:
    where = str(path)
    try:
        record = json.loads(line, strict=False)
    except json.JSONDecodeError as exc:
        yield Rejection(where, _json_reason(line, exc), line=number, hint=_json_hint(path))
        return
    if not isinstance(record, dict):
        reason = f"line holds a JSON {type(record).__name__}, not an object; line skipped"
        yield Rejection(where, reason, line=number, hint='write one {"id": ..., "text": ...}')
        return
    problem = _field_problem(record)
    if problem:
        yield Rejection(where, f"{problem}; line skipped", line=number, hint=_json_hint(path))
        return
    extra: dict[str, str | None] = {}
    for name in _OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            warnings.append(f'field "{name}" is a {type(value).__name__}, not a string; ignored')
            value = None
        extra[name] = normalise_text(value).strip() or None if value else None
    date = None
    if record.get("date") is not None:
        date = parse_date(record["date"]) if isinstance(record["date"], str) else None
        if date is None:
            warnings.append(f'date {record["date"]!r} is not a valid date; document kept undated')
    text = normalise_text(record["text"])
    if extra["title"]:
        text = f"{extra['title']}\n\n{text}"
    doc_id = str(record["id"]) if record.get("id") is not None else f"{path.stem}:{number}"
    document = Document(
        doc_id, text, str(path), number, date, extra["title"], extra["url"],
        extra["perspective"], "jsonl",
    )  # fmt: skip
    yield from _checked(document, warnings, config, body=record["text"])


def _field_problem(record: dict[str, Any]) -> str | None:
    text = record.get("text")
    if "text" not in record:
        return 'no "text" field'
    if not isinstance(text, str):
        return f'field "text" is a {type(text).__name__}, not a string'
    if not text.replace("\x00", "").strip():
        return 'field "text" is empty'
    doc_id = record.get("id")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, str | int)):
        return f'field "id" is a {type(doc_id).__name__}, not a string or integer'
    if doc_id == "":
        return 'field "id" is empty'
    return None


def _checked(
    document: Document, warnings: list[str], config: Config, body: str | None = None
) -> Iterator[Item]:
    """Yield `document` and its warnings, or one rejection if it is empty or too long."""
    where, line = document.path, document.line
    limit = config.input.max_document_chars
    if not (document.text if body is None else body).strip():
        yield Rejection(where, "empty document", line=line, hint="the file holds no text")
        return
    if len(document.text) > limit:
        reason = f"document has {len(document.text):,} characters, over the limit of {limit:,}"
        yield Rejection(
            where, reason, line=line, hint=_size_hint(len(document.text)), doc_id=document.doc_id
        )
        return
    yield document
    for warning in warnings:
        yield Rejection(where, warning, "read-warning", line, doc_id=document.doc_id)


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield (1-based line number, bytes) per line, None for a line over `limit` bytes.

    Lines end at "\\n", "\\r\\n" or a lone "\\r"; blank lines are counted and yielded.
    """
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the over-long line
                raw = stream.readline(limit + 1)
            number += 1
            yield number, None
            continue
        if number == 0 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        for part in raw.rstrip(b"\n").removesuffix(b"\r").split(b"\r"):
            number += 1
            yield number, part


def _json_reason(line: str, exc: json.JSONDecodeError) -> str:
    at_end = exc.pos >= len(line.rstrip()) or exc.msg.startswith("Unterminated string")
    kind = "truncated JSON" if at_end else "malformed JSON"
    return f"{kind} ({exc.msg} at column {exc.colno}); line skipped"


def _json_hint(path: Path) -> str:
    shape = 'each line must be one JSON object with a "text" string'
    return f"{shape}; .json files are read as JSON lines" if path.suffix == ".json" else shape


def _size_hint(chars: int | None) -> str:
    value = f"{chars:,}".replace(",", "_") if chars else "N"
    return (
        f"raise input.max_document_chars with --set input.max_document_chars={value} "
        "or split the document"
    )


def _cannot_read(path: Path, exc: OSError, what: str) -> Rejection:
    reason = exc.strerror or type(exc).__name__
    return Rejection(str(path), f"cannot read {what} ({reason})", hint="check the path and its permissions")
