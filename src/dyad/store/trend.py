"""Coverage-aware trends: counts per week, month or quarter, and their change.

More documents is not more violence: by default a period is compared by its events per 100
documents coded in it (`rate`). A period without documents has "no coverage", not a 100 %
decrease; the corpus's first and last periods, when the corpus starts or ends inside them,
are "partial period", not a change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import pyarrow as pa

from dyad.errors import QueryError
from dyad.store.aggregate import (
    _PRECISIONS,
    MIN_BASELINE_EVENTS,
    PERIODS,
    EventFilter,
    Period,
    band,
    date_bounds,
)
from dyad.store.database import Store


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


MEASURES = {
    "rate": "events per 100 documents coded in the period",
    "unique_rate": "deduplicated events per 100 documents coded in the period",
    "events": "raw event counts",
    "unique": "deduplicated event counts",
}
NO_COVERAGE = "no coverage"
PARTIAL_PERIOD = "partial period"


def trend(
    store: Store,
    where: EventFilter,
    *,
    period: str = "month",
    baseline: str | None = None,
    measure: str = "rate",
) -> pa.Table:
    """Return counts and Goldstein per period with the change against a comparison.

    Args:
        store: An open store.
        where: Which events to count; `since`/`until` bound the periods shown.
        period: "week" (ISO, from Monday), "month" or "quarter". Events whose date is
            coarser than the period (a month-precision date in a weekly trend) are left out.
        baseline: `START[:END]` (YYYY, YYYY-MM or YYYY-MM-DD): compare each period with the
            mean per period over that range; None compares with the previous period.
        measure: What is compared (a key of MEASURES): events per 100 documents (`rate`,
            the default: more documents is not more violence), or raw counts.

    Returns:
        One row per period with `events`, `unique_events`, `goldstein`, `documents` (all
        documents coded in the period: the denominator), `events_per_100_documents`,
        `coverage` (full, partial: the corpus starts or ends inside the period, or none),
        `compared_with`, `change_pct` and `band`. The percentage is null, and the band says
        why, for a period without documents ("no coverage"), a partial one ("partial
        period"), or a comparison of fewer than MIN_BASELINE_EVENTS events.
    """
    if period not in PERIODS:
        raise QueryError(f"period {period!r} is not one of {', '.join(PERIODS)}")
    if measure not in MEASURES:
        raise QueryError(f"trend measure {measure!r} is not one of {', '.join(MEASURES)}")
    return _trend(store, where, period, baseline, measure)


@dataclass(frozen=True, slots=True)
class _Value:
    """What one period (or a baseline) weighs in the chosen measure, and on how much."""

    value: float | None
    events: int  # the count behind it, for MIN_BASELINE_EVENTS
    note: str | None = None  # why there is no value


def _measured(raw: int, unique: int, docs: int, measure: str) -> _Value:
    count = unique if measure.startswith("unique") else raw
    if not measure.endswith("rate"):
        return _Value(float(count), count)
    if not docs:
        return _Value(None, count, NO_COVERAGE)
    return _Value(100.0 * count / docs, count)


def _corpus_days(store: Store) -> tuple[date, date] | None:
    row = store.query("SELECT min(doc_day) AS a, max(doc_day) AS b FROM documents").to_pylist()
    return (row[0]["a"], row[0]["b"]) if row and row[0]["a"] is not None else None


def _coverage(start: date, period: Period, docs: int, corpus: tuple[date, date] | None) -> str:
    if not docs or corpus is None:
        return "none"
    end = next_period(start, period) - timedelta(days=1)
    return "partial" if start < corpus[0] or end > corpus[1] else "full"


def _trend(
    store: Store, where: EventFilter, period: Period, baseline: str | None, measure: str
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
    corpus = _corpus_days(store)
    reference = _baseline(store, where, period, baseline, measure) if baseline else None
    rows: list[dict[str, Any]] = []
    previous: _Value | None = None
    for start in starts:
        raw, unique, goldstein = counts.get(start, (0, 0, 0.0))
        docs = documents.get(start, 0)
        coverage = _coverage(start, period, docs, corpus)
        value = _measured(raw, unique, docs, measure)
        if coverage == "partial":
            value = _Value(value.value, value.events, PARTIAL_PERIOD)
        elif coverage == "none" and measure.endswith("rate"):
            value = _Value(None, value.events, NO_COVERAGE)
        compared, base = reference or (_previous_label(start, period), previous)
        change, verdict = _change(value, base, measure)
        rows.append(
            {
                "period": period_label(start, period),
                "start": start,
                "events": raw,
                "unique_events": unique,
                "goldstein": round(goldstein, 1),
                "documents": docs,
                "events_per_100_documents": round(100.0 * raw / docs, 1) if docs else None,
                "coverage": coverage,
                "compared_with": compared,
                "baseline": None if base is None or base.value is None else round(base.value, 1),
                "change_pct": change,
                "band": verdict,
            }
        )
        previous = value
    return pa.Table.from_pylist(rows, schema=_TREND_SCHEMA)


def _change(value: _Value, base: _Value | None, measure: str) -> tuple[float | None, str]:
    """Return the percentage change and its band, refusing one without a fair comparison."""
    if value.note:
        return None, value.note
    if base is None:
        return None, "-"
    if base.note or base.value is None:
        return None, f"compared period: {base.note or NO_COVERAGE}"
    if base.events < MIN_BASELINE_EVENTS:
        return None, f"baseline < {MIN_BASELINE_EVENTS} events"
    if value.value is None or base.value == 0:
        return None, "-"
    change = round(100.0 * (value.value - base.value) / base.value, 1)
    return change, band(change)


def _previous_label(start: date, period: Period) -> str:
    return period_label(period_start(start - timedelta(days=1), period), period)


def _baseline(
    store: Store, where: EventFilter, period: Period, text: str, measure: str
) -> tuple[str, _Value]:
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
    raw = sum(counts.get(s, (0, 0, 0.0))[0] for s in starts)
    unique = sum(counts.get(s, (0, 0, 0.0))[1] for s in starts)
    docs = sum(_documents_by_period(store, period, first, last).values())
    label = f"mean of {period_label(starts[0], period)}..{period_label(starts[-1], period)}"
    if measure.endswith("rate"):
        return label, _measured(raw, unique, docs, measure)
    mean = _measured(raw, unique, docs, measure)
    assert mean.value is not None
    return label, _Value(mean.value / len(starts), mean.events)


_TREND_SCHEMA = pa.schema(
    [
        ("period", pa.string()),
        ("start", pa.date32()),
        ("events", pa.int64()),
        ("unique_events", pa.int64()),
        ("goldstein", pa.float64()),
        ("documents", pa.int64()),
        ("events_per_100_documents", pa.float64()),
        ("coverage", pa.string()),
        ("compared_with", pa.string()),
        ("baseline", pa.float64()),
        ("change_pct", pa.float64()),
        ("band", pa.string()),
    ]
)
