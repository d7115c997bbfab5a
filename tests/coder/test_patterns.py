"""Tests for dyad.coder.patterns: a verb's dictionary patterns matched on hand-built parses."""

from __future__ import annotations

import pytest

from dyad.coder.patterns import clause_tokens, entry_for, match_pattern
from dyad.dictionaries.entries import Pattern, VerbDictionary, VerbEntry
from parses import make_sentence

# "Iraq attacked Iran for the third day after Syria said so ."
ATTACK = make_sentence(
    "Iraq attacked Iran for the third day after Syria said so .",
    [1, 1, 1, 1, 6, 6, 3, 9, 9, 1, 9, 1],
    "nsubj ROOT dobj prep det amod pobj mark nsubj advcl advmod punct",
    "iraq attack iran for the third day after syria say so .",
    "NNP VBD NNP IN DT JJ NN IN NNP VBD RB .",
    "PROPN VERB PROPN ADP DET ADJ NOUN SCONJ PROPN VERB ADV PUNCT",
)
# "Iran sent troops to Iraq ."
SENT = make_sentence(
    "Iran sent troops to Iraq .",
    [1, 1, 1, 1, 3, 1],
    "nsubj ROOT dobj prep pobj punct",
    "iran send troop to iraq .",
    "NNP VBD NNS IN NNP .",
    "PROPN VERB NOUN ADP PROPN PUNCT",
)
TROOPS = Pattern((), (("TROOPS",),), "190", None, 10)
TROOPS_TO = Pattern((), (("TROOPS",), ("(",), ("TO",), ("+",)), "0871", None, 11)
TALKS = Pattern((), (("TALKS",),), "040", None, 12)


def test_patterns_clause_leaves_out_embedded_clauses_and_time_phrases() -> None:
    # "for the third day" only says when; "after Syria said so" is a clause of its own
    assert clause_tokens(ATTACK, 1) == [0, 1, 2, 11]


@pytest.mark.parametrize(
    ("patterns", "code", "target_after"),
    [
        ((TROOPS,), "190", None),
        ((TROOPS, TROOPS_TO), "0871", 3),  # the more specific pattern wins; "+" after "to"
        ((TALKS,), None, None),  # no word of the pattern in the clause
        ((), None, None),
    ],
)
def test_patterns_match_most_specific(
    patterns: tuple[Pattern, ...], code: str | None, target_after: int | None
) -> None:
    entry = VerbEntry("SEND", "SEND", "070", None, (), patterns)
    found = match_pattern(SENT, 1, entry)
    assert (found.pattern.code if found else None) == code
    if found is not None:
        assert found.target_after == target_after


@pytest.mark.parametrize(
    ("particles", "block"),
    [
        ((), "PLAIN"),  # "sent troops to": no entry's particles all present but "TO"
        (("TO",), "SEND_TO"),
    ],
)
def test_patterns_entry_for_prefers_the_entry_whose_particles_are_present(
    particles: tuple[str, ...], block: str
) -> None:
    entries = [VerbEntry("SEND", "PLAIN", "070", None, (), ())]
    if particles:
        entries.append(VerbEntry("SEND", "SEND_TO", "071", None, particles, ()))
    verbs = VerbDictionary({"SEND": entries})
    entry = entry_for(SENT, SENT.tokens[1], verbs)
    assert entry is not None and entry.block == block


def test_patterns_entry_for_unknown_verb_is_none() -> None:
    assert entry_for(SENT, SENT.tokens[1], VerbDictionary({})) is None
