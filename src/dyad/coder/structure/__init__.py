"""Split a document into the parts an analyst reads apart: headline, article, updates, comments.

Reads: Document.text (and Document.title, Document.date).  Adds: Segment(kind, start, end,
author, posted) that tile the text in order, and `Rejection(stage="structure-warning")` for a
comment thread kept as article text because none of its stamps could be read.

The text is read line by line. HTML arrives here already flattened by `dyad.read` (one block
element per line), so the same rules serve plain-text and HTML posts of every engine
(WordPress, Blogger, Substack, Medium, Ghost, Disqus, Reddit, phpBB, Discourse, newsletters):

- `header`: the headline, the byline (author and post time) and the furniture around them;
- `markers`: bylines, update and correction markers, comments headings;
- `threads`: the comment thread, each comment with its author and time;
- `stamps` and `times`: the grammar of comment stamps and of the times they print, relative
  ones ("3 hours ago") resolved against the post's time;
- `boilerplate`: share bars, buttons, related posts, signatures, cookie and legal notices;
- `quotes`: comment text repeating earlier text becomes a `quote`, so it is coded once.

Times are ISO strings: "2007-11-18T20:25" when the stamp gives a clock time, else "2007-11-18".
An update's time, when its marker gives one ("UPDATE 2, 3:15 pm:"), is read on the post's day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from dyad.coder.structure.boilerplate import LISTING, is_boilerplate, is_signature_rule, is_ui_line
from dyad.coder.structure.header import Post, read_header
from dyad.coder.structure.markers import (
    COMMENTS_HEADING,
    read_footer_byline,
    read_update,
    resolve_when,
)
from dyad.coder.structure.quotes import append_segment, mark_quotes
from dyad.coder.structure.stamps import read_stamp
from dyad.coder.structure.threads import Label, Line, Resolve, Thread, find_thread, label_thread
from dyad.coder.structure.times import Age
from dyad.records import Document, Rejection, Segment

__all__ = ["STRUCTURE_NAME", "Structure", "split_segments", "structure_warnings"]

STRUCTURE_NAME = "dyad.structure.rules.v2"
MAX_LISTED_WORDS = 15  # a related-posts title or an author's bio line, not a paragraph
MAX_UPDATE_CHARS = 2_000  # an update paragraph; a longer line is a text without paragraphs


@dataclass(frozen=True, slots=True)
class Structure:
    """The segments of one document and the warnings raised while finding them."""

    segments: tuple[Segment, ...]
    warnings: tuple[Rejection, ...] = ()


def split_segments(document: Document) -> list[Segment]:
    """Return the segments of `document`, in text order, tiling `document.text`.

    Args:
        document: A document from `dyad.read`; offsets refer to `document.text`.

    Returns:
        Segments with kind headline, article, update, comment, quote or boilerplate; the
        pipeline codes all but quote and boilerplate. `structure_warnings` gives the
        warnings raised on the way.
    """
    return list(structure_document(document).segments)


def structure_warnings(document: Document) -> list[Rejection]:
    """Return the warnings for `document` (stage "structure-warning"); the document is kept."""
    return list(structure_document(document).warnings)


@lru_cache(maxsize=64)  # the CLI asks for the warnings and the pipeline for the segments
def structure_document(document: Document) -> Structure:
    """Return the segments of `document` and the warnings raised while finding them."""
    text = document.text
    lines = _lines(text)
    if not lines:
        return Structure((Segment("article", 0, len(text)),))
    labels: list[Label] = [("article", None, None)] * len(lines)
    post = read_header(document, lines, labels)
    dated = post.posted or _iso_date(document.date)
    year = int(dated[:4]) if dated else None
    thread, warning = find_thread(document, lines, post.body, year)
    updates = _label_body(lines, labels, post, thread.start if thread else len(lines))
    posted = _post_time(post, document)
    if thread:
        resolve = _resolver(posted, post.age, thread)
        label_thread(lines, labels, thread, day=posted[:10] if posted else None, resolve=resolve)
    for index, (kind, who, when) in enumerate(labels):
        if kind in ("headline", "article"):
            labels[index] = (kind, who or post.author, when or posted)
        elif kind == "update":
            words = updates.get(index)
            labels[index] = (
                kind,
                who or post.author,
                resolve_when(words, posted) if words else None,
            )
    segments = _tile(text, lines, labels)
    if thread:
        segments = mark_quotes(text, segments)
    return Structure(tuple(segments), (warning,) if warning else ())


def _lines(text: str) -> list[Line]:
    found, position = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            left = position + len(raw) - len(raw.lstrip())
            found.append(Line(left, left + len(stripped), stripped))
        position += len(raw) + 1
    return found


def _label_body(lines: list[Line], labels: list[Label], post: Post, stop: int) -> dict[int, str]:
    """Label the post's body: article, updates, furniture; return each update line's time words."""
    update: Label | None = None
    words: str | None = None
    alone = False
    times: dict[int, str] = {}
    mode = ""  # "listing" after "Related posts", "signature" below a "_____" rule
    for index in range(post.body, stop):
        line = lines[index].text
        if (footer := read_footer_byline(line)) is not None:  # Blogger: below the post
            post.author = post.author if post.explicit else footer.author
            post.explicit = True
            post.posted = post.posted or footer.posted
            post.clock = footer.clock
            labels[index], update, mode = ("boilerplate", None, None), None, ""
            continue
        # a whole text on one line ("Editor's note: ..." and 2,000 words) is no update
        marker = read_update(line) if len(line) <= MAX_UPDATE_CHARS else None
        if marker is not None:
            update, words, mode = ("update", marker[0], None), marker[1], ""
            # a note above the article ("Editor's note: ...") is that paragraph alone
            alone = not any(labels[i][0] == "article" for i in range(post.body, index))
        listed = mode == "listing" and len(line.split()) <= MAX_LISTED_WORDS
        furniture = is_boilerplate(line) or is_ui_line(line) and not COMMENTS_HEADING.match(line)
        if furniture or listed or mode == "signature":
            labels[index] = ("boilerplate", None, None)
            mode = "listing" if LISTING.match(line) else mode
            mode = "signature" if is_signature_rule(line) else mode
            update = None
            continue
        mode = ""
        if update is not None:
            labels[index] = update
            if words:
                times[index] = words
            update = None if alone else update
    return times


def _post_time(post: Post, document: Document) -> str | None:
    posted = post.posted or _iso_date(document.date)
    if posted and "T" not in posted and post.clock:
        return f"{posted}T{post.clock}"
    return posted


def _resolver(posted: str | None, age: Age | None, thread: Thread) -> Resolve:
    """Return how a comment's age ("3h") becomes a time.

    The page was read when the post was as old as it says ("submitted 6 hours ago"), or,
    when it does not say, when the oldest comment was as old as the post: no comment
    comes before its post, so that is the latest the post can have been read.
    """
    if posted is None:
        return lambda _age: None
    ages = [stamp.age.delta for stamp, _ in thread.stamps.values() if stamp.age is not None]
    base = datetime.fromisoformat(posted)
    read = base + (age.delta if age else max(ages, default=timedelta(0)))
    exact = "T" in posted

    def resolve(comment: Age) -> str | None:
        moment = max(read - comment.delta, base)
        if exact and comment.exact:
            return moment.isoformat(timespec="minutes")
        return moment.date().isoformat()

    return resolve


def _iso_date(value: str | None) -> str | None:
    return value if value and len(value) == 10 and value[4] == "-" else None


def _tile(text: str, lines: list[Line], labels: list[Label]) -> list[Segment]:
    """Turn per-line labels into segments that cover the text without gaps."""
    segments: list[Segment] = []
    for index, (line, (kind, who, when)) in enumerate(zip(lines, labels, strict=True)):
        start = 0 if index == 0 else line.start
        end = lines[index + 1].start if index + 1 < len(lines) else len(text)
        if kind == "stamp":  # "NAME says: text" on one line: the stamp, then the comment
            stamp = read_stamp(line.text)
            assert stamp is not None and stamp.body_from is not None
            cut = line.start + stamp.body_from
            append_segment(segments, Segment("boilerplate", start, cut, who, when))
            append_segment(segments, Segment("comment", cut, end, who, when))
            continue
        append_segment(segments, Segment(kind, start, end, who, when))  # type: ignore[arg-type]
    return segments
