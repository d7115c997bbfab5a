"""Tests for dyad.coder.arguments: a verb's subjects, objects and agents on hand-built parses."""

from __future__ import annotations

import pytest

from dyad.coder.arguments import conjuncts, objects, passive_agent, subjects
from dyad.records import Sentence
from parses import make_sentence


def parse(words: str, heads: list[int], deps: str, tags: str, pos: str) -> Sentence:
    return make_sentence(words, heads, deps, words.lower(), tags, pos)


CONJOINED = parse("Iran and Syria condemned Israel .", [3, 0, 0, 3, 3, 3],
                  "nsubj cc conj ROOT dobj punct", "NNP CC NNP VBD NNP .",
                  "PROPN CCONJ PROPN VERB PROPN PUNCT")  # fmt: skip
PASSIVE = parse("Iran was attacked by Iraq .", [2, 2, 2, 2, 3, 2],
                "nsubjpass auxpass ROOT agent pobj punct", "NNP VBD VBN IN NNP .",
                "PROPN AUX VERB ADP PROPN PUNCT")  # fmt: skip
# "Tehran said it would attack Iraq ." : "it" is Tehran
SAID_IT = parse("Tehran said it would attack Iraq .", [1, 1, 4, 4, 1, 4, 1],
                "nsubj ROOT nsubj aux ccomp dobj punct", "NNP VBD PRP MD VB NNP .",
                "PROPN VERB PRON AUX VERB PROPN PUNCT")  # fmt: skip
MET_WITH = parse("Maliki met with Khamenei .", [1, 1, 1, 2, 1], "nsubj ROOT prep pobj punct",
                 "NNP VBD IN NNP .", "PROPN VERB ADP PROPN PUNCT")  # fmt: skip


def test_arguments_conjuncts_follow_coordination() -> None:
    assert conjuncts(CONJOINED, 0) == [0, 2]


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        (CONJOINED, 3, ([0, 2], False)),
        (PASSIVE, 2, ([0], True)),
        (SAID_IT, 4, ([0], False)),  # "it" in a reported clause is the reporter
    ],
)
def test_arguments_subjects(
    sentence: Sentence, verb: int, expected: tuple[list[int], bool]
) -> None:
    assert subjects(sentence, verb) == expected


def test_arguments_objects_direct_then_prepositional() -> None:
    assert objects(CONJOINED, 3) == [(4, "dobj")]
    assert objects(MET_WITH, 1) == [(3, "prep:with")]


def test_arguments_passive_agent_is_the_by_phrase() -> None:
    assert passive_agent(PASSIVE, 2) == [4]
    assert passive_agent(CONJOINED, 3) == []
