"""Lines that are page furniture, never coded: share bars, tags, related posts, legal notices."""

from __future__ import annotations

import re

SIGNATURE_RULE = r"[_=~*]{4,}|-{4,}"  # the rule forums print above a signature
_LEGAL = (
    r"|.*\b(?:all rights reserved|terms of (?:use|service)|privacy policy|uses cookies"
    r"|use of cookies|use cookies|cookie (?:settings|policy|preferences))\b.*|.{0,60}©.{0,60}"
)
# A share bar is short: "Share this with" glued to a whole story (13 NewsArticles stories
# print it so, in one paragraph) must not make the story furniture.
_BOILERPLATE = re.compile(
    r"^(?:related (?:posts?|articles?|stories|entries|reading|links|topics)\b.*"
    r"|(?:tags|tagged|filed under|categories|category|posted in|labels)\s*:.*"
    r"|(?:\d+\s+)?(?:trackbacks?|pingbacks?)\b.*|trackback url.*"
    r"|(?:share|tweet|email|print|like)(?: (?:this|on \w+|it|post|story|article))+\b.{0,200}"
    + _LEGAL
    + r"|(?:©|\(c\)|copyright)\s.*|subscribe\b.{0,40}|leave a (?:reply|comment)\b.*"
    r"|you must be logged in.*|powered by\b.{0,60}|(?:read more|continue reading)\b.{0,40}"
    r"|(?:previous|next) (?:post|entry|article)\b.*"
    r"|view (?:this email |it )?in (?:your |a )?browser\b.*|forwarded this email\b.*"
    r"|you are receiving this\b.*|(?:unsubscribe|update your preferences)\b.*"
    r"|want to change how you receive\b.*|thanks for reading\b.*|sign up for more\b.*"
    r"|get the latest posts\b.*|you might also like\b.*|suggested topics\b.*|more from\b.{0,40}"
    r"|who is online\b.*|users browsing this forum\b.*|display posts from\b.*"
    r"|return to\b.{0,60}|published with\b.{0,40}|written by\b.{0,60}"
    r"|your email address will not be published\b.*|required fields are marked\b.*"
    r"|comments are (?:closed|moderated)\b.*|created\b.{0,40}\blast reply\b.*"
    r"|re:\s.{0,100}|(?:subject|to|cc|bcc|reply-to):\s.{0,120}|r/\w+|\[removed\]|board index\b.*"
    r"|\d+\s+min(?:ute)?s?\s+read|" + SIGNATURE_RULE + r"|--\s?\S.{0,40}"
    r"|(?:[^‹›»\n]{1,40}\s[‹›»]\s){2,}[^‹›»\n]{1,40})$",
    re.I,
)
# The same without the legal notices: their leading ".*" makes every long line slow. The
# hints are words of each notice in letters that, ignoring case, match only themselves.
_BOILERPLATE_NOT_LEGAL = re.compile(_BOILERPLATE.pattern.replace(_LEGAL, ""), re.I)
_LEGAL_HINTS = ("erved", "term", "vacy", "ookie", "©")
# After these, short lines are a list of links or an author's bio, not text.
LISTING = re.compile(
    r"^(?:\d+\s+)?(?:trackbacks?|pingbacks?|related|you might also like|read more"
    r"|suggested topics|more from|written by|leave a (?:reply|comment)|post a comment)\b",
    re.I,
)
_SIGNATURE = re.compile(SIGNATURE_RULE)


def is_boilerplate(line: str) -> bool:
    """Tell whether `line` is page furniture (share bar, tags, related posts, legal notice)."""
    lower = line.lower()
    if any(hint in lower for hint in _LEGAL_HINTS):
        return _BOILERPLATE.match(line) is not None
    return _BOILERPLATE_NOT_LEGAL.match(line) is not None


# Words of buttons, counters and menus: a line of only these (and numbers) is furniture.
_UI_WORDS = frozenset(
    """reply replies share like likes liked report follow following subscribe subscribed
    sign in up log login logout register join top home faq quick links listen accept all
    permalink save saved hide embed give award sort sorted by best newest oldest new old
    controversial points point newer older post posts a comment comments jump to inbox me
    enter your email read more archive about privacy terms cookie settings upvote downvote
    vote quote edit edited flag collection notice open in app menu search next previous
    parent context full level continue this thread view discussion notifications
    translate see original retweet""".split()
)
_UI_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_UI_SEPARATORS = re.compile(r"^[\s\d•·|›‹»«,:;()\[\]/\-–—∙…+*#↑↓^]*$")


def is_signature_rule(line: str) -> bool:
    """Tell whether `line` is the rule above a signature ("_________________")."""
    return _SIGNATURE.fullmatch(line) is not None


def is_ui_line(line: str) -> bool:
    """Tell whether `line` is only buttons and counters ("5 • Reply • Share ›", "12", "Top")."""
    if len(line) > 80:
        return False
    words = [w.lower() for w in _UI_TOKEN.findall(line) if not w.isdigit()]
    if not words:
        return bool(_UI_SEPARATORS.match(line)) and any(ch.isdigit() for ch in line)
    return all(word in _UI_WORDS for word in words) and len(words) <= 8
