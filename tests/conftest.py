"""Markers by what a test needs: `fast` is every test without the model, Ray or a fuzz run.

`make test-fast` runs `pytest -m fast` (under a minute); `make test` runs everything. A
test that loads the spaCy model must say so with `@pytest.mark.model` (and one that starts
Ray with `ray`), or it is counted fast.
"""

from __future__ import annotations

import pytest

# property-based fuzzing: seconds per property, run by `make test`, not the quick loop
SLOW_FILES = frozenset({"test_fuzz.py"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("model") or item.get_closest_marker("ray"):
            continue
        if item.path.name in SLOW_FILES:
            continue
        item.add_marker(pytest.mark.fast)
