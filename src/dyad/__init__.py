"""dyad: political event data from news and commentary."""

from dyad.errors import DyadError
from dyad.records import Actor, Document, Event, Rejection, Segment, Sentence
from dyad.store.database import open_store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Document",
    "DyadError",
    "Event",
    "Rejection",
    "Segment",
    "Sentence",
    "__version__",
    "open_store",
]
