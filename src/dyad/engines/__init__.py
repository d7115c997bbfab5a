"""Engines: run the coder over partitioned inputs, here or on a Ray cluster.

`code_to_parquet(paths, output, config, engine=...)` cuts the inputs into partitions
(`partitions.plan_partitions`), codes each with the same stage functions
(`run.code_stream`) and writes them as Parquet (`partitions.code_partition`);
`load_parquet(store, output)` adds those partitions to a store. Both engines write the
same files, so a job can be coded on a cluster and ingested on a laptop.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from dyad.config import Config
from dyad.engines.partitions import (
    PartitionResult,
    arrow_to_events,
    events_to_arrow,
    plan_partitions,
    read_partitions,
)
from dyad.run import NO_DEFAULTS, RunDefaults
from dyad.store.database import IngestCounts, Store

Engine = Literal["local", "ray"]
ENGINES: tuple[Engine, ...] = ("local", "ray")

__all__ = [
    "ENGINES",
    "Engine",
    "PartitionResult",
    "arrow_to_events",
    "code_to_parquet",
    "events_to_arrow",
    "load_parquet",
]


def code_to_parquet(
    paths: Sequence[Path],
    output: Path,
    config: Config,
    *,
    engine: Engine = "local",
    workers: int = 1,
    overwrite: bool = False,
    defaults: RunDefaults = NO_DEFAULTS,
) -> PartitionResult:
    """Code `paths` into Parquet partitions under `output` with the chosen engine.

    Args:
        paths: Input files and directories.
        output: Folder for `events/`, `documents/` and `rejections/` partitions.
        config: Settings.
        engine: "local" (processes on this machine) or "ray".
        workers: Worker processes or Ray actors.
        overwrite: Re-code partitions a previous run completed.
        defaults: Reference date and perspective for documents that carry none.

    Returns:
        What the run did, summed over partitions.
    """
    plan = plan_partitions(paths, config, defaults=defaults)
    if engine == "ray":
        from dyad.engines.ray import run_ray

        return run_ray(
            plan, output, config, workers=workers, overwrite=overwrite, defaults=defaults
        )
    from dyad.engines.local import run_local

    return run_local(plan, output, config, workers=workers, overwrite=overwrite, defaults=defaults)


def load_parquet(store: Store, output: Path) -> IngestCounts:
    """Add every complete partition under `output` to `store`, one transaction each.

    Returns:
        Rows newly written; partitions loaded before are skipped by their content ids.
    """
    total = IngestCounts()
    for coded, rejections in read_partitions(output):
        total.add(store.ingest(coded, rejections))
    return total
