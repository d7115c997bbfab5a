"""The analyst's workbench (issue 17), as an analyst meets it: CLI runs and API calls.

Over a store of the coded sample corpus; each test fails on the behaviour the issue found.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dyad.cli import cli
from dyad.records import Actor, DatePoint
from dyad.serve.api import create_app
from dyad.store import aggregate
from dyad.store.aggregate import EventFilter
from dyad.store.database import open_store
from dyad.store.filters import FilterError, build_filter
from dyad.store.labels import actor_index
from dyad.store.rows import cluster_id
from dyad.store.schema import CLUSTER_SQL
from stored import sample_events, sample_store

pytestmark = [pytest.mark.model, pytest.mark.issue(17)]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the coded sample corpus (66 documents, 2003-2020)."""
    sample_store(path := tmp_path_factory.mktemp("workbench") / "sample.duckdb").close()
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as served:
        yield served


def run(db: Path, *args: str, width: int = 120) -> Any:
    return CliRunner().invoke(cli, [*args, "--db", str(db)], env={"COLUMNS": str(width)})


def count(db: Path, *args: str) -> int:
    """Return how many events `dyad events ARGS` says match."""
    result = run(db, "events", *args, "--format", "jsonl", "--limit", "100000")
    assert result.exit_code == 0, result.output
    return len(result.output.splitlines())


# ---- 4. one validator -------------------------------------------------------------------


def test_workbench_repeated_filters_add_up_instead_of_keeping_the_last(db: Path) -> None:
    eighteen, nineteen = count(db, "--code", "18"), count(db, "--code", "19")
    assert nineteen > 0
    assert count(db, "--code", "18", "--code", "19") == eighteen + nineteen
    assert count(db, "--code", "18,19") == eighteen + nineteen
    iraq, usa = count(db, "--actor", "IRQ"), count(db, "--actor", "USA")
    both = count(db, "--actor", "IRQ", "--actor", "USA")
    assert max(iraq, usa) < both <= iraq + usa


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["--code", "abc"], "--code"),
        (["--since", "2012", "--until", "2011"], "--until"),
        (["--limit", "-5"], "--limit"),
        (["--actor", "ZZZQQQ"], "--actor"),
        (["--quad", "7"], "--quad"),
        (["--factuality", "rumoured"], "--factuality"),
        (["--since", "last week"], "--since"),
    ],
)
def test_workbench_cli_refuses_a_bad_filter_naming_its_flag(
    db: Path, args: list[str], flag: str
) -> None:
    result = run(db, "events", *args)
    assert result.exit_code == 2
    assert flag in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    ("query", "param"),
    [("code=abc", "code"), ("since=2012&until=2011", "until"), ("actor=ZZZQQQ", "actor")],
)
def test_workbench_api_refuses_what_the_cli_refuses(
    client: TestClient, db: Path, query: str, param: str
) -> None:
    response = client.get("/api/events?" + query)
    assert response.status_code == 400
    assert response.json()["errors"][0]["param"] == param
    cli_args = [f"--{pair.split('=')[0]}={pair.split('=')[1]}" for pair in query.split("&")]
    assert run(db, "events", *cli_args).exit_code == 2


def test_workbench_api_takes_repeated_filters(client: TestClient) -> None:
    def total(query: str) -> int:
        body = client.get("/api/summary?" + query).json()
        return int(body["data"]["events"])

    assert total("code=18&code=19") == total("code=18") + total("code=19") > 0
    assert total("code=18,19") == total("code=18&code=19")


def test_workbench_filter_errors_name_the_filter() -> None:
    with pytest.raises(FilterError) as caught:
        build_filter({"code": ["18", "x9"]})
    assert caught.value.param == "code" and caught.value.for_flag().startswith("--code: ")


# ---- 2. names beside codes, search by name ----------------------------------------------


def test_workbench_codes_lists_cameo_codes_with_labels(db: Path) -> None:
    result = run(db, "codes", "military force")
    assert result.exit_code == 0
    assert "190" in result.output and "Use conventional military force" in result.output
    listed = run(db, "codes", "--actors", "taliban")
    assert "AFGREB" in listed.output and "Taliban" in listed.output


@pytest.mark.parametrize(
    ("spelled", "code"), [("Taliban", "AFGREB"), ("afgreb", "AFGREB"), ("irq", "IRQ")]
)
def test_workbench_actor_by_name_or_lower_case_finds_the_code(
    db: Path, spelled: str, code: str
) -> None:
    assert count(db, "--actor", spelled) == count(db, "--actor", code) > 0


def test_workbench_events_show_names_beside_codes_in_cli_api_and_csv(
    db: Path, client: TestClient
) -> None:
    table = run(db, "events", "--code", "19", "--limit", "5", width=200).output
    assert "Use conventional military force" in table or "Use conventional" in table
    rows = client.get("/api/events?code=19").json()["data"]
    assert rows and all(r["cameo_label"] and r["source_label"] for r in rows)
    names = client.get("/api/summary").json()["data"]["actor_names"]
    assert names["AFGREB"] == "Taliban"
    text = run(db, "events", "--code", "19", "--format", "csv").output
    first = next(csv.DictReader(io.StringIO(text)))
    assert first["dyad_cameo_label"] and first["Actor1Name"]


def test_workbench_text_search_over_sentences(db: Path, client: TestClient) -> None:
    found = run(db, "events", "--text", "troops", "--format", "jsonl").output.splitlines()
    assert found and all("troops" in json.loads(line)["sentence"].lower() for line in found)
    rows = client.get("/api/events", params={"q": "troops", "limit": 500}).json()["data"]
    assert len(rows) == len(found)


# ---- 5. counting right by default -------------------------------------------------------


def test_workbench_dedup_does_not_key_on_the_source() -> None:
    event = next(e for e in sample_events() if e.target and e.date.value)
    coalition = replace(event, event_id="other", source=Actor("coalition", "NATMIL"))
    assert cluster_id(coalition) == cluster_id(event)
    undirected = replace(event, target=None)
    assert cluster_id(replace(undirected, source=Actor("x", "NATMIL"))) != cluster_id(undirected)
    later = replace(event, date=DatePoint("1999-01-01", "day"))
    assert cluster_id(later) != cluster_id(event)


def test_workbench_stored_dedup_keys_migrate_to_the_same_key(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    with open_store(copy) as store:
        rows = store.query(
            f"SELECT event_id, cluster_id, {CLUSTER_SQL} AS migrated FROM events"
        ).to_pylist()
    assert rows and all(r["cluster_id"] == r["migrated"] for r in rows)


def test_workbench_views_say_what_they_count(db: Path, client: TestClient) -> None:
    output = run(db, "events", "--limit", "1").output
    assert "Counted: asserted, reported, speculative" in output and "negated" in output
    assert "negated" not in client.get("/api/summary").json()["data"]["counted"]


# ---- 1. coverage-aware trends -----------------------------------------------------------


def test_workbench_trend_tells_no_coverage_and_partial_periods(db: Path) -> None:
    with open_store(db, read_only=True) as store:
        rows = aggregate.trend(store, EventFilter(since="2019", until="2020"), period="month")
    months = rows.to_pylist()
    empty = [r for r in months if r["documents"] == 0]
    assert empty and all(r["band"] == "no coverage" and r["change_pct"] is None for r in empty)
    assert not any("decrease" in r["band"] and r["documents"] == 0 for r in months)
    last = months[-1]  # the corpus ends on 2020-12-21
    assert last["period"] == "2020-12" and last["band"] == "partial period"
    assert last["coverage"] == "partial" and last["change_pct"] is None
    compared = [r for r in months if r["change_pct"] is not None]
    for row in compared:
        assert row["events_per_100_documents"] is not None


def test_workbench_trend_cli_says_what_is_compared(db: Path) -> None:
    output = run(db, "trend", "--since", "2019", "--until", "2020", width=200).output
    assert "no coverage" in output and "per 100 documents" in output


# ---- 6. getting data out ----------------------------------------------------------------


def test_workbench_csv_of_the_view_from_the_api_streams_the_one_schema(
    db: Path, client: TestClient, tmp_path: Path
) -> None:
    response = client.get("/api/events.csv", params={"code": "19", "factuality": "all"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    api_rows = list(csv.DictReader(io.StringIO(response.text)))
    cli_args = ["events", "--code", "19", "--factuality", "all", "--format", "csv"]
    cli_text = run(db, *cli_args, "--limit", "1000").stdout
    # a program reading a cut CSV is told so on stderr, never in the CSV
    cut = run(db, *cli_args, "--limit", "3")
    assert len(list(csv.DictReader(io.StringIO(cut.stdout)))) == 3
    assert "the first 3 written" in cut.stderr and "GLOBALEVENTID" not in cut.stderr
    exported = tmp_path / "e.csv"
    assert run(db, "export", str(exported), "--code", "19").exit_code == 0
    export_rows = list(csv.DictReader(io.StringIO(exported.read_text())))
    cli_rows = list(csv.DictReader(io.StringIO(cli_text)))
    assert list(api_rows[0]) == list(cli_rows[0]) == list(export_rows[0])
    assert len(api_rows) == len(export_rows) == len(cli_rows) > 0
    everything = client.get("/api/events.csv", params={"factuality": "all"})
    total = client.get("/api/summary", params={"factuality": "all"}).json()["data"]["events"]
    assert len(list(csv.DictReader(io.StringIO(everything.text)))) == total > 50  # no paging


def test_workbench_parquet_of_the_view_from_the_api(client: TestClient, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    response = client.get("/api/events.parquet", params={"code": "19"})
    assert response.status_code == 200
    path = tmp_path / "v.parquet"
    path.write_bytes(response.content)
    summary = client.get("/api/summary", params={"code": "19"}).json()["data"]
    assert pq.read_table(path).num_rows == summary["events"]


# ---- 10. a CLI that fits the terminal ---------------------------------------------------


@pytest.mark.parametrize("width", [80, 132])
def test_workbench_tables_fit_the_terminal(db: Path, width: int) -> None:
    output = run(db, "events", "--limit", "5", width=width).output
    trend = run(db, "trend", "--since", "2019", "--period", "quarter", width=width).output
    for shown in (output, trend):
        table = [line for line in shown.splitlines() if line[:1] in "┏┃┡│└"]
        assert table and max(len(line) for line in table) <= width
    if width > 100:
        assert "event_id" in output and "doc_id" in output


def test_workbench_show_prints_an_event_with_its_sentence_document_and_rule(db: Path) -> None:
    event = sample_events()[0]
    output = run(db, "show", event.event_id[:10]).output
    assert event.sentence in output.replace("\n", " ") or event.sentence[:40] in output
    assert event.doc_id in output and event.rule in output
    assert run(db, "show", "ffffffffffff").exit_code == 2


def test_workbench_help_does_not_cut_descriptions() -> None:
    output = CliRunner().invoke(cli, ["--help"], env={"COLUMNS": "120"}).output
    commands = output[output.index("Commands:") :]
    assert "..." not in commands and "coverage." in commands


def test_workbench_rejections_show_their_line_numbers(tmp_path: Path) -> None:
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"id": "a", "text": "Iraq met Iran."}\n{"id": "b", "text": \n')
    store = tmp_path / "bad.duckdb"
    CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(store)])
    output = run(store, "rejections", width=80).output
    assert any(re.match(r"│\s*2\s*│\s*read", line) for line in output.splitlines())


# ---- 3. places as people type them ------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"), [("Al Anbar", "Al Anbār"), ("Iraq", "IRQ"), ("iraq", "IRQ")]
)
def test_workbench_places_as_typed(db: Path, typed: str, stored: str) -> None:
    assert count(db, "--place", typed) == count(db, "--place", stored) > 0


def test_workbench_map_has_one_point_per_place_name(client: TestClient) -> None:
    points = client.get("/api/places", params={"factuality": "all"}).json()["data"]
    keys = [(p["place"], p["country"]) for p in points]
    assert len(keys) == len(set(keys))
    assert all(p["precision"] != "actor-country" for p in points)


# ---- 9. the network keeps the war inside a country --------------------------------------


def test_workbench_country_network_keeps_within_country_edges(db: Path) -> None:
    with open_store(db, read_only=True) as store:
        rows = aggregate.network(store, EventFilter(), level="country").to_pylist()
        inside = store.query(
            "SELECT count(*) AS n FROM events WHERE left(source_code, 3) = left(target_code, 3)"
            " AND factuality IN ('asserted', 'reported', 'speculative')"
        ).to_pylist()[0]["n"]
    loops = sum(r["events"] for r in rows if r["source"] == r["target"])
    assert inside > 0 and loops == inside


# ---- 11. ingest that says where it is ---------------------------------------------------


def test_workbench_jsonl_month_date_is_a_month_reference(tmp_path: Path) -> None:
    corpus = tmp_path / "month.jsonl"
    text = "Iraqi troops arrested two insurgents near Basra."
    corpus.write_text(json.dumps({"id": "m", "text": text, "date": "2011-07"}) + "\n")
    result = CliRunner().invoke(cli, ["code", str(corpus)])
    assert "not a valid date" not in result.output
    events = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert events and all(e["date"] is None or e["date"].startswith("2011-07") for e in events)


def test_workbench_source_md_is_no_document_under_any_engine(tmp_path: Path) -> None:
    from dyad.engines.partitions import input_files

    (tmp_path / "SOURCE.md").write_text("# where this corpus comes from\n")
    (tmp_path / "a.jsonl").write_text('{"id": "a", "text": "Iraq met Iran."}\n')
    assert [p.name for p in input_files([tmp_path])] == ["a.jsonl"]


def test_workbench_progress_bar_has_total_rate_and_eta(tmp_path: Path) -> None:
    from rich.console import Console

    from dyad.cli.progress import count_documents, ingest_progress
    from dyad.records import Rejection
    from dyad.store.database import IngestCounts

    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "x"}\n\n{"id": "b", "text": "y"}\n')
    assert count_documents([corpus]) == 2
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    with ingest_progress(2, console=console) as (report, warn):
        warn(Rejection(str(corpus), "date '2011-13' is not a valid date", line=1))
        report(IngestCounts(events=3), 1)
    shown = screen.getvalue()
    assert "1/2" in shown and "ETA" in shown
    assert "dyad: rejected:" in shown


def test_workbench_ingest_summary_counts_warnings_apart(tmp_path: Path) -> None:
    corpus = tmp_path / "w.jsonl"
    corpus.write_text(json.dumps({"id": "w", "text": "Iraq met Iran.", "date": "2011-13"}) + "\n")
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(tmp_path / "w.db")])
    assert "0 rejected, 1 kept with a warning" in result.output


def test_workbench_store_in_use_names_the_holder(tmp_path: Path) -> None:
    from dyad.store.lock_holder import describe_holder

    (tmp_path / "77" / "cmdline").parent.mkdir()
    (tmp_path / "77" / "cmdline").write_bytes(b"/usr/bin/python3\0-m\0dyad\0serve\0--db\0x\0")
    holder, fix = describe_holder("Conflicting lock is held in python (PID 77).", tmp_path)
    assert holder == "a `dyad serve` (PID 77)" and "stop that server" in fix
    holder, _ = describe_holder("Conflicting lock is held in python (PID 78).", tmp_path)
    assert holder == "process 78"


def test_workbench_actor_index_describes_codes_without_a_name(db: Path) -> None:
    with open_store(db, read_only=True) as store:
        index = actor_index(store)
    assert index.names["AFGREB"] == "Taliban"
    assert any(name.endswith("government") for code, name in index.names.items() if "GOV" in code)


@pytest.mark.parametrize(
    "dateline", ["KABUL, Afghanistan (Jan. 17, 2012) – ", "BAGHDAD (“Aug. 20, 2008) -- "]
)
def test_workbench_dateline_fragments_are_no_sentence_start(dateline: str) -> None:
    from dyad.coder.parse import split_sentences

    # the abbreviated month ends no sentence inside the date line; the date line is a
    # sentence of its own (session 36), never part of the first one's parse
    text = dateline + "An Afghan and coalition force killed a leader. He was armed."
    sentences = [text[a:b] for a, b in split_sentences(text)]
    first = "An Afghan and coalition force killed a leader."
    assert sentences == [dateline.rstrip(), first, "He was armed."]
