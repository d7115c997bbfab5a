"""Read documents from text, HTML and JSON-lines files, never stopping at a bad one.

Reads: paths to files or directories (walked recursively in sorted order, taking *.txt,
*.text, *.html, *.htm, *.jsonl and *.json, where .json files are read as JSON lines; a file
named explicitly with another extension is read as plain text).
Adds: `Document(doc_id, text, path, line, date, title, url, content_type)` per document, and
`Rejection(stage="read")` for each file, line or document that cannot be read. A document that
was kept but needed a guess (a fallback encoding, replaced bytes, an unreadable date) comes
with a `Rejection(stage="read-warning")` naming what was guessed.

Every text has its newlines normalised to "\\n" and NUL characters removed. Decoding is
UTF-8 (BOM stripped), UTF-16/32 when a byte-order mark says so or, without one, when NULs
fall as in UTF-16/32 text (with a warning); UTF-8 with stray bytes of another encoding has
those bytes read in the first of `encoding_fallbacks`, and other bytes that look like text
are read in the first fallback that fits. A JSON line may hold raw CRs inside its strings.
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
from typing import Any, BinaryIO

from charset_normalizer import from_bytes
from selectolax.lexbor import LexborHTMLParser, LexborNode

from dyad.config import Config
from dyad.files import NOT_REGULAR, open_regular, path_text
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
# An author's country becomes the code of "we": only a CAMEO country code may.
PERSPECTIVE = re.compile(r"[A-Z]{3}")
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
_ISO_DATE = re.compile(
    r"(\d{4}-\d{2}-\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?"
)
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MONTH_DATE = re.compile(r"(\d{4})-(\d{2})")  # a month-precision reference date
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
_FOREIGN_ROOTS = frozenset({"svg", "math"})
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
    for item in input_files(paths):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from _read_file(item, config)


def input_files(paths: Iterable[Path]) -> Iterator[Path | Rejection]:
    """Yield the files `read_documents` reads, in its order, and a rejection for each it cannot.

    A directory is walked recursively in sorted order and gives its files with a known
    suffix; a named file is given whatever its suffix. A directory that cannot be listed
    becomes a rejection, and so does a FIFO, socket or device with a known suffix (reading
    one could wait forever).
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path, set())
        else:
            yield path


def _walk(directory: Path, seen: set[tuple[int, int]]) -> Iterator[Path | Rejection]:
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
            yield from _walk(path, seen)
        elif path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
            yield path


def _read_file(path: Path, config: Config) -> Iterator[Item]:
    suffix = path.suffix.lower()
    try:
        with open_regular(path) as stream:
            if suffix in JSONL_SUFFIXES:
                yield from _read_jsonl(path, stream, config)
            else:
                yield from _read_whole(path, stream, config, suffix in HTML_SUFFIXES)
    except OSError as exc:
        yield _cannot_read(path, exc, "file")


def _read_whole(path: Path, stream: BinaryIO, config: Config, is_html: bool) -> Iterator[Item]:
    limit = config.input.max_document_chars
    max_bytes = FILE_BYTES_PER_CHAR * limit
    size = os.fstat(stream.fileno()).st_size
    data = stream.read(max_bytes + 1) if size <= max_bytes else b""
    if size > max_bytes or len(data) > max_bytes:
        size = max(size, len(data))
        reason = (
            f"file has {size:,} bytes, over the {max_bytes:,} that can hold "
            f"input.max_document_chars = {limit:,} characters; not read"
        )
        yield Rejection(path_text(path), reason, hint=_size_hint(size // FILE_BYTES_PER_CHAR))
        return
    decoded = _decode(data, config.input.encoding_fallbacks)
    if isinstance(decoded, str):
        yield Rejection(path_text(path), decoded, hint="save the file as UTF-8")
        return
    text = normalise_text(decoded.text)
    page = _extract_html(text) if is_html else _Page(text, text, None, None, None)
    document = Document(
        doc_id=f"{path_text(path.stem)}-{_text_id(page.text)}",
        text=page.text,
        path=path_text(path),
        date=page.date,
        title=page.title,
        url=page.url,
        content_type="html" if is_html else "text",
    )
    yield from _checked(document, [*decoded.warnings, *page.warnings], config, page.body)


def _read_jsonl(path: Path, stream: BinaryIO, config: Config) -> Iterator[Item]:
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


def jsonl_encoding(head: bytes, size: int) -> str:
    """Return the encoding a JSON-lines file of `size` bytes starting with `head` is read in.

    A byte-order mark says UTF-16 or UTF-32; without one, NULs in the pattern of Latin
    text in UTF-16/32 say so (`wide_encoding`); anything else is read line by line as UTF-8.
    """
    marked = next((enc for mark, enc in _BOMS if head.startswith(mark)), None)
    if marked is not None:
        return marked
    wide = wide_encoding(head)
    if wide is not None and size % (2 if wide.startswith("utf-16") else 4) == 0:
        return wide
    return "utf-8"


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
        yield Rejection(where, reason, line=number, hint=_size_hint(None))
        return
    if not raw.strip():
        return
    decoded = _decode(raw, config.input.encoding_fallbacks)
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
        reason = f"line holds a JSON {type(record).__name__}, not an object; line skipped"
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
            warnings.append(f'field "{name}" is a {type(value).__name__}, not a string; ignored')
            value = None
        extra[name] = normalise_text(value).strip() or None if value else None
    if extra["perspective"] is not None and (problem := perspective_problem(extra["perspective"])):
        warnings.append(f"{problem}; ignored")
        extra["perspective"] = None
    day = None
    if record.get("date") is not None:
        day = _parse_date(record["date"]) if isinstance(record["date"], str) else None
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
    yield from _checked(document, warnings, config, body)


def _id_text(value: object) -> str | None:
    """Return a JSON line's `id` as text that encodes to UTF-8, None when it has none."""
    return None if value is None else _SURROGATE.sub("\ufffd", str(value))


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
        return f'field "text" is a {type(text).__name__}, not a string'
    if not text.replace("\x00", "").strip():
        return 'field "text" is empty'
    doc_id = record.get("id")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, str | int)):
        return f'field "id" is a {type(doc_id).__name__}, not a string or integer'
    if isinstance(doc_id, str) and not doc_id.strip():
        return 'field "id" is empty'
    return None


def _checked(document: Document, warnings: list[str], config: Config, body: str) -> Iterator[Item]:
    """Yield `document` and its warnings, or one rejection if it is empty or too long."""
    where, line = document.path, document.line
    limit = config.input.max_document_chars
    if not body.strip():
        yield Rejection(where, "empty document", line=line, hint="the input holds no text")
        return
    if len(document.text) > limit:
        chars = len(document.text)
        reason = f"document has {chars:,} characters, over the limit of {limit:,}"
        yield Rejection(where, reason, line=line, hint=_size_hint(chars), doc_id=document.doc_id)
        return
    yield document
    for warning in warnings:
        yield Rejection(
            where, warning, "read-warning", line, _warning_hint(warning), document.doc_id
        )


def _warning_hint(warning: str) -> str | None:
    if warning.startswith("date "):
        return "write dates as YYYY-MM-DD"
    if "UTF-8" in warning or "NUL" in warning or "byte-order" in warning:
        return "the document was kept; save the input as UTF-8 to avoid the guess"
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


def _decode(data: bytes, fallbacks: Iterable[str]) -> _Decoded | str:
    """Return the decoded text and warnings, or the reason the bytes are not text."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            if encoding == "utf-8-sig":
                data = data[len(mark) :]
                break
            try:
                return _Decoded(data.decode(encoding))
            except UnicodeDecodeError as exc:
                where = f"{exc.reason} at offset {exc.start:,}"
                return f"binary or undecodable content (marked {encoding.upper()} but {where})"
    wide = wide_encoding(data)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            pass
        else:
            if not _mostly_control(text):
                return _Decoded(text, (f"no byte-order mark; read as {wide.upper()}",))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _decode_legacy(data, exc, fallbacks)
    nuls = text.count("\x00")
    if nuls and (nuls * 10 > len(data) or _looks_utf16(data)):
        return _binary_reason(data, f"{nuls:,} NUL bytes")
    if _mostly_control(text.replace("\x00", "")):
        return _binary_reason(data, "control characters")
    if nuls:
        first = data.index(0)
        return _Decoded(text, (f"removed {nuls:,} NUL bytes (first at offset {first:,})",))
    return _Decoded(text)


def _decode_legacy(
    data: bytes, exc: UnicodeDecodeError, fallbacks: Iterable[str]
) -> _Decoded | str:
    where = f"{exc.reason} at offset {exc.start:,}"
    if 0 in data:
        return _binary_reason(data, f"NUL bytes, and not valid UTF-8: {where}")
    escaped = data.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED_BYTE.findall(escaped))
    good = sum(1 for char in escaped if char > "\x7f") - bad
    looks_text = good >= bad or from_bytes(data).best() is not None
    if good and looks_text:  # UTF-8 with stray bytes of another encoding: each read as its own
        fallback = next(iter(fallbacks), None)
        count = f"{bad:,} byte is" if bad == 1 else f"{bad:,} bytes are"
        if fallback is None:
            warning = f"mostly UTF-8, but {count} not (first: {where}); replaced with U+FFFD"
            return _Decoded(data.decode("utf-8", "replace"), (warning,))
        text = data.decode("utf-8", _fallback_handler(fallback))
        if not _mostly_control(text):
            warning = f"mixed encodings: UTF-8, but {count} {fallback} (first: {where})"
            return _Decoded(text, (warning,))
    if looks_text:
        for encoding in fallbacks:
            try:
                text = data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
            if not _mostly_control(text):
                return _Decoded(text, (f"not valid UTF-8 ({where}); decoded as {encoding}",))
    return _binary_reason(data, f"not valid UTF-8 ({where}) nor {', '.join(fallbacks) or 'text'}")


def _fallback_handler(encoding: str) -> str:
    """Return the name of a decoding error handler reading each bad byte as `encoding`."""
    name = f"dyad-{encoding}"
    try:
        codecs.lookup_error(name)
    except LookupError:

        def handler(exc: UnicodeError) -> tuple[str, int]:
            assert isinstance(exc, UnicodeDecodeError)
            chunk = exc.object[exc.start : exc.end]
            try:
                return chunk.decode(encoding), exc.end
            except UnicodeDecodeError:  # a byte cp1252 leaves undefined
                return chunk.decode("latin-1"), exc.end

        codecs.register_error(name, handler)
    return name


def wide_encoding(data: bytes) -> str | None:
    """Return "utf-16-le" etc. when NULs fill the bytes as UTF-16/32 text without a BOM does.

    Latin text in UTF-32 has three NULs in every four bytes, in UTF-16 one in two.
    """
    sample = data[:4096]
    if len(sample) < 4 or any(sample.startswith(mark) for mark, _encoding in _BOMS):
        return None
    share = [sample[i::4].count(0) / len(sample[i::4]) for i in range(4)]
    if len(data) % 4 == 0 and min(share[1:]) > 0.9 and share[0] < 0.5:
        return "utf-32-le"
    if len(data) % 4 == 0 and min(share[:3]) > 0.9 and share[3] < 0.5:
        return "utf-32-be"
    even, odd = (share[0] + share[2]) / 2, (share[1] + share[3]) / 2
    if len(data) % 2 == 0 and odd > 0.6 and even < 0.2:
        return "utf-16-le"
    if len(data) % 2 == 0 and even > 0.6 and odd < 0.2:
        return "utf-16-be"
    return None


def _mostly_control(text: str) -> bool:
    """Return whether over 5% of `text` are control characters other than whitespace."""
    return len(_CONTROL.findall(text)) * 20 > len(text)


def _binary_reason(data: bytes, why: str) -> str:
    if _looks_utf16(data):
        why = "looks like UTF-16 without a byte-order mark"
    return f"binary or undecodable content ({why})"


def _looks_utf16(data: bytes) -> bool:
    """Return whether NULs fill most even or most odd bytes, as in UTF-16 Latin text."""
    sample = data[:4096]
    half = len(sample) // 2
    return half >= 2 and max(sample[0::2].count(0), sample[1::2].count(0)) > 0.6 * half


def normalise_text(text: str) -> str:
    """Return `text` with "\\n" line ends, no NUL, and U+FFFD for each lone surrogate."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return _SURROGATE.sub("\ufffd", text)  # lone surrogates from JSON escapes break UTF-8


def _text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def _parse_date(value: str) -> str | None:
    """Return `value` as YYYY-MM-DD, or YYYY-MM for a month; None if it is no real date."""
    value = value.strip()
    try:
        if match := _MONTH_DATE.fullmatch(value):
            return date(int(match.group(1)), int(match.group(2)), 1).isoformat()[:7]
        if match := _COMPACT_DATE.fullmatch(value):
            return date(*(int(part) for part in match.groups())).isoformat()
        if match := _ISO_DATE.fullmatch(value):
            if match.group(2):
                datetime.fromisoformat(value.replace(" ", "T"))
            return date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None
    return None


def _extract_html(source: str) -> _Page:
    """Return the readable text of an HTML page: its title, a blank line, then its blocks."""
    depth = _nesting_depth(source)
    if depth > MAX_HTML_DEPTH:
        text = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", source)
        text = _tidy(html.unescape(_TAG.sub("\n", text)))
        warning = f"HTML nested {depth:,} elements deep (over {MAX_HTML_DEPTH:,}); tags removed"
        return _Page(text, text, None, None, None, (warning,))
    tree = LexborHTMLParser(source)
    day = _html_date(tree)
    canonical = tree.css_first('link[rel="canonical"]')
    url = canonical.attributes.get("href") if canonical else None
    tree.strip_tags(_DROPPED_TAGS, recursive=True)
    title_node = tree.css_first("title")
    title = _tidy(title_node.text()) if title_node else ""
    if not title and (heading := tree.css_first("h1")):
        title = _tidy(heading.text())
        heading.decompose()
    body = _block_text(tree.body) if tree.body else ""
    text = f"{title}\n\n{body}" if title and body else title or body
    return _Page(text, body, title or None, day, url or None)


def _nesting_depth(source: str) -> int:
    """Return how deep the start tags nest, ignoring elements whose end tag may be left out.

    HTML ignores the slash of `<div/>`: only void elements and, inside `<svg>` or
    `<math>`, foreign ones close themselves, so 200,000 `<div/>` nest 200,000 deep.
    """
    depth = deepest = foreign = 0
    for match in _TAG.finditer(source):
        closing, name, self_closing = match.groups()
        name = name.lower()
        if name in _VOID_OR_OPTIONAL_END or (self_closing and foreign):
            continue
        if name in _FOREIGN_ROOTS:
            foreign = max(foreign - 1, 0) if closing else foreign + (not self_closing)
            if self_closing:
                continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _block_text(root: LexborNode) -> str:
    """Return the text under `root`, with a newline around each block element."""
    parts: list[str] = []
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:  # iterative, so deep nesting cannot exhaust the Python stack
        node, closing = stack.pop()
        tag = node.tag or ""
        if closing:
            parts.append(" " if tag in _CELL_TAGS else "\n")
        elif tag == "-text":
            parts.append(_SPACES.sub(" ", (node.text(deep=False) or "").replace("\n", " ")))
        elif tag in _BREAK_TAGS:
            parts.append("\n")
        elif not tag.startswith("-"):
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if tag in _BLOCK_TAGS or tag in _CELL_TAGS:
                stack.append((node, True))
            children = list(node.iter(include_text=True))
            stack.extend((child, False) for child in reversed(children))
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    """Collapse runs of spaces, strip each line, and keep at most one blank line in a row."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _html_date(tree: LexborHTMLParser) -> str | None:
    found: dict[str, str] = {}
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _HTML_DATE_KEYS and attrs.get("content"):
            found.setdefault(key, attrs["content"] or "")
    candidates = [found[key] for key in _HTML_DATE_KEYS if key in found]
    candidates += [node.attributes.get("datetime") or "" for node in tree.css("time[datetime]")]
    for value in candidates:
        day = _parse_date(value)
        if day is None:
            try:
                day = parsedate_to_datetime(value).date().isoformat()
            except (TypeError, ValueError, IndexError):
                continue
        return day
    return None


def _json_reason(line: str, exc: json.JSONDecodeError) -> str:
    at_end = exc.pos >= len(line.rstrip()) or exc.msg.startswith("Unterminated string")
    kind = "truncated JSON" if at_end else "malformed JSON"
    at = "" if exc.msg.endswith(" at") else " at"
    return f"{kind} ({exc.msg}{at} column {exc.colno}); line skipped"


def _json_hint(path: Path) -> str:
    shape = 'each line must be one JSON object with a "text" string'
    return f"{shape}; .json files are read as JSON lines" if path.suffix == ".json" else shape


def _size_hint(chars: int | None) -> str:
    value = str(chars) if chars else "N"
    return (
        f"raise input.max_document_chars with --set input.max_document_chars={value} "
        "or split the document"
    )


def _cannot_read(path: Path, exc: OSError, what: str) -> Rejection:
    reason = f"cannot read {what} ({exc.strerror or type(exc).__name__})"
    special = (exc.strerror or "").startswith(NOT_REGULAR)
    hint = "dyad reads regular files only" if special else "check the path and its permissions"
    return Rejection(path_text(path), reason, hint=hint)
