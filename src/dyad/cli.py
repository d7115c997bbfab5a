"""The `dyad` command line: thin commands over the library.

Each command parses its options, calls one library function and formats the result.
Input errors are printed as one line each (file, line, reason) and never as a
traceback; the exit code is 3 when any input was rejected.
"""

from __future__ import annotations

import io
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from dyad import __version__
from dyad.config import Config, load_config
from dyad.errors import DyadError
from dyad.records import Document, Event, Rejection

EXIT_REJECTED = 3
SAMPLE_CORPUS = Path(__file__).parent / "data" / "sample" / "sample.jsonl"


def _config(config_path: Path | None, settings: Sequence[str]) -> Config:
    try:
        return load_config(config_path, settings)
    except DyadError as exc:
        raise click.UsageError(str(exc)) from exc


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
        yield replace(item, **changes) if changes else item


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
@with_config
def code(
    paths: tuple[Path, ...],
    output_format: str,
    date: str | None,
    perspective: str | None,
    dictionaries: tuple[Path, ...],
    config_path: Path | None,
    settings: tuple[str, ...],
) -> None:
    """Code documents (.txt, .html, .jsonl, directories) and print their events."""
    config = _config(config_path, settings)
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
    from dyad.scoring import make_code_batch

    config = _config(config_path, settings)
    folder = data_dir or evaluation.default_data_dir()
    names = list(suites) or list(evaluation.SUITES)
    scores = evaluation.evaluate(
        names, make_code_batch(config, folder, prefilter=not no_prefilter), folder
    )
    if as_json:
        click.echo(json.dumps(evaluation.scores_to_json(scores), indent=2))
        return
    click.echo(evaluation.format_scores(scores))
    if show_errors:
        for score in scores:
            click.echo(evaluation.format_errors(score))


@cli.command()
def stages() -> None:
    """Print the pipeline's stages with what each reads and adds."""
    from dyad.pipeline import STAGES

    for stage in STAGES:
        reads = ", ".join(stage.requires) or "-"
        adds = ", ".join(stage.provides) or "-"
        click.echo(f"{stage.name:<10} {stage.function:<36} reads {reads:<34} adds {adds}")


@cli.command()
@click.option("--limit", default=12, show_default=True, help="How many events to print.")
@with_config
def demo(limit: int, config_path: Path | None, settings: tuple[str, ...]) -> None:
    """Code the bundled sample corpus, print the first events and the top dyads."""
    config = _config(config_path, settings)
    events, rejections = code_paths([SAMPLE_CORPUS], config, progress=True)
    click.echo(f"Coded {SAMPLE_CORPUS.name}: {len(events):,} events, {len(rejections)} rejected.")
    click.echo(_table(events[:limit]))
    dyads = Counter((e.source.code, e.target.code if e.target else "-") for e in events)
    click.echo("Most frequent dyads")
    for (source, target), count in dyads.most_common(10):
        click.echo(f"  {source:>10} -> {target:<10} {count:>4}")


def main() -> None:
    """Run the command line; input errors print one line, never a traceback."""
    try:
        cli()
    except DyadError as exc:
        click.echo(f"dyad: {exc}", err=True)
        sys.exit(2)
