"""Tests for dyad.coder.parse.split_sentences: rule-based sentence spans (no model needed)."""

from __future__ import annotations

import pytest

from dyad.coder.parse import split_sentences


def sentences(text: str, offset: int = 0) -> list[str]:
    return [text[start - offset : end - offset] for start, end in split_sentences(text, offset)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith went to Baghdad. He met Gen. Petraeus there.",
            ["Mr. Smith went to Baghdad.", "He met Gen. Petraeus there."],
        ),
        (
            "The U.S. Army left on Jan. 5. Iraq objected.",
            ["The U.S. Army left on Jan. 5.", "Iraq objected."],
        ),
        (
            "Talks with the U.N. resumed. Iran agreed.",
            ["Talks with the U.N. resumed.", "Iran agreed."],
        ),
        ("George W. Bush spoke. Maliki listened.", ["George W. Bush spoke.", "Maliki listened."]),
        (
            "Will Iran agree? Nobody knows! Talks go on.",
            ["Will Iran agree?", "Nobody knows!", "Talks go on."],
        ),
        (
            '"We will attack," he said. "They will fail." Iran denied it.',
            ['"We will attack," he said.', '"They will fail."', "Iran denied it."],
        ),
        (
            "Iraq attacked Iran.\n\nSyria condemned Israel.",
            ["Iraq attacked Iran.", "Syria condemned Israel."],
        ),
        (
            "Iraq Attacks Iran\nIraqi troops crossed the border on Monday.",
            ["Iraq Attacks Iran", "Iraqi troops crossed the border on Monday."],
        ),
        (
            "Iraqi troops crossed the border\nnear Basra on Monday. Iran protested.",
            ["Iraqi troops crossed the border\nnear Basra on Monday.", "Iran protested."],
        ),
        (
            "The minister said that the talks,\nwhich began in May, had failed.",
            ["The minister said that the talks,\nwhich began in May, had failed."],
        ),
        ("iraq attacked iran. it was over.", ["iraq attacked iran. it was over."]),
        ("   \n\n  ", []),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("  Iraq attacked Iran.  Syria condemned Israel.  ", 0),
        ("Mr. Maliki visited Iran.\n\nHe met Khamenei? Yes!", 100),
        ("Headline\nIraqi troops crossed\nthe border. Iran protested.\n", 7),
    ],
)
def test_split_sentences_spans_index_text(text: str, offset: int) -> None:
    spans = split_sentences(text, offset)
    assert spans
    previous_end = offset
    for start, end in spans:
        piece = text[start - offset : end - offset]
        assert piece == piece.strip() and piece
        assert start >= previous_end
        previous_end = end
    assert all(start >= offset and end <= offset + len(text) for start, end in spans)


@pytest.mark.parametrize("offset", [0, 5, 1234])
def test_split_sentences_offset_shifts_spans(offset: int) -> None:
    text = "Iraq attacked Iran. Syria condemned Israel."
    assert split_sentences(text, offset) == [(offset, offset + 19), (offset + 20, offset + 43)]
