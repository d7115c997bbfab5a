"""Keep or refuse a document read from any format, and read the dates its metadata gives.

A document is refused when it is empty or over `input.max_document_chars`; one that was kept
comes with a "read-warning" rejection for each guess made while reading it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

from dyad.config import Config
from dyad.records import Document, Rejection

_ISO_DATE = re.compile(
    r"(\d{4}-\d{2}-\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?"
)
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MONTH_DATE = re.compile(r"(\d{4})-(\d{2})")  # a month-precision reference date

Item = Document | Rejection


def admit_document(
    document: Document, warnings: list[str], config: Config, body: str
) -> Iterator[Item]:
    """Yield `document` and its warnings, or one rejection if it is empty or too long."""
    where, line = document.path, document.line
    limit = config.input.max_document_chars
    if not body.strip():
        yield Rejection(where, "empty document", line=line, hint="the input holds no text")
        return
    if len(document.text) > limit:
        chars = len(document.text)
        reason = f"document has {chars:,} characters, over the limit of {limit:,}"
        yield Rejection(where, reason, line=line, hint=size_hint(chars), doc_id=document.doc_id)
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


def parse_date(value: str) -> str | None:
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


def size_hint(chars: int | None) -> str:
    """Return the hint of a rejection for size: raise the limit to `chars` or split."""
    value = str(chars) if chars else "N"
    return (
        f"raise input.max_document_chars with --set input.max_document_chars={value} "
        "or split the document"
    )
