"""One text per document id: the rule that keeps two texts from ever sharing their events.

A document id names one text. The first text read or stored under an id keeps it; the
same text again is the same document (skipped, so a re-run stores nothing twice), and a
different text under an id already taken is rejected with a message naming the id and
where it was first used, instead of being coded as that document or silently skipped.
Texts are compared by `text_hash`, which the store keeps per document (`text_hash`
column; rows from a store of schema version 1 have none and are taken as matching).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from dyad.records import Document, Rejection, quoted_path

STAGE = "identity"
HINT = 'give each document its own "id"'


def text_hash(text: str) -> str:
    """Return the hash that tells two texts apart (20 hex digits of SHA-256)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def where(document: Document) -> str:
    """Return "path:line" (or the path) of a document, quoted as in messages."""
    path = quoted_path(document.path)
    return f"{path}:{document.line}" if document.line is not None else path


def reused(document: Document, first: str) -> Rejection:
    """Return the rejection of `document`, whose id names another text first seen at `first`."""
    reason = (
        f"document id {document.doc_id!r} is already used for another text ({first}); "
        "document skipped"
    )
    return Rejection(document.path, reason, STAGE, document.line, HINT, document.doc_id)


@dataclass(slots=True)
class Identities:
    """The ids seen in one run, each with its text's hash and where it was first read."""

    seen: dict[str, tuple[str, str]] = field(default_factory=dict)

    def check(self, document: Document, stored: str | None = None) -> Rejection | bool:
        """Return True for a new document, False for one already seen, or its rejection.

        Args:
            document: The document just read.
            stored: The hash stored for its id, if the store holds it ("" for a row
                without one, which is taken as the same text).
        """
        digest = text_hash(document.text)
        if stored is not None:
            if stored and stored != digest:
                return reused(document, "in the store")
            return False
        first = self.seen.get(document.doc_id)
        if first is None:
            self.seen[document.doc_id] = (digest, where(document))
            return True
        if first[0] != digest:
            return reused(document, f"first at {first[1]}")
        return False


def one_text_per_id(
    items: Iterable[Document | Rejection],
    stored: dict[str, str] | None = None,
    skipped: list[str] | None = None,
) -> Iterator[Document | Rejection]:
    """Yield `items`, dropping a document already read or stored with the same text (its id
    goes to `skipped`) and turning one whose id names another text into its rejection.

    Args:
        items: From `read.read_documents`.
        stored: The text hash of each document id already stored.
        skipped: Appended to with the id of each document dropped as already there.
    """
    identities = Identities()
    for item in items:
        if isinstance(item, Document):
            verdict = identities.check(item, None if stored is None else stored.get(item.doc_id))
            if verdict is False:
                if skipped is not None:
                    skipped.append(item.doc_id)
                continue
            if isinstance(verdict, Rejection):
                yield verdict
                continue
        yield item
