"""Views on real coded events: filters, dedup, dyads, trends with their guard, network, exports."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dyad import open_store
from dyad.cli import cli
from dyad.errors import QueryError
from dyad.store import aggregate, export
from dyad.store.aggregate import EventFilter
from dyad.store.database import Store
from stored import FIXTURES, code_paths, sample_events, sample_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with sample_store(tmp_path_factory.mktemp("store") / "sample.duckdb") as store:
        yield store


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (None, "-"),
        (0.0, "stable"),
        (9.9, "stable"),
        (-9.9, "stable"),
        (10.0, "increase"),
        (-24.9, "decrease"),
        (25.0, "large increase"),
        (-55.0, "large decrease"),
    ],
)
def test_aggregate_band_thresholds(change: float | None, expected: str) -> None:
    assert aggregate.band(change) == expected


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29)),
        ("2019-07-04", date(2019, 7, 4), date(2019, 7, 4)),
    ],
)
def test_aggregate_date_bounds(text: str, first: date, last: date) -> None:
    assert aggregate.date_bounds(text) == (first, last)


@pytest.mark.parametrize("text", ["19", "2019-13", "summer", "2019-02-30"])
def test_aggregate_bad_dates_are_query_errors(text: str) -> None:
    with pytest.raises(QueryError, match=repr(text)):
        aggregate.date_bounds(text)


def test_aggregate_dyad_must_have_two_sides() -> None:
    with pytest.raises(QueryError, match="SOURCE-TARGET"):
        EventFilter(dyad="IRQGOV").where()


@pytest.mark.model  # the `db` fixture codes the sample with the model
def test_aggregate_filter_values_are_not_wildcards(db: Store) -> None:
    events = [e for e in sample_events() if e.factuality in aggregate.DEFAULT_FACTUALITY]
    named = Counter(e.location.name for e in events if e.location and len(e.location.name) > 3)
    place = named.most_common(1)[0][0]
    assert aggregate.totals(db, EventFilter(place=place))["events"] >= named[place]
    blurred = place[0] + "_" + place[2:]  # "B_ghdad" must not match "Baghdad"
    assert aggregate.totals(db, EventFilter(place=blurred))["events"] == 0
    assert aggregate.totals(db, EventFilter(actor="%"))["events"] == 0


@pytest.mark.model
@pytest.mark.issue(17)
def test_aggregate_default_factuality_leaves_out_what_did_not_happen(db: Store) -> None:
    events = sample_events()
    kept = [e for e in events if e.factuality not in ("hypothetical", "question", "negated")]
    assert any(e.factuality == "negated" for e in events)
    assert len(kept) < len(events)
    assert aggregate.totals(db, EventFilter())["events"] == len(kept)
    everything = EventFilter(factuality=aggregate.ALL_FACTUALITY)
    assert aggregate.totals(db, everything)["events"] == len(events)


@pytest.mark.model
def test_aggregate_filters_match_the_events_in_python(db: Store) -> None:
    events = [e for e in sample_events() if e.factuality in aggregate.DEFAULT_FACTUALITY]
    top = Counter(e.source.code[:3] for e in events).most_common(1)[0][0]
    by_actor = [
        e
        for e in events
        if e.source.code.startswith(top) or (e.target and e.target.code.startswith(top))
    ]
    assert aggregate.totals(db, EventFilter(actor=top))["events"] == len(by_actor)
    conflict = [e for e in events if e.quad_class in (3, 4)]
    assert aggregate.totals(db, EventFilter(quad_classes=(3, 4)))["events"] == len(conflict)
    root = [e for e in events if e.cameo.startswith("19")]
    assert aggregate.totals(db, EventFilter(code="19"))["events"] == len(root)
    in_2019 = [e for e in events if e.date.value and e.date.value.startswith("2019")]
    assert aggregate.totals(db, EventFilter(since="2019", until="2019"))["events"] == len(in_2019)
    shown = aggregate.events(db, EventFilter(actor=top), limit=5).to_pylist()
    assert len(shown) == min(5, len(by_actor))
    assert all(row["sentence"] and row["cluster_mentions"] >= 1 for row in shown)


@pytest.mark.model
def test_aggregate_dyads_conflict_share_and_goldstein_agree_with_the_events(db: Store) -> None:
    events = [
        e for e in sample_events() if e.target and e.factuality in aggregate.DEFAULT_FACTUALITY
    ]
    for row in aggregate.dyads(db, EventFilter(), limit=10).to_pylist():
        own = [
            e
            for e in events
            if (e.source.code, e.target and e.target.code) == (row["source"], row["target"])
        ]
        assert row["events"] == len(own)
        share = sum(e.quad_class >= 3 for e in own) / len(own)
        assert row["conflict_share"] == pytest.approx(share, abs=0.001)
        assert row["goldstein_sum"] == pytest.approx(sum(e.goldstein for e in own), abs=0.05)
        assert row["unique_events"] <= row["events"]


@pytest.mark.model
def test_aggregate_same_event_in_two_stories_is_one_cluster(tmp_path: Path) -> None:
    record = json.loads((FIXTURES / "iraq_sample.jsonl").read_text().splitlines()[0])
    corpus = tmp_path / "two_stories.jsonl"
    lines = [json.dumps(record | {"id": f"wire-{n}"}) for n in (1, 2)]
    corpus.write_text("\n".join(lines) + "\n")
    coded, _rejections = code_paths([corpus])
    assert len(coded[0][1]) > 0
    with open_store(tmp_path / "dedup.duckdb") as db:
        db.ingest(coded)
        everything = EventFilter(factuality=aggregate.ALL_FACTUALITY)
        totals = aggregate.totals(db, everything)
        clusters = aggregate.clusters(db, everything, limit=100).to_pylist()
    assert totals["events"] == 2 * len(coded[0][1])
    keys = {
        (e.source.code, e.target and e.target.code, e.cameo, e.date.value, e.location)
        for e in coded[0][1]
    }
    assert totals["unique_events"] == len(keys)
    assert all(c["documents"] == 2 and c["mentions"] >= 2 for c in clusters)


@pytest.mark.model
def test_aggregate_trend_refuses_a_percentage_on_a_tiny_baseline(db: Store) -> None:
    rows = aggregate.trend(
        db, EventFilter(since="2019", until="2020"), period="quarter", measure="events"
    ).to_pylist()
    assert [r["period"] for r in rows] == [f"{y}-Q{q}" for y in (2019, 2020) for q in (1, 2, 3, 4)]
    guarded = [
        r
        for r in rows
        if r["baseline"] is not None and r["baseline"] < aggregate.MIN_BASELINE_EVENTS
    ]
    compared = [
        r
        for r in rows
        if r["baseline"] is not None and r["baseline"] >= aggregate.MIN_BASELINE_EVENTS
        and r["coverage"] == "full"  # a partial period (the corpus's last) gets no change
    ]  # fmt: skip
    assert guarded and compared
    assert all(r["change_pct"] is None and "baseline <" in r["band"] for r in guarded)
    for row in compared:
        expected = 100 * (row["events"] - row["baseline"]) / row["baseline"]
        assert row["change_pct"] == pytest.approx(expected, abs=0.051)  # rounded to 0.1
        assert row["band"] == aggregate.band(row["change_pct"])
    for before, after in zip(rows, rows[1:], strict=False):
        assert after["baseline"] == before["events"]
    dated = [
        e for e in sample_events()
        if e.factuality in aggregate.DEFAULT_FACTUALITY and e.date.value
        and e.date.precision in ("day", "month") and e.date.value[:4] in ("2019", "2020")
    ]  # fmt: skip
    assert sum(r["events"] for r in rows) == len(dated)
    assert all(r["documents"] >= 0 for r in rows)


@pytest.mark.model
def test_aggregate_trend_against_a_baseline_range(db: Store) -> None:
    where = EventFilter(since="2019", until="2020")
    quarters = aggregate.trend(db, where, period="quarter", measure="events").to_pylist()
    rows = aggregate.trend(
        db, where, period="quarter", baseline="2019-01:2019-06", measure="events"
    ).to_pylist()
    mean = (quarters[0]["events"] + quarters[1]["events"]) / 2
    assert all(r["baseline"] == pytest.approx(mean, abs=0.05) for r in rows)
    assert all(r["compared_with"] == "mean of 2019-Q1..2019-Q2" for r in rows)


@pytest.mark.model
def test_aggregate_network_exports_parse(db: Store) -> None:
    table = aggregate.network(db, EventFilter(), level="country")
    assert table.num_rows > 0
    rows = table.to_pylist()
    assert all(r["weight"] == r["cooperation"] - r["conflict"] for r in rows)
    assert all(len(r["source"]) == 3 for r in rows)
    root = ET.fromstring(export.network_graphml(table))
    ns = {"g": export.GRAPHML_NS}
    edges = root.findall("g:graph/g:edge", ns)
    nodes = {n.get("id") for n in root.findall("g:graph/g:node", ns)}
    assert len(edges) == table.num_rows
    assert nodes == {r["source"] for r in rows} | {r["target"] for r in rows}
    assert {e.get("source") for e in edges} <= nodes
    linked = export.network_json(table)
    assert len(linked["edges"]) == table.num_rows and len(linked["nodes"]) == len(nodes)


@pytest.mark.model
def test_aggregate_exports_round_trip_the_event_contract(db: Store, tmp_path: Path) -> None:
    everything = EventFilter(factuality=aggregate.ALL_FACTUALITY)
    expected = {e.event_id: e.to_dict() for e in sample_events()}
    assert export.export_events(db, tmp_path / "e.jsonl", "jsonl", everything) == len(expected)
    lines = (tmp_path / "e.jsonl").read_text().splitlines()
    assert {row["event_id"]: row for row in map(json.loads, lines)} == expected
    export.export_events(db, tmp_path / "e.parquet", "parquet", everything)
    parquet = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert len(parquet) == len(expected)
    for row in parquet:
        event = expected[row["event_id"]]
        assert json.loads(row["provenance"]) == event["provenance"]
        for key in ("sentence", "segment", "source", "target", "cameo", "date", "factuality"):
            assert row[key] == event[key]
        if event["location"] is not None:  # the contract's fields of the place
            assert event["location"].items() >= row["location"].items()
    export.export_events(db, tmp_path / "e.csv", "csv", everything)
    table = pa_csv.read_csv(tmp_path / "e.csv")
    assert table.num_rows == len(expected)
    assert {"GLOBALEVENTID", "SQLDATE", "Actor1Code", "EventRootCode", "QuadClass"} <= set(
        table.column_names
    )


@pytest.mark.model
def test_aggregate_cli_views(tmp_path: Path) -> None:
    path = str(tmp_path / "cli.duckdb")
    with sample_store(Path(path)) as built:
        top = aggregate.dyads(built, EventFilter(), limit=1).to_pylist()[0]
    runner = CliRunner()
    dyad = f"{top['source']}-{top['target']}"
    for args in (
        ["events", "--dyad", dyad],
        ["events", "--dedup", "--format", "jsonl"],
        ["dyads", "--limit", "3"],
        ["trend", "--actor", top["source"][:3], "--period", "quarter"],
        ["network", "--format", "graphml", "--output", str(tmp_path / "n.graphml")],
        ["export", str(tmp_path / "all.parquet")],
    ):
        result = runner.invoke(cli, [*args, "--db", path])
        assert result.exit_code == 0, (args, result.output)
    ET.parse(tmp_path / "n.graphml")
    assert pq.read_table(tmp_path / "all.parquet").num_rows == len(sample_events())


@pytest.mark.parametrize("sort", ["events", "unique", "conflict_share", "goldstein"])
@pytest.mark.parametrize("limit", [1, 3, 1000])
@pytest.mark.parametrize(
    "where", [EventFilter(), EventFilter(actor=("USA", "IRQ"), quad_classes=(3, 4))]
)
def test_aggregate_dyads_rank_and_count_as_one_plain_grouping_does(
    db: Store, sort: str, limit: int, where: EventFilter
) -> None:
    # the two-step query (plain counts, then distinct ones for the kept dyads) must give
    # the table one grouping with every count gives, with or without bound parameters
    order = aggregate._DYAD_ORDER[sort]
    condition, params = where.where()
    reference = db.query(
        f"""
        SELECT e.source_code AS source, e.target_code AS target, count(*) AS events,
               count(DISTINCT e.cluster_id) AS unique_events,
               count(DISTINCT e.doc_id) AS documents,
               round(avg(CASE WHEN e.quad_class >= 3 THEN 1.0 ELSE 0.0 END), 3)
                   AS conflict_share,
               round(sum(e.goldstein), 1) AS goldstein_sum,
               round(avg(e.goldstein), 2) AS goldstein_mean
        FROM events e WHERE {condition} AND e.target_code IS NOT NULL
        GROUP BY e.source_code, e.target_code
        ORDER BY {order} DESC, events DESC, source, target
        LIMIT ?
        """,
        [*params, limit],
    ).to_pylist()
    found = aggregate.dyads(db, where, limit=limit, sort=sort).to_pylist()
    assert found == reference
    assert found
    groups = db.query(
        f"SELECT count(DISTINCT (e.source_code, e.target_code)) AS n FROM events e "
        f"WHERE {condition} AND e.target_code IS NOT NULL",
        params,
    ).to_pylist()[0]["n"]
    assert len(found) == min(limit, groups)
