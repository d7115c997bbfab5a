"""Read, code and store whole inputs: the library behind `dyad code`, `ingest` and `demo`.

Nothing here prints. Each rejection or warning is handed to `on_rejection` as it is read,
and progress to `on_document` / `on_batch`, so the caller decides how to show them (the
CLI prints one line each and draws a progress bar on a terminal).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from dyad.coder.pipeline import Resources, code_documents
from dyad.coder.read import read_documents
from dyad.coder.structure import structure_warnings
from dyad.config import Config
from dyad.records import Document, Event, Rejection
from dyad.store.database import INGEST_BATCH_DOCUMENTS, IngestCounts, open_store
from dyad.store.identity import Identities

OnRejection = Callable[[Rejection], None]


def read_for_coding(
    paths: Sequence[Path],
    config: Config,
    rejections: list[Rejection],
    *,
    date: str | None = None,
    perspective: str | None = None,
    on_rejection: OnRejection | None = None,
    stored: dict[str, str] | None = None,
    skipped: list[str] | None = None,
) -> Iterator[Document]:
    """Yield the readable documents in `paths`, with the run's defaults filled in.

    A document id names one text (`store.identity`): a document whose id was read before
    with the same text, or is in `stored` with it, is not yielded again (its id goes to
    `skipped`); one whose id names another text becomes a rejection.

    Args:
        paths: Files and directories, as `read.read_documents` takes them.
        config: Settings for reading.
        rejections: Appended to, while the documents are consumed, with every rejection
            and every structure warning (a comment thread with no readable stamp).
        date: Reference date YYYY-MM-DD for documents that carry none.
        perspective: Country code the authors write from, for documents that carry none.
        on_rejection: Called with each rejection or warning as it is found.
        stored: The text hash of each document id already stored.
        skipped: Appended to with the id of each document already read or stored.
    """
    identities = Identities()
    for item in read_documents(paths, config):
        if isinstance(item, Document):
            verdict = identities.check(item, None if stored is None else stored.get(item.doc_id))
            if verdict is False:
                if skipped is not None:
                    skipped.append(item.doc_id)
                continue
            if isinstance(verdict, Rejection):
                item = verdict
        if isinstance(item, Rejection):
            rejections.append(item)
            if on_rejection is not None:
                on_rejection(item)
            continue
        changes: dict[str, Any] = {}
        if item.date is None and date is not None:
            changes["date"] = date
        if item.perspective is None and perspective is not None:
            changes["perspective"] = perspective
        document = replace(item, **changes) if changes else item
        for warning in structure_warnings(document):
            rejections.append(warning)
            if on_rejection is not None:
                on_rejection(warning)
        yield document


def code_paths(
    paths: Sequence[Path],
    resources: Resources,
    *,
    date: str | None = None,
    perspective: str | None = None,
    on_rejection: OnRejection | None = None,
    on_document: Callable[[int], None] | None = None,
) -> tuple[list[Event], list[Rejection]]:
    """Read and code `paths`; return every event and every rejection or warning.

    Args:
        paths: Files and directories to read.
        resources: Loaded dictionaries and config (`pipeline.Resources.load`).
        date: Reference date for undated documents.
        perspective: Country code the authors write from, where a document has none.
        on_rejection: Called with each rejection or warning as it is found.
        on_document: Called with the count of documents coded so far, after each one.
    """
    rejections: list[Rejection] = []
    found: list[Event] = []
    documents = read_for_coding(
        paths,
        resources.config,
        rejections,
        date=date,
        perspective=perspective,
        on_rejection=on_rejection,
    )
    for number, (_document, events) in enumerate(code_documents(documents, resources), start=1):
        found.extend(events)
        if on_document is not None:
            on_document(number)
    return found, rejections


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one `dyad ingest` run did: rows newly written and documents skipped."""

    db: Path
    counts: IngestCounts
    skipped: int

    def line(self) -> str:
        c = self.counts
        return (
            f"{c.documents:,} documents coded, {self.skipped:,} already stored; "
            f"{c.events:,} new events; {c.rejected:,} rejected; store {self.db}"
        )


def ingest_paths(
    paths: Sequence[Path],
    db: Path,
    config: Config,
    *,
    date: str | None = None,
    perspective: str | None = None,
    batch_documents: int | None = None,
    keep: list[Event] | None = None,
    on_rejection: OnRejection | None = None,
    on_batch: Callable[[IngestCounts, int], None] | None = None,
) -> IngestSummary:
    """Read, code and store `paths`, skipping documents already stored; one commit per batch.

    Args:
        paths: Files and directories to read.
        db: The store (one DuckDB file), created if missing.
        config: Settings for reading and coding.
        date: Reference date for undated documents.
        perspective: Country code the authors write from, where a document has none.
        batch_documents: Documents per commit (default `store.INGEST_BATCH_DOCUMENTS`).
        keep: Extended with the events of every newly coded document.
        on_rejection: Called with each rejection or warning as it is found.
        on_batch: Called after each commit with the running totals and documents seen.
    """
    with open_store(db) as store:
        rejections: list[Rejection] = []
        skipped: list[str] = []
        documents = read_for_coding(
            paths,
            config,
            rejections,
            date=date,
            perspective=perspective,
            on_rejection=on_rejection,
            stored=store.document_hashes(),
            skipped=skipped,
        )

        def kept(coded: Iterable[tuple[Document, list[Event]]]) -> Iterator[Any]:
            for document, found in coded:
                if keep is not None:
                    keep.extend(found)
                yield document, found

        coded = kept(code_documents(documents, Resources.load(config)))
        counts = store.ingest_coded(
            coded,
            rejections,
            batch_documents=batch_documents or INGEST_BATCH_DOCUMENTS,
            on_batch=on_batch,
        )
    return IngestSummary(db, counts, len(skipped))
