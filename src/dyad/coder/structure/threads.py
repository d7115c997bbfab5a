"""Find a comment thread and give each of its lines the author and time of its comment.

A comments heading ("Comments", "4 comments", "12 Responses to ...", "27 thoughts on ...")
or two or more comment stamps open the thread. Whether stamps open or close their comments
comes from the stamp's own words ("says:", "said...", "Posted by") or, failing that, from
where the text is: after the heading's first stamp, or after the last stamp. Stamps,
buttons ("Reply • Share ›"), signatures (below a "_____" rule, or "-- NAME") and listings
(trackbacks, related posts) are boilerplate; a time line after a comment ("said..." engines
print it below the text) gives that comment its time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from dyad.coder.structure.boilerplate import LISTING, is_boilerplate, is_signature_rule, is_ui_line
from dyad.coder.structure.markers import COMMENTS_HEADING
from dyad.coder.structure.stamps import Stamp, read_name_line, read_stamp, read_time_line
from dyad.coder.structure.times import Age
from dyad.records import Document, Rejection

Label = tuple[str, str | None, str | None]  # kind, author, time
Resolve = Callable[[Age], str | None]
MAX_BUTTONS_BETWEEN = 2
_SHAPED = re.compile(r"\b\d{1,2}:\d{2}\b|\b(19|20)\d\d\b")
_STAMP_HINT = (
    "stamps read: 'NAME on November 18, 2007 at 8:25 PM', 'NAME says:', 'Posted by NAME at', "
    "'NAME • 3 hours ago', 'Post by NAME » DATE'"
)


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the text; `text` is stripped."""

    start: int
    end: int  # end of the line's text, before its newline
    text: str


@dataclass(frozen=True, slots=True)
class Thread:
    """Where the thread begins, whether its stamps open their comments, and the stamps."""

    start: int
    opens: bool
    stamps: dict[int, tuple[Stamp, int]]  # first line -> (stamp, lines it takes)


def stamp_at(lines: list[Line], index: int, year: int | None) -> tuple[Stamp, int] | None:
    """Read the stamp beginning at line `index`: one line, or a name line and a time line."""
    line = lines[index].text
    stamp = read_stamp(line, year)
    if stamp is not None:
        inline = stamp.body_from is not None and stamp.body_from < len(line)
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        when = read_time_line(following, year) if following else None
        if stamp.opens and not inline and stamp.posted is None and stamp.age is None and when:
            return replace(stamp, posted=when[0], age=when[1]), 2  # "NAME says:" / DATE
        return stamp, 1
    name = read_name_line(line)
    if name is None:
        return None
    for after in range(index + 1, min(index + 2 + MAX_BUTTONS_BETWEEN, len(lines))):
        when = read_time_line(lines[after].text, year)
        if when is not None:
            return Stamp(name, when[0], None, age=when[1]), after - index + 1
        if not is_ui_line(lines[after].text):
            return None
    return None


def find_thread(
    document: Document, lines: list[Line], body: int, year: int | None
) -> tuple[Thread | None, Rejection | None]:
    """Return the thread after line `body`, or a warning when its stamps cannot be read."""
    heading = next(
        (i for i in range(body, len(lines)) if COMMENTS_HEADING.match(lines[i].text)), None
    )
    stamps: dict[int, tuple[Stamp, int]] = {}
    index = heading if heading is not None else body
    while index < len(lines):
        found = stamp_at(lines, index, year)
        if found is not None:
            stamps[index] = found
        index += found[1] if found else 1
    if heading is None and len(stamps) < 2:
        return None, None
    if not stamps:
        assert heading is not None
        return None, _unreadable(document, lines, heading)
    first = min(stamps)
    grammar = stamps[first][0].opens
    if grammar is not None:
        opens = grammar
    elif heading is not None:
        opens = _next_text(lines, heading + 1) == first
    else:
        last = max(stamps)
        after = _next_text(lines, last + stamps[last][1])
        opens = after is not None and after not in stamps
    if heading is not None:
        return Thread(heading, opens, stamps), None
    if opens:
        return Thread(first, opens, stamps), None
    # no heading, stamps end their comments: the thread begins with the paragraph before
    start = first
    while start > body and not _blank_between(document.text, lines[start - 1], lines[start]):
        start -= 1
    return Thread(max(start - 1, body) if start > body else body, opens, stamps), None


def label_thread(
    lines: list[Line], labels: list[Label], thread: Thread, *, day: str | None, resolve: Resolve
) -> None:
    """Label the thread's lines: stamps and furniture as boilerplate, comments by author."""
    pending: list[int] = []  # comment lines waiting for the stamp that ends them
    current: Stamp | None = None  # the stamp that opened the comment being read
    written: list[int] = []  # lines of the current comment
    mode = ""  # "listing" (trackbacks, related posts) or "signature" until the next stamp
    index = thread.start
    while index < len(lines):
        line = lines[index].text
        found = thread.stamps.get(index)
        if found is not None and (found[0].opens is None or found[0].opens == thread.opens):
            stamp, width = found
            if stamp.posted is None and stamp.age is not None:
                stamp = replace(stamp, posted=resolve(stamp.age))
            if stamp.posted is None and stamp.clock and day:
                stamp = replace(stamp, posted=f"{day}T{stamp.clock}")  # the thread's day
            day = stamp.posted[:10] if stamp.posted else day
            inline = stamp.body_from is not None and stamp.body_from < len(line)
            labels[index] = ("stamp" if inline else "boilerplate", stamp.author, stamp.posted)
            for other in range(index + 1, index + width):
                labels[other] = ("boilerplate", stamp.author, stamp.posted)
            for p in pending:
                labels[p] = ("comment", stamp.author, stamp.posted)
            pending, mode, written = [], "", []
            current = stamp if thread.opens else None
            index += width
            continue
        if (
            thread.opens
            and current is not None
            and written
            and current.posted is None
            and (when := read_time_line(line, None)) is not None
            and (posted := when[0] or (resolve(when[1]) if when[1] else None))
        ):  # "NAME said..." / text / "March 12, 2008 9:02 PM"
            current = replace(current, posted=posted)
            for w in [*written, index]:
                kind = labels[w][0]
                labels[w] = (kind, current.author, posted) if kind == "comment" else labels[w]
            labels[index] = ("boilerplate", current.author, posted)
        elif index == thread.start or _furniture(line):
            labels[index] = ("boilerplate", None, None)
            if LISTING.match(line):
                mode, current = "listing", None
            elif is_signature_rule(line):
                mode = "signature"
        elif mode:
            labels[index] = ("boilerplate", None, None)
        elif current is not None:
            labels[index] = ("comment", current.author, current.posted)
            written.append(index)
        elif not thread.opens:
            pending.append(index)
        index += 1
    # text after the last end-stamp has no author: keep it as article text


def _furniture(line: str) -> bool:
    return is_boilerplate(line) or is_ui_line(line) or bool(COMMENTS_HEADING.match(line))


def _next_text(lines: list[Line], index: int) -> int | None:
    """Return the first line from `index` on that is not furniture."""
    return next((i for i in range(index, len(lines)) if not _furniture(lines[i].text)), None)


def _blank_between(text: str, upper: Line, lower: Line) -> bool:
    return text.count("\n", upper.end, lower.start) >= 2


def _unreadable(document: Document, lines: list[Line], heading: int) -> Rejection | None:
    shaped = [lines[i].text for i in range(heading + 1, len(lines)) if _stamp_shaped(lines[i].text)]
    if not shaped:
        return None  # a heading with no comment under it
    number = document.text.count("\n", 0, lines[heading].start) + 1
    reason = (
        f"document {document.doc_id}: comment thread at line {number} has no readable "
        f"comment stamp (first: {shaped[0][:80]!r}); thread kept as article text"
    )
    return Rejection(
        document.path, reason, "structure-warning", document.line, _STAMP_HINT, document.doc_id
    )


def _stamp_shaped(line: str) -> bool:
    """Tell whether a short line looks like a stamp (a name and a clock time or year)."""
    words = line.split()
    return 2 <= len(words) <= 10 and bool(_SHAPED.search(line)) and not line.endswith(".")
