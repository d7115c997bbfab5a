"""The reference date of a segment: what "yesterday" and "on Tuesday" are counted from.

In order: a comment's own stamp, the document's date (JSONL `date`, HTML metadata,
`--date`), then the date line in the document's header ("KABUL, Afghanistan (Jan. 25,
2013)", "BAGHDAD, Aug. 20, 2008 --", "Operational Update, Jan. 10, 2011").
"""

from __future__ import annotations

import re
from datetime import date

from dyad.dates.precision import Reference, point
from dyad.dates.vocabulary import DAY, MONTH, YEAR, month_number
from dyad.records import DatePoint, Document, Segment

HEADER_CHARS = 800  # the date line of a press release or wire story sits in its first lines
PROSE_WORDS = 12  # a line this long is body text, whose years are not the document's

DATELINE = re.compile(
    r"^[^\S\n]*[A-Z][A-Za-z.' -]*,[^\n(]{0,60}?\(\s*" + MONTH + r"\s+" + DAY
    + r"(?:,?\s+" + YEAR + r")?\s*\)",
    re.MULTILINE,
)  # fmt: skip
_HEADER_DAY = re.compile(r"\b" + MONTH + r"\s+" + DAY + r"(?:,?\s+" + YEAR + r")?\b")
_HEADER_STAMP = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>0[1-9]|1[0-2])\b")
_HEADER_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _iso_point(raw: str | None) -> DatePoint | None:
    if not raw:
        return None
    ref = Reference.of(DatePoint(raw.strip()[:10], "day"))
    return point(ref.day, ref.precision, None) if ref is not None else None


def _header(text: str) -> str:
    """Return the lines before the body: up to the first line of twelve or more words.

    The first line is a title however long it is; a wire story's date line opens the
    first body line ("BAGHDAD, Aug. 20, 2008 -- ..."), which is kept.
    """
    lines: list[str] = []
    for line in text[:HEADER_CHARS].splitlines():
        lines.append(line)
        if len(line.split()) >= PROSE_WORDS and any(earlier.strip() for earlier in lines[:-1]):
            break
    return "\n".join(lines)


def _header_year(header: str) -> str | None:
    """Return the year of a release stamp ("2012-06-S-026") or of a short header line.

    A year in a sentence of prose ("an attack in June 2011") dates that sentence's event,
    not the document, so lines of twelve or more words are not read.
    """
    stamp = _HEADER_STAMP.search(header)
    if stamp is not None:
        return stamp.group("year")
    for line in header.splitlines():
        found = _HEADER_YEAR.search(line)
        if found is not None and len(line.split()) < PROSE_WORDS:
            return found.group(0)
    return None


def dateline_date(text: str) -> DatePoint | None:
    """Return the date of a document's date line: "KABUL, Afghanistan (Jan. 25, 2013)".

    A date line without a year ("(Jan. 28)") takes the year of a release stamp such as
    "2012-06-S-026" or of another short header line; with none of them the day is not
    known. A header with only a stamp gives month precision.

    Args:
        text: The document text.

    Returns:
        The reference date with its precision, or None when the header holds no date.
    """
    header = _header(text)
    found = DATELINE.search(text[:HEADER_CHARS]) or _HEADER_DAY.search(header)
    if found is not None:
        year = found.group("year") or _header_year(header)
        if year is not None:
            try:
                day = date(int(year), month_number(found["month"]), int(found["day"]))
            except ValueError:  # "(Feb. 30)": no such day, so no date line
                day = None
            if day is not None:
                return point(day, "day", found.group(0).strip())
    stamp = _HEADER_STAMP.search(header)
    if stamp is not None:
        return DatePoint(f"{stamp['year']}-{stamp['month']}", "month", stamp.group(0))
    return None


def reference_date(document: Document, segment: Segment | None = None) -> DatePoint:
    """Return the date the words of `segment` are relative to.

    In order: the segment's own stamp (a comment's posting time), the document's date (JSONL
    `date`, HTML metadata or `--date`), the date line in the document's header.

    Args:
        document: The document the segment belongs to.
        segment: The segment; None for the document as a whole.

    Returns:
        A DatePoint at day, month or year precision; unknown when none of them gives a date.
    """
    for raw in (segment.posted if segment else None, document.date):
        found = _iso_point(raw)
        if found is not None:
            return found
    return dateline_date(document.text) or DatePoint.unknown()
