"""The store: idempotent ingest, resume after SIGKILL, refusal of foreign or newer files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from click.testing import CliRunner

from dyad import open_store
from dyad.cli import EXIT_REJECTED, cli
from dyad.coder.read import read_documents
from dyad.config import load_config
from dyad.errors import StoreError
from dyad.records import Rejection
from dyad.store import schema
from stored import FIXTURES, SAMPLE, coded_sample, sample_events, sample_store

BAD = FIXTURES / "bad_inputs"


@pytest.mark.model
def test_store_ingest_twice_gives_the_same_rows(tmp_path: Path) -> None:
    with sample_store(tmp_path / "a.duckdb") as db:
        first = db.counts()
        again = db.ingest_coded(((d, list(e)) for d, e in coded_sample()), [])
        assert db.counts() == first
    assert (again.documents, again.events, again.sentences, again.actors) == (0, 0, 0, 0)
    assert first["documents"] == len(coded_sample())
    assert first["events"] == len({e.event_id for e in sample_events()})
    assert first["sentences"] == len({(e.doc_id, e.char_start) for e in sample_events()})


@pytest.mark.model
def test_store_rows_keep_sentences_and_actors(tmp_path: Path) -> None:
    with sample_store(tmp_path / "a.duckdb") as db:
        rows = db.query(
            "SELECT e.event_id, s.text, e.source_code, e.source_text FROM events e "
            "JOIN sentences s USING (sentence_id)"
        ).to_pylist()
        actors = {(r["code"], r["text"]) for r in db.query("SELECT * FROM actors").to_pylist()}
        per_document = db.query(
            "SELECT d.doc_id, d.events, count(e.event_id) AS stored FROM documents d "
            "LEFT JOIN events e USING (doc_id) GROUP BY d.doc_id, d.events"
        ).to_pylist()
    by_id = {e.event_id: e for e in sample_events()}
    assert len(rows) == len(by_id)
    for row in rows:
        assert row["text"] == by_id[row["event_id"]].sentence
        assert (row["source_code"], row["source_text"]) in actors
    assert all(r["events"] == r["stored"] for r in per_document)


def test_store_keeps_rejections_with_file_line_stage_reason(tmp_path: Path) -> None:
    items = read_documents([BAD / "truncated.jsonl", BAD / "empty.txt"], load_config())
    rejections = [item for item in items if isinstance(item, Rejection)]
    with open_store(tmp_path / "a.duckdb") as db:
        counts = db.ingest([], rejections)
        db.ingest([], rejections)
        rows = db.rejections().to_pylist()
    assert counts.rejections == len(rows) == len(rejections)
    assert {(r["path"], r["line"], r["stage"]) for r in rows} == {
        (r.path, r.line, r.stage) for r in rejections
    }
    assert any(r["path"].endswith("truncated.jsonl") and r["line"] == 3 for r in rows)


@pytest.mark.model
def test_store_cli_ingest_records_rejections_and_is_idempotent(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    paths = [str(FIXTURES / "iraq_sample.jsonl"), str(BAD / "truncated.jsonl")]
    first = CliRunner().invoke(cli, ["ingest", *paths, "--db", db])
    assert first.exit_code == EXIT_REJECTED, first.output
    with open_store(db, read_only=True) as opened:
        counts = opened.counts()
    second = CliRunner().invoke(cli, ["ingest", *paths, "--db", db])
    assert second.exit_code == EXIT_REJECTED
    assert "already stored" in second.stdout
    with open_store(db, read_only=True) as opened:
        assert opened.counts() == counts
    assert counts["events"] > 0 and counts["rejections"] >= 2
    listed = CliRunner().invoke(cli, ["rejections", "--db", db, "--format", "jsonl"])
    assert "truncated.jsonl" in listed.stdout


@pytest.mark.model
def test_store_resumes_after_sigkill_with_every_document_once(tmp_path: Path) -> None:
    db = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "dyad", "ingest", str(SAMPLE), "--db", str(db)]
    command += ["--set", "coder.learned=false", "--set", "coder.require_dyad=true"]  # as stored.py
    with subprocess.Popen(
        [*command, "--batch-size", "4"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL
    ) as process:
        assert process.stderr is not None
        line = process.stderr.readline()
        while line and b"committed" not in line:
            line = process.stderr.readline()
        assert b"committed" in line, "the run ended before its first commit"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL
    with open_store(db, read_only=True) as partial:
        stored_before = partial.counts()["documents"]
    assert 0 < stored_before < len(coded_sample())
    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{stored_before:,} already stored" in rerun.stdout
    with (
        open_store(db, read_only=True) as resumed,
        sample_store(tmp_path / "clean.duckdb") as clean,
    ):
        assert resumed.counts() == clean.counts()
        twice = resumed.query("SELECT doc_id FROM documents GROUP BY doc_id HAVING count(*) > 1")
        assert twice.num_rows == 0
        ids = "SELECT event_id FROM events ORDER BY event_id"
        assert resumed.query(ids).equals(clean.query(ids))


def test_store_refuses_a_duckdb_file_that_is_not_a_dyad_store(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("CREATE TABLE sales (id INTEGER)")
    with pytest.raises(StoreError, match="not a dyad store"):
        open_store(path)
    with duckdb.connect(str(path)) as connection:
        assert connection.execute("SHOW TABLES").fetchall() == [("sales",)]


def test_store_refuses_a_file_that_is_not_duckdb(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("Iraqi troops attacked Mahdi Army fighters in Basra.\n")
    with pytest.raises(StoreError, match="not a DuckDB database") as caught:
        open_store(path)
    assert str(path) in str(caught.value)


def test_store_refuses_a_newer_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    open_store(path).close()
    with duckdb.connect(str(path)) as connection:
        newer = schema.SCHEMA_VERSION + 1
        connection.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(newer)])
    with pytest.raises(StoreError, match=f"schema version {newer}") as caught:
        open_store(path, read_only=True)
    assert "upgrade dyad" in str(caught.value)


def test_store_migrates_an_older_schema_forward(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.duckdb"
    open_store(path).close()
    step = "ALTER TABLE documents ADD COLUMN language VARCHAR"
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    monkeypatch.setattr(schema, "MIGRATIONS", {schema.SCHEMA_VERSION - 1: step})
    with pytest.raises(StoreError, match="needs migrating"):
        open_store(path, read_only=True)
    with open_store(path) as migrated:
        assert "language" in migrated.schema("documents").names
        version = migrated.query("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version.column(0).to_pylist() == [str(schema.SCHEMA_VERSION)]


@pytest.mark.issue(14)
def test_store_migration_drops_the_constant_confidence_column(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    open_store(path).close()
    with duckdb.connect(str(path)) as connection:  # a store written before #14
        connection.execute("ALTER TABLE events ADD COLUMN confidence DOUBLE")
        connection.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with open_store(path) as migrated:
        assert "confidence" not in migrated.schema("events").names
        version = migrated.query("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version.column(0).to_pylist() == [str(schema.SCHEMA_VERSION)]


def test_store_read_only_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no dyad store") as caught:
        open_store(tmp_path / "missing.duckdb", read_only=True)
    assert "dyad ingest" in str(caught.value)
    assert not (tmp_path / "missing.duckdb").exists()


def test_store_a_failed_batch_leaves_nothing_behind(tmp_path: Path) -> None:
    rejection = {"rejection_id": "r1", "path": "a.txt", "line": 1, "stage": "read",
                 "reason": "empty document", "hint": None, "doc_id": None,
                 "recorded_at": datetime(2024, 1, 1)}  # fmt: skip
    with open_store(tmp_path / "a.duckdb") as db:
        rejections = pa.Table.from_pylist([rejection], schema=db.schema("rejections"))
        no_path = pa.table({"doc_id": ["d1"], "content_type": ["text"], "chars": [1]})
        with pytest.raises(duckdb.Error, match="NOT NULL"):
            db.insert_tables({"rejections": rejections, "documents": no_path})
        assert db.counts()["rejections"] == 0
        db.insert_tables({"rejections": rejections})
        assert db.counts()["rejections"] == 1
