"""The rows the store writes: one dict per document, sentence, event, actor and rejection.

Rows carry content-hash ids (`sentence_id`, the rejection's id) and the dedup key
`cluster_id`, so writing the same record twice gives the same row.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from dyad.records import EVENT_KEYS, Actor, Document, Event, Rejection
from dyad.store.identity import text_hash

# The `Event.to_dict()` keys the events table has columns for; any other key is kept in
# `events.extra` as JSON, so a field added to Event round-trips without a schema change.
CONTRACT_FIELDS = frozenset(EVENT_KEYS)


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
        "location_district": place.district if place else None,
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


def document_row(document: Document, events: int, now: datetime) -> dict[str, Any]:
    """Return the documents-table row of `document`, which gave `events` events."""
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


def sentence_row(key: str, event: Event) -> dict[str, Any]:
    """Return the sentences-table row, keyed `key`, of the sentence `event` was coded from."""
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


def actor_row(actor: Actor) -> dict[str, Any]:
    """Return the actors-table row of `actor`."""
    return {
        "code": actor.code,
        "text": actor.text,
        "name": actor.name,
        "country": actor.country,
        "entry": actor.entry,
    }


def rejection_row(rejection: Rejection) -> dict[str, Any]:
    """Return the rejections-table row of `rejection`, keyed by a hash of where and why."""
    return {
        "rejection_id": _hash(rejection.path, rejection.line, rejection.stage, rejection.reason),
        "path": rejection.path,
        "line": rejection.line,
        "stage": rejection.stage,
        "reason": rejection.reason,
        "hint": rejection.hint,
        "doc_id": rejection.doc_id,
    }
