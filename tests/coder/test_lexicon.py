"""Tests for dyad.coder.lexicon: each word list once, documented, and no two alike."""

from __future__ import annotations

import ast
import inspect

import pytest

from dyad.coder import lexicon

LISTS = {name: value for name, value in vars(lexicon).items() if isinstance(value, frozenset)}


def test_lexicon_every_list_is_documented_once() -> None:
    source = inspect.getsource(lexicon)
    lines = source.splitlines()
    undocumented = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            above = lines[node.lineno - 2].strip()
            inline = "#" in lines[node.lineno - 1]
            if not (above.startswith("#") or inline):
                undocumented.append(node.targets[0].id)
    assert undocumented == []


def test_lexicon_no_two_lists_are_the_same() -> None:
    seen: dict[frozenset[str], str] = {}
    for name, words in LISTS.items():
        assert words not in seen, f"{name} repeats {seen.get(words)}"
        seen[words] = name


@pytest.mark.parametrize(
    ("part", "whole"),
    [
        ("ANNOUNCING_VERBS", "ATTRIBUTION_VERBS"),  # every announcing verb also attributes
        ("RELATION_NOUNS", "NOT_ACTOR_HEADS"),
        ("SENDING_VERBS", "GIVING_VERBS"),
        ("HEDGING_ADJECTIVES", "SPECULATIVE_ADJECTIVES"),
    ],
)
def test_lexicon_lists_that_refine_another_stay_inside_it(part: str, whole: str) -> None:
    assert LISTS[part] < LISTS[whole]


@pytest.mark.parametrize("name", sorted(LISTS))
def test_lexicon_words_are_lowercase_except_dictionary_words(name: str) -> None:
    words = LISTS[name]
    expected = {w.upper() for w in words} if name == "GENERIC_ROLES" else {w.lower() for w in words}
    assert words == expected
