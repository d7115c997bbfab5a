"""The grammar of comment stamps: who wrote a comment and when, as engines print it.

A stamp either starts its comment ("NAME says:", "NAME said...", "NAME • 3 hours ago",
"[–] NAME 231 points 5 hours ago", "Post by NAME » Mon Nov 24, 2008 9:14 pm", "On DATE, NAME
wrote:") or ends it ("NAME on November 18, 2007 at 8:25 PM", "Posted by NAME at 8:31 PM").
Some engines print the name and the time on two lines ("Faraz A." then "Sep 22, 2008"); a
reply may name whom it answers ("Karim → Yael_S • 2 hours ago"); the author is NAME.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.coder.structure.boilerplate import is_boilerplate, is_ui_line
from dyad.coder.structure.times import TIME, Age, find_time, is_time_only, read_clock, read_when

MAX_NAME_WORDS = 6
MAX_PLAIN_NAME_WORDS = 4
MAX_NAME_LINE_CHARS = 120  # "Levant Dispatch <dispatch@example.org>"; longer is text

_SAYS = re.compile(
    r"^(?P<name>[^\s:\"“].{0,59}?) (?:(?:says|writes):|said(?:\.\.\.|…))\s*(?P<rest>(?![\"“]).*)$",
    re.I,
)
_ON_WROTE = re.compile(r"^on (?P<when>.+?),? (?P<name>[^,]{1,60}) (?:wrote|said):\s*$", re.I)
POSTED_BY = re.compile(
    r"^posted by:? (?P<name>.+?)\s*(?:\bon\b|\bat\b|\||,|—|-)\s*(?P<when>.+)$", re.I
)
_DETERMINER = re.compile(r"^(?:the|a|an|this|that|our|my|his|her|their|its)\s", re.I)
_PREFIX = re.compile(r"^(?:\[[–\-+]\]\s*)?(?:(?:posted by|post by|by|from):?\s+)?(?:u/|@)?", re.I)
_CLOSING_PREFIX = re.compile(r"^posted by\b", re.I)
_ABOVE = re.compile(r"^\[[–\-+]\]|»|\bpoints?\b", re.I)
_REPLY_TO = re.compile(r"\s*(?:→|->|▸|replied to|in reply to)\s.*$", re.I)
_POINTS = re.compile(r"\s+(?:-?\d+\s+points?|score hidden)\s*$", re.I)
_EMAIL = re.compile(r"\s*<[^<>\s]+@[^<>\s]+>\s*$")
_WEEKDAY = (
    r"\b(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?)\b\.?"
)
_SEPARATED = re.compile(rf"(?:\b(?:on|at)|[|—–\-•·»:,@]|\d+\s+points?|{_WEEKDAY})\s*$", re.I)
# one separator character per step: "(?:[...]+|...)*" backtracks exponentially on long lines
_TAIL = re.compile(rf"(?:[\s,|:;@—–\-•·»]|\b(?:on|at)\b|{_WEEKDAY})*$", re.I)
_TRAILER = re.compile(
    r"^[\s|,·•:;—–\-]*(?:(?:permalink|reply|link|report(?: abuse)?|edited|#\d+|said|says|wrote"
    r"|posted|ago)\b[\s|,·•:;—–\-]*)*$",
    re.I,
)
_PARTICLES = frozenset("in of de del van von al el bin ibn la le da du y the from".split())


@dataclass(frozen=True, slots=True)
class Stamp:
    """A comment stamp: who, when, and whether it opens or closes its comment."""

    author: str
    posted: str | None
    opens: bool | None  # True: starts its comment; False: ends it; None: either
    body_from: int | None = None  # "NAME says: text": where the comment text begins
    clock: str | None = None  # a time without a date ("Posted by NAME at 8:31 PM")
    age: Age | None = None  # a relative time ("3 hours ago"), resolved by the caller


def read_stamp(line: str, year: int | None = None) -> Stamp | None:
    """Read a one-line comment stamp, or return None when `line` is not one.

    Args:
        line: One stripped line.
        year: The post's year, for stamps that print none ("Omar S. Nov 23").
    """
    if match := _ON_WROTE.match(line):
        when = read_when(match.group("when"), year)
        name = match.group("name").strip()
        return Stamp(name, when, True, len(line)) if when and is_name(name) else None
    if match := POSTED_BY.match(line):
        name, when = match.group("name").strip(" ,|:"), read_when(match.group("when"), year)
        if is_name(name) and (when or TIME.search(match.group("when"))):
            return Stamp(name, when, False, clock=read_clock(match.group("when")))
    if match := _SAYS.match(line):
        return _says(match, year)
    if len(line) > 160 or not any(ch.isdigit() for ch in line[:120]) and "ago" not in line:
        return None  # most lines: no time, and the searches are slow on long lines
    found = find_time(line, year, ages=True)
    if found is None or found.start == 0:
        return None
    head, rest = line[: found.start], line[found.end :]
    if not _TRAILER.match(TIME.sub(" ", rest)):
        return None
    name = clean_name(head)
    separated = bool(_SEPARATED.search(head)) or "T" in (found.posted or "")
    if not is_name(name) or not (separated or is_plain_name(name) and _handle_or_names(name)):
        return None  # "Maliki visited Iran November 18, 2007", "Pay March 31" are no stamps
    # engines that print ages, points or "»" print the stamp above the comment
    above = found.age is not None or bool(_ABOVE.search(head))
    opens = False if _CLOSING_PREFIX.match(head) else True if above else None
    return Stamp(name, found.posted, opens, age=found.age)


def read_name_line(line: str) -> str | None:
    """Return the name when `line` is only a name ("Faraz A.", "NAME <mail@host>")."""
    if len(line) > MAX_NAME_LINE_CHARS:
        return None
    name = clean_name(_EMAIL.sub("", line))
    if line.endswith(":") or is_boilerplate(line) or is_ui_line(line):
        return None
    return name if is_plain_name(name) else None


def read_time_line(line: str, year: int | None) -> tuple[str | None, Age | None] | None:
    """Return (time, age) when `line` says only when, else None."""
    if not is_time_only(line, year):
        return None
    found = find_time(line, year, ages=True)
    return (found.posted, found.age) if found else None


def clean_name(text: str) -> str:
    """Strip a stamp's furniture from a name: "[–] u/NAME → OTHER 12 points •" -> NAME."""
    name = _PREFIX.sub("", text.strip())
    name = _POINTS.sub("", _REPLY_TO.sub("", name))
    return _TAIL.sub("", name).strip()


def is_name(name: str) -> bool:
    """Tell whether `name` can be a person's or a user's name (short, no sentence end)."""
    words = name.split()
    initial = re.search(r"\b[A-Z]\.$", name) is not None  # "Bill K."
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and len(name) <= 60
        and any(ch.isalpha() for ch in name)
        and (initial or not name.endswith((".", "!", "?", ",", ":")))
        and not is_boilerplate(name)
        and not is_ui_line(name)
    )


def is_plain_name(name: str) -> bool:
    """Tell whether `name` reads as a name with nothing around it: a handle or capitalised words.

    "kettle_of_fish", "Ruslan T.", "Kate in Tampa" are; "Maliki visited Iran" is not.
    """
    words = name.split()
    if not is_name(name) or len(words) > MAX_PLAIN_NAME_WORDS or _DETERMINER.match(name):
        return False
    if len(words) == 1:
        return name[0].isalnum() or name.startswith("[")
    return all(  # "al-Jaff", "McCain": a capital inside the word will do
        any(c.isupper() for c in word)
        or word.lower() in _PARTICLES
        or any(c in word for c in "_0123456789")
        for word in words
    ) and any(word[0].isupper() for word in words)


def _handle_or_names(name: str) -> bool:
    """Tell whether `name` is two or more words or one that only a user name looks like.

    "Omar S.", "lena_k", "TokyoObserver" are; "Pay" and "Record" (a dividend notice's
    "Pay March 31") are not.
    """
    if " " in name:
        return True
    return (
        name[0].islower()
        or any(ch in name for ch in "_.0123456789[")
        or (any(ch.isupper() for ch in name[1:]))
    )


def _says(match: re.Match[str], year: int | None) -> Stamp | None:
    name = match.group("name").strip()
    head, when = name, None
    found = find_time(name, year)
    if found is not None:  # "NAME on April 2, 2008 at 10:05 pm said:"
        head = re.sub(r"\s+(?:on|at|\||,|—|-)\s*$", "", name[: found.start]).strip()
        when = found.posted
    head = clean_name(head)
    # "In my Message to the Congress on December 5, 1905, I said:" names nobody
    if is_plain_name(head) and '"' not in head:
        return Stamp(head, when, True, match.start("rest"))
    return None
