"""The `dyad` command line: thin commands over the library.

Each command parses its options, calls one library function and formats the result.
Input errors are printed as one line each (file, line, reason) and never as a
traceback; the exit code is 3 when any input was rejected.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from dyad import __version__
from dyad.config import Config, load_config
from dyad.errors import ConfigError, DyadError
from dyad.records import Document, Event, Rejection

if TYPE_CHECKING:
    import pyarrow as pa

    from dyad.aggregate import EventFilter
    from dyad.store import IngestCounts

EXIT_REJECTED = 3
SAMPLE_CORPUS = Path(__file__).parent / "data" / "sample" / "sample.jsonl"


def _config(config_path: Path | None, settings: Sequence[str]) -> Config:
    problems: list[ConfigError] = []  # malformed lines of the file: reported, the rest loads
    try:
        config = load_config(config_path, settings, problems=problems)
    except DyadError as exc:
        raise click.UsageError(str(exc)) from exc
    for problem in problems:
        click.echo(f"dyad: config: {problem}", err=True)
    return config


config_options = [
    click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path),
        default=None,
        help="A TOML file of settings (defaults: dyad/data/default_config.toml).",
    ),
    click.option(
        "--set",
        "settings",
        multiple=True,
        metavar="SECTION.KEY=VALUE",
        help="Override one setting, e.g. --set input.max_document_chars=5000000.",
    ),
]


def with_config(function: Any) -> Any:
    for option in reversed(config_options):
        function = option(function)
    return function


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyad")
def cli() -> None:
    """dyad: who did what to whom, when, where, and how sure the text is."""


def _documents(
    paths: Sequence[Path],
    config: Config,
    rejections: list[Rejection],
    date: str | None,
    perspective: str | None,
) -> Iterator[Document]:
    from dataclasses import replace

    from dyad.read import read_documents
    from dyad.structure import structure_warnings

    for item in read_documents(paths, config):
        if isinstance(item, Rejection):
            rejections.append(item)
            label = "warning" if item.stage.endswith("warning") else "rejected"
            click.echo(f"dyad: {label}: {item.message()}", err=True)
            continue
        changes: dict[str, Any] = {}
        if item.date is None and date is not None:
            changes["date"] = date
        if item.perspective is None and perspective is not None:
            changes["perspective"] = perspective
        document = replace(item, **changes) if changes else item
        for warning in structure_warnings(document):  # a comment thread with no readable stamp
            rejections.append(warning)
            click.echo(f"dyad: warning: {warning.message()}", err=True)
        yield document


def engine_options(function: Any) -> Any:
    """Add --engine and --workers (engines.code_to_parquet) to a command."""
    function = click.option(
        "--workers",
        type=click.IntRange(1),
        default=1,
        show_default=True,
        help="Worker processes (local) or actors (ray).",
    )(function)
    return click.option(
        "--engine",
        type=click.Choice(["local", "ray"]),
        default="local",
        show_default=True,
        help="Where to code: this machine, or Ray (RAY_ADDRESS picks a cluster).",
    )(function)


def _code_to_parquet(
    paths: Sequence[Path], output: Path, config: Config, engine: str, workers: int
) -> Any:
    """Code `paths` into Parquet partitions under `output`; print a one-line summary."""
    from dyad.engines import code_to_parquet

    result = code_to_parquet(
        paths, output, config, engine="ray" if engine == "ray" else "local", workers=workers
    )
    click.echo(
        f"{result.partitions:,} partitions coded, {result.skipped:,} already complete; "
        f"{result.documents:,} documents, {result.events:,} events, "
        f"{result.rejections:,} rejections; Parquet in {output}",
        err=True,
    )
    return result


def code_paths(
    paths: Sequence[Path],
    config: Config,
    *,
    date: str | None = None,
    perspective: str | None = None,
    dictionaries: Sequence[Path] = (),
    progress: bool = True,
) -> tuple[list[Event], list[Rejection]]:
    """Read and code `paths`; return every event and every rejection or warning."""
    from dyad.pipeline import Resources, code_documents

    resources = Resources.load(config, extra_files=dictionaries)
    for problem in resources.problems:
        if any(str(problem.path).endswith(p.name) for p in dictionaries):
            click.echo(f"dyad: dictionary: {problem}", err=True)
    rejections: list[Rejection] = []
    found: list[Event] = []
    documents = _documents(paths, config, rejections, date, perspective)
    coded = code_documents(documents, resources)
    if progress and sys.stderr.isatty():
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
        with Progress(*columns, transient=True) as bar:
            task = bar.add_task("coding", total=None)
            for number, (_document, events) in enumerate(coded, start=1):
                found.extend(events)
                bar.update(task, description=f"coded {number:,} documents", advance=1)
    else:
        for _document, events in coded:
            found.extend(events)
    return found, rejections


def _table(events: Sequence[Event]) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        "source",
        "target",
        "cameo",
        "quad",
        "goldstein",
        "date",
        "factuality",
        "sentence",
        show_lines=False,
    )
    for event in events:
        table.add_row(
            event.source.code,
            event.target.code if event.target else "-",
            event.cameo,
            str(event.quad_class),
            f"{event.goldstein:+.1f}",
            event.date.value or "-",
            event.factuality,
            event.sentence[:90],
        )
    console = Console(width=200, file=io.StringIO())
    console.print(table)
    output = console.file
    assert isinstance(output, io.StringIO)
    return output.getvalue()


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    help="JSON Lines for programs (default) or a table for people.",
)
@click.option("--date", default=None, help="Reference date YYYY-MM-DD for undated documents.")
@click.option("--perspective", default=None, help="Country code the authors write from (USA).")
@click.option(
    "--dictionary",
    "dictionaries",
    multiple=True,
    type=click.Path(path_type=Path),
    help="An extra actor or agent dictionary file (PETRARCH format); repeatable.",
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
    engine: str,
    workers: int,
    output: Path | None,
    config_path: Path | None,
    settings: tuple[str, ...],
) -> None:
    """Code documents (.txt, .html, .jsonl, directories) and print their events."""
    config = _config(config_path, settings)
    if output is not None or engine != "local":
        if output is None:
            raise click.UsageError("--engine ray writes Parquet partitions: give --output DIR")
        if date or perspective or dictionaries:
            raise click.UsageError("--date, --perspective and --dictionary need the default run")
        result = _code_to_parquet(paths, output, config, engine, workers)
        sys.exit(EXIT_REJECTED if result.rejections else 0)
    events, rejections = code_paths(
        paths, config, date=date, perspective=perspective, dictionaries=dictionaries
    )
    if output_format == "table":
        click.echo(_table(events))
    else:
        for event in events:
            click.echo(json.dumps(event.to_dict(), ensure_ascii=False))
    if any(not r.stage.endswith("warning") for r in rejections):
        sys.exit(EXIT_REJECTED)


@cli.command(name="eval")
@click.argument("suites", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object keyed by suite.")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="The shared data folder (default: $DYAD_SHARED_DATA or ../shared/data).",
)
@click.option("--show-errors", is_flag=True, help="List the records with misses.")
@click.option("--no-prefilter", is_flag=True, help="Parse every sentence (to check recall).")
@with_config
def eval_command(
    suites: tuple[str, ...],
    as_json: bool,
    data_dir: Path | None,
    show_errors: bool,
    no_prefilter: bool,
    config_path: Path | None,
    settings: tuple[str, ...],
) -> None:
    """Score the coder on the public validation suites and print the figures."""
    from dyad import evaluate as evaluation
    from dyad import evaluate_isaf as isaf_suite
    from dyad.scoring import make_code_batch

    config = _config(config_path, settings)
    if "factuality" in suites:  # the modality stage on hand-labelled sentences (issue 3)
        from dyad import evaluate_factuality as factuality

        figures = factuality.evaluate_factuality()
        result = json.dumps(figures.to_json(), indent=2) if as_json else None
        click.echo(result or factuality.format_factuality(figures, show_errors))
        suites = tuple(name for name in suites if name != "factuality")
        if not suites:
            return
    folder = data_dir or evaluation.default_data_dir()
    names = list(suites) or [*evaluation.SUITES, isaf_suite.SUITE]
    isaf = None
    if isaf_suite.SUITE in names:  # scores dates and places, not events: its own module
        from dyad.pipeline import Resources

        names.remove(isaf_suite.SUITE)
        isaf = isaf_suite.evaluate_isaf(folder, Resources.load(config))
    scores = evaluation.evaluate(
        names, make_code_batch(config, folder, prefilter=not no_prefilter), folder
    )
    if as_json:
        payload = evaluation.scores_to_json(scores)
        if isaf is not None:
            payload[isaf_suite.SUITE] = isaf.to_json()
        click.echo(json.dumps(payload, indent=2))
        return
    if scores:
        click.echo(evaluation.format_scores(scores))
    if show_errors:
        for score in scores:
            click.echo(evaluation.format_errors(score))
    if isaf is not None:
        click.echo(isaf_suite.format_isaf(isaf, show_errors=show_errors))


@cli.command()
def stages() -> None:
    """Print the pipeline's stages with what each reads and adds."""
    from dyad.pipeline import STAGES

    for stage in STAGES:
        reads = ", ".join(stage.requires) or "-"
        adds = ", ".join(stage.provides) or "-"
        click.echo(f"{stage.name:<10} {stage.function:<36} reads {reads:<34} adds {adds}")


DEFAULT_DB = Path("dyad.duckdb")
db_option = click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="The store: one DuckDB file.",
)
filter_options = [
    click.option("--actor", help="Source or target actor code; a prefix (IRQ matches IRQGOV)."),
    click.option("--dyad", metavar="SOURCE-TARGET", help="Directed dyad, e.g. IRQGOV-IRNGOV."),
    click.option("--code", help="CAMEO code or root, sub-codes included (19, 042)."),
    click.option("--quad", type=click.IntRange(0, 4), multiple=True, help="QuadClass; repeatable."),
    click.option(
        "--factuality",
        multiple=True,
        help="asserted, reported, speculative, hypothetical, negated, question or all; "
        "repeatable (default: all but hypothetical and question).",
    ),
    click.option("--since", help="First day: YYYY, YYYY-MM or YYYY-MM-DD."),
    click.option("--until", help="Last day, inclusive: YYYY, YYYY-MM or YYYY-MM-DD."),
    click.option("--place", help="Place name or ISO3 country of the event."),
    click.option("--doc", help="Only this document id."),
]
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
format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="A table for people, JSON Lines or CSV for programs.",
)


def with_filters(function: Any) -> Any:
    for option in reversed(filter_options):
        function = option(function)
    return function


def _filter(options: dict[str, Any], *, everything: bool = False) -> EventFilter:
    from dyad.aggregate import ALL_FACTUALITY, EventFilter, factuality_choice

    chosen = options["factuality"] or (("all",) if everything else ())
    return EventFilter(
        actor=options["actor"],
        dyad=options["dyad"],
        code=options["code"],
        quad_classes=tuple(options["quad"]),
        factuality=ALL_FACTUALITY if "all" in chosen else factuality_choice(chosen),
        since=options["since"],
        until=options["until"],
        place=options["place"],
        document=options["doc"],
    )


def _show(table: pa.Table, output_format: str, *, width: int = 90) -> None:
    """Print an Arrow table as a rich table, JSON Lines or CSV."""
    if output_format == "jsonl":
        for row in table.to_pylist():
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    if output_format == "csv":
        import pyarrow.csv as pa_csv

        buffer = io.BytesIO()
        pa_csv.write_csv(table, buffer)
        click.echo(buffer.getvalue().decode(), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    shown = Table()
    for name in table.column_names:
        shown.add_column(name, no_wrap=True, overflow="ellipsis", max_width=width)
    for row in table.to_pylist():
        shown.add_row(*("-" if v is None else str(v) for v in row.values()))
    console = Console(width=220, file=io.StringIO())
    console.print(shown)
    output = console.file
    assert isinstance(output, io.StringIO)
    click.echo(output.getvalue(), nl=False)


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one `dyad ingest` run did: rows newly written and documents skipped."""

    db: Path
    counts: IngestCounts
    skipped: int

    def line(self) -> str:
        c = self.counts
        return (
            f"{c.documents:,} documents coded, {self.skipped:,} already stored; "
            f"{c.events:,} new events; {c.rejected:,} rejected; store {self.db}"
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
    """Read, code and store `paths`, skipping documents already stored; one commit per batch."""
    from dyad.pipeline import Resources, code_documents
    from dyad.store import INGEST_BATCH_DOCUMENTS, open_store

    with open_store(db) as store:
        stored = store.document_ids()
        rejections: list[Rejection] = []
        skipped: list[str] = []
        documents = _documents(paths, config, rejections, date, perspective)

        def fresh() -> Iterator[Document]:
            for document in documents:
                if document.doc_id in stored:
                    skipped.append(document.doc_id)
                else:
                    yield document

        def kept(coded: Iterable[tuple[Document, list[Event]]]) -> Iterator[Any]:
            for document, found in coded:
                if keep is not None:
                    keep.extend(found)
                yield document, found

        coded = kept(code_documents(fresh(), Resources.load(config)))
        with _ingest_progress() as report:
            counts = store.ingest_coded(
                coded,
                rejections,
                batch_documents=batch_documents or INGEST_BATCH_DOCUMENTS,
                on_batch=report,
            )
    return IngestSummary(db, counts, len(skipped))


@contextmanager
def _ingest_progress() -> Iterator[Callable[[IngestCounts, int], None]]:
    """Yield a per-commit callback: a progress bar on a terminal, else one line per batch."""
    if not sys.stderr.isatty():
        yield lambda counts, seen: click.echo(
            f"dyad: ingest: {seen:,} documents committed, {counts.events:,} new events", err=True
        )
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)
        yield lambda counts, seen: bar.update(
            task, description=f"stored {seen:,} documents, {counts.events:,} new events"
        )


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@db_option
@click.option("--date", default=None, help="Reference date YYYY-MM-DD for undated documents.")
@click.option("--perspective", default=None, help="Country code the authors write from (USA).")
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
    config = _config(config_path, settings)
    if from_parquet is None and not paths:
        raise click.UsageError("give PATHS to code, or --from-parquet DIR")
    if from_parquet is not None or engine != "local" or workers > 1:
        if date or perspective:
            raise click.UsageError("--date and --perspective need the default run")
        folder = from_parquet or db.with_name(db.name + ".parts")
        if paths:
            _code_to_parquet(paths, folder, config, engine, workers)
        click.echo(_load_parquet(db, folder))
        return
    summary = ingest_paths(
        paths, db, config, date=date, perspective=perspective, batch_documents=batch_size
    )
    click.echo(summary.line())
    if summary.counts.rejected:
        sys.exit(EXIT_REJECTED)


def _load_parquet(db: Path, folder: Path) -> str:
    """Add the Parquet partitions under `folder` to the store; return a summary line."""
    from dyad.engines import load_parquet
    from dyad.store import open_store

    if not (folder / "events").is_dir():
        raise click.UsageError(f"{folder}: no events/ partitions (written by dyad code --output)")
    with open_store(db) as store:
        counts = load_parquet(store, folder)
    return (
        f"{counts.documents:,} documents, {counts.events:,} new events, "
        f"{counts.rejections:,} new rejections loaded from {folder}; store {db}"
    )


@cli.command()
@db_option
@format_option
def rejections(db: Path, output_format: str) -> None:
    """List every input the store recorded as rejected (file, line, stage, reason)."""
    from dyad.store import open_store

    with open_store(db, read_only=True) as store:
        table = store.rejections()
    _show(table, output_format, width=120)


@cli.command(name="events")
@db_option
@with_filters
@click.option("--limit", default=50, show_default=True, help="How many rows to print.")
@click.option("--dedup", is_flag=True, help="One row per dedup cluster, with its counts.")
@format_option
def events_command(db: Path, limit: int, dedup: bool, output_format: str, **filters: Any) -> None:
    """List stored events matching the filters, newest first, with raw and dedup counts."""
    from dyad import aggregate
    from dyad.store import open_store

    where = _filter(filters)
    with open_store(db, read_only=True) as store:
        view = aggregate.clusters if dedup else aggregate.events
        table = view(store, where, limit=limit)
        totals = aggregate.totals(store, where)
    if output_format == "table" and not dedup:
        table = table.select(EVENT_TABLE_COLUMNS)
    _show(table, output_format)
    if output_format == "table":
        click.echo(
            f"{totals['events']:,} events match ({totals['unique_events']:,} after dedup, "
            f"{totals['documents']:,} documents); {table.num_rows:,} shown"
        )


@cli.command()
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
    from dyad import aggregate
    from dyad.store import open_store

    with open_store(db, read_only=True) as store:
        table = aggregate.dyads(store, _filter(filters), limit=limit, sort=sort)
    _show(table, output_format)


@cli.command()
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
    from dyad import aggregate
    from dyad.store import open_store

    with open_store(db, read_only=True) as store:
        table = aggregate.trend(
            store,
            _filter(filters),
            period=period,
            baseline=baseline,
            measure="unique" if unique else "events",
        )
    _show(table.drop_columns(["start"]), output_format)
    if output_format == "table":
        click.echo(
            f"documents: all documents coded in the period. No percentage when the comparison "
            f"has < {aggregate.MIN_BASELINE_EVENTS} events. Bands: |change| < "
            f"{aggregate.STABLE_CHANGE_PCT:g}% stable, >= {aggregate.LARGE_CHANGE_PCT:g}% large."
        )


@cli.command()
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
    from dyad import aggregate, export
    from dyad.store import open_store

    with open_store(db, read_only=True) as store:
        table = aggregate.network(store, _filter(filters), level=level)
    if output_format == "table" and output is None:
        _show(table, "table")
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


@cli.command()
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
    from dyad import export as exporting
    from dyad.store import open_store

    chosen = output_format or output.suffix.lstrip(".").lower()
    if chosen not in exporting.FORMATS:
        raise click.UsageError(f"cannot tell the format of {output}; pass --format")
    with open_store(db, read_only=True) as store:
        written = exporting.export_events(store, output, chosen, _filter(filters, everything=True))
    click.echo(f"{written:,} events written to {output} ({chosen})")


@cli.command()
@click.option("--limit", default=12, show_default=True, help="How many events to print.")
@db_option
@with_config
def demo(limit: int, db: Path, config_path: Path | None, settings: tuple[str, ...]) -> None:
    """Ingest the bundled sample corpus into the store; print events, top dyads, a trend."""
    from dyad import aggregate
    from dyad.store import open_store

    config = _config(config_path, settings)
    events: list[Event] = []
    summary = ingest_paths([SAMPLE_CORPUS], db, config, keep=events)
    click.echo(f"Ingested {SAMPLE_CORPUS.name}: {summary.line()}")
    click.echo(_table(events[:limit]))
    with open_store(db, read_only=True) as store:
        top = aggregate.dyads(store, aggregate.EventFilter(), limit=10)
        last = max((e.date.value for e in events if e.date.value), default=None)
        since = f"{int(last[:4]) - 1}" if last else None
        change = aggregate.trend(store, aggregate.EventFilter(since=since), period="quarter")
    click.echo("Most frequent dyads (dyad dyads)")
    _show(top, "table")
    click.echo(f"Events per quarter since {since} (dyad trend --period quarter --since {since})")
    _show(change.drop_columns(["start"]), "table")


@cli.command()
@db_option
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--public", is_flag=True, help="Allow a --host beyond loopback (no auth!).")
@click.option("--cors", multiple=True, metavar="ORIGIN", help="Let pages at ORIGIN call the API.")
@click.option("--get", "get_path", metavar="/api/...", help="Print one response and exit.")
@click.option("--workers", type=click.IntRange(1), default=1, help="Server processes.")
def serve(
    db: Path,
    port: int,
    host: str,
    public: bool,
    cors: tuple[str, ...],
    get_path: str | None,
    workers: int,
) -> None:
    """Serve the HTTP API and the dashboard over the store, read-only."""
    from dyad import api

    if get_path is not None:
        status, body = api.fetch(api.create_app(db, cors_origins=cors), get_path)
        click.echo(body.decode())
        sys.exit(0 if status < 400 else 1)
    if not api.is_loopback(host):
        if not public:
            raise click.UsageError(
                f"--host {host} serves beyond this machine, without authentication; "
                "add --public to do so anyway"
            )
        click.echo(
            f"dyad: warning: serving on {host}: anyone who can reach it can read the store "
            "and run the coder (there is no authentication)",
            err=True,
        )
    click.echo(f"dyad: dashboard at http://{host}:{port}/", err=True)
    api.serve(db, host, port, workers=workers, cors_origins=cors)


def main() -> None:
    """Run the command line; input errors print one line, never a traceback."""
    try:
        cli()
    except DyadError as exc:
        click.echo(f"dyad: {exc}", err=True)
        sys.exit(2)
