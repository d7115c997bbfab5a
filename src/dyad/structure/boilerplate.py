"""Lines that are page furniture, never coded: share bars, tags, related posts, legal notices."""

from __future__ import annotations

import re

_LEGAL = r"|.*\b(?:all rights reserved|terms of (?:use|service)|privacy policy)\b.*"
_BOILERPLATE = re.compile(
    r"^(?:related (?:posts?|articles?|stories|entries|reading|links)\b.*"
    r"|(?:tags|tagged|filed under|categories|category|posted in|labels)\s*:.*"
    r"|(?:\d+\s+)?(?:trackbacks?|pingbacks?)\b.*|trackback url.*"
    r"|(?:share|tweet|email|print|like)(?: (?:this|on \w+|it|post|story|article))+\b.*"
    + _LEGAL
    + r"|(?:©|\(c\)|copyright)\s.*|subscribe\b.{0,40}|leave a (?:reply|comment)\b.*"
    r"|you must be logged in.*|powered by\b.{0,40}|(?:read more|continue reading)\b.{0,40}"
    r"|(?:previous|next) (?:post|entry|article)\b.*)$",
    re.I,
)
# The same without the legal notices: their leading ".*" makes every long line slow. The
# hints are words of each notice in letters that, ignoring case, match only themselves.
_BOILERPLATE_NOT_LEGAL = re.compile(_BOILERPLATE.pattern.replace(_LEGAL, ""), re.I)
_LEGAL_HINTS = ("erved", "term", "vacy")
LISTING = re.compile(r"^(?:\d+\s+)?(?:trackbacks?|pingbacks?|related)\b", re.I)


def is_boilerplate(line: str) -> bool:
    """Tell whether `line` is page furniture (share bar, tags, related posts, legal notice)."""
    lower = line.lower()
    if any(hint in lower for hint in _LEGAL_HINTS):
        return _BOILERPLATE.match(line) is not None
    return _BOILERPLATE_NOT_LEGAL.match(line) is not None
