"""Read documents from text, HTML and JSON-lines files, never stopping at a bad one.

Reads: paths to files or directories (walked recursively in sorted order, taking *.txt,
*.text, *.html, *.htm, *.jsonl and *.json, where .json files are read as JSON lines; a file
named explicitly with another extension is read as plain text).
Adds: `Document(doc_id, text, path, line, date, title, url, content_type)` per document, and
`Rejection(stage="read")` for each file, line or document that cannot be read. A document that
was kept but needed a guess (a fallback encoding, replaced bytes, an unreadable date) comes
with a `Rejection(stage="read-warning")` naming what was guessed.

Every text has its newlines normalised to "\\n" and NUL characters removed. This module
walks the paths and reads whole files; `decode` turns bytes into text, `html_text` a page
into its readable text, `jsonl` each line of a JSON-lines file into a document, and `admit`
keeps or refuses each document.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from dyad.coder.admit import Item, admit_document, size_hint
from dyad.coder.decode import decode_bytes, normalise_text
from dyad.coder.html_text import Page, extract_html
from dyad.coder.jsonl import read_jsonl
from dyad.config import Config
from dyad.files import NOT_REGULAR, open_regular, path_text
from dyad.records import Document, Rejection

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".json"})
# Bytes per allowed character before a file is refused unread: UTF-8 and UTF-32 need at most 4.
FILE_BYTES_PER_CHAR = 4


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
                yield from read_jsonl(path, stream, config)
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
        yield Rejection(path_text(path), reason, hint=size_hint(size // FILE_BYTES_PER_CHAR))
        return
    decoded = decode_bytes(data, config.input.encoding_fallbacks)
    if isinstance(decoded, str):
        yield Rejection(path_text(path), decoded, hint="save the file as UTF-8")
        return
    text = normalise_text(decoded.text)
    page = extract_html(text) if is_html else Page(text, text, None, None, None)
    document = Document(
        doc_id=f"{path_text(path.stem)}-{_text_id(page.text)}",
        text=page.text,
        path=path_text(path),
        date=page.date,
        title=page.title,
        url=page.url,
        content_type="html" if is_html else "text",
    )
    yield from admit_document(document, [*decoded.warnings, *page.warnings], config, page.body)


def _text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def _cannot_read(path: Path, exc: OSError, what: str) -> Rejection:
    reason = f"cannot read {what} ({exc.strerror or type(exc).__name__})"
    special = (exc.strerror or "").startswith(NOT_REGULAR)
    hint = "dyad reads regular files only" if special else "check the path and its permissions"
    return Rejection(path_text(path), reason, hint=hint)
