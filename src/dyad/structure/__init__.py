"""Split a document into the parts an analyst reads apart: headline, article, updates, comments.

Reads: Document.text (and Document.title).  Adds: Segment(kind, start, end, author, posted)
that tile the text in order, and `Rejection(stage="structure-warning")` for a comment thread
kept as article text because none of its stamps could be read.

The text is read line by line. HTML arrives here already flattened by `dyad.read` (one block
element per line), so the same rules serve plain-text and HTML posts:

- the first line is the headline when more text follows; short lines before the byline
  (site name, navigation, the title repeated by an <h1>) are boilerplate;
- a byline ("Posted at 8:11 pm on November 18, 2007 by NAME", "By NAME, March 3, 2008",
  "Posted by NAME on ...") or a wire dateline ("BAGHDAD, Aug. 20, 2008 --") gives the post's
  author and time; the byline line itself is boilerplate;
- "UPDATE:", "Update (NAME):", "More (NAME):" open an update section;
- a comments heading ("Comments", "4 comments", "12 Responses to ...") or two or more comment
  stamps open the thread. A stamp either starts its comment ("NAME says:", "NAME April 2,
  2008 at 10:05 pm", "On DATE, NAME wrote:") or ends it ("NAME on November 18, 2007 at 8:25
  PM", "Posted by NAME at 8:31 PM"); which of the two is read from the thread's first line.
  Stamps are boilerplate segments carrying the comment's author and time;
- related posts, trackbacks, tags, share buttons, copyright and terms lines are boilerplate;
- inside a comment, a sentence or a quotation that repeats earlier text of the document
  (five words or more, compared word by word) becomes a `quote` segment, together with its
  lead-in ("Glen wrote:", "As Dale put it,"), so the pipeline codes it once, where first said.

Times are ISO strings: "2007-11-18T20:25" when the stamp gives a clock time, else "2007-11-18".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dyad.records import Document, Rejection, Segment
from dyad.structure.boilerplate import is_boilerplate
from dyad.structure.markers import DATELINE, is_headline_text, read_byline, read_update
from dyad.structure.quotes import append_segment, mark_quotes
from dyad.structure.stamps import read_stamp, read_when
from dyad.structure.threads import Label, Line, find_thread, label_thread

__all__ = ["STRUCTURE_NAME", "Structure", "split_segments", "structure_warnings"]

STRUCTURE_NAME = "dyad.structure.rules.v1"
MAX_SHORT_LINE_WORDS = 6  # navigation and site-name lines before the byline


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
    first = 0
    if _is_headline(document, lines):
        labels[0] = ("headline", None, None)
        first = 1
    author, posted, body = _read_byline(lines, labels, first)
    thread, warning = find_thread(document, lines, body)
    _label_body(lines, labels, body, thread[0] if thread else len(lines))
    if thread:
        label_thread(lines, labels, *thread, day=posted[:10] if posted else None)
    # headline and article belong to the post's author and time
    labels = [
        (kind, who or author, when or posted)
        if kind in ("headline", "article")
        else (kind, who, when)
        for kind, who, when in labels
    ]
    labels = [
        (kind, who or author, when) if kind == "update" else (kind, who, when)
        for kind, who, when in labels
    ]
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


def _is_headline(document: Document, lines: list[Line]) -> bool:
    if document.title and document.text.lstrip().startswith(document.title):
        return len(lines) > 1
    return len(lines) > 1 and is_headline_text(lines[0].text)


def _read_byline(
    lines: list[Line], labels: list[Label], first: int
) -> tuple[str | None, str | None, int]:
    """Find the byline in the first lines; label it and the short lines before it."""
    headline = lines[0].text if first else ""
    for index in range(first, min(first + 12, len(lines))):
        line = lines[index].text
        found = read_byline(line)
        if found is not None:
            for before in range(first, index):
                labels[before] = ("boilerplate", None, None)
            labels[index] = ("boilerplate", found[0], found[1])
            return found[0], found[1], index + 1
        repeated = len(line) > 10 and line in headline  # an <h1> repeating the <title>
        if not repeated and (len(line.split()) > MAX_SHORT_LINE_WORDS or line.endswith(".")):
            break
    if first < len(lines) and (match := DATELINE.match(lines[first].text)):
        return None, read_when(match.group("when")), first
    return None, None, first


def _label_body(lines: list[Line], labels: list[Label], body: int, stop: int) -> None:
    update: Label | None = None
    related = False
    for index in range(body, stop):
        line = lines[index].text
        if (marker := read_update(line)) is not None:
            update = ("update", *marker)
            related = False
        if is_boilerplate(line) or (related and len(line.split()) <= 15):
            labels[index] = ("boilerplate", None, None)
            related = related or line.lower().startswith("related")
            update = None
            continue
        related = False
        labels[index] = update or labels[index]


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
