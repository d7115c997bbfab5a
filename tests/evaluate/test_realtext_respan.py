"""scripts/realtext_respan.py: a gold actor span inside a word moves to the whole word."""

from __future__ import annotations

from script_modules import load_script

respan = load_script("realtext_respan")

TEXT = "Title\n\nThe rebels said he attacked the US post. Then attacks followed."


def _record(source: list[int], trigger: list[int]) -> dict:
    event = {"source": {"span": source, "code": "---REB"}, "target": None}
    event.update(reported_by=None, trigger=trigger)
    return {"sentences": [{"start": 7, "end": 48, "events": [event]}]}


def test_a_pronoun_placed_inside_the_moves_to_the_pronoun() -> None:
    record = _record([8, 10], [26, 34])  # "he" inside "The"; the trigger "attacked"
    assert respan.respan(record, TEXT) == 1
    event = record["sentences"][0]["events"][0]
    assert event["source"]["span"] == [23, 25] and TEXT[23:25] == "he"
    assert event["trigger"] == [26, 34]  # triggers are never moved


def test_a_whole_word_or_a_text_with_no_whole_word_stays() -> None:
    record = _record([23, 25], [26, 34])  # already the pronoun
    assert respan.respan(record, TEXT) == 0
    # a stem, "attack" inside "attacked", with no whole "attack" in the sentence
    stem = _record([26, 32], [26, 34])
    assert respan.respan(stem, TEXT) == 0
    assert stem["sentences"][0]["events"][0]["source"]["span"] == [26, 32]
