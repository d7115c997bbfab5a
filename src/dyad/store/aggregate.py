"""Views on the store: filtered events, dedup clusters, dyads, trends and the network.

Every view takes an `EventFilter` and returns an Arrow table. Counts come in pairs: `events`
(raw: every report) and `unique` (dedup clusters: the same source, target, CAMEO code, date
at its precision and place reported by several stories or comments count once).

Actor codes match as prefixes (`IRQ` matches IRQGOV and IRQMIL); a dyad `A-B` is directed
(A the source, B the target); a code matches its sub-codes (`19` is the whole root).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import pyarrow as pa

from dyad.errors import QueryError
from dyad.store.database import Store
from dyad.store.rows import first_day

Period = Literal["week", "month", "quarter"]
PERIODS: tuple[Period, ...] = ("week", "month", "quarter")
# Negated events ("did not fire") did not happen: no default view counts them.
DEFAULT_FACTUALITY = ("asserted", "reported", "speculative")
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


Values = str | tuple[str, ...] | None


def _many(value: Values) -> tuple[str, ...]:
    """Return a filter field's values: one string, several, or none."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a view looks at; None means no restriction.

    `actor`, `dyad`, `code`, `place` and `document` take one value or a tuple of them: an
    event matches when it matches any of a field's values, and every field given. `filters`
    builds one from command-line or query-string values, checking each by name.
    """

    actor: Values = None
    dyad: Values = None
    code: Values = None
    quad_classes: tuple[int, ...] = ()
    factuality: tuple[str, ...] = DEFAULT_FACTUALITY
    since: str | None = None
    until: str | None = None
    place: Values = None
    district: Values = None  # "Sangin" or "Sangin|Helmand": the district, then its province
    document: Values = None
    text: str | None = None  # words of the sentence, in order, case and accents ignored

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """Return a SQL condition over the events table (aliased `alias`) and its parameters."""
        a = f"{alias}."
        terms: list[str] = []
        params: list[Any] = []

        def any_of(values: tuple[str, ...], term: str, bind: Any) -> None:
            if values:
                terms.append("(" + " OR ".join([f"({term})"] * len(values)) + ")")
                for value in values:
                    params.extend(bind(value))

        actor_term = f"{a}source_code LIKE ? {_ESC} OR {a}target_code LIKE ? {_ESC}"
        any_of(_many(self.actor), actor_term, lambda v: [f"{_literal(v)}%"] * 2)
        dyad_term = f"{a}source_code LIKE ? {_ESC} AND {a}target_code LIKE ? {_ESC}"
        any_of(
            _many(self.dyad),
            dyad_term,
            lambda v: [f"{_literal(end)}%" for end in parse_dyad(v)],
        )
        any_of(_many(self.code), f"{a}cameo LIKE ? {_ESC}", lambda v: [f"{_literal(v)}%"])
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
        any_of(_many(self.place), _place_term(a), lambda v: [_literal(v)] * 3 + [v.upper()])
        any_of(_many(self.district), _district_term(a), _district_params)
        any_of(_many(self.document), f"{a}doc_id = ?", lambda v: [v])
        if self.text:
            pattern = _words_pattern(self.text)
            match = (
                "regexp_matches(lower(strip_accents(text)), ?)"
                if pattern
                else f"strip_accents(text) ILIKE strip_accents(?) {_ESC}"
            )
            terms.append(f"{a}sentence_id IN (SELECT sentence_id FROM sentences WHERE {match})")
            params.append(pattern or f"%{_literal(self.text)}%")
        return (" AND ".join(terms) or "TRUE"), params


def _words_pattern(text: str) -> str | None:
    """Return a regular expression matching `text`'s words, whole and in order, any case;
    None when it has no word (punctuation is then matched as written)."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if c.isascii())
    words = re.findall(r"[a-z0-9]+", folded)
    if not words:
        return None
    return r"\b" + r"\W+".join(words) + r"\b"


def _place_term(a: str) -> str:
    """A place matches by name, by the words of the text, by province or by ISO3 country;
    names with accents removed on both sides ('Khost' is Khōst)."""
    province = f"json_extract_string({a}location, '$.admin1')"
    return (
        f"strip_accents({a}location_name) ILIKE strip_accents(?) {_ESC}"
        f" OR strip_accents({a}location_text) ILIKE strip_accents(?) {_ESC}"
        f" OR strip_accents({province}) ILIKE strip_accents(?) {_ESC}"
        f" OR {a}location_country = ?"
    )


def _district_term(a: str) -> str:
    """A district matches by its name only (Ghazni district is not Ghazni city or province),
    and by its province when one is given after a bar."""
    province = f"json_extract_string({a}location, '$.admin1')"
    return (
        f"strip_accents({a}location_district) ILIKE strip_accents(?) {_ESC}"
        f" AND (? = '' OR strip_accents({province}) ILIKE strip_accents(?) {_ESC})"
    )


def _district_params(value: str) -> list[str]:
    name, _, province = value.partition("|")
    return [_literal(name), province, _literal(province)]


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

    Distinct counts (unique events, documents) are the dear part of the query; unless the
    order needs them (`sort="unique"`), the dyads are ranked on plain counts first and the
    distinct counts are taken for the `limit` dyads kept only: the same table, a fraction
    of the work on a large store.
    """
    condition, params = where.where()
    if sort not in _DYAD_ORDER:
        raise QueryError(f"cannot sort dyads by {sort!r}", hint=f"choose {', '.join(_DYAD_ORDER)}")
    order = _DYAD_ORDER[sort]
    plain = f"""
        SELECT e.source_code AS source, e.target_code AS target, count(*) AS events,
               round(avg(CASE WHEN e.quad_class >= 3 THEN 1.0 ELSE 0.0 END), 3)
                   AS conflict_share,
               round(sum(e.goldstein), 1) AS goldstein_sum,
               round(avg(e.goldstein), 2) AS goldstein_mean
        FROM events e WHERE {condition} AND e.target_code IS NOT NULL
        GROUP BY e.source_code, e.target_code"""
    distinct = """count(DISTINCT e.cluster_id) AS unique_events,
               count(DISTINCT e.doc_id) AS documents"""
    columns = """source, target, events, unique_events, documents, conflict_share,
               goldstein_sum, goldstein_mean"""
    if sort == "unique":
        return store.query(
            f"""
            WITH counted AS (
                SELECT e.source_code AS source, e.target_code AS target, {distinct}
                FROM events e WHERE {condition} AND e.target_code IS NOT NULL
                GROUP BY e.source_code, e.target_code
            )
            SELECT {columns} FROM ({plain}) JOIN counted USING (source, target)
            ORDER BY {order} DESC, events DESC, source, target
            LIMIT ?
            """,
            [*params, *params, limit],
        )
    return store.query(
        f"""
        WITH kept AS (
            {plain}
            ORDER BY {order} DESC, events DESC, source, target
            LIMIT ?
        ), counted AS (
            SELECT e.source_code AS source, e.target_code AS target, {distinct}
            FROM events e JOIN kept k ON e.source_code = k.source AND e.target_code = k.target
            WHERE {condition}
            GROUP BY e.source_code, e.target_code
        )
        SELECT {columns} FROM kept JOIN counted USING (source, target)
        ORDER BY {order} DESC, events DESC, source, target
        """,
        [*params, limit, *params],
    )


def network(store: Store, where: EventFilter, *, level: str = "actor") -> pa.Table:
    """Return the weighted alignment network: one row per directed edge between actors.

    `cooperation` counts QuadClass 1-2 events, `conflict` QuadClass 3-4; `weight` is
    cooperation minus conflict, so a negative edge is hostile; `goldstein` is the sum.
    `level="country"` merges actors into their first three letters (IRQGOV -> IRQ); events
    within one country (Afghan forces against Afghan insurgents) stay, as a loop AFG -> AFG.
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
              AND ({width} = 3 OR e.source_code <> e.target_code)
        GROUP BY 1, 2
        ORDER BY events DESC, source, target
        """,
        params,
    )


def band(change_pct: float | None) -> str:
    """Return the ACLED-style band of a percentage change."""
    if change_pct is None:
        return "-"
    if abs(change_pct) < STABLE_CHANGE_PCT:
        return "stable"
    word = "increase" if change_pct > 0 else "decrease"
    return f"large {word}" if abs(change_pct) >= LARGE_CHANGE_PCT else word


def trend(store: Store, where: EventFilter, **options: Any) -> pa.Table:
    """Return counts per period with the change against a comparison (see `dyad.store.trend`)."""
    from dyad.store.trend import trend as trend_table

    return trend_table(store, where, **options)


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
