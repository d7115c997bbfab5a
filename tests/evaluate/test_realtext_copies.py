"""scripts/realtext_copies.py: which documents of different splits share their text."""

from __future__ import annotations

from script_modules import load_script

copies = load_script("realtext_copies")

STORY = (
    "Prime Minister Maliki visited Iran in August and met Khamenei, who promised help with "
    "the militias in the south, while the government kept attacking the remnants of the "
    "Mahdi Army in Basra and the Americans said little about any of it for weeks."
)


def test_a_republished_story_in_another_split_is_a_near_copy() -> None:
    republished = "Updated. " + STORY + " Officials in Baghdad declined to comment on Friday."
    other = "Farmers in the north sold their wheat early this year, as prices fell by a third."
    documents = [
        ("train", "a", STORY),
        ("test", "b", republished),
        ("dev", "c", other),
    ]
    rows = copies.near_copies(documents, share=0.3)
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [("train", "a", "test", "b")]
    assert rows[0][4] >= 0.9


def test_copies_within_one_split_are_not_listed() -> None:
    documents = [("train", "a", STORY), ("train", "b", STORY)]
    assert copies.near_copies(documents, share=0.3) == []
