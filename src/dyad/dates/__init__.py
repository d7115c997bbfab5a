"""Resolve when an event happened, only as precisely as the text says (the `time` stage).

Reads: Document.date, Segment.posted, the document's date line, the sentence text and its
parse. Adds: DatePoint(value, precision, text).

- `reference`: the reference date of a segment (a comment's own stamp, the caller's date,
  or the date line in the document's header);
- `expressions`: the date words of a text and what they mean against that reference;
- `clause`: which of a sentence's date words date its event verb.

Unknown stays unknown: no reference and no absolute date give a null value, never today.
"""

from __future__ import annotations

from dyad.dates.clause import own_time_words, resolve_date
from dyad.dates.expressions import RULES, Expression, find_dates
from dyad.dates.precision import Reference, lies_after, span_point
from dyad.dates.reference import dateline_date, reference_date

RULES_NAME = "dyad.dates.rules.v2"  # v2: reported events, dates of other events, past spans

__all__ = [
    "RULES",
    "RULES_NAME",
    "Expression",
    "Reference",
    "dateline_date",
    "find_dates",
    "lies_after",
    "own_time_words",
    "reference_date",
    "resolve_date",
    "span_point",
]
