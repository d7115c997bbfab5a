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
    from dyad.store.database import Store

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
    from dyad.coder.jsonl import perspective_problem

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
    click.option(
        "--actor",
        multiple=True,
        help="Source or target: a code or prefix in any case (IRQ matches IRQGOV), or words "
        "of an actor's name (Taliban); repeatable or comma-separated.",
    ),
    click.option(
        "--dyad", multiple=True, metavar="SOURCE-TARGET", help="Directed dyad; repeatable."
    ),
    click.option(
        "--code",
        multiple=True,
        help="CAMEO code or root, sub-codes included (19, 042); repeatable.",
    ),
    click.option("--quad", multiple=True, help="QuadClass 0-4; repeatable."),
    click.option(
        "--factuality",
        multiple=True,
        help="asserted, reported, speculative, hypothetical, negated, question or all; "
        "repeatable (default: asserted, reported, speculative).",
    ),
    click.option("--since", multiple=True, help="First day: YYYY, YYYY-MM or YYYY-MM-DD."),
    click.option(
        "--until", multiple=True, help="Last day, inclusive: YYYY, YYYY-MM or YYYY-MM-DD."
    ),
    click.option(
        "--place",
        multiple=True,
        help="Place, province or country (Khost, Kandahar, Afghanistan, AFG); accents optional.",
    ),
    click.option(
        "--district",
        multiple=True,
        help="District, or 'DISTRICT, PROVINCE' (Sangin; Sangin, Helmand): the district level "
        "only, never a city or province of the same name; repeatable.",
    ),
    click.option("--doc", multiple=True, help="Only this document id; repeatable."),
    click.option("--text", multiple=True, help="Words the sentence contains, in this order."),
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


def event_filter(
    options: dict[str, Any], store: Store | None = None, *, everything: bool = False
) -> EventFilter:
    """Build the store query's filter from the `with_filters` options of a command.

    Raises:
        click.BadParameter: A filter value that cannot be used, naming its flag.
    """
    from dyad.store.filters import FLAGS, FilterError, build_filter
    from dyad.store.labels import actor_index

    names = {flag.lstrip("-"): param for param, flag in FLAGS.items()}
    values = {names[key]: list(options[key] or ()) for key in names}
    try:
        return build_filter(
            values, actor_index(store) if store is not None else None, everything=everything
        )
    except FilterError as exc:
        raise click.BadParameter(str(exc), param_hint=FLAGS[exc.param]) from exc


def counted_line(where: EventFilter) -> str:
    """Return what a view counts, for the line under it."""
    from dyad.store.aggregate import ALL_FACTUALITY

    left_out = [f for f in ALL_FACTUALITY if f not in where.factuality]
    kept = ", ".join(where.factuality)
    out = f" (not {', '.join(left_out)}; --factuality all for every one)" if left_out else ""
    return (
        f"Counted: {kept} events{out}. Unique: one per target (else source), code, date and place."
    )


# Columns of free text: they wrap in the space left by the others instead of being cut.
WRAPPED_COLUMNS = frozenset(
    {"sentence", "reason", "hint", "path", "label", "name", "doc_id", "source", "target", "cameo"}
)


def terminal_width() -> int:
    """Return the width tables are laid out for: the terminal's, $COLUMNS, else 120."""
    import shutil

    return max(40, shutil.get_terminal_size((120, 24)).columns)


def show(table: pa.Table, output_format: str) -> None:
    """Print an Arrow table as a rich table (fitting the terminal), JSON Lines or CSV."""
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

    rows = [["-" if v is None else str(v) for v in row.values()] for row in table.to_pylist()]
    shown = Table(padding=(0, 1), collapse_padding=True)
    for i, name in enumerate(table.column_names):
        widest = max([4, *(len(row[i]) for row in rows)])
        if name in WRAPPED_COLUMNS:
            shown.add_column(name, overflow="fold")
        else:  # as wide as its values; a longer heading folds onto a second line
            shown.add_column(
                name, overflow="fold", min_width=min(widest, 10) + 1, max_width=widest + 1
            )
    for row in rows:
        shown.add_row(*row)
    click.echo(_render(shown), nl=False)


CAMEO_LABEL_WIDTH = 22
SENTENCE_MIN_WIDTH = 30
# under this many columns the quad class and Goldstein score (both implied by the CAMEO
# code, and in the JSON output) give their room to the sentence
NARROW_WIDTH = 110


def events_table(events: Sequence[Event]) -> str:
    """Return `events` as a text table for people: actors, code, date, factuality, sentence.

    Codes, dates and factuality stay whole (at 80 columns and more); a CAMEO label, which
    may run to 60 characters ("0231 Appeal for economic aid ..."), is cut short so that the
    sentence has room to be read; on a narrow terminal quad class and Goldstein score go.
    """
    from rich import box
    from rich.table import Table

    from dyad.store.labels import with_label

    wide = terminal_width() >= NARROW_WIDTH
    names = ["source", "target", "cameo", "quad", "goldstein", "date", "factuality"]
    if not wide:
        names = [name for name in names if name not in ("quad", "goldstein")]
    # light rules and single spaces between columns: a boxed table's borders took a tenth
    # of a 120-column terminal
    table = Table(show_lines=False, box=box.SIMPLE_HEAD, padding=(0, 1), collapse_padding=True)
    for name in names:
        if name == "cameo":
            table.add_column(name, no_wrap=True, max_width=CAMEO_LABEL_WIDTH)
        else:
            table.add_column(name, no_wrap=True, overflow="fold")
    shortest = SENTENCE_MIN_WIDTH if wide else None  # a narrow table takes what is left
    table.add_column("sentence", overflow="fold", ratio=1, min_width=shortest)
    for event in events:
        values = {
            "source": event.source.code,
            "target": event.target.code if event.target else "-",
            "cameo": with_label(event.cameo),
            "quad": str(event.quad_class),
            "goldstein": f"{event.goldstein:+.1f}",
            "date": event.date.value or "-",
            "factuality": event.factuality,
        }
        table.add_row(*(values[name] for name in names), event.sentence)
    return _render(table)


def _render(table: Any) -> str:
    from rich.console import Console

    console = Console(width=terminal_width(), file=io.StringIO())
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
