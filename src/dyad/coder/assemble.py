"""The last stages of one coded event: its factuality, then the contract-shaped `Event`.

Reads: an `EventCode` with its sentence, date and place.  Adds: `Judgement` (factuality,
attribution), then the `Event` with QuadClass, Goldstein, PLOVER, id and provenance.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from dyad import dates
from dyad.coder import actors as actor_stage
from dyad.coder import districts, events, modality, parse, places
from dyad.coder.compose import EventCode
from dyad.coder.perspective import Side, side_provenance
from dyad.coder.resources import Resources
from dyad.coder.structure import STRUCTURE_NAME
from dyad.dictionaries import cameo
from dyad.records import Actor, DatePoint, Document, Event, Factuality, Mention, Place, Sentence

_CODE_SHAPE = re.compile(r"^[0-9]{2,4}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class Judgement:
    """How sure the text is of one event, and who it is attributed to."""

    factuality: Factuality
    attributed_to: Actor | None
    cue: str | None


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


def describe_code(
    code: str, table: Mapping[str, cameo.CameoCode] | None = None
) -> cameo.CameoCode | None:
    """Return the CAMEO description of `code`; None for what is not 2-4 digits.

    A code outside the CAMEO table (a user's verb dictionary may hold some) keeps its
    digits with QuadClass 0 and Goldstein 0.
    """
    described = cameo.describe(code, table)
    if described is None:
        if not _CODE_SHAPE.match(code):
            return None
        described = cameo.CameoCode(code, code[:2], "outside CAMEO", 0, 0.0, None)
    return described


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


def judge_event(
    sentence: Sentence,
    code: EventCode,
    mentions: list[Mention],
    resources: Resources,
    context: str | None,
    perspective: str | None,
    assessed: dict[tuple[int, str], modality.Modality] | None = None,
) -> Judgement | None:
    """Return the factuality of one coded event and its reporter; None for a bad code.

    `assessed` keeps the sentence's `modality.assess_factuality` by (verb, root), for a
    caller that judges many events of one sentence (the ranker's candidates share verbs).
    """
    described = describe_code(code.code, resources.cameo)
    if described is None:
        return None
    key = (code.verb, described.root)
    judged = assessed.get(key) if assessed is not None else None
    if judged is None:
        judged = modality.assess_factuality(sentence, code.verb, described.root)
        if assessed is not None:
            assessed[key] = judged
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
            perspective,
        )
    if attributed is not None and reports_itself(described.root, code.source, attributed):
        return Judgement("asserted", None, judged.cue)
    return Judgement(factuality, attributed, judged.cue)


def still_to_come(
    sentence: Sentence,
    code: EventCode,
    judgement: Judgement | None,
    when: DatePoint,
    reference: DatePoint | None,
) -> Judgement | None:
    """Return `judgement` made hypothetical where the act's own date words lie ahead.

    "Thatcher left Bonn after talks with Kohl ahead of her visit to Moscow next week": the
    visit has not happened; no verb of its clause says so, its date words do. Only words
    on the event's own word count (`dates.own_time_words`); a promise or threat (03, 13)
    is made when it is told, and stays as judged.
    """
    if judgement is None or judgement.factuality != "asserted":
        return judgement
    if code.code[:2] in modality.PROMISE_THREAT_ROOTS or not dates.lies_after(when, reference):
        return judgement
    if not dates.own_time_words(sentence, code.verb, when.text):
        return judgement
    return replace(judgement, factuality="hypothetical", cue=when.text)


# verbal acts: reported by their own source, the report is the act ("Putin said he was
# ready to meet Trump" is Putin's 036, made; guide section 5: the statement event itself
# is asserted). Meetings and material acts told by their actor stay reported (adjudication 23).
STATEMENT_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})


def reports_itself(root: str, source: Actor, reporter: Actor) -> bool:
    """Return whether a reported verbal act's reporter is its own source."""
    if root[:2] not in STATEMENT_ROOTS or source.code.startswith("---"):
        return False
    # as the scorer reads them: country and first role, a bare state its government
    return (
        actor_stage.as_government(source.code)[:6] == actor_stage.as_government(reporter.code)[:6]
    )


def assemble_event(
    document: Document,
    sentence: Sentence,
    code: EventCode,
    judgement: Judgement | None,
    when: DatePoint,
    where: Place | None,
    table: Mapping[str, cameo.CameoCode] | None = None,
    side: Side | None = None,
) -> Event | None:
    """Return the contract-shaped Event for one coded event (None for a bad code).

    `side` is the country its segment's author writes from, recorded in the provenance.
    """
    described = describe_code(code.code, table)
    if described is None or judgement is None:
        return None
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
        date=when,
        location=where,
        factuality=judgement.factuality,
        attributed_to=judgement.attributed_to,
        rule=code.rule,
        provenance={
            "parser": parse.model_name(),
            "actors": actor_stage.RESOLVER_NAME,
            "verbs": events.CODER_NAME,
            "source_entry": code.source.entry or "",
            "target_entry": code.target.entry or "" if code.target else "",
            "modality_cue": judgement.cue or "",
            "dates": dates.RULES_NAME,
            "gazetteer": _gazetteer_name(where),
            "structure": STRUCTURE_NAME,
        }
        | side_provenance(side),
    )


def _gazetteer_name(where: Place | None) -> str:
    """Name what placed the event: the gazetteer, and the district rules for a district."""
    if where is None:
        return ""
    if where.district is not None:
        return f"{places.GAZETTEER_NAME}+{districts.DISTRICTS_NAME}"
    return places.GAZETTEER_NAME
