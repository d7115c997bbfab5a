"""Read-only queries the HTTP API needs beyond `aggregate`: pages, documents, map points.

Every function takes an open `Store` and an `EventFilter` (whose `where()` binds every value
as a parameter) and returns plain dicts ready for JSON. Pages use keyset pagination: the
cursor is the sort key of the last row shown, so a page costs the same wherever it starts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dyad.errors import QueryError
from dyad.store.aggregate import _PRECISIONS, EventFilter, Period
from dyad.store.database import Store
from dyad.store.labels import cameo_label

# Events without a date sort after every dated one (newest first, undated last).
_NO_DAY = date(1, 1, 1)
# A stored document's source is re-read for the document view only when it is this small.
MAX_SOURCE_BYTES = 20_000_000
SourceReader = Callable[[str, int | None, str, int], tuple[str | None, list[dict[str, Any]]]]

EVENT_COLUMNS = """
    e.event_id, e.doc_id, e.source_code AS source, e.source_name, e.source_text,
    e.target_code AS target, e.target_name, e.target_text, e.cameo, e.root,
    CAST(e.quad_class AS INTEGER) AS quad_class, e.goldstein, e.date, e.date_precision,
    e.date_text, e.factuality, e.attributed_code AS attributed_to, e.attributed_text,
    e.rule, e.location_name AS place, e.location_country AS place_country,
    e.location_lat AS lat, e.location_lon AS lon, e.location_precision AS place_precision,
    e.location_district AS district,
    json_extract_string(e.location, '$.admin1') AS province,
    e.char_start, e.char_end, e.segment_kind, e.segment_author, e.cluster_id
"""


@dataclass(frozen=True, slots=True)
class PageKey:
    """The sort key of an event: newest day first, then document, offset and id."""

    day: date
    doc_id: str
    char_start: int
    event_id: str


def event_page(
    store: Store, where: EventFilter, *, after: PageKey | None, limit: int
) -> tuple[list[dict[str, Any]], PageKey | None]:
    """Return up to `limit` matching events after `after`, and the key of the next page.

    Args:
        store: An open store.
        where: Which events.
        after: The key of the last event of the previous page; None for the first page.
        limit: Page size.

    Returns:
        The events (with their sentence and dedup cluster sizes) and the key to pass as
        `after` for the next page, None on the last page.
    """
    condition, params = where.where()
    day = f"coalesce(e.event_day, DATE '{_NO_DAY.isoformat()}')"
    if after is not None:
        condition += (
            f" AND ({day} < ? OR ({day} = ? AND (e.doc_id > ? OR (e.doc_id = ? AND "
            "(e.char_start > ? OR (e.char_start = ? AND e.event_id > ?))))))"
        )
        params += [after.day, after.day, after.doc_id, after.doc_id]
        params += [after.char_start, after.char_start, after.event_id]
    rows: list[dict[str, Any]] = store.query(
        f"""
        WITH picked AS (
            SELECT {EVENT_COLUMNS}, {day} AS sort_day, e.sentence_id FROM events e
            WHERE {condition}
            ORDER BY sort_day DESC, e.doc_id, e.char_start, e.event_id LIMIT ?
        ), sizes AS (
            SELECT cluster_id, count(*) AS mentions, count(DISTINCT doc_id) AS documents
            FROM events WHERE cluster_id IN (SELECT cluster_id FROM picked) GROUP BY cluster_id
        )
        SELECT p.*, z.documents AS cluster_documents, z.mentions AS cluster_mentions,
               s.text AS sentence
        FROM picked p JOIN sizes z USING (cluster_id)
        LEFT JOIN sentences s ON s.sentence_id = p.sentence_id
        ORDER BY p.sort_day DESC, p.doc_id, p.char_start, p.event_id
        """,
        [*params, limit + 1],
    ).to_pylist()
    more = len(rows) > limit
    rows = rows[:limit]
    for row in rows:
        row["cameo_label"] = cameo_label(row["cameo"])
        row.pop("sentence_id")
        sort_day = row.pop("sort_day")
        row["_key"] = PageKey(sort_day, row["doc_id"], row["char_start"], row["event_id"])
    key = rows[-1]["_key"] if more else None
    for row in rows:
        del row["_key"]
    return rows, key


def quad_series(store: Store, where: EventFilter, period: Period) -> list[dict[str, Any]]:
    """Return raw and deduplicated event counts per period and QuadClass.

    Dates coarser than the period are left out, as in `aggregate.trend`.
    """
    condition, params = where.where()
    precisions = _PRECISIONS[period]
    return list(
        store.query(
            f"""
            SELECT CAST(date_trunc('{period}', e.event_day) AS DATE) AS start,
                   CAST(e.quad_class AS INTEGER) AS quad_class, count(*) AS events,
                   count(DISTINCT e.cluster_id) AS unique_events
            FROM events e
            WHERE {condition} AND e.event_day IS NOT NULL
                  AND e.date_precision IN ({", ".join("?" * len(precisions))})
            GROUP BY 1, 2 ORDER BY 1, 2
            """,
            [*params, *precisions],
        ).to_pylist()
    )


def map_points(store: Store, where: EventFilter) -> list[dict[str, Any]]:
    """Return events grouped by place, one point per place name and country.

    A province and its capital that share a name (Kandahār) are one point, at the spot most
    of its events name. A district's events are drawn at its province's point (the gazetteer
    has no district points), and `districts` lists the districts of each point. Events with
    no place and no country are left out: the dashboard does not draw them where they did
    not happen. Rows without coordinates (`precision` "country": the text names the country
    only) carry an ISO3 `country`.
    """
    condition, params = where.where()
    return list(
        store.query(
            f"""
            WITH placed AS (
                SELECT e.*, nullif(e.location_country, '') AS iso3,
                       json_extract_string(e.location, '$.admin1') AS province,
                       coalesce(CASE WHEN e.location_district IS NOT NULL
                                THEN json_extract_string(e.location, '$.admin1') END,
                                e.location_name, nullif(e.location_country, '')) AS spot
                FROM events e WHERE {condition}
            ), spots AS (
                SELECT spot AS place, iso3 AS country, location_lat AS lat, location_lon AS lon,
                       CASE WHEN location_district IS NOT NULL THEN 'admin1'
                            ELSE location_precision END AS how,
                       count(*) AS n
                FROM placed WHERE iso3 IS NOT NULL OR location_lat IS NOT NULL GROUP BY ALL
            ), best AS (
                SELECT place, country, arg_max(lat, n) AS lat, arg_max(lon, n) AS lon,
                       arg_max(how, n) AS how
                FROM spots GROUP BY ALL
            )
            SELECT b.place, b.country, any_value(p.province) AS province, b.lat, b.lon,
                   list(DISTINCT p.location_district ORDER BY p.location_district)
                       FILTER (WHERE p.location_district IS NOT NULL) AS districts,
                   CASE WHEN b.lat IS NULL THEN 'country' ELSE coalesce(b.how, 'place') END
                       AS precision,
                   count(*) AS events, count(DISTINCT p.cluster_id) AS unique_events,
                   count(*) FILTER (WHERE p.quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE p.quad_class IN (3, 4)) AS conflict
            FROM placed p JOIN best b
              ON b.place = p.spot
             AND b.country IS NOT DISTINCT FROM p.iso3
            GROUP BY b.place, b.country, b.lat, b.lon, b.how
            ORDER BY events DESC, place
            """,
            params,
        ).to_pylist()
    )


def actor_codes(store: Store) -> frozenset[str]:
    """Return every actor code stored as a source, target or attribution."""
    rows = store.query("SELECT DISTINCT code FROM actors").to_pydict()["code"]
    return frozenset(rows)


def document(
    store: Store, doc_id: str, *, source: SourceReader | None = None
) -> dict[str, Any] | None:
    """Return a stored document with its coded sentences and every event's span.

    The `text` is the document re-read from its source when that file is still there and
    reads back to the same document; otherwise None, and the sentences carry the context.
    `source` reads it (path, line, doc_id, chars -> text, segments); the server passes a
    cache (`serve.documents.SourceCache`) so that a file is not parsed per request.
    """
    found = store.query("SELECT * FROM documents WHERE doc_id = ?", [doc_id]).to_pylist()
    if not found:
        return None
    meta = found[0]
    sentences = store.query(
        "SELECT sentence_id, char_start, char_end, text, segment_kind, segment_author, "
        "segment_posted FROM sentences WHERE doc_id = ? ORDER BY char_start",
        [doc_id],
    ).to_pylist()
    events = store.query(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.doc_id = ? "
        "ORDER BY e.char_start, e.event_id",
        [doc_id],
    ).to_pylist()
    for event in events:
        event["cameo_label"] = cameo_label(event["cameo"])
    text, segments = (source or _source)(meta["path"], meta["line"], doc_id, meta["chars"])
    # The file's name only: a served store must not tell where its inputs lie on this machine.
    meta["path"] = meta["path"].replace("\\", "/").rsplit("/", 1)[-1]
    result: dict[str, Any] = meta | {
        "event_count": meta["events"],
        "text": text,
        "segments": segments,
        "sentences": sentences,
        "events": events,
    }
    return result


def _source(
    path: str, line: int | None, doc_id: str, chars: int
) -> tuple[str | None, list[dict[str, Any]]]:
    from dyad.coder.read import read_documents
    from dyad.coder.structure import split_segments
    from dyad.config import load_config
    from dyad.records import Document

    file = Path(path)
    if not file.is_file() or file.stat().st_size > MAX_SOURCE_BYTES:
        return None, []
    for item in read_documents([file], load_config()):
        if isinstance(item, Document) and item.doc_id == doc_id and item.line == line:
            if len(item.text) != chars:
                return None, []
            segments = [
                {"kind": s.kind, "start": s.start, "end": s.end, "author": s.author}
                for s in split_segments(item)
            ]
            return item.text, segments
    return None, []


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """Return one event with its sentence, document and dedup cluster, by id or unique prefix.

    Raises:
        QueryError: The prefix matches several events.
    """
    prefix = event_id.strip().lower()
    found = store.query(
        f"""
        SELECT {EVENT_COLUMNS}, e.plover, e.provenance, s.text AS sentence,
               d.title AS doc_title, d.date AS doc_date, d.url AS doc_url, d.path AS doc_path,
               d.line AS doc_line,
               (SELECT count(*) FROM events c WHERE c.cluster_id = e.cluster_id)
                   AS cluster_mentions,
               (SELECT count(DISTINCT c.doc_id) FROM events c WHERE c.cluster_id = e.cluster_id)
                   AS cluster_documents
        FROM events e LEFT JOIN sentences s USING (sentence_id)
        LEFT JOIN documents d ON d.doc_id = e.doc_id
        WHERE starts_with(e.event_id, ?) ORDER BY e.event_id LIMIT 2
        """,
        [prefix],
    ).to_pylist()
    if len(found) > 1:
        raise QueryError(
            f"event id {event_id!r} is the start of several events", hint="give more characters"
        )
    return found[0] if found else None
