"""Find a comment thread and give each of its lines the author and time of its comment.

A comments heading ("Comments", "4 comments", "12 Responses to ...") or two or more comment
stamps open the thread. Whether stamps open or close their comments is read from the
thread's first line. Stamps are boilerplate lines carrying the comment's author and time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from dyad.records import Document, Rejection
from dyad.structure.boilerplate import LISTING, is_boilerplate
from dyad.structure.markers import COMMENTS_HEADING
from dyad.structure.stamps import Stamp, is_date_line, read_stamp, read_when, stamp_shaped

Label = tuple[str, str | None, str | None]  # kind, author, time
_STAMP_HINT = (
    "stamps read: 'NAME on November 18, 2007 at 8:25 PM', 'NAME says:', 'Posted by NAME at'"
)


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the text; `text` is stripped."""

    start: int
    end: int  # end of the line's text, before its newline
    text: str


def find_thread(
    document: Document, lines: list[Line], body: int
) -> tuple[tuple[int, bool], Rejection | None] | tuple[None, Rejection | None]:
    """Return (first line of the thread, whether stamps open comments), or a warning."""
    heading = next(
        (i for i in range(body, len(lines)) if COMMENTS_HEADING.match(lines[i].text)), None
    )
    stamps = [
        i
        for i in range(heading if heading is not None else body, len(lines))
        if read_stamp(lines[i].text)
    ]
    if heading is None and len(stamps) < 2:
        return None, None
    if not stamps:
        assert heading is not None
        shaped = [
            lines[i].text for i in range(heading + 1, len(lines)) if stamp_shaped(lines[i].text)
        ]
        if not shaped:
            return None, None  # a heading with no comment under it
        number = document.text.count("\n", 0, lines[heading].start) + 1
        reason = (
            f"document {document.doc_id}: comment thread at line {number} has no readable "
            f"comment stamp (first: {shaped[0][:80]!r}); thread kept as article text"
        )
        return None, Rejection(
            document.path, reason, "structure-warning", document.line, _STAMP_HINT, document.doc_id
        )
    first_text = next(
        (i for i in range(heading + 1 if heading is not None else body, len(lines))
         if not is_boilerplate(lines[i].text)),
        stamps[0],
    )  # fmt: skip
    opens = read_stamp(lines[stamps[0]].text)
    assert opens is not None
    starts = opens.opens if opens.opens is not None else first_text == stamps[0]
    if heading is not None:
        return (heading, starts), None
    if starts:
        return (stamps[0], starts), None
    # no heading, stamps end their comments: the thread begins with the paragraph before
    start = stamps[0]
    while start > body and not _blank_between(document.text, lines[start - 1], lines[start]):
        start -= 1
    return (max(start - 1, body) if start > body else body, starts), None


def _blank_between(text: str, upper: Line, lower: Line) -> bool:
    return text.count("\n", upper.end, lower.start) >= 2


def label_thread(
    lines: list[Line], labels: list[Label], start: int, opens: bool, *, day: str | None
) -> None:
    """Label the thread's lines from `start` on: stamps, comments, and listings."""
    pending: list[int] = []  # comment lines waiting for the stamp that ends them
    current: Stamp | None = None  # the stamp that opened the comment being read
    listing = False  # inside a trackbacks or related-posts list
    index = start
    while index < len(lines):
        line = lines[index].text
        stamp = read_stamp(line)
        if stamp is not None and (stamp.opens is None or stamp.opens == opens):
            if stamp.posted is None and stamp.clock and day:
                stamp = replace(stamp, posted=f"{day}T{stamp.clock}")  # the thread's day
            inline = stamp.body_from is not None and stamp.body_from < len(line)
            dated = index + 1 < len(lines) and is_date_line(lines[index + 1].text)
            if opens and stamp.posted is None and not inline and dated:
                stamp = replace(stamp, posted=read_when(lines[index + 1].text))  # "NAME says:"
                labels[index + 1] = ("boilerplate", stamp.author, stamp.posted)
            day = stamp.posted[:10] if stamp.posted else day
            labels[index] = ("stamp" if inline else "boilerplate", stamp.author, stamp.posted)
            for p in pending:
                labels[p] = ("comment", stamp.author, stamp.posted)
            pending, listing = [], False
            current = stamp if opens else None
            index += 2 if labels[index + 1 : index + 2] == [labels[index]] else 1
            continue
        if index == start or is_boilerplate(line) or COMMENTS_HEADING.match(line):
            labels[index] = ("boilerplate", None, None)
            listing = listing or bool(LISTING.match(line))
            current = None if listing else current
        elif listing:
            labels[index] = ("boilerplate", None, None)
        elif current is not None:
            labels[index] = ("comment", current.author, current.posted)
        elif not opens:
            pending.append(index)
        index += 1
    # text after the last end-stamp has no author: keep it as article text
