"""Run the stages in order: documents in, contract-shaped events out.

The pipeline is the STAGES table: the loops below call each stage's function in the
table's order, and nothing else. A stage declares what it reads and what it adds; the
table is checked once at import (a stage may only read what the reader or an earlier
stage provides) and printed by `dyad stages`.

Batch stages run once over a batch of documents (structure, split, prefilter, parse,
tokenize: the parser is fastest on many sentences at a time). Sentence stages then run
over each sentence of each document in text order, with the document's discourse state
in one `DocumentContext`. A stage that raises is reported as a `StageFailure` naming it;
`dyad.run` turns that into a rejection of the one document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from dyad import dates
from dyad.coder import events, mentions, parse, places, structure
from dyad.coder.assemble import Judgement, assemble_event, judge_event, still_to_come
from dyad.coder.compose import EventCode
from dyad.coder.context import DocumentContext, skipped_between, without_backers
from dyad.coder.modality import Modality
from dyad.coder.perspective import Side, segment_sides
from dyad.coder.prefilter import CONTEXT, PARSE, SKIP, Prefilter
from dyad.coder.resources import Resources
from dyad.coder.timing import StageTimes, clock
from dyad.dictionaries import cameo
from dyad.records import DatePoint, Document, Event, Mention, Place, Rejection, Segment, Sentence

__all__ = [
    "STAGES",
    "Resources",
    "Stage",
    "StageFailure",
    "StageTimes",
    "check_stages",
    "clock",
    "code_documents",
]

# the versioned name of Coder v2's ranker, recorded in the provenance of the events it ranks
RANKER_NAME = "dyad.coder.ranked.v2"
# what the reader (`read.read_documents`) gives every document
INPUT = ("document.text", "document.date")
Span = tuple[int, int, Segment]


@dataclass(slots=True)
class Batch:
    """What the batch stages build for a batch of documents, one field per stage."""

    documents: list[Document]
    resources: Resources
    times: StageTimes
    filtering: bool
    segments: list[list[Segment]] = field(default_factory=list)
    sides: list[dict[Segment, Side]] = field(default_factory=list)
    spans: list[list[Span]] = field(default_factory=list)
    verdicts: list[list[int]] = field(default_factory=list)
    parsed: list[Sentence] = field(default_factory=list)
    tokenized: list[Sentence] = field(default_factory=list)

    def requests(self, kind: int) -> list[tuple[str, str, int, int, Segment]]:
        """Return the sentences the pre-filter marked `kind`, as the parser takes them."""
        return [
            (doc.doc_id, doc.text, start, end, segment)
            for doc, spans, marks in zip(self.documents, self.spans, self.verdicts, strict=True)
            for (start, end, segment), mark in zip(spans, marks, strict=True)
            if mark == kind
        ]


@dataclass(slots=True)
class SentenceWork:
    """One sentence on its way through the sentence stages, one field per stage."""

    sentence: Sentence
    parsed: bool  # False: tokenized only, read for context (its actors) but not coded
    named: list[Mention] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # the country of its actors without one (`sentence_country`)
    codes: list[EventCode] = field(default_factory=list)
    confidences: list[float | None] = field(default_factory=list)
    dates: list[DatePoint] = field(default_factory=list)
    places: list[Place | None] = field(default_factory=list)
    judgements: list[Judgement | None] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


# --- batch stages ---------------------------------------------------------------------


def split_structure(batch: Batch) -> None:
    """Find each document's segments (headline, article, comments, quotes, ...)."""
    batch.segments = [structure.split_segments(document) for document in batch.documents]


def find_sides(batch: Batch) -> None:
    """Find the side each segment's author writes from (document, source setting, text)."""
    resources = batch.resources
    batch.sides = [
        segment_sides(document, segments, resources.actors, resources.config.coder.perspectives)
        for document, segments in zip(batch.documents, batch.segments, strict=True)
    ]


def split_sentences(batch: Batch) -> None:
    """Cut the segments that are coded into sentence spans (quotes and boilerplate are not)."""
    for document, segments in zip(batch.documents, batch.segments, strict=True):
        spans = []
        for segment in segments:
            if segment.kind in ("quote", "boilerplate"):
                continue
            piece = document.text[segment.start : segment.end]
            for start, end in parse.split_sentences(piece, segment.start):
                if end - start > parse.MAX_SENTENCE_CHARS:
                    continue
                spans.append((start, end, segment))
        batch.times.sentences += len(spans)
        batch.spans.append(spans)


def prefilter_sentences(batch: Batch) -> None:
    """Mark each sentence PARSE, CONTEXT (tokenized only, for its actors) or SKIP."""
    batch.verdicts = [
        triage(doc, spans, batch.resources.prefilter, sides)
        if batch.filtering
        else [PARSE] * len(spans)
        for doc, spans, sides in zip(batch.documents, batch.spans, batch.sides, strict=True)
    ]


def parse_sentences(batch: Batch) -> None:
    """Parse the sentences marked PARSE, all documents of the batch in one stream."""
    config = batch.resources.config.coder
    batch.parsed = parse.parse_sentences(
        batch.requests(PARSE),
        batch_size=config.batch_size,
        headline_case=batch.resources.prefilter.headline_case,
        parser=batch.resources.parser,
    )
    batch.times.parsed += len(batch.parsed)


def tokenize_sentences(batch: Batch) -> None:
    """Tokenize the sentences marked CONTEXT: their actors set the context of later ones."""
    batch.tokenized = parse.tokenize_sentences(batch.requests(CONTEXT), batch.resources.parser)


def triage(
    document: Document, spans: list[Span], prefilter: Prefilter, sides: dict[Segment, Side]
) -> list[int]:
    """Return the pre-filter's verdict on each sentence of `document`, in order.

    A pronoun can stand for an actor only when the sentence before it, in the same
    segment, named one (a group, for "they"): the coder forgets its antecedents across
    a skipped sentence. "We" can only where the segment's author has a known side.
    """
    verdicts = []
    previous: tuple[int, Segment, bool] | None = None  # end, segment, names a group
    for start, end, segment in spans:
        after_actor = (
            previous is not None
            and previous[1] == segment
            and not skipped_between(document.text, previous[0], start)
        )
        pronouns = prefilter.pronouns(
            segment in sides,
            after_actor,
            after_actor and previous is not None and previous[2],
        )
        verdict, group = prefilter.read(document.text[start:end], pronouns)
        if verdict != SKIP:
            previous = (end, segment, group)
        verdicts.append(verdict)
    return verdicts


# --- the document stage, then the sentence stages --------------------------------------


def find_mentions(context: DocumentContext, works: Sequence[SentenceWork]) -> None:
    """Find the dictionary actors each sentence names, with roles of the document's date.

    All of the document's sentences are read before any is coded, so that the country the
    whole document names most is known to its headline and first sentences (`note_home`),
    and a bare surname of a country the document never names is dropped (`without_strangers`);
    "Georgia" in a US story is the state (`us_states`), and a headline's surname is the
    person the body names in full (`headline_surnames`).
    """
    found = [
        mentions.find_mentions(work.sentence, context.resources.actors, on_date=context.day)
        for work in works
    ]
    found = mentions.us_states(found)
    sentences = [work.sentence for work in works]
    found = mentions.headline_surnames(sentences, found, context.resources.actors)
    for work, named in zip(works, mentions.without_strangers(found), strict=True):
        work.named = named
    context.note_home(without_backers(work.sentence, work.named) for work in works)


def note_context(context: DocumentContext, work: SentenceWork) -> None:
    """Update the document's countries and forget antecedents across a gap or a segment."""
    context.note_countries(without_backers(work.sentence, work.named))
    context.follow(work.sentence)


def resolve_references(context: DocumentContext, work: SentenceWork) -> None:
    """Resolve pronouns and surnames, then remember this sentence's group and person."""
    work.mentions = context.read_references(work.sentence, work.named)
    context.name_group(work.named)
    context.name_person(work.sentence, work.mentions)


def code_verbs(context: DocumentContext, work: SentenceWork) -> None:
    """Code the sentence's events from its verbs and actors (and note the sentence's country,
    which the ranker reads too)."""
    sentence, resources = work.sentence, context.resources
    work.country = context.sentence_country(sentence, work.mentions)
    work.codes = events.code_events(
        sentence,
        work.mentions,
        resources.actors,
        resources.verbs,
        context_country=work.country,
        perspective=context.perspective(sentence.segment),
        # Coder v2 ranks every rule event, with a target or not; require_dyad applies after
        require_dyad=resources.config.coder.require_dyad and resources.learned is None,
        patterns=resources.patterns,
    )
    work.confidences = [None] * len(work.codes)


def rank_events(context: DocumentContext, work: SentenceWork) -> None:
    """Coder v2: add learned candidates, keep those likely enough, each with its probability."""
    resources = context.resources
    if resources.learned is None:
        return
    sentence, perspective = work.sentence, context.perspective(work.sentence.segment)
    assessed: dict[tuple[int, str], Modality] = {}

    def judge(code: EventCode) -> str | None:
        found = judge_event(
            sentence, code, work.mentions, resources, context.country, perspective, assessed
        )
        return found.factuality if found is not None else None

    ranked = resources.learned.rank(
        context.story, sentence, work.mentions, work.codes, work.country, judge, perspective
    )
    if resources.config.coder.require_dyad:
        ranked = [(code, p) for code, p in ranked if code.target is not None]
    work.codes = [code for code, _ in ranked]
    work.confidences = [p for _, p in ranked]


def date_events(context: DocumentContext, work: SentenceWork) -> None:
    """Date each event; a verbal event is dated by its own verb of saying."""
    reference = context.reference(work.sentence.segment)
    work.dates = []
    for code in work.codes:
        described = cameo.describe(code.code, context.resources.cameo)
        verbal = described is not None and described.quad_class in (0, 1, 3)
        found = dates.resolve_date(work.sentence, reference, code.verb, statement=verbal)
        work.dates.append(found)


def place_events(context: DocumentContext, work: SentenceWork) -> None:
    """Geocode where each event happened, near its actors' and the document's countries."""
    work.places = []
    for code in work.codes:
        sides = [a.country or a.code[:3] for a in (code.source, code.target) if a is not None]
        found = places.geocode_place(
            work.sentence, code.verb, sides, context.nearby(), gazetteer=context.resources.gazetteer
        )
        work.places.append(found)


def judge_events(context: DocumentContext, work: SentenceWork) -> None:
    """Judge each event's factuality and who it is attributed to; one its date words put
    after the report is still to come (`still_to_come`)."""
    perspective = context.perspective(work.sentence.segment)
    reference = context.reference(work.sentence.segment)
    work.judgements = [
        still_to_come(
            work.sentence,
            code,
            judge_event(
                work.sentence, code, work.mentions, context.resources, context.country, perspective
            ),
            when,
            reference,
        )
        for code, when in zip(work.codes, work.dates, strict=True)
    ]


def assemble_events(context: DocumentContext, work: SentenceWork) -> None:
    """Build the contract-shaped events (a code that is not 2-4 digits is dropped)."""
    found = zip(work.codes, work.judgements, work.dates, work.places, strict=True)
    table = context.resources.cameo
    side = context.side(work.sentence.segment)
    for (code, judgement, when, where), p in zip(found, work.confidences, strict=True):
        event = assemble_event(
            context.document, work.sentence, code, judgement, when, where, table, side
        )
        if event is not None and p is not None:
            provenance = {**event.provenance, "confidence": f"{p:.4f}", "ranker": RANKER_NAME}
            event = replace(event, confidence=p, provenance=provenance)
        if event is not None:
            work.events.append(event)


@dataclass(frozen=True, slots=True)
class Stage:
    """One pipeline stage: its name, the function the loop calls, what it reads and adds.

    `scope` says which loop calls it: "batch" stages take a `Batch`, "document" stages a
    `DocumentContext` and all of its document's `SentenceWork`s (before any sentence stage
    of it), "sentence" stages a `DocumentContext` and one `SentenceWork`. `parsed_only`
    stages skip a sentence that was only tokenized.
    """

    name: str
    function: Callable[..., None]
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    scope: Literal["batch", "document", "sentence"] = "sentence"
    parsed_only: bool = False

    @property
    def entry(self) -> str:
        """Return where the stage's function lives, e.g. "coder.pipeline.code_verbs"."""
        module = self.function.__module__.removeprefix("dyad.")
        return f"{module}.{self.function.__qualname__}"


STAGES = (
    Stage("structure", split_structure, ("document.text",), ("segment",), "batch"),
    Stage("perspective", find_sides, ("segment",), ("segment.side",), "batch"),
    Stage("split", split_sentences, ("segment",), ("sentence.span",), "batch"),
    Stage("prefilter", prefilter_sentences, ("sentence.span",), ("sentence.verdict",), "batch"),
    Stage("parse", parse_sentences, ("sentence.verdict",), ("token.dep", "token.lemma"), "batch"),
    Stage("tokenize", tokenize_sentences, ("sentence.verdict",), ("token.text",), "batch"),
    Stage("actors", find_mentions, ("token.text", "document.date"), ("mention",), "document"),
    Stage("context", note_context, ("mention", "segment"), ("document.context",)),
    Stage("anaphora", resolve_references, ("mention", "document.context"), ("mention.ref",)),
    Stage(
        "verbs",
        code_verbs,
        ("token.dep", "mention.ref"),
        ("sentence.country", "event.code"),
        parsed_only=True,
    ),
    Stage(
        "ranker",
        rank_events,
        ("event.code", "mention.ref", "sentence.country"),
        ("event.confidence",),
        parsed_only=True,
    ),
    Stage("time", date_events, ("document.date", "event.code"), ("event.date",), parsed_only=True),
    Stage(
        "place",
        place_events,
        ("event.code", "document.context"),
        ("event.place",),
        parsed_only=True,
    ),
    Stage(
        "modality",
        judge_events,
        ("token.dep", "event.code", "event.date"),
        ("event.fact",),
        parsed_only=True,
    ),
    Stage(
        "code",
        assemble_events,
        ("event.code", "event.date", "event.place", "event.fact"),
        ("event",),
        parsed_only=True,
    ),
)


def check_stages(stages: Sequence[Stage] = STAGES) -> None:
    """Raise ValueError when a stage reads something no earlier stage provides."""
    available: set[str] = set(INPUT)
    loops = ["batch", "document", "sentence"]
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {missing} before it is provided")
        if stage.scope not in loops:
            raise ValueError(f"stage {stage.name!r} ({stage.scope}) follows a later loop's stage")
        loops = loops[loops.index(stage.scope) :]
        available.update(stage.provides)


check_stages()


class StageFailure(Exception):
    """A stage raised on a document: `stage` names it, the cause is chained."""

    def __init__(self, stage: str, cause: BaseException) -> None:
        super().__init__(f"{type(cause).__name__}: {cause}")
        self.stage = stage
        self.cause = cause


def _call(stage: Stage, times: StageTimes, *args: object) -> None:
    began = clock()
    try:
        stage.function(*args)
    except Exception as exc:  # noqa: BLE001 - named and chained, never swallowed
        raise StageFailure(stage.name, exc) from exc
    times.add(stage.name, began)


def code_documents(
    documents: Iterable[Document],
    resources: Resources,
    *,
    times: StageTimes | None = None,
    use_prefilter: bool | None = None,
) -> Iterator[tuple[Document, list[Event]]]:
    """Code documents in batches; yield each document with its events, in input order.

    This is the pipeline alone: a failing stage raises `StageFailure` and ends the
    stream. `dyad.run.code_stream` is the driver that isolates a failing document.

    Args:
        documents: Documents from `read.read_documents`.
        resources: Loaded dictionaries and config.
        times: Optional accumulator of per-stage seconds.
        use_prefilter: Override `coder.prefilter` from the config.
    """
    for batch in batches(documents, resources):
        if isinstance(batch, list):
            yield from code_batch(batch, resources, times=times, use_prefilter=use_prefilter)


def batches(
    items: Iterable[Document | Rejection], resources: Resources
) -> Iterator[list[Document] | Rejection]:
    """Group documents into batches of about `4 * coder.batch_size` sentences.

    Anything else (a reader's rejection) is passed through at once, as it comes.
    """
    batch: list[Document] = []
    budget = resources.config.coder.batch_size * 4
    size = 0
    for item in items:
        if isinstance(item, Rejection):
            yield item
            continue
        batch.append(item)
        size += item.text.count(".") + 1
        if size >= budget:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def code_batch(
    documents: list[Document],
    resources: Resources,
    *,
    times: StageTimes | None = None,
    use_prefilter: bool | None = None,
) -> list[tuple[Document, list[Event]]]:
    """Run the batch stages over `documents`, then the sentence stages over each one."""
    times = times if times is not None else StageTimes()
    filtering = resources.config.coder.prefilter if use_prefilter is None else use_prefilter
    batch = Batch(documents, resources, times, filtering)
    for stage in STAGES:
        if stage.scope == "batch":
            _call(stage, times, batch)
    pending = {PARSE: iter(batch.parsed), CONTEXT: iter(batch.tokenized)}
    coded = []
    for document, marks, sides in zip(documents, batch.verdicts, batch.sides, strict=True):
        work = [SentenceWork(next(pending[m]), m == PARSE) for m in marks if m != SKIP]
        coded.append((document, code_sentences(document, work, resources, times, sides)))
    return coded


def code_sentences(
    document: Document,
    sentences: list[SentenceWork],
    resources: Resources,
    times: StageTimes,
    sides: dict[Segment, Side] | None = None,
) -> list[Event]:
    """Run the document stages, then the sentence stages over its sentences in text order."""
    context = DocumentContext.start(document, resources, sides)
    for stage in STAGES:
        if stage.scope == "document":
            _call(stage, times, context, sentences)
    stages = [stage for stage in STAGES if stage.scope == "sentence"]
    result: list[Event] = []
    for work in sentences:
        for stage in stages:
            if stage.parsed_only and not work.parsed:
                continue
            _call(stage, times, context, work)
        result.extend(work.events)
    return result
