"""The embedded store: one DuckDB file holding documents, sentences, events, actors, rejections.

Ingest is idempotent: every row has a content-hash id (`Document.doc_id`, `Event.event_id`,
a hash of the sentence span, of the rejection) and is inserted with ON CONFLICT DO NOTHING,
so the same corpus ingested twice gives the same rows. Each batch of documents is written in
one transaction together with its events, so a killed process never leaves a half-written
document; a re-run skips the documents already stored and codes the rest.

Queries return Arrow tables (`Store.query`); the views live in `aggregate.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from dyad.errors import StoreError
from dyad.records import Document, Event, Rejection
from dyad.store import errors as store_errors
from dyad.store.identity import Identities
from dyad.store.rows import actor_row, document_row, event_row, rejection_row, sentence_row
from dyad.store.schema import check_schema

# Documents written per transaction by `Store.ingest_coded`: small enough that a crash loses
# little work, large enough that commits do not dominate.
INGEST_BATCH_DOCUMENTS = 32
# WAL size that triggers a checkpoint. DuckDB rewrites primary-key indexes at each checkpoint,
# so its 16 MB default makes a long ingest quadratic; the WAL is replayed after a crash anyway.
CHECKPOINT_THRESHOLD = "512MB"
TABLES = ("documents", "sentences", "events", "actors", "rejections")
# DuckDB errors that say the file itself is damaged, full or unwritable, not the query
_DAMAGE = (
    duckdb.IOException,
    duckdb.PermissionException,
    duckdb.FatalException,
    duckdb.SerializationException,
    duckdb.InternalException,
    duckdb.TransactionException,
    OSError,
)


@dataclass(slots=True)
class IngestCounts:
    """Rows newly written (rows already present are not counted), and documents seen."""

    documents: int = 0
    sentences: int = 0
    events: int = 0
    actors: int = 0
    rejections: int = 0
    rejected: int = 0  # rejections that are not warnings, stored or not

    def add(self, other: IngestCounts) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


def _rows_to_arrow(rows: Sequence[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=schema)


class Store:
    """An open dyad store; use `open_store` to get one, and close it (or use `with`)."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path, read_only: bool):
        self.connection = connection
        self.path = path
        self.read_only = read_only
        self._schemas: dict[str, pa.Schema] = {}

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the file; committed batches are durable."""
        self.connection.close()

    def query(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        """Run one SQL query and return its result as an Arrow table."""
        try:
            return self.connection.sql(sql, params=list(params)).to_arrow_table()
        except _DAMAGE as exc:
            raise store_errors.open_error(self.path, exc) from exc

    def stream(self, sql: str, params: Sequence[Any] = (), batch_rows: int = 65_536) -> Any:
        """Run one SQL query and return a `pyarrow.RecordBatchReader` over its result."""
        try:
            return self.connection.sql(sql, params=list(params)).to_arrow_reader(batch_rows)
        except _DAMAGE as exc:
            raise store_errors.open_error(self.path, exc) from exc

    def counts(self) -> dict[str, int]:
        """Return the number of rows in each table."""
        result = {}
        for table in TABLES:
            rows = self.connection.execute(f"SELECT count(*) FROM {table}").fetchall()
            result[table] = int(rows[0][0])
        return result

    def document_ids(self) -> set[str]:
        """Return the ids of every stored document (each stored with all its events)."""
        return set(self.document_hashes())

    def document_hashes(self, ids: Sequence[str] | None = None) -> dict[str, str]:
        """Return the text hash of each stored document ("" where a v1 store kept none).

        Args:
            ids: Only these document ids; None for every stored document.
        """
        sql = "SELECT doc_id, coalesce(text_hash, '') AS h FROM documents"
        if ids is None:
            table = self.query(sql)
        else:
            table = self.query(f"{sql} WHERE doc_id IN (SELECT unnest(?))", [list(ids)])
        return dict(zip(table.column(0).to_pylist(), table.column(1).to_pylist(), strict=True))

    def schema(self, table: str) -> pa.Schema:
        """Return the Arrow schema of a stored table."""
        if table not in self._schemas:
            self._schemas[table] = self.query(f"SELECT * FROM {table} LIMIT 0").schema
        return self._schemas[table]

    def ingest(
        self,
        coded: Sequence[tuple[Document, Sequence[Event]]],
        rejections: Sequence[Rejection] = (),
    ) -> IngestCounts:
        """Write documents with their events, sentences and actors, and rejections, at once.

        Args:
            coded: Documents each with the events coded from it (none is fine).
            rejections: Inputs that could not be read or coded, and read warnings.

        Returns:
            The rows newly written; rows already stored are skipped, not counted.
        """
        now = datetime.now(UTC).replace(tzinfo=None)
        coded, clashes = self._one_text_per_id(coded)
        rejections = [*rejections, *clashes]
        documents = [document_row(d, len(e), now) for d, e in coded]
        events = {e.event_id: e for _document, found in coded for e in found}
        event_rows = [event_row(e) for e in events.values()]
        sentences = {
            row["sentence_id"]: sentence_row(row["sentence_id"], e)
            for row, e in zip(event_rows, events.values(), strict=True)
        }
        actors = {
            (a.code, a.text): actor_row(a)
            for e in events.values()
            for a in (e.source, e.target, e.attributed_to)
            if a is not None
        }
        rejection_rows = {row["rejection_id"]: row for row in map(rejection_row, rejections)}
        tables = {
            "documents": documents,
            "sentences": list(sentences.values()),
            "events": event_rows,
            "actors": list(actors.values()),
            "rejections": [row | {"recorded_at": now} for row in rejection_rows.values()],
        }
        counts = self.insert_tables(
            {name: _rows_to_arrow(rows, self.schema(name)) for name, rows in tables.items()}
        )
        counts.rejected = sum(1 for r in rejections if not r.stage.endswith("warning"))
        return counts

    def _one_text_per_id(
        self, coded: Sequence[tuple[Document, Sequence[Event]]]
    ) -> tuple[list[tuple[Document, Sequence[Event]]], list[Rejection]]:
        """Split off the documents whose id the store or the batch holds for another text."""
        stored = self.document_hashes([d.doc_id for d, _events in coded]) if coded else {}
        identities = Identities()
        kept: list[tuple[Document, Sequence[Event]]] = []
        clashes: list[Rejection] = []
        for document, events in coded:
            verdict = identities.check(document, stored.get(document.doc_id))
            if isinstance(verdict, Rejection):
                clashes.append(verdict)
            else:
                kept.append((document, events))
        return kept, clashes

    def insert_tables(self, tables: dict[str, pa.Table]) -> IngestCounts:
        """Bulk-insert Arrow tables shaped like the stored tables, in one transaction."""
        if self.read_only:
            raise StoreError("the store is open read-only", path=str(self.path))
        counts = IngestCounts()
        connection = self.connection
        try:
            connection.execute("BEGIN TRANSACTION")
        except _DAMAGE as exc:
            raise store_errors.write_error(self.path, exc) from exc
        try:
            for name, table in tables.items():
                if table.num_rows == 0:
                    continue
                connection.register("dyad_batch", table)
                columns = ", ".join(table.column_names)
                rows = connection.execute(
                    f"INSERT INTO {name} ({columns}) SELECT {columns} FROM dyad_batch "
                    "ON CONFLICT DO NOTHING"
                ).fetchall()
                connection.unregister("dyad_batch")
                setattr(counts, name, int(rows[0][0]))
            connection.execute("COMMIT")
        except _DAMAGE as exc:
            store_errors.rollback_quietly(connection)
            raise store_errors.write_error(self.path, exc) from exc
        except BaseException:
            store_errors.rollback_quietly(connection)
            raise
        return counts

    def ingest_coded(
        self,
        coded: Iterable[tuple[Document, list[Event]]],
        rejections: list[Rejection],
        *,
        batch_documents: int = INGEST_BATCH_DOCUMENTS,
        on_batch: Callable[[IngestCounts, int], None] | None = None,
    ) -> IngestCounts:
        """Store coded documents in batches of `batch_documents`, one transaction each.

        Args:
            coded: (document, events) pairs, e.g. from `store.ingest.coded_documents`.
            rejections: A list the reader appends to while `coded` is consumed; it is
                drained into each batch, so a rejection is stored with the batch it came in.
            batch_documents: Documents per transaction.
            on_batch: Called after each commit with the running totals and documents seen.

        Returns:
            The rows newly written over the whole run.
        """
        total = IngestCounts()
        seen = 0
        for batch in _batches(coded, batch_documents):
            pending = rejections[:]
            del rejections[: len(pending)]
            total.add(self.ingest(batch, pending))
            seen += len(batch)
            if on_batch is not None:
                on_batch(total, seen)
        if rejections:
            total.add(self.ingest([], rejections[:]))
            rejections.clear()
            if on_batch is not None:
                on_batch(total, seen)
        return total

    def rejections(self) -> pa.Table:
        """Return every stored rejection and warning, in path and line order."""
        return self.query(
            "SELECT path, line, stage, reason, hint, doc_id, recorded_at FROM rejections "
            "ORDER BY path, line NULLS FIRST, stage, reason"
        )


def _batches(
    coded: Iterable[tuple[Document, list[Event]]], size: int
) -> Iterator[list[tuple[Document, list[Event]]]]:
    batch: list[tuple[Document, list[Event]]] = []
    for item in coded:
        batch.append(item)
        if len(batch) >= max(1, size):
            yield batch
            batch = []
    if batch:
        yield batch


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    """Open (or, unless `read_only`, create) the dyad store at `path`.

    Args:
        path: The DuckDB file, e.g. `dyad.duckdb`.
        read_only: Open for queries only; the file must exist. Several readers may share it.

    Raises:
        StoreError: The file is missing (read-only), locked by another process, not a
            DuckDB file, a DuckDB file that is not a dyad store, or from a newer schema.
    """
    path = Path(path)
    store_errors.check_path(path, read_only)
    config = dict(store_errors.NO_EXTENSIONS)
    if not read_only:
        config["checkpoint_threshold"] = CHECKPOINT_THRESHOLD
    try:
        connection = duckdb.connect(str(path), read_only=read_only, config=config)
    except (duckdb.Error, OSError) as exc:
        raise store_errors.open_error(path, exc) from exc
    try:
        check_schema(connection, path, read_only)
    except (duckdb.Error, OSError) as exc:
        connection.close()
        raise store_errors.open_error(path, exc) from exc
    except BaseException:
        connection.close()
        raise
    return Store(connection, path, read_only)


__all__ = ["IngestCounts", "Store", "StoreError", "open_store"]
