"""Errors raised by dyad, each naming where it happened, why, and the fix.

    DyadError
    ├── InputError            bad input; the CLI prints it, never a traceback
    │   ├── UnreadableFile    missing, a directory, permission denied, I/O failure
    │   ├── BadEncoding       bytes that decode in no supported encoding
    │   ├── BadJSONLine       a truncated or malformed JSON line, or one without text
    │   ├── EmptyDocument     nothing but whitespace
    │   └── DocumentTooLarge  over `max_document_chars`
    ├── DictionaryError       a malformed dictionary file (names file and line)
    ├── StoreError            the store file is missing, foreign, locked or from a newer schema
    ├── QueryError            a view's filter or option that cannot be answered (date, dyad)
    └── ConfigError           an unknown or ill-typed setting

`str(exc)` is "{path}:{line}: {reason} ({hint})", the line part only where there is one.
"""

from __future__ import annotations

import json


class DyadError(Exception):
    """Base class of every error dyad raises on purpose."""

    def __init__(
        self,
        reason: str,
        *,
        path: str | None = None,
        line: int | None = None,
        offset: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.reason = reason
        self.path = path
        self.line = line
        self.offset = offset
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        path = self.path or ""
        if not path.isprintable():  # a newline in a file name must not start a new message
            path = json.dumps(path, ensure_ascii=False)
        where = f"{path}:{self.line}" if path and self.line is not None else path
        text = f"{where}: {self.reason}" if where else self.reason
        return f"{text} ({self.hint})" if self.hint else text


class InputError(DyadError):
    """An input document or file that cannot be coded."""


class UnreadableFile(InputError):
    """The file is missing, a directory, unreadable, or failed on read."""


class BadEncoding(InputError):
    """The bytes decode in no supported encoding."""


class BadJSONLine(InputError):
    """A JSON line is truncated, malformed, or has no text."""


class EmptyDocument(InputError):
    """The document holds nothing but whitespace."""


class DocumentTooLarge(InputError):
    """The document is longer than the `max_document_chars` limit."""


class DictionaryError(DyadError):
    """A dictionary file has a malformed entry."""


class StoreError(DyadError):
    """The store file cannot be used."""


class QueryError(DyadError):
    """A filter or option of a store view cannot be answered (a bad date, dyad or period)."""


class ConfigError(DyadError):
    """A configuration key is unknown or has the wrong type."""
