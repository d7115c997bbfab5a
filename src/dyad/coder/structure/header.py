"""Read a post's header: the headline, then the byline and the lines around it.

The headline is the first line (the page title for HTML), after any site furniture or a
date line above it (Blogger prints the day first). Between the headline and the first
paragraph come short lines: site name, navigation, a subtitle, the title repeated by an
<h1>, and the byline, on one line ("Posted at 8:11 pm on November 18, 2007 by NAME", "By
NAME, March 3, 2008", "submitted 6 hours ago by NAME", "Post by NAME » DATE") or on two
("Leyla Nasirova" above "Sep 2, 2008", buttons like "Follow" between), or only a date
line. When a byline or date is found, the short lines up to it are boilerplate.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.coder.structure.boilerplate import is_boilerplate, is_ui_line
from dyad.coder.structure.markers import DATELINE, Byline, is_headline_text, read_byline
from dyad.coder.structure.stamps import read_name_line, read_time_line
from dyad.coder.structure.threads import Label, Line
from dyad.coder.structure.times import Age, read_when
from dyad.records import Document

MAX_HEADER_LINES = 14
MAX_HEADER_WORDS = 15  # a subtitle may be long; a sentence ends with a full stop
MAX_LEADING_LINES = 3  # furniture or a date line above the headline
MAX_BUTTONS_BETWEEN = 2  # "Devika Menon" / "Follow" / "6 min read · Nov 30, 2008"


@dataclass(slots=True)
class Post:
    """What the header says of the post, and where its body begins."""

    author: str | None = None
    posted: str | None = None
    age: Age | None = None  # "submitted 6 hours ago": how old the post was when read
    body: int = 0
    explicit: bool = False  # the author comes from a byline, not a bare name line
    clock: str | None = None  # a clock time from a footer byline ("posted by NAME at 8:14 PM")


def read_header(document: Document, lines: list[Line], labels: list[Label]) -> Post:
    """Label the headline and header lines of `document`; return the post's author and time."""
    post = Post()
    first = _headline(document, lines, labels, post)
    headline = lines[first - 1].text if first else ""
    last = None
    byline_at: tuple[int, Byline] | None = None
    index = first
    while index < min(first + MAX_HEADER_LINES, len(lines)):
        line = lines[index].text
        if is_boilerplate(line) or is_ui_line(line):
            index += 1
            continue
        if (byline := read_byline(line)) is not None:
            _take(post, byline, explicit=True)
            last = index
            byline_at = byline_at or (index, byline)
        elif (pair := _name_and_time(lines, index)) is not None:
            _take(post, pair[0], explicit=False)
            last = index = pair[1]
        elif (when := read_time_line(line, None)) is not None:
            post.posted = post.posted or when[0]
            last = index
        elif not _repeats(line, headline) and (
            len(line.split()) > MAX_HEADER_WORDS or line.endswith((".", "!", "?", "”", '"'))
        ):
            break
        index += 1
    if last is None:
        if first < len(lines) and (match := DATELINE.match(lines[first].text)):
            post.posted = read_when(match.group("when"))
        post.body = first
        return post
    body = last + 1
    while body < len(lines) and (
        _repeats(lines[body].text, headline) or is_ui_line(lines[body].text)
    ):
        body += 1
    for index in range(first, body):
        labels[index] = ("boilerplate", None, None)
    if byline_at is not None:  # the byline line carries what it says
        labels[byline_at[0]] = ("boilerplate", byline_at[1].author, byline_at[1].posted)
    post.body = body
    return post


def _headline(document: Document, lines: list[Line], labels: list[Label], post: Post) -> int:
    """Label the headline (and the furniture above it); return the index after it."""
    if document.title and document.text.lstrip().startswith(document.title):
        if len(lines) > 1:
            labels[0] = ("headline", None, None)
            return 1
        return 0
    for index in range(min(MAX_LEADING_LINES + 1, len(lines) - 1)):
        line = lines[index].text
        if is_headline_text(line) and read_time_line(line, None) is None:
            for before in range(index):
                labels[before] = ("boilerplate", None, None)
                when = read_time_line(lines[before].text, None)
                post.posted = post.posted or (when[0] if when else None)
            labels[index] = ("headline", None, None)
            return index + 1
        if not (is_boilerplate(line) or is_ui_line(line) or read_time_line(line, None)):
            return 0
    return 0


def _name_and_time(lines: list[Line], index: int) -> tuple[Byline, int] | None:
    """Read a name line followed (buttons between) by a time line; return it and its end."""
    name = read_name_line(lines[index].text)
    if name is None:
        return None
    for after in range(index + 1, min(index + 2 + MAX_BUTTONS_BETWEEN, len(lines))):
        when = read_time_line(lines[after].text, None)
        if when is not None:
            return Byline(name, when[0], when[1]), after
        if not is_ui_line(lines[after].text):
            return None
    return None


def _take(post: Post, byline: Byline, *, explicit: bool) -> None:
    if byline.author and (explicit or not post.explicit):
        post.author, post.explicit = byline.author, explicit or post.explicit
    post.posted = post.posted or byline.posted
    post.age = post.age or byline.age


def _repeats(line: str, headline: str) -> bool:
    return len(line) > 10 and line in headline  # an <h1> repeating the <title>
