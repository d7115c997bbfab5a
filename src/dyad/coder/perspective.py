"""The side an author writes from, for "we", "us" and "our troops" (issue 18).

Reads: Document.perspective, Document.path and url, the segments' authors and text.
Adds: a `Side` per segment, which the actor stage uses for first-person plurals and each
event records in its provenance ("perspective", "perspective_from").

First found wins:

1. the document's own perspective (the JSON-lines field, `--perspective`), for every segment;
2. the per-source setting `coder.perspectives` ("SOURCE=CODE", SOURCE a part of the path or
   URL, case ignored), for every segment;
3. the author's own words, only when they name one side and no other: "we Americans", "my
   fellow Iraqis", "we in Britain", "here in Pakistan", "our Turkish soldiers", "as an
   Iranian, I". Each author is read apart: the post's author from the headline, article and
   updates, each commenter from their own comments; a comment's "we" is not the blogger's.
   Words inside quotation marks are the quoted speaker's, not the author's: a report that
   quotes "here in the UK" from a minister's answer is not written from Britain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dyad.dictionaries.entries import ActorDictionary
from dyad.records import Document, Segment

PERSPECTIVE_NAME = "dyad.perspective.rules.v1"
_NAME = r"(?P<{}>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})"
_SAYS_SIDE = re.compile(  # one pass over the text: each way of saying it names its group
    r"\b(?:"
    + rf"(?i:we|us)\s+(?:(?i:proud)\s+)?{_NAME.format('people')}(?<=s)\b"  # "we Americans"
    + rf"|(?i:(?:we|us)\s+(?:here\s+)?in|here\s+in)\s+(?:the\s+)?{_NAME.format('place')}"
    + rf"|(?i:my|our)\s+fellow\s+{_NAME.format('fellows')}"
    + rf"|(?i:our)\s+(?:own\s+|brave\s+)?{_NAME.format('adjective')}\s+(?:troops|soldiers"
    + r"|forces|army|navy|military|marines|airmen|sailors|servicemen|government|people)\b"
    + rf"|(?i:as)\s+an?\s+{_NAME.format('one')},?\s+(?:I|we)\b"  # "as an Iranian, I"
    + ")"
)
_CUES = ("we ", "us ", "our ", "here in ", "fellow ", "as a")
_CUE = re.compile(r"\b(?:[Ww]e|[Uu]s|[Oo]ur|[Mm]y|[Hh]ere|[Aa]s)\b")
_CODED = ("headline", "article", "update", "comment")
# a quotation closed within a paragraph: straight or curly marks, at most 2,000 characters
_QUOTATION = re.compile(r'"[^"\n]{1,2000}"|\u201c[^\u201d\n]{1,2000}\u201d')


@dataclass(frozen=True, slots=True)
class Side:
    """A country an author writes from, and how it was found."""

    country: str
    origin: str  # "document", "source:SOURCE" or "text:'we Americans'"


def segment_sides(
    document: Document,
    segments: Sequence[Segment],
    dictionary: ActorDictionary,
    sources: Iterable[str] = (),
) -> dict[Segment, Side]:
    """Return the side each coded segment of `document` writes from, where known.

    Args:
        document: The document; its `perspective`, `path` and `url` are read.
        segments: Its segments, from `split_segments`.
        dictionary: The actor dictionary, which names the countries of "Americans", "Iraq".
        sources: The `coder.perspectives` setting, entries "SOURCE=CODE".

    Returns:
        A Side per segment of kind headline, article, update or comment that has one.
    """
    coded = [s for s in segments if s.kind in _CODED]
    if document.perspective:
        return dict.fromkeys(coded, Side(document.perspective, "document"))
    where = f"{document.path} {document.url or ''}".lower()
    for entry in sources:
        source, _, code = entry.rpartition("=")
        if source and source.strip().lower() in where:
            return dict.fromkeys(coded, Side(code.strip(), f"source:{source.strip()}"))
    by_author: dict[str | None, list[Segment]] = {}
    for segment in coded:
        by_author.setdefault(segment.author, []).append(segment)
    sides: dict[Segment, Side] = {}
    for own in by_author.values():
        side = infer_side(" ".join(document.text[s.start : s.end] for s in own), dictionary)
        if side is not None:
            sides.update(dict.fromkeys(own, side))
    return sides


def infer_side(text: str, dictionary: ActorDictionary) -> Side | None:
    """Return the one country `text` says its author belongs to, or None if none or several."""
    lower = text.lower()
    if not any(cue in lower for cue in _CUES):
        return None  # most texts say none of it, and the searches are not free
    text = _QUOTATION.sub(_blank, text)  # the quoted speaker's side is not the author's
    found: dict[str, str] = {}
    for cue in _CUE.finditer(text):  # where a cue word stands, try the full patterns there
        match = _SAYS_SIDE.match(text, cue.start())
        if match is None:
            continue
        name = next(value for value in match.groupdict().values() if value)
        country = _country(name, dictionary)
        if country is not None:
            found.setdefault(country, match.group())
    if len(found) != 1:
        return None
    ((country, words),) = found.items()
    return Side(country, f"text:{' '.join(words.split())!r}")


def _blank(match: re.Match[str]) -> str:
    """Return spaces as long as the match: offsets after it stay where they were."""
    return " " * len(match.group())


def _country(name: str, dictionary: ActorDictionary) -> str | None:
    """Return the country code of the longest dictionary phrase `name` begins with."""
    words = [w.upper() for w in name.replace("’", "'").split()]
    for length in range(len(words), 0, -1):
        entry = dictionary.actors.get(tuple(words[:length]))
        code = entry.code_on(None) if entry is not None else None
        if code and code[:3] in dictionary.countries:
            return code[:3]
    return None


def side_provenance(side: Side | None) -> dict[str, str]:
    """Return what an event records of its author's side ({} when it is not known)."""
    if side is None:
        return {}
    rules = {"perspective_rules": PERSPECTIVE_NAME} if side.origin.startswith("text:") else {}
    return {"perspective": side.country, "perspective_from": side.origin} | rules
