"""`dyad serve`: the HTTP API and the dashboard over the store, or one response (--get)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dyad.cli.common import db_option


@click.command()
@db_option
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--public", is_flag=True, help="Allow a --host beyond loopback (no auth!).")
@click.option("--cors", multiple=True, metavar="ORIGIN", help="Let pages at ORIGIN call the API.")
@click.option("--get", "get_path", metavar="/api/...", help="Print one response and exit.")
@click.option("--workers", type=click.IntRange(1), default=1, help="Server processes.")
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests for this Host name (the bound ones always); '*' for any.",
)
def serve(
    db: Path,
    port: int,
    host: str,
    public: bool,
    cors: tuple[str, ...],
    get_path: str | None,
    workers: int,
    allow_hosts: tuple[str, ...],
) -> None:
    """Serve the HTTP API and the dashboard over the store, read-only."""
    from dyad.serve import api

    if get_path is not None:
        status, body = api.fetch(api.create_app(db, cors_origins=cors), get_path)
        try:
            click.echo(body.decode())
        except UnicodeDecodeError:  # a Parquet download: the bytes as they are
            sys.stdout.buffer.write(body)
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
    api.serve(db, host, port, workers=workers, cors_origins=cors, allow_hosts=allow_hosts)
