"""Commands that read the store: rejections, events, dyads, trend, network and export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from dyad.cli.common import (
    counted_line,
    db_option,
    event_filter,
    format_option,
    show,
    with_filters,
)
from dyad.errors import QueryError

EVENT_TABLE_COLUMNS = [
    "event_id",
    "doc_id",
    "date",
    "source",
    "target",
    "cameo",
    "quad",
    "factuality",
    "place",
    "reports",
    "sentence",
]
# `dyad show` takes any unique prefix of an event id; the table prints this many characters.
SHORT_ID = 12


@click.command()
@db_option
@format_option
def rejections(db: Path, output_format: str) -> None:
    """List every input the store recorded as rejected (file, line, stage, reason)."""
    from dyad.store.database import open_store

    with open_store(db, read_only=True) as store:
        table = store.rejections()
    if output_format == "table":  # the line first: a long path must not squeeze it out
        table = table.select(["line", "stage", "reason", "hint", "path", "doc_id"])
    show(table, output_format)


@click.command(name="events")
@db_option
@with_filters
@click.option(
    "--limit", type=click.IntRange(1), default=50, show_default=True, help="Rows to print."
)
@click.option("--dedup", is_flag=True, help="One row per dedup cluster, with its counts.")
@format_option
def events_command(db: Path, limit: int, dedup: bool, output_format: str, **filters: Any) -> None:
    """List stored events matching the filters, newest first, with raw and dedup counts."""
    from dyad.store import aggregate, export
    from dyad.store.database import open_store
    from dyad.store.labels import actor_index

    with open_store(db, read_only=True) as store:
        where = event_filter(filters, store)
        totals = aggregate.totals(store, where)
        matched = totals["unique_events" if dedup else "events"]
        if output_format == "csv" and not dedup:  # the one CSV schema, as `dyad export`
            click.echo(export.events_csv(store, where, limit=limit).decode(), nl=False)
            _say_if_cut(matched, min(matched, limit))
            return
        view = aggregate.clusters if dedup else aggregate.events
        table = view(store, where, limit=limit)
        index = actor_index(store)
    if output_format == "table":
        table = labelled(table if dedup else for_people(table), index)
    show(table, output_format)
    if output_format != "table":
        _say_if_cut(matched, table.num_rows)
    else:
        click.echo(
            f"{totals['events']:,} events match ({totals['unique_events']:,} after dedup, "
            f"{totals['documents']:,} documents); {table.num_rows:,} shown. {counted_line(where)}"
        )


def _say_if_cut(matched: int, written: int) -> None:
    """Tell on stderr that CSV or JSON Lines for a program holds only the first rows."""
    if written < matched:
        click.echo(
            f"dyad: {matched:,} match; the first {written:,} written "
            "(--limit N for more, `dyad export` for every one)",
            err=True,
        )


def for_people(table: Any) -> Any:
    """Return the events table as printed: short ids, reports as documents/mentions."""
    import pyarrow as pa

    rows = table.to_pylist()
    for row in rows:
        row["event_id"] = row["event_id"][:SHORT_ID]
        row["reports"] = f"{row['cluster_documents']}/{row['cluster_mentions']}"
        row["quad"] = row["quad_class"]
    return pa.Table.from_pylist(
        [{name: row[name] for name in EVENT_TABLE_COLUMNS} for row in rows]
        or [dict.fromkeys(EVENT_TABLE_COLUMNS, "")]
    ).slice(0, len(rows))


def labelled(table: Any, index: Any) -> Any:
    """Return `table` with names beside its actor codes and labels beside its CAMEO codes."""
    import pyarrow as pa

    from dyad.store.labels import actor_label, with_label

    for name in ("source", "target"):
        if name in table.column_names:
            named = [actor_label(index, code) for code in table.column(name).to_pylist()]
            table = table.set_column(table.column_names.index(name), name, pa.array(named))
    if "cameo" in table.column_names:
        named = [with_label(code) for code in table.column("cameo").to_pylist()]
        table = table.set_column(table.column_names.index("cameo"), "cameo", pa.array(named))
    return table


@click.command()
@db_option
@with_filters
@click.option(
    "--limit", type=click.IntRange(1), default=20, show_default=True, help="Dyads to print."
)
@click.option(
    "--sort",
    type=click.Choice(["events", "unique", "conflict_share", "goldstein"]),
    default="events",
    show_default=True,
    help="Rank by raw events, dedup events, conflict share or Goldstein sum.",
)
@format_option
def dyads(db: Path, limit: int, sort: str, output_format: str, **filters: Any) -> None:
    """Rank directed dyads by events, conflict share (QuadClass 3+4) or Goldstein sum."""
    from dyad.store import aggregate
    from dyad.store.database import open_store
    from dyad.store.labels import actor_index

    with open_store(db, read_only=True) as store:
        where = event_filter(filters, store)
        table = aggregate.dyads(store, where, limit=limit, sort=sort)
        if output_format == "table":
            table = labelled(table, actor_index(store))
    show(table, output_format)
    if output_format == "table":
        click.echo(counted_line(where))


@click.command()
@db_option
@with_filters
@click.option(
    "--period",
    type=click.Choice(["week", "month", "quarter"]),
    default="month",
    show_default=True,
    help="Period length; weeks are ISO weeks from Monday.",
)
@click.option(
    "--baseline",
    metavar="START[:END]",
    help="Compare with the mean per period over this range (2019-06:2019-08), "
    "not the previous period.",
)
@click.option(
    "--measure",
    type=click.Choice(["rate", "events"]),
    default="rate",
    show_default=True,
    help="Compare events per 100 documents coded in the period (rate), or raw counts.",
)
@click.option("--unique", is_flag=True, help="Count dedup events instead of raw events.")
@format_option
def trend(
    db: Path,
    period: str,
    baseline: str | None,
    measure: str,
    unique: bool,
    output_format: str,
    **filters: Any,
) -> None:
    """Events per period and the change, per 100 documents by default, with coverage."""
    from dyad.store import aggregate
    from dyad.store.database import open_store
    from dyad.store.trend import MEASURES

    chosen = measure
    if unique:
        chosen = "unique_rate" if measure == "rate" else "unique"
    with open_store(db, read_only=True) as store:
        where = event_filter(filters, store)
        try:
            table = aggregate.trend(store, where, period=period, baseline=baseline, measure=chosen)
        except QueryError as exc:
            raise click.BadParameter(str(exc), param_hint="--baseline") from exc
    show(table.drop_columns(["start"]), output_format)
    if output_format == "table":
        click.echo(
            f"Compared: {MEASURES[chosen]}. documents: all documents coded in the "
            f"period; 'no coverage' when none was, 'partial period' when the corpus starts or "
            f"ends inside it. No percentage when the comparison has < "
            f"{aggregate.MIN_BASELINE_EVENTS} events. Bands: |change| < "
            f"{aggregate.STABLE_CHANGE_PCT:g}% stable, >= {aggregate.LARGE_CHANGE_PCT:g}% large. "
            + counted_line(where)
        )


@click.command()
@db_option
@with_filters
@click.option(
    "--level",
    type=click.Choice(["actor", "country"]),
    default="actor",
    show_default=True,
    help="Nodes are actor codes, or countries (first three letters).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "graphml"]),
    default="table",
    show_default=True,
    help="A table, node-link JSON, or GraphML for Gephi and networkx.",
)
@click.option("--output", type=click.Path(path_type=Path), help="Write to this file.")
def network(db: Path, level: str, output_format: str, output: Path | None, **filters: Any) -> None:
    """The alignment network of a period: cooperation and conflict edges between actors."""
    from dyad.store import aggregate, export
    from dyad.store.database import open_store

    with open_store(db, read_only=True) as store:
        table = aggregate.network(store, event_filter(filters, store), level=level)
    if output_format == "table" and output is None:
        show(table, "table")
        if level == "country":
            click.echo("Edges within one country (AFG -> AFG) are kept as loops.")
        return
    data = (
        export.network_graphml(table)
        if output_format == "graphml"
        else json.dumps(export.network_json(table), indent=2).encode()
    )
    if output is None:
        click.echo(data.decode())
    else:
        output.write_bytes(data)
        click.echo(f"{table.num_rows:,} edges written to {output}")


@click.command()
@click.argument("output", type=click.Path(path_type=Path))
@db_option
@with_filters
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["parquet", "csv", "jsonl"]),
    default=None,
    help="Parquet or JSON Lines (event contract shape) or GDELT-like CSV; "
    "default from OUTPUT's suffix.",
)
def export(output: Path, db: Path, output_format: str | None, **filters: Any) -> None:
    """Write the matching events (default: every factuality) to Parquet, CSV or JSON Lines."""
    from dyad.store import export as exporting
    from dyad.store.database import open_store

    chosen = output_format or output.suffix.lstrip(".").lower()
    if chosen not in exporting.FORMATS:
        raise click.UsageError(f"cannot tell the format of {output}; pass --format")
    with open_store(db, read_only=True) as store:
        where = event_filter(filters, store, everything=True)
        written = exporting.export_events(store, output, chosen, where)
    click.echo(f"{written:,} events written to {output} ({chosen})")
