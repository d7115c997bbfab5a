"""Read, code and store whole inputs: the library behind `dyad code`, `ingest` and `demo`.

Nothing here prints. Each rejection or warning is handed to `on_rejection` as it is read,
and progress to `on_document` / `on_batch`, so the caller decides how to show them (the
CLI prints one line each and draws a progress bar on a terminal).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.coder.read import read_documents
from dyad.coder.resources import Resources
from dyad.config import Config
from dyad.records import Document, Event, Rejection
from dyad.run import NO_DEFAULTS, RunDefaults, code_stream
from dyad.store.database import INGEST_BATCH_DOCUMENTS, IngestCounts, open_store
from dyad.store.identity import one_text_per_id

OnRejection = Callable[[Rejection], None]


def coded_documents(
    paths: Sequence[Path],
    resources: Resources,
    rejections: list[Rejection],
    *,
    defaults: RunDefaults = NO_DEFAULTS,
    on_rejection: OnRejection | None = None,
    stored: dict[str, str] | None = None,
    skipped: list[str] | None = None,
) -> Iterator[tuple[Document, list[Event]]]:
    """Read and code `paths` through `run.code_stream`; yield each coded document.

    Args:
        paths: Files and directories, as `read.read_documents` takes them.
        resources: Loaded dictionaries and config.
        rejections: Appended to, while the documents are consumed, with every rejection
            and every structure warning (a comment thread with no readable stamp).
        defaults: Reference date and perspective for documents that carry none.
        on_rejection: Called with each rejection or warning as it is found.
        stored: The text hash of each stored document id: a document id names one text
            (`store.identity`), so one stored with the same text is skipped and one whose
            id names another text is rejected, as within the run.
        skipped: Appended to with the id of each document already read or stored.
    """

    def note(rejection: Rejection) -> None:
        rejections.append(rejection)
        if on_rejection is not None:
            on_rejection(rejection)

    items: Iterable[Document | Rejection] = one_text_per_id(
        read_documents(paths, resources.config), stored, skipped
    )
    for item in code_stream(items, resources, defaults=defaults):
        if isinstance(item, Rejection):
            note(item)
            continue
        for warning in item.warnings:
            note(warning)
        yield item.document, item.events


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
        resources: Loaded dictionaries and config (`Resources.load`).
        date: Reference date for undated documents.
        perspective: Country code the authors write from, where a document has none.
        on_rejection: Called with each rejection or warning as it is found.
        on_document: Called with the count of documents coded so far, after each one.
    """
    rejections: list[Rejection] = []
    found: list[Event] = []
    defaults = RunDefaults(date, perspective)
    coded = coded_documents(
        paths, resources, rejections, defaults=defaults, on_rejection=on_rejection
    )
    for number, (_document, events) in enumerate(coded, start=1):
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
    warnings: int = 0  # documents kept with a warning (a bad date, a legacy encoding)

    def line(self) -> str:
        c = self.counts
        noted = ""
        if c.rejected or self.warnings:
            noted = f", {self.warnings:,} kept with a warning (`dyad rejections` lists both)"
        return (
            f"{c.documents:,} documents coded, {self.skipped:,} already stored; "
            f"{c.events:,} new events; {c.rejected:,} rejected{noted}; store {self.db}"
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
    warned: list[Rejection] = []

    def noted(rejection: Rejection) -> None:
        if rejection.stage.endswith("warning"):
            warned.append(rejection)
        if on_rejection is not None:
            on_rejection(rejection)

    with open_store(db) as store:
        stored = store.document_hashes()
        rejections: list[Rejection] = []
        skipped: list[str] = []

        def kept(coded: Iterable[tuple[Document, list[Event]]]) -> Iterator[Any]:
            for document, found in coded:
                if keep is not None:
                    keep.extend(found)
                yield document, found

        resources = Resources.load(config)
        defaults = RunDefaults(date, perspective)
        coded = kept(
            coded_documents(
                paths,
                resources,
                rejections,
                defaults=defaults,
                stored=stored,
                skipped=skipped,
                on_rejection=noted,
            )
        )
        counts = store.ingest_coded(
            coded,
            rejections,
            batch_documents=batch_documents or INGEST_BATCH_DOCUMENTS,
            on_batch=on_batch,
        )
    return IngestSummary(db, counts, len(skipped), len(warned))
