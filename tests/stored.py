"""Real events from real text for the store tests: the bundled sample corpus, coded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from dyad.coder.pipeline import Resources, code_documents
from dyad.coder.read import read_documents
from dyad.config import load_config
from dyad.records import Actor, DatePoint, Document, Event, Place, Rejection, Segment
from dyad.store.database import Store, open_store

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "dyad" / "data" / "sample" / "sample.jsonl"
FIXTURES = Path(__file__).parent / "fixtures"


def code_paths(paths: list[Path]) -> tuple[list[tuple[Document, list[Event]]], list[Rejection]]:
    """Read and code `paths`; return each document with its events, and the rejections."""
    # the rule coder's events: store and dashboard tests need a sample that does not move
    # when Coder v2's models are retrained (tests/learn covers those)
    config = load_config(overrides=["coder.learned=false", "coder.require_dyad=true"])
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


SANGIN = Place("Sangin district", "Sangin", "AFG", 31.59, 64.37, "district", "Helmand", "Sangin")
GHAZNI_DISTRICT = Place(
    "Ghazni district", "Ghazni", "AFG", 33.55, 68.42, "district", "Ghaznī", "Ghazni"
)
GHAZNI_CITY = Place("Ghazni", "Ghazni", "AFG", 33.55, 68.42, "city", "Ghaznī")
GHAZNI_PROVINCE = Place("Ghazni province", "Ghaznī", "AFG", 33.55, 68.42, "admin1", "Ghaznī")
HELMAND = Place("Helmand province", "Helmand", "AFG", 31.59, 64.37, "admin1", "Helmand")
# place -> how many events there
DISTRICT_PLACES = [
    (SANGIN, 3),
    (GHAZNI_DISTRICT, 2),
    (GHAZNI_CITY, 4),
    (GHAZNI_PROVINCE, 1),
    (HELMAND, 5),
]


def _district_event(doc_id: str, n: int, place: Place) -> Event:
    return Event(
        event_id=f"{doc_id}-{n}",
        doc_id=doc_id,
        sentence=f"ISAF attacked insurgents in {place.text}.",
        char_start=0,
        char_end=40,
        segment=Segment("body", 0, 40),
        source=Actor("ISAF", "IGOSEAISAF", "ISAF"),
        target=Actor("insurgents", "AFGINS", "Insurgents", "AFG"),
        cameo="190",
        quad_class=4,
        goldstein=-10.0,
        plover=None,
        date=DatePoint(f"2011-0{n % 9 + 1}-1{n % 9}", "day", None),
        location=place,
        factuality="asserted",
        attributed_to=None,
        rule="test",
    )


def district_store(path: Path) -> Store:
    """Return a store of hand-built events at districts and their namesakes (no model):
    Sangin district (3 events) and Helmand province (5), Ghazni district (2), Ghazni city (4)
    and Ghazni province (1)."""
    coded = []
    for i, (place, many) in enumerate(DISTRICT_PLACES):
        doc = Document(f"doc{i}", f"ISAF attacked insurgents in {place.text}.", "isaf.jsonl")
        coded.append((doc, [_district_event(doc.doc_id, n, place) for n in range(many)]))
    store = open_store(path)
    store.ingest_coded(iter(coded), [])
    return store
