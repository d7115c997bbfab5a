"""Run the stages in order: documents in, contract-shaped events and rejections out.

The order of the pipeline is the STAGES table, checked once at start-up: each stage
declares what it reads and what it adds, and a stage may only read what an earlier
stage (or the input) provides. `dyad stages` prints the table.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dyad import dates
from dyad.coder import actors as actor_stage
from dyad.coder import anaphora, events, modality, parse, places
from dyad.coder.compose import EventCode
from dyad.coder.prefilter import CONTEXT, PARSE, SKIP, Prefilter, readable_pronouns
from dyad.coder.structure import split_segments
from dyad.config import Config
from dyad.dictionaries import cameo
from dyad.dictionaries.loader import (
    ActorDictionary,
    VerbDictionary,
    load_actor_dictionary,
    load_verb_dictionary,
)
from dyad.errors import DictionaryError
from dyad.records import Actor, DatePoint, Document, Event, Mention, Place, Segment, Sentence


@dataclass(frozen=True, slots=True)
class Stage:
    """One pipeline stage: its name, entry point, what it reads and what it adds."""

    name: str
    function: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]


STAGES = (
    Stage("read", "read.read_documents", (), ("document.text", "document.date")),
    Stage("structure", "structure.split_segments", ("document.text",), ("segment",)),
    Stage("split", "parse.split_sentences", ("segment",), ("sentence.span",)),
    Stage("prefilter", "prefilter.Prefilter.read", ("sentence.span",), ()),
    Stage("parse", "parse.parse_sentences", ("sentence.span",), ("token.dep", "token.lemma")),
    Stage("actors", "actors.find_mentions", ("token.dep", "document.date"), ("mention",)),
    Stage("anaphora", "anaphora.pronoun_mentions", ("mention", "segment"), ("mention.context",)),
    Stage("verbs", "events.code_events", ("token.dep", "mention"), ("event.code",)),
    Stage("modality", "modality.assess_factuality", ("token.dep", "event.code"), ("event.fact",)),
    Stage("time", "dates.resolve_date", ("document.date", "event.code"), ("event.date",)),
    Stage(
        "place", "places.geocode_place", ("token.dep", "mention", "event.code"), ("event.place",)
    ),
    Stage("code", "pipeline.assemble_event", ("event.code", "event.fact"), ("event",)),
)


def check_stages(stages: Sequence[Stage] = STAGES) -> None:
    """Raise ValueError when a stage reads something no earlier stage provides."""
    available: set[str] = set()
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {missing} before it is provided")
        available.update(stage.provides)


check_stages()


@dataclass(slots=True)
class Resources:
    """Everything the coder needs, loaded once per process."""

    actors: ActorDictionary
    verbs: VerbDictionary
    config: Config
    prefilter: Prefilter
    problems: list[DictionaryError] = field(default_factory=list)

    @staticmethod
    def load(
        config: Config,
        *,
        actor_files: Sequence[Path] | None = None,
        agent_files: Sequence[Path] | None = None,
        verb_files: Sequence[Path] | None = None,
        extra_files: Sequence[Path] = (),
    ) -> Resources:
        """Compile (or fetch from the cache) the dictionaries the coder uses."""
        actor_dictionary, actor_problems = load_actor_dictionary(
            actor_files, agent_files, extra_files=extra_files
        )
        verb_dictionary, verb_problems = load_verb_dictionary(verb_files)
        # an event without a target is dropped under require_dyad: it needs two actors
        needed = 2 if config.coder.require_dyad else 1
        prefilter = Prefilter.build(actor_dictionary, verb_dictionary, min_actors=needed)
        return Resources(
            actor_dictionary,
            verb_dictionary,
            config,
            prefilter,
            actor_problems + verb_problems,
        )


# CPU seconds of this process: stage shares hold on a machine busy with other work
clock = time.process_time


@dataclass(slots=True)
class StageTimes:
    """CPU seconds spent per stage (`clock`), summed over a run (printed by `make bench`)."""

    seconds: dict[str, float] = field(default_factory=dict)
    sentences: int = 0
    parsed: int = 0

    def add(self, stage: str, began: float) -> float:
        now = clock()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - began
        return now

    def add_within(self, stage: str, outer: str, began: float) -> None:
        """Move the seconds since `began` to `stage` from `outer`, timed around them."""
        seconds = clock() - began
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
        self.seconds[outer] = self.seconds.get(outer, 0.0) - seconds


# prepositions of where something happened ("in northern Nigeria")
_WHERE = frozenset({"in", "inside", "across", "throughout"})
# more text than this between two sentences is a sentence the pre-filter skipped
_GAP_CHARS = 2
_CODE_SHAPE = re.compile(r"^[0-9]{2,4}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def event_date(document: Document) -> DatePoint:
    """Return the event date: the document's date at day precision, else unknown."""
    if document.date and _ISO_DATE.match(document.date):
        return DatePoint(document.date, "day", None)
    return DatePoint.unknown()


def event_id(doc_id: str, sentence: Sentence, code: events.EventCode) -> str:
    """Return a stable id: the same input coded twice gives the same id."""
    target = code.target.code if code.target else ""
    key = f"{doc_id}|{sentence.start}|{sentence.end}|{code.verb}|{code.source.code}|{target}"
    key += f"|{code.code}|{code.rule}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _reporter(
    sentence: Sentence,
    span: tuple[int, int] | None,
    text: str | None,
    mentions: list[Mention],
    resources: Resources,
    context: str | None,
    perspective: str | None,
) -> Actor | None:
    if span is None:
        return Actor(text, "---") if text else None
    first, last = span
    heads = [
        t.i
        for t in sentence.tokens[first : last + 1]
        if not first <= t.head <= last or t.head == t.i
    ]
    head = heads[0] if heads else last
    actor = actor_stage.resolve_phrase(
        sentence,
        head,
        mentions,
        resources.actors,
        context_country=context,
        perspective=perspective,
    )
    words = text or " ".join(t.text for t in sentence.tokens[first : last + 1])
    return actor if actor is not None else Actor(words, "---")


def assemble_event(
    document: Document,
    sentence: Sentence,
    code: events.EventCode,
    mentions: list[Mention],
    resources: Resources,
    context: str | None,
    *,
    when: DatePoint | None = None,
    where: Place | None = None,
    times: StageTimes | None = None,
) -> Event | None:
    """Return the contract-shaped Event for one coded event.

    A code outside the CAMEO table (a user's verb dictionary may hold some) keeps its
    digits with QuadClass 0 and Goldstein 0; anything that is not 2-4 digits is dropped.
    With `times`, the modality stage's seconds move from "code" to "modality".
    """
    described = cameo.describe(code.code)
    if described is None:
        if not _CODE_SHAPE.match(code.code):
            return None
        described = cameo.CameoCode(code.code, code.code[:2], "outside CAMEO", 0, 0.0, None)
    began = clock()
    judged = modality.assess_factuality(sentence, code.verb, described.root)
    factuality = judged.factuality
    if code.negation_absorbed and factuality == "negated":
        factuality = "asserted"  # the code already says "not" ("did not clash": 050)
    attributed = None
    if judged.factuality == "reported":
        attributed = _reporter(
            sentence,
            judged.reporter,
            judged.reporter_text,
            mentions,
            resources,
            context,
            document.perspective,
        )
    if times is not None:
        times.add_within("modality", "code", began)
    return Event(
        event_id=event_id(document.doc_id, sentence, code),
        doc_id=document.doc_id,
        sentence=sentence.text,
        char_start=sentence.start,
        char_end=sentence.end,
        segment=sentence.segment,
        source=code.source,
        target=code.target,
        cameo=described.code,
        quad_class=described.quad_class,
        goldstein=described.goldstein,
        plover=described.plover,
        date=when if when is not None else event_date(document),
        location=where,
        factuality=factuality,
        attributed_to=attributed,
        rule=code.rule,
        confidence=0.5,
        provenance={
            "parser": parse.model_name(),
            "actors": actor_stage.RESOLVER_NAME,
            "verbs": events.CODER_NAME,
            "source_entry": code.source.entry or "",
            "target_entry": code.target.entry or "" if code.target else "",
            "modality_cue": judged.cue or "",
            "dates": dates.RULES_NAME,
            "gazetteer": places.GAZETTEER_NAME if where is not None else "",
        },
    )


def _when_where(
    document: Document,
    sentence: Sentence,
    code: EventCode,
    seen: Counter[str],
    references: dict[Segment, DatePoint],
) -> tuple[DatePoint, Place | None]:
    """Run the time and place stages for one coded event."""
    segment = sentence.segment
    if segment not in references:
        references[segment] = dates.reference_date(document, segment)
    described = cameo.describe(code.code)  # a verbal event is dated by its own verb of saying
    verbal = described is not None and described.quad_class in (0, 1, 3)
    when = dates.resolve_date(sentence, references[segment], code.verb, statement=verbal)
    actors = [a.country or a.code[:3] for a in (code.source, code.target) if a is not None]
    nearby = [country for country, _ in seen.most_common()]
    return when, places.geocode_place(sentence, code.verb, actors, nearby)


def _sentence_country(
    sentence: Sentence, mentions: Sequence[Mention], countries: frozenset[str]
) -> str | None:
    """Return the country a sentence's actors without one belong to, if it says.

    That is the one country named as where it happened: the schoolchildren of "gunmen
    kidnapped 20 schoolchildren in northern Nigeria" are Nigerian, the children "killed in
    Israeli shelling in the east of the Gaza Strip" Palestinian. Failing that, the one
    country the sentence names at least twice: "Iraqi troops arrested dozens of militiamen
    near the Iraqi border" are Iraqi, whatever country the rest of the document talks about
    most. A country named once as an actor may be the other side ("the government
    thanked China").
    """
    places = {
        m.actor.code[:3]
        for m in mentions
        if m.rule != "agent" and m.actor.code[:3] in countries and _where(sentence, m.last)
    }
    if len(places) == 1:
        return places.pop()
    named = _countries(mentions, countries)
    return named[0] if len(set(named)) == 1 and len(named) >= 2 else None


def _where(sentence: Sentence, head: int) -> bool:
    """Return whether the phrase headed at `head` says where ("in the east of X")."""
    token = sentence.tokens[head]
    for _step in range(3):  # climb the "of"s
        if token.dep != "pobj":
            return False
        preposition = sentence.tokens[token.head]
        if preposition.lemma in _WHERE:
            return True
        if preposition.lemma != "of" or preposition.head == preposition.i:
            return False
        token = sentence.tokens[preposition.head]
    return False


def _countries(mentions: Iterable[Mention], countries: frozenset[str]) -> list[str]:
    return [
        m.actor.code[:3] for m in mentions if m.rule != "agent" and m.actor.code[:3] in countries
    ]


def code_documents(
    documents: Iterable[Document],
    resources: Resources,
    *,
    times: StageTimes | None = None,
    use_prefilter: bool | None = None,
) -> Iterator[tuple[Document, list[Event]]]:
    """Code documents in batches; yield each document with its events, in input order.

    Args:
        documents: Documents from `read.read_documents`.
        resources: Loaded dictionaries and config.
        times: Optional accumulator of per-stage seconds.
        use_prefilter: Override `coder.prefilter` from the config.
    """
    batch: list[Document] = []
    budget = resources.config.coder.batch_size * 4
    size = 0
    for document in documents:
        batch.append(document)
        size += document.text.count(".") + 1
        if size >= budget:
            yield from _code_batch(batch, resources, times, use_prefilter)
            batch, size = [], 0
    if batch:
        yield from _code_batch(batch, resources, times, use_prefilter)


def _code_batch(
    batch: list[Document],
    resources: Resources,
    times: StageTimes | None,
    use_prefilter: bool | None,
) -> Iterator[tuple[Document, list[Event]]]:
    times = times if times is not None else StageTimes()
    filtering = resources.config.coder.prefilter if use_prefilter is None else use_prefilter
    began = clock()
    segmented = [split_segments(document) for document in batch]
    began = times.add("structure", began)
    wanted: list[list[tuple[int, int, Segment]]] = []
    for document, segments in zip(batch, segmented, strict=True):
        spans = []
        for segment in segments:
            if segment.kind in ("quote", "boilerplate"):
                continue
            piece = document.text[segment.start : segment.end]
            for start, end in parse.split_sentences(piece, segment.start):
                if end - start > parse.MAX_SENTENCE_CHARS:
                    continue
                spans.append((start, end, segment))
        times.sentences += len(spans)
        wanted.append(spans)
    began = times.add("split", began)
    # per sentence: PARSE, CONTEXT (tokenized only: its actors set the context country of
    # later sentences, as they would if it were parsed) or SKIP (it names no actor)
    verdicts = [
        _triage(doc, spans, resources.prefilter) if filtering else [PARSE] * len(spans)
        for doc, spans in zip(batch, wanted, strict=True)
    ]
    began = times.add("prefilter", began)
    requests = {
        kind: [
            (doc.doc_id, doc.text, start, end, segment)
            for doc, spans, marks in zip(batch, wanted, verdicts, strict=True)
            for (start, end, segment), mark in zip(spans, marks, strict=True)
            if mark == kind
        ]
        for kind in (PARSE, CONTEXT)
    }
    parsed = parse.parse_sentences(
        requests[PARSE],
        batch_size=resources.config.coder.batch_size,
        headline_case=resources.prefilter.headline_case,
    )
    times.parsed += len(parsed)
    began = times.add("parse", began)
    tokenized = parse.tokenize_sentences(requests[CONTEXT])
    began = times.add("tokenize", began)
    pending = {PARSE: iter(parsed), CONTEXT: iter(tokenized)}
    for document, marks in zip(batch, verdicts, strict=True):
        own = [(next(pending[m]), m == PARSE) for m in marks if m != SKIP]
        yield document, _code_sentences(document, own, resources, times)


def _triage(
    document: Document, spans: list[tuple[int, int, Segment]], prefilter: Prefilter
) -> list[int]:
    """Return the pre-filter's verdict on each sentence of `document`, in order.

    A pronoun can stand for an actor only when the sentence before it, in the same
    segment, named one (a group, for "they"): the coder forgets its antecedents across
    a skipped sentence.
    """
    verdicts = []
    previous: tuple[int, Segment, bool] | None = None  # end, segment, names a group
    for start, end, segment in spans:
        after_actor = (
            previous is not None
            and previous[1] == segment
            and not _skipped_between(document.text, previous[0], start)
        )
        pronouns = readable_pronouns(
            document.perspective is not None,
            after_actor,
            after_actor and previous is not None and previous[2],
        )
        verdict, group = prefilter.read(document.text[start:end], pronouns)
        if verdict != SKIP:
            previous = (end, segment, group)
        verdicts.append(verdict)
    return verdicts


def _skipped_between(text: str, end: int, start: int) -> bool:
    """Return whether a sentence the pre-filter skipped lies between `end` and `start`."""
    return len(text[end:start].strip()) > _GAP_CHARS


def _code_sentences(
    document: Document,
    triaged: list[tuple[Sentence, bool]],
    resources: Resources,
    times: StageTimes,
) -> list[Event]:
    """Code the parsed sentences of a document; tokenized-only ones just give context."""
    began = clock()
    sentences = [sentence for sentence, _parsed in triaged]
    # roles are chosen on the text's own date: the JSONL date, or else its date line
    day = event_date(document).value or dates.reference_date(document).value
    all_mentions = [actor_stage.find_mentions(s, resources.actors, on_date=day) for s in sentences]
    began = times.add("actors", began)
    result: list[Event] = []
    seen: Counter[str] = Counter()  # countries named in earlier sentences of the document
    references: dict[Segment, DatePoint] = {}
    antecedent: Actor | None = None  # the person last named, for he/she/his/her
    group: Actor | None = None  # the one group the previous sentence named, for they/them
    segment: Segment | None = None
    previous_end = 0
    names: dict[str, Actor] = {}  # "Tillerson", once "US Secretary of State Rex Tillerson"
    for (sentence, parsed), named in zip(triaged, all_mentions, strict=True):
        context = seen.most_common(1)[0][0] if seen else None
        seen.update(_countries(named, resources.actors.countries))
        if sentence.segment != segment:  # a comment's "he" is not the article's
            antecedent, group, segment = None, None, sentence.segment
        elif _skipped_between(document.text, previous_end, sentence.start):
            antecedent = group = None  # a sentence the prefilter skipped may name others
        previous_end = sentence.end
        mentions = anaphora.pronoun_mentions(sentence, named, resources.actors, antecedent, names)
        mentions = anaphora.group_mentions(sentence, mentions, group)
        group = anaphora.sole_group(named, resources.actors)
        named_last = anaphora.last_person(sentence, mentions, resources.actors, context, names)
        antecedent = named_last or antecedent
        began = times.add("anaphora", began)
        if not parsed:
            continue
        coded = events.code_events(
            sentence,
            mentions,
            resources.actors,
            resources.verbs,
            context_country=_sentence_country(sentence, mentions, resources.actors.countries)
            or context,
            perspective=document.perspective,
            require_dyad=resources.config.coder.require_dyad,
        )
        began = times.add("verbs", began)
        located = [_when_where(document, sentence, code, seen, references) for code in coded]
        began = times.add("time+place", began)
        for code, (when, where) in zip(coded, located, strict=True):
            event = assemble_event(
                document,
                sentence,
                code,
                mentions,
                resources,
                context,
                when=when,
                where=where,
                times=times,
            )
            if event is not None:
                result.append(event)
        began = times.add("code", began)
    return result
