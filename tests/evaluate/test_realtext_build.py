"""scripts/realtext_build.py: an annotator's span text becomes offsets in its sentence."""

from __future__ import annotations

import pytest

from script_modules import load_script

build = load_script("realtext_build")


def test_a_short_actor_is_the_whole_word_not_the_inside_of_another() -> None:
    # "he" first occurs inside "The"; the pronoun is the whole word after "said"
    sentence = "The rebels said he attacked the post."
    assert build.span(100, sentence, "he") == [116, 118]
    assert build.span(0, "Protesters met the US envoy.", "US") == [19, 21]


def test_a_stem_inside_a_longer_word_is_still_found_and_a_missing_text_is_an_error() -> None:
    assert build.span(0, "A mob attacks tea workers.", "attack") == [6, 12]
    assert build.span(0, "Nothing here.", None) is None
    with pytest.raises(ValueError, match="not in sentence"):
        build.span(0, "Nothing here.", "Kabul")
