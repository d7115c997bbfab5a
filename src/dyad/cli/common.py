"""Options shared by several `dyad` commands, and how results are printed.

Options: --config/--set (`with_config`), --engine/--workers, --db, the event filters
(`with_filters`) and --format. Output: Arrow tables as a rich table, JSON Lines or CSV,
events as a table, rejections as one stderr line each, progress bars on a terminal.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from dyad.config import Config, load_config
from dyad.errors import ConfigError, DyadError
from dyad.records import Event, Rejection

if TYPE_CHECKING:
    import pyarrow as pa

    from dyad.store.aggregate import EventFilter
    from dyad.store.database import IngestCounts

EXIT_INPUT = 2  # also click's exit code for a usage error
EXIT_REJECTED = 3
EXIT_STORE = 4
DEFAULT_DB = Path("dyad.duckdb")


def config_from_options(config_path: Path | None, settings: Sequence[str]) -> Config:
    """Load the settings of --config and --set; print malformed lines, the rest loads."""
    problems: list[ConfigError] = []
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


def check_day(_context: Any, _param: Any, value: str | None) -> str | None:
    """Click callback: --date must be a real day, YYYY-MM-DD (2008-02-30 is not)."""
    from datetime import date

    if value is None:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise click.BadParameter(f"{value[:40]!r} is not a day written YYYY-MM-DD")


def check_perspective(_context: Any, _param: Any, value: str | None) -> str | None:
    """Click callback: --perspective must be a country code (it becomes the code of "we")."""
    from dyad.coder.read import perspective_problem

    if value is not None and (problem := perspective_problem(value)):
        raise click.BadParameter(problem)
    return value


date_option = click.option(
    "--date",
    default=None,
    callback=check_day,
    help="Reference date YYYY-MM-DD for undated documents.",
)
perspective_option = click.option(
    "--perspective",
    default=None,
    callback=check_perspective,
    help="Country code the authors write from (USA).",
)


def with_config(function: Any) -> Any:
    for option in reversed(config_options):
        function = option(function)
    return function


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


def event_filter(options: dict[str, Any], *, everything: bool = False) -> EventFilter:
    """Build the store query's filter from the `with_filters` options of a command."""
    from dyad.store.aggregate import ALL_FACTUALITY, EventFilter, factuality_choice

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


def show(table: pa.Table, output_format: str, *, width: int = 90) -> None:
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
    from rich.table import Table

    shown = Table()
    for name in table.column_names:
        shown.add_column(name, no_wrap=True, overflow="ellipsis", max_width=width)
    for row in table.to_pylist():
        shown.add_row(*("-" if v is None else str(v) for v in row.values()))
    click.echo(_render(shown, width=220), nl=False)


def events_table(events: Sequence[Event]) -> str:
    """Return `events` as a text table for people: actors, code, date, factuality, sentence."""
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
    return _render(table, width=200)


def _render(table: Any, *, width: int) -> str:
    from rich.console import Console

    console = Console(width=width, file=io.StringIO())
    console.print(table)
    output = console.file
    assert isinstance(output, io.StringIO)
    return output.getvalue()


def echo_rejection(rejection: Rejection) -> None:
    """Print one input rejection or warning on stderr, as it is found."""
    label = "warning" if rejection.stage.endswith("warning") else "rejected"
    click.echo(f"dyad: {label}: {rejection.message()}", err=True)


@contextmanager
def coding_progress(enabled: bool = True) -> Iterator[Callable[[int], None]]:
    """Yield a per-document callback: a progress bar on a terminal, else nothing."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda number: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("coding", total=None)
        yield lambda number: bar.update(task, description=f"coded {number:,} documents", advance=1)


@contextmanager
def ingest_progress() -> Iterator[Callable[[IngestCounts, int], None]]:
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
