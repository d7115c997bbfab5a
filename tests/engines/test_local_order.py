"""Tests for the order in which the local engine hands partitions to its workers."""

from __future__ import annotations

from pathlib import Path

from dyad.engines.local import largest_first
from dyad.engines.partitions import Partition


def test_engines_local_hands_out_the_largest_partitions_first(tmp_path: Path) -> None:
    small, large, twice = tmp_path / "small.jsonl", tmp_path / "large.jsonl", tmp_path / "2.jsonl"
    small.write_bytes(b"x" * 10)
    large.write_bytes(b"x" * 100)
    twice.write_bytes(b"x" * 60)  # two partitions of about 30 bytes each
    plan = [
        Partition(str(small), 0, 1, "s"),
        Partition(str(twice), 0, 2, "t0"),
        Partition(str(large), 0, 1, "l"),
        Partition(str(twice), 1, 2, "t1"),
        Partition(str(tmp_path / "gone.jsonl"), 0, 1, "g"),  # unreadable: last
    ]
    assert [p.key for p in largest_first(plan)] == ["l", "t0", "t1", "s", "g"]


def test_engines_local_order_keeps_every_partition_once(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"{}\n")
    plan = [Partition(str(path), i, 3, f"k{i}") for i in range(3)]
    assert largest_first(plan) == plan
