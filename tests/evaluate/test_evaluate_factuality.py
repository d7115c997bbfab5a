"""Tests for dyad.evaluate_factuality: the shipped factuality set and its scoring."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import cli
from dyad.evaluate.factuality import (
    CLASSES,
    SUITE_PATH,
    Item,
    evaluate_factuality,
    format_factuality,
    load_items,
)


def test_factuality_set_is_balanced_and_well_formed() -> None:
    items = load_items()
    assert len(items) >= 240
    counts = Counter(item.label for item in items)
    assert set(counts) == set(CLASSES) and min(counts.values()) >= 30
    assert len({item.id for item in items}) == len(items)
    for item in items:
        assert item.text[item.verb_start :].startswith(item.verb)


def test_factuality_set_names_its_sources() -> None:
    rows = [json.loads(line) for line in SUITE_PATH.read_text(encoding="utf-8").splitlines()]
    assert {r["source"] for r in rows} == {"wikinews_2019_2020", "us_presidential_speeches"}
    assert all(r["doc_id"] and r["licence"] for r in rows)
    assert (SUITE_PATH.parent / "SOURCE.md").is_file()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "a", "text": "Iran sent arms.", "verb": "sent", "verb_start": 5}', "not a"),
        ('{"id": "a", "text": "Iran sent arms.", "verb": "sent", "verb_start": 5, '
         '"label": "certain"}', "unknown label"),
        ('{"id": "a", "text": "Iran sent arms.", "verb": "sent", "verb_start": 2, '
         '"label": "asserted"}', "not at offset 2"),
        ("{truncated", "not a factuality item"),
    ],
)  # fmt: skip
def test_factuality_load_names_the_bad_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text("\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"set.jsonl:2: .*{message}"):
        load_items(path)


def _items(labels: Sequence[str]) -> list[Item]:
    return [Item(f"i{n}", "Iran sent arms.", "sent", 5, label) for n, label in enumerate(labels)]


def test_factuality_scores_are_consistent() -> None:
    items = _items(["asserted", "asserted", "negated", "question", "reported"])
    answers: list[str | None] = ["asserted", "negated", "negated", None, "asserted"]
    score = evaluate_factuality(items, judge=lambda _items: answers)
    assert sum(s.gold for s in score.by_class.values()) == len(items)
    assert sum(s.found for s in score.by_class.values()) == len(items) - 1  # one unanswered
    assert score.by_class["asserted"].tp == 1 and score.by_class["asserted"].found == 2
    assert score.by_class["negated"].precision == 0.5 and score.by_class["negated"].recall == 1.0
    assert score.by_class["question"].recall == 0.0
    assert score.accuracy == 2 / 5 and len(score.errors) == 3
    assert score.macro_f1 == pytest.approx(sum(s.f1 for s in score.by_class.values()) / 6)
    assert "macro-F1" in format_factuality(score) and "i3" in format_factuality(score, True)


def test_factuality_rejects_a_judge_that_skips_items() -> None:
    with pytest.raises(ValueError, match="1 answers for 2 items"):
        evaluate_factuality(_items(["asserted", "negated"]), judge=lambda _items: ["asserted"])


@pytest.mark.model
@pytest.mark.issue(3)
def test_factuality_cli_runs_the_modality_stage() -> None:
    result = CliRunner().invoke(cli, ["eval", "factuality", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["items"] == len(load_items())
    by_class = figures["by_class"]
    assert sum(c["gold"] for c in by_class.values()) == figures["items"]
    assert sum(c["tp"] for c in by_class.values()) == round(figures["accuracy"] * figures["items"])
