"""The Ray engine: the same partitions and stage functions, run by Ray Data.

Ray Data reads the list of partitions and maps it through an actor pool
(`map_batches` with a callable class): each actor loads the spaCy model and the
dictionaries once, codes the partitions it is given with `code_partition`, and writes
their Parquet files itself, under names that do not change between runs. Ray is
imported here only, when `--engine ray` is asked for.

Without `RAY_ADDRESS` Ray starts a local instance bound to 127.0.0.1 with its
dashboard off; with it (`RAY_ADDRESS=ray://head:10001` or `auto`) the job runs on
that cluster, whose workers must see the input and output paths.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from dyad.config import Config
from dyad.engines.partitions import Partition, PartitionResult, code_partition
from dyad.run import NO_DEFAULTS, RunDefaults

RAY_PIN = "2.60.0"  # the version pinned in pyproject's `ray` extra
OBJECT_STORE_BYTES = 128 * 1024 * 1024  # of a local Ray; a cluster keeps its own setting


class _Coder:
    """A Ray actor: resources loaded once, then one partition per row."""

    def __init__(self, config: Config, output: str, overwrite: bool, defaults: RunDefaults) -> None:
        from dyad.engines.partitions import load_worker, settle_worker

        self.resources = load_worker(config)
        settle_worker()
        self.output = Path(output)
        self.overwrite = overwrite
        self.defaults = defaults

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        results = []
        for path, index, count, key in zip(
            batch["path"], batch["index"], batch["count"], batch["key"], strict=True
        ):
            partition = Partition(str(path), int(index), int(count), str(key))
            result = code_partition(
                partition,
                self.output,
                self.resources,
                overwrite=self.overwrite,
                defaults=self.defaults,
            )
            results.append(result)
        return {"result": [r.to_dict() for r in results]}


def init_ray(workers: int) -> None:
    """Start (or join, with RAY_ADDRESS) Ray: loopback only and no dashboard when local."""
    # Read when ray is first imported: with it a local Ray binds 127.0.0.1 only (without
    # it, every interface); the test checks the node address.
    os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    import ray

    if ray.is_initialized():
        return
    if os.environ.get("RAY_ADDRESS"):
        ray.init(log_to_driver=False)
        return
    ray.init(
        num_cpus=workers,
        # only partition names and small summaries travel through it
        object_store_memory=OBJECT_STORE_BYTES,
        include_dashboard=False,
        _node_ip_address="127.0.0.1",
        log_to_driver=False,
        configure_logging=False,
    )


def run_ray(
    partitions: Sequence[Partition],
    output: Path,
    config: Config,
    *,
    workers: int = 2,
    overwrite: bool = False,
    defaults: RunDefaults = NO_DEFAULTS,
) -> PartitionResult:
    """Code `partitions` into Parquet files under `output` with a pool of `workers` actors.

    Args:
        partitions: From `plan_partitions`.
        output: Folder for the Parquet partitions (shared storage on a cluster).
        config: Settings.
        workers: Ray actors, one CPU each.
        overwrite: Re-code partitions already complete.
        defaults: Reference date and perspective for documents that carry none.

    Returns:
        The summed result of every partition.
    """
    import ray

    init_ray(workers)
    total = PartitionResult()
    if not partitions:
        return total
    rows = [asdict(p) for p in partitions]
    # one block per partition, so a long partition holds up no other
    dataset = ray.data.from_items(rows, override_num_blocks=len(rows))
    coded = dataset.map_batches(
        _Coder,
        fn_constructor_args=(config, str(output.resolve()), overwrite, defaults),
        batch_size=1,
        # a fixed pool: an autoscaling one starts with one actor and grows too late
        compute=ray.data.ActorPoolStrategy(size=min(workers, len(rows))),
        num_cpus=1,
    )
    for row in coded.iter_rows():
        total.add(PartitionResult(**row["result"]))
    return total
