"""Resolve when an event happened, only as precisely as the text says (the `time` stage).

Reads: Document.date, Segment.posted, the document's date line, the sentence text and its
parse. Adds: DatePoint(value, precision, text).

First the *reference date* of a segment (a comment's own stamp, the caller's date, or the
date line in the document's header), then the event's own date words, resolved against it
by the rules below (README "Dates and places"). dateparser reads only numeric dates such
as "12/25/2012", found by a regular expression first, so it never scans whole sentences.
Unknown stays unknown: no reference and no absolute date give a null value, never today.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from dyad.records import DatePoint, Document, Segment, Sentence

RULES_NAME = "dyad.dates.rules.v1"
HEADER_CHARS = 800  # the date line of a press release or wire story sits in its first lines

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "a couple": 2,
}  # fmt: skip
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"
)
_NUM = (
    r"(?P<n>\d{1,3}|a\s+couple(?:\s+of)?|an?|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve)"
)
_FEW = r"(?P<few>a\s+few|several|some|many)"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_DATELINE = re.compile(
    r"^[^\S\n]*[A-Z][A-Za-z.' -]*,[^\n(]{0,60}?\(\s*" + _MONTH + r"\s+" + _DAY
    + r"(?:,?\s+" + _YEAR + r")?\s*\)",
    re.MULTILINE,
)  # fmt: skip
_HEADER_DAY = re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?\b")
_HEADER_STAMP = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>0[1-9]|1[0-2])\b")
_HEADER_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference date with the precision it is known to: day, month or year."""

    day: date
    precision: str

    @staticmethod
    def of(point: DatePoint | None) -> Reference | None:
        """Return the reference for a DatePoint, None when it carries no usable value."""
        if point is None or point.value is None:
            return None
        match = _ISO.match(point.value)
        if match is None:
            return None
        year, month, day = match.groups()
        try:
            found = date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return None
        return Reference(found, "day" if day else "month" if month else "year")


# --- the reference date ------------------------------------------------------------------


def _iso_point(raw: str | None, text: str | None = None) -> DatePoint | None:
    if not raw:
        return None
    ref = Reference.of(DatePoint(raw.strip()[:10], "day"))
    if ref is None:
        return None
    return DatePoint(_format(ref.day, ref.precision), ref.precision, text)  # type: ignore[arg-type]


def _header(text: str) -> str:
    """Return the lines before the body: up to the first line of twelve or more words.

    The first line is a title however long it is; a wire story's date line opens the
    first body line ("BAGHDAD, Aug. 20, 2008 -- ..."), which is kept.
    """
    lines: list[str] = []
    for line in text[:HEADER_CHARS].splitlines():
        lines.append(line)
        if len(line.split()) >= 12 and any(earlier.strip() for earlier in lines[:-1]):
            break
    return "\n".join(lines)


def _month_number(word: str) -> int:
    return MONTHS[word[:3].lower()]


def dateline_date(text: str) -> DatePoint | None:
    """Return the date of a document's date line: "KABUL, Afghanistan (Jan. 25, 2013)".

    A header date without a year takes the year of a stamp like "2012-06-S-026" or any year
    in the header; a header with only such a stamp gives month precision.

    Args:
        text: The document text.

    Returns:
        The reference date with its precision, or None when the header holds no date.
    """
    header = _header(text)
    found = _DATELINE.search(text[:HEADER_CHARS]) or _HEADER_DAY.search(header)
    stamp = _HEADER_STAMP.search(header)
    if found is not None:
        year_text = found.group("year")
        if year_text is None:
            if stamp is not None:
                year_text = stamp.group("year")
            else:
                any_year = _HEADER_YEAR.search(header)
                year_text = any_year.group(0) if any_year else None
        if year_text is not None:
            try:
                day = date(int(year_text), _month_number(found.group("month")), int(found["day"]))
                return DatePoint(day.isoformat(), "day", found.group(0).strip())
            except ValueError:
                pass
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
        point = _iso_point(raw)
        if point is not None:
            return point
    return dateline_date(document.text) or DatePoint.unknown()


# --- expressions in a sentence -------------------------------------------------------------

Resolver = Callable[["re.Match[str]", Reference | None], DatePoint]


def _format(day: date, precision: str) -> str:
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[precision]


def _point(day: date | None, precision: str, text: str) -> DatePoint:
    if day is None or precision == "none":
        return DatePoint(None, "none", text)
    return DatePoint(_format(day, precision), precision, text)  # type: ignore[arg-type]


def span_point(first: date, last: date, text: str) -> DatePoint:
    """Return the finest date that covers every day from `first` to `last`."""
    if first == last:
        return _point(first, "day", text)
    if (first.year, first.month) == (last.year, last.month):
        return _point(first, "month", text)
    if first.year == last.year:
        return _point(first, "year", text)
    return DatePoint(None, "none", text)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _needs(ref: Reference | None, precision: str) -> date | None:
    """Return the reference day when it is known at least to `precision`."""
    order = {"year": 0, "month": 1, "day": 2}
    if ref is None or order[ref.precision] < order[precision]:
        return None
    return ref.day


def _latest_month(month: int, ref: Reference | None, *, strictly: bool = False) -> date | None:
    """Return the first day of the latest `month` on or before (or before) the reference."""
    today = _needs(ref, "month")
    if today is None:
        return None
    year = today.year if month < today.month or (month == today.month and not strictly) else 0
    return date(year or today.year - 1, month, 1)


def _explicit(match: re.Match[str], ref: Reference | None) -> DatePoint:
    text = match.group(0)
    month = _month_number(match["month"])
    day_number = int(match["day"])
    try:
        if match["year"]:
            return _point(date(int(match["year"]), month, day_number), "day", text)
        date(2000, month, day_number)  # a day that exists in a leap year, e.g. Feb. 29
    except ValueError:
        return DatePoint(None, "none", text)
    today = _needs(ref, "month")
    if today is None:
        return DatePoint(None, "none", text)
    for year in (today.year, today.year - 1, today.year - 2, today.year - 3, today.year - 4):
        try:
            candidate = date(year, month, day_number)
        except ValueError:
            continue
        later = candidate > today if ref and ref.precision == "day" else month > today.month
        if not later:
            return _point(candidate, "day", text)
    return DatePoint(None, "none", text)


def _iso(match: re.Match[str], ref: Reference | None) -> DatePoint:
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return DatePoint(None, "none", match.group(0))
    return _point(day, "day", match.group(0))


def _month_year(match: re.Match[str], ref: Reference | None) -> DatePoint:
    first = date(int(match["year"]), _month_number(match["month"]), 1)
    if match["cue"] and match["cue"].lower() == "since" and ref is not None:
        return span_point(first, ref.day, match.group(0))
    return _point(first, "month", match.group(0))


def _in_month(match: re.Match[str], ref: Reference | None) -> DatePoint:
    text, cue = match.group(0), (match["cue"] or "").lower()
    month = _month_number(match["month"])
    if cue == "next" or cue == "this":
        today = _needs(ref, "month")
        if today is None:
            return DatePoint(None, "none", text)
        year = today.year + 1 if cue == "next" and month <= today.month else today.year
        return _point(date(year, month, 1), "month", text)
    first = _latest_month(month, ref, strictly=cue == "last")
    if first is None:
        return DatePoint(None, "none", text)
    if cue == "since" and ref is not None:
        return span_point(first, ref.day, text)
    return _point(first, "month", text)


def _year(match: re.Match[str], ref: Reference | None) -> DatePoint:
    first = date(int(match["year"]), 1, 1)
    if (match["cue"] or "").lower() == "since" and ref is not None:
        return span_point(first, ref.day, match.group(0))
    return _point(first, "year", match.group(0))


_SHIFT = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "overnight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "tomorrow": 1,
}


def _relative_day(match: re.Match[str], ref: Reference | None) -> DatePoint:
    today = _needs(ref, "day")
    shift = _SHIFT[" ".join(match.group(0).lower().split())]
    return _point(today + timedelta(days=shift) if today else None, "day", match.group(0))


def _weekday(match: re.Match[str], ref: Reference | None) -> DatePoint:
    text, cue = match.group(0), " ".join((match["cue"] or "").lower().split())
    today = _needs(ref, "day")
    if today is None:
        return DatePoint(None, "none", text)
    wanted = WEEKDAYS.index(match["weekday"].lower())
    back = (today.weekday() - wanted) % 7
    if cue == "next":
        return _point(today + timedelta(days=(wanted - today.weekday()) % 7 or 7), "day", text)
    if cue in ("last", "this past") and back == 0:
        back = 7
    return _point(today - timedelta(days=back), "day", text)


def _count(match: re.Match[str]) -> float:
    raw = " ".join((match["n"] or "").lower().split())
    number = float(raw) if raw.isdigit() else float(NUMBERS.get(raw, 0))
    return number + (0.5 if match["half"] else 0.0)


def _ago(match: re.Match[str], ref: Reference | None) -> DatePoint:
    text, unit = match.group(0), match["unit"].lower()
    if match["few"]:  # "several months ago": the span from 2 to 9 units back
        return _span_back(ref, unit, 2, 9, text)
    count = _count(match)
    if unit == "day" and count == int(count):
        today = _needs(ref, "day")
        return _point(today - timedelta(days=int(count)) if today else None, "day", text)
    if unit == "week" or unit == "day":
        today = _needs(ref, "day")
        if today is None:
            return DatePoint(None, "none", text)
        days = int(count * (7 if unit == "week" else 1))
        # "two weeks ago" means about then: give the month only when the week around it
        # lies in one month
        centre = today - timedelta(days=days)
        return span_point(centre - timedelta(days=3), centre + timedelta(days=3), text)
    months = int(round(count * (12 if unit == "year" else 1)))
    if unit == "year" and count == int(count):
        today = _needs(ref, "year")
        return _point(date(today.year - int(count), 1, 1) if today else None, "year", text)
    today = _needs(ref, "month")
    return _point(_add_months(today, -months) if today else None, "month", text)


def _span_back(ref: Reference | None, unit: str, near: int, far: int, text: str) -> DatePoint:
    today = _needs(ref, "day" if unit in ("day", "week") else "month")
    if today is None:
        return DatePoint(None, "none", text)
    if unit in ("day", "week"):
        size = 7 if unit == "week" else 1
        return span_point(
            today - timedelta(days=far * size), today - timedelta(days=near * size), text
        )
    size = 12 if unit == "year" else 1
    last = _add_months(today, -near * size)
    return span_point(_add_months(today, -far * size), last, text)


def _calendar(match: re.Match[str], ref: Reference | None) -> DatePoint:
    """'last week', 'earlier this month', 'this year', 'past week', 'last weekend'."""
    text, which, unit = match.group(0), match["which"].lower(), match["unit"].lower()
    if unit in ("week", "weekend"):
        today = _needs(ref, "day")
        if today is None:
            return DatePoint(None, "none", text)
        monday = today - timedelta(days=today.weekday())
        if which == "past":
            return span_point(today - timedelta(days=7), today, text)
        start = monday + timedelta(days={"last": -7, "this": 0, "next": 7}[which])
        if unit == "weekend":
            return span_point(start + timedelta(days=5), start + timedelta(days=6), text)
        if which == "this":
            return span_point(start, today, text)
        return span_point(start, start + timedelta(days=6), text)
    if unit == "month":
        today = _needs(ref, "month")
        shift = {"last": -1, "past": 0, "this": 0, "next": 1}[which]
        return _point(_add_months(today, shift) if today else None, "month", text)
    today = _needs(ref, "year")
    shift = {"last": -1, "past": 0, "this": 0, "next": 1}[which]
    return _point(date(today.year + shift, 1, 1) if today else None, "year", text)


def _season(match: re.Match[str], ref: Reference | None) -> DatePoint:
    text, which = match.group(0), (match["which"] or "").lower()
    season = match["season"].lower()
    if season == "winter":  # spans two years: no single month or year holds it
        return DatePoint(None, "none", text)
    first_month, last_month = SEASONS[season]
    if match["year"]:
        return _point(date(int(match["year"]), first_month, 1), "year", text)
    today = _needs(ref, "month")
    if today is None:
        return DatePoint(None, "none", text)
    year = today.year if today.month >= first_month else today.year - 1
    if which == "last" and first_month <= today.month <= last_month:
        year -= 1  # during the summer, "last summer" is the one before
    return _point(date(year, first_month, 1), "year", text)


def _recent(match: re.Match[str], ref: Reference | None) -> DatePoint:
    text = match.group(0)
    unit = (match["unit"] or match["unit2"] or "").lower()
    if unit == "days":
        return _span_back(ref, "day", 0, 7, text)
    if unit == "weeks":
        return _span_back(ref, "week", 0, 5, text)
    if unit == "months":
        return _span_back(ref, "month", 0, 6, text)
    return DatePoint(None, "none", text)  # "recently", "lately", "in recent years"


def _numeric(match: re.Match[str], ref: Reference | None) -> DatePoint:
    """'12/25/2012': dateparser knows the orders and two-digit years; check its answer."""
    import dateparser  # slow to import; only numeric dates reach it

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "MDY"}
    if ref is not None:
        settings["RELATIVE_BASE"] = datetime(ref.day.year, ref.day.month, ref.day.day)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(match.group(0), languages=["en"], settings=settings)
    if parsed is None:
        return DatePoint(None, "none", match.group(0))
    return _point(parsed.date(), "day", match.group(0))


_I = re.IGNORECASE
RULES: tuple[tuple[str, re.Pattern[str], Resolver], ...] = (
    ("iso", re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), _iso),
    ("numeric", re.compile(r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b"), _numeric),
    (
        "month-day",
        re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?!:)(?:,?\s+" + _YEAR + r"\b)?"),
        _explicit,
    ),
    (
        "day-month",
        re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r"\b)?"),
        _explicit,
    ),
    (
        "month-year",
        re.compile(
            r"\b(?:(?P<cue>since|in|during|by|until)\s+)?(?:(?:early|late|mid)[- ])?"
            + _MONTH
            + r",?\s+"
            + _YEAR
            + r"\b"
        ),
        _month_year,
    ),
    (
        "in-month",
        re.compile(
            r"\b(?:back\s+)?(?:(?P<cue>in|since|during|until|by|last|this|next)\s+)"
            r"(?:(?:early|late|mid)[- ]?)?" + _MONTH + r"(?!\s*\d)"
        ),
        _in_month,
    ),
    (
        "in-year",
        re.compile(
            r"\b(?P<cue>in|since|during|until|by|through|early|late|mid)[- ]"
            r"(?:the\s+year\s+)?" + _YEAR + r"\b(?!\s*(?:people|men|troops|soldiers|%))",
            _I,
        ),
        _year,
    ),
    (
        "relative-day",
        re.compile(
            r"\b(?:the\s+day\s+before\s+yesterday|yesterday|earlier\s+today|today|tonight|"
            r"overnight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b",
            _I,
        ),
        _relative_day,
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<cue>last|next|this\s+past|on)\s+)?"
            r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)"
        ),
        _weekday,
    ),
    (
        "ago",
        re.compile(
            r"\b(?:" + _NUM + r"|" + _FEW + r")(?P<half>\s+and\s+a\s+half)?\s+" + _UNIT
            + r"(?(half)|(?P<half2>\s+and\s+a\s+half)?)\s+ago\b",
            _I,
        ),
        _ago,
    ),
    (
        "calendar",
        re.compile(
            r"\b(?:(?:earlier|later)\s+)?(?P<which>last|this|next|past)\s+"
            r"(?P<unit>weekend|week|month|year)\b",
            _I,
        ),
        _calendar,
    ),
    (
        "season",
        re.compile(
            r"\b(?:(?:in|since|during|over|through|by)\s+)?(?:the\s+|(?P<which>last|this|past|"
            r"next)\s+)(?P<season>spring|summer|autumn|fall|winter)(?:\s+of\s+" + _YEAR + r")?\b",
            _I,
        ),
        _season,
    ),
    (
        "recent",
        re.compile(
            r"\b(?:recently|lately|in\s+recent\s+(?P<unit>days|weeks|months|years)|"
            r"(?:in\s+)?the\s+(?:past|last)\s+few\s+(?P<unit2>days|weeks|months|years))\b",
            _I,
        ),
        _recent,
    ),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Expression:
    """A date expression found in a text: its character span, rule and resolved date."""

    start: int
    end: int
    rule: str
    date: DatePoint


def _fix_ago(match: re.Match[str]) -> bool:
    return match.groupdict().get("half2") is not None


def find_dates(text: str, reference: DatePoint | None) -> list[Expression]:
    """Return the date expressions of `text`, longest first where two overlap, in text order.

    A date line such as "KABUL, Afghanistan (Jan. 25, 2013)" is the document's date, not an
    event's, and is skipped.

    Args:
        text: A sentence or any short text.
        reference: The date relative words are resolved against; None or unknown resolves
            only absolute dates.

    Returns:
        Expressions with their resolved DatePoint; impossible dates have a null value.
    """
    ref = Reference.of(reference)
    masked = [(m.start(), m.end()) for m in _DATELINE.finditer(text)]
    found: list[Expression] = []
    for name, pattern, resolve in RULES:
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in masked):
                continue
            if name == "ago" and _fix_ago(match):
                point = _ago_half(match, ref)
            else:
                point = resolve(match, ref)
            found.append(Expression(match.start(), match.end(), name, point))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Expression] = []
    for expression in sorted(found, key=lambda x: -(x.end - x.start)):
        if all(expression.end <= k.start or expression.start >= k.end for k in kept):
            kept.append(expression)
    return sorted(kept, key=lambda x: x.start)


def _ago_half(match: re.Match[str], ref: Reference | None) -> DatePoint:
    """'two and a half years ago' put the half after the unit: same months-back rule."""
    count = _count(match) + 0.5
    months = int(round(count * (12 if match["unit"].lower() == "year" else 1)))
    today = _needs(ref, "month")
    text = match.group(0)
    return _point(_add_months(today, -months) if today else None, "month", text)


def _depth(sentence: Sentence, token: int, verb: int) -> int | None:
    """Return how many heads lie between `token` and `verb`; None outside its subtree."""
    steps, current = 0, token
    while steps <= len(sentence.tokens):
        if current == verb:
            return steps
        head = sentence.tokens[current].head
        if head == current:
            return None
        current, steps = head, steps + 1
    return None


def _token_at(sentence: Sentence, offset: int) -> int | None:
    for token in sentence.tokens:
        if token.start - sentence.start <= offset < token.start - sentence.start + len(token.text):
            return token.i
    return None


def resolve_date(
    sentence: Sentence | str,
    reference: DatePoint | None,
    verb: int | None = None,
    *,
    fall_back: bool = True,
) -> DatePoint:
    """Return the date of the event in `sentence`, as precise as its words allow.

    Date words in the event verb's own clause (its subtree, nearest first) win over date
    words elsewhere in the sentence, which win in text order. A sentence without date
    words takes the reference date itself, with `text` None to say the words gave nothing.

    Args:
        sentence: A parsed sentence, or plain text (then no clause preference applies).
        reference: The segment's reference date (see `reference_date`).
        verb: Index of the event's verb token in a parsed sentence.
        fall_back: False returns unknown, not the reference, when there are no date words.

    Returns:
        The resolved DatePoint; a null value with the words kept in `text` when they cannot
        be resolved; unknown when there are neither date words nor a reference.
    """
    text = sentence if isinstance(sentence, str) else sentence.text
    found = find_dates(text, reference)
    if not found:
        if fall_back and reference is not None and reference.value is not None:
            return DatePoint(reference.value, reference.precision, None)
        return DatePoint.unknown()
    if isinstance(sentence, str) or verb is None or not sentence.tokens:
        return found[0].date

    def rank(expression: Expression) -> tuple[int, int]:
        token = _token_at(sentence, expression.start)
        depth = _depth(sentence, token, verb) if token is not None else None
        if depth is None:
            return (1_000, expression.start)
        return (depth, abs((token or 0) - verb))

    return min(found, key=rank).date
