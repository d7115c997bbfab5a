"""The grammar of comment stamps: dates, clock times, names, and the lines that carry them.

A stamp either starts its comment ("NAME says:", "NAME April 2, 2008 at 10:05 pm", "On DATE,
NAME wrote:") or ends it ("NAME on November 18, 2007 at 8:25 PM", "Posted by NAME at 8:31
PM"). Times are ISO strings: "2007-11-18T20:25" when a clock time is given, else "2007-11-18".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dyad.structure.boilerplate import is_boilerplate

MAX_NAME_WORDS = 6

_MONTHS = {
    m: i + 1
    for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
MONTH = _MONTH
DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<nm>\d{1,2})/(?P<nd>\d{1,2})/(?P<ny>\d{4}))\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{4}")  # every form of `DATE` has one
TIME = re.compile(r"\b(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?\s*(?P<ap>[ap]\.?\s?m\b\.?)?", re.I)
_SEPARATORS = re.compile(
    r"^[\s,|:;@—–\-]*(?:(?:on|at|said|says|wrote|writes|posted)\b[\s,|:;@—–\-]*)*$", re.I
)
_TRAILER = re.compile(r"[\s|,·]*(?:permalink|reply|link|report abuse|#\d+)?[\s|]*$", re.I)
_SAYS = re.compile(r"^(?P<name>[^\s:\"“].{0,59}?) (?:says|writes):\s*(?P<rest>(?![\"“]).*)$", re.I)
_ON_WROTE = re.compile(r"^on (?P<when>.+?),? (?P<name>[^,]{1,60}) (?:wrote|said):\s*$", re.I)
POSTED_BY = re.compile(
    r"^posted by:? (?P<name>.+?)\s*(?:\bon\b|\bat\b|\||,|—|-)\s*(?P<when>.+)$", re.I
)
_DETERMINER = re.compile(r"^(?:the|a|an|this|that|our|my|his|her|their|its)\s", re.I)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A comment stamp: who, when, and whether it opens or closes its comment."""

    author: str
    posted: str | None
    opens: bool | None  # True: starts its comment; False: ends it; None: either
    body_from: int | None = None  # "NAME says: text": where the comment text begins
    clock: str | None = None  # a time without a date ("Posted by NAME at 8:31 PM")


def read_stamp(line: str) -> Stamp | None:
    """Read a comment stamp line, or return None when `line` is not one."""
    if match := _ON_WROTE.match(line):
        when = read_when(match.group("when"))
        name = match.group("name").strip()
        return Stamp(name, when, True, len(line)) if when and is_name(name) else None
    if match := POSTED_BY.match(line):
        name, when = match.group("name").strip(" ,|:"), read_when(match.group("when"))
        if is_name(name) and (when or TIME.search(match.group("when"))):
            return Stamp(name, when, False, clock=read_clock(match.group("when")))
    if match := _SAYS.match(line):
        name = match.group("name").strip()
        head = name
        when = None
        if found := DATE.search(name):  # "NAME on April 2, 2008 at 10:05 pm said:"
            head = name[: found.start()]
            when = read_when(name[found.start() :])
            head = re.sub(r"\s+(?:on|at|\||,|—|-)\s*$", "", head).strip()
        if is_name(head) and '"' not in head and not _DETERMINER.match(head):
            return Stamp(head, when, True, match.start("rest"))
        return None
    if _YEAR.search(line) is None:
        return None  # most lines: no date, and the date search is slow on long lines
    found = DATE.search(line)
    if found is None or found.start() == 0:
        return None
    name = re.sub(r"[\s,|:;@—–\-]*(?:\b(?:on|at)\b)?[\s,|:;@—–\-]*$", "", line[: found.start()])
    rest = line[found.end() :]
    clock = TIME.search(rest)
    if clock is not None:
        rest = rest[: clock.start()] + rest[clock.end() :]
    if not _SEPARATORS.match(_TRAILER.sub("", rest)) or not is_name(name):
        return None
    if clock is None and not re.search(r"(?:\bon|\||—|-)\s*$", line[: found.start()]):
        return None  # "Maliki visited Iran November 18, 2007" is no stamp
    return Stamp(name.strip(), read_when(line[found.start() :]), None)


def stamp_shaped(line: str) -> bool:
    """Tell whether a short line looks like a stamp (a name and a clock time or year)."""
    words = line.split()
    return (
        2 <= len(words) <= 10
        and bool(TIME.search(line) or re.search(r"\b(19|20)\d\d\b", line))
        and not line.endswith(".")
    )


def is_name(name: str) -> bool:
    """Tell whether `name` can be a person's or a user's name (short, no sentence end)."""
    words = name.split()
    initial = re.search(r"\b[A-Z]\.$", name) is not None  # "Bill K."
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and len(name) <= 60
        and any(ch.isalpha() for ch in name)
        and (initial or not name.endswith((".", "!", "?", ",")))
        and not is_boilerplate(name)
    )


def is_date_line(line: str) -> bool:
    """Tell whether `line` is only a date and time ("March 3, 2008 at 9:12 am")."""
    found = DATE.search(line)
    if found is None or len(line.split()) > 8:
        return False
    rest = TIME.sub(" ", line[: found.start()] + " " + line[found.end() :])
    return bool(_SEPARATORS.match(_TRAILER.sub("", rest)))


def read_when(value: str) -> str | None:
    """Return the first date in `value` as ISO, with "THH:MM" when a clock time is given."""
    found = DATE.search(value)
    if found is None:
        return None
    groups = found.groupdict()
    try:
        if groups["iso"]:
            day = date.fromisoformat(groups["iso"])
        elif groups["ny"]:
            day = date(int(groups["ny"]), int(groups["nm"]), int(groups["nd"]))
        else:
            month = groups["m1"] or groups["m2"]
            number = groups["d1"] or groups["d2"]
            year = groups["y1"] or groups["y2"]
            # casefold: the IGNORECASE pattern also matches "ſep" (long s) for "Sep"
            day = date(int(year), _MONTHS[month[:3].casefold()], int(number))
    except ValueError:
        return None
    clock = read_clock(value[: found.start()] + " " + value[found.end() :])
    return f"{day.isoformat()}T{clock}" if clock else day.isoformat()


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
