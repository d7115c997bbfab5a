"""scripts/realtext_select.py: which corpus records a round may draw."""

from __future__ import annotations

import json
from pathlib import Path

from script_modules import load_script

select = load_script("realtext_select")


def _speeches(folder: Path) -> Path:
    corpus = folder / "corpus"
    path = corpus / "us_presidential_speeches" / "us_presidential_speeches.jsonl"
    path.parent.mkdir(parents=True)
    text = "We will meet the Soviet leaders. " * 40
    records = [
        {"id": "presspeech:1962", "date": "1962-10-22", "title": "Cuba", "text": text},
        {"id": "presspeech:1985", "date": "1985-03-01", "title": "Geneva", "text": text},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return corpus


def test_speeches_before_1981_are_drawn_only_when_asked(tmp_path: Path) -> None:
    corpus = _speeches(tmp_path)
    default = select.candidates(corpus, "speeches", limits=(20, 80))
    assert [r["id"] for _, r in default] == ["presspeech:1985"]
    earlier = select.candidates(corpus, "speeches", limits=(20, 80), speeches_from="1945")
    assert [r["id"] for _, r in earlier] == ["presspeech:1962", "presspeech:1985"]


def test_a_wire_printed_twice_under_a_new_title_shares_a_copy_key() -> None:
    text = (
        "Senior U.S. Economic officials disagree on the likelihood the government can meet "
        "its budget deficit reduction targets. Beryl Sprinkel, chairman of the Council of "
        "Economic Advisers, reiterated the Reagan Administration's opposition to a tax increase."
    )
    first = {"id": "reuters21578:4727", "title": "U.S. OFFICIALS DISAGREE ON REDUCING DEFICIT"}
    second = {
        "id": "reuters21578:4625",
        "title": "U.S. OFFICIALS DISAGREE ON REDUCING BUDGET DEFICIT",
    }
    assert select.copy_keys({**first, "text": text}) & select.copy_keys({**second, "text": text})
    other = {**second, "text": text.replace("Senior", "Junior")}
    assert not select.copy_keys({**first, "text": text}) & select.copy_keys(other)


def test_a_story_repeating_a_held_documents_text_further_in_is_a_near_copy() -> None:
    held = " ".join(
        f"The minister said on day {n} that talks with the rebels would go on." for n in range(30)
    )
    unlike = select.Unlike()
    unlike.add(held)
    republished = "A new lead paragraph written by another agency. " + held[: len(held) // 2]
    assert unlike.repeats(republished)
    other = " ".join(
        f"Troops shelled village {n} near the border before dawn on Monday." for n in range(30)
    )
    assert not unlike.repeats(other)
