"""Facets of the current view: the most frequent values of a few fields, for click-to-filter.

`facets(store, where)` counts the matching events by CAMEO code, place, district,
factuality and document, so the dashboard can show "190 Use conventional military force:
412" and narrow the view to it with one click. Each value is the one the filter of that name takes.
"""

from __future__ import annotations

from typing import Any

from dyad.store.aggregate import EventFilter
from dyad.store.database import Store
from dyad.store.labels import cameo_label

FACET_VALUES = 8
# facet name (= the filter it sets) -> the SQL expression it counts by
FACETS = {
    "code": "e.cameo",
    "place": "e.location_name",
    "district": "e.location_district",
    "factuality": "e.factuality",
    "doc": "e.doc_id",
}


def facets(store: Store, where: EventFilter, *, top: int = FACET_VALUES) -> dict[str, Any]:
    """Return, per facet, the `top` values among the matching events with their counts.

    Factuality is counted over every factuality (with the other filters kept), so the view
    shows what the default leaves out and how much of it there is.

    Returns:
        {"code": [{"value": "190", "label": "Use conventional...", "events": 412}, ...], ...}
    """
    from dataclasses import replace

    from dyad.store.aggregate import ALL_FACTUALITY

    result: dict[str, Any] = {}
    for name, column in FACETS.items():
        chosen = replace(where, factuality=ALL_FACTUALITY) if name == "factuality" else where
        condition, params = chosen.where()
        rows = store.query(
            f"SELECT {column} AS value, count(*) AS events FROM events e "
            f"WHERE {condition} AND {column} IS NOT NULL GROUP BY 1 "
            "ORDER BY events DESC, value LIMIT ?",
            [*params, top],
        ).to_pylist()
        if name == "code":
            for row in rows:
                row["label"] = cameo_label(row["value"])
        result[name] = rows
    return result


def rejections(store: Store, *, limit: int = 500) -> list[dict[str, Any]]:
    """Return the stored rejections and warnings (file name, line, stage, reason, hint).

    Only the file's name is given: the store may be served to people who should not see
    where its inputs lie on this machine.
    """
    rows: list[dict[str, Any]] = store.rejections().slice(0, limit).to_pylist()
    for row in rows:
        row["path"] = row["path"].replace("\\", "/").rsplit("/", 1)[-1]
    return rows
