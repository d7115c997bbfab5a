"""Tests for dyad.coder.perspective: the side an author writes from (issue 18)."""

from __future__ import annotations

import pytest

from dyad.coder.perspective import Side, infer_side, segment_sides, side_provenance
from dyad.config import load_config
from dyad.dictionaries.entries import ActorDictionary, ActorEntry, DatedCode
from dyad.errors import ConfigError
from dyad.records import Document, Segment


def _entry(code: str) -> ActorEntry:
    return ActorEntry(code, (DatedCode(code),), "test:1")


DICTIONARY = ActorDictionary(
    actors={
        ("AMERICANS",): _entry("USA"),
        ("UNITED", "STATES"): _entry("USA"),
        ("U.S.",): _entry("USA"),
        ("IRAQIS",): _entry("IRQ"),
        ("TURKISH",): _entry("TUR"),
        ("PAKISTAN",): _entry("PAK"),
        ("IRANIAN",): _entry("IRN"),
        ("BRITAIN",): _entry("GBR"),
        ("ISRAEL",): _entry("ISR"),
    },
    countries=frozenset({"USA", "IRQ", "TUR", "PAK", "IRN", "GBR", "ISR"}),
)


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("We Americans should not pay for this.", "USA"),
        ("My fellow Iraqis deserve better.", "IRQ"),
        ("Here in Pakistan nobody believes it.", "PAK"),
        ("Our Turkish soldiers did their duty.", "TUR"),
        ("As an Iranian, I say no.", "IRN"),
        ("We in the U.S. know better.", "USA"),
        ("Here in the United States we watch.", "USA"),
        ("We Americans and we in Britain agree.", None),  # two sides: not clear
        ("Our troops did this, not a deal with Iran.", None),  # whose troops?
        ("We must leave Iraq.", None),
        ("Why did we Israel attack", None),  # a country, not a people, after "we"
        # a report that quotes a minister: the quotation's side is not the author's
        ('The minister said, "We will raise it here in Britain." He left.', None),
        ("He said \u201cour Turkish soldiers did their duty\u201d yesterday.", None),
        ('He said "no". Here in Pakistan nobody believes it.', "PAK"),  # outside the marks
    ],
)
def test_perspective_inferred_only_when_clear(text: str, country: str | None) -> None:
    side = infer_side(text, DICTIONARY)
    assert (side.country if side else None) == country
    if side is not None:
        assert side.origin.startswith("text:")


def _post(text: str, path: str = "blog.txt", perspective: str | None = None) -> Document:
    return Document("d", text, path, perspective=perspective)


POST = "We Americans paid for this war.\nHere in Pakistan we saw it differently.\n"
ARTICLE = Segment("article", 0, 31, "Dan", "2008-11-19")
COMMENT = Segment("comment", 32, len(POST), "ali_k", "2008-11-19")
SHARE = Segment("boilerplate", len(POST), len(POST))


@pytest.mark.issue(18)
def test_perspective_read_per_author() -> None:
    sides = segment_sides(_post(POST), [ARTICLE, COMMENT, SHARE], DICTIONARY)
    assert sides[ARTICLE].country == "USA" and sides[COMMENT].country == "PAK"
    assert SHARE not in sides


@pytest.mark.issue(18)
def test_perspective_document_then_source_setting_come_first() -> None:
    segments = [ARTICLE, COMMENT]
    given = segment_sides(_post(POST, perspective="GBR"), segments, DICTIONARY, ["blog=IRQ"])
    assert set(given.values()) == {Side("GBR", "document")}
    setting = segment_sides(_post(POST, "feeds/Blog.txt"), segments, DICTIONARY, ["blog=IRQ"])
    assert set(setting.values()) == {Side("IRQ", "source:blog")}


@pytest.mark.issue(18)
def test_perspective_recorded_in_provenance() -> None:
    assert side_provenance(None) == {}
    assert side_provenance(Side("USA", "text:'we Americans'")) == {
        "perspective": "USA",
        "perspective_from": "text:'we Americans'",
        "perspective_rules": "dyad.perspective.rules.v1",
    }
    assert side_provenance(Side("USA", "document")) == {
        "perspective": "USA",
        "perspective_from": "document",
    }


@pytest.mark.issue(18)
def test_perspective_setting_is_checked() -> None:
    assert load_config(overrides=['coder.perspectives=["hotair=USA"]']).coder.perspectives == (
        "hotair=USA",
    )
    with pytest.raises(ConfigError, match="SOURCE=CODE"):
        load_config(overrides=['coder.perspectives=["hotair"]'])
