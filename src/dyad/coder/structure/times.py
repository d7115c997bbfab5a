"""The grammar of the times that posts, updates and comments print, and their arithmetic.

Absolute: "November 18, 2007 at 8:25 PM", "18 November 2007, 20:25", "2008-04-02 22:05",
"4/2/2008", "Wed Nov 19, 2008 3:15 pm"; with the post's year supplied, "Nov 23" and "11/19".
Relative: "3h", "3 hr. ago", "an hour ago", "45 minutes ago", "2d", "yesterday", "just now".
Times are ISO strings: "2007-11-18T20:25" when a clock time is given, else "2007-11-18".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {
    m: i + 1
    for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())
}  # fmt: skip
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE = re.compile(
    rf"\b(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH}),?\s+(?P<y2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<nm>\d{1,2})/(?P<nd>\d{1,2})/(?P<ny>\d{4}))\b",
    re.IGNORECASE,
)
# Without a year: only read when the post's year is known ("Nov 23", "11/19").
_DAY_MONTH = re.compile(
    rf"\b(?:(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?|(?P<nm>\d{{1,2}})/(?P<nd>\d{{1,2}}))"
    r"(?![\d/:]|,?\s+\d{4})",
    re.IGNORECASE,
)
TIME = re.compile(r"\b(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?\s*(?P<ap>[ap]\.?\s?m\b\.?)?", re.I)
_UNITS = {
    "s": 0, "sec": 0, "second": 0, "m": 1, "min": 1, "minute": 1, "h": 60, "hr": 60,
    "hour": 60, "d": 1440, "day": 1440, "w": 10080, "wk": 10080, "week": 10080,
}  # fmt: skip
AGE = re.compile(
    r"\b(?:(?P<n>\d{1,3}|an?|one)\s*(?P<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?"
    r"|d|days?|w|wks?|weeks?)\b\.?(?:\s+ago\b)?|(?P<word>just now|yesterday))",
    re.I,
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
# what may surround a date in a line that is only a date: weekdays, "at", zones, read times
_FILLER = re.compile(
    rf"\b(?:{_WEEKDAY}|on|at|posted|updated|edited|said|says|wrote|writes|e[sd]?t|gmt|utc"
    r"|\d+\s+min(?:ute)?s?\s+read|ago)\b|[\s,|:;@•·»—–\-\u2219()]+",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Age:
    """A relative stamp ("3h"): how long before the page was read; `exact` below a day."""

    delta: timedelta
    exact: bool


@dataclass(frozen=True, slots=True)
class Found:
    """A time expression found in a line: where it lies, and what it says."""

    start: int
    end: int
    posted: str | None  # an absolute time, ISO
    age: Age | None  # a relative one


def read_when(value: str, year: int | None = None) -> str | None:
    """Return the first date in `value` as ISO, with "THH:MM" when a clock time is given.

    With `year`, a date that names no year ("Nov 23", "11/19") is read in that year.
    """
    found = find_time(value, year)
    return found.posted if found else None


def find_time(value: str, year: int | None = None, *, ages: bool = False) -> Found | None:
    """Return the first absolute time in `value` (or, with `ages`, relative one), or None."""
    match = DATE.search(value)
    day = _day(match.groupdict()) if match else None
    if match is None and year is not None and (short := _DAY_MONTH.search(value)):
        match, day = short, _short_day(short.groupdict(), year)
    if match is not None:
        if day is None:
            return None
        rest = value[match.end() :]
        clock_at = TIME.match(rest.lstrip(" ,at@").lstrip()) or TIME.search(rest[:12])
        clock = read_clock(rest[:40]) if clock_at else read_clock(value[: match.start()])
        end = match.end()
        if clock_at:  # the clock belongs to the date: the stamp ends after it
            found = TIME.search(rest)
            end = match.end() + found.end() if found else end
        when = f"{day.isoformat()}T{clock}" if clock else day.isoformat()
        return Found(match.start(), end, when, None)
    if ages and (relative := AGE.search(value)):
        return Found(relative.start(), relative.end(), None, _age(relative.groupdict()))
    return None


def is_time_only(line: str, year: int | None = None) -> bool:
    """Tell whether `line` says only when ("March 3, 2008 at 9:12 am", "3 hours ago")."""
    if len(line.split()) > 9:
        return False
    found = find_time(line, year, ages=True)
    if found is None:
        return False
    rest = line[: found.start] + " " + TIME.sub(" ", line[found.end :])
    return not _FILLER.sub("", rest).strip()


def read_clock(value: str) -> str | None:
    """Return the first clock time in `value` as "HH:MM" (24-hour), or None."""
    found = TIME.search(value)
    if found is None:
        return None
    hour, minute = int(found.group("h")), int(found.group("mi"))
    half = (found.group("ap") or "").lower()[:1]
    if half and not 1 <= hour <= 12:
        return None
    if half == "p" and hour != 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def _day(groups: dict[str, str | None]) -> date | None:
    try:
        if groups["iso"]:
            return date.fromisoformat(groups["iso"])
        if groups["ny"]:
            return date(int(groups["ny"]), int(groups["nm"] or 0), int(groups["nd"] or 0))
        month = groups["m1"] or groups["m2"] or ""
        number = groups["d1"] or groups["d2"] or "0"
        year = groups["y1"] or groups["y2"] or "0"
        # casefold: the IGNORECASE pattern also matches "ſep" (long s) for "Sep"
        return date(int(year), _MONTHS[month[:3].casefold()], int(number))
    except (ValueError, KeyError):
        return None


def _short_day(groups: dict[str, str | None], year: int) -> date | None:
    try:
        if groups["m"]:
            return date(year, _MONTHS[groups["m"][:3].casefold()], int(groups["d"] or 0))
        return date(year, int(groups["nm"] or 0), int(groups["nd"] or 0))
    except (ValueError, KeyError):
        return None


def _age(groups: dict[str, str | None]) -> Age:
    word = (groups["word"] or "").lower()
    if word:
        return Age(timedelta(days=1 if word == "yesterday" else 0), word != "yesterday")
    count = groups["n"] or "1"
    number = int(count) if count.isdigit() else 1
    unit = (groups["unit"] or "").lower().rstrip(".")
    unit = unit if unit in _UNITS else unit.rstrip("s")
    minutes = _UNITS.get(unit, 1) * number
    return Age(timedelta(minutes=minutes), minutes < 1440)
