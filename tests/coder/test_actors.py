"""Tests for dyad.actors: noun phrases of hand-built parses resolved with the shipped dictionary."""

from __future__ import annotations

import pytest

from dyad.coder.actors import find_mentions, noun_phrase, resolve_phrase
from dyad.dictionaries.loader import ActorDictionary, load_actor_dictionary, skeleton
from dyad.records import Sentence
from parses import make_sentence

DAY = "2008-08-20"

# name: (words, heads, deps, tags, pos)
PARSES: dict[str, tuple[str, list[int], str, str, str]] = {
    "maliki": (
        "Prime Minister Maliki visited Iran .",
        [1, 2, 3, 3, 3, 3],
        "compound compound nsubj ROOT dobj punct",
        "NNP NNP NNP VBD NNP .",
        "PROPN PROPN PROPN VERB PROPN PUNCT",
    ),
    "troops": (
        "Iraqi troops attacked insurgents .",
        [1, 2, 2, 2, 2],
        "amod nsubj ROOT dobj punct",
        "JJ NNS VBD NNS .",
        "ADJ NOUN VERB NOUN PUNCT",
    ),
    "tehran": (
        "Tehran said it would retaliate .",
        [1, 1, 4, 4, 1, 1],
        "nsubj ROOT nsubj aux ccomp punct",
        "NNP VBD PRP MD VB .",
        "PROPN VERB PRON AUX VERB PUNCT",
    ),
    "in_tehran": (
        "Iraq attacked targets in Tehran .",
        [1, 1, 1, 2, 3, 1],
        "nsubj ROOT dobj prep pobj punct",
        "NNP VBD NNS IN NNP .",
        "PROPN VERB NOUN ADP PROPN PUNCT",
    ),
    "un_troops": (
        "UN troops withdrew .",
        [1, 2, 2, 2],
        "compound nsubj ROOT punct",
        "NNP NNS VBD .",
        "PROPN NOUN VERB PUNCT",
    ),
    "mayor_appos": (
        "the mayor of Nablus , a member of Hamas , was freed .",
        [1, 11, 1, 2, 1, 6, 1, 6, 7, 1, 11, 11, 11],
        "det nsubjpass prep pobj punct det appos prep pobj punct auxpass ROOT punct",
        "DT NN IN NNP , DT NN IN NNP , VBD VBN .",
        "DET NOUN ADP PROPN PUNCT DET NOUN ADP PROPN PUNCT AUX VERB PUNCT",
    ),
    "attack_in": (
        "Syria condemned an attack in Lebanon .",
        [1, 1, 3, 1, 3, 4, 1],
        "nsubj ROOT det dobj prep pobj punct",
        "NNP VBD DT NN IN NNP .",
        "PROPN VERB DET NOUN ADP PROPN PUNCT",
    ),
    "mahdi": (
        "the remnants of the Mahdi Army fought on .",
        [1, 6, 1, 5, 5, 2, 6, 6, 6],
        "det nsubj prep det compound pobj ROOT prt punct",
        "DT NNS IN DT NNP NNP VBD RP .",
        "DET NOUN ADP DET PROPN PROPN VERB ADP PUNCT",
    ),
    "militias": (
        "Shiite militias attacked a checkpoint .",
        [1, 2, 2, 4, 2, 2],
        "amod nsubj ROOT det dobj punct",
        "JJ NNS VBD DT NN .",
        "ADJ NOUN VERB DET NOUN PUNCT",
    ),
    "ahmadinezhad": (
        "Ahmadi - Nezhad condemned Israel .",
        [2, 2, 3, 3, 3, 3],
        "compound punct nsubj ROOT dobj punct",
        "NNP HYPH NNP VBD NNP .",
        "PROPN PUNCT PROPN VERB PROPN PUNCT",
    ),
    "we": (
        "We will not negotiate with Iran .",
        [3, 3, 3, 3, 3, 4, 3],
        "nsubj aux neg ROOT prep pobj punct",
        "PRP MD RB VB IN NNP .",
        "PRON AUX PART VERB ADP PROPN PUNCT",
    ),
    "us_lower": (
        "They attacked us .",
        [1, 1, 1, 1],
        "nsubj ROOT dobj punct",
        "PRP VBD PRP .",
        "PRON VERB PRON PUNCT",
    ),
    "us_upper": (
        "Iran condemned the US .",
        [1, 1, 3, 1, 1],
        "nsubj ROOT det dobj punct",
        "NNP VBD DT NNP .",
        "PROPN VERB DET PROPN PUNCT",
    ),
}


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()[0]


def parse(name: str) -> Sentence:
    words, heads, deps, tags, pos = PARSES[name]
    lemmas = " ".join(w.lower() for w in words.split())
    return make_sentence(words, heads, deps, lemmas, tags, pos)


@pytest.mark.parametrize(
    ("name", "head", "options", "code"),
    [
        ("maliki", 2, {}, "IRQGOV"),
        ("maliki", 4, {}, "IRN"),
        ("troops", 1, {}, "IRQMIL"),
        ("tehran", 0, {}, "IRNGOV"),  # capital acting: its government
        ("tehran", 0, {"acting": False}, "IRN"),
        ("in_tehran", 2, {}, "IRN"),  # a place, not a government
        ("in_tehran", 0, {}, "IRQ"),
        ("mahdi", 1, {}, "IRQREB"),
        ("un_troops", 1, {}, "IGOUNOMIL"),  # organisations take agents too
        ("mayor_appos", 1, {}, "PSEGOV"),  # the head phrase, not the apposition, names him
        ("militias", 1, {"context_country": "IRQ"}, "IRQREBMUS"),
        ("militias", 1, {}, "---REBMUS"),
        ("ahmadinezhad", 2, {}, "IRNGOV"),
        ("ahmadinezhad", 4, {}, "ISR"),
        ("we", 0, {"perspective": "USA"}, "USA"),
        ("us_upper", 3, {}, "USA"),
    ],
)
def test_actors_resolve_phrase(
    actors: ActorDictionary, name: str, head: int, options: dict[str, object], code: str
) -> None:
    sentence = parse(name)
    mentions = find_mentions(sentence, actors, on_date=DAY)
    actor = resolve_phrase(sentence, head, mentions, actors, **options)  # type: ignore[arg-type]
    assert actor is not None
    assert actor.code == code


@pytest.mark.parametrize(
    ("name", "head", "options"),
    [
        ("us_lower", 2, {}),  # "us" is not the United States
        ("attack_in", 3, {}),  # an event noun's place is not an actor
        ("us_lower", 0, {}),
        ("we", 0, {}),  # no perspective, no actor
        ("militias", 4, {"context_country": "IRQ"}),
    ],
)
def test_actors_resolve_phrase_none(
    actors: ActorDictionary, name: str, head: int, options: dict[str, object]
) -> None:
    sentence = parse(name)
    mentions = find_mentions(sentence, actors, on_date=DAY)
    assert resolve_phrase(sentence, head, mentions, actors, **options) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("maliki", [(0, 2, "IRQGOV"), (4, 4, "IRN")]),  # "Prime Minister Maliki" is a key
        ("mahdi", [(4, 5, "IRQREB")]),
        ("ahmadinezhad", [(0, 2, "IRNGOV"), (4, 4, "ISR")]),
        ("us_lower", []),
        ("us_upper", [(0, 0, "IRN"), (2, 3, "USA")]),  # "the US" is a key
    ],
)
def test_actors_find_mentions_named(
    actors: ActorDictionary, name: str, expected: list[tuple[int, int, str]]
) -> None:
    mentions = find_mentions(parse(name), actors, on_date=DAY)
    named = [(m.first, m.last, m.actor.code) for m in mentions if m.rule != "agent"]
    assert named == expected


def test_actors_find_mentions_variant_rule(actors: ActorDictionary) -> None:
    mentions = find_mentions(parse("ahmadinezhad"), actors, on_date=DAY)
    assert mentions[0].rule == "actor-variant"
    assert mentions[0].actor.name == "Mahmoud Ahmadinejad"


@pytest.mark.parametrize(
    ("day", "code"),
    [("2008-08-20", "IRQGOV"), ("2016-01-01", "IRQELI"), (None, "IRQELI")],
)
def test_actors_find_mentions_dated_role(
    actors: ActorDictionary, day: str | None, code: str
) -> None:
    mentions = find_mentions(parse("maliki"), actors, on_date=day)
    assert [m.actor.code for m in mentions if m.last == 2] == [code]


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("in_tehran", 2, [2, 3, 4]),
        ("mahdi", 1, [0, 1, 2, 3, 4, 5]),
        ("maliki", 2, [0, 1, 2]),
        ("tehran", 0, [0]),
    ],
)
def test_actors_noun_phrase(name: str, head: int, expected: list[int]) -> None:
    assert noun_phrase(parse(name), head) == expected


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ("AHMADI-NEZHAD", "AHMADINEJAD", True),
        ("Ahmadi Nezhad", "AHMADINEJAD", True),
        ("MALIKI", "MALIKKI", True),
        ("MALIKI", "SADR", False),
    ],
)
def test_actors_skeleton(left: str, right: str, same: bool) -> None:
    assert (skeleton(left) == skeleton(right)) is same


@pytest.mark.parametrize(
    ("on_date", "expected"),
    [
        ("1982-01-01", [("AFGGOV", "actor-surname")]),  # Babrak Karmal in office
        ("2020-01-01", []),  # a dated text names no one of that surname in office then
        (None, [("AFGELI", "actor-surname")]),  # undated: the unique candidate's lasting role
    ],
)
def test_actors_bare_surname_needs_a_role_on_the_date(
    actors: ActorDictionary, on_date: str | None, expected: list[tuple[str, str]]
) -> None:
    sentence = make_sentence("Karmal spoke", [1, 1], "nsubj ROOT")
    found = find_mentions(sentence, actors, on_date=on_date)
    assert [(m.actor.code, m.rule) for m in found] == expected


def test_actors_surname_followed_by_a_name_is_a_given_name(actors: ActorDictionary) -> None:
    sentence = make_sentence("Karmal Smith spoke", [1, 2, 2], "compound nsubj ROOT")
    found = find_mentions(sentence, actors, on_date="1982-01-01")
    assert [m.actor.code for m in found] == []
