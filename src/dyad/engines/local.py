"""The local engine: code partitions in this process, or in a pool of worker processes.

Each worker process loads the spaCy model and the dictionaries once (the pool's
initializer) and then codes whole partitions, so nothing but partition names and
small summaries crosses between processes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from dyad.coder.resources import Resources
from dyad.config import Config
from dyad.engines.partitions import (
    Partition,
    PartitionResult,
    code_partition,
    load_worker,
    settle_worker,
)
from dyad.run import NO_DEFAULTS, RunDefaults

_RESOURCES: Resources | None = None


def _start_worker(config: Config) -> None:
    global _RESOURCES
    if _RESOURCES is None:  # forked workers inherit the parent's
        _RESOURCES = load_worker(config)
    settle_worker()


def _code_in_worker(
    partition: Partition, output: Path, overwrite: bool, defaults: RunDefaults
) -> PartitionResult:
    assert _RESOURCES is not None, "worker started without its resources"
    return code_partition(partition, output, _RESOURCES, overwrite=overwrite, defaults=defaults)


def run_local(
    partitions: Sequence[Partition],
    output: Path,
    config: Config,
    *,
    workers: int = 1,
    overwrite: bool = False,
    defaults: RunDefaults = NO_DEFAULTS,
) -> PartitionResult:
    """Code `partitions` into Parquet files under `output` with `workers` processes.

    Args:
        partitions: From `plan_partitions`.
        output: Folder for the Parquet partitions.
        config: Settings.
        workers: Processes; 1 codes in this process.
        overwrite: Re-code partitions already complete.
        defaults: Reference date and perspective for documents that carry none.

    Returns:
        The summed result of every partition.
    """
    total = PartitionResult()
    if workers <= 1:
        resources = Resources.load(config)
        for partition in partitions:
            total.add(
                code_partition(partition, output, resources, overwrite=overwrite, defaults=defaults)
            )
        return total
    # the model and the dictionaries are loaded once, here: forked workers share them
    global _RESOURCES
    _RESOURCES = load_worker(config)
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(workers, context, _start_worker, (config,)) as pool:
            futures = [
                pool.submit(_code_in_worker, p, output, overwrite, defaults)
                for p in largest_first(partitions)
            ]
            for future in futures:
                total.add(future.result())
    finally:
        _RESOURCES = None
    return total


def largest_first(partitions: Sequence[Partition]) -> list[Partition]:
    """Return `partitions`, those of the most input bytes first (ties in their order).

    Workers take the next partition as they finish one; with the long ones first, the
    last to finish is a short one and the other workers wait less for it. Each partition
    writes its own files, so the order changes no output.
    """
    sizes: dict[str, float] = {}
    for partition in partitions:
        if partition.path not in sizes:
            try:
                sizes[partition.path] = os.path.getsize(partition.path)
            except OSError:
                sizes[partition.path] = 0
    return sorted(partitions, key=lambda p: -sizes[p.path] / max(1, p.count))
