"""Tests for `dyad.evaluate.realtext`: matching, scoring with a fake coder, agreement, gold."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dyad.cli import cli
from dyad.dictionaries.cameo import load_cameo_table
from dyad.evaluate.realtext import (
    GOLD_FOLDER,
    Coded,
    GoldSentence,
    agreement,
    assign,
    cohen_kappa,
    evaluate_realtext,
    load_split,
    match,
)
from dyad.evaluate.realtext_report import format_realtext, to_json
from dyad.records import Actor, DatePoint, Document, Event, Segment

TEXT = "Afghan forces arrested two insurgents in Kandahar. Officials praised the operation."
FIRST = (0, 50)
SECOND = (51, len(TEXT))


def event(span: tuple[int, int], source: str, target: str | None, cameo: str, fact: str) -> Event:
    return Event(
        event_id="e",
        doc_id="d",
        sentence=TEXT[span[0] : span[1]],
        char_start=span[0],
        char_end=span[1],
        segment=Segment("article", 0, len(TEXT)),
        source=Actor("x", source),
        target=Actor("y", target) if target else None,
        cameo=cameo,
        quad_class=4,
        goldstein=0.0,
        plover=None,
        date=DatePoint.unknown(),
        location=None,
        factuality=fact,  # type: ignore[arg-type]
        attributed_to=None,
        rule="test",
    )


def gold_record(doc_id: str = "doc:1", text: str | None = TEXT, **extra: Any) -> dict[str, Any]:
    arrest = {
        "source": {"span": [0, 13], "code": "AFGMIL"},
        "target": {"span": [23, 37], "code": "AFGREB"},
        "cameo": "173",
        "factuality": "asserted",
    }
    record = {
        "doc_id": doc_id,
        "source": "isaf",
        "corpus_file": "x.jsonl",
        "corpus_line": 1,
        "date": "2012-01-01",
        "title": None,
        "annotator": "A1",
        "text_sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
        "text": text,
        "sentences": [
            {
                "start": FIRST[0],
                "end": FIRST[1],
                "kind": "article",
                "commentary": False,
                "events": [arrest],
            },
            {
                "start": SECOND[0],
                "end": SECOND[1],
                "kind": "article",
                "commentary": False,
                "events": [],
            },
        ],
    }
    record.update(extra)
    return record


def write_gold(folder: Path, split: str, *records: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r) for r in records]
    (folder / f"{split}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def fake_coder(events: list[Event]) -> Any:
    def code(documents: Sequence[Document]) -> Iterator[tuple[Document, list[Event]]]:
        for document in documents:
            yield document, list(events)

    return code


@pytest.mark.parametrize(
    ("coded", "level", "expected"),
    [
        (Coded("AFGMIL", "AFGREB", "173", "asserted"), "actor_root", 1),
        (Coded("AFGMILGOV", "AFGREB", "1731", "asserted"), "actor_root", 1),  # 6 chars, root
        (Coded("AFGCOP", "AFGREB", "173", "asserted"), "actor_root", 0),  # role differs
        (Coded("AFGCOP", "AFGREB", "173", "asserted"), "country_quad", 1),  # same countries
        (Coded("AFGMIL", "AFGREB", "171", "asserted"), "full_code", 0),
        (Coded("AFGMIL", "AFGREB", "171", "asserted"), "actor_root", 1),
        (Coded("AFGMIL", "PAKREB", "173", "asserted"), "country_quad", 0),
        (Coded("AFGMIL", "AFGREB", "051", "asserted"), "country_quad", 0),  # other QuadClass
        (Coded("AFGMIL", "AFG", "173", "asserted"), "actor_root", 0),  # AFG is AFGGOV
    ],
)
def test_realtext_levels_compare_what_they_say(coded: Coded, level: str, expected: int) -> None:
    gold = [Coded("AFGMIL", "AFGREB", "173", "asserted")]
    assert len(match(gold, [coded], level)) == expected


@pytest.mark.parametrize(
    ("gold", "coded", "expected"),
    [
        ("TURGOV", "TUR", 1),  # a bare country is its government
        ("IGOWSTNATMIL", "IGOWSTNAT", 1),  # six characters: IGOWST
        ("IGO", "IGOGOV", 0),  # an organisation prefix is no country with a government
        ("---", "---GOV", 0),
    ],
)
def test_realtext_bare_country_is_its_government(gold: str, coded: str, expected: int) -> None:
    found = [Coded(coded, "", "173", "asserted")]
    assert len(match([Coded(gold, "", "173", "asserted")], found, "actor_root")) == expected


def test_realtext_match_is_one_to_one() -> None:
    gold = [Coded("AFGMIL", "AFGREB", "173", "asserted")] * 2
    assert len(match(gold, gold[:1], "full_code")) == 1
    assert len(match(gold[:1], gold, "full_code")) == 1


def test_realtext_assign_takes_the_sentence_of_most_overlap() -> None:
    sentences = [GoldSentence(*FIRST, False, ()), GoldSentence(*SECOND, False, ())]
    found = assign(
        sentences,
        [
            event((45, 70), "AFGGOV", None, "051", "asserted"),
            event((200, 210), "AFGGOV", None, "051", "asserted"),
        ],
    )
    assert [len(f) for f in found] == [0, 1]  # 5 chars in the first, 19 in the second; none


def test_realtext_scores_a_fake_coder(tmp_path: Path) -> None:
    write_gold(tmp_path, "dev", gold_record())
    coded = [
        event(FIRST, "AFGMIL", "AFGREB", "1731", "reported"),  # right at every level
        event(SECOND, "AFGGOV", "AFGMIL", "190", "asserted"),  # conflict where gold has none
    ]
    scores = evaluate_realtext(["dev"], fake_coder(coded), tmp_path, tmp_path)
    figures = to_json(scores, {"documents": 0})["dev"]
    assert (figures["documents"], figures["sentences"], figures["gold_events"]) == (1, 2, 1)
    assert figures["actor_root"] == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": 0.667,
        "tp": 1,
        "predicted": 2,
        "gold": 1,
    }
    assert figures["full_code"]["tp"] == 0  # 1731 is not 173
    assert figures["factuality_accuracy"] == 0.0  # asserted in the gold, reported coded
    assert figures["conflict_false_positives"] == 1
    assert figures["conflict_false_positives_per_100_sentences"] == 50.0
    assert figures["by_source"]["isaf"]["tp"] == 1
    report = format_realtext(scores, {"documents": 0}, show_errors=True)
    assert "AFGGOV -> AFGMIL 190 (asserted)" in report


def test_realtext_scores_one_coding_at_several_thresholds(tmp_path: Path) -> None:
    write_gold(tmp_path, "dev", gold_record())
    coded = [
        replace(event(FIRST, "AFGMIL", "AFGREB", "173", "asserted"), confidence=0.7),
        replace(event(SECOND, "AFGGOV", "AFGMIL", "190", "asserted"), confidence=0.4),
    ]
    scores = evaluate_realtext(
        ["dev"], fake_coder(coded), tmp_path, tmp_path, thresholds=(0.3, 0.5), keep_from=0.5
    )
    figures = to_json(scores, {"documents": 0})["dev"]
    assert figures["coded_events"] == 1  # the main score keeps what a coder at 0.5 emits
    rows = {row["threshold"]: row for row in figures["at_thresholds"]}
    assert rows[0.3]["coded_events"] == 2 and rows[0.3]["actor_root"]["precision"] == 0.5
    assert rows[0.5]["coded_events"] == 1 and rows[0.5]["actor_root"]["precision"] == 1.0
    assert rows[0.3]["conflict_false_positives_per_100_sentences"] == 50.0
    assert "by threshold" in format_realtext(scores, {"documents": 0})


def test_realtext_skips_a_document_whose_text_changed(tmp_path: Path) -> None:
    write_gold(tmp_path, "dev", gold_record(text=TEXT.replace("two", "six")))
    scores = evaluate_realtext(["dev"], fake_coder([]), tmp_path, tmp_path)
    assert scores["dev"].skipped == ["doc:1"] and scores["dev"].documents == 0


def test_realtext_skips_a_licensed_text_absent_from_the_shared_data(tmp_path: Path) -> None:
    write_gold(tmp_path, "dev", gold_record(text=None))
    scores = evaluate_realtext(["dev"], fake_coder([]), tmp_path / "nowhere", tmp_path)
    assert scores["dev"].skipped == ["doc:1"]
    assert "skipped 1 documents" in format_realtext(scores, {})


@pytest.mark.parametrize(
    ("pairs", "kappa"),
    [
        ([("asserted", "asserted"), ("reported", "reported")], 1.0),
        ([("asserted", "reported"), ("reported", "asserted")], -1.0),
        ([("asserted", "asserted")] * 3 + [("asserted", "reported")], 0.0),
    ],
)
def test_realtext_cohen_kappa(pairs: list[tuple[str, str]], kappa: float) -> None:
    assert cohen_kappa(pairs) == pytest.approx(kappa)


def test_realtext_agreement_of_two_annotations(tmp_path: Path) -> None:
    second = gold_record(annotator="A2")
    second["sentences"][1]["events"] = [dict(second["sentences"][0]["events"][0], cameo="051")]
    write_gold(tmp_path, "agreement", gold_record(), second)
    agreed = agreement(tmp_path)
    assert agreed["documents"] == 1
    assert agreed["f1"] == pytest.approx(0.667, abs=0.001)  # 1 shared of 1 and 2
    assert agreed["kappa_factuality"] == 1.0


SHIPPED = [s for s in ("train", "dev") if (GOLD_FOLDER / f"{s}.jsonl").exists()]


@pytest.mark.parametrize("split", SHIPPED)
def test_realtext_shipped_gold_is_well_formed(split: str) -> None:
    codes = load_cameo_table()
    actor = re.compile(r"^(---|[A-Z]{3})([A-Z]{3})*$")
    lines = (GOLD_FOLDER / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    for record in records:
        for sentence in record["sentences"]:
            assert sentence["start"] < sentence["end"]
            for found in sentence["events"]:
                assert found["cameo"] in codes, (record["doc_id"], found)
                assert actor.match(found["source"]["code"]), (record["doc_id"], found)
                for part in ("source", "target", "reported_by"):
                    span = (found.get(part) or {}).get("span")
                    assert span is None or sentence["start"] <= span[0] < span[1] <= sentence["end"]
        if record["text"] is not None:
            assert hashlib.sha256(record["text"].encode()).hexdigest() == record["text_sha256"]
    assert len(load_split(split)) == len(records)


def test_realtext_test_split_is_frozen() -> None:
    """The test split's sha256 is the one README states (its content is not read here)."""
    path = GOLD_FOLDER / "test.jsonl"
    if not path.exists():
        pytest.skip("no test split shipped")
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert f"`{digest}`" in readme


@pytest.mark.parametrize(("given", "said"), [("0.5,x", "'x' is not a number"), ("1.5", "0-1")])
def test_realtext_bad_thresholds_are_a_usage_error(given: str, said: str) -> None:
    result = CliRunner().invoke(cli, ["eval", "realtext", "--thresholds", given])
    assert result.exit_code == 2 and said in result.output
    assert "Traceback" not in result.output
