"""The embedded store: one DuckDB file holding documents, sentences, events, actors, rejections.

Ingest is idempotent: every row has a content-hash id (`Document.doc_id`, `Event.event_id`,
a hash of the sentence span, of the rejection) and is inserted with ON CONFLICT DO NOTHING,
so the same corpus ingested twice gives the same rows. Each batch of documents is written in
one transaction together with its events, so a killed process never leaves a half-written
document; a re-run skips the documents already stored and codes the rest.

Queries return Arrow tables (`Store.query`); the views live in `aggregate.py`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from dyad.errors import StoreError
from dyad.records import EVENT_KEYS, Actor, Document, Event, Rejection
from dyad.store import errors as store_errors
from dyad.store.identity import Identities, text_hash
from dyad.store.schema import check_schema

# Documents written per transaction by `Store.ingest_coded`: small enough that a crash loses
# little work, large enough that commits do not dominate.
INGEST_BATCH_DOCUMENTS = 32
# WAL size that triggers a checkpoint. DuckDB rewrites primary-key indexes at each checkpoint,
# so its 16 MB default makes a long ingest quadratic; the WAL is replayed after a crash anyway.
CHECKPOINT_THRESHOLD = "512MB"
TABLES = ("documents", "sentences", "events", "actors", "rejections")
# The `Event.to_dict()` keys the events table has columns for; any other key is kept in
# `events.extra` as JSON, so a field added to Event round-trips without a schema change.
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
CONTRACT_FIELDS = frozenset(EVENT_KEYS)


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


def _hash(*parts: object) -> str:
    key = "|".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def sentence_id(doc_id: str, char_start: int, char_end: int) -> str:
    """Return the id of a sentence span of a document."""
    return _hash(doc_id, char_start, char_end)


def cluster_id(event: Event) -> str:
    """Return the dedup key: the same target, code, date and place is one event.

    The source is left out when there is a target: "an Afghan and coalition force killed X"
    is one act, coded once per conjoined subject (AFGSEC, NATMIL), and two stories naming
    different doers of one raid are one raid. An event without a target keeps its source.
    An event without a date is its own cluster: two undated reports cannot be told apart
    from two events years apart. `schema.CLUSTER_SQL` computes the same key in the store.
    """
    if event.date.value is None:
        return _hash("undated", event.event_id)
    place = event.location.name if event.location else ""
    if event.target is not None:
        return _hash("v2", "", event.target.code, event.cameo, event.date.value, place)
    return _hash("v2", event.source.code, "", event.cameo, event.date.value, place)


def first_day(value: str | None) -> date | None:
    """Return the first day of a YYYY, YYYY-MM or YYYY-MM-DD date, None when it is not one."""
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2][:2]) if len(parts) > 2 else 1
        return date(year, month, day)
    except (ValueError, IndexError, OverflowError):  # OverflowError: a year of 400 digits
        return None


def _actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    values = (actor.code, actor.text, actor.name, actor.country) if actor else (None,) * 4
    keys = ("code", "text", "name", "country")
    return {f"{prefix}_{key}": value for key, value in zip(keys, values, strict=True)}


def event_row(event: Event) -> dict[str, Any]:
    """Return the `events` table row for one event."""
    place = event.location
    row: dict[str, Any] = {
        "event_id": event.event_id,
        "cluster_id": cluster_id(event),
        "doc_id": event.doc_id,
        "sentence_id": sentence_id(event.doc_id, event.char_start, event.char_end),
        "char_start": event.char_start,
        "char_end": event.char_end,
        "segment_kind": event.segment.kind,
        "segment_author": event.segment.author,
        "segment_posted": event.segment.posted,
    }
    row |= _actor_columns("source", event.source)
    row |= _actor_columns("target", event.target)
    row |= {
        "cameo": event.cameo,
        "root": event.cameo[:2],
        "quad_class": event.quad_class,
        "goldstein": float(event.goldstein),
        "plover": event.plover,
        "date": event.date.value,
        "date_precision": event.date.precision,
        "date_text": event.date.text,
        "event_day": first_day(event.date.value),
        "location_text": place.text if place else None,
        "location_name": place.name if place else None,
        "location_country": place.country if place else None,
        "location_lat": place.lat if place else None,
        "location_lon": place.lon if place else None,
        "location_precision": place.precision if place else None,
        "location": json.dumps(place.to_dict(), ensure_ascii=False) if place else None,
        "factuality": event.factuality,
    }
    row |= _actor_columns("attributed", event.attributed_to)
    row |= {
        "rule": event.rule,
        "provenance": json.dumps(event.provenance, sort_keys=True),
    }
    extra = {k: v for k, v in event.to_dict().items() if k not in CONTRACT_FIELDS}
    row["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True)
    return row


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
        documents = [_document_row(d, len(e), now) for d, e in coded]
        events = {e.event_id: e for _document, found in coded for e in found}
        event_rows = [event_row(e) for e in events.values()]
        sentences = {
            row["sentence_id"]: _sentence_row(row["sentence_id"], e)
            for row, e in zip(event_rows, events.values(), strict=True)
        }
        actors = {
            (a.code, a.text): _actor_row(a)
            for e in events.values()
            for a in (e.source, e.target, e.attributed_to)
            if a is not None
        }
        rejection_rows = {row["rejection_id"]: row for row in map(_rejection_row, rejections)}
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


def _document_row(document: Document, events: int, now: datetime) -> dict[str, Any]:
    return {
        "doc_id": document.doc_id,
        "path": document.path,
        "line": document.line,
        "date": document.date,
        "doc_day": first_day(document.date),
        "title": document.title,
        "url": document.url,
        "perspective": document.perspective,
        "content_type": document.content_type,
        "chars": len(document.text),
        "text_hash": text_hash(document.text),
        "events": events,
        "ingested_at": now,
    }


def _sentence_row(key: str, event: Event) -> dict[str, Any]:
    return {
        "sentence_id": key,
        "doc_id": event.doc_id,
        "char_start": event.char_start,
        "char_end": event.char_end,
        "text": event.sentence,
        "segment_kind": event.segment.kind,
        "segment_author": event.segment.author,
        "segment_posted": event.segment.posted,
    }


def _actor_row(actor: Actor) -> dict[str, Any]:
    return {
        "code": actor.code,
        "text": actor.text,
        "name": actor.name,
        "country": actor.country,
        "entry": actor.entry,
    }


def _rejection_row(rejection: Rejection) -> dict[str, Any]:
    return {
        "rejection_id": _hash(rejection.path, rejection.line, rejection.stage, rejection.reason),
        "path": rejection.path,
        "line": rejection.line,
        "stage": rejection.stage,
        "reason": rejection.reason,
        "hint": rejection.hint,
        "doc_id": rejection.doc_id,
    }


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
