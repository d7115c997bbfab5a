"""Mark where a comment repeats earlier text of the document, so it is coded once.

Inside a comment, a sentence or a quotation that repeats earlier text of the document (five
words or more, compared word by word) becomes a `quote` segment, together with its lead-in
("Glen wrote:", "As Dale put it,").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from dyad.coder.parse import split_sentences
from dyad.records import Segment

MIN_QUOTE_WORDS = 5  # shorter repeats ("Iran denied it.") are too often coincidence
MAX_LEAD_IN_WORDS = 8  # "As Dale Hartigan put it," before a quotation joins the quote
_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r"[\"“](?P<inner>[^\"“”]{10,}?)[\"”]")
# A line that only introduces a quotation: "NAME wrote:", "kyiv_analyst:", "Quoting NAME:".
_LEAD_IN = re.compile(
    r"^(?:(?:quote|quoting|quote from|originally posted by)\b:?\s*)?"
    r"(?P<name>[^\s:\"“][^:\"“]{0,59}?)(?:\s+(?:wrote|said|says|writes))?\s*:$",
    re.I,
)


def append_segment(segments: list[Segment], segment: Segment) -> None:
    """Append `segment`, merging it into the last one when kind, author and time agree."""
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


def mark_quotes(text: str, segments: list[Segment]) -> list[Segment]:
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
            append_segment(result, replace(segment, start=cursor, end=start))
            append_segment(result, replace(segment, kind="quote", start=start, end=end))
            cursor = end
        append_segment(result, replace(segment, start=cursor))
    return _absorb_slivers(text, _join_lead_ins(text, result))


def _join_lead_ins(text: str, segments: list[Segment]) -> list[Segment]:
    """Make a comment line that only introduces the quote after it part of that quote."""
    result: list[Segment] = []
    for index, segment in enumerate(segments):
        after = segments[index + 1] if index + 1 < len(segments) else None
        line = text[segment.start : segment.end].strip()
        if (
            segment.kind == "comment"
            and after is not None
            and after.kind == "quote"
            and "\n" not in line
            and (match := _LEAD_IN.match(line))
            and len(match["name"].split()) <= MAX_LEAD_IN_WORDS
        ):
            segment = replace(segment, kind="quote")
        append_segment(result, segment)
    return result


def _quote_spans(
    text: str, segment: Segment, earlier: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
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
