"""`dyad demo`: ingest the bundled sample corpus and show what the store answers."""

from __future__ import annotations

from pathlib import Path

import click

from dyad.cli.code import ingest_paths
from dyad.cli.common import config_from_options, db_option, events_table, show, with_config
from dyad.records import Event

SAMPLE_CORPUS = Path(__file__).parents[1] / "data" / "sample" / "sample.jsonl"


@click.command()
@click.option("--limit", default=12, show_default=True, help="How many events to print.")
@db_option
@with_config
def demo(limit: int, db: Path, config_path: Path | None, settings: tuple[str, ...]) -> None:
    """Ingest the bundled sample corpus into the store; print events, top dyads, a trend."""
    from dyad.store import aggregate
    from dyad.store.database import open_store

    config = config_from_options(config_path, settings)
    events: list[Event] = []
    summary = ingest_paths([SAMPLE_CORPUS], db, config, keep=events)
    click.echo(f"Ingested {SAMPLE_CORPUS.name}: {summary.line()}")
    click.echo(events_table(events[:limit]))
    with open_store(db, read_only=True) as store:
        top = aggregate.dyads(store, aggregate.EventFilter(), limit=10)
        last = max((e.date.value for e in events if e.date.value), default=None)
        since = f"{int(last[:4]) - 1}" if last else None
        change = aggregate.trend(store, aggregate.EventFilter(since=since), period="quarter")
    click.echo("Most frequent dyads (dyad dyads)")
    show(top, "table")
    click.echo(f"Events per quarter since {since} (dyad trend --period quarter --since {since})")
    show(change.drop_columns(["start"]), "table")
