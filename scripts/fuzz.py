"""Property-based fuzzing of reading, structure and the whole pipeline: `make fuzz`.

Hypothesis draws hostile inputs — random bytes; text in latin-1, cp1252, UTF-16 with and
without a byte-order mark, UTF-32 and mixtures of them; NUL bytes; truncated, over-long and
ill-typed JSON lines; unbalanced and deeply nested HTML; documents of 10 MB and of one
character; sentences of 5,000 tokens — writes each to a file and runs it through
`read_documents`, `split_segments` and `split_sentences`, or through the whole pipeline
(read, structure, code, store); user dictionaries and config files with malformed lines go
through their loaders. Each case checks that nothing raised, that every input came out as a
document or a rejection (a JSON line: exactly once), and that every rejection names its file,
its line where there is one, and a reason (a user file's problem: always its line).

Issue 19 adds date words against years 1 and 9999, JSON lines nested up to 100,000 deep, file
names that are not UTF-8 or hold newlines, FIFOs, sockets and devices as inputs, dictionaries
and configs, HTML whose parsing cost explodes, multiplying !substitution! lists, and ids
reused for other texts across lines, files and runs.

An exception is counted as a crash and its input saved under build/fuzz-crashes/, and the run
goes on. The cases are split over several seeds (a result that holds for one seed may not
hold for another). The run prints cases, crashes and rejections by reason, and exits 1 on
any crash.

    python scripts/fuzz.py [--cases 20000] [--seed N ...] [--only read]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from dyad.coder.decode import jsonl_encoding
from dyad.coder.jsonl import JSON_LINE_BYTES_PER_CHAR, one_json_value
from dyad.coder.parse import split_sentences
from dyad.coder.read import read_documents
from dyad.coder.structure import split_segments, structure_warnings
from dyad.config import Config, load_config
from dyad.dates import find_dates, reference_date
from dyad.dictionaries import cameo
from dyad.dictionaries.entries import ActorDictionary, VerbDictionary
from dyad.dictionaries.loader import (
    MAX_AGENT_PHRASES,
    load_actor_entries,
    load_agent_entries,
    read_dictionary_lines,
)
from dyad.dictionaries.verbfile import read_verb_file
from dyad.engines.partitions import plan_partitions
from dyad.errors import DyadError
from dyad.records import Document, Rejection
from dyad.store.database import Store, open_store
from dyad.store.identity import one_text_per_id, text_hash

ROOT = Path(__file__).resolve().parents[1]
CRASH_DIR = ROOT / "build" / "fuzz-crashes"
# Most cases run under a small document limit, so over-long documents and lines are cheap.
SMALL_LIMIT = 2_000
BIG_CHARS = 10_000_000
LONG_SENTENCE_TOKENS = 5_000
SUFFIXES = (".txt", ".text", ".html", ".htm", ".jsonl", ".json")
SEGMENT_KINDS = {"headline", "article", "update", "comment", "quote", "boilerplate"}
READ_STAGES = {"read", "read-warning"}
_REAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

# Words that reach every stage: actors, verbs with negation and modality, dates, places.
WORDS = (
    "Iraq Iran Syria Israel Hamas NATO Baghdad Basra Tehran Damascus Washington "
    "the United States the UN Iraqi police Iranian officials Prime Minister Nouri al-Maliki "
    "President Bush Israeli troops insurgents accused met attacked denied visited urged "
    "condemned killed signed threatened praised will may could did not never reportedly said "
    "told reporters according to on Monday last week in March 2008 on 2007-11-18 yesterday "
    "in Baghdad near Kirkuk an agreement talks sanctions the embassy a bomb , ; : - ( ) "
    "“ ” \" ' ’ . ! ? ... U.S. Gen. Mr. 19 042"
).split()
STRUCTURE_LINES = (
    "Posted at 8:11 pm on November 18, 2007 by Allahpundit",
    "By Dale Hartigan, March 3, 2008",
    "BAGHDAD, Aug. 20, 2008 --",
    "UPDATE: Iran denied it.",
    "Update (Glen): Syria met Iraq.",
    "12 Comments",
    "Comments",
    "Glen says:",
    "Dale on November 18, 2007 at 8:25 PM",
    "On March 3, 2008, Glen wrote:",
    "Posted by Dale at 8:31 PM",
    "Related posts",
    "Tags: iraq, iran",
    "© 2008 All rights reserved",
    "Permalink | Reply",
    '"Iraq accused Iran of shelling Basra on Monday," Glen wrote.',
)
HTML_TAGS = (
    "div p span b i a table tr td th li ul ol h1 h2 title head body html script style "
    "noscript template svg pre blockquote article section br hr meta link time"
).split()
ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "latin-1",
    "cp1252",
    "utf-16",  # with a byte-order mark
    "utf-16-le",  # without one
    "utf-16-be",
    "utf-32",
    "ascii",
)


# --- strategies -------------------------------------------------------------------------------


ACTOR_NAMES = (
    "Iraq;Iran;Syria;Israel;Hamas;NATO;Turkey;Russia;China;Egypt;the United States;the UN;"
    "Iraqi police;Iranian officials;Israeli troops;insurgents;Prime Minister Nouri al-Maliki;"
    "President Bush;the Syrian government;Kurdish rebels"
).split(";")
VERBS = (
    "accused;met;attacked;denied;visited;urged;condemned;killed;signed an agreement with;"
    "threatened;praised;did not meet;will visit;may attack;could sanction;reportedly met;"
    "was attacked by;agreed to talks with;rejected;demanded that;expelled;arrested"
).split(";")


def event_sentence() -> st.SearchStrategy[str]:
    """ "SOURCE VERB TARGET ...": a sentence the coder can code, with a drawn tail."""
    tail = st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)
    return st.tuples(
        st.sampled_from(ACTOR_NAMES), st.sampled_from(VERBS), st.sampled_from(ACTOR_NAMES), tail
    ).map(lambda parts: " ".join(p for p in parts if p) + ".")


def newsy_text(max_pieces: int = 60) -> st.SearchStrategy[str]:
    """Text made of coder words, event sentences, structure lines, separators and noise."""
    piece = st.one_of(
        event_sentence(),
        st.sampled_from(WORDS),
        st.sampled_from(WORDS),
        st.sampled_from(WORDS),
        st.sampled_from(STRUCTURE_LINES),
        st.sampled_from((" ", " ", "\n", "\n\n", ". ", "\r\n", "\t", "\x00", "\u00a0", "\ufeff")),
        st.text(max_size=6),
    )
    return st.lists(piece, min_size=1, max_size=max_pieces).map(_join)


def _join(pieces: list[str]) -> str:
    out: list[str] = []
    for piece in pieces:
        if out and piece[:1].isalnum() and out[-1][-1:].isalnum():
            out.append(" ")
        out.append(piece)
    return "".join(out)


def any_text() -> st.SearchStrategy[str]:
    return st.one_of(newsy_text(), st.text(max_size=200), st.text(st.characters(), max_size=20))


def encoded(text_strategy: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Text encoded in one encoding, or chunks of it in several (a mixed-encoding file)."""
    chunk = st.tuples(text_strategy, st.sampled_from(ENCODINGS)).map(
        lambda pair: pair[0].encode(pair[1], "replace")
    )
    return st.one_of(chunk, st.lists(chunk, min_size=2, max_size=4).map(b"".join))


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[bytes]) -> bytes:
    """`base` with NUL bytes, random bytes or a cut inserted at drawn places."""
    data = bytearray(draw(base))
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(("nul", "byte", "cut", "bytes")))
        at = draw(st.integers(0, len(data)))
        if kind == "nul":
            data[at:at] = b"\x00" * draw(st.integers(1, 4))
        elif kind == "byte":
            data[at:at] = bytes([draw(st.integers(0, 255))])
        elif kind == "bytes":
            data[at:at] = draw(st.binary(max_size=16))
        else:
            del data[at:]
    return bytes(data)


json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
)
json_value = st.recursive(
    json_scalar,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
date_value = st.one_of(
    st.sampled_from(("2008-03-03", "20080303", "2008-02-30", "2008-03-03T10:00:00Z", "last week")),
    st.text(max_size=12),
    json_value,
)


@st.composite
def json_line(draw: st.DrawFn) -> bytes:
    """One JSON line: a record, another JSON value, a truncated or over-long line, or junk."""
    record = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "id": st.one_of(st.text(max_size=12), st.integers(), json_value),
                "text": st.one_of(newsy_text(), newsy_text(), json_value),
                "date": date_value,
                "title": st.one_of(st.text(max_size=30), json_value),
                "url": st.one_of(st.text(max_size=30), json_value),
                "perspective": st.one_of(st.sampled_from(("USA", "IRQ")), json_value),
            },
        )
    )
    value: Any = record if draw(st.integers(0, 5)) else draw(json_value)
    text = json.dumps(value, ensure_ascii=draw(st.booleans()))
    kind = draw(st.sampled_from(("whole",) * 5 + ("truncated", "long", "junk", "blank")))
    if kind == "truncated":
        text = text[: draw(st.integers(0, max(0, len(text) - 1)))]
    elif kind == "long":
        text = json.dumps(
            {"text": "Iraq met Iran. " * (SMALL_LIMIT * JSON_LINE_BYTES_PER_CHAR // 15)}
        )
    elif kind == "junk":
        return draw(st.binary(max_size=40)).replace(b"\n", b"")
    elif kind == "blank":
        text = draw(st.sampled_from(("", " ", "\t", "  \t ")))
    return text.encode("utf-8", "surrogatepass")


@st.composite
def jsonl_file(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(json_line(), min_size=0, max_size=8))
    ending = draw(st.sampled_from((b"\n", b"\r\n", b"\r", b"\n\n")))
    data = ending.join(lines) + (ending if draw(st.booleans()) else b"")
    if draw(st.integers(0, 5)) == 0:  # written by a Windows tool, or in a legacy encoding
        encoding = draw(st.sampled_from(("utf-16", "utf-16-le", "utf-32", "latin-1", "utf-8-sig")))
        data = data.decode("utf-8", "replace").encode(encoding, "replace")
    return data


@st.composite
def html_page(draw: st.DrawFn) -> str:
    """Tag soup: unbalanced, deeply nested, with scripts, entities, comments and meta dates."""
    piece = st.one_of(
        st.sampled_from(HTML_TAGS).map(lambda t: f"<{t}>"),
        st.sampled_from(HTML_TAGS).map(lambda t: f"</{t}>"),
        st.sampled_from(
            (
                '<meta property="article:published_time" content="2008-03-03">',
                '<meta name="date" content="Mon, 03 Mar 2008 10:00:00 GMT">',
                '<meta name="date" content="not a date">',
                '<link rel="canonical" href="http://example.com/a">',
                '<time datetime="2007-11-18T20:25">',
                "<!-- a comment",
                "-->",
                "<![CDATA[ x ]]>",
                "&amp;",
                "&#0;",
                "&#x110000;",
                "&nbsp;",
                "<",
                ">",
                '<div class="a>',
                "<script>if (a < b) { Iraq.met(Iran) }</script>",
                "<br/>",
                "<p/>",
            )
        ),
        newsy_text(12),
    )
    body = "".join(draw(st.lists(piece, max_size=40)))
    depth = draw(st.sampled_from((0, 0, 0, 10, 300, 2_100, 6_000)))
    tag = draw(st.sampled_from(("div", "span", "b", "blockquote", "td", "li")))
    closed = draw(st.integers(0, depth))
    return f"<{tag}>" * depth + body + f"</{tag}>" * closed


DICTIONARY_LINES = (
    "FOOBARISTAN [FBR]",
    "FOOBARISTAN_ [FBR]  # a comment",
    "+FOOBAR_REPUBLIC",
    "+ [XYZ]",
    "[FBRGOV 080101-081231]",
    "[FBRGOV >080101]",
    "[]",
    "[",
    "]",
    "ZORBLAND_",
    "<!-- a comment -->",
    "# a comment",
    "ZORBGUARD [~SEC]",
    "!MINIST! = MINISTER, MINISTRY",
    "!EMPTY! =",
    "CATTLE!PERSON! [~AGR]",
    "&AUXVERB1_",
    "+WAS",
    "--- ACCUSE [112] ---",
    "ACCUSE {ACCUSES ACCUSED ACCUSING}",
    "- * ACCESS  [---]  # GET",
    "- * ENVOY [042:043] # RECEIVE",
    "- $ * (AT RESIDENCE) + [043:042]",
    "- * [",
    "{",
    "}",
)
CONFIG_LINES = (
    "[input]",
    "[coder]",
    "[output]",
    "[nope]",
    "[coder",
    "max_document_chars = 5000",
    "max_document_chars = 0",
    "max_document_chars = -1",
    'max_document_chars = "many"',
    'encoding_fallbacks = ["cp1252", "latin-1"]',
    'encoding_fallbacks = ["klingon"]',
    "encoding_fallbacks = [",
    "require_dyad = false",
    "require_dyad = maybe",
    "batch_size = 7",
    "coder.batch_size = 9",
    '"quoted key" = 1',
    "prefilter = true",
    "progress_min_documents = 2",
    "bogus = 1",
    "color = = 3",
    'x = """',
    "# a comment",
    "",
)


def user_file(lines: tuple[str, ...]) -> st.SearchStrategy[bytes]:
    """A user's dictionary or config file: known line shapes, junk lines, odd endings."""
    line = st.one_of(st.sampled_from(lines), st.sampled_from(lines), st.text(max_size=30))
    text = st.lists(line, max_size=30).map("\n".join)
    return st.one_of(text.map(lambda t: t.encode("utf-8", "surrogatepass")), mutated(encoded(text)))


def any_file() -> st.SearchStrategy[tuple[bytes, str]]:
    """(bytes, suffix) of a file of any kind."""
    raw = st.tuples(st.binary(max_size=300), st.sampled_from(SUFFIXES))
    text = st.tuples(mutated(encoded(any_text())), st.sampled_from(SUFFIXES))
    jsonl = st.tuples(mutated(jsonl_file()) | jsonl_file(), st.sampled_from((".jsonl", ".json")))
    page = st.tuples(mutated(encoded(html_page())), st.sampled_from((".html", ".htm")))
    return st.one_of(raw, text, jsonl, page)


# --- checks ------------------------------------------------------------------------------------


class Invalid(AssertionError):
    """An output that breaks a promise of the stage (counted as a crash)."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise Invalid(message)


def expected_jsonl_lines(data: bytes, limit: int) -> dict[int, bool]:
    """Return {line number: has content} as `read` numbers the lines of UTF-8 JSON lines."""
    lines: dict[int, bool] = {}
    number = 0
    pieces = data.split(b"\n")
    if pieces and pieces[-1] == b"":
        pieces.pop()
    for content in pieces:
        if len(content) > limit:
            number += 1
            lines[number] = True
            continue
        if number == 0:
            content = content.removeprefix(b"\xef\xbb\xbf")
        line = content.removesuffix(b"\r")
        if b"\r" in line and one_json_value(line):  # raw CRs inside one JSON value
            lines[number + 1] = True
            number += line.count(b"\r") + 1
            continue
        for part in line.split(b"\r"):
            number += 1
            lines[number] = bool(part.strip())
    return lines


def check_read(path: Path, data: bytes, items: list[Document | Rejection], config: Config) -> None:
    """Check the promises of `read_documents` for one file."""
    limit = config.input.max_document_chars
    is_jsonl = path.suffix in (".jsonl", ".json")
    primary: Counter[int | None] = Counter()
    last_document: Document | None = None
    for item in items:
        expect(isinstance(item, Document | Rejection), f"yielded a {type(item).__name__}")
        expect(item.path == str(path), f"names {item.path!r}, not the file")
        if isinstance(item, Document):
            check_document(item, limit)
            expect(item.line is not None if is_jsonl else item.line is None, "document line")
            primary[item.line] += 1
            last_document = item
            continue
        check_rejection(item, path)
        expect(item.stage in READ_STAGES, f"read gave stage {item.stage!r}")
        if is_jsonl:
            expect(item.line is not None and item.line >= 1, f"no line: {item.message()}")
        if item.stage == "read":
            primary[item.line] += 1
        else:  # a warning follows the document it describes
            expect(last_document is not None, "a warning with no document before it")
            assert last_document is not None
            expect(item.doc_id == last_document.doc_id, "a warning names another document")
            expect(item.line == last_document.line, "a warning names another line")
    if not is_jsonl:
        expect(sum(primary.values()) == 1, f"{sum(primary.values())} results for one file")
        return
    expect(all(n == 1 for n in primary.values()), f"a line came out twice: {primary}")
    if jsonl_encoding(data[:4096], len(data)) != "utf-8":  # UTF-16/32: lines re-encoded
        return
    lines = expected_jsonl_lines(data, JSON_LINE_BYTES_PER_CHAR * limit)
    filled = {n for n, full in lines.items() if full}
    got = sorted(n for n in primary if n is not None)
    expect(set(primary) == filled, f"lines {sorted(filled)} gave results {got}")


def check_document(document: Document, limit: int) -> None:
    text = document.text
    expect(bool(document.doc_id), "a document without an id")
    expect(bool(text.strip()), "an empty document was kept")
    expect(len(text) <= limit, f"a document of {len(text):,} chars passed a {limit:,} limit")
    expect("\x00" not in text and "\r" not in text, "NUL or CR left in the text")
    text.encode("utf-8")  # raises on a lone surrogate, which the store cannot hold


def check_rejection(rejection: Rejection, path: Path | None) -> None:
    expect(bool(rejection.reason.strip()), "a rejection without a reason")
    expect(bool(rejection.path), "a rejection without a path")
    if path is not None:
        expect(rejection.path == str(path), "a rejection names another file")
    where = f"{rejection.path}:{rejection.line}" if rejection.line else rejection.path
    expect(rejection.message().startswith(f"{where}: "), "the message hides file or line")


def check_problems(problems: Iterable[DyadError], path: Path, lines: int) -> None:
    """Check that each problem of a user file names the file and a line of it."""
    for problem in problems:
        expect(problem.path == str(path), f"a problem names {problem.path!r}")
        expect(problem.line is not None, f"a problem without a line: {problem}")
        assert problem.line is not None
        expect(1 <= problem.line <= max(1, lines), f"line {problem.line} of {lines}")
        expect(str(problem).startswith(f"{path}:{problem.line}: "), "message hides the line")


def check_structure(document: Document) -> None:
    """Check that segments tile the text and sentences stay inside their segment."""
    text = document.text
    segments = split_segments(document)
    expect(bool(segments), "no segments")
    expect(segments[0].start == 0 and segments[-1].end == len(text), "segments miss an end")
    for before, after in zip(segments, segments[1:], strict=False):
        expect(before.end == after.start, f"gap or overlap at {before.end}/{after.start}")
    for segment in segments:
        expect(segment.kind in SEGMENT_KINDS, f"unknown segment kind {segment.kind!r}")
        expect(segment.start <= segment.end, "a segment ends before it starts")
        previous = segment.start
        for start, end in split_sentences(text[segment.start : segment.end], segment.start):
            expect(previous <= start < end <= segment.end, "a sentence leaves its segment")
            previous = end
    for warning in structure_warnings(document):
        check_rejection(warning, None)
        expect(warning.path == document.path, "a structure warning names another file")


# --- running -----------------------------------------------------------------------------------


@dataclass
class Tally:
    """Cases run, crashes and rejections, per property."""

    cases: Counter[str] = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)
    reasons: Counter[str] = field(default_factory=Counter)
    saved: int = 0

    def add(self, other: Tally) -> None:
        """Add the cases, crashes and reasons of another run (another seed)."""
        self.cases.update(other.cases)
        self.crashes.extend(other.crashes)
        self.reasons.update(other.reasons)

    def reject(self, rejections: Iterable[Rejection]) -> None:
        for rejection in rejections:
            self.reasons[f"{rejection.stage}: {reason_kind(rejection.reason)}"] += 1

    def crash(self, name: str, data: bytes, suffix: str, error: BaseException) -> None:
        summary = f"{name}: {type(error).__name__}: {str(error)[:300]}"
        self.crashes.append(summary)
        if self.saved < 50:
            CRASH_DIR.mkdir(parents=True, exist_ok=True)
            stem = f"{name.replace(' ', '-')}-{self.saved}"
            (CRASH_DIR / f"{stem}{suffix or '.bin'}").write_bytes(data)
            trace = "".join(traceback.format_exception(error))
            (CRASH_DIR / f"{stem}.traceback").write_text(trace)
            self.saved += 1


def reason_kind(reason: str) -> str:
    """Return a reason without its numbers and details: what kind of rejection it is."""
    head = reason.split(" (", 1)[0].split("; ", 1)[0]
    head = re.sub(r"^date .* is not a valid date", "date … is not a valid date", head)
    head = re.sub(r'^(field "\w+" is an?) \w+', r"\1 …", head)
    head = re.sub(r"^unknown (setting|section) .*", r"unknown \1", head)
    head = re.sub(r"^.* must be a \[section\] table.*", "a key outside any [section]", head)
    head = re.sub(r"^[\w.]+ must be (an integer|at least|true or false|a list).*", r"not \1", head)
    head = re.sub(r"'[^']*'", "'…'", head)
    return re.sub(r"(?<!UTF-)\d[\d,.]*", "N", head)


class Fuzzer:
    """The properties, sharing one temporary folder, one store and one loaded coder."""

    def __init__(self, workdir: Path, tally: Tally) -> None:
        self.workdir = workdir
        self.tally = tally
        self.small = load_config(overrides=[f"input.max_document_chars={SMALL_LIMIT}"])
        self.default = load_config()
        self.big = load_config(overrides=[f"input.max_document_chars={BIG_CHARS + 1_000}"])
        self._store: Store | None = None

    def _file(self, data: bytes, suffix: str) -> Path:
        path = self.workdir / f"case{suffix}"
        path.write_bytes(data)
        return path

    def _run(self, name: str, data: bytes, suffix: str, body: Callable[[], None]) -> None:
        self.tally.cases[name] += 1
        try:
            body()
        except Exception as error:  # every exception is a finding, recorded and counted
            self.tally.crash(name, data, suffix, error)

    def read_case(self, name: str, data: bytes, suffix: str, config: Config) -> None:
        """Read one file and check reading and structure."""

        def body() -> None:
            path = self._file(data, suffix)
            items = list(read_documents([path], config))
            check_read(path, data, items, config)
            self.tally.reject(i for i in items if isinstance(i, Rejection))
            for item in items:
                if isinstance(item, Document):
                    check_structure(item)

        self._run(name, data, suffix, body)

    def pipeline_case(self, name: str, data: bytes, suffix: str, config: Config) -> None:
        """Read, structure, code and store one file; check the events and the stored rows."""

        def body() -> None:
            path = self._file(data, suffix)
            items = list(read_documents([path], config))
            check_read(path, data, items, config)
            documents = [i for i in items if isinstance(i, Document)]
            rejections = [i for i in items if isinstance(i, Rejection)]
            for document in documents:
                rejections += structure_warnings(document)
            coded = code(documents, config)
            for document, events in coded:
                check_events(document, events)
            store = self.store()
            store.ingest(coded, rejections)
            for document, events in coded:
                rows = store.query(
                    "SELECT count(*) AS n FROM documents WHERE doc_id = ?", [document.doc_id]
                )
                expect(rows.to_pylist() == [{"n": 1}], "document not stored exactly once")
                held = store.document_hashes([document.doc_id])[document.doc_id]
                if held != text_hash(document.text):  # the id names another stored text
                    refused = store.query(
                        "SELECT count(*) AS n FROM rejections WHERE doc_id = ? "
                        "AND stage = 'identity'",
                        [document.doc_id],
                    ).to_pylist()
                    expect(refused != [{"n": 0}], "a reused id was neither stored nor refused")
                    continue
                ids = {e.event_id for e in events}
                stored = store.query(
                    "SELECT event_id FROM events WHERE doc_id = ?", [document.doc_id]
                ).column("event_id")
                expect(ids <= set(stored.to_pylist()), "an event was not stored")
            self.tally.reject(rejections)

        self._run(name, data, suffix, body)

    def user_file_case(self, kind: str, data: bytes) -> None:
        """Load a user dictionary or config file; check every problem names file and line."""

        def body() -> None:
            path = self._file(data, ".toml" if kind == "config" else ".txt")
            lines = len(re.split(rb"\r\n|\r|\n", data))  # as an editor counts them
            problems: list[Any] = []
            if kind == "actors":
                load_actor_entries(path, ActorDictionary(), problems)
            elif kind == "agents":
                load_agent_entries(path, ActorDictionary(), problems)
            elif kind == "verbs":
                text = read_dictionary_lines(path)  # as load_verb_dictionary reads it
                read_verb_file(path, text, VerbDictionary(), problems)
            else:
                load_config(path, problems=problems)
            check_problems(problems, path, lines)
            self.tally.reasons.update(f"{kind}: {reason_kind(p.reason)}" for p in problems)

        self._run(kind, data, ".txt", body)

    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.workdir / "fuzz.duckdb")
        return self._store

    def close(self) -> None:
        if self._store is not None:
            counts = self._store.counts()
            twice = self._store.query(
                "SELECT doc_id FROM documents GROUP BY doc_id HAVING count(*) > 1"
            )
            self._store.close()
            self._store = None
            if twice.num_rows:
                self.tally.crashes.append(f"store: {twice.num_rows} documents stored twice")
            print(f"  fuzz store: {counts['documents']:,} documents, {counts['events']:,} events")


@cache
def resources(config: Config) -> Any:
    from dyad.coder.pipeline import Resources

    return Resources.load(config)


def code(documents: list[Document], config: Config) -> list[tuple[Document, list[Any]]]:
    from dyad.coder.pipeline import code_documents

    return list(code_documents(documents, resources(config)))


def check_events(document: Document, events: list[Any]) -> None:
    table = cameo.load_cameo_table()
    ids = [e.event_id for e in events]
    expect(len(ids) == len(set(ids)), "an event id twice in one document")
    for event in events:
        expect(event.doc_id == document.doc_id, "an event names another document")
        expect(0 <= event.char_start < event.char_end <= len(document.text), "span out of text")
        expect(document.text[event.char_start : event.char_end] == event.sentence, "span text")
        expect(event.cameo in table or event.quad_class == 0, f"code {event.cameo!r}")
        expect(0 <= event.quad_class <= 4, f"QuadClass {event.quad_class}")


# --- properties --------------------------------------------------------------------------------

Property = Callable[[Fuzzer, int, int | None], None]


def _settings(examples: int) -> Callable[[Any], Any]:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # a crash is recorded, not shrunk
        suppress_health_check=list(HealthCheck),
    )


def _seeded(function: Any, seed_value: int | None) -> Any:
    return seed(seed_value)(function) if seed_value is not None else function


def fuzz_read_files(fuzzer: Fuzzer, examples: int, seed_value: int | None) -> None:
    """Any file: random bytes, mixed encodings, NULs, JSON lines, tag soup."""

    @_settings(examples)
    @given(any_file(), st.booleans())
    def case(file: tuple[bytes, str], small: bool) -> None:
        data, suffix = file
        fuzzer.read_case("read", data, suffix, fuzzer.small if small else fuzzer.default)

    _seeded(case, seed_value)()


def fuzz_jsonl(fuzzer: Fuzzer, examples: int, seed_value: int | None) -> None:
    """JSON lines: truncated, over-long, ill-typed and blank lines, any line ending."""

    @_settings(examples)
    @given(jsonl_file(), st.sampled_from((".jsonl", ".json")))
    def case(data: bytes, suffix: str) -> None:
        fuzzer.read_case("jsonl", data, suffix, fuzzer.small)

    _seeded(case, seed_value)()


def fuzz_html(fuzzer: Fuzzer, examples: int, seed_value: int | None) -> None:
    """Unbalanced and deeply nested HTML, in any encoding."""

    @_settings(examples)
    @given(encoded(html_page()), st.sampled_from((".html", ".htm")))
    def case(data: bytes, suffix: str) -> None:
        fuzzer.read_case("html", data, suffix, fuzzer.default)

    _seeded(case, seed_value)()


def fuzz_structure(fuzzer: Fuzzer, examples: int, seed_value: int | None) -> None:
    """Blog-like text with bylines, updates and comment threads, straight to `structure`."""

    @_settings(examples)
    @given(newsy_text(120), st.one_of(st.none(), st.text(max_size=20)))
    def case(text: str, title: str | None) -> None:
        document = Document("fuzz", text, "fuzz.txt", title=title)
        fuzzer._run(
            "structure", text.encode("utf-8", "replace"), ".txt", lambda: check_one(document)
        )

    def check_one(document: Document) -> None:
        if document.text.strip():
            check_structure(document)

    _seeded(case, seed_value)()


def fuzz_pipeline(fuzzer: Fuzzer, examples: int, seed_value: int | None) -> None:
    """The whole pipeline — read, structure, code, store — on newsy text in any form."""
    story = st.lists(
        st.one_of(event_sentence(), event_sentence(), newsy_text(8)), min_size=1, max_size=12
    ).map(" ".join)
    encoding = st.sampled_from(("utf-8",) * 4 + ENCODINGS)
    page = st.tuples(story, encoding, st.sampled_from(SUFFIXES))

    @_settings(examples)
    @given(st.one_of(page.map(_as_file), st.tuples(jsonl_file(), st.just(".jsonl"))))
    def case(file: tuple[bytes, str]) -> None:
        data, suffix = file
        fuzzer.pipeline_case("pipeline", data, suffix, fuzzer.small)

    _seeded(case, seed_value)()


def _as_file(drawn: tuple[str, str, str]) -> tuple[bytes, str]:
    text, encoding, suffix = drawn
    if suffix in (".jsonl", ".json"):
        text = json.dumps({"text": text, "date": "2008-03-03"})
    elif suffix in (".html", ".htm"):
        paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n"))
        text = f"<html><head><title>Fuzz</title></head><body>{paragraphs}</body></html>"
    return text.encode(encoding, "replace"), suffix


def fuzz_user_files(fuzzer: Fuzzer, examples: int, seed_value: int | None) -> None:
    """User dictionaries (actors, agents, verbs) and config files with malformed lines."""

    @_settings(examples)
    @given(st.sampled_from(("actors", "agents", "verbs")), user_file(DICTIONARY_LINES))
    def dictionary(kind: str, data: bytes) -> None:
        fuzzer.user_file_case(kind, data)

    @_settings(examples)
    @given(user_file(CONFIG_LINES))
    def config(data: bytes) -> None:
        fuzzer.user_file_case("config", data)

    _seeded(dictionary, seed_value)()
    _seeded(config, seed_value)()


def fuzz_sizes(fuzzer: Fuzzer, examples: int, seed_value: int | None) -> None:
    """Documents of 10 MB and of one character, and sentences of 5,000 tokens."""

    @_settings(max(1, examples // 10))
    @given(st.sampled_from(SUFFIXES), st.booleans())
    def big(suffix: str, raise_limit: bool) -> None:
        data = _big_file(suffix)
        config = fuzzer.big if raise_limit else fuzzer.default
        fuzzer.read_case("10MB", data, suffix, config)

    @_settings(examples)
    @given(st.characters(), st.sampled_from(SUFFIXES), st.sampled_from(ENCODINGS))
    def one_char(char: str, suffix: str, encoding: str) -> None:
        text = json.dumps({"text": char}) if suffix in (".jsonl", ".json") else char
        data = text.encode(encoding, "replace")
        fuzzer.pipeline_case("one-char", data, suffix, fuzzer.default)

    @_settings(max(1, examples // 10))
    @given(st.lists(st.sampled_from(WORDS), min_size=5, max_size=40), st.sampled_from(SUFFIXES))
    def long_sentence(words: list[str], suffix: str) -> None:
        tokens = (words * (LONG_SENTENCE_TOKENS // len(words) + 1))[:LONG_SENTENCE_TOKENS]
        text = " ".join(t for t in tokens if t not in (".", "!", "?", "...")) + "."
        data, suffix = _as_file((text, "utf-8", suffix))
        fuzzer.pipeline_case("5000-tokens", data, suffix, fuzzer.default)

    _seeded(big, seed_value)()
    fuzzer.pipeline_case("10MB", _big_file(".txt"), ".txt", fuzzer.big)  # about a minute
    _seeded(one_char, seed_value)()
    _seeded(long_sentence, seed_value)()


def _big_file(suffix: str) -> bytes:
    """A 10 MB file: filler paragraphs with an event sentence in every twentieth."""
    filler = "The weather was mild and the markets were calm as people went about their day.\n"
    unit = filler * 19 + "Iraq accused Iran of shelling Basra on Monday. Syria met NATO.\n"
    text = unit * (BIG_CHARS // len(unit) + 1)
    if suffix in (".jsonl", ".json"):
        return json.dumps({"text": text}).encode()
    if suffix in (".html", ".htm"):
        return f"<html><body><p>{text.replace(chr(10), '</p><p>')}</p></body></html>".encode()
    return text.encode()


# --- issue 19: extreme dates, deep JSON, odd names, special files, costly input, identity ----

# A pathological document may cost at most this much more than a normal one (issue 19: 60 s).
PATHOLOGICAL_SECONDS = 20.0
EXTREME_DATES = (
    "0001-01-01", "0001-01-02", "0001-01-07", "0001-02-01", "9999-12-31", "9999-12-30",
    "9999-12-25", "9999-12-01", "9999-12", "0001-01", "9999", "0001",
)  # fmt: skip
DATE_WORDS = (
    "tomorrow", "yesterday", "today", "last year", "next year", "last month", "next month",
    "last week", "next week", "next Monday", "last Friday", "on Tuesday", "two years ago",
    "three months ago", "six weeks ago", "several months ago", "the past two days",
    "in recent weeks", "in December", "since November", "next March", "last summer",
    "in early 2008", "on Dec. 31", "Jan. 1", "12/31/9999", "01/01/0001", "9999-12-31",
    "the day before yesterday", "this past Sunday", "a year and a half ago",
)  # fmt: skip
DATELINES = ("BAGHDAD, Iraq (Dec. 31, 9999) ", "KABUL (Jan. 1, 0001) ", "(Feb. 30, 2008) ", "")
ODD_NAMES = (
    b"caf\xe9", b"\xff\xfe", b"a\nb", b"a\ndyad: rejected: forged", b"tab\there", b"cr\rhere",
    b"\x1b[31mred", b"sp ace", b"\xed\xa0\x80", b"-dash", b"\xe2\x80\xae", b"emoji\xf0\x9f\x98\x80",
)  # fmt: skip
HTML_UNITS = (
    "<div/>", "<p/>", "<p>", "<b><p>x", "<a>x", "<table><tr><td>", "<i><b><u>x</i>", "<li>",
    "<select><option>", "<nobr>", "<font>", "<tr>", "<span>x</span>", "<svg><path/>",
    "<DIV />", "<section/><article/>", "&amp;", "<!--", "<x-y>",
)  # fmt: skip


@st.composite
def dated_story(draw: st.DrawFn) -> tuple[str, str]:
    """(reference date, text): date words against a reference at the calendar's edge."""
    reference = draw(st.one_of(st.sampled_from(EXTREME_DATES), st.dates().map(str)))
    words = draw(st.lists(st.sampled_from(DATE_WORDS), min_size=1, max_size=6))
    sentences = [f"{draw(event_sentence())[:-1]} {w}." for w in words]
    return reference, draw(st.sampled_from(DATELINES)) + " ".join(sentences)


@st.composite
def deep_json_line(draw: st.DrawFn) -> bytes:
    """A JSON line nested hundreds to a hundred thousand deep, where a value may stand."""
    depth = draw(st.sampled_from((500, 999, 1_000, 1_001, 5_000, 100_000)))
    opening, closing = draw(st.sampled_from((("[", "]"), ('{"a":', "}"), ('[{"a":', "}]"))))
    nested = opening * depth + "1" + closing * depth
    where = draw(st.sampled_from(("text", "id", "date", "extra", "whole")))
    if where == "whole":
        return nested.encode()
    record: dict[str, Any] = {"text": "Iraq accused Iran of shelling Basra."}
    return json.dumps(record)[:-1].encode() + f', "{where}": {nested}}}'.encode()


@st.composite
def costly_html(draw: st.DrawFn) -> str:
    """HTML whose parsing cost explodes: a unit repeated up to 150,000 times."""
    unit = draw(st.sampled_from(HTML_UNITS))
    count = draw(st.sampled_from((1_000, 20_000, 150_000)))
    return f"<html><body><p>Iraq accused Iran.</p>{unit * count}</body></html>"


@st.composite
def substitution_bomb(draw: st.DrawFn) -> bytes:
    """An agents file whose !substitution! lists multiply or nest into each other."""
    names = [f"!S{i}!" for i in range(draw(st.integers(2, 12)))]
    lines = []
    for index, name in enumerate(names):
        later = names[index + 1 :] or ["WORD"]
        member = st.one_of(
            st.sampled_from(("MAN", "MEN", "GUARD", "")),
            st.lists(st.sampled_from(later), min_size=1, max_size=4).map("".join),
        )
        members = draw(st.lists(member, min_size=1, max_size=draw(st.sampled_from((3, 40)))))
        lines.append(f"{name} = {', '.join(members)}")
    for _ in range(draw(st.integers(1, 5))):
        phrase = "_".join(draw(st.lists(st.sampled_from(names), min_size=1, max_size=8)))
        lines.append(f"{phrase} [~{draw(st.sampled_from(('COP', 'MIL', '', '~')))}]")
    return "\n".join(lines).encode()


@st.composite
def reused_ids(draw: st.DrawFn) -> list[tuple[str, bytes]]:
    """JSON-lines files (folder/name, bytes) whose ids, given or not, may name two texts."""
    texts = ("Iraq accused Iran.", "Syria met Turkey.", "NATO urged Russia.")
    files = []
    for _ in range(draw(st.integers(1, 3))):
        lines = []
        for _ in range(draw(st.integers(1, 6))):
            record: dict[str, Any] = {"text": draw(st.sampled_from(texts))}
            doc_id = draw(st.sampled_from(("a", "b", 7, None)))
            if doc_id is not None:
                record["id"] = doc_id
            lines.append(json.dumps(record))
        name = f"{draw(st.sampled_from(('x', 'y')))}/{draw(st.sampled_from(('n', 'm')))}.jsonl"
        files.append((name, "\n".join(lines).encode()))
    return files


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Raise TimeoutError when the block runs longer than `seconds` (a hang is a crash)."""

    def expire(_signal: int, _frame: Any) -> None:
        raise TimeoutError(f"{what} ran over {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_messages(items: Iterable[Document | Rejection]) -> None:
    """Check that every path, id and message encodes to UTF-8 and stays on one line."""
    for item in items:
        item.path.encode("utf-8")
        (item.doc_id or "").encode("utf-8")
        if isinstance(item, Rejection):
            message = item.message()
            message.encode("utf-8")
            expect("\n" not in message and "\r" not in message, "a message spans two lines")


def fuzz_extremes(fuzzer: Fuzzer, examples: int, seed_value: int | None) -> None:
    """Class 1: date words against years 1 and 9999, deep JSON lines, odd file names."""

    @_settings(examples)
    @given(dated_story())
    def dates(drawn: tuple[str, str]) -> None:
        reference, text = drawn
        document = Document("edge", text, "edge.jsonl", date=reference)

        def body() -> None:
            for segment in split_segments(document):
                point = reference_date(document, segment)
                piece = text[segment.start : segment.end]
                for start, end in split_sentences(piece, segment.start):
                    for found in find_dates(text[start:end], point):
                        value = found.date.value
                        expect(value is None or _REAL_DATE.fullmatch(value) is not None, value)

        fuzzer._run("extremes", text.encode("utf-8", "replace"), ".txt", body)

    @_settings(examples)
    @given(st.lists(st.one_of(deep_json_line(), json_line()), min_size=1, max_size=4))
    def deep(lines: list[bytes]) -> None:
        fuzzer.read_case("extremes", b"\n".join(lines), ".jsonl", fuzzer.default)

    @_settings(examples)
    @given(st.lists(st.sampled_from(ODD_NAMES), min_size=1, max_size=3), st.sampled_from(SUFFIXES))
    def names(parts: list[bytes], suffix: str) -> None:
        def body() -> None:
            folder = fuzzer.workdir / "odd"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            text = "Iraq accused Iran of shelling Basra."
            data = json.dumps({"text": text}) if suffix in (".jsonl", ".json") else text
            for number, part in enumerate(parts):
                name = os.fsencode(folder) + b"/" + part + str(number).encode() + suffix.encode()
                with open(name, "wb") as handle:
                    handle.write(data.encode())
            items = list(read_documents([folder], fuzzer.default))
            check_messages(items)
            documents = [i for i in items if isinstance(i, Document)]
            expect(len(documents) == len(parts), "a file with an odd name was lost")
            fuzzer.store().ingest([(d, []) for d in documents])

        fuzzer._run("extremes", b"/".join(parts), suffix, body)

    for prop in (dates, deep, names):
        _seeded(prop, seed_value)()


def fuzz_costly(fuzzer: Fuzzer, examples: int, seed_value: int | None) -> None:
    """Class 2: FIFOs and devices as inputs, dictionaries and configs; costly HTML; bombs."""

    @_settings(examples)
    @given(st.sampled_from(("fifo", "device", "socket")), st.sampled_from(SUFFIXES + (".toml",)))
    def special(kind: str, suffix: str) -> None:
        def body() -> None:
            folder = fuzzer.workdir / "special"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            path = folder / f"odd{suffix}"
            if kind == "fifo":
                os.mkfifo(path)
            elif kind == "device":
                path.symlink_to(os.devnull)
            else:
                listening = socket.socket(socket.AF_UNIX)
                listening.bind(str(path))
                listening.close()
            with time_limit(PATHOLOGICAL_SECONDS, f"reading a {kind}"):
                for given_path in (folder, path):
                    items = list(read_documents([given_path], fuzzer.default))
                    expect(all(isinstance(i, Rejection) for i in items), f"a {kind} was read")
                    check_messages(items)
                for loader in (read_dictionary_lines, lambda p: load_config(p, problems=[])):
                    try:
                        loader(path)
                    except DyadError:
                        pass
                    else:
                        raise Invalid(f"a {kind} loaded as a dictionary or config")
                plan_partitions([folder, path], fuzzer.default)

        fuzzer._run("costly", kind.encode(), suffix, body)

    @_settings(max(1, examples // 4))
    @given(costly_html())
    def html(page: str) -> None:
        def body() -> None:
            began = time.perf_counter()
            with time_limit(PATHOLOGICAL_SECONDS * 2, "costly HTML"):
                path = fuzzer._file(page.encode(), ".html")
                items = list(read_documents([path], fuzzer.default))
                for item in items:
                    if isinstance(item, Document):
                        check_structure(item)
            seconds = time.perf_counter() - began
            expect(seconds < PATHOLOGICAL_SECONDS, f"costly HTML took {seconds:.0f} s")

        fuzzer._run("costly", page[:2_000].encode(), ".html", body)

    @_settings(examples)
    @given(substitution_bomb())
    def bomb(data: bytes) -> None:
        def body() -> None:
            path = fuzzer._file(data, ".agents.txt")
            into = ActorDictionary()
            problems: list[DyadError] = []
            with time_limit(PATHOLOGICAL_SECONDS, "an agents file"):
                load_agent_entries(path, into, problems)  # type: ignore[arg-type]
            check_problems(problems, path, len(data.split(b"\n")))
            expect(len(into.agents) <= 3 * MAX_AGENT_PHRASES, f"{len(into.agents):,} agents")

        fuzzer._run("costly", data, ".txt", body)

    for prop in (special, html, bomb):
        _seeded(prop, seed_value)()


def fuzz_identity(fuzzer: Fuzzer, examples: int, seed_value: int | None) -> None:
    """Class 4: ids reused for other texts, in one file, across files and across runs."""

    @_settings(examples)
    @given(reused_ids(), st.integers(1, 3))
    def case(files: list[tuple[str, bytes]], batch: int) -> None:
        def body() -> None:
            folder = fuzzer.workdir / "identity"
            shutil.rmtree(folder, ignore_errors=True)
            for name, data in files:
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                (folder / name).write_bytes(data)
            first: dict[str, str] = {}
            for item in read_documents([folder], fuzzer.default):
                if isinstance(item, Document):
                    first.setdefault(item.doc_id, item.text)
            with open_store(folder / "s.duckdb") as store:
                for _run in range(2):
                    items = list(
                        one_text_per_id(
                            read_documents([folder], fuzzer.default), store.document_hashes()
                        )
                    )
                    rejections = [i for i in items if isinstance(i, Rejection)]
                    documents = [(i, []) for i in items if isinstance(i, Document)]
                    store.ingest_coded(documents, rejections, batch_documents=batch)
                    check_messages(rejections)
                stored = store.document_hashes()
            expect(set(stored) == set(first), "a document id was lost or invented")
            for doc_id, digest in stored.items():
                expect(digest == text_hash(first[doc_id]), f"id {doc_id!r} stores another text")

        fuzzer._run("identity", b"\n".join(d for _n, d in files), ".jsonl", body)

    _seeded(case, seed_value)()


# (property, share of the cases)
PROPERTIES: tuple[tuple[str, Property, float], ...] = (
    ("read", fuzz_read_files, 0.36),
    ("jsonl", fuzz_jsonl, 0.14),
    ("html", fuzz_html, 0.08),
    ("structure", fuzz_structure, 0.12),
    ("pipeline", fuzz_pipeline, 0.12),
    ("user files", fuzz_user_files, 0.07),
    ("sizes", fuzz_sizes, 0.03),
    ("extremes", fuzz_extremes, 0.02),
    ("costly", fuzz_costly, 0.005),
    ("identity", fuzz_identity, 0.02),
)
DEFAULT_CASES = 20_000
# A result that depends on the seed holds only across many: the cases are split over these.
DEFAULT_SEEDS = 4


def run(total: int, seed_value: int | None, workdir: Path, only: Iterable[str] = ()) -> Tally:
    """Run every property (or those named in `only`) with its share of `total` cases."""
    tally = Tally()
    fuzzer = Fuzzer(workdir, tally)
    chosen = [p for p in PROPERTIES if p[0] in only] if only else list(PROPERTIES)
    try:
        for name, prop, share in chosen:
            began = time.perf_counter()
            before = sum(tally.cases.values())
            prop(fuzzer, max(1, round(total * share)), seed_value)
            ran = sum(tally.cases.values()) - before
            print(f"  {name:<10} {ran:>6,} cases  {time.perf_counter() - began:6.1f} s", flush=True)
    finally:
        fuzzer.close()
    return tally


def report(tally: Tally, seconds: float) -> str:
    lines = [
        f"fuzz: {sum(tally.cases.values()):,} cases in {seconds:.0f} s",
        "cases by property: "
        + ", ".join(f"{name} {count:,}" for name, count in sorted(tally.cases.items())),
        f"crashes: {len(tally.crashes)}",
    ]
    lines += [f"  {crash}" for crash in tally.crashes[:20]]
    total = sum(tally.reasons.values())
    lines.append(f"rejections and warnings by reason ({total:,}; each names file, line, reason):")
    lines += [f"  {count:>7,}  {reason}" for reason, count in tally.reasons.most_common()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=DEFAULT_CASES, help="Cases in all.")
    parser.add_argument(
        "--seed",
        type=int,
        action="append",
        default=[],
        help=f"Hypothesis seed; repeatable (default: {DEFAULT_SEEDS} new ones).",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        choices=[p[0] for p in PROPERTIES],
        help="Repeatable.",
    )
    args = parser.parse_args(argv)
    seeds = args.seed or [random.randrange(2**32) for _ in range(DEFAULT_SEEDS)]
    again = " ".join(f"--seed {s}" for s in seeds)
    print(f"fuzz: seeds {', '.join(map(str, seeds))} (repeat with {again})", flush=True)
    began = time.perf_counter()
    tally = Tally()
    for number, seed_value in enumerate(seeds):
        share = args.cases // len(seeds) + (number < args.cases % len(seeds))
        print(f"seed {seed_value}: {share:,} cases", flush=True)
        with tempfile.TemporaryDirectory(prefix="dyad-fuzz-") as folder:
            tally.add(run(share, seed_value, Path(folder), args.only))
    print(report(tally, time.perf_counter() - began))
    if tally.crashes:
        print(f"inputs of the first crashes saved under {CRASH_DIR}", file=sys.stderr)
    return 1 if tally.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
