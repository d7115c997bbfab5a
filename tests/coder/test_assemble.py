"""Tests for dyad.coder.assemble: codes described, stable ids, events built or dropped."""

from __future__ import annotations

import pytest

from dyad.coder.assemble import (
    Judgement,
    assemble_event,
    describe_code,
    event_date,
    event_id,
    reports_itself,
    still_to_come,
)
from dyad.coder.compose import EventCode
from dyad.records import Actor, DatePoint, Document
from parses import make_sentence

SENTENCE = make_sentence("Iraq attacked Iran .", [1, 1, 1, 1], "nsubj ROOT dobj punct")
CODE = EventCode(1, Actor("Iraq", "IRQ"), Actor("Iran", "IRN"), "190", "rule")
DOCUMENT = Document("d", "Iraq attacked Iran .", "p", date="2008-08-20")


@pytest.mark.parametrize(
    ("code", "quad_class"),
    [("190", 4), ("0871", None), ("9999", 0), ("19x", None), ("", None)],
)
def test_assemble_describe_code(code: str, quad_class: int | None) -> None:
    described = describe_code(code)
    if code == "0871":
        assert described is not None  # in the table
        return
    assert (described.quad_class if described else None) == quad_class


def test_assemble_event_id_is_stable_and_depends_on_the_code() -> None:
    assert event_id("d", SENTENCE, CODE) == event_id("d", SENTENCE, CODE)
    other = EventCode(1, CODE.source, CODE.target, "191", "rule")
    assert event_id("d", SENTENCE, CODE) != event_id("d", SENTENCE, other)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2008-08-20", DatePoint("2008-08-20", "day")),
        ("2008", DatePoint.unknown()),
        (None, DatePoint.unknown()),
    ],
)
def test_assemble_event_date_is_the_document_day(date: str | None, expected: DatePoint) -> None:
    assert event_date(Document("d", "x", "p", date=date)) == expected


def test_assemble_event_is_built_or_dropped() -> None:
    judged = Judgement("asserted", None, None)
    when = DatePoint("2008-08-20", "day")
    event = assemble_event(DOCUMENT, SENTENCE, CODE, judged, when, None)
    assert event is not None
    assert (event.cameo, event.quad_class, event.factuality) == ("190", 4, "asserted")
    bad = EventCode(1, CODE.source, CODE.target, "x", "rule")
    assert assemble_event(DOCUMENT, SENTENCE, bad, judged, when, None) is None
    assert assemble_event(DOCUMENT, SENTENCE, CODE, None, when, None) is None


@pytest.mark.parametrize(
    ("root", "source", "reporter", "expected"),
    [
        # "Putin said he was ready to meet Trump": the intent is Putin's, stated: asserted
        ("03", "RUSGOV", "RUSGOV", True),
        ("11", "RUS", "RUSGOV", True),  # a bare state is its government
        ("02", "PHLGOV", "PHL", True),
        # a meeting or a material act told by its own actor stays reported (adjudication 23)
        ("04", "RUSGOV", "RUSGOV", False),
        ("19", "IRQMIL", "IRQMIL", False),
        # someone else's words, or an unknown source, stay reported
        ("03", "RUSGOV", "USAGOV", False),
        ("11", "---GOV", "---GOV", False),
    ],
)
def test_a_verbal_act_reported_by_its_own_source_is_the_act_itself(
    root: str, source: str, reporter: str, expected: bool
) -> None:
    assert reports_itself(root, Actor("s", source), Actor("r", reporter)) is expected


def test_an_act_its_own_date_words_put_ahead_is_still_to_come() -> None:
    # "Thatcher left yesterday after talks ahead of her visit next week ." on 2013-01-25
    sentence = make_sentence(
        "Thatcher left yesterday after talks ahead of her visit next week .",
        [1, 1, 1, 1, 3, 4, 7, 8, 5, 10, 8, 1],
        "nsubj ROOT npadvmod prep pobj advmod prep poss pobj amod npadvmod punct",
    )
    friday = DatePoint("2013-01-25", "day")
    ahead = DatePoint("2013", "year", "next week")
    asserted = Judgement("asserted", None, None)
    visit = EventCode(8, Actor("her", "GBRGOV"), Actor("Moscow", "RUS"), "042", "rule")
    judged = still_to_come(sentence, visit, asserted, ahead, friday)
    assert judged == Judgement("hypothetical", None, "next week")
    # the talks are not dated by the visit's words; an intent (03) is made when told
    talks = EventCode(4, Actor("Thatcher", "GBRGOV"), Actor("Kohl", "DEUGOV"), "040", "rule")
    assert still_to_come(sentence, talks, asserted, ahead, friday) == asserted
    intent = EventCode(8, visit.source, visit.target, "036", "rule")
    assert still_to_come(sentence, intent, asserted, ahead, friday) == asserted
    # an event dated by words on or before the report stays as judged
    yesterday = DatePoint("2013-01-24", "day", "yesterday")
    assert still_to_come(sentence, visit, asserted, yesterday, friday) == asserted
