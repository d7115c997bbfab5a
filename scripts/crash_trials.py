"""Crash trials: SIGKILL `dyad ingest` at random points, re-run it, compare stores: `make crash`.

One uninterrupted `dyad ingest` of a small corpus (the first 30 documents of the bundled
sample, plus files that are rejected or warned about) gives the reference store, its length
and its commits. Each trial starts a fresh store and kills `dyad ingest` once or twice: at a
random moment of its start-up (Python, the model, the schema), or a random moment after a
random number of commits (mid-batch, just after a commit, after the last one). Then it
re-runs the command to the end. The trial passes when every table holds the same rows as the
reference (documents, sentences, events, actors and rejections; timestamps aside) and no row
is there twice. A second uninterrupted run at the end checks the reference is reproducible.

    python scripts/crash_trials.py [--trials 20] [--seed 0] [--batch-size 2] [--documents 30]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dyad.store.errors import NO_EXTENSIONS

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "dyad" / "data" / "sample" / "sample.jsonl"
BAD_INPUTS = ROOT / "tests" / "fixtures" / "bad_inputs"
DYAD = [sys.executable, "-m", "dyad"]
# Each table, ordered by its key; timestamps of the run are left out of the comparison.
TABLES = {
    "documents": ("doc_id", ("ingested_at",)),
    "sentences": ("sentence_id", ()),
    "events": ("event_id", ()),
    "actors": ("code, text", ()),
    "rejections": ("rejection_id", ("recorded_at",)),
}
EXIT_OK = (0, 3)  # 3: some input was rejected, as the corpus means it to be


@dataclass
class Trial:
    """One trial: where the kills landed and whether the resumed store matched."""

    kills: list[tuple[int, float]]  # (commits seen, seconds after the last one)
    committed: list[int]  # documents in the store after each kill
    equal: bool
    twice: int
    finished_early: bool


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Return every row of every table (timestamps aside), in key order."""
    rows = {}
    with duckdb.connect(str(db), read_only=True, config=NO_EXTENSIONS) as connection:
        for table, (key, skipped) in TABLES.items():
            columns = [
                name
                for (name,) in connection.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = ? ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                if name not in skipped
            ]
            query = f"SELECT {', '.join(columns)} FROM {table} ORDER BY {key}"
            rows[table] = [tuple(row) for row in connection.execute(query).fetchall()]
    return rows


def repeated(rows: dict[str, list[tuple[object, ...]]]) -> int:
    """Return how many rows appear more than once in any table."""
    return sum(n - 1 for table in rows.values() for n in Counter(table).values() if n > 1)


def difference(
    reference: dict[str, list[tuple[object, ...]]], rows: dict[str, list[tuple[object, ...]]]
) -> str:
    """Return which tables differ from the reference, and by how many rows each way."""
    parts = []
    for table, expected in reference.items():
        missing = len(set(expected) - set(rows[table]))
        extra = len(set(rows[table]) - set(expected))
        if missing or extra:
            parts.append(f"{table}: {missing} rows missing, {extra} rows not in the reference")
    return "; ".join(parts) or "row order"


def stored_documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with duckdb.connect(str(db), read_only=True, config=NO_EXTENSIONS) as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchall()[0][0])
    except duckdb.Error:  # killed before the schema was committed
        return 0


def ingest_command(corpus: list[Path], db: Path, batch_size: int) -> list[str]:
    paths = [str(path) for path in corpus]
    return [*DYAD, "ingest", *paths, "--db", str(db), "--batch-size", str(batch_size)]


def run_to_end(command: list[str]) -> tuple[float, float, int]:
    """Run `command` to the end; return its length, when it first committed, its commits."""
    began = time.perf_counter()
    first_commit = 0.0
    commits = 0
    with subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stderr is not None
        tail: list[str] = []
        for line in process.stderr:
            if "committed" in line:
                commits += 1
                first_commit = first_commit or time.perf_counter() - began
            tail = [*tail[-20:], line]
    if process.returncode not in EXIT_OK:
        raise SystemExit(f"dyad ingest failed ({process.returncode}):\n{''.join(tail)}")
    return time.perf_counter() - began, first_commit, commits


def kill_after(command: list[str], commits: int, seconds: float) -> bool:
    """Start `command`, SIGKILL it `seconds` after its `commits`-th commit (0: after start).

    Returns False when it ended first.
    """
    with subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stderr is not None
        seen = 0
        while seen < commits:
            line = process.stderr.readline()
            if not line:
                process.wait()
                return False
            seen += "committed" in line
        try:
            process.wait(timeout=seconds)
            return False
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return True


def trial(
    corpus: list[Path],
    workdir: Path,
    number: int,
    span: tuple[float, float, int],
    rng: random.Random,
    batch: int,
) -> tuple[Trial, dict[str, list[tuple[object, ...]]]]:
    db = workdir / f"trial{number}.duckdb"
    command = ingest_command(corpus, db, batch)
    kills: list[tuple[int, float]] = []
    committed: list[int] = []
    early = False
    first_commit, length, batches = span
    gap = (length - first_commit) / max(1, batches - 1)  # seconds between commits
    left = batches
    for _ in range(rng.choice((1, 1, 2))):
        if rng.random() < 0.25:  # while Python starts, the model loads, the schema is made
            commits, delay = 0, rng.uniform(0.0, first_commit)
        else:  # after a random number of the commits still to come, part-way to the next
            commits, delay = rng.randrange(1, left + 1), rng.uniform(0.0, gap)
        if not kill_after(command, commits, delay):
            early = True
            break
        kills.append((commits, delay))
        committed.append(stored_documents(db))
        left = max(1, batches - committed[-1] // batch)  # a re-run skips what is stored
    run_to_end(command)
    rows = snapshot(db)
    return Trial(kills, committed, False, repeated(rows), early), rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=2, help="Documents per commit.")
    parser.add_argument(
        "--documents", type=int, default=30, help="Sample documents in the corpus (of 66)."
    )
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="dyad-crash-") as folder:
        workdir = Path(folder)
        sample = workdir / "sample.jsonl"
        lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
        sample.write_text("".join(lines[: args.documents]), encoding="utf-8")
        bad = [path for path in sorted(BAD_INPUTS.iterdir()) if path.suffix != ".md"]
        corpus = [sample, *bad, ROOT / "tests" / "inputs" / "cp1252.txt"]
        reference_db = workdir / "reference.duckdb"
        command = ingest_command(corpus, reference_db, args.batch_size)
        length, first_commit, commits = run_to_end(command)
        reference = snapshot(reference_db)
        sizes = ", ".join(f"{len(rows):,} {table}" for table, rows in reference.items())
        print(
            f"crash trials: reference run {length:.1f} s, {commits} commits (the first at "
            f"{first_commit:.1f} s): {sizes}",
            flush=True,
        )
        trials = []
        for number in range(args.trials):
            span = (first_commit, length, commits)
            result, rows = trial(corpus, workdir, number, span, rng, args.batch_size)
            result.equal = rows == reference
            if not result.equal:
                print(f"    differs: {difference(reference, rows)}")
            trials.append(result)
            landed = ", ".join(
                f"{delay:.1f} s after commit {after} ({stored:,} documents stored)"
                for (after, delay), stored in zip(result.kills, result.committed, strict=True)
            )
            verdict = "equal" if result.equal and not result.twice else "DIFFERENT"
            print(
                f"  trial {number + 1:>2}: killed at {landed or '-'}"
                f"{'; finished before a kill' if result.finished_early else ''}; {verdict}",
                flush=True,
            )
        # a second uninterrupted run shows the coder itself is deterministic (and unchanged)
        run_to_end(ingest_command(corpus, workdir / "again.duckdb", args.batch_size))
        stable = snapshot(workdir / "again.duckdb") == reference
    killed = sum(1 for t in trials if t.kills)
    kills = sum(len(t.kills) for t in trials)
    mid = sum(1 for t in trials for n in t.committed if 0 < n < len(reference["documents"]))
    passed = sum(1 for t in trials if t.equal and not t.twice)
    print(
        f"crash trials: {passed}/{len(trials)} resumed stores equal to the uninterrupted run "
        f"({kills} SIGKILLs in {killed} trials, {mid} of them after some batches were "
        f"committed); rows stored twice: {sum(t.twice for t in trials)}"
    )
    if not stable:
        print("crash trials: a second uninterrupted run differs from the first: not comparable")
    return 0 if passed == len(trials) and stable else 1


if __name__ == "__main__":
    sys.exit(main())
