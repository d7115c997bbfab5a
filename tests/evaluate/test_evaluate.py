"""Tests for `dyad.evaluate.scores`: scoring math, suite loaders, evaluate() with fake coders."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from dyad.errors import ConfigError
from dyad.evaluate.scores import (
    SUITES,
    Found,
    Score,
    SuiteScore,
    default_data_dir,
    evaluate,
    format_errors,
    format_scores,
    load_suite,
    scores_to_json,
    suite_dictionaries,
)

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} not present")

Items = Sequence[tuple[str, str | None]]


def write_suite(data_dir: Path, suite: str, content: str) -> Path:
    path = data_dir / SUITES[suite].path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def jsonl(*rows: dict[str, Any] | str) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows)


def petr(rid: str, text: str, events: list[tuple[str, str, str]], **extra: Any) -> dict[str, Any]:
    row = {
        "id": rid,
        "date": "20150101",
        "evaluate": True,
        "text": text,
        "expected_events": [{"source": s, "target": t, "code": c} for s, t, c in events],
        "expect_no_events": False,
        "expected_error": None,
    }
    return row | extra


class Coder:
    """A fake coder that answers from a text -> events table and records its calls."""

    def __init__(self, answers: dict[str, list[Found]]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, list[tuple[str, str | None]]]] = []

    def __call__(self, suite: str, items: Items) -> list[list[Found]]:
        self.calls.append((suite, list(items)))
        return [self.answers.get(text, []) for text, _ in items]


@pytest.mark.parametrize(
    ("expected", "found", "tp", "precision", "recall", "f1"),
    [
        (4, 2, 2, 1.0, 0.5, 2 / 3),
        (4, 3, 2, 2 / 3, 0.5, 4 / 7),
        (0, 0, 0, 0.0, 0.0, 0.0),
        (3, 0, 0, 0.0, 0.0, 0.0),
        (0, 5, 0, 0.0, 0.0, 0.0),
        (2, 2, 2, 1.0, 1.0, 1.0),
    ],
)
def test_evaluate_score_of_counts(
    expected: int, found: int, tp: int, precision: float, recall: float, f1: float
) -> None:
    score = Score.of(expected, found, tp)
    assert (score.expected, score.found, score.tp) == (expected, found, tp)
    assert score.precision == pytest.approx(precision)
    assert score.recall == pytest.approx(recall)
    assert score.f1 == pytest.approx(f1)


HAND_PETRARCH = jsonl(
    petr("dup", "US leader visits China twice.", [("USA", "CHN", "042"), ("USA", "CHN", "042")]),
    petr("root", "Israel bombs Gaza.", [("ISR", "PSE", "190")]),
    petr("none", "Russia said nothing.", [], expect_no_events=True),
    petr("off", "Not evaluated.", [("AAA", "BBB", "010")], evaluate=False),
    petr("err", "A dateline only.", [], expected_error="dateline"),
    petr("short", "Old date record.", [("ABC", "DEF", "111")], date="121108"),
    '{"id": "broken", "text": ',
)
HAND_ANSWERS: dict[str, list[Found]] = {
    "US leader visits China twice.": [("USA", "CHN", "042")],
    "Israel bombs Gaza.": [("ISR", "PSE", "193")],
    "Russia said nothing.": [("RUS", "UKR", "010")],
    "Not evaluated.": [("AAA", "BBB", "010")],
}


def test_evaluate_petrarch_scoring_by_hand(tmp_path: Path) -> None:
    write_suite(tmp_path, "petrarch2-gsr", HAND_PETRARCH)
    coder = Coder(HAND_ANSWERS)
    [score] = evaluate(["petrarch2-gsr"], coder, tmp_path)

    # the coder sees only scored records, once, with ISO dates (6-digit date read as YYMMDD)
    [(suite, items)] = coder.calls
    assert suite == "petrarch2-gsr"
    assert [date for _, date in items] == ["2015-01-01"] * 3 + ["2012-11-08"]
    assert (score.records, score.skipped_records) == (4, 2)
    # roots: dup 2 expected / 1 found / 1 tp (multiset); root 19 == 19; none: 1 false positive
    assert (score.expected, score.found, score.tp) == (4, 3, 2)
    assert (score.precision, score.recall) == pytest.approx((2 / 3, 2 / 4))
    assert score.full_code is not None  # 193 is not 190
    assert (score.full_code.tp, score.full_code.precision) == (1, pytest.approx(1 / 3))
    assert {root: (r.expected, r.found, r.tp) for root, r in score.by_root.items()} == {
        "04": (2, 1, 1),
        "19": (1, 1, 1),
        "01": (0, 1, 0),
        "11": (1, 0, 0),
    }
    assert any("broken" in note or ":7:" in note for note in score.notes)


def test_evaluate_tp_plus_fn_equals_expected(tmp_path: Path) -> None:
    write_suite(tmp_path, "petrarch2-gsr", HAND_PETRARCH)
    [score] = evaluate(["petrarch2-gsr"], Coder(HAND_ANSWERS), tmp_path)
    missed = sum(len(d.expected) - d.tp for d in score.details)
    spurious = sum(len(d.found) - d.tp for d in score.details)
    assert score.tp + missed == score.expected
    assert score.tp + spurious == score.found
    assert sum(r.expected for r in score.by_root.values()) == score.expected
    assert sum(r.tp for r in score.by_root.values()) == score.tp


@pytest.mark.parametrize(
    ("found", "tp"),
    [
        ([("USA", "CHN", "042")], 1),
        ([("USA", "CHN", "042")] * 3, 2),
        ([("usa ", "CHN", "043")], 1),  # actor case and spaces normalized; root 04 matches
        ([("USA", None, "042")], 0),
        ([("CHN", "USA", "042")], 0),
        ([], 0),
    ],
)
def test_evaluate_multiset_matching_with_exact_actors(
    tmp_path: Path, found: list[Found], tp: int
) -> None:
    write_suite(tmp_path, "petrarch2-gsr", HAND_PETRARCH)
    coder = Coder({"US leader visits China twice.": found})
    [score] = evaluate(["petrarch2-gsr"], coder, tmp_path)
    [dup] = [d for d in score.details if d.id == "dup"]
    assert dup.tp == tp
    assert score.found == len(found)


def test_evaluate_plover_maps_codes_to_plover_types(tmp_path: Path) -> None:
    header = {"id": "PLOVER-GSR01-DOCUMENT-0001", "event": "DOCUMENT"}
    agree = {
        "id": "A1",
        "date": "2000-01-01",
        "event": "AGREE",
        "source": [{"code": "HUN", "sector": "GOV"}, {"code": "ROU", "sector": "GOV"}],
        "text": "Hungarian and Romanian officials agreed.",
    }
    fight = {
        "id": "F1",
        "date": "2000-01-01",
        "event": "FIGHT",
        "source": [{"code": "USA", "sector": "MIL"}],
        "target": [{"code": "IRQ"}],
        "text": "US troops fought Iraqi forces.",
    }
    write_suite(tmp_path, "plover-gsr", json.dumps([header, agree, fight]))
    coder = Coder(
        {
            agree["text"]: [("HUNGOV", None, "036"), ("ROUGOV", "HUNGOV", "036")],
            fight["text"]: [("USAMIL", "IRQMIL", "190"), ("USAGOV", "IRQ", "010")],
        }
    )
    [score] = evaluate(["plover-gsr"], coder, tmp_path)
    assert coder.calls[0][1][0] == (agree["text"], "2000-01-01")
    # gold: HUN>-:AGREE, ROU>-:AGREE, USA>IRQ:ASSAULT; 010 has no PLOVER type, not scored
    assert (score.records, score.expected, score.found, score.tp) == (2, 3, 3, 2)
    assert score.full_code is None
    assert set(score.by_root) == {"AGREE", "ASSAULT"}
    assert score.events_only.tp == 3


def test_evaluate_conflibert_uses_majority_roots_as_sets(tmp_path: Path) -> None:
    def row(rnd: int, no: str, coders: dict[str, list[str]]) -> dict[str, Any]:
        return {
            "id": f"cameo_conflibert:r{rnd}:cameo_100:{no}",
            "text": f"Sentence {no}.",
            "sample_file": "cameo_100.csv",
            "sample_no": no,
            "coders": {
                k: {"relevant": bool(v), "actions": [{"cameo": c} for c in v]}
                for k, v in coders.items()
            },
        }

    content = jsonl(
        row(1, "1", {"1": ["4-18 Assualt", "0-1 Make Public Statement"], "2": ["4-18 Assualt"]}),
        row(2, "1", {"3": ["4-18 Assualt", "4-17 Coerce"], "4": []}),
        row(1, "2", {}),
    )
    write_suite(tmp_path, "conflibert-cameo", content)
    coder = Coder({"Sentence 1.": [("X", "Y", "180"), ("A", "B", "181"), ("C", None, "010")]})
    [score] = evaluate(["conflibert-cameo"], coder, tmp_path)
    # 18 has 3 of 4 votes; 01 and 17 one each. Found roots as a set: {18, 01}
    assert (score.records, score.skipped_records) == (1, 1)
    assert (score.expected, score.found, score.tp) == (1, 2, 1)
    assert score.full_code is None


def test_evaluate_missing_data_skips_suite_with_notice(tmp_path: Path) -> None:
    coder = Coder({})
    scores = evaluate(["ud-petrarch", "plover-gsr"], coder, tmp_path)
    assert coder.calls == []
    for score in scores:
        assert score.skipped is not None and str(tmp_path) in score.skipped
        assert (score.records, score.expected, score.found, score.precision) == (0, 0, 0, 0.0)
    text = format_scores(scores)
    assert "ud-petrarch" in text and "skipped" in text


def test_evaluate_rejects_unknown_suite_and_bad_coder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown suite"):
        evaluate(["nope"], Coder({}), tmp_path)
    with pytest.raises(ConfigError):
        suite_dictionaries("nope", tmp_path)
    write_suite(tmp_path, "petrarch2-gsr", HAND_PETRARCH)
    with pytest.raises(ValueError, match="returned 0 results for 4 texts"):
        evaluate(["petrarch2-gsr"], lambda suite, items: [], tmp_path)


def test_evaluate_reports_render(tmp_path: Path) -> None:
    write_suite(tmp_path, "petrarch2-gsr", HAND_PETRARCH)
    scores = evaluate(["petrarch2-gsr", "ud-petrarch"], Coder(HAND_ANSWERS), tmp_path)
    table = format_scores(scores)
    assert "petrarch2-gsr" in table and "  04 " in table and "0.667" in table
    data = json.loads(json.dumps(scores_to_json(scores)))
    assert set(data) == {"petrarch2-gsr", "ud-petrarch"}
    for key in ("records", "expected", "found", "precision", "recall", "f1"):
        assert key in data["petrarch2-gsr"]
    assert data["ud-petrarch"]["skipped"]
    errors = format_errors(scores[0])
    assert "dup" in errors and "missed:   USA>CHN:04" in errors and "short" in errors
    assert "none: Russia said nothing." in errors and "spurious: RUS>UKR:01" in errors
    assert format_errors(scores[0], limit=1).endswith("more records with errors")


def test_evaluate_default_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DYAD_SHARED_DATA", str(tmp_path))
    assert default_data_dir() == tmp_path
    monkeypatch.delenv("DYAD_SHARED_DATA")
    monkeypatch.chdir(tmp_path)
    assert default_data_dir() == tmp_path.parent / "shared" / "data"


def test_evaluate_suite_dictionaries(tmp_path: Path) -> None:
    dictionaries = suite_dictionaries("ud-petrarch", tmp_path)
    assert dictionaries is not None and set(dictionaries) == {"actors", "agents", "verbs"}
    assert all(p.is_relative_to(tmp_path) for paths in dictionaries.values() for p in paths)
    for suite in ("petrarch2-gsr", "plover-gsr", "conflibert-cameo"):
        assert suite_dictionaries(suite, tmp_path) is None


@needs_shared
@pytest.mark.parametrize(
    ("suite", "records", "scored", "expected"),
    [
        ("petrarch2-gsr", 78, 77, 79),  # one record has empty text
        ("ud-petrarch", 274, 257, 308),  # 10 evaluate=false, 7 expected errors
        ("plover-gsr", 322, 322, 356),  # source x target pairs
        ("conflibert-cameo", 200, 200, 91),  # majority roots
    ],
)
def test_evaluate_real_suite_files_load(
    suite: str, records: int, scored: int, expected: int
) -> None:
    gold, problems = load_suite(suite, SHARED)
    assert all("duplicate id" in p for p in problems)  # DEMO-32, PLOVER ...-COERCE-0004
    assert len(gold) == records
    assert len({r.id for r in gold}) == records
    kept = [r for r in gold if r.skip is None]
    assert len(kept) == scored
    assert sum(len(r.expected) for r in kept) == expected
    assert all(r.text for r in kept)


@needs_shared
def test_evaluate_real_suite_details() -> None:
    gsr = {r.id: r for r in load_suite("petrarch2-gsr", SHARED)[0]}
    assert gsr["AFP0808020905_1"].date == "2012-11-08"
    assert gsr["GOLD_0"].expected == (("USA", "IRQMUS", "195"),)
    dictionaries = suite_dictionaries("ud-petrarch", SHARED)
    assert dictionaries is not None
    for paths in dictionaries.values():
        assert all(p.is_file() for p in paths)
    actors = dictionaries["actors"][0].read_text(encoding="utf-8", errors="replace")
    assert actors.startswith("<!--")


def raw_scored(path: Path) -> list[list[tuple[str, str, str]]]:
    """Gold events per scored record, read from the raw JSONL independently of the loader."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["evaluate"] is False or row["expected_error"] or not row["text"].strip():
            continue
        events = [] if row["expect_no_events"] else row["expected_events"]
        out.append([(e["source"], e["target"], e["code"]) for e in events])
    return out


@needs_shared
@pytest.mark.parametrize("suite", ["petrarch2-gsr", "ud-petrarch"])
def test_evaluate_end_to_end_with_gold_for_every_other_record(suite: str) -> None:
    gold = raw_scored(SHARED / SUITES[suite].path)

    def half_gold(name: str, items: Items) -> list[list[Found]]:
        assert name == suite and len(items) == len(gold)
        return [list(events) if i % 2 == 0 else [] for i, events in enumerate(gold)]

    [score] = evaluate([suite], half_gold, SHARED)
    expected = sum(map(len, gold))
    found = sum(len(events) for events in gold[::2])
    assert (score.records, score.expected, score.found, score.tp) == (
        len(gold),
        expected,
        found,
        found,
    )
    assert score.precision == 1.0
    assert score.recall == pytest.approx(found / expected)
    assert score.full_code is not None and score.full_code.recall == pytest.approx(found / expected)


@needs_shared
def test_evaluate_all_suites_with_silent_coder() -> None:
    scores = evaluate(list(SUITES), lambda suite, items: [[] for _ in items], SHARED)
    assert [s.suite for s in scores] == list(SUITES)
    for score in scores:
        assert isinstance(score, SuiteScore) and score.skipped is None
        assert (score.found, score.tp, score.precision, score.f1) == (0, 0, 0.0, 0.0)
        assert score.expected > 0 and score.notes


def test_evaluate_duplicate_ids_are_made_unique(tmp_path: Path) -> None:
    write_suite(tmp_path, "petrarch2-gsr", jsonl(petr("x", "One.", []), petr("x", "Two.", [])))
    gold, problems = load_suite("petrarch2-gsr", tmp_path)
    assert [r.id for r in gold] == ["x", "x#2"]
    assert len(problems) == 1 and "duplicate id 'x'" in problems[0]
