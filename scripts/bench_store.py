"""`make bench` (store part): bulk insert speed and query times on 1,000,000 real events.

Codes the bundled sample corpus (real text, real events), then replicates those events with
shifted dates and new ids (document ids, event ids and sentence ids all change per copy)
until the store holds BENCH_STORE_EVENTS events (default 1,000,000). Each copy holds the
events with their sentences and the documents they come from: how many documents without
an event come along depends on the coder's threshold, not on the store (at 0.5 the whole
sample would bring 2.5 million documents per million events, against 0.28 million when the
floors were set), so they are left out. Rows go in through
`Store.insert_tables` (Arrow batches, INSERT ... ON CONFLICT DO NOTHING, one transaction
each), the same path `dyad ingest` uses. Then it times the queries behind `dyad events`,
`dyad dyads` and `dyad trend` (best of five, warm). The last line is one JSON object.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from dyad.coder.pipeline import Resources, code_documents
from dyad.coder.read import read_documents
from dyad.config import load_config
from dyad.records import Document
from dyad.store import aggregate
from dyad.store.aggregate import EventFilter
from dyad.store.database import Store, open_store
from dyad.store.rows import event_row

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "dyad" / "data" / "sample" / "sample.jsonl"
COPIES_PER_BATCH = int(os.environ.get("BENCH_STORE_COPIES", "2000"))
INSERT_FLOOR = 50_000  # events per second (issue 5)
QUERY_CEILING_MS = 200.0


def coded_sample() -> tuple[pa.Table, pa.Table, pa.Table]:
    """Return the sample's day-dated events, their sentences and their documents as tables."""
    config = load_config()
    documents = [d for d in read_documents([SAMPLE], config) if isinstance(d, Document)]
    coded = list(code_documents(documents, Resources.load(config)))
    found = [e for _d, events in coded for e in events if e.date.precision == "day"]
    rows = [event_row(e) for e in found]
    sentences = {
        row["sentence_id"]: sentence_row(row, e.sentence)
        for row, e in zip(rows, found, strict=True)
    }
    now = datetime.now()
    owners = {row["doc_id"] for row in rows}
    docs = [
        {
            "doc_id": d.doc_id,
            "path": d.path,
            "line": d.line,
            "doc_day": date.fromisoformat(d.date) if d.date else None,
            "content_type": d.content_type,
            "chars": len(d.text),
            "events": len(events),
            "ingested_at": now,
        }
        for d, events in coded
        if d.doc_id in owners
    ]
    return (
        pa.Table.from_pylist(rows),
        pa.Table.from_pylist(list(sentences.values())),
        pa.Table.from_pylist(docs),
    )


def sentence_row(row: dict[str, Any], text: str) -> dict[str, Any]:
    keys = ("sentence_id", "doc_id", "char_start", "char_end", "segment_kind")
    return {key: row[key] for key in keys} | {"text": text}


def shifted(table: pa.Table, copy: int, days: int) -> pa.Table:
    """Return a copy of `table` with new ids and its dates moved by `days`."""
    suffix = pa.scalar(f"~{copy}")
    for name in ("event_id", "doc_id", "sentence_id", "cluster_id"):
        if name in table.column_names:
            ids = pc.binary_join_element_wise(table.column(name), suffix, "")
            table = table.set_column(table.schema.get_field_index(name), name, ids)
    for name in ("event_day", "doc_day"):
        if name in table.column_names:
            moved = pc.add(table.column(name), pa.scalar(timedelta(days=days)))
            table = table.set_column(table.schema.get_field_index(name), name, moved)
            text = pc.cast(moved, pa.string())
            if "date" in table.column_names:
                table = table.set_column(table.schema.get_field_index("date"), "date", text)
            else:
                table = table.append_column("date", text)
    return table


def build(store: Store, target: int) -> tuple[int, float]:
    """Fill `store` with `target` events; return the events inserted and the seconds taken."""
    events, sentences, documents = coded_sample()
    copies = -(-target // events.num_rows)
    inserted = 0
    seconds = 0.0
    for first in range(0, copies, COPIES_PER_BATCH):
        batch = range(first, min(copies, first + COPIES_PER_BATCH))
        tables = {}
        for name, table in (("documents", documents), ("sentences", sentences), ("events", events)):
            copied = pa.concat_tables([shifted(table, c, (c * 3) % 3650 - 1825) for c in batch])
            schema = store.schema(name)
            tables[name] = copied.select([f.name for f in schema if f.name in copied.column_names])
        began = time.perf_counter()
        counts = store.insert_tables(tables)
        seconds += time.perf_counter() - began
        inserted += counts.events
    began = time.perf_counter()
    store.connection.execute("CHECKPOINT")  # count writing the data file too, not only the WAL
    return inserted, seconds + time.perf_counter() - began


def best_ms(run: Any, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append((time.perf_counter() - began) * 1000)
    return min(times)


def main() -> int:
    target = int(os.environ.get("BENCH_STORE_EVENTS", "1000000"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        with open_store(path) as store:
            inserted, seconds = build(store, target)
            counts = store.counts()
            top = aggregate.dyads(store, EventFilter(), limit=1).to_pylist()[0]
            dyad = f"{top['source']}-{top['target']}"
            actor = top["source"][:3]
            queries = {
                "events": lambda: aggregate.events(store, EventFilter(dyad=dyad), limit=50),
                "dyads": lambda: aggregate.dyads(store, EventFilter(since="2015"), limit=20),
                "trend": lambda: aggregate.trend(store, EventFilter(actor=actor), period="month"),
            }
            timings = {name: best_ms(run) for name, run in queries.items()}
        size_mb = path.stat().st_size / 1e6
    rate = inserted / seconds
    print(f"events stored        {counts['events']:>12,}  ({counts['documents']:,} documents)")
    print(f"bulk insert          {rate:>12,.0f} events/s  (floor {INSERT_FLOOR:,})")
    print(f"store file           {size_mb:>12,.0f} MB")
    for name, ms in timings.items():
        print(f"dyad {name:<15} {ms:>12.1f} ms  (ceiling {QUERY_CEILING_MS:.0f})")
    ok = rate >= INSERT_FLOOR and all(ms <= QUERY_CEILING_MS for ms in timings.values())
    summary = {
        "events": counts["events"],
        "documents": counts["documents"],
        "insert_events_per_s": round(rate),
        "query_ms": {name: round(ms, 1) for name, ms in timings.items()},
        "store_mb": round(size_mb, 1),
        "meets_floors": ok,
    }
    print(json.dumps(summary))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
