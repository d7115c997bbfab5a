"""Date words in a text and what they mean against a reference date (README "Dates and places").

Each rule is a regular expression and a resolver that turns its match into a DatePoint no
finer than the words and the reference allow. dateparser reads only numeric dates such as
"12/25/2012", found by a regular expression first, so it never scans whole sentences.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from dyad.dates.precision import Reference, add_months, known_to, point, span_point
from dyad.dates.reference import DATELINE
from dyad.dates.vocabulary import (
    DAY,
    FEW,
    MONTH,
    NUM,
    SEASONS,
    UNIT,
    WEEKDAYS,
    YEAR,
    count_of,
    month_number,
)
from dyad.records import DatePoint

Resolver = Callable[["re.Match[str]", Reference | None], DatePoint]
YEARS_BACK = 4  # "March 3" without a year: the latest March 3 within this many years


def _null(text: str) -> DatePoint:
    return DatePoint(None, "none", text)


def _latest_month(month: int, ref: Reference | None, *, strictly: bool = False) -> date | None:
    """Return the first day of the latest `month` on or before (or before) the reference."""
    today = known_to(ref, "month")
    if today is None:
        return None
    this_year = month < today.month or (month == today.month and not strictly)
    return date(today.year if this_year else today.year - 1, month, 1)


def _explicit(match: re.Match[str], ref: Reference | None) -> DatePoint:
    text, month, day_number = match.group(0), month_number(match["month"]), int(match["day"])
    try:
        if match["year"]:
            return point(date(int(match["year"]), month, day_number), "day", text)
        date(2000, month, day_number)  # a day that exists in a leap year, e.g. Feb. 29
    except ValueError:
        return _null(text)
    today = known_to(ref, "month")
    if today is None or ref is None:
        return _null(text)
    for year in range(today.year, today.year - YEARS_BACK - 1, -1):
        try:
            candidate = date(year, month, day_number)
        except ValueError:
            continue
        later = candidate > today if ref.precision == "day" else month > today.month
        if not later:
            return point(candidate, "day", text)
    return _null(text)


def _iso(match: re.Match[str], ref: Reference | None) -> DatePoint:
    try:
        return point(date(int(match[1]), int(match[2]), int(match[3])), "day", match.group(0))
    except ValueError:
        return _null(match.group(0))


def _since(first: date, ref: Reference | None, text: str) -> DatePoint:
    """'since May': the finest unit that holds every day from then to the reference."""
    return span_point(first, ref.day, text) if ref is not None else _null(text)


def _month_year(match: re.Match[str], ref: Reference | None) -> DatePoint:
    first = date(int(match["year"]), month_number(match["month"]), 1)
    if (match["cue"] or "").lower() == "since":
        return _since(first, ref, match.group(0))
    return point(first, "month", match.group(0))


def _in_month(match: re.Match[str], ref: Reference | None) -> DatePoint:
    text, cue, month = match.group(0), (match["cue"] or "").lower(), month_number(match["month"])
    if cue in ("next", "this"):
        today = known_to(ref, "month")
        if today is None:
            return _null(text)
        year = today.year + 1 if cue == "next" and month <= today.month else today.year
        return point(date(year, month, 1), "month", text)
    first = _latest_month(month, ref, strictly=cue == "last")
    if first is None:
        return _null(text)
    return _since(first, ref, text) if cue == "since" else point(first, "month", text)


def _year(match: re.Match[str], ref: Reference | None) -> DatePoint:
    first = date(int(match["year"]), 1, 1)
    if (match["cue"] or "").lower() == "since":
        return _since(first, ref, match.group(0))
    return point(first, "year", match.group(0))


_SHIFT = {
    "the day before yesterday": -2, "yesterday": -1, "last night": -1, "lastnight": -1,
    "today": 0, "tonight": 0, "overnight": 0, "this morning": 0, "this afternoon": 0,
    "this evening": 0, "earlier today": 0, "tomorrow": 1,
}  # fmt: skip


def _relative_day(match: re.Match[str], ref: Reference | None) -> DatePoint:
    today = known_to(ref, "day")
    shift = _SHIFT[" ".join(match.group(0).lower().split())]
    return point(today + timedelta(days=shift) if today else None, "day", match.group(0))


def _weekday(match: re.Match[str], ref: Reference | None) -> DatePoint:
    text, cue = match.group(0), " ".join((match["cue"] or "").lower().split())
    today = known_to(ref, "day")
    if today is None:
        return _null(text)
    wanted = WEEKDAYS.index(match["weekday"].lower())
    if cue == "next":
        return point(today + timedelta(days=(wanted - today.weekday()) % 7 or 7), "day", text)
    back = (today.weekday() - wanted) % 7
    if cue in ("last", "this past") and back == 0:
        back = 7
    return point(today - timedelta(days=back), "day", text)


def _ago(match: re.Match[str], ref: Reference | None) -> DatePoint:
    text, unit = match.group(0), match["unit"].lower()
    if match["few"]:  # "several months ago": the span from 2 to 9 units back
        return _span_back(ref, unit, 2, 9, text)
    half = match["half"] is not None or match["half2"] is not None
    count = count_of(match["n"]) + (0.5 if half else 0.0)
    if unit in ("day", "week"):
        today = known_to(ref, "day")
        if today is None:
            return _null(text)
        if unit == "day" and count.is_integer():
            return point(today - timedelta(days=int(count)), "day", text)
        # "two weeks ago" means about then: the month only when the week around it lies in one
        centre = today - timedelta(days=int(count * (7 if unit == "week" else 1)))
        return span_point(centre - timedelta(days=3), centre + timedelta(days=3), text)
    if unit == "year" and count.is_integer():
        today = known_to(ref, "year")
        return point(date(today.year - int(count), 1, 1) if today else None, "year", text)
    today = known_to(ref, "month")
    months = round(count * (12 if unit == "year" else 1))
    return point(add_months(today, -months) if today else None, "month", text)


def _span_back(ref: Reference | None, unit: str, near: int, far: int, text: str) -> DatePoint:
    """The finest date holding every day from `far` to `near` units before the reference."""
    today = known_to(ref, "day" if unit in ("day", "night", "week") else "month")
    if today is None:
        return _null(text)
    if unit in ("day", "night", "week"):
        size = 7 if unit == "week" else 1
        return span_point(
            today - timedelta(days=far * size), today - timedelta(days=near * size), text
        )
    size = 12 if unit == "year" else 1
    return span_point(add_months(today, -far * size), add_months(today, -near * size), text)


def _past(match: re.Match[str], ref: Reference | None) -> DatePoint:
    """'during the past two days': every day from then up to the reference."""
    count = count_of(match["n"])
    if count == 0:
        return _null(match.group(0))
    return _span_back(ref, match["unit"].lower(), 0, count, match.group(0))


def _calendar(match: re.Match[str], ref: Reference | None) -> DatePoint:
    """'last week', 'earlier this month', 'this year', 'past week', 'last weekend'."""
    text, which, unit = match.group(0), match["which"].lower(), match["unit"].lower()
    if unit in ("week", "weekend"):
        today = known_to(ref, "day")
        if today is None:
            return _null(text)
        if which == "past":
            return span_point(today - timedelta(days=7), today, text)
        monday = today - timedelta(days=today.weekday())
        start = monday + timedelta(days={"last": -7, "this": 0, "next": 7}[which])
        if unit == "weekend":
            return span_point(start + timedelta(days=5), start + timedelta(days=6), text)
        return span_point(start, today if which == "this" else start + timedelta(days=6), text)
    shift = {"last": -1, "past": 0, "this": 0, "next": 1}[which]
    if unit == "month":
        today = known_to(ref, "month")
        return point(add_months(today, shift) if today else None, "month", text)
    today = known_to(ref, "year")
    return point(date(today.year + shift, 1, 1) if today else None, "year", text)


def _season(match: re.Match[str], ref: Reference | None) -> DatePoint:
    text, which, season = match.group(0), (match["which"] or "").lower(), match["season"].lower()
    if season == "winter":  # spans two years: no single month or year holds it
        return _null(text)
    first_month, last_month = SEASONS[season]
    if match["year"]:
        return point(date(int(match["year"]), first_month, 1), "year", text)
    today = known_to(ref, "month")
    if today is None:
        return _null(text)
    year = today.year if today.month >= first_month else today.year - 1
    if which == "last" and first_month <= today.month <= last_month:
        year -= 1  # during the summer, "last summer" is the one before
    return point(date(year, first_month, 1), "year", text)


def _recent(match: re.Match[str], ref: Reference | None) -> DatePoint:
    text, unit = match.group(0), (match["unit"] or match["unit2"] or "").lower()
    spans = {"days": ("day", 7), "weeks": ("week", 5), "months": ("month", 6)}
    if unit in spans:
        return _span_back(ref, spans[unit][0], 0, spans[unit][1], text)
    return _null(text)  # "recently", "lately", "in recent years"


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
        return _null(match.group(0))
    return point(parsed.date(), "day", match.group(0))


_I = re.IGNORECASE
# "at the end of 2015", "by the beginning of March": a part of a year or month dates an act
# as the year or month does ("in late 2015"); without it the sentence fell back on the
# document's date ("At the end of 2015 ... the Turkish military shot down a Russian jet" was
# dated to the story's day in 2017)
PART_OF = r"the\s+(?:end|beginning|start|middle|close|turn)\s+of\s+"
RULES: tuple[tuple[str, re.Pattern[str], Resolver], ...] = (
    ("iso", re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), _iso),
    ("numeric", re.compile(r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b"), _numeric),
    (
        "month-day",
        re.compile(r"\b" + MONTH + r"\s+" + DAY + r"\b(?!:)(?:,?\s+" + YEAR + r"\b)?"),
        _explicit,
    ),
    (
        "day-month",
        re.compile(r"\b" + DAY + r"\s+(?:of\s+)?" + MONTH + r"(?:,?\s+" + YEAR + r"\b)?"),
        _explicit,
    ),
    (
        "month-year",
        re.compile(
            r"\b(?:(?P<cue>since|in|during|by|until)\s+)?(?:(?:early|late|mid)[- ])?"
            + MONTH
            + r",?\s+"
            + YEAR
            + r"\b"
        ),
        _month_year,
    ),
    (
        "in-month",
        re.compile(
            r"\b(?:back\s+)?(?:(?P<cue>in|since|during|until|by|last|this|next)\s+|"
            + PART_OF
            + r")(?:(?:early|late|mid)[- ]?)?"
            + MONTH
            + r"(?!\s*\d)"
        ),
        _in_month,
    ),
    (
        "in-year",
        re.compile(
            r"\b(?:(?P<cue>in|since|during|until|by|through|early|late|mid)[- ]|"
            + PART_OF
            + r")(?:the\s+year\s+)?"
            + YEAR
            + r"\b(?!\s*(?:people|men|troops|soldiers|%))",
            _I,
        ),
        _year,
    ),
    (
        "relative-day",
        re.compile(
            r"\b(?:the\s+day\s+before\s+yesterday|yesterday|earlier\s+today|today|"
            r"tonight|overnight|tomorrow|last\s*night|this\s+(?:morning|afternoon|evening))"
            r"\b",
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
            r"\b(?:"
            + NUM
            + r"|"
            + FEW
            + r")(?P<half>\s+and\s+a\s+half)?\s+"
            + UNIT
            + r"(?(half)|(?P<half2>\s+and\s+a\s+half)?)\s+ago\b",
            _I,
        ),
        _ago,
    ),
    (
        "past-span",
        re.compile(
            r"\b(?:(?:in|during|over|for)\s+)?the\s+(?:past|last)\s+"
            + NUM
            + r"\s+(?P<unit>day|night|week|month|year)s\b",
            _I,
        ),
        _past,
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
            r"\b(?:(?:in|since|during|over|through|by)\s+)?(?:the\s+|(?P<which>last|this|"
            r"past|next)\s+)(?P<season>spring|summer|autumn|fall|winter)(?:\s+of\s+"
            + YEAR
            + r")?\b",
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
)


def _resolved(resolve: Resolver, match: re.Match[str], ref: Reference | None) -> DatePoint:
    """Return what `resolve` makes of `match`; a date outside years 1-9999 is no date.

    "tomorrow" against 9999-12-31 or "last year" against 0001-01-01 leaves the calendar
    that `datetime.date` can hold: the words stay unresolved instead of stopping the run.
    """
    try:
        return resolve(match, ref)
    except (OverflowError, ValueError):
        return _null(match.group(0))


@dataclass(frozen=True, slots=True)
class Expression:
    """A date expression found in a text: its character span, rule and resolved date."""

    start: int
    end: int
    rule: str
    date: DatePoint


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
    masked = [(m.start(), m.end()) for m in DATELINE.finditer(text)]
    found = [
        Expression(match.start(), match.end(), name, _resolved(resolve, match, ref))
        for name, pattern, resolve in RULES
        for match in pattern.finditer(text)
        if not any(s <= match.start() < e for s, e in masked)
    ]
    kept: list[Expression] = []
    for expression in sorted(found, key=lambda x: (-(x.end - x.start), x.start)):
        if all(expression.end <= k.start or expression.start >= k.end for k in kept):
            kept.append(expression)
    return sorted(kept, key=lambda x: x.start)
