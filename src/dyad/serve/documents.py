"""The texts behind the document view, read from each source file once, not per request.

`browse.document` re-reads a document's source file to show its text; a JSON-lines file of
200,000 lines would be parsed whole for every view of any of its documents. `SourceCache`
reads a file once and keeps its documents' texts, keyed by the file's identity (path, size,
modification time, so an edited file is read again), dropping the least recently used files
past MAX_SOURCE_CACHE_CHARS characters in all.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from dyad.store.browse import MAX_SOURCE_BYTES

MAX_SOURCE_CACHE_CHARS = 50_000_000

_FileKey = tuple[str, int, int]


class SourceCache:
    """Documents of recently viewed source files: (doc_id, line) -> text, per file."""

    def __init__(self, limit: int = MAX_SOURCE_CACHE_CHARS) -> None:
        self.limit = limit
        self.files: OrderedDict[_FileKey, dict[tuple[str, int | None], str]] = OrderedDict()
        self.chars = 0
        self.reads = 0  # files read, for tests
        self._lock = threading.Lock()

    def source(
        self, path: str, line: int | None, doc_id: str, chars: int
    ) -> tuple[str | None, list[dict[str, Any]]]:
        """Return a stored document's text and segments, as `browse.document` wants them."""
        from dyad.coder.structure import split_segments
        from dyad.records import Document

        texts = self._texts(path)
        text = texts.get((doc_id, line)) if texts is not None else None
        if text is None or len(text) != chars:
            return None, []
        document = Document(doc_id, text, path, line=line)
        segments = [
            {"kind": s.kind, "start": s.start, "end": s.end, "author": s.author}
            for s in split_segments(document)
        ]
        return text, segments

    def _texts(self, path: str) -> dict[tuple[str, int | None], str] | None:
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            return None
        if info.st_size > MAX_SOURCE_BYTES or not Path(path).is_file():
            return None
        key = (path, info.st_size, info.st_mtime_ns)
        with self._lock:  # one reader per file, however many requests wait for it
            found = self.files.get(key)
            if found is not None:
                self.files.move_to_end(key)
                return found
            texts = _read_texts(Path(path))
            self.reads += 1
            self.files[key] = texts
            self.chars += sum(len(t) for t in texts.values())
            while self.chars > self.limit and len(self.files) > 1:
                _old, dropped = self.files.popitem(last=False)
                self.chars -= sum(len(t) for t in dropped.values())
            return texts


def _read_texts(path: Path) -> dict[tuple[str, int | None], str]:
    from dyad.coder.read import read_documents
    from dyad.config import load_config
    from dyad.records import Document

    return {
        (item.doc_id, item.line): item.text
        for item in read_documents([path], load_config())
        if isinstance(item, Document)
    }
