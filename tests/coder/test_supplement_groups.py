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
