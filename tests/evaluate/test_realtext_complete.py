"""scripts/realtext_complete.py: a completion pass replaces first annotations, never test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from script_modules import load_script

complete = load_script("realtext_complete")


def _record(doc_id: str, annotator: str, events: int) -> dict:
    event = {
        "trigger": [0, 4],
        "source": {"code": "USAGOV", "span": [0, 4]},
        "target": None,
        "cameo": "010",
        "factuality": "asserted",
        "reported_by": None,
        "date": None,
        "place": None,
    }
    sentence = {
        "start": 0,
        "end": 20,
        "kind": "article",
        "commentary": False,
        "events": [event] * events,
    }
    return {
        "doc_id": doc_id,
        "annotator": annotator,
        "text": None,
        "title": None,
        "sentences": [sentence],
    }


def _write(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture()
def gold(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    _write(folder / "train.jsonl", [_record("a", "R9A1", 1), _record("b", "R9A2", 2)])
    _write(folder / "dev.jsonl", [_record("c", "R9A1", 1)])
    _write(folder / "test.jsonl", [_record("t", "A1", 3)])
    _write(folder / "agreement.jsonl", [_record("c", "R9A1", 1), _record("c", "R9A9", 4)])
    (folder / "splits.tsv").write_text("doc_id\tsplit\na\ttrain\nb\ttrain\nc\tdev\nt\ttest\n")
    return folder


def _build(tmp_path: Path, train: list[dict], dev: list[dict], test: list[dict]) -> Path:
    folder = tmp_path / "build"
    folder.mkdir()
    _write(folder / "train.jsonl", train)
    _write(folder / "dev.jsonl", dev)
    _write(folder / "test.jsonl", test)
    return folder


def test_completed_documents_replace_the_first_annotation(gold: Path, tmp_path: Path) -> None:
    build = _build(
        tmp_path,
        [_record("a", "R9C1", 2), _record("n", "R10C1", 1)],
        [_record("c", "R9C2", 3)],
        [],
    )
    test_before = (gold / "test.jsonl").read_bytes()

    replaced, added = complete.merge(gold, [build])

    assert (replaced, added) == (2, 1)
    train = {r["doc_id"]: r["annotator"] for r in _read(gold / "train.jsonl")}
    assert train == {"a": "R9C1", "b": "R9A2", "n": "R10C1"}
    assert [r["annotator"] for r in _read(gold / "dev.jsonl")] == ["R9C2"]
    # agreement: the completed annotation first, the independent second one kept
    assert [r["annotator"] for r in _read(gold / "agreement.jsonl")] == ["R9C2", "R9A9"]
    assert "n\ttrain" in (gold / "splits.tsv").read_text()
    assert (gold / "test.jsonl").read_bytes() == test_before


def test_a_build_holding_a_test_document_stops_the_merge(gold: Path, tmp_path: Path) -> None:
    build = _build(tmp_path, [], [], [_record("t", "R9C1", 1)])
    train_before = (gold / "train.jsonl").read_bytes()

    with pytest.raises(SystemExit, match="frozen"):
        complete.merge(gold, [build])

    assert (gold / "train.jsonl").read_bytes() == train_before


def test_a_document_may_not_change_split(gold: Path, tmp_path: Path) -> None:
    build = _build(tmp_path, [_record("c", "R9C1", 1)], [], [])

    with pytest.raises(SystemExit, match="recorded as dev"):
        complete.merge(gold, [build])


def test_prefill_writes_the_first_annotation_as_span_texts() -> None:
    record = _record("x", "R9A1", 1)
    text = "Bush said nothing to anyone."

    written = complete.annotation(record, text, "R9C1")

    (event,) = written["sentences"]["1"]
    assert written["annotator"] == "R9C1"
    assert event["trigger"] == "Bush" and event["source"] == {"text": "Bush", "code": "USAGOV"}
    assert event["target"] is None and event["note"] == ""
