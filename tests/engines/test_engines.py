"""Tests for dyad.engines: partitions, the local engine, the Ray engine, --from-parquet."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dyad.coder import places
from dyad.coder.resources import Resources
from dyad.config import load_config
from dyad.engines import code_to_parquet, load_parquet
from dyad.engines.partitions import (
    arrow_to_events,
    code_partition,
    events_to_arrow,
    plan_partitions,
    read_partitions,
)
from dyad.run import RunDefaults
from dyad.store.database import open_store

TEXTS = [
    "Iraq attacked Iran on Tuesday. The cat sat on the mat.",
    "Israel condemned Hamas. Egypt urged Israel to negotiate with the Palestinians.",
    "Russia accused Ukraine of shelling civilians.",
    "Sunny skies over Baghdad.",
    "China criticized Japan over the islands. Japan rejected the criticism of China.",
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        json.dumps({"id": f"d{i}", "text": text, "date": "2020-05-0" + str(i + 1)})
        for i, text in enumerate(TEXTS)
    ]
    (folder / "a.jsonl").write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    (folder / "b.jsonl").write_text("\n".join(lines[3:]) + "\n{not json\n", encoding="utf-8")
    return folder


def _event_ids(folder: Path) -> set[str]:
    return {e.event_id for coded, _ in read_partitions(folder) for _d, es in coded for e in es}


@pytest.mark.model
def test_engines_local_matches_in_process_coding(corpus: Path, tmp_path: Path) -> None:
    from dyad.cli import code_paths

    config = load_config()
    expected, _rejections = code_paths([corpus], config, progress=False)
    result = code_to_parquet([corpus], tmp_path / "out", config, workers=2)
    assert _event_ids(tmp_path / "out") == {e.event_id for e in expected}
    assert result.events == len(expected) > 0
    assert result.rejections == 1  # the truncated JSON line


@pytest.mark.model
def test_engines_rerun_writes_no_duplicate_partitions(corpus: Path, tmp_path: Path) -> None:
    config = load_config()
    out = tmp_path / "out"
    plan = plan_partitions([corpus], config, per_partition=1)
    resources = Resources.load(config)
    code_partition(plan[0], out, resources)  # a job killed after its first partition
    names_before = sorted(p.name for p in (out / "events").iterdir())
    result = code_to_parquet([corpus], out, config)
    assert result.skipped == 0  # the default plan cuts differently from per_partition=1
    again = code_to_parquet([corpus], out, config)
    assert again.skipped == again.partitions + again.skipped and again.partitions == 0
    files = sorted(p.name for p in (out / "events").iterdir())
    assert len(files) == len(set(files)) == len(names_before) + result.partitions
    assert not list(out.rglob("*.tmp"))


@pytest.mark.model
def test_engines_failing_document_becomes_rejection(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = places.geocode_place

    def flaky(sentence, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "Russia" in sentence.text:
            raise RuntimeError("boom")
        return real(sentence, *args, **kwargs)

    monkeypatch.setattr(places, "geocode_place", flaky)
    result = code_to_parquet([corpus], tmp_path / "out", load_config())
    rejected = [r for _, rs in read_partitions(tmp_path / "out") for r in rs]
    (failed,) = [r for r in rejected if r.stage == "place"]
    assert failed.doc_id == "d2" and "RuntimeError: boom" in failed.reason
    assert result.documents == len(TEXTS) - 1
    assert _event_ids(tmp_path / "out")  # the other documents were coded


@pytest.mark.model
def test_engines_events_round_trip_through_arrow(corpus: Path, tmp_path: Path) -> None:
    from dyad.cli import code_paths

    events, _ = code_paths([corpus], load_config(), progress=False)
    back = arrow_to_events(events_to_arrow(events))
    assert [e.to_dict() for e in back] == [e.to_dict() for e in events]


@pytest.mark.model
def test_engines_load_parquet_is_idempotent(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = code_to_parquet([corpus], out, load_config())
    with open_store(tmp_path / "s.duckdb") as store:
        first = load_parquet(store, out)
        second = load_parquet(store, out)
        counts = store.counts()
    assert first.events == result.events == counts["events"]
    assert second.events == second.documents == 0
    assert counts["rejections"] == 1
    assert pq.read_table(next((out / "events").iterdir())).column_names[:2] == [
        "event_id",
        "doc_id",
    ]


@pytest.mark.model
@pytest.mark.ray
# Ray Data 2.60 copies its DataContext, touching its own deprecated settings on the way
@pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.data.context")
def test_engines_ray_matches_local(corpus: Path, tmp_path: Path) -> None:
    if importlib.util.find_spec("ray") is None:
        pytest.skip("ray is not installed (pip install 'dyad[ray]')")
    if os.environ.get("RAY_ADDRESS"):
        pytest.skip("RAY_ADDRESS is set: this test starts its own local Ray")
    from dyad.engines.ray import init_ray

    config = load_config()
    code_to_parquet([corpus], tmp_path / "local", config)
    try:
        init_ray(2)  # imports ray after setting RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0
        import ray

        assert {n["NodeManagerAddress"] for n in ray.nodes()} == {"127.0.0.1"}
        result = code_to_parquet([corpus], tmp_path / "ray", config, engine="ray", workers=2)
        undated = tmp_path / "undated.txt"
        # a sentence Coder v2 keeps at its default threshold (0.95; it gives "Iraqi troops
        # attacked Iranian forces" 0.4-0.5), so that the check is about the date reaching Ray
        undated.write_text(
            "Iraqi troops arrested two insurgents in Basra, officials said.", encoding="utf-8"
        )
        defaults = RunDefaults(date="2020-01-31")
        code_to_parquet([undated], tmp_path / "dated", config, engine="ray", defaults=defaults)
    finally:
        ray.shutdown()
    assert _event_ids(tmp_path / "ray") == _event_ids(tmp_path / "local")
    assert result.rejections == 1
    names = {p.name for p in (tmp_path / "ray" / "events").iterdir()}
    assert names == {p.name for p in (tmp_path / "local" / "events").iterdir()}
    dated = [e for coded, _ in read_partitions(tmp_path / "dated") for _d, es in coded for e in es]
    assert dated and {e.date.value for e in dated} == {"2020-01-31"}  # --date reaches Ray


@pytest.mark.issue(7)
@pytest.mark.parametrize(
    ("documents", "blank_lines", "per_partition", "count"),
    [
        (3, 0, 4, 1),  # fewer lines than a partition holds: one, without reading documents
        (4, 0, 4, 1),  # as many documents as a partition holds
        (9, 0, 4, 3),
        (3, 6, 4, 1),  # blank lines make the file long, not the partitions many
    ],
)
def test_engines_plan_counts_partitions(
    tmp_path: Path, documents: int, blank_lines: int, per_partition: int, count: int
) -> None:
    lines = [json.dumps({"id": f"d{i}", "text": "Iraq attacked Iran."}) for i in range(documents)]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines + [""] * blank_lines) + "\n", encoding="utf-8")
    plan = plan_partitions([path], load_config(), per_partition)
    assert [(p.index, p.count) for p in plan] == [(i, count) for i in range(count)]
