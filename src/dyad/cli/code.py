"""`dyad code`, `dyad ingest` and `dyad stages`: read documents and code their events."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dyad.cli.common import (
    EXIT_REJECTED,
    coding_progress,
    config_from_options,
    date_option,
    db_option,
    echo_rejection,
    engine_options,
    events_table,
    perspective_option,
    with_config,
)
from dyad.config import Config
from dyad.records import Event, Rejection

if TYPE_CHECKING:
    from dyad.engines import PartitionResult
    from dyad.store.ingest import IngestSummary


def code_paths(
    paths: Sequence[Path],
    config: Config,
    *,
    date: str | None = None,
    perspective: str | None = None,
    dictionaries: Sequence[Path] = (),
    progress: bool = True,
) -> tuple[list[Event], list[Rejection]]:
    """Read and code `paths`; return every event and every rejection or warning.

    Problems in the `dictionaries` and each rejection are printed on stderr; `progress`
    draws a progress bar when stderr is a terminal.
    """
    from dyad.coder.pipeline import Resources
    from dyad.store import ingest

    resources = Resources.load(config, extra_files=dictionaries)
    for problem in resources.problems:
        if any(str(problem.path).endswith(p.name) for p in dictionaries):
            click.echo(f"dyad: dictionary: {problem}", err=True)
    with coding_progress(progress) as on_document:
        return ingest.code_paths(
            paths,
            resources,
            date=date,
            perspective=perspective,
            on_rejection=echo_rejection,
            on_document=on_document,
        )


def ingest_paths(
    paths: Sequence[Path],
    db: Path,
    config: Config,
    *,
    date: str | None = None,
    perspective: str | None = None,
    batch_documents: int | None = None,
    keep: list[Event] | None = None,
) -> IngestSummary:
    """Run `ingest.ingest_paths`, printing rejections above a progress bar on stderr."""
    from dyad.cli.progress import count_documents, ingest_progress
    from dyad.store import ingest

    with ingest_progress(count_documents(paths)) as (report, warn):
        return ingest.ingest_paths(
            paths,
            db,
            config,
            date=date,
            perspective=perspective,
            batch_documents=batch_documents,
            keep=keep,
            on_rejection=warn,
            on_batch=report,
        )


def _code_to_parquet(
    paths: Sequence[Path],
    output: Path,
    config: Config,
    engine: str,
    workers: int,
    *,
    date: str | None = None,
    perspective: str | None = None,
) -> PartitionResult:
    """Code `paths` into Parquet partitions under `output`; print a one-line summary."""
    from dyad.engines import code_to_parquet
    from dyad.run import RunDefaults

    result = code_to_parquet(
        paths,
        output,
        config,
        engine="ray" if engine == "ray" else "local",
        workers=workers,
        defaults=RunDefaults(date, perspective),
    )
    click.echo(
        f"{result.partitions:,} partitions coded, {result.skipped:,} already complete; "
        f"{result.documents:,} documents, {result.events:,} events, "
        f"{result.rejections:,} rejections; Parquet in {output}",
        err=True,
    )
    return result


def _load_parquet(db: Path, folder: Path) -> str:
    """Add the Parquet partitions under `folder` to the store; return a summary line."""
    from dyad.engines import load_parquet
    from dyad.store.database import open_store

    if not (folder / "events").is_dir():
        raise click.UsageError(f"{folder}: no events/ partitions (written by dyad code --output)")
    with open_store(db) as store:
        counts = load_parquet(store, folder)
    return (
        f"{counts.documents:,} documents, {counts.events:,} new events, "
        f"{counts.rejections:,} new rejections loaded from {folder}; store {db}"
    )


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    help="JSON Lines for programs (default) or a table for people.",
)
@date_option
@perspective_option
@click.option(
    "--dictionary",
    "dictionaries",
    multiple=True,
    type=click.Path(path_type=Path),
    help="An extra actor or agent dictionary file (PETRARCH format); repeatable.",
)
@click.option(
    "--min-confidence",
    "min_confidence",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Drop events less likely than P to be right (default: coder.min_confidence).",
)
@engine_options
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Write Parquet partitions (events/, documents/, rejections/) to this folder.",
)
@with_config
def code(
    paths: tuple[Path, ...],
    output_format: str,
    date: str | None,
    perspective: str | None,
    dictionaries: tuple[Path, ...],
    min_confidence: float | None,
    engine: str,
    workers: int,
    output: Path | None,
    config_path: Path | None,
    settings: tuple[str, ...],
) -> None:
    """Code documents (.txt, .html, .jsonl, directories) and print their events."""
    if min_confidence is not None:
        settings = (*settings, f"coder.min_confidence={min_confidence}")
    config = config_from_options(config_path, settings)
    if output is not None or engine != "local":
        if output is None:
            raise click.UsageError("--engine ray writes Parquet partitions: give --output DIR")
        if dictionaries:
            raise click.UsageError("--dictionary needs the default run")
        result = _code_to_parquet(
            paths, output, config, engine, workers, date=date, perspective=perspective
        )
        sys.exit(EXIT_REJECTED if result.rejections else 0)
    events, rejections = code_paths(
        paths, config, date=date, perspective=perspective, dictionaries=dictionaries
    )
    if output_format == "table":
        click.echo(events_table(events))
    else:
        for event in events:
            click.echo(json.dumps(event.to_dict(), ensure_ascii=False))
    if any(not r.stage.endswith("warning") for r in rejections):
        sys.exit(EXIT_REJECTED)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@db_option
@date_option
@perspective_option
@click.option("--batch-size", type=click.IntRange(1), default=None, help="Documents per commit.")
@engine_options
@click.option(
    "--from-parquet",
    "from_parquet",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Load Parquet partitions written by `dyad code --output` instead of coding.",
)
@with_config
def ingest(
    paths: tuple[Path, ...],
    db: Path,
    date: str | None,
    perspective: str | None,
    batch_size: int | None,
    engine: str,
    workers: int,
    from_parquet: Path | None,
    config_path: Path | None,
    settings: tuple[str, ...],
) -> None:
    """Code documents and add them to the store; safe to re-run, resumes after a crash."""
    config = config_from_options(config_path, settings)
    if from_parquet is None and not paths:
        raise click.UsageError("give PATHS to code, or --from-parquet DIR")
    if from_parquet is not None or engine != "local" or workers > 1:
        if from_parquet is not None and (date or perspective):
            raise click.UsageError("--date and --perspective apply when coding, not loading")
        folder = from_parquet or db.with_name(db.name + ".parts")
        if paths:
            _code_to_parquet(
                paths, folder, config, engine, workers, date=date, perspective=perspective
            )
        click.echo(_load_parquet(db, folder))
        return
    summary = ingest_paths(
        paths, db, config, date=date, perspective=perspective, batch_documents=batch_size
    )
    click.echo(summary.line())
    if summary.counts.rejected:
        sys.exit(EXIT_REJECTED)


@click.command()
def stages() -> None:
    """Print the pipeline's stages with what each reads and adds."""
    from dyad.coder.pipeline import STAGES

    for stage in STAGES:
        reads = ", ".join(stage.requires) or "-"
        adds = ", ".join(stage.provides) or "-"
        click.echo(f"{stage.name:<11} {stage.entry:<38} reads {reads:<34} adds {adds}")
