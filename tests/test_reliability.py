"""Issue 19: no input may stop a run, hang it or forge its messages (classes 1, 2 and 7).

Each test names the class of the issue it closes. The documents here are coded or rejected
one by one; a pathological one costs at most its bounded share of the run.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

from dyad.coder.html_text import MAX_HTML_DEPTH
from dyad.coder.read import read_documents
from dyad.config import load_config
from dyad.dates import find_dates, reference_date
from dyad.dictionaries.loader import ActorDictionary, load_agent_entries, read_dictionary_lines
from dyad.errors import ConfigError, DictionaryError
from dyad.records import DatePoint, Document, Rejection

pytestmark = pytest.mark.issue(19)
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


def read(*paths: Path, overrides: tuple[str, ...] = ()) -> list[Document | Rejection]:
    return list(read_documents(paths, load_config(overrides=overrides)))


def rejected(items: list[Document | Rejection]) -> list[Rejection]:
    return [i for i in items if isinstance(i, Rejection) and i.stage == "read"]


# --- class 1: extreme reference dates, deep JSON, file names that are not UTF-8 -------------


@pytest.mark.parametrize(
    ("reference", "words"),
    [
        ("9999-12-31", "tomorrow"),
        ("9999-12-31", "next year"),
        ("9999-12-31", "next Monday"),
        ("9999-12-27", "next week"),
        ("9999-12", "next month"),
        ("0001-01-01", "yesterday"),
        ("0001-01-01", "last year"),
        ("0001-01-01", "two years ago"),
        ("0001-01-01", "three months ago"),
        ("0001-01-03", "last week"),
        ("0001-01-01", "the past two days"),
        ("0001-01", "last month"),
        ("0001-02-01", "several months ago"),
        ("0001-01-01", "last Friday"),
        ("0001-03-01", "in December"),
        ("0001-01-01", "since November"),
    ],
)
def test_dates_out_of_calendar_stay_unresolved(reference: str, words: str) -> None:
    found = find_dates(f"Iran attacked Iraq {words}.", DatePoint(reference, "day"))
    assert [e.date.value for e in found] == [None]


@pytest.mark.parametrize(
    "text", ["BAGHDAD, Iraq (Dec. 31, 9999) Iran attacked Iraq.", "(Jan. 1, 0001) Iraq"]
)
def test_dates_dateline_at_the_calendar_edge_is_a_reference(text: str) -> None:
    document = Document("d", text, "d.txt")
    assert reference_date(document).value in ("9999-12-31", "0001-01-01", None)


@pytest.mark.model
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_pipeline_codes_a_document_dated_at_the_calendar_edge(day: str) -> None:
    from dyad.coder.pipeline import Resources, code_documents

    text = "Iran will attack Iraq tomorrow. Last year Iraq attacked Iran near Basra yesterday."
    document = Document("edge", text, "edge.jsonl", date=day)
    # every candidate kept, so that each one is dated against the edge of the calendar
    config = load_config(overrides=["coder.min_confidence=0"])
    coded = list(code_documents([document], Resources.load(config)))
    assert [d.doc_id for d, _events in coded] == ["edge"]
    assert coded[0][1], "the document was coded"


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_read_deeply_nested_json_line_is_rejected_and_the_rest_read(
    tmp_path: Path, depth: int
) -> None:
    path = tmp_path / "deep.jsonl"
    nested = "[" * depth + "]" * depth
    lines = [f'{{"text": "Iran attacked Iraq.", "x": {nested}}}', '{"text": "Iraq replied."}']
    path.write_text("\n".join(lines))
    items = read(path)
    assert [r.line for r in rejected(items)] == [1]
    assert "nested too deep" in rejected(items)[0].reason
    assert [d.text for d in items if isinstance(d, Document)] == ["Iraq replied."]


@pytest.mark.skipif(os.name == "nt", reason="POSIX file names are bytes")
def test_read_file_name_not_utf8_gives_text_that_encodes(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as handle:
        handle.write(b"Iran attacked Iraq.")
    with open(folder + b"/bad\xff.txt", "wb") as handle:
        handle.write(b"\x00\x01\x02\x03" * 100)
    items = read(tmp_path)
    for item in items:
        item.path.encode("utf-8")
        (item.doc_id or "").encode("utf-8")
        if isinstance(item, Rejection):
            item.message().encode("utf-8")
    [document] = [i for i in items if isinstance(i, Document)]
    assert document.path.endswith("caf\\xe9.txt")


def test_read_json_id_with_lone_surrogate_encodes(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "x\\ud800y", "text": "Iran attacked Iraq."}\n')
    [document] = read(path)
    assert isinstance(document, Document)
    document.doc_id.encode("utf-8")


# --- class 2: FIFOs and other non-regular files; costly HTML; multiplying substitutions ----


@needs_fifo
def test_read_fifo_in_a_directory_is_rejected_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text("Iran attacked Iraq.")
    items = read(tmp_path)
    [rejection] = rejected(items)
    assert rejection.path.endswith("pipe.txt")
    assert "FIFO" in rejection.reason
    assert [d.path for d in items if isinstance(d, Document)] == [str(tmp_path / "ok.txt")]


@needs_fifo
def test_read_fifo_named_as_input_is_rejected(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    [rejection] = read(tmp_path / "pipe")
    assert isinstance(rejection, Rejection)
    assert "not a regular file but a FIFO" in rejection.reason


@needs_fifo
def test_config_fifo_is_a_clear_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "dyad.toml")
    with pytest.raises(ConfigError, match="FIFO"):
        load_config(tmp_path / "dyad.toml", problems=[])


@needs_fifo
def test_dictionary_fifo_is_a_clear_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "my.agents.txt")
    with pytest.raises(DictionaryError, match="FIFO"):
        read_dictionary_lines(tmp_path / "my.agents.txt")


@pytest.mark.parametrize(
    "page",
    [
        "<div/>" * 150_000,
        "<p/>" * 10 + "<section/>" * 150_000,
        "<DIV />" * 150_000,
    ],
)
def test_read_self_closed_html_counts_as_nesting(tmp_path: Path, page: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<html><body>Iran attacked Iraq.{page}</body></html>")
    began = time.monotonic()
    items = read(path)
    assert time.monotonic() - began < 20
    assert any(f"over {MAX_HTML_DEPTH:,}" in i.reason for i in items if isinstance(i, Rejection))
    assert any(isinstance(i, Document) for i in items)


def test_read_svg_self_closed_elements_do_not_nest(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<p>Iran attacked Iraq.</p><svg>" + "<path/>" * 5_000 + "</svg>")
    items = read(path)
    assert [type(i) for i in items] == [Document]


def test_dictionary_multiplying_substitutions_are_bounded(tmp_path: Path) -> None:
    lines = [f"!{c}! = " + ", ".join(f"{c}{i}" for i in range(40)) for c in "ABCDEFGH"]
    lines += ["!A!_!B!_!C!_!D!_!E!_!F!_!G!_!H! [~COP]", "POLICE [~COP]"]
    path = tmp_path / "my.agents.txt"
    path.write_text("\n".join(lines))
    problems: list[DictionaryError] = []
    into = ActorDictionary()
    load_agent_entries(path, into, problems)
    assert [p.line for p in problems] == [9]
    assert "expands to over" in problems[0].reason
    assert ("POLICE",) in into.agents


def test_dictionary_chained_substitutions_are_bounded(tmp_path: Path) -> None:
    # each list names the next, defined after it: !A! holds three !B!, and so on
    lines = [
        f"!{c}! = !{n}!!{n}!!{n}!, !{n}!"
        for c, n in zip("ABCDEFGHIJKL", "BCDEFGHIJKLM", strict=True)
    ]
    lines += ["!M! = X" * 50, "!A! [~COP]"]
    path = tmp_path / "my.agents.txt"
    path.write_text("\n".join(lines))
    problems: list[DictionaryError] = []
    load_agent_entries(path, ActorDictionary(), problems)
    assert [p.line for p in problems] == [len(lines)]


# --- class 7: messages and odd values ------------------------------------------------------


@pytest.mark.parametrize("line", ["POLICE [~]", "POLICE []", "POLICE [ ~ ]"])
def test_dictionary_agent_with_empty_code_is_a_problem(tmp_path: Path, line: str) -> None:
    path = tmp_path / "my.agents.txt"
    path.write_text(f"{line}\nARMY [~MIL]\n")
    problems: list[DictionaryError] = []
    into = ActorDictionary()
    load_agent_entries(path, into, problems)
    assert [p.line for p in problems] == [1]
    assert into.agents[("ARMY",)] == "MIL"


def test_read_file_name_with_newline_is_quoted_in_messages(tmp_path: Path) -> None:
    path = tmp_path / "a\ndyad: rejected: forged.txt"
    path.write_bytes(b"")
    [rejection] = read(path)
    assert isinstance(rejection, Rejection)
    assert "\n" not in rejection.message()
    assert rejection.message().startswith('"')


@pytest.mark.parametrize(
    "text",
    [
        "[input]\nencoding_fallbacks = " + "[" * 5_000 + "]" * 5_000,
        "[input]\nmax_document_chars = 100000000000000000000000",
        "[input]\nencoding_fallbacks = [" + ", ".join(['"utf-8"'] * 20_000) + "]",
        '[input]\nencoding_fallbacks = ["' + "x" * 100_000 + '"]',
        "[coder]\nbatch_size = 99999999999",
    ],
)
def test_config_deep_or_huge_values_are_clear_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "dyad.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert len(str(caught.value)) < 400
    problems: list[ConfigError] = []
    assert load_config(path, problems=problems) == load_config()
    assert problems and all(len(str(p)) < 400 for p in problems)


def test_config_many_bad_lines_give_up_quickly(tmp_path: Path) -> None:
    path = tmp_path / "dyad.toml"
    path.write_text("[input]\n" + "= = =\n" * 20_000)
    problems: list[ConfigError] = []
    began = time.monotonic()
    load_config(path, problems=problems)
    assert time.monotonic() - began < 10
    assert "file not used" in problems[-1].reason


def test_config_override_too_deep_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="nested too deep"):
        load_config(overrides=["input.encoding_fallbacks=" + "[" * 5_000 + "]" * 5_000])


def test_messages_stay_on_one_line() -> None:
    rejection = Rejection("x\ny.txt", "bad\rreason", hint="a\nhint", line=3)
    assert "\n" not in rejection.message() and "\r" not in rejection.message()
    assert json.loads(rejection.message().split(":")[0]) == "x\ny.txt"


# --- class 3: the store's own errors; class 6: no network --------------------------------


def dyad_main(*args: str) -> tuple[int, str]:
    """Run `dyad.cli.main` as the console script does; return the exit code and stderr."""
    import contextlib
    import io
    import sys

    from dyad.cli import main

    stderr = io.StringIO()
    argv = sys.argv
    sys.argv = ["dyad", *args]
    try:
        with contextlib.redirect_stderr(stderr), pytest.raises(SystemExit) as exited:
            main()
    finally:
        sys.argv = argv
    code = exited.value.code
    return code if isinstance(code, int) else 1, stderr.getvalue()


def dyad_store(tmp_path: Path) -> Path:
    from dyad.store.database import open_store

    db = tmp_path / "good.duckdb"
    open_store(db).close()
    return db


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p, "is a directory"),
        (lambda p: p / "no" / "such" / "x.duckdb", "does not exist|no dyad store here"),
    ],
)
@pytest.mark.parametrize("command", ["ingest", "events"])
def test_store_bad_db_path_is_one_line_and_exit_4(
    tmp_path: Path, make: object, words: str, command: str
) -> None:
    from dyad.cli import EXIT_STORE

    assert callable(make)
    db = make(tmp_path)
    args = [command, "--db", str(db)] + ([str(tmp_path)] if command == "ingest" else [])
    code, stderr = dyad_main(*args)
    assert code == EXIT_STORE
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert re.search(words, stderr)


@pytest.mark.parametrize("keep", [300_000, 20_000, 5_000])
def test_store_truncated_file_is_named_damaged(tmp_path: Path, keep: int) -> None:
    from dyad.cli import EXIT_STORE

    db = dyad_store(tmp_path)
    with open(db, "r+b") as handle:
        handle.truncate(keep)
    code, stderr = dyad_main("events", "--db", str(db))
    assert code == EXIT_STORE
    assert "damaged or truncated" in stderr or "not a DuckDB database" in stderr
    assert "another process" not in stderr


def test_store_corrupt_block_is_not_reported_as_locked(tmp_path: Path) -> None:
    import duckdb

    from dyad.store.errors import open_error

    error = open_error(tmp_path / "x", duckdb.IOException("Corrupt database file: block 7"))
    assert "damaged" in error.reason and "another process" not in error.reason
    locked = duckdb.IOException('Could not set lock on file "x": Conflicting lock is held')
    assert "another process" in open_error(tmp_path / "x", locked).reason


class _FullDisk:
    """A connection whose writes fail as on a full disk, and whose rollback fails too."""

    def execute(self, sql: str, *args: object) -> object:
        import duckdb

        if sql.startswith("ROLLBACK"):
            raise duckdb.TransactionException("TransactionContext Error: cannot rollback")
        if sql.startswith("INSERT"):
            raise duckdb.IOException('Could not write file "x.wal": No space left on device')
        return self

    def register(self, *args: object) -> None:
        pass


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ('Could not write file "x.wal": No space left on device', "the disk is full"),
        ('Cannot open file "x.wal": Read-only file system', "no permission to write"),
        ('Cannot open file "x.wal": Permission denied', "no permission to write"),
    ],
)
def test_store_write_failure_names_the_cause_not_the_rollback(
    tmp_path: Path, message: str, words: str
) -> None:
    import duckdb
    import pyarrow as pa

    from dyad.errors import StoreError
    from dyad.store.database import Store

    class Failing(_FullDisk):
        def execute(self, sql: str, *args: object) -> object:
            if sql.startswith("INSERT"):
                raise duckdb.IOException(message)
            return super().execute(sql, *args)

    store = Store(Failing(), tmp_path / "x.duckdb", read_only=False)  # type: ignore[arg-type]
    with pytest.raises(StoreError) as caught:
        store.insert_tables({"documents": pa.table({"doc_id": ["d"]})})
    assert words in str(caught.value) and "rollback" not in str(caught.value)


def test_store_sqlite_file_is_refused_without_network(tmp_path: Path) -> None:
    import sqlite3

    from dyad.errors import StoreError
    from dyad.store.database import open_store

    db = tmp_path / "other.db"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="SQLite"):
        open_store(db)


@pytest.mark.parametrize("read_only", [False, True])
def test_store_connections_never_fetch_extensions(tmp_path: Path, read_only: bool) -> None:
    from dyad.store.database import open_store

    db = dyad_store(tmp_path)
    with open_store(db, read_only=read_only) as store:
        rows = store.connection.execute(
            "SELECT current_setting('autoinstall_known_extensions'), "
            "current_setting('autoload_known_extensions')"
        ).fetchall()
    assert rows == [(False, False)]


# --- class 4: one text per document id --------------------------------------------------


def jsonl(path: Path, *records: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


IRAN = "Iran attacked Iraq yesterday."


def identified(
    paths: list[Path], skipped: list[str] | None = None
) -> tuple[list[Document], list[Rejection]]:
    from dyad.store.identity import one_text_per_id

    items = list(one_text_per_id(read_documents(paths, load_config()), None, skipped))
    documents = [i for i in items if isinstance(i, Document)]
    return documents, [i for i in items if isinstance(i, Rejection)]


SYRIA = "Syria accused Turkey of shelling its border villages on Monday."


def test_identity_reused_id_in_one_file_is_rejected_naming_it(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "a.jsonl", {"id": "x", "text": IRAN}, {"id": "x", "text": SYRIA})
    documents, rejections = identified([path])
    assert [d.text for d in documents] == [IRAN]
    [rejection] = rejections
    assert (rejection.stage, rejection.line, rejection.doc_id) == ("identity", 2, "x")
    assert "'x'" in rejection.reason and "a.jsonl:1" in rejection.reason


def test_identity_same_text_again_is_the_same_document(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "a.jsonl", {"id": "x", "text": IRAN}, {"id": "x", "text": IRAN})
    skipped: list[str] = []
    documents, rejections = identified([path], skipped)
    assert len(documents) == 1 and rejections == [] and skipped == ["x"]


def test_identity_same_default_id_in_two_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    jsonl(tmp_path / "a" / "news.jsonl", {"text": IRAN})
    jsonl(tmp_path / "b" / "news.jsonl", {"text": SYRIA})
    documents, rejections = identified([tmp_path])
    assert [d.text for d in documents] == [IRAN]
    assert [r.stage for r in rejections] == ["identity"]


def stored_document(doc_id: str, text: str) -> tuple[Document, list[object]]:
    return Document(doc_id, text, "a.jsonl", line=1), []


def test_identity_store_refuses_another_text_under_a_stored_id(tmp_path: Path) -> None:
    from dyad.store.database import open_store

    with open_store(tmp_path / "s.duckdb") as store:
        store.ingest([stored_document("x", IRAN)])  # type: ignore[list-item]
        counts = store.ingest([stored_document("x", SYRIA)])  # type: ignore[list-item]
        assert counts.rejected == 1 and counts.documents == 0
        [row] = store.rejections().to_pylist()
        assert row["stage"] == "identity" and "in the store" in row["reason"]
        again = store.ingest([stored_document("x", IRAN)])  # type: ignore[list-item]
        assert again.rejected == 0
        assert store.document_hashes() == {"x": store.document_hashes(["x"])["x"]}


def test_identity_one_batch_with_two_texts_keeps_the_first(tmp_path: Path) -> None:
    from dyad.store.database import open_store

    with open_store(tmp_path / "s.duckdb") as store:
        batch = [stored_document("x", IRAN), stored_document("x", SYRIA)]
        counts = store.ingest(batch)  # type: ignore[arg-type]
        assert (counts.documents, counts.rejected) == (1, 1)
        chars = store.query("SELECT chars FROM documents").column(0).to_pylist()
        assert chars == [len(IRAN)]


def test_identity_store_of_version_1_is_migrated(tmp_path: Path) -> None:
    import duckdb

    from dyad.store.database import open_store
    from dyad.store.schema import SCHEMA_VERSION

    db = tmp_path / "old.duckdb"
    with open_store(db) as store:
        store.ingest([stored_document("x", IRAN)])  # type: ignore[list-item]
    with duckdb.connect(str(db)) as connection:
        connection.execute("ALTER TABLE documents DROP COLUMN text_hash")
        connection.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with open_store(db) as store:
        assert store.document_hashes() == {"x": ""}  # unknown: taken as the same text
        assert store.ingest([stored_document("y", SYRIA)]).documents == 1  # type: ignore[list-item]
        version = store.query("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version.column(0).to_pylist() == [str(SCHEMA_VERSION)]


def test_identity_partitions_keep_one_text_per_id(tmp_path: Path) -> None:
    from dyad.engines.partitions import Partition, _slice

    path = jsonl(tmp_path / "a.jsonl", {"id": "x", "text": IRAN}, {"id": "x", "text": SYRIA})
    items = _slice(Partition(str(path), 0, 1, "k"), load_config())
    documents = [i for i in items if isinstance(i, Document)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert [d.text for d in documents] == [IRAN]
    assert [r.stage for r in rejections] == ["identity"]


# --- class 7: the partitioned run reads what the plain run reads --------------------------


def test_engines_plan_skips_files_the_reader_skips(tmp_path: Path) -> None:
    from dyad.engines.partitions import plan_partitions

    (tmp_path / "SOURCE.md").write_text("# where the corpus came from\n")
    (tmp_path / "notes.csv").write_text("a,b\n")
    jsonl(tmp_path / "a.jsonl", {"text": IRAN})
    plan = plan_partitions([tmp_path], load_config())
    assert [Path(p.path).name for p in plan] == ["a.jsonl"]


@needs_fifo
def test_engines_plan_does_not_wait_on_a_fifo(tmp_path: Path) -> None:
    from dyad.engines.partitions import _slice, plan_partitions

    os.mkfifo(tmp_path / "pipe.jsonl")
    plan = plan_partitions([tmp_path / "pipe.jsonl"], load_config())
    [rejection] = _slice(plan[0], load_config())
    assert isinstance(rejection, Rejection) and "FIFO" in rejection.reason


def test_engines_arrow_keeps_the_dictionary_entry_of_each_actor() -> None:
    from dyad.engines.partitions import arrow_to_events, events_to_arrow
    from dyad.records import Actor, Event, Segment

    event = Event(
        event_id="e",
        doc_id="d",
        sentence=IRAN,
        char_start=0,
        char_end=len(IRAN),
        segment=Segment("article", 0, len(IRAN)),
        source=Actor("Iran", "IRN", entry="Phoenix.Countries.actors.txt:10"),
        target=Actor("Iraq", "IRQ", entry="Phoenix.Countries.actors.txt:20"),
        cameo="190",
        quad_class=4,
        goldstein=-10.0,
        plover=None,
        date=DatePoint(None, "none"),
        location=None,
        factuality="asserted",
        attributed_to=Actor("officials", "---", entry="agents:3"),
        rule="r",
        provenance={},
    )
    [back] = arrow_to_events(events_to_arrow([event]))
    assert back.source.entry == "Phoenix.Countries.actors.txt:10"
    assert back.target is not None and back.target.entry == "Phoenix.Countries.actors.txt:20"
    assert back.attributed_to is not None and back.attributed_to.entry == "agents:3"


# --- class 5: the server as a target ------------------------------------------------------


@pytest.fixture
def served(tmp_path: Path) -> Path:
    """A store of three documents read from one JSON-lines source, without events."""
    from dyad.store.database import open_store

    source = jsonl(
        tmp_path / "news.jsonl",
        {"id": "a", "text": IRAN},
        {"id": "b", "text": SYRIA},
        {"id": "c", "text": "Egypt hosted talks."},
    )
    db = tmp_path / "served.duckdb"
    with open_store(db) as store:
        documents = [i for i in read(source) if isinstance(i, Document)]
        store.ingest([(d, []) for d in documents])
    return db


def client_for(db: Path, hosts: frozenset[str] | None, base: str = "http://127.0.0.1:8000"):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from dyad.serve.api import create_app

    return TestClient(create_app(db, hosts=hosts), base_url=base, raise_server_exceptions=False)


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("127.0.0.1:8000", 200),
        ("localhost:8000", 200),
        ("LOCALHOST", 200),
        ("[::1]:8000", 200),
        ("rebind.attacker.example", 400),
        ("rebind.attacker.example:8000", 400),
        ("127.0.0.1.attacker.example", 400),
        ("", 400),
    ],
)
def test_serve_answers_only_the_bound_host_names(served: Path, host: str, status: int) -> None:
    from dyad.serve.guard import allowed_hosts

    with client_for(served, allowed_hosts("127.0.0.1")) as client:
        for path in ("/api/summary", "/", "/api/documents/a"):
            response = client.get(path, headers={"host": host})
            assert response.status_code == status, (path, host)
            if status == 400:
                assert response.json()["status"] == 400 and "--allow-host" in response.text


def test_serve_allow_host_adds_a_name_and_wildcard_binds_add_this_machine() -> None:
    import socket

    from dyad.serve.guard import allowed_hosts

    assert "dyad.internal" in allowed_hosts("127.0.0.1", ("dyad.internal",))
    assert socket.gethostname().lower() in allowed_hosts("0.0.0.0")
    assert "10.0.0.5" in allowed_hosts("10.0.0.5")


def test_serve_command_always_checks_the_host(
    served: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn
    from fastapi.testclient import TestClient

    from dyad.serve import api

    apps: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **_kw: apps.append(app))
    api.serve(served, "127.0.0.1", 8000)
    with TestClient(apps[0], raise_server_exceptions=False) as client:  # type: ignore[arg-type]
        assert client.get("/api/summary", headers={"host": "evil.example"}).status_code == 400
        assert client.get("/api/summary", headers={"host": "127.0.0.1:8000"}).status_code == 200


@pytest.mark.parametrize("path", ["/", "/app.js", "/api/summary", "/api/nothing", "/api/events"])
def test_serve_security_headers_on_every_answer(served: Path, path: str) -> None:
    with client_for(served, None) as client:
        for _twice in range(2):  # the second answer may come from the cache
            headers = client.get(path).headers
            assert "frame-ancestors 'none'" in headers["content-security-policy"]
            assert "default-src 'self'" in headers["content-security-policy"]
            assert headers["x-content-type-options"] == "nosniff"
            assert headers["referrer-policy"] == "no-referrer"


def cursor_of(text: str) -> str:
    import base64

    return base64.urlsafe_b64encode(text.encode("utf-8", "surrogatepass")).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        cursor_of('["2008-01-01", "x", 1e999, "x"]'),
        cursor_of('["2008-01-01", "x", 99999999999999999999999999, "x"]'),
        cursor_of('["2008-01-01", "x", -1, "x"]'),
        cursor_of('["2008-01-01", "x", true, "x"]'),
        cursor_of('["2008-01-01", "x", 1.5, "x"]'),
        cursor_of('["2008-01-01", "x\\ud800", 1, "x"]'),
        cursor_of('["2008-01-01", ["x"], 1, "x"]'),
        cursor_of('{"a": 1, "b": 2, "c": 3, "d": 4}'),
        cursor_of('["99999-01-01", "x", 1, "x"]'),
        cursor_of("[" * 600 + "]" * 600),
        cursor_of('"\xff"'),
        "x" * 2_000,
        "%%%",
        "",
    ],
)
def test_serve_forged_cursor_is_a_400(served: Path, cursor: str) -> None:
    with client_for(served, None) as client:
        response = client.get("/api/events", params={"cursor": cursor})
    if cursor == "":
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert response.json()["errors"][0]["param"] == "cursor"


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"text": IRAN, "perspective": "iraq war"}, "perspective"),
        ({"text": IRAN, "perspective": "X" * 5_000}, "perspective"),
        ({"text": IRAN, "perspective": "usa"}, "perspective"),
        ({"text": IRAN, "date": "2008-02-30"}, "date"),
        ({"text": IRAN, "date": "9" * 5_000}, "date"),
    ],
)
def test_serve_code_body_checked_before_coding(
    served: Path, body: dict[str, str], param: str
) -> None:
    with client_for(served, None) as client:
        response = client.post("/api/code", json=body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == param
    assert len(response.text) < 1_000


@pytest.mark.parametrize(
    "raw",
    [
        b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"text": "' + b"\xff" * 10 + b'"}',
        b'{"text": "a", "date": ' + b"9" * 5_000 + b"}",
        b"[1, 2]",
        b"null",
    ],
)
def test_serve_code_hostile_body_is_a_4xx(served: Path, raw: bytes) -> None:
    with client_for(served, None) as client:
        response = client.post(
            "/api/code", content=raw, headers={"content-type": "application/json"}
        )
    assert 400 <= response.status_code < 500
    assert response.json()["ok"] is False


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Iran attacked Iraq \ud800 yesterday.", "Iran attacked\x00 Iraq.", "Iran\r\rattacked Iraq."],
)
def test_serve_code_odd_text_is_coded_not_a_500(served: Path, text: str) -> None:
    raw = json.dumps({"text": text, "date": "9999-12-31"}).encode()
    with client_for(served, None) as client:
        response = client.post(
            "/api/code", content=raw, headers={"content-type": "application/json"}
        )
    assert response.status_code == 200, response.text


def test_serve_cache_is_bounded_in_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    from dyad.serve import cache as answers

    monkeypatch.setattr(answers, "MAX_CACHE_TOTAL_BYTES", 10_000)
    cache = answers.ResponseCache(lambda *args: None)
    for number in range(100):
        cache._keep(f"/api/x?{number}".encode(), [], b"y" * 900)
    assert cache.size <= 10_000
    assert 0 < len(cache.entries) <= 11 and b"/api/x?99" in cache.entries
    assert sum(len(k) + len(b) for k, (_h, b) in cache.entries.items()) == cache.size


def test_serve_document_view_reads_its_source_once(served: Path) -> None:
    with client_for(served, None) as client:
        sources = client.app.state.stores.sources  # type: ignore[attr-defined]
        texts = [client.get(f"/api/documents/{doc}").json()["data"]["text"] for doc in "abcab"]
    assert texts == [IRAN, SYRIA, "Egypt hosted talks.", IRAN, SYRIA]
    assert sources.reads == 1


def test_serve_document_view_rereads_an_edited_source(served: Path) -> None:
    source = served.parent / "news.jsonl"
    with client_for(served, None) as client:
        assert client.get("/api/documents/a").json()["data"]["text"] == IRAN
        source.write_text(json.dumps({"id": "a", "text": IRAN.upper()}) + "\n")
        os.utime(source, ns=(1, 1))
        assert client.get("/api/documents/b").json()["data"]["text"] is None


# --- class 7: impossible dates and unchecked perspectives ----------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["code", "--date", "2008-02-30"],
        ["code", "--date", "2008-13-01"],
        ["ingest", "--date", "20080101"],
        ["code", "--perspective", "iraq war"],
        ["ingest", "--perspective", "IRQGOV"],
    ],
)
def test_cli_impossible_date_or_perspective_is_a_usage_error(
    tmp_path: Path, args: list[str]
) -> None:
    from click.testing import CliRunner

    from dyad.cli import cli

    path = jsonl(tmp_path / "a.jsonl", {"text": IRAN})
    result = CliRunner().invoke(
        cli, [*args, str(path), *(["--db", str(tmp_path / "x")] if args[0] == "ingest" else [])]
    )
    assert result.exit_code == 2
    assert "Invalid value" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"text": IRAN, "date": "2008-02-30"}, "not a valid date"),
        ({"text": IRAN, "date": "2007-02-29T10:00"}, "not a valid date"),
        ({"text": IRAN, "perspective": "iraq war"}, "not a country code"),
        ({"text": IRAN, "perspective": "<script>"}, "not a country code"),
    ],
)
def test_read_impossible_date_or_perspective_is_a_warning(
    tmp_path: Path, record: dict[str, str], reason: str
) -> None:
    items = read(jsonl(tmp_path / "a.jsonl", record))
    [document] = [i for i in items if isinstance(i, Document)]
    assert document.date is None and document.perspective is None
    [warning] = [i for i in items if isinstance(i, Rejection)]
    assert warning.stage == "read-warning" and reason in warning.reason


# --- class 7: encodings and line ends of JSON lines ---------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_read_jsonl_without_bom_in_utf16_or_32_keeps_its_lines(
    tmp_path: Path, encoding: str
) -> None:
    lines = [json.dumps({"text": IRAN}), json.dumps({"text": "Genève talks resumed."})]
    path = tmp_path / "w.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    items = read(path)
    assert [(type(i), i.line) for i in items] == [(Document, 1), (Document, 2)]


def test_read_mixed_encodings_read_each_part_as_its_own(tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_bytes(b"caf\xe9 and \x93quotes\x94 in " + "Zürich".encode())
    [document, warning] = read(path)
    assert isinstance(document, Document)
    assert document.text == "café and “quotes” in Zürich"
    assert "mixed encodings" in warning.reason


@pytest.mark.parametrize(
    ("data", "texts", "lines"),
    [
        (
            b'{"text": "Iran attacked\rIraq."}\n{"text": "b"}\n',
            ["Iran attacked\nIraq.", "b"],
            [1, 3],
        ),
        (b'{"text": "a"}\r{"text": "b"}\r\n', ["a", "b"], [1, 2]),
        (b'{"text": "a\tb"}\r\n{"text": "c\r\rd"}', ["a\tb", "c\n\nd"], [1, 2]),
    ],
)
def test_read_jsonl_raw_cr_and_tab_inside_strings(
    tmp_path: Path, data: bytes, texts: list[str], lines: list[int]
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(data)
    items = read(path)
    assert [i.text for i in items if isinstance(i, Document)] == texts
    assert [i.line for i in items] == lines


@pytest.mark.parametrize("data", [b"Iran attacked\x00 Iraq.", b"\x00Iran attacked Iraq.\x00"])
def test_read_nul_bytes_removed_with_a_warning(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "n.txt"
    path.write_bytes(data)
    [document, warning] = read(path)
    assert isinstance(document, Document) and "\x00" not in document.text
    assert "NUL" in warning.reason


def test_read_json_id_with_control_characters_stays_one_line(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "a.jsonl", {"id": "x\ny\x00", "text": ""})
    [rejection] = read(path)
    assert isinstance(rejection, Rejection) and "\n" not in rejection.message()


@pytest.mark.skipif(os.name == "nt", reason="POSIX file names are bytes")
def test_engines_plan_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    from dyad.engines.partitions import _slice, plan_partitions

    with open(os.fsencode(tmp_path) + b"/caf\xe9.jsonl", "wb") as handle:
        handle.write(json.dumps({"text": IRAN}).encode())
    [partition] = plan_partitions([tmp_path], load_config())
    [document] = _slice(partition, load_config())
    assert document.path.endswith("caf\\xe9.jsonl")


def test_events_a_chain_of_3000_conjuncts_does_not_recurse() -> None:
    from dyad.coder.arguments import conjuncts as _conjuncts
    from parses import make_sentence

    size = 3_000
    words = ["Iran"] + [f"N{i}" for i in range(1, size)]
    heads = [0] + list(range(size - 1))  # each name the conjunct of the one before
    deps = ["ROOT"] + ["conj"] * (size - 1)
    sentence = make_sentence(words, heads, deps, pos=["PROPN"] * size)
    assert _conjuncts(sentence, 0) == list(range(size))


def test_events_conjuncts_keep_the_order_of_a_recursive_walk() -> None:
    from dyad.coder.arguments import conjuncts as _conjuncts
    from parses import make_sentence

    # Iran and Syria ( Turkey ) and Egypt: 0 <- 2 (conj), 2 <- 3 (conj), 0 <- 5 (conj)
    words = ["Iran", "and", "Syria", "Turkey", "and", "Egypt"]
    heads = [0, 0, 0, 2, 0, 0]
    deps = ["ROOT", "cc", "conj", "conj", "cc", "conj"]
    sentence = make_sentence(words, heads, deps, pos=["PROPN"] * 6)
    assert _conjuncts(sentence, 0) == [0, 2, 3, 5]
