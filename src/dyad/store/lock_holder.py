"""Who holds a store: the process named in DuckDB's lock error, in words.

DuckDB says "Conflicting lock is held in /usr/bin/python3 (PID 9015)"; an analyst wants to
know whether that is a `dyad serve` to stop or a `dyad ingest` to wait for.
"""

from __future__ import annotations

import re
from pathlib import Path

_PID = re.compile(r"\(PID (\d+)\)")
DYAD_COMMANDS = ("serve", "ingest", "demo", "export", "events", "trend")


def describe_holder(message: str, proc: Path = Path("/proc")) -> tuple[str, str]:
    """Return (who holds the lock, what to do) from a DuckDB lock error message.

    Args:
        message: The text of DuckDB's IOException.
        proc: Where process command lines are read (Linux /proc); missing elsewhere.

    Returns:
        e.g. ("a `dyad serve` (PID 9015)", "stop that server, or ..."), or a generic pair
        when the message names no process or its command line cannot be read.
    """
    found = _PID.search(message)
    if found is None:
        return "another process", "wait for it to finish"
    pid = found.group(1)
    try:
        raw = (proc / pid / "cmdline").read_bytes()
    except OSError:
        return f"process {pid}", "wait for it to finish, or stop it"
    words = [part.decode(errors="replace") for part in raw.split(b"\0") if part]
    command = next((w for w in words if w in DYAD_COMMANDS), None)
    if command == "serve":
        return f"a `dyad serve` (PID {pid})", "stop that server to write; readers can share"
    if command is not None:
        return f"a `dyad {command}` (PID {pid})", "wait for it to finish"
    shown = " ".join(Path(words[0]).name if i == 0 else w for i, w in enumerate(words[:4]))
    return f"process {pid} ({shown[:80]})", "wait for it to finish, or stop it"
