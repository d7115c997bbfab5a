"""How well a coder's confidence matches how often its events are right.

A confidence is calibrated when, of the events coded with confidence near p, a share near p
is right. `reliability` bins the events by confidence (10 equal-width bins) and gives each
bin's mean confidence and share right; the expected calibration error (ECE) is the mean gap
between the two, weighted by the events in each bin; `chance_error` says how large it is
by chance alone for so many events. `ranking` asks how well confidence
orders events, whatever the threshold: the average precision of the events ranked by it,
and the most recall a threshold can give while precision stays at a floor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

BINS = 10


@dataclass(frozen=True, slots=True)
class Bin:
    """One confidence bin: [low, high), its events, mean confidence and share right."""

    low: float
    high: float
    count: int
    confidence: float
    accuracy: float

    def to_json(self) -> dict[str, float | int]:
        return {
            "low": self.low,
            "high": self.high,
            "count": self.count,
            "confidence": round(self.confidence, 3),
            "accuracy": round(self.accuracy, 3),
        }


def reliability(scored: Sequence[tuple[float, bool]], bins: int = BINS) -> list[Bin]:
    """Return the reliability table of (confidence, right) pairs (a confidence of 1: last bin)."""
    grouped: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for confidence, right in scored:
        grouped[min(int(confidence * bins), bins - 1)].append((confidence, right))
    table = []
    for n, members in enumerate(grouped):
        count = len(members)
        table.append(
            Bin(
                round(n / bins, 3),
                round((n + 1) / bins, 3),
                count,
                sum(c for c, _ in members) / count if count else 0.0,
                sum(r for _, r in members) / count if count else 0.0,
            )
        )
    return table


def expected_calibration_error(table: Sequence[Bin]) -> float:
    """Return the count-weighted mean |accuracy - confidence| over the bins of `table`."""
    total = sum(b.count for b in table)
    if not total:
        return 0.0
    return sum(b.count * abs(b.accuracy - b.confidence) for b in table) / total


# how many label draws `chance_error` makes, and its seed (the figure is the same each run)
CHANCE_DRAWS = 500
CHANCE_SEED = 16


def chance_error(
    confidences: Sequence[float], draws: int = CHANCE_DRAWS, seed: int = CHANCE_SEED
) -> tuple[float, float]:
    """Return (mean, 95th percentile) of the ECE a perfectly calibrated coder would show.

    The ECE of few events is noisy even where every confidence is exactly right: each
    event is right with its own confidence's probability, and a bin of a dozen events
    strays from its mean by chance. Drawing the labels so, `draws` times (seeded), gives
    the ECE that chance alone yields on these confidences: of 64 events spread as dev's
    are, a perfectly calibrated coder shows 0.08 on average and up to 0.13 one time in
    twenty; of 290, 0.04. A measured ECE inside this range says nothing against the
    calibration; one above it does.
    """
    if not confidences:
        return 0.0, 0.0
    rng = np.random.default_rng(seed)
    values = np.array(confidences, dtype=np.float64)
    bins = np.minimum((values * BINS).astype(int), BINS - 1)  # as `reliability` bins them
    members = np.zeros((len(values), BINS))
    members[np.arange(len(values)), bins] = 1.0
    counts = members.sum(axis=0)
    confidence = values @ members
    errors = np.empty(draws)
    for draw in range(draws):
        right = (rng.random(len(values)) < values).astype(np.float64) @ members
        errors[draw] = np.abs(right - confidence).sum() / counts.sum()
    errors.sort()
    return float(errors.mean()), float(errors[int(0.95 * (draws - 1))])


# the precision floor of issue 16, at which `ranking` reads the recall a threshold can reach
PRECISION_FLOOR = 0.75


def ranking(
    scored: Sequence[tuple[float, bool]], gold: int, floor: float = PRECISION_FLOOR
) -> tuple[float, float]:
    """Return (average precision, best recall at precision >= `floor`) of events by confidence.

    `scored` is each coded event's (confidence, right), `gold` the number of gold events.
    Events are taken most confident first (equal confidences in the order given); average
    precision sums the precision at each right event times the recall it adds. Coded with
    `coder.min_confidence` 0, these read every candidate: a threshold-free measure that a
    retrain's small shifts of the probabilities do not move much.
    """
    if not gold:
        return 0.0, 0.0
    right = average = best = 0.0
    for n, (_, correct) in enumerate(sorted(scored, key=lambda pair: -pair[0]), start=1):
        if correct:
            right += 1
            average += (right / n) / gold
        if right / n >= floor:
            best = max(best, right / gold)
    return average, best
