"""Tests for dyad.records: the event's mapping to the contract's JSON and back; sentence trees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.records import EVENT_KEYS, Actor, DatePoint, Event, Place, Segment
from parses import make_sentence

CONTRACT = Path(__file__).resolve().parents[2] / "shared" / "contracts" / "event.schema.json"
EVENT = Event(
    event_id="e1",
    doc_id="d1",
    sentence="Iraq attacked Iran.",
    char_start=0,
    char_end=19,
    segment=Segment("comment", 0, 0, "Bob", "2008-08-20"),
    source=Actor("Iraq", "IRQ", None, "IRQ"),
    target=Actor("Iran", "IRN", None, "IRN"),
    cameo="190",
    quad_class=4,
    goldstein=-10.0,
    plover="ASSAULT",
    date=DatePoint("2008-08-20", "day", "today"),
    location=Place("Basra", "Basra", "IRQ", 30.5, 47.8, "city", "Basra"),
    factuality="reported",
    attributed_to=Actor("the ministry", "IRQGOV", None, "IRQ"),
    rule="dyad.verbs.cameo.v1:ATTACK@12",
    provenance={"parser": "spacy"},
)


def test_records_event_keys_are_the_dict_keys_in_order() -> None:
    assert tuple(EVENT.to_dict()) == EVENT_KEYS


def test_records_event_round_trips_through_its_dict() -> None:
    assert Event.from_dict(json.loads(json.dumps(EVENT.to_dict()))) == EVENT


@pytest.mark.issue(14)
def test_records_event_emits_no_constant_confidence() -> None:
    assert "confidence" not in EVENT.to_dict()
    if CONTRACT.is_file():  # the contract does not require it
        assert "confidence" not in json.loads(CONTRACT.read_text()).get("required", [])


def test_a_tokens_ancestors_run_from_it_to_the_root() -> None:
    # "a coalition led by neighboring Saudi Arabia struck"
    sentence = make_sentence(
        "a coalition led by neighboring Saudi Arabia struck", [1, 7, 1, 2, 6, 6, 3, 7],
        "det nsubj acl agent amod compound pobj ROOT",
    )  # fmt: skip
    assert sentence.ancestors(5) == [5, 6, 3, 2, 1, 7]
    assert sentence.ancestors(7) == [7]
