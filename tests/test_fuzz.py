"""A quick share of `make fuzz` (scripts/fuzz.py), and checks that its checks can fail.

The full run (over 10,000 cases, a few minutes) is `make fuzz`; here each property runs a
few dozen seeded cases, and one plain hypothesis test reads random bytes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.coder.read import read_documents
from dyad.config import load_config
from dyad.records import Document, Rejection
from script_modules import load_script

fuzz = load_script("fuzz")
QUICK = [name for name, _prop, _share in fuzz.PROPERTIES if name not in ("sizes", "pipeline")]


@pytest.mark.parametrize("name", QUICK)
def test_fuzz_property_runs_without_a_crash(name: str, tmp_path: Path) -> None:
    share = dict((n, s) for n, _prop, s in fuzz.PROPERTIES)[name]
    tally = fuzz.run(max(300, round(12 / share)), 7, tmp_path, only=[name])
    assert sum(tally.cases.values()) > 10
    assert tally.crashes == []


@pytest.mark.model
def test_fuzz_whole_pipeline_runs_without_a_crash(tmp_path: Path) -> None:
    tally = fuzz.run(150, 7, tmp_path, only=["pipeline"])
    assert tally.cases["pipeline"] > 10
    assert tally.crashes == []


def test_fuzz_counts_a_crash_and_saves_its_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(paths: object, config: object) -> list[object]:
        raise RuntimeError("reader on fire")

    monkeypatch.setattr(fuzz, "read_documents", broken)
    monkeypatch.setattr(fuzz, "CRASH_DIR", tmp_path / "crashes")
    tally = fuzz.run(100, 7, tmp_path, only=["jsonl"])
    assert len(tally.crashes) == tally.cases["jsonl"] > 0
    assert "RuntimeError: reader on fire" in tally.crashes[0]
    saved = sorted(p.name for p in (tmp_path / "crashes").iterdir())
    assert "jsonl-0.traceback" in saved and any(n.startswith("jsonl-0.json") for n in saved)
    assert "crashes: " + str(len(tally.crashes)) in fuzz.report(tally, 1.0)


@pytest.mark.parametrize(
    ("drop", "message"),
    [
        ("document", "lines [1, 3] gave results [3]"),
        ("rejection", "lines [1, 3] gave results [1]"),
    ],
)
def test_fuzz_read_check_notices_a_lost_line(tmp_path: Path, drop: str, message: str) -> None:
    path = tmp_path / "a.jsonl"
    data = b'{"text": "Iraq met Iran."}\n\n{"text": \n'
    path.write_bytes(data)
    config = load_config()
    items = list(read_documents([path], config))
    assert [type(i).__name__ for i in items] == ["Document", "Rejection"]
    kept = [i for i in items if type(i).__name__.lower() != drop]
    fuzz.check_read(path, data, items, config)  # the real output passes
    with pytest.raises(fuzz.Invalid, match=message.replace("[", r"\[").replace("]", r"\]")):
        fuzz.check_read(path, data, kept, config)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"text":"a"}\n{"text":"b"}\n', {1: True, 2: True}),
        (b'{"text":"a"}\r\n\r\n{"text":"b"}', {1: True, 2: False, 3: True}),
        (b"x\ry\n", {1: True, 2: True}),
        (b"\xef\xbb\xbf \n" + b"x" * 13 + b"\rq\n", {1: False, 2: True}),
        (b"", {}),
    ],
)
def test_fuzz_expected_lines_number_as_read_does(
    tmp_path: Path, data: bytes, expected: dict[int, bool]
) -> None:
    limit = fuzz.JSON_LINE_BYTES_PER_CHAR * 1  # input.max_document_chars = 1
    assert fuzz.expected_jsonl_lines(data, limit) == expected
    path = tmp_path / "a.jsonl"
    path.write_bytes(data)
    items = read_documents([path], load_config(overrides=["input.max_document_chars=1"]))
    lines = [i.line for i in items if isinstance(i, Document) or i.stage == "read"]
    assert lines == [n for n, filled in expected.items() if filled]


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(
    data=st.one_of(st.binary(max_size=200), fuzz.jsonl_file(), fuzz.encoded(fuzz.any_text())),
    suffix=st.sampled_from(fuzz.SUFFIXES),
)
def test_fuzz_read_random_bytes_gives_documents_or_named_rejections(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("bytes") / f"case{suffix}"
    path.write_bytes(data)
    config = load_config(overrides=["input.max_document_chars=2000"])
    items = list(read_documents([path], config))
    assert all(isinstance(i, Document | Rejection) for i in items)
    fuzz.check_read(path, data, items, config)
