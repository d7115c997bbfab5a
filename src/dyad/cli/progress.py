"""Progress on stderr while `dyad ingest` runs: a bar with total, rate and ETA on a terminal.

The total is known before coding when it is cheap to know (`count_documents`: the lines of
JSON Lines files and the number of other files); without it the bar counts up. Warnings
and rejections print above the bar, never into it; off a terminal, one line per commit.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from dyad.records import Rejection

if TYPE_CHECKING:
    from dyad.store.database import IngestCounts

# Counting the documents first reads every byte once more; past this size it is not worth it.
MAX_COUNTED_BYTES = 2_000_000_000


def count_documents(paths: Iterable[Path]) -> int | None:
    """Return how many documents `paths` hold (before any is rejected), None when unknown."""
    from dyad.coder.read import JSONL_SUFFIXES
    from dyad.engines.partitions import input_files

    total = 0
    size = 0
    try:
        for path in input_files(paths):
            if path.suffix.lower() not in JSONL_SUFFIXES:
                total += 1
                continue
            size += path.stat().st_size
            if size > MAX_COUNTED_BYTES:
                return None
            with path.open("rb") as lines:
                total += sum(1 for line in lines if line.strip())
    except OSError:
        return None
    return total


@contextmanager
def ingest_progress(
    total: int | None, console: Any = None
) -> Iterator[tuple[Callable[[IngestCounts, int], None], Callable[[Rejection], None]]]:
    """Yield (per-commit callback, per-rejection callback) for one ingest run.

    Args:
        total: Documents to read, when known; the bar then shows the share done and an ETA.
        console: A rich Console to draw on (tests); default stderr when it is a terminal.
    """
    warn = _rejection_line
    if console is None and not sys.stderr.isatty():
        yield (
            lambda counts, seen: click.echo(
                f"dyad: ingest: {seen:,} documents committed, {counts.events:,} new events",
                err=True,
            ),
            lambda rejection: click.echo(warn(rejection), err=True),
        )
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    shown = console or Console(stderr=True)
    columns: list[Any] = [SpinnerColumn(), TextColumn("{task.description}")]
    if total:
        columns += [BarColumn(), MofNCompleteColumn(), TextColumn("documents")]
    columns += [
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    ]
    if total:
        columns += [TextColumn("ETA"), TimeRemainingColumn()]
    with Progress(*columns, console=shown, transient=console is None) as bar:
        task = bar.add_task("ingesting", total=total or None, rate="")

        def report(counts: IngestCounts, seen: int) -> None:
            speed = bar.tasks[0].speed
            rate = f"{speed:,.1f} documents/s" if speed else ""
            description = f"{counts.events:,} new events"
            bar.update(task, completed=seen, description=description, rate=rate)

        yield report, lambda rejection: bar.console.print(warn(rejection), markup=False)


def _rejection_line(rejection: Rejection) -> str:
    label = "warning" if rejection.stage.endswith("warning") else "rejected"
    return f"dyad: {label}: {rejection.message()}"
