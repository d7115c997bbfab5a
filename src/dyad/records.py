"""Plain, typed records passed between pipeline stages.

Every stage reads and returns these frozen dataclasses; none of them holds a spaCy,
DuckDB or Ray object. Character offsets always refer to the original document text
(`Document.text`), so a span can be highlighted without re-reading the source.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

SegmentKind = Literal["headline", "article", "update", "comment", "quote", "boilerplate"]
Factuality = Literal["asserted", "reported", "speculative", "hypothetical", "negated", "question"]
DatePrecision = Literal["day", "month", "year", "none"]
PlacePrecision = Literal["city", "district", "admin1", "country", "region"]


@dataclass(frozen=True, slots=True)
class Document:
    """One input document, as read from a file or a JSON line."""

    doc_id: str
    text: str
    path: str
    line: int | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    perspective: str | None = None
    content_type: Literal["text", "html", "jsonl"] = "text"


@dataclass(frozen=True, slots=True)
class Segment:
    """A part of a document (headline, article body, update, comment, quote)."""

    kind: SegmentKind
    start: int
    end: int
    author: str | None = None
    posted: str | None = None


@dataclass(frozen=True, slots=True)
class Token:
    """One parsed token; `start` is its character offset in the document text."""

    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    start: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a segment with its parse; token indices are sentence-local."""

    doc_id: str
    start: int
    end: int
    text: str
    segment: Segment
    tokens: tuple[Token, ...] = ()
    # head index -> its dependents, built on the first `children` call: the coder asks for
    # children thousands of times per sentence, and a scan of the tokens each time dominated
    _children: dict[int, tuple[Token, ...]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def children(self, i: int) -> list[Token]:
        """Return the dependents of token `i`, in text order."""
        index = self._children
        if index is None:
            grouped: dict[int, list[Token]] = {}
            for t in self.tokens:
                if t.head != t.i:
                    grouped.setdefault(t.head, []).append(t)
            index = {head: tuple(found) for head, found in grouped.items()}
            object.__setattr__(self, "_children", index)
        return list(index.get(i, ()))

    def ancestors(self, i: int) -> list[int]:
        """Return token `i` and the heads above it, nearest first, up to the root."""
        chain = [i]
        seen = {i}
        while (parent := self.tokens[chain[-1]].head) not in seen:
            chain.append(parent)
            seen.add(parent)
        return chain

    def subtree(self, i: int) -> list[Token]:
        """Return token `i` and everything it dominates, in text order."""
        keep = {i}
        frontier = [i]
        while frontier:
            for child in self.children(frontier.pop()):
                if child.i not in keep:
                    keep.add(child.i)
                    frontier.append(child.i)
        return [t for t in self.tokens if t.i in keep]


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: CAMEO code plus the words it was read from."""

    text: str
    code: str
    name: str | None = None
    country: str | None = None
    entry: str | None = None  # the dictionary entry that produced the code, for auditing

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "name": self.name, "country": self.country}


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention: token span [first, last] of a sentence resolved to an actor."""

    first: int
    last: int
    actor: Actor
    rule: str


@dataclass(frozen=True, slots=True)
class DatePoint:
    """A date only as precise as the text supports."""

    value: str | None
    precision: DatePrecision
    text: str | None = None

    @staticmethod
    def unknown() -> DatePoint:
        return DatePoint(None, "none", None)

    @staticmethod
    def from_date(day: date, text: str | None = None) -> DatePoint:
        return DatePoint(day.isoformat(), "day", text)


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place mention."""

    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: PlacePrecision
    admin1: str | None = None  # the province (first-level subdivision) when known
    district: str | None = None  # the district (second-level subdivision) when the text says

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event, in the shape of the event contract (event.schema.json)."""

    event_id: str
    doc_id: str
    sentence: str
    char_start: int
    char_end: int
    segment: Segment
    source: Actor
    target: Actor | None
    cameo: str
    quad_class: int
    goldstein: float
    plover: str | None
    date: DatePoint
    location: Place | None
    factuality: Factuality
    attributed_to: Actor | None
    rule: str
    provenance: dict[str, str] = field(default_factory=dict)
    # Coder v2's probability that source, target and CAMEO root are right (#16); None from
    # the rule coder alone. Carried in the contract as provenance["confidence"] until the
    # contract and the store have a column for it.
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the contract-shaped JSON object for this event."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "segment": {
                "kind": self.segment.kind,
                "author": self.segment.author,
                "posted": self.segment.posted,
            },
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "plover": self.plover,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "date": self.date.value,
            "date_precision": self.date.precision,
            "date_text": self.date.text,
            "location": self.location.to_dict() if self.location else None,
            "factuality": self.factuality,
            "attributed_to": self.attributed_to.to_dict() if self.attributed_to else None,
            "rule": self.rule,
            "provenance": dict(self.provenance),
        }

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Event:
        """Return the event of a contract-shaped object (`to_dict`'s inverse).

        Segment offsets are not part of the contract: the segment comes back at 0-0.
        """
        segment = data["segment"]
        place = data["location"]
        source = _actor(data["source"])
        assert source is not None, "an event has a source"
        return Event(
            event_id=data["event_id"],
            doc_id=data["doc_id"],
            sentence=data["sentence"],
            char_start=data["char_start"],
            char_end=data["char_end"],
            segment=Segment(segment["kind"], 0, 0, segment["author"], segment["posted"]),
            source=source,
            target=_actor(data["target"]),
            cameo=data["cameo"],
            quad_class=data["quad_class"],
            goldstein=data["goldstein"],
            plover=data["plover"],
            date=DatePoint(data["date"], data["date_precision"], data["date_text"]),
            location=Place(**place) if place else None,
            factuality=data["factuality"],
            attributed_to=_actor(data["attributed_to"]),
            rule=data["rule"],
            provenance=dict(data["provenance"]),
            confidence=float(data["provenance"]["confidence"])
            if "confidence" in data["provenance"]
            else None,
        )


# The keys of `Event.to_dict()`, in order: the event contract's fields. The Arrow schema
# (`engines.partitions.EVENT_SCHEMA`) and the store's columns follow them.
EVENT_KEYS = (
    "event_id", "doc_id", "sentence", "char_start", "char_end", "segment", "source", "target",
    "cameo", "plover", "quad_class", "goldstein", "date", "date_precision", "date_text",
    "location", "factuality", "attributed_to", "rule", "provenance",
)  # fmt: skip


def _actor(value: dict[str, Any] | None) -> Actor | None:
    return Actor(**value) if value else None


def quoted_path(path: str) -> str:
    """Return `path` as printed in a message: quoted when it holds a newline or other control.

    A file named "a\ndyad: rejected: b" must not forge a second message line.
    """
    return path if path.isprintable() else json.dumps(path, ensure_ascii=False)


def one_line(text: str) -> str:
    """Return `text` with its control characters escaped, so a message stays one line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else json.dumps(c)[1:-1] for c in text)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input (file, line, document) that could not be coded, and why."""

    path: str
    reason: str
    stage: str = "read"
    line: int | None = None
    hint: str | None = None
    doc_id: str | None = None

    def message(self) -> str:
        """Return the one-line message shown to the user."""
        path = quoted_path(self.path)
        where = f"{path}:{self.line}" if self.line is not None else path
        hint = f" ({one_line(self.hint)})" if self.hint else ""
        return f"{where}: {one_line(self.reason)}{hint}"
