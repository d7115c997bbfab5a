"""The `dyad` command line: thin commands over the library.

Each command parses its options, calls one library function and formats the result.
Input errors are printed as one line each (file, line, reason) and never as a
traceback. Exit codes: 0 done; 1 `serve --get` answered an error status; 2 a usage, config,
dictionary or input error (`EXIT_INPUT`); 3 some input was rejected, the rest was coded
(`EXIT_REJECTED`); 4 the store cannot be opened or written (`EXIT_STORE`).

Modules: `common` (shared options, output), `code` (code, ingest, stages), `query`
(commands that read the store), `lookup` (codes, show), `evaluate` (eval), `demo`, `serve`.
"""

from __future__ import annotations

import sys

import click

from dyad import __version__
from dyad.cli import code, demo, evaluate, lookup, query, serve
from dyad.cli.code import code_paths, ingest_paths
from dyad.cli.common import EXIT_INPUT, EXIT_REJECTED, EXIT_STORE
from dyad.errors import DyadError, StoreError

__all__ = ["EXIT_INPUT", "EXIT_REJECTED", "EXIT_STORE", "cli", "code_paths", "ingest_paths", "main"]


class Commands(click.Group):
    """A group whose `--help` shows each command's whole first sentence, wrapped, not cut."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            (name, command.get_short_help_str(limit=10_000))
            for name, command in sorted(self.commands.items())
            if not command.hidden
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=Commands,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120},
)
@click.version_option(__version__, prog_name="dyad")
def cli() -> None:
    """dyad: who did what to whom, when, where, and how sure the text is."""


cli.add_command(code.code)
cli.add_command(code.ingest)
cli.add_command(code.stages)
cli.add_command(evaluate.eval_command)
cli.add_command(query.rejections)
cli.add_command(query.events_command)
cli.add_command(query.dyads)
cli.add_command(query.trend)
cli.add_command(query.network)
cli.add_command(query.export)
cli.add_command(lookup.codes)
cli.add_command(lookup.show_event)
cli.add_command(demo.demo)
cli.add_command(serve.serve)


def main() -> None:
    """Run the command line; input errors print one line, never a traceback."""
    try:
        cli()
    except StoreError as exc:
        click.echo(f"dyad: store: {exc}", err=True)
        sys.exit(EXIT_STORE)
    except DyadError as exc:
        click.echo(f"dyad: {exc}", err=True)
        sys.exit(EXIT_INPUT)
