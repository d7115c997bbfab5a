"""Armed groups the supplement dictionary adds, read as their own country's rebels."""

from __future__ import annotations

import pytest

from dyad.coder.mentions import find_mentions
from dyad.dictionaries.loader import load_actor_dictionary
from parses import make_sentence


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # the Pakistani Taliban fight in Pakistan; the Taliban alone stay the Afghan ones
        ("The Pakistani Taliban attacked a school .", (1, 2, "PAKREB")),
        ("The Taliban attacked a school .", (1, 1, "AFGREB")),
    ],
)
def test_supplement_codes_pakistani_taliban(words: str, expected: tuple[int, int, str]) -> None:
    n = len(words.split())
    heads = [2, 2, 3, 3, 5, 3, 3] if n == 7 else [1, 2, 2, 4, 2, 2]
    deps = "det amod nsubj ROOT det dobj punct" if n == 7 else "det nsubj ROOT det dobj punct"
    tags = "DT JJ NNP VBD DT NN ." if n == 7 else "DT NNP VBD DT NN ."
    pos = "DET ADJ PROPN VERB DET NOUN PUNCT" if n == 7 else "DET PROPN VERB DET NOUN PUNCT"
    sentence = make_sentence(words, heads, deps, words.lower(), tags, pos)
    actors = load_actor_dictionary()[0]
    named = [
        (m.first, m.last, m.actor.code)
        for m in find_mentions(sentence, actors, on_date="2017-02-16")
        if m.rule != "agent"
    ]
    assert named == [expected]


@pytest.mark.parametrize(
    ("words", "tags", "span", "code"),
    [
        # "the Samoan government" is the state of Samoa's; American Samoa keeps its own name
        ("The Samoan government banned gatherings .", "DT JJ NN VBD NNS .", (1, 2), "WSMGOV"),
        ("American Samoa banned gatherings .", "NNP NNP VBD NNS .", (0, 1), "USAASM"),
        # the Queen is the United Kingdom's head of state, not Saint Kitts and Nevis'
        ("Queen Elizabeth II spoke today .", "NNP NNP NNP VBD NN .", (0, 2), "GBRGOV"),
        # a region whose last word alone names another state (gold: "Northern Ireland" GBRGOV)
        ("May will not visit Northern Ireland .", "NNP MD RB VB NNP NNP .", (4, 5), "GBR"),
        ("Kenny flew to Ireland .", "NNP VBD IN NNP .", (3, 3), "IRL"),
        ("Storms hit New England .", "NNS VBD NNP NNP .", (2, 3), "USA"),
        # "sanctions on Russian financial institutions" (gold: RUSBUS)
        ("Obama sanctioned Russian financial institutions .", "NNP VBD JJ JJ NNS .", (3, 4), "BUS"),
        # "an aide to Chirac told reporters" (gold: FRAGOV); Phoenix has presidential aides only
        ("An aide to Chirac spoke .", "DT NN IN NNP VBD .", (1, 1), "GOV"),
        ("White House aides spoke .", "NNP NNP NNS VBD .", (2, 2), "GOV"),
    ],
)
def test_supplement_corrects_phoenix_readings(
    words: str, tags: str, span: tuple[int, int], code: str
) -> None:
    n = len(words.split())
    sentence = make_sentence(words, [0] * n, " ".join(["dep"] * n), words.lower(), tags)
    actors = load_actor_dictionary()[0]
    named = {
        (m.first, m.last): m.actor.code
        for m in find_mentions(sentence, actors, on_date="2019-12-05")
    }
    assert named.get(span) == code


def test_the_queen_after_her_death_is_a_former_head_of_state() -> None:
    words = "Queen Elizabeth II was remembered today ."
    sentence = make_sentence(
        words, [0] * 7, " ".join(["dep"] * 7), words.lower(), "NNP NNP NNP VBD VBN NN ."
    )
    actors = load_actor_dictionary()[0]
    named = {
        (m.first, m.last): m.actor.code
        for m in find_mentions(sentence, actors, on_date="2023-05-06")
    }
    assert named.get((0, 2)) == "GBRELI"


@pytest.mark.parametrize(
    ("words", "tags", "span", "code", "day"),
    [
        # parties the Phoenix files lack: a one-country party is that country's PTY
        ("Fianna Fail criticised Kenny .", "NNP NNP VBD NNP .", (0, 1), "IRLPTY", "2017-03-01"),
        ("The BJP won the vote .", "DT NNP VBD DT NN .", (1, 1), "INDPTY", "2017-03-01"),
        # a short abbreviation written with a capital inside it is one, as "US" is
        ("The AfD lost seats .", "DT NNP VBD NNS .", (1, 1), "DEUPTY", "2017-03-01"),
        ("Alternative for Germany lost .", "NNP IN NNP VBD .", (0, 2), "DEUPTY", "2017-03-01"),
        # the ANC was an armed movement, banned, until February 1990; a party since
        ("The ANC attacked a base .", "DT NNP VBD DT NN .", (1, 1), "ZAFREB", "1987-03-01"),
        ("The ANC won the vote .", "DT NNP VBD DT NN .", (1, 1), "ZAFPTY", "2017-03-01"),
        # a party name several countries share is the story's country's (agent PTY)
        ("The Labour Party voted .", "DT NNP NNP VBD .", (1, 2), "PTY", "2017-03-01"),
        ("Sinn Fein walked out .", "NNP NNP VBD RP .", (0, 1), "PTY", "2017-03-01"),
        # unions are labour, veterans civilians (the guide's roles; gold LAB and CVL)
        ("Polish unions protested .", "JJ NNS VBD .", (1, 1), "LAB", "1987-03-28"),
        ("Some US veterans protested .", "DT NNP NNS VBD .", (2, 2), "CVL", "2017-03-01"),
        # and so are a union's people
        ("Union sources said so .", "NN NNS VBD RB .", (0, 1), "LAB", "1987-04-09"),
        ("The union leader resigned .", "DT NN NN VBD .", (1, 2), "LAB", "2017-03-01"),
        # aid workers are non-governmental, not labour
        ("Aid workers were kidnapped .", "NN NNS VBD VBN .", (0, 1), "NGO", "2017-03-01"),
        ("Rebels seized two relief workers .", "NNS VBD CD NN NNS .", (3, 4), "NGO", "2017-03-01"),
        # peoples the Phoenix files lack: one state's its civilians, several states' the
        # civilians of the country the text ties them to
        ("Troops attacked the Rohingya .", "NNS VBD DT NNP .", (3, 3), "MMRCVL", "2017-03-01"),
        ("Police held two Uighurs .", "NNS VBD CD NNPS .", (3, 3), "CHNCVL", "2017-03-01"),
        ("Thousands of Kurds marched .", "NNS IN NNPS VBD .", (2, 2), "CVL", "2017-03-01"),
        # a singular "the Union" is no union: the European Union in an EU story
        ("The Union agreed .", "DT NNP VBD .", (1, 1), None, "2017-03-01"),
    ],
)
def test_supplement_names_political_parties(
    words: str, tags: str, span: tuple[int, int], code: str | None, day: str
) -> None:
    n = len(words.split())
    sentence = make_sentence(words, [0] * n, " ".join(["dep"] * n), words.lower(), tags)
    actors = load_actor_dictionary()[0]
    named = {(m.first, m.last): m.actor.code for m in find_mentions(sentence, actors, on_date=day)}
    assert named.get(span) == code


def test_a_short_word_in_lower_case_is_no_abbreviation() -> None:
    # "us" and "Us" are words; only "US" (or "AfD") is written as an abbreviation
    actors = load_actor_dictionary()[0]
    for words, tags in (("They told us .", "PRP VBD PRP ."), ("Us first .", "PRP RB .")):
        n = len(words.split())
        sentence = make_sentence(words, [0] * n, " ".join(["dep"] * n), words.lower(), tags)
        assert [m for m in find_mentions(sentence, actors, on_date="2017-03-01")
                if m.rule == "actor"] == []  # fmt: skip
