"""Commands that look one thing up: `dyad codes` (CAMEO and actor codes) and `dyad show ID`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from dyad.cli.common import db_option, format_option, show


@click.command()
@click.argument("query", required=False)
@click.option(
    "--actors",
    is_flag=True,
    help="List the actor codes stored in --db (with their names) instead of CAMEO codes.",
)
@db_option
@format_option
def codes(query: str | None, actors: bool, db: Path, output_format: str) -> None:
    """List CAMEO event codes with their labels, or stored actor codes with their names.

    QUERY is a code prefix (19), or words of a label or name (military force, Taliban).
    """
    import pyarrow as pa

    from dyad.store.labels import actor_index, cameo_codes

    if actors:
        from dyad.store.database import open_store

        with open_store(db, read_only=True) as store:
            rows = actor_index(store).rows(query)
    else:
        rows = cameo_codes(query)
    if not rows:
        raise click.BadParameter(f"no code matches {query!r}", param_hint="QUERY")
    show(pa.Table.from_pylist(rows), output_format)


@click.command(name="show")
@click.argument("event_id")
@db_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Lines for people, or one JSON object.",
)
def show_event(event_id: str, db: Path, output_format: str) -> None:
    """Print one event (EVENT_ID or a unique start of it) with its sentence, document and rule."""
    from dyad.errors import QueryError
    from dyad.store.browse import event_detail
    from dyad.store.database import open_store
    from dyad.store.labels import actor_index, actor_label, with_label

    with open_store(db, read_only=True) as store:
        try:
            event = event_detail(store, event_id)
        except QueryError as exc:
            raise click.BadParameter(str(exc), param_hint="EVENT_ID") from exc
        index = actor_index(store)
    if event is None:
        raise click.BadParameter(f"no event {event_id!r} in {db}", param_hint="EVENT_ID")
    if output_format == "json":
        click.echo(json.dumps(event, ensure_ascii=False, default=str, indent=2))
        return
    click.echo(_lines(event, lambda code: actor_label(index, code), with_label))


def _lines(event: dict[str, Any], actor: Any, cameo: Any) -> str:
    document = event["doc_title"] or event["doc_id"]
    where = (
        event["doc_url"]
        or f"{event['doc_path']}{':' + str(event['doc_line']) if event['doc_line'] else ''}"
    )
    target = actor(event["target"])
    fields = [
        ("event", event["event_id"]),
        ("source", f"{actor(event['source'])}  ({event['source_text']})"),
        ("target", f"{target}  ({event['target_text']})" if event["target"] else "-"),
        (
            "code",
            f"{cameo(event['cameo'])} (QuadClass {event['quad_class']}, Goldstein "
            f"{event['goldstein']:+.1f})",
        ),
        ("date", f"{event['date'] or 'unknown'} ({event['date_precision']})"),
        ("place", event["place"] or "-"),
        (
            "factuality",
            event["factuality"]
            + (f" (attributed to {event['attributed_to']})" if event["attributed_to"] else ""),
        ),
        ("rule", event["rule"]),
        (
            "reports",
            f"{event['cluster_documents']} documents, {event['cluster_mentions']} "
            "mentions in its dedup cluster",
        ),
        ("document", f"{document} ({event['doc_date'] or 'undated'}; {where})"),
        ("doc_id", event["doc_id"]),
        ("sentence", event["sentence"]),
    ]
    return "\n".join(f"{name:>10}  {value}" for name, value in fields)
