"""Real events from real text for the store tests: the bundled sample corpus, coded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from dyad.coder.pipeline import Resources, code_documents
from dyad.coder.read import read_documents
from dyad.config import load_config
from dyad.records import Document, Event, Rejection
from dyad.store.database import Store, open_store

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "dyad" / "data" / "sample" / "sample.jsonl"
FIXTURES = Path(__file__).parent / "fixtures"


def code_paths(paths: list[Path]) -> tuple[list[tuple[Document, list[Event]]], list[Rejection]]:
    """Read and code `paths`; return each document with its events, and the rejections."""
    config = load_config()
    items = list(read_documents(paths, config))
    documents = [item for item in items if isinstance(item, Document)]
    rejections = [item for item in items if isinstance(item, Rejection)]
    return list(code_documents(documents, Resources.load(config))), rejections


@cache
def coded_sample() -> tuple[tuple[Document, tuple[Event, ...]], ...]:
    """Return the sample corpus coded: (document, events) for each of its documents."""
    coded, _rejections = code_paths([SAMPLE])
    return tuple((document, tuple(events)) for document, events in coded)


def sample_events() -> list[Event]:
    return [event for _document, events in coded_sample() for event in events]


def sample_store(path: Path) -> Store:
    """Return a store at `path` holding the coded sample corpus."""
    store = open_store(path)
    store.ingest_coded(((d, list(e)) for d, e in coded_sample()), [])
    return store
