"""Multinomial logistic regression over named sparse features, trained and run with numpy.

A row is a list of `(feature name, value)` pairs; binary features have value 1. Training is
full-batch gradient descent (Adam) with an L2 penalty, from zero weights: no random state,
so the same rows give the same weights bit for bit. The weights are kept only for
features seen at least `min_count` times and stored as JSON with 4 decimals, so the runtime
needs numpy (a spaCy dependency) and nothing else.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

Row = Sequence[tuple[str, float]]
BIAS = "bias"


@dataclass(frozen=True)
class LinearModel:
    """Class names, feature name -> weight row, and the bias row."""

    classes: tuple[str, ...]
    index: dict[str, int]
    weights: NDArray[np.float64]  # (features + 1, classes); the last row is the bias

    def probabilities(self, row: Row) -> NDArray[np.float64]:
        """Return the probability of each class for one row, in `classes` order."""
        result: NDArray[np.float64] = self.probabilities_many([row])[0]
        return result

    def probabilities_many(self, rows: Sequence[Row]) -> NDArray[np.float64]:
        """Return the probability of each class for every row, shape (rows, classes).

        One gather and one sum for all rows: a sentence's options or candidates are scored
        together, which saves most of numpy's per-call cost.
        """
        at, values, owners = coordinates(rows, self.index)
        scores = np.repeat(self.weights[-1:], len(rows), axis=0)
        if at:
            contributions = self.weights.take(np.array(at, dtype=np.intp), axis=0)
            if values.count(1.0) != len(values):  # most features are binary: x * 1.0 is x
                contributions *= np.array(values)[:, None]
            np.add.at(scores, np.array(owners, dtype=np.intp), contributions)
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def to_json(self) -> dict[str, Any]:
        names = sorted(self.index, key=self.index.__getitem__)
        return {
            "classes": list(self.classes),
            "bias": [round(float(w), 4) for w in self.weights[-1]],
            "features": {
                name: [round(float(w), 4) for w in self.weights[self.index[name]]] for name in names
            },
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> LinearModel:
        names = list(data["features"])
        rows = [data["features"][n] for n in names] + [data["bias"]]
        return LinearModel(
            tuple(data["classes"]),
            {name: i for i, name in enumerate(names)},
            np.array(rows, dtype=np.float64).reshape(len(rows), len(data["classes"])),
        )


def vocabulary(rows: Sequence[Row], min_count: int) -> dict[str, int]:
    """Return each feature name seen at least `min_count` times -> its column, names sorted."""
    counts = Counter(name for row in rows for name, _ in row)
    kept = sorted(name for name, n in counts.items() if n >= min_count)
    return {name: i for i, name in enumerate(kept)}


def coordinates(
    rows: Sequence[Row], index: dict[str, int], bias: int | None = None
) -> tuple[list[int], list[float], list[int]]:
    """Return the known features of `rows` as sparse coordinates: column, value, row.

    Unknown feature names are skipped; `bias`, when given, is a column of value 1 that
    closes every row (training fits it like any weight).
    """
    columns: list[int] = []
    values: list[float] = []
    owners: list[int] = []
    # bound once: this loop runs for every feature of every row the coder scores
    column, value_of, owner = columns.append, values.append, owners.append
    get = index.get
    for r, row in enumerate(rows):
        for name, value in row:
            at = get(name)
            if at is not None:
                column(at)
                value_of(value)
                owner(r)
        if bias is not None:
            column(bias)
            value_of(1.0)
            owner(r)
    return columns, values, owners


def train(
    rows: Sequence[Row],
    labels: Sequence[str],
    *,
    l2: float = 1.0,
    steps: int = 300,
    rate: float = 0.1,
    min_count: int = 2,
    classes: Sequence[str] | None = None,
    row_weights: Sequence[float] | None = None,
) -> LinearModel:
    """Fit a softmax regression to `rows` and `labels`; deterministic for equal inputs.

    Args:
        rows: Feature rows.
        labels: The class of each row.
        l2: Penalty on the squared weights (not on the bias), summed over rows.
        steps: Gradient steps.
        rate: Adam step size.
        min_count: Features seen in fewer rows are dropped.
        classes: Class order; default the sorted labels.
        row_weights: How much each row counts in the loss (default 1 each), e.g. to make
            a rare class weigh more.
    """
    from scipy import sparse  # training only (`make train`); the runtime needs numpy alone

    names = tuple(classes) if classes is not None else tuple(sorted(set(labels)))
    index = vocabulary(rows, min_count)
    bias = len(index)
    columns, values, owners = coordinates(rows, index, bias=bias)
    # One sparse product each way per step. Gathering a (classes x entries) array instead
    # spent two thirds of the time in the kernel, mapping and unmapping the temporaries.
    matrix = sparse.csr_matrix(
        (np.array(values, dtype=np.float64), (np.array(owners), np.array(columns))),
        shape=(len(rows), bias + 1),
    )
    transposed = matrix.T.tocsr()
    target = np.zeros((len(rows), len(names)))
    target[np.arange(len(rows)), [names.index(label) for label in labels]] = 1.0
    scale = np.ones(len(rows)) if row_weights is None else np.asarray(row_weights, float)
    weights = np.zeros((bias + 1, len(names)))
    moment, square = np.zeros_like(weights), np.zeros_like(weights)
    penalty = np.full((bias + 1, 1), l2)
    penalty[bias] = 0.0
    for step in range(1, steps + 1):
        scores = matrix @ weights
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        scores -= target
        scores *= scale[:, None]
        gradient = penalty * weights + transposed @ scores
        gradient /= len(rows)
        moment = 0.9 * moment + 0.1 * gradient
        square = 0.999 * square + 0.001 * gradient * gradient
        corrected = moment / (1 - 0.9**step)
        weights -= rate * corrected / (np.sqrt(square / (1 - 0.999**step)) + 1e-8)
    return LinearModel(names, index, np.round(weights, 4))


def average(models: Sequence[LinearModel]) -> LinearModel:
    """Return the model whose weights are the mean of `models`' (a feature absent counts 0)."""
    classes = models[0].classes
    names = sorted({name for m in models for name in m.index})
    weights = np.zeros((len(names) + 1, len(classes)))
    for m in models:
        if m.classes != classes:
            raise ValueError(f"classes differ: {m.classes} and {classes}")
        for row, name in enumerate(names):
            at = m.index.get(name)
            if at is not None:
                weights[row] += m.weights[at]
        weights[-1] += m.weights[-1]
    weights /= len(models)
    return LinearModel(classes, {n: i for i, n in enumerate(names)}, np.round(weights, 4))


def _row_sums(into: NDArray[np.float64], owners: NDArray[np.int64], values: Any) -> None:
    """Add each entry of `values` to its row of `into` (owners are sorted ascending)."""
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    into[owners[starts]] += np.add.reduceat(values, starts, axis=0)


def save(models: dict[str, LinearModel], extra: dict[str, Any], path: Path) -> None:
    """Write the models and any extra tables to one JSON file (sorted keys, stable bytes)."""
    data = {"models": {k: m.to_json() for k, m in models.items()}, **extra}
    path.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n")


def load(path: Path) -> tuple[dict[str, LinearModel], dict[str, Any]]:
    """Read what `save` wrote: the models, then the extra tables."""
    data = json.loads(path.read_text(encoding="utf-8"))
    models = {k: LinearModel.from_json(m) for k, m in data.pop("models").items()}
    return models, data
