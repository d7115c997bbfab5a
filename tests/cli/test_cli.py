"""The command line as a user runs it: events out, bad input named, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import EXIT_REJECTED, cli

FIXTURES = Path(__file__).parents[1] / "fixtures"
pytestmark = pytest.mark.model


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_code_prints_contract_lines() -> None:
    code, out, _err = run("code", str(FIXTURES / "iraq_news_2008.txt"), "--date", "2008-08-20")
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert events
    # without date words an event takes the reference date; with them, their own date
    assert all(e["date"] == "2008-08-20" for e in events if e["date_text"] is None)
    assert any(e["date_text"] and e["date"] != "2008-08-20" for e in events)
    assert {"IRQGOV", "IRQMIL"} & {e["source"]["code"] for e in events}


def test_cli_code_without_date_never_invents_one() -> None:
    code, out, _err = run("code", str(FIXTURES / "iraq_news_2008.txt"))
    assert code == 0
    # the only dates are the text's own: its date line "BAGHDAD, Aug. 20, 2008" and date words
    dates = [json.loads(line)["date"] for line in out.splitlines()]
    assert dates and all(d is None or d.startswith("2008") for d in dates)


def test_cli_code_bad_inputs_named_and_rest_coded() -> None:
    bad = FIXTURES / "bad_inputs"
    code, out, err = run(
        "code", str(bad / "truncated.jsonl"), str(bad / "empty.txt"), str(FIXTURES / "missing.txt")
    )
    assert code == EXIT_REJECTED
    assert "truncated.jsonl:3" in err
    assert "empty.txt" in err
    assert "missing.txt" in err
    assert "Traceback" not in err
    good_ids = {json.loads(line)["doc_id"] for line in out.splitlines()}
    assert "truncated.jsonl" not in "".join(good_ids)


def test_cli_code_table_format() -> None:
    code, out, _err = run(
        "code", str(FIXTURES / "iraq_sample.jsonl"), "--format", "table", "--date", "2008-01-01"
    )
    assert code == 0
    assert "source" in out and "cameo" in out


def test_cli_code_table_leaves_the_sentence_room_to_be_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `make demo` prints this table; at 120 columns the long CAMEO labels ("020 Make an
    # appeal or request") left the sentence two characters a line
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _err = run(
        "code", str(FIXTURES / "iraq_sample.jsonl"), "--format", "table", "--date", "2008-01-01",
        "--min-confidence", "0",
    )  # fmt: skip
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 120
    # the first words of a sentence stand on one line of the table
    assert "Iraqi troops attacked Mahdi" in out
    # on a narrow terminal codes are never cut, and the sentence still shows
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _err = run(
        "code", str(FIXTURES / "iraq_sample.jsonl"), "--format", "table", "--date", "2008-01-01",
    )  # fmt: skip
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "USAGOV" in out and "2008-04-24" in out and "Rice urges" in out


def test_cli_code_user_dictionary(tmp_path: Path) -> None:
    extra = tmp_path / "mine.actors.txt"
    extra.write_text("FREEDONIA_ [FRD]\n")
    text = tmp_path / "a.txt"
    text.write_text("Freedonia attacked Iraq.\n")
    code, out, _err = run("code", str(text), "--dictionary", str(extra), "--min-confidence", "0")
    assert code == 0
    assert any(json.loads(line)["source"]["code"] == "FRD" for line in out.splitlines())


def test_cli_unknown_setting_is_a_usage_error() -> None:
    code, _out, err = run("code", str(FIXTURES / "iraq_sample.jsonl"), "--set", "coder.nope=1")
    assert code == 2
    assert "nope" in err


def test_cli_stages_lists_pipeline() -> None:
    code, out, _err = run("stages")
    assert code == 0
    assert out.index("parse") < out.index("actors") < out.index("modality")


@pytest.mark.issue(14)
def test_cli_code_to_parquet_takes_the_run_defaults(tmp_path: Path) -> None:
    source = tmp_path / "undated.txt"
    source.write_text("Iraq attacked Iran.", encoding="utf-8")
    out = tmp_path / "out"
    code, _out, err = run(
        "code", str(source), "--output", str(out), "--date", "2011-03-04", "--min-confidence", "0"
    )
    assert code == 0, err
    from dyad.engines.partitions import read_partitions

    dates = {e.date.value for coded, _ in read_partitions(out) for _d, es in coded for e in es}
    assert dates == {"2011-03-04"}
