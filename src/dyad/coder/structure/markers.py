"""Markers of a post's parts: headline, byline, wire dateline, updates, comments heading.

Updates and corrections open with a marker word, an optional number, and optional details
in any order: the second author's name, a time, a date ("UPDATE:", "Update (NAME):",
"UPDATE 2, 3:15 pm:", "Update, 11/19:", "Correction (Nov. 20):", "Editor's note:", "Added:",
"Bumped:", "More (NAME):", "[Update]"). Details that are neither a name nor a time mean
the line is prose ("More than 1,600 people died: ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.coder.structure.boilerplate import is_boilerplate
from dyad.coder.structure.stamps import is_name, is_plain_name, read_stamp
from dyad.coder.structure.times import MONTH, TIME, Age, find_time, read_clock, read_when

_BYLINE = [
    re.compile(r"^posted (?:at|on) (?P<when>.+?) by:? (?P<name>.+?)\.?$", re.I),
    re.compile(r"^posted by:? (?P<name>.+?)\s*(?:\bon\b|\bat\b|\||,|—|-)\s*(?P<when>.+)$", re.I),
    re.compile(r"^by:? (?P<name>[^,|]+?)\s*(?:,|\||—|-|\bon\b)\s*(?P<when>.+)$", re.I),
    re.compile(r"^[Bb][Yy]:? (?P<name>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4})$"),
]
_MAIL_FROM = re.compile(r"^(?:from|sender):\s*(?P<name>[^<>@]+?)\s*(?:<[^<>\s]+>)?$", re.I)
_MAIL_DATE = re.compile(r"^(?:date|sent):\s*(?P<when>.+)$", re.I)
_SUBMITTED = re.compile(r"^submitted (?P<when>.{1,40}?) by (?:u/)?(?P<name>\S+)\s*$", re.I)
_FOOTER = re.compile(rf"^posted by:? (?P<name>.+?) at (?P<clock>{TIME.pattern})", re.I)
DATELINE = re.compile(rf"^[A-Z][A-Z .'-]+, (?P<when>{MONTH} \d{{1,2}}, \d{{4}})\b[^\n]{{0,40}}?--")
_UPDATE = re.compile(
    r"^[*_\[(]*(?P<word>(?:(?:late|later|another|further|final|second|third) )?"
    r"(?:update[ds]?|edit(?:ed)?|more|addendum|added|addition|correction|corrected|clarification"
    r"|editor['’]?s note|ed\.? note|bumped|bump|postscript))\b"
    r"(?P<extra>(?:[^:\]\n]|:(?=\d\d)){0,60}?)[*_]*(?::(?!\d\d)|\]|\s[—–]\s)",
    re.I,
)
_COUNT = re.compile(r"^(?:no\.?\s*)?\d{1,2}\b(?![:/.]\d)[\s,]*|^#\d+[\s,]*", re.I)
_EXTRA_SPLIT = re.compile(r"\s*[,;]\s*|\s+(?:at|on|by|from)\s+|\s+[—–-]\s+")
COMMENTS_HEADING = re.compile(
    r"^(?:\d+\s+|\(\d+\)\s+)?(?:reader\s+)?(?:comments?|responses?|replies|reactions|discussion"
    r"|thoughts)(?:\s*\(\d+\)|\s+(?:to|on|about)\b.{0,80}|:)?$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Byline:
    """Who wrote the post and when: a time, a relative age, or a clock time alone."""

    author: str | None
    posted: str | None = None
    age: Age | None = None
    clock: str | None = None


def is_headline_text(head: str) -> bool:
    """Tell whether a first line reads as a headline (short, no sentence end, no stamp)."""
    return (
        len(head.split()) <= 25
        and not head.endswith((".", ",", ":", ";"))
        and not DATELINE.match(head)
        and read_stamp(head) is None
        and not is_boilerplate(head)
    )


def read_byline(line: str) -> Byline | None:
    """Return the byline `line` gives, else None.

    "Posted at 8:11 pm on November 18, 2007 by NAME", "By NAME, March 3, 2008", "By NAME",
    "submitted 6 hours ago by NAME", "Post by NAME » Mon Nov 24, 2008 9:14 pm".
    """
    for pattern in _BYLINE:
        match = pattern.match(line)
        if match is None:
            continue
        name = match.group("name").strip(" ,|")
        when = read_when(match.group("when")) if "when" in match.groupdict() else None
        if "when" in match.groupdict() and when is None:
            continue
        if is_name(name):
            return Byline(name, when)
    if (match := _MAIL_FROM.match(line)) and is_name(match["name"]):
        return Byline(match["name"])
    if (match := _MAIL_DATE.match(line)) and (when := read_when(match["when"])):
        return Byline(None, when)
    if (match := _SUBMITTED.match(line)) and (found := find_time(match["when"], ages=True)):
        return Byline(match["name"], found.posted, found.age)
    stamp = read_stamp(line)
    if stamp is not None and stamp.body_from is None and (stamp.posted or stamp.age):
        return Byline(stamp.author, stamp.posted, stamp.age)
    return None


def read_footer_byline(line: str) -> Byline | None:
    """Return the byline of a post footer ("posted by NAME at 8:14 PM 3 comments")."""
    match = _FOOTER.match(line)
    if match is None or not is_name(name := match["name"].strip(" ,|")):
        return None
    return Byline(name, read_when(line), clock=read_clock(match["clock"]))


def read_update(line: str) -> tuple[str | None, str | None] | None:
    """Return (author, the words giving its time) of an update marker opening `line`.

    None when `line` opens with no marker, or with a marker word whose details are
    neither a name nor a time.
    """
    match = _UPDATE.match(line.lstrip("*_ "))
    if match is None:
        return None
    extra = _COUNT.sub("", match["extra"].strip(" ()[],.")).strip(" ()[],")
    who, when = None, None
    for part in filter(None, _EXTRA_SPLIT.split(extra)):
        part = part.strip(" ()[]")
        if find_time(part, 2000) or read_clock(part) or re.fullmatch(r"[ap]\.?m\.?", part, re.I):
            when = extra
        elif who is None and is_plain_name(part):
            who = part
        elif part:
            return None
    return who, when


def resolve_when(words: str, post: str | None) -> str | None:
    """Return the time `words` give ("3:15 pm", "11/19", "Nov. 20"), read on the post's day."""
    year = int(post[:4]) if post else None
    found = find_time(words, year)
    if found is not None:
        return found.posted
    clock = read_clock(words)
    return f"{post[:10]}T{clock}" if clock and post else None
