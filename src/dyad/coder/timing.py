"""CPU seconds per stage, summed over a run (printed by `make bench`)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

# CPU seconds of this process: stage shares hold on a machine busy with other work
clock = time.process_time


@dataclass(slots=True)
class StageTimes:
    """CPU seconds spent per stage (`clock`), summed over a run."""

    seconds: dict[str, float] = field(default_factory=dict)
    sentences: int = 0
    parsed: int = 0

    def add(self, stage: str, began: float) -> float:
        """Add the seconds since `began` to `stage`; return the time now."""
        now = clock()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - began
        return now
