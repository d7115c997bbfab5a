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

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from dyad.coder.parse import split_sentences
from dyad.records import Document, Rejection, Segment

STRUCTURE_NAME = "dyad.structure.rules.v1"
MIN_QUOTE_WORDS = 5  # shorter repeats ("Iran denied it.") are too often coincidence
MAX_LEAD_IN_WORDS = 8  # "As Dale Hartigan put it," before a quotation joins the quote
MAX_NAME_WORDS = 6
MAX_SHORT_LINE_WORDS = 6  # navigation and site-name lines before the byline

_MONTHS = {
    m: i + 1
    for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<nm>\d{1,2})/(?P<nd>\d{1,2})/(?P<ny>\d{4}))\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{4}")  # every form of `_DATE` has one
_TIME = re.compile(r"\b(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?\s*(?P<ap>[ap]\.?\s?m\b\.?)?", re.I)
_SEPARATORS = re.compile(
    r"^[\s,|:;@—–\-]*(?:(?:on|at|said|says|wrote|writes|posted)\b[\s,|:;@—–\-]*)*$", re.I
)
_TRAILER = re.compile(r"[\s|,·]*(?:permalink|reply|link|report abuse|#\d+)?[\s|]*$", re.I)

_BYLINE = [
    re.compile(r"^posted (?:at|on) (?P<when>.+?) by:? (?P<name>.+?)\.?$", re.I),
    re.compile(r"^posted by:? (?P<name>.+?)\s*(?:\bon\b|\bat\b|\||,|—|-)\s*(?P<when>.+)$", re.I),
    re.compile(r"^by:? (?P<name>[^,|]+?)\s*(?:,|\||—|-|\bon\b)\s*(?P<when>.+)$", re.I),
    re.compile(r"^by:? (?P<name>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4})$"),
]
_DATELINE = re.compile(
    rf"^[A-Z][A-Z .'-]+, (?P<when>{_MONTH} \d{{1,2}}, \d{{4}})\b[^\n]{{0,40}}?--"
)
_UPDATE = re.compile(
    r"^(?P<word>update|updated|more|addendum|correction)\b\s*(?P<extra>[^:\n]{0,60}):", re.I
)
_COMMENTS_HEADING = re.compile(
    r"^(?:\d+\s+|\(\d+\)\s+)?(?:reader\s+)?(?:comments?|responses?|replies|reactions|discussion)"
    r"(?:\s*\(\d+\)|\s+(?:to|on)\b.{0,80}|:)?$",
    re.I,
)
_SAYS = re.compile(r"^(?P<name>[^\s:\"“].{0,59}?) (?:says|writes):\s*(?P<rest>(?![\"“]).*)$", re.I)
_ON_WROTE = re.compile(r"^on (?P<when>.+?),? (?P<name>[^,]{1,60}) (?:wrote|said):\s*$", re.I)
_POSTED_BY = re.compile(
    r"^posted by:? (?P<name>.+?)\s*(?:\bon\b|\bat\b|\||,|—|-)\s*(?P<when>.+)$", re.I
)
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
_LISTING = re.compile(r"^(?:\d+\s+)?(?:trackbacks?|pingbacks?|related)\b", re.I)
_DETERMINER = re.compile(r"^(?:the|a|an|this|that|our|my|his|her|their|its)\s", re.I)
_WORD = re.compile(r"\w+")
_STAMP_HINT = (
    "stamps read: 'NAME on November 18, 2007 at 8:25 PM', 'NAME says:', 'Posted by NAME at'"
)
_QUOTED = re.compile(r"[\"“](?P<inner>[^\"“”]{10,}?)[\"”]")


@dataclass(frozen=True, slots=True)
class Structure:
    """The segments of one document and the warnings raised while finding them."""

    segments: tuple[Segment, ...]
    warnings: tuple[Rejection, ...] = ()


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # end of the line's text, before its newline
    text: str  # stripped


@dataclass(frozen=True, slots=True)
class _Stamp:
    author: str
    posted: str | None
    opens: bool | None  # True: starts its comment; False: ends it; None: either
    body_from: int | None = None  # "NAME says: text": where the comment text begins
    clock: str | None = None  # a time without a date ("Posted by NAME at 8:31 PM")


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
    labels: list[tuple[str, str | None, str | None]] = [("article", None, None)] * len(lines)
    first = 0
    if _is_headline(document, lines):
        labels[0] = ("headline", None, None)
        first = 1
    author, posted, body = _read_byline(lines, labels, first)
    thread, warning = _find_thread(document, lines, body)
    _label_body(lines, labels, body, thread[0] if thread else len(lines))
    if thread:
        _label_thread(lines, labels, *thread, day=posted[:10] if posted else None)
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
        segments = _mark_quotes(text, segments)
    return Structure(tuple(segments), (warning,) if warning else ())


def _lines(text: str) -> list[_Line]:
    found, position = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            left = position + len(raw) - len(raw.lstrip())
            found.append(_Line(left, left + len(stripped), stripped))
        position += len(raw) + 1
    return found


def _is_headline(document: Document, lines: list[_Line]) -> bool:
    head = lines[0].text
    if document.title and document.text.lstrip().startswith(document.title):
        return len(lines) > 1
    words = len(head.split())
    return (
        len(lines) > 1
        and words <= 25
        and not head.endswith((".", ",", ":", ";"))
        and (not _DATELINE.match(head) and _stamp(head) is None and not _boilerplate(head))
    )


def _read_byline(
    lines: list[_Line], labels: list[tuple[str, str | None, str | None]], first: int
) -> tuple[str | None, str | None, int]:
    """Find the byline in the first lines; label it and the short lines before it."""
    headline = lines[0].text if first else ""
    for index in range(first, min(first + 12, len(lines))):
        line = lines[index].text
        found = _byline(line)
        if found is not None:
            for before in range(first, index):
                labels[before] = ("boilerplate", None, None)
            labels[index] = ("boilerplate", found[0], found[1])
            return found[0], found[1], index + 1
        repeated = len(line) > 10 and line in headline  # an <h1> repeating the <title>
        if not repeated and (len(line.split()) > MAX_SHORT_LINE_WORDS or line.endswith(".")):
            break
    if first < len(lines) and (match := _DATELINE.match(lines[first].text)):
        return None, _when(match.group("when")), first
    return None, None, first


def _byline(line: str) -> tuple[str | None, str | None] | None:
    for pattern in _BYLINE:
        match = pattern.match(line)
        if match is None:
            continue
        name = match.group("name").strip(" ,|")
        when = _when(match.group("when")) if "when" in match.groupdict() else None
        if "when" in match.groupdict() and when is None:
            continue
        if _is_name(name):
            return name, when
    return None


def _find_thread(
    document: Document, lines: list[_Line], body: int
) -> tuple[tuple[int, bool], Rejection | None] | tuple[None, Rejection | None]:
    """Return (first line of the thread, whether stamps open comments), or a warning."""
    heading = next(
        (i for i in range(body, len(lines)) if _COMMENTS_HEADING.match(lines[i].text)), None
    )
    stamps = [
        i
        for i in range(heading if heading is not None else body, len(lines))
        if _stamp(lines[i].text)
    ]
    if heading is None and len(stamps) < 2:
        return None, None
    if not stamps:
        assert heading is not None
        shaped = [
            lines[i].text for i in range(heading + 1, len(lines)) if _stamp_shaped(lines[i].text)
        ]
        if not shaped:
            return None, None  # a heading with no comment under it
        number = document.text.count("\n", 0, lines[heading].start) + 1
        reason = (
            f"document {document.doc_id}: comment thread at line {number} has no readable "
            f"comment stamp (first: {shaped[0][:80]!r}); thread kept as article text"
        )
        hint = _STAMP_HINT
        return None, Rejection(
            document.path, reason, "structure-warning", document.line, hint, document.doc_id
        )
    first_text = next(
        (i for i in range(heading + 1 if heading is not None else body, len(lines))
         if not _boilerplate(lines[i].text)),
        stamps[0],
    )  # fmt: skip
    opens = _stamp(lines[stamps[0]].text)
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


def _blank_between(text: str, upper: _Line, lower: _Line) -> bool:
    return text.count("\n", upper.end, lower.start) >= 2


def _label_body(
    lines: list[_Line], labels: list[tuple[str, str | None, str | None]], body: int, stop: int
) -> None:
    update: tuple[str, str | None, str | None] | None = None
    related = False
    for index in range(body, stop):
        line = lines[index].text
        if match := _UPDATE.match(line):
            extra = match.group("extra").strip(" ()[],")
            when = _when(extra)
            who = extra if extra and when is None and _is_name(extra) else None
            update = ("update", who, when)
            related = False
        if _boilerplate(line) or (related and len(line.split()) <= 15):
            labels[index] = ("boilerplate", None, None)
            related = related or line.lower().startswith("related")
            update = None
            continue
        related = False
        labels[index] = update or labels[index]


def _label_thread(
    lines: list[_Line],
    labels: list[tuple[str, str | None, str | None]],
    start: int,
    opens: bool,
    *,
    day: str | None,
) -> None:
    pending: list[int] = []  # comment lines waiting for the stamp that ends them
    current: _Stamp | None = None  # the stamp that opened the comment being read
    listing = False  # inside a trackbacks or related-posts list
    index = start
    while index < len(lines):
        line = lines[index].text
        stamp = _stamp(line)
        if stamp is not None and (stamp.opens is None or stamp.opens == opens):
            if stamp.posted is None and stamp.clock and day:
                stamp = replace(stamp, posted=f"{day}T{stamp.clock}")  # the thread's day
            inline = stamp.body_from is not None and stamp.body_from < len(line)
            dated = index + 1 < len(lines) and _is_date_line(lines[index + 1].text)
            if opens and stamp.posted is None and not inline and dated:
                stamp = replace(stamp, posted=_when(lines[index + 1].text))  # "NAME says:"
                labels[index + 1] = ("boilerplate", stamp.author, stamp.posted)
            day = stamp.posted[:10] if stamp.posted else day
            labels[index] = ("stamp" if inline else "boilerplate", stamp.author, stamp.posted)
            for p in pending:
                labels[p] = ("comment", stamp.author, stamp.posted)
            pending, listing = [], False
            current = stamp if opens else None
            index += 2 if labels[index + 1 : index + 2] == [labels[index]] else 1
            continue
        if index == start or _boilerplate(line) or _COMMENTS_HEADING.match(line):
            labels[index] = ("boilerplate", None, None)
            listing = listing or bool(_LISTING.match(line))
            current = None if listing else current
        elif listing:
            labels[index] = ("boilerplate", None, None)
        elif current is not None:
            labels[index] = ("comment", current.author, current.posted)
        elif not opens:
            pending.append(index)
        index += 1
    # text after the last end-stamp has no author: keep it as article text


def _tile(
    text: str, lines: list[_Line], labels: list[tuple[str, str | None, str | None]]
) -> list[Segment]:
    """Turn per-line labels into segments that cover the text without gaps."""
    segments: list[Segment] = []
    for index, (line, (kind, who, when)) in enumerate(zip(lines, labels, strict=True)):
        start = 0 if index == 0 else line.start
        end = lines[index + 1].start if index + 1 < len(lines) else len(text)
        if kind == "stamp":  # "NAME says: text" on one line: the stamp, then the comment
            stamp = _stamp(line.text)
            assert stamp is not None and stamp.body_from is not None
            cut = line.start + stamp.body_from
            _append(segments, Segment("boilerplate", start, cut, who, when))
            _append(segments, Segment("comment", cut, end, who, when))
            continue
        _append(segments, Segment(kind, start, end, who, when))  # type: ignore[arg-type]
    return segments


def _append(segments: list[Segment], segment: Segment) -> None:
    if segment.end <= segment.start:
        return
    last = segments[-1] if segments else None
    if last and (last.kind, last.author, last.posted) == (
        segment.kind,
        segment.author,
        segment.posted,
    ):
        segments[-1] = replace(last, end=segment.end)
    else:
        segments.append(segment)


def _mark_quotes(text: str, segments: list[Segment]) -> list[Segment]:
    """Split comments where they repeat earlier text into quote and comment segments."""
    words = [(m.start(), m.group().lower()) for m in _WORD.finditer(text)]
    starts = [s for s, _ in words]
    offsets, position = [], 1
    for _, word in words:
        offsets.append(position)
        position += len(word) + 1
    haystack = " " + " ".join(w for _, w in words) + " "
    result: list[Segment] = []
    for segment in segments:
        if segment.kind != "comment":
            result.append(segment)
            continue
        limit = bisect.bisect_left(starts, segment.start)
        end_of_earlier = offsets[limit] if limit < len(offsets) else len(haystack)

        def earlier(start: int, end: int, limit_at: int = end_of_earlier) -> bool:
            found = [w for s, w in words[bisect.bisect_left(starts, start) :] if s < end]
            if len(found) < MIN_QUOTE_WORDS:
                return False
            return haystack.find(" " + " ".join(found) + " ", 0, limit_at) >= 0

        spans = _quote_spans(text, segment, earlier)
        cursor = segment.start
        for start, end in spans:
            _append(result, replace(segment, start=cursor, end=start))
            _append(result, replace(segment, kind="quote", start=start, end=end))
            cursor = end
        _append(result, replace(segment, start=cursor))
    return _absorb_slivers(text, result)


def _quote_spans(text: str, segment: Segment, earlier: object) -> list[tuple[int, int]]:
    assert callable(earlier)
    spans: list[tuple[int, int]] = []
    for start, end in split_sentences(text[segment.start : segment.end], segment.start):
        sentence = text[start:end]
        if earlier(start, end):
            spans.append((start, end))
            continue
        for match in _QUOTED.finditer(sentence):
            inner_start = start + match.start("inner")
            if not earlier(inner_start, start + match.end("inner")):
                continue
            lead = sentence[: match.start()]
            first = start if len(lead.split()) <= MAX_LEAD_IN_WORDS else start + match.start()
            last = start + match.end()
            if not sentence[match.end() :].strip(" .,;:!?\"”'’"):
                last = end
            spans.append((first, last))
    return spans


def _absorb_slivers(text: str, segments: list[Segment]) -> list[Segment]:
    """Give whitespace- or punctuation-only pieces to the segment before them."""
    result: list[Segment] = []
    for segment in segments:
        piece = text[segment.start : segment.end]
        if result and not any(ch.isalnum() for ch in piece):
            result[-1] = replace(result[-1], end=segment.end)
        else:
            result.append(segment)
    return result


def _stamp(line: str) -> _Stamp | None:
    """Read a comment stamp line, or return None when `line` is not one."""
    if match := _ON_WROTE.match(line):
        when = _when(match.group("when"))
        name = match.group("name").strip()
        return _Stamp(name, when, True, len(line)) if when and _is_name(name) else None
    if match := _POSTED_BY.match(line):
        name, when = match.group("name").strip(" ,|:"), _when(match.group("when"))
        if _is_name(name) and (when or _TIME.search(match.group("when"))):
            return _Stamp(name, when, False, clock=_clock(match.group("when")))
    if match := _SAYS.match(line):
        name = match.group("name").strip()
        head = name
        when = None
        if found := _DATE.search(name):  # "NAME on April 2, 2008 at 10:05 pm said:"
            head = name[: found.start()]
            when = _when(name[found.start() :])
            head = re.sub(r"\s+(?:on|at|\||,|—|-)\s*$", "", head).strip()
        if _is_name(head) and '"' not in head and not _DETERMINER.match(head):
            return _Stamp(head, when, True, match.start("rest"))
        return None
    if _YEAR.search(line) is None:
        return None  # most lines: no date, and the date search is slow on long lines
    found = _DATE.search(line)
    if found is None or found.start() == 0:
        return None
    name = re.sub(r"[\s,|:;@—–\-]*(?:\b(?:on|at)\b)?[\s,|:;@—–\-]*$", "", line[: found.start()])
    rest = line[found.end() :]
    clock = _TIME.search(rest)
    if clock is not None:
        rest = rest[: clock.start()] + rest[clock.end() :]
    if not _SEPARATORS.match(_TRAILER.sub("", rest)) or not _is_name(name):
        return None
    if clock is None and not re.search(r"(?:\bon|\||—|-)\s*$", line[: found.start()]):
        return None  # "Maliki visited Iran November 18, 2007" is no stamp
    return _Stamp(name.strip(), _when(line[found.start() :]), None)


def _boilerplate(line: str) -> bool:
    """Tell whether `line` matches `_BOILERPLATE`."""
    lower = line.lower()
    if any(hint in lower for hint in _LEGAL_HINTS):
        return _BOILERPLATE.match(line) is not None
    return _BOILERPLATE_NOT_LEGAL.match(line) is not None


def _stamp_shaped(line: str) -> bool:
    """Tell whether a short line looks like a stamp (a name and a clock time or year)."""
    words = line.split()
    return (
        2 <= len(words) <= 10
        and bool(_TIME.search(line) or re.search(r"\b(19|20)\d\d\b", line))
        and not line.endswith(".")
    )


def _is_name(name: str) -> bool:
    words = name.split()
    initial = re.search(r"\b[A-Z]\.$", name) is not None  # "Bill K."
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and len(name) <= 60
        and any(ch.isalpha() for ch in name)
        and (initial or not name.endswith((".", "!", "?", ",")))
        and not _boilerplate(name)
    )


def _is_date_line(line: str) -> bool:
    """Tell whether `line` is only a date and time ("March 3, 2008 at 9:12 am")."""
    found = _DATE.search(line)
    if found is None or len(line.split()) > 8:
        return False
    rest = _TIME.sub(" ", line[: found.start()] + " " + line[found.end() :])
    return bool(_SEPARATORS.match(_TRAILER.sub("", rest)))


def _when(value: str) -> str | None:
    """Return the first date in `value` as ISO, with "THH:MM" when a clock time is given."""
    found = _DATE.search(value)
    if found is None:
        return None
    groups = found.groupdict()
    try:
        if groups["iso"]:
            day = date.fromisoformat(groups["iso"])
        elif groups["ny"]:
            day = date(int(groups["ny"]), int(groups["nm"]), int(groups["nd"]))
        else:
            month = groups["m1"] or groups["m2"]
            number = groups["d1"] or groups["d2"]
            year = groups["y1"] or groups["y2"]
            # casefold: the IGNORECASE pattern also matches "ſep" (long s) for "Sep"
            day = date(int(year), _MONTHS[month[:3].casefold()], int(number))
    except ValueError:
        return None
    clock = _clock(value[: found.start()] + " " + value[found.end() :])
    return f"{day.isoformat()}T{clock}" if clock else day.isoformat()


def _clock(value: str) -> str | None:
    found = _TIME.search(value)
    if found is None:
        return None
    hour, minute = int(found.group("h")), int(found.group("mi"))
    half = (found.group("ap") or "").lower()[:1]
    if half and not 1 <= hour <= 12:
        return None
    if half == "p" and hour != 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None
