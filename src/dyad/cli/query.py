"""Commands that read the store: rejections, events, dyads, trend, network and export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from dyad.cli.common import db_option, event_filter, format_option, show, with_filters

EVENT_TABLE_COLUMNS = [
    "date",
    "source",
    "target",
    "cameo",
    "quad_class",
    "goldstein",
    "factuality",
    "place",
    "cluster_documents",
    "cluster_mentions",
    "sentence",
]


@click.command()
@db_option
@format_option
def rejections(db: Path, output_format: str) -> None:
    """List every input the store recorded as rejected (file, line, stage, reason)."""
    from dyad.store.database import open_store

    with open_store(db, read_only=True) as store:
        table = store.rejections()
    show(table, output_format, width=120)


@click.command(name="events")
@db_option
@with_filters
@click.option("--limit", default=50, show_default=True, help="How many rows to print.")
@click.option("--dedup", is_flag=True, help="One row per dedup cluster, with its counts.")
@format_option
def events_command(db: Path, limit: int, dedup: bool, output_format: str, **filters: Any) -> None:
    """List stored events matching the filters, newest first, with raw and dedup counts."""
    from dyad.store import aggregate
    from dyad.store.database import open_store

    where = event_filter(filters)
    with open_store(db, read_only=True) as store:
        view = aggregate.clusters if dedup else aggregate.events
        table = view(store, where, limit=limit)
        totals = aggregate.totals(store, where)
    if output_format == "table" and not dedup:
        table = table.select(EVENT_TABLE_COLUMNS)
    show(table, output_format)
    if output_format == "table":
        click.echo(
            f"{totals['events']:,} events match ({totals['unique_events']:,} after dedup, "
            f"{totals['documents']:,} documents); {table.num_rows:,} shown"
        )


@click.command()
@db_option
@with_filters
@click.option("--limit", default=20, show_default=True, help="How many dyads to print.")
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

    with open_store(db, read_only=True) as store:
        table = aggregate.dyads(store, event_filter(filters), limit=limit, sort=sort)
    show(table, output_format)


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
@click.option("--unique", is_flag=True, help="Compare dedup events instead of raw events.")
@format_option
def trend(
    db: Path,
    period: str,
    baseline: str | None,
    unique: bool,
    output_format: str,
    **filters: Any,
) -> None:
    """Counts and Goldstein per period with the change, the denominator and a band."""
    from dyad.store import aggregate
    from dyad.store.database import open_store

    with open_store(db, read_only=True) as store:
        table = aggregate.trend(
            store,
            event_filter(filters),
            period=period,
            baseline=baseline,
            measure="unique" if unique else "events",
        )
    show(table.drop_columns(["start"]), output_format)
    if output_format == "table":
        click.echo(
            f"documents: all documents coded in the period. No percentage when the comparison "
            f"has < {aggregate.MIN_BASELINE_EVENTS} events. Bands: |change| < "
            f"{aggregate.STABLE_CHANGE_PCT:g}% stable, >= {aggregate.LARGE_CHANGE_PCT:g}% large."
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
        table = aggregate.network(store, event_filter(filters), level=level)
    if output_format == "table" and output is None:
        show(table, "table")
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
        written = exporting.export_events(
            store, output, chosen, event_filter(filters, everything=True)
        )
    click.echo(f"{written:,} events written to {output} ({chosen})")
