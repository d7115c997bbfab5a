"""The isaf suite's loading and scoring, without the parser (the figures come from `dyad eval`)."""

from __future__ import annotations

import json
from pathlib import Path

from dyad.evaluate.isaf import IsafRecord, _score, evaluate_isaf, format_isaf, load_isaf
from dyad.records import DatePoint, Place


def test_evaluate_isaf_loads_undated_documents_and_notes_bad_lines(tmp_path: Path) -> None:
    row = {"id": "isaf:1", "title": None, "date": "2013-01-25", "text": "KABUL (Jan. 25, 2013)",
           "annotation": {"start_date": "2013-01-24", "province": ["ghazni"]}}  # fmt: skip
    path = tmp_path / "isaf.jsonl"
    path.write_text(json.dumps(row) + "\n{truncated\n", encoding="utf-8")
    documents, annotations, notes = load_isaf(path)
    assert [d.doc_id for d in documents] == ["isaf:1"]
    assert documents[0].date is None  # the gold-derived date never reaches the coder
    assert annotations[0]["province"] == ["ghazni"]
    assert len(notes) == 1 and ":2:" in notes[0]


def test_evaluate_isaf_counts_are_consistent() -> None:
    place = Place("Ghazni province", "Ghaznī", "AFG", 33.5, 68.4, "admin1", "Ghaznī")
    details = [
        IsafRecord("a", "2013-01-24", "Ghaznī", DatePoint("2013-01-24", "day"), place, "Ghaznī",
                   "event"),
        IsafRecord("b", "2013-01-24", "Helmand", DatePoint("2013-01", "month"), None, None,
                   "sentence"),
        IsafRecord("c", None, None, DatePoint.unknown(), None, None, "event"),
    ]  # fmt: skip
    score = _score(details, [])
    assert (score.records, score.dated, score.date_correct) == (3, 2, 1)
    assert (score.with_province, score.province_correct, score.from_events) == (2, 1, 2)
    assert score.date_accuracy == 0.5 and score.province_accuracy == 0.5
    assert set(score.to_json()) >= {"date_accuracy", "province_accuracy"}
    text = format_isaf(score, show_errors=True)
    assert "date accuracy" in text and "province b: gold Helmand" in text


def test_evaluate_isaf_without_data_is_skipped(tmp_path: Path) -> None:
    score = evaluate_isaf(tmp_path, resources=None)
    assert score.skipped and "not found" in score.skipped
    assert format_isaf(score).startswith("isaf: skipped")


def test_evaluate_isaf_breaks_down_references_and_misses() -> None:
    details = [
        IsafRecord("a", "2013-01-24", None, DatePoint("2013-01-24", "day"), None, None, "event"),
        IsafRecord("b", "2013-01-24", None, DatePoint("2013-01-25", "day"), None, None, "event"),
        IsafRecord("c", "2013-01-24", None, DatePoint("2013-01", "month"), None, None, "event",
                   "", "month"),
        IsafRecord("d", "2013-01-24", None, DatePoint.unknown(), None, None, "event", "",
                   "none"),
    ]  # fmt: skip
    score = _score(details, [])
    assert score.references == {"day": 2, "month": 1, "none": 1}
    assert (score.dated_with_day, score.correct_with_day) == (2, 1)
    assert score.date_accuracy_with_day == 0.5 and score.date_accuracy == 0.25
    assert score.to_json()["date_accuracy_with_day_reference"] == 0.5
    text = format_isaf(score)
    assert "day in 2, month only in 1, none in 1 releases" in text
    assert "1 null, 1 one day from the gold, 1 another day" in text
