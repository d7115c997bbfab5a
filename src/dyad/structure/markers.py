"""Markers of a post's parts: headline, byline, wire dateline, update, comments heading."""

from __future__ import annotations

import re

from dyad.structure.boilerplate import is_boilerplate
from dyad.structure.stamps import MONTH, is_name, read_stamp, read_when

_BYLINE = [
    re.compile(r"^posted (?:at|on) (?P<when>.+?) by:? (?P<name>.+?)\.?$", re.I),
    re.compile(r"^posted by:? (?P<name>.+?)\s*(?:\bon\b|\bat\b|\||,|—|-)\s*(?P<when>.+)$", re.I),
    re.compile(r"^by:? (?P<name>[^,|]+?)\s*(?:,|\||—|-|\bon\b)\s*(?P<when>.+)$", re.I),
    re.compile(r"^by:? (?P<name>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4})$"),
]
DATELINE = re.compile(rf"^[A-Z][A-Z .'-]+, (?P<when>{MONTH} \d{{1,2}}, \d{{4}})\b[^\n]{{0,40}}?--")
UPDATE = re.compile(
    r"^(?P<word>update|updated|more|addendum|correction)\b\s*(?P<extra>[^:\n]{0,60}):", re.I
)
COMMENTS_HEADING = re.compile(
    r"^(?:\d+\s+|\(\d+\)\s+)?(?:reader\s+)?(?:comments?|responses?|replies|reactions|discussion)"
    r"(?:\s*\(\d+\)|\s+(?:to|on)\b.{0,80}|:)?$",
    re.I,
)


def is_headline_text(head: str) -> bool:
    """Tell whether a first line reads as a headline (short, no sentence end, no stamp)."""
    return (
        len(head.split()) <= 25
        and not head.endswith((".", ",", ":", ";"))
        and not DATELINE.match(head)
        and read_stamp(head) is None
        and not is_boilerplate(head)
    )


def read_byline(line: str) -> tuple[str | None, str | None] | None:
    """Return (author, time) when `line` is a byline, else None."""
    for pattern in _BYLINE:
        match = pattern.match(line)
        if match is None:
            continue
        name = match.group("name").strip(" ,|")
        when = read_when(match.group("when")) if "when" in match.groupdict() else None
        if "when" in match.groupdict() and when is None:
            continue
        if is_name(name):
            return name, when
    return None


def read_update(line: str) -> tuple[str | None, str | None] | None:
    """Return (author, time) of an update marker opening `line`, or None if it has none."""
    match = UPDATE.match(line)
    if match is None:
        return None
    extra = match.group("extra").strip(" ()[],")
    when = read_when(extra)
    who = extra if extra and when is None and is_name(extra) else None
    return who, when
