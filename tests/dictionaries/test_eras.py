"""Tests for dyad.dictionaries.eras: Russian codes of the Soviet era, Yugoslavia's name."""

from __future__ import annotations

import pytest

from dyad.coder.mentions import find_mentions
from dyad.dictionaries.entries import ActorDictionary, ActorEntry, DatedCode
from dyad.dictionaries.eras import country_of_era, same_state
from dyad.dictionaries.loader import load_actor_dictionary
from parses import make_sentence


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()[0]


@pytest.mark.parametrize(
    ("code", "day", "expected"),
    [
        ("RUSGOV", "1987-03-10", "SUNGOV"),
        ("RUS", "1991-12-25", "SUN"),  # the Soviet Union's last day
        ("RUS", "1991-12-26", "RUS"),
        ("RUSMIL", "2014-03-01", "RUSMIL"),
        ("RUS", None, "RUS"),  # undated text keeps today's state
        ("USAGOV", "1987-03-10", "USAGOV"),
        ("RUS", "1987", "SUN"),  # a year alone
    ],
)
def test_russian_codes_are_the_soviet_unions_before_it_ended(
    code: str, day: str | None, expected: str
) -> None:
    assert country_of_era(code, day) == expected


def test_same_state_takes_the_earlier_eras_code() -> None:
    assert same_state("RUS", "SUN")
    assert same_state("RUS", "RUS")
    assert not same_state("RUS", "SUNGOV")
    assert not same_state("USA", "SUN")


def test_a_dated_role_of_the_soviet_era_is_read_as_the_soviet_unions() -> None:
    entry = ActorEntry(
        "Gorbachev", (DatedCode("RUSGOV", "1985-03-11", "1991-12-25"),), "test:1", person=True
    )
    assert entry.code_on("1987-06-01") == "SUNGOV"
    assert entry.code_on("1995-06-01") == "RUS"  # out of office: the latest role's country


def names(text: str, heads: list[int], deps: str, actors: ActorDictionary, day: str) -> list[str]:
    """Return the codes of the named actors (not agent nouns) found in `text` on `day`."""
    sentence = make_sentence(text, heads, deps)
    found = find_mentions(sentence, actors, on_date=day)
    return [m.actor.code for m in found if m.rule != "agent"]


def test_moscow_in_1987_news_is_the_soviet_union(actors: ActorDictionary) -> None:
    found = names("Moscow rejected the offer .", [1, 1, 3, 1, 1], "nsubj ROOT det dobj punct",
                  actors, "1987-03-10")  # fmt: skip
    assert found == ["SUN"]
    found = names("Moscow rejected the offer .", [1, 1, 3, 1, 1], "nsubj ROOT det dobj punct",
                  actors, "2015-03-10")  # fmt: skip
    assert found == ["RUS"]


def test_yugoslavia_and_its_adjective_are_named(actors: ActorDictionary) -> None:
    found = names("Yugoslav police arrested dissidents in Yugoslavia .", [1, 2, 2, 2, 2, 4, 2],
                  "amod nsubj ROOT dobj prep pobj punct", actors, "1987-03-10")  # fmt: skip
    assert found == ["YUG", "YUG"]
