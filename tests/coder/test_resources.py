"""Tests for dyad.coder.resources: the stages read loaded state from Resources, not globals."""

from __future__ import annotations

import dataclasses

import pytest

from dyad.coder.pipeline import code_documents
from dyad.coder.places import Gazetteer
from dyad.coder.resources import Resources
from dyad.config import load_config
from dyad.records import Document

TEXT = "Iraqi troops attacked Iranian positions in Basra on Tuesday."


@pytest.fixture(scope="module")
def resources() -> Resources:
    # every candidate kept: these tests are about loaded state, not about which events rank
    return Resources.load(load_config(overrides=["coder.min_confidence=0"]))


def test_resources_each_run_holds_its_own_pattern_index_and_parser(resources: Resources) -> None:
    other = Resources.load(load_config())
    assert other.patterns is not resources.patterns
    assert other.parser is not resources.parser
    assert resources.cameo["190"].quad_class == 4


@pytest.mark.model
def test_resources_the_stages_use_the_runs_gazetteer_and_table(resources: Resources) -> None:
    document = Document("d", TEXT, "p", date="2008-08-20")
    ((_doc, events),) = code_documents([document], resources)
    assert events and events[0].location is not None  # Basra, from the shipped gazetteer
    nowhere = dataclasses.replace(resources, _gazetteer=Gazetteer({}))
    ((_doc, events),) = code_documents([document], nowhere)
    assert events and all(e.location is None for e in events)
    table = dict(resources.cameo)
    table["19"] = dataclasses.replace(table["19"], goldstein=-1.5)
    table["190"] = dataclasses.replace(table["190"], goldstein=-1.5)
    changed = dataclasses.replace(resources, cameo=table)
    ((_doc, events),) = code_documents([document], changed)
    assert {e.goldstein for e in events if e.cameo.startswith("19")} == {-1.5}
