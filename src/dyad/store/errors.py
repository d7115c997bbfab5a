"""What went wrong with the store file, in one sentence each: DuckDB's errors translated.

DuckDB reports a full disk, a read-only folder or a damaged file as an I/O error, and a
failed write as "cannot rollback" when the rollback fails too, which hides the cause.
`open_error` and `write_error` name the cause, the file and the fix; every one is a
`StoreError`, which the CLI prints as one line with exit code 4 (`EXIT_STORE`).
"""

from __future__ import annotations

import errno
from pathlib import Path

import duckdb

from dyad.errors import StoreError
from dyad.files import path_text
from dyad.store.lock_holder import describe_holder

# Connection settings of every store: DuckDB must never fetch or load an extension on its
# own (opening a SQLite file as --db would otherwise download one over HTTP).
NO_EXTENSIONS: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}

_ANOTHER_DB = "pass another file with --db"
_FRESH = "restore the file from a copy, or move it aside and run `dyad ingest` again"
# (words in DuckDB's message, what it means, the fix); the first match wins
_CAUSES = (
    (("no space left",), "the disk is full", "free some space, or give --db on another disk"),
    (
        ("read-only file system", "permission denied", "access is denied"),
        "no permission to write the store or its folder",
        "check the permissions, or give --db in a folder you can write",
    ),
    (("could not set lock", "conflicting lock"), "the store is in use by another process", None),
    (("sqlite",), "not a dyad store: the file is a SQLite database", _ANOTHER_DB),
    (("not a valid duckdb database",), "not a dyad store: not a DuckDB database", _ANOTHER_DB),
    (
        ("could not read enough bytes", "corrupt", "checksum", "serializ", "invalid block"),
        "the store file is damaged or truncated",
        _FRESH,
    ),
)


def check_path(path: Path, read_only: bool) -> None:
    """Raise StoreError when `path` cannot be a store file: a directory, or in no folder."""
    shown = path_text(path)
    if path.is_dir():
        raise StoreError(
            "this is a directory, not a store file",
            path=shown,
            hint=f"give a file, e.g. --db {path_text(path / 'dyad.duckdb')}",
        )
    if read_only and not path.exists():
        raise StoreError(
            "no dyad store here", path=shown, hint="create one with `dyad ingest PATH`"
        )
    folder = path.parent
    if not folder.is_dir():
        raise StoreError(
            f"the folder {path_text(folder)} does not exist",
            path=shown,
            hint="create the folder first, or give --db in an existing one",
        )


def open_error(path: Path, exc: BaseException) -> StoreError:
    """Return the StoreError for a failure to open (or first read) the store at `path`."""
    return _translate(path, exc, "cannot open the store")


def write_error(path: Path, exc: BaseException) -> StoreError:
    """Return the StoreError for a failed write; the batch was not stored."""
    error = _translate(path, exc, "cannot write to the store")
    error.reason += "; this batch was not stored, the batches before it were"
    return error


def _translate(path: Path, exc: BaseException, what: str) -> StoreError:
    message = str(exc)
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        message = "no space left on device"
    lowered = message.lower()
    for words, reason, hint in _CAUSES:
        if any(word in lowered for word in words):
            if reason.endswith("another process"):  # name who holds it (#17)
                holder, hint = describe_holder(message)
                reason = f"the store is in use by {holder}"
            return StoreError(reason, path=path_text(path), hint=hint)
    first_line = message.strip().splitlines()[0] if message.strip() else type(exc).__name__
    return StoreError(f"{what} ({first_line})", path=path_text(path))


def rollback_quietly(connection: duckdb.DuckDBPyConnection) -> None:
    """Roll back the open transaction; a failure here must not hide the first error."""
    try:
        connection.execute("ROLLBACK")
    except duckdb.Error:
        pass
