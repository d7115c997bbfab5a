"""Code one partition of the input and write it as Parquet; read partitions back.

A partition is a slice of the documents of one input file: (path, index, count) is
the `index`-th of `count` equal slices. Its files are named by a hash of the input
file's name and bytes, its index and count, so a re-run after a killed job rewrites
the same names (never a duplicate) and skips partitions already complete:

    DIR/events/part-<key>.parquet       events, in the event contract's shape
    DIR/documents/part-<key>.parquet    the documents, with their text (for the store)
    DIR/rejections/part-<key>.parquet   inputs that could not be read or coded

The events file is written last, each file atomically (a temporary name, then a
rename), so its presence marks a complete partition. Partitions are coded by
`run.code_stream`: a document whose coding raises becomes a rejection naming the stage,
and the partition goes on; structure warnings are kept with the rejections.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dyad.coder.read import input_files as list_inputs
from dyad.coder.read import read_documents
from dyad.coder.resources import Resources
from dyad.coder.timing import StageTimes, clock
from dyad.config import Config
from dyad.files import open_regular
from dyad.records import EVENT_KEYS, Document, Event, Rejection
from dyad.run import NO_DEFAULTS, RunDefaults, code_stream
from dyad.store.identity import Identities

TABLES = ("events", "documents", "rejections")
# Documents per partition: small enough to spread a large JSON Lines file over workers,
# large enough that the per-partition start-up (reading the file, writing three files) is
# small beside the coding.
PARTITION_DOCUMENTS = 500

# `entry` (the dictionary entry behind the code) is beyond the event contract, but the
# store keeps it per actor: without it an ingest through partitions would lose it.
_ACTOR = pa.struct(
    [
        ("text", pa.string()),
        ("code", pa.string()),
        ("name", pa.string()),
        ("country", pa.string()),
        ("entry", pa.string()),
    ]
)
EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("doc_id", pa.string()),
        ("sentence", pa.string()),
        ("char_start", pa.int64()),
        ("char_end", pa.int64()),
        (
            "segment",
            pa.struct([("kind", pa.string()), ("author", pa.string()), ("posted", pa.string())]),
        ),
        ("source", _ACTOR),
        ("target", _ACTOR),
        ("cameo", pa.string()),
        ("plover", pa.string()),
        ("quad_class", pa.int64()),
        ("goldstein", pa.float64()),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("date_text", pa.string()),
        (
            "location",
            pa.struct(
                [
                    ("text", pa.string()),
                    ("name", pa.string()),
                    ("country", pa.string()),
                    ("lat", pa.float64()),
                    ("lon", pa.float64()),
                    ("precision", pa.string()),
                    ("admin1", pa.string()),
                    ("district", pa.string()),
                ]
            ),
        ),
        ("factuality", pa.string()),
        ("attributed_to", _ACTOR),
        ("rule", pa.string()),
        ("provenance", pa.string()),  # JSON object, as in `dyad export` Parquet
    ]
)
assert tuple(EVENT_SCHEMA.names) == EVENT_KEYS, "the Arrow schema follows Event.to_dict()"
DOCUMENT_SCHEMA = pa.schema(
    [(f, pa.int64() if f == "line" else pa.string()) for f in Document.__dataclass_fields__]
)
REJECTION_SCHEMA = pa.schema(
    [(f, pa.int64() if f == "line" else pa.string()) for f in Rejection.__dataclass_fields__]
)


@dataclass(frozen=True, slots=True)
class Partition:
    """The `index`-th of `count` slices of the documents of one input file."""

    path: str
    index: int
    count: int
    key: str


@dataclass(slots=True)
class PartitionResult:
    """What coding one partition did (summed over partitions by the engines)."""

    partitions: int = 0
    skipped: int = 0  # already complete from an earlier run
    documents: int = 0
    events: int = 0
    rejections: int = 0  # not counting warnings
    sentences: int = 0
    parsed: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, other: PartitionResult) -> None:
        for name in ("partitions", "skipped", "documents", "events", "rejections"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.sentences += other.sentences
        self.parsed += other.parsed
        for stage, seconds in other.seconds.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def input_files(paths: Iterable[Path]) -> list[Path]:
    """Return the files under `paths` that `read_documents` reads, in its order.

    A file it rejects unread (a FIFO, a directory that cannot be listed) is kept, so that
    its partition reports the rejection.
    """
    return [Path(item.path) if isinstance(item, Rejection) else item for item in list_inputs(paths)]


def plan_partitions(
    paths: Iterable[Path],
    config: Config,
    per_partition: int = PARTITION_DOCUMENTS,
    defaults: RunDefaults = NO_DEFAULTS,
) -> list[Partition]:
    """Return the partitions of the inputs: each file cut into slices of documents.

    A run with defaults (`--date`, `--perspective`) names its partitions apart from a
    run without, so a re-run with other defaults does not skip them as complete.
    """
    plan = []
    salt = b"" if defaults == NO_DEFAULTS else repr(defaults).encode()
    for path in input_files(paths):
        try:
            with open_regular(path) as stream:  # a FIFO must not hang the plan
                data = stream.read()
        except OSError:
            data = b""
            digest = hashlib.sha256(os.fsencode(path)).hexdigest()  # the reader rejects it
        else:
            digest = hashlib.sha256(os.fsencode(path.name) + b"\0" + data + salt).hexdigest()
        # a document takes at least a line, so a file of few lines is one partition,
        # known without reading its documents (the driver's work before any worker starts)
        if data.count(b"\n") + data.count(b"\r") < per_partition:
            count = 1
        else:
            documents = sum(
                1 for item in read_documents([path], config) if isinstance(item, Document)
            )
            count = max(1, -(-documents // per_partition))
        for index in range(count):
            plan.append(
                Partition(str(path), index, count, f"{digest[:16]}-{index:05d}-{count:05d}")
            )
    return plan


def partition_files(output: Path, partition: Partition) -> dict[str, Path]:
    """Return the Parquet file of each table of `partition` under `output`."""
    return {table: output / table / f"part-{partition.key}.parquet" for table in TABLES}


def _slice(partition: Partition, config: Config) -> list[Document | Rejection]:
    """Return the partition's own documents; the first slice also has the file's rejections."""
    documents: list[Document] = []
    rejections: list[Rejection] = []
    identities = Identities()  # one text per id, as `dyad ingest` reads them
    for item in read_documents([Path(partition.path)], config):
        if isinstance(item, Rejection):
            rejections.append(item)
            continue
        verdict = identities.check(item)
        if isinstance(verdict, Rejection):
            rejections.append(verdict)
        elif verdict:
            documents.append(item)
    size = -(-len(documents) // partition.count) if documents else 0
    own = documents[partition.index * size : (partition.index + 1) * size]
    return [*(rejections if partition.index == 0 else []), *own]


# container allocations between two collections of the youngest generation in a worker
# (CPython's default is 700)
WORKER_GC_THRESHOLD = 10_000


def load_worker(config: Config) -> Resources:
    """Load what a worker codes with, once: dictionaries, model, gazetteer, Arrow's pandas.

    The gazetteer is loaded here, not on the first event a worker places: forked workers
    then share one copy, and `settle_worker` puts its 180,000 names out of the collector's
    reach with the rest.
    """
    import importlib
    import importlib.util

    from dyad.coder import parse

    resources = Resources.load(config)
    parse.load_model()
    _ = resources.gazetteer  # read on first use: read it now
    if importlib.util.find_spec("pandas") is not None:
        importlib.import_module("pandas")  # pyarrow imports it on its first conversion
    return resources


def settle_worker() -> None:
    """Put what a worker process has loaded out of the garbage collector's reach.

    Each full collection would otherwise walk the model's and the dictionaries' million
    objects (about a quarter of a second, several times a partition). Only for worker
    processes: frozen objects are hidden from `gc.get_referrers` in that process.
    The youngest generation is then collected every `WORKER_GC_THRESHOLD` allocations
    instead of 700: coding a sentence allocates thousands of short-lived objects, and at
    the default rate the older generations were swept over and over (collections took
    2 to 3 % of a worker's time, under 1 % at this threshold).
    """
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(WORKER_GC_THRESHOLD)


def code_partition(
    partition: Partition,
    output: Path,
    resources: Resources,
    *,
    overwrite: bool = False,
    defaults: RunDefaults = NO_DEFAULTS,
) -> PartitionResult:
    """Code one partition and write its Parquet files; skip it if already complete."""
    files = partition_files(output, partition)
    if files["events"].exists() and not overwrite:
        return PartitionResult(skipped=1)
    times = StageTimes()
    began = clock()
    items = _slice(partition, resources.config)
    times.add("read", began)
    rejections: list[Rejection] = []
    coded: list[tuple[Document, list[Event]]] = []
    for item in code_stream(items, resources, defaults=defaults, times=times):
        if isinstance(item, Rejection):
            rejections.append(item)
        else:
            coded.append((item.document, item.events))
            rejections.extend(item.warnings)
    events = [event for _document, found in coded for event in found]
    began = clock()
    _write(documents_to_arrow([d for d, _ in coded]), files["documents"])
    _write(rejections_to_arrow(rejections), files["rejections"])
    _write(events_to_arrow(events), files["events"])  # last: it marks the partition complete
    times.add("write", began)
    return PartitionResult(
        1, 0, len(coded), len(events), sum(not r.stage.endswith("warning") for r in rejections),
        times.sentences, times.parsed,
        dict(times.seconds),
    )  # fmt: skip


def _write(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, partial)
    os.replace(partial, path)


def events_to_arrow(events: Sequence[Event]) -> pa.Table:
    """Return events as an Arrow table in the event contract's shape."""
    rows = []
    for event in events:
        row = event.to_dict()
        row["provenance"] = json.dumps(row["provenance"], sort_keys=True)
        for role in ("source", "target", "attributed_to"):
            actor = getattr(event, role)
            if actor is not None:
                row[role] = actor.to_dict() | {"entry": actor.entry}
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=EVENT_SCHEMA)


def arrow_to_events(table: pa.Table) -> list[Event]:
    """Return the events of a contract-shaped Arrow table (segment offsets are not kept)."""
    events = []
    for row in table.to_pylist():
        row["provenance"] = json.loads(row["provenance"])
        events.append(Event.from_dict(row))
    return events


def documents_to_arrow(documents: Sequence[Document]) -> pa.Table:
    """Return documents (with their text) as an Arrow table."""
    return pa.Table.from_pylist([asdict(d) for d in documents], schema=DOCUMENT_SCHEMA)


def rejections_to_arrow(rejections: Sequence[Rejection]) -> pa.Table:
    """Return rejections as an Arrow table."""
    return pa.Table.from_pylist([asdict(r) for r in rejections], schema=REJECTION_SCHEMA)


def read_partitions(
    output: Path,
) -> Iterator[tuple[list[tuple[Document, list[Event]]], list[Rejection]]]:
    """Yield each complete partition under `output` as (coded documents, rejections)."""
    for events_file in sorted((output / "events").glob("part-*.parquet")):
        name = events_file.name
        events = arrow_to_events(pq.read_table(events_file))
        by_document: dict[str, list[Event]] = {}
        for event in events:
            by_document.setdefault(event.doc_id, []).append(event)
        documents = [
            Document(**row) for row in pq.read_table(output / "documents" / name).to_pylist()
        ]
        rejections = [
            Rejection(**row) for row in pq.read_table(output / "rejections" / name).to_pylist()
        ]
        yield [(d, by_document.get(d.doc_id, [])) for d in documents], rejections
