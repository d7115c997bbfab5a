"""Views on the store: filtered events, dedup clusters, dyads, trends and the network.

Every view takes an `EventFilter` and returns an Arrow table. Counts come in pairs: `events`
(raw: every report) and `unique` (dedup clusters: the same source, target, CAMEO code, date
at its precision and place reported by several stories or comments count once).

Actor codes match as prefixes (`IRQ` matches IRQGOV and IRQMIL); a dyad `A-B` is directed
(A the source, B the target); a code matches its sub-codes (`19` is the whole root).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Literal

import pyarrow as pa

from dyad.errors import QueryError
from dyad.store.database import Store, first_day

Period = Literal["week", "month", "quarter"]
PERIODS: tuple[Period, ...] = ("week", "month", "quarter")
DEFAULT_FACTUALITY = ("asserted", "reported", "speculative", "negated")
ALL_FACTUALITY = ("asserted", "reported", "speculative", "hypothetical", "negated", "question")
# A percentage change over fewer events than this says more about noise than about the
# world (4 -> 6 events is "+50%"): the trend shows the counts and no percentage.
MIN_BASELINE_EVENTS = 10
# ACLED-style bands for the change against the comparison period, in percent: a change at or
# above LARGE_CHANGE_PCT is "large", one below STABLE_CHANGE_PCT in size is "stable".
LARGE_CHANGE_PCT = 25.0
STABLE_CHANGE_PCT = 10.0
# Dates finer than the period are needed to place an event in it.
_PRECISIONS: dict[Period, tuple[str, ...]] = {
    "week": ("day",),
    "month": ("day", "month"),
    "quarter": ("day", "month"),
}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a view looks at; None means no restriction."""

    actor: str | None = None
    dyad: str | None = None
    code: str | None = None
    quad_classes: tuple[int, ...] = ()
    factuality: tuple[str, ...] = DEFAULT_FACTUALITY
    since: str | None = None
    until: str | None = None
    place: str | None = None
    document: str | None = None

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """Return a SQL condition over the events table (aliased `alias`) and its parameters."""
        a = f"{alias}."
        terms: list[str] = []
        params: list[Any] = []
        if self.actor:
            terms.append(f"({a}source_code LIKE ? {_ESC} OR {a}target_code LIKE ? {_ESC})")
            params += [f"{_literal(self.actor)}%"] * 2
        if self.dyad:
            source, target = parse_dyad(self.dyad)
            terms.append(f"{a}source_code LIKE ? {_ESC} AND {a}target_code LIKE ? {_ESC}")
            params += [f"{_literal(source)}%", f"{_literal(target)}%"]
        if self.code:
            terms.append(f"{a}cameo LIKE ? {_ESC}")
            params.append(f"{_literal(self.code)}%")
        if self.quad_classes:
            terms.append(f"{a}quad_class IN ({', '.join('?' * len(self.quad_classes))})")
            params += list(self.quad_classes)
        if set(self.factuality) != set(ALL_FACTUALITY):
            terms.append(f"{a}factuality IN ({', '.join('?' * len(self.factuality))})")
            params += list(self.factuality)
        if self.since:
            terms.append(f"{a}event_day >= ?")
            params.append(date_bounds(self.since)[0])
        if self.until:
            terms.append(f"{a}event_day <= ?")
            params.append(date_bounds(self.until)[1])
        if self.place:
            terms.append(
                f"({a}location_name ILIKE ? {_ESC} OR {a}location_text ILIKE ? {_ESC}"
                f" OR {a}location_country = ?)"
            )
            params += [_literal(self.place), _literal(self.place), self.place.upper()]
        if self.document:
            terms.append(f"{a}doc_id = ?")
            params.append(self.document)
        return (" AND ".join(terms) or "TRUE"), params


_ESC = "ESCAPE '\\'"


def _literal(text: str) -> str:
    """Escape LIKE's wildcards: a filter value matches as written ("Bag_dad" is no Baghdad)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def parse_dyad(text: str) -> tuple[str, str]:
    """Return (source, target) of a dyad written `SOURCE-TARGET`, e.g. `IRQGOV-IRNGOV`."""
    source, dash, target = text.partition("-")
    if not dash or not source or not target:
        raise QueryError(f"dyad {text!r} is not SOURCE-TARGET", hint="e.g. --dyad IRQGOV-IRNGOV")
    return source.upper(), target.upper()


def date_bounds(text: str) -> tuple[date, date]:
    """Return the first and last day of a YYYY, YYYY-MM or YYYY-MM-DD date."""
    first = first_day(text.strip())
    parts = text.strip().split("-")
    if first is None or len(parts) > 3 or len(parts[0]) != 4:
        raise QueryError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if len(parts) == 1:
        return first, date(first.year, 12, 31)
    if len(parts) == 2:
        return first, date(first.year, first.month, calendar.monthrange(*first.timetuple()[:2])[1])
    return first, first


def events(store: Store, where: EventFilter, *, limit: int = 50) -> pa.Table:
    """Return the matching events, newest first, with their sentence and cluster counts."""
    condition, params = where.where()
    return store.query(
        f"""
        WITH picked AS (
            SELECT * FROM events e WHERE {condition}
            ORDER BY e.event_day DESC NULLS LAST, e.doc_id, e.char_start, e.event_id
            LIMIT ?
        ), sizes AS (
            SELECT cluster_id, count(*) AS mentions, count(DISTINCT doc_id) AS documents
            FROM events WHERE cluster_id IN (SELECT cluster_id FROM picked) GROUP BY cluster_id
        )
        SELECT p.event_id, p.doc_id, p.source_code AS source, p.target_code AS target,
               p.cameo, p.quad_class, p.goldstein, p.date, p.date_precision, p.factuality,
               p.location_name AS place, p.cluster_id, z.documents AS cluster_documents,
               z.mentions AS cluster_mentions, s.text AS sentence
        FROM picked p JOIN sizes z USING (cluster_id)
        LEFT JOIN sentences s ON s.sentence_id = p.sentence_id
        ORDER BY p.event_day DESC NULLS LAST, p.doc_id, p.char_start, p.event_id
        """,
        [*params, limit],
    )


def clusters(store: Store, where: EventFilter, *, limit: int = 50) -> pa.Table:
    """Return dedup clusters (one row per distinct event), most reported first."""
    condition, params = where.where()
    return store.query(
        f"""
        SELECT e.cluster_id, any_value(e.source_code) AS source,
               any_value(e.target_code) AS target, any_value(e.cameo) AS cameo,
               any_value(e.date) AS date, any_value(e.date_precision) AS date_precision,
               any_value(e.location_name) AS place, count(DISTINCT e.doc_id) AS documents,
               count(*) AS mentions, min(e.event_id) AS first_event_id
        FROM events e WHERE {condition}
        GROUP BY e.cluster_id
        ORDER BY mentions DESC, documents DESC, date DESC NULLS LAST, e.cluster_id
        LIMIT ?
        """,
        [*params, limit],
    )


def totals(store: Store, where: EventFilter) -> dict[str, int]:
    """Return raw and deduplicated counts of the matching events, and their documents."""
    condition, params = where.where()
    table = store.query(
        f"SELECT count(*) AS events, count(DISTINCT e.cluster_id) AS unique_events, "
        f"count(DISTINCT e.doc_id) AS documents FROM events e WHERE {condition}",
        params,
    )
    return {key: int(value[0]) for key, value in table.to_pydict().items()}


_DYAD_ORDER = {
    "events": "events",
    "unique": "unique_events",
    "conflict_share": "conflict_share",
    "goldstein": "goldstein_sum",
}


def dyads(store: Store, where: EventFilter, *, limit: int = 20, sort: str = "events") -> pa.Table:
    """Return directed dyads ranked by `sort`: counts, conflict share and Goldstein sum.

    `conflict_share` is the share of QuadClass 3 and 4 (verbal and material conflict) among
    the dyad's raw events; events without a target are not dyads and are left out.
    """
    condition, params = where.where()
    if sort not in _DYAD_ORDER:
        raise QueryError(f"cannot sort dyads by {sort!r}", hint=f"choose {', '.join(_DYAD_ORDER)}")
    order = _DYAD_ORDER[sort]
    return store.query(
        f"""
        SELECT e.source_code AS source, e.target_code AS target, count(*) AS events,
               count(DISTINCT e.cluster_id) AS unique_events,
               count(DISTINCT e.doc_id) AS documents,
               round(avg(CASE WHEN e.quad_class >= 3 THEN 1.0 ELSE 0.0 END), 3)
                   AS conflict_share,
               round(sum(e.goldstein), 1) AS goldstein_sum,
               round(avg(e.goldstein), 2) AS goldstein_mean
        FROM events e WHERE {condition} AND e.target_code IS NOT NULL
        GROUP BY e.source_code, e.target_code
        ORDER BY {order} DESC, events DESC, source, target
        LIMIT ?
        """,
        [*params, limit],
    )


def network(store: Store, where: EventFilter, *, level: str = "actor") -> pa.Table:
    """Return the weighted alignment network: one row per directed edge between actors.

    `cooperation` counts QuadClass 1-2 events, `conflict` QuadClass 3-4; `weight` is
    cooperation minus conflict, so a negative edge is hostile; `goldstein` is the sum.
    `level="country"` merges actors into their first three letters (IRQGOV -> IRQ).
    """
    if level not in ("actor", "country"):
        raise QueryError(f"network level {level!r} is not actor or country")
    condition, params = where.where()
    width = 3 if level == "country" else 64
    return store.query(
        f"""
        SELECT left(e.source_code, {width}) AS source, left(e.target_code, {width}) AS target,
               count(*) AS events, count(DISTINCT e.cluster_id) AS unique_events,
               count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict,
               count(*) FILTER (WHERE e.quad_class IN (1, 2))
                   - count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS weight,
               round(sum(e.goldstein), 1) AS goldstein
        FROM events e
        WHERE {condition} AND e.target_code IS NOT NULL
              AND left(e.source_code, {width}) <> left(e.target_code, {width})
        GROUP BY 1, 2
        ORDER BY events DESC, source, target
        """,
        params,
    )


def period_start(day: date, period: Period) -> date:
    """Return the first day of the week (Monday), month or quarter holding `day`."""
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def next_period(start: date, period: Period) -> date:
    """Return the first day of the period after the one starting on `start`."""
    if period == "week":
        return start + timedelta(days=7)
    months = 1 if period == "month" else 3
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)


def period_label(start: date, period: Period) -> str:
    """Return `2019-W27`, `2019-07` or `2019-Q3` for the period starting on `start`."""
    if period == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        return f"{start.year}-{start.month:02d}"
    return f"{start.year}-Q{(start.month - 1) // 3 + 1}"


def band(change_pct: float | None) -> str:
    """Return the ACLED-style band of a percentage change."""
    if change_pct is None:
        return "-"
    if abs(change_pct) < STABLE_CHANGE_PCT:
        return "stable"
    word = "increase" if change_pct > 0 else "decrease"
    return f"large {word}" if abs(change_pct) >= LARGE_CHANGE_PCT else word


def periods_between(first: date, last: date, period: Period) -> list[date]:
    """Return the starts of every period from the one holding `first` to the one of `last`."""
    starts = [period_start(first, period)]
    while next_period(starts[-1], period) <= last:
        starts.append(next_period(starts[-1], period))
    return starts


def _counts_by_period(
    store: Store, where: EventFilter, period: Period
) -> dict[date, tuple[int, int, float]]:
    condition, params = where.where()
    precisions = _PRECISIONS[period]
    table = store.query(
        f"""
        SELECT CAST(date_trunc('{period}', e.event_day) AS DATE) AS start, count(*) AS events,
               count(DISTINCT e.cluster_id) AS unique_events, sum(e.goldstein) AS goldstein
        FROM events e
        WHERE {condition} AND e.event_day IS NOT NULL
              AND e.date_precision IN ({", ".join("?" * len(precisions))})
        GROUP BY 1
        """,
        [*params, *precisions],
    )
    rows = table.to_pydict()
    return {
        start: (int(n), int(u), float(g))
        for start, n, u, g in zip(
            rows["start"], rows["events"], rows["unique_events"], rows["goldstein"], strict=True
        )
    }


def _documents_by_period(store: Store, period: Period, first: date, last: date) -> dict[date, int]:
    table = store.query(
        f"SELECT CAST(date_trunc('{period}', doc_day) AS DATE) AS start, count(*) AS n "
        "FROM documents WHERE doc_day BETWEEN ? AND ? GROUP BY 1",
        [first, last],
    )
    rows = table.to_pydict()
    return dict(zip(rows["start"], (int(n) for n in rows["n"]), strict=True))


def trend(
    store: Store,
    where: EventFilter,
    *,
    period: str = "month",
    baseline: str | None = None,
    measure: str = "events",
) -> pa.Table:
    """Return counts and Goldstein per period with the change against a comparison.

    Args:
        store: An open store.
        where: Which events to count; `since`/`until` bound the periods shown.
        period: "week" (ISO, from Monday), "month" or "quarter". Events whose date is
            coarser than the period (a month-precision date in a weekly trend) are left out.
        baseline: `START[:END]` (YYYY, YYYY-MM or YYYY-MM-DD): compare each period with the
            mean per period over that range; None compares with the previous period.
        measure: Compare raw `events` or deduplicated `unique` events.

    Returns:
        One row per period with `events`, `unique_events`, `goldstein`, `documents` (all
        documents coded in the period: the denominator), `events_per_100_documents`,
        `compared_with`, `change_pct` and `band`. The percentage is null, and the band says
        why, when the comparison has fewer than MIN_BASELINE_EVENTS events.
    """
    if period not in PERIODS:
        raise QueryError(f"period {period!r} is not one of {', '.join(PERIODS)}")
    if measure not in ("events", "unique"):
        raise QueryError(f"trend measure {measure!r} is not events or unique")
    return _trend(store, where, period, baseline, 1 if measure == "unique" else 0)


def _trend(
    store: Store, where: EventFilter, period: Period, baseline: str | None, index: int
) -> pa.Table:
    counts = _counts_by_period(store, where, period)
    bounds = [date_bounds(where.since)[0]] if where.since else []
    ends = [date_bounds(where.until)[1]] if where.until else []
    if not counts and not (bounds and ends):
        return pa.Table.from_pylist([], schema=_TREND_SCHEMA)
    first = bounds[0] if bounds else min(counts)
    last = ends[0] if ends else max(counts)
    starts = periods_between(first, last, period)
    documents = _documents_by_period(
        store, period, starts[0], next_period(starts[-1], period) - timedelta(days=1)
    )
    reference = _baseline(store, where, period, baseline, index) if baseline else None
    rows: list[dict[str, Any]] = []
    previous: float | None = None
    for start in starts:
        raw, unique, goldstein = counts.get(start, (0, 0, 0.0))
        value = float((raw, unique)[index])
        compared, base = reference or (_previous_label(start, period), previous)
        change, verdict = _change(value, base)
        docs = documents.get(start, 0)
        rows.append(
            {
                "period": period_label(start, period),
                "start": start,
                "events": raw,
                "unique_events": unique,
                "goldstein": round(goldstein, 1),
                "documents": docs,
                "events_per_100_documents": round(100.0 * raw / docs, 1) if docs else None,
                "compared_with": compared,
                "baseline": None if base is None else round(base, 1),
                "change_pct": change,
                "band": verdict,
            }
        )
        previous = value
    return pa.Table.from_pylist(rows, schema=_TREND_SCHEMA)


def _change(value: float, base: float | None) -> tuple[float | None, str]:
    """Return the percentage change and its band, refusing a percentage on a tiny base."""
    if base is None:
        return None, "-"
    if base < MIN_BASELINE_EVENTS:
        return None, f"baseline < {MIN_BASELINE_EVENTS} events"
    change = round(100.0 * (value - base) / base, 1)
    return change, band(change)


def _previous_label(start: date, period: Period) -> str:
    return period_label(period_start(start - timedelta(days=1), period), period)


def _baseline(
    store: Store, where: EventFilter, period: Period, text: str, index: int
) -> tuple[str, float]:
    low, _, high = text.partition(":")
    first, last = date_bounds(low)[0], date_bounds(high or low)[1]
    if last < first:
        raise QueryError(f"baseline {text!r} ends before it starts")
    # Whole periods only: a partial period would be divided as if it were a whole one.
    first = period_start(first, period)
    last = next_period(period_start(last, period), period) - timedelta(days=1)
    span = replace(where, since=first.isoformat(), until=last.isoformat())
    counts = _counts_by_period(store, span, period)
    starts = periods_between(first, last, period)
    mean = sum(counts.get(s, (0, 0, 0.0))[index] for s in starts) / len(starts)
    return f"mean of {period_label(starts[0], period)}..{period_label(starts[-1], period)}", mean


_TREND_SCHEMA = pa.schema(
    [
        ("period", pa.string()),
        ("start", pa.date32()),
        ("events", pa.int64()),
        ("unique_events", pa.int64()),
        ("goldstein", pa.float64()),
        ("documents", pa.int64()),
        ("events_per_100_documents", pa.float64()),
        ("compared_with", pa.string()),
        ("baseline", pa.float64()),
        ("change_pct", pa.float64()),
        ("band", pa.string()),
    ]
)


def factuality_choice(values: Sequence[str]) -> tuple[str, ...]:
    """Return the factuality values to keep: the default set, all, or the ones named."""
    if not values:
        return DEFAULT_FACTUALITY
    if "all" in values:
        return ALL_FACTUALITY
    unknown = [v for v in values if v not in ALL_FACTUALITY]
    if unknown:
        raise QueryError(
            f"unknown factuality {unknown[0]!r}",
            hint=f"choose from {', '.join(ALL_FACTUALITY)} or all",
        )
    return tuple(values)
