"""Gradient-boosted trees over named features: trained with LightGBM, run with numpy.

Coder v2's ranker. A row is a list of `(feature name, value)` pairs, as for `linear`; an
absent feature is 0. `train` (used only by `make train`) fits LightGBM's binary objective
on one thread with a fixed seed, so the same rows give the same trees bit for bit, and
exports the trees as plain arrays. `TreeModel.probabilities_many` walks those arrays with
numpy: running the coder needs neither LightGBM nor the OpenMP library it links to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from dyad.learn.linear import Row, coordinates, vocabulary

CLASSES = ("0", "1")
# chosen on Coder v2's ranker rows (cross-fitted candidates of the train split) by dev
# recall at precision 0.75: 15 to 63 leaves, depth 5 to unlimited and rates 0.03 to 0.05
# were all within 0.01 of each other and all beat the linear ranker (README, "Coder v2");
# depth 8 bounds the steps of a prediction. Session 45, on 296k rows (rounds 1-29): rate
# 0.08 against 0.05 raised dev's average precision by 0.0015 with seeds 7 and 1 alike and
# lowered the emitted events' ECE; 600 rounds did as well but walk twice the trees at run
# time, and 63 leaves (+0.001) double the weights file
ROUNDS = 300
LEAVES = 31
MAX_DEPTH = 8
RATE = 0.08
MIN_CHILD = 50
MIN_COUNT = 5
SEED = 7


@dataclass(frozen=True)
class TreeModel:
    """Binary trees over the features in `index`; a row's score is the sum of its leaves.

    The nodes of all trees are numbered together, tree `t` starting at `roots[t]`. A split
    sends a row to `left` when its value of `feature` is at most `threshold`, else to
    `right`; a leaf's score is in `value`, its feature is a column that is always 0 and
    both its children are itself, so every row is at its leaf after `depth` steps.
    """

    index: dict[str, int]
    roots: NDArray[np.int64]
    feature: NDArray[np.int64]
    threshold: NDArray[np.float64]
    left: NDArray[np.int64]
    right: NDArray[np.int64]
    value: NDArray[np.float64]
    depth: int
    classes: tuple[str, ...] = CLASSES
    # a row's probability is the logistic of slope * (sum of its leaves) + intercept: the
    # trees' own sum (1, 0) rescaled so the emitted events' probabilities are calibrated
    # (`fit_scale`, on the training rows' out-of-fold sums)
    scale: tuple[float, float] = (1.0, 0.0)

    def probabilities_many(self, rows: Sequence[Row]) -> NDArray[np.float64]:
        """Return (P(class "0"), P(class "1")) for every row, shape (rows, 2)."""
        slope, intercept = self.scale
        positive = 1.0 / (1.0 + np.exp(-(slope * self.sums(rows) + intercept)))
        result: NDArray[np.float64] = np.stack([1.0 - positive, positive], axis=1)
        return result

    def sums(self, rows: Sequence[Row]) -> NDArray[np.float64]:
        """Return the sum of each row's leaves: its log-odds before `scale`."""
        at, values, owners = coordinates(rows, self.index)
        width = len(self.index) + 1  # the last column stays 0: leaves read it
        x = np.zeros((len(rows), width))
        np.add.at(x, (owners, at), values)  # a name twice in a row adds up, as in training
        cells = x.ravel()
        row_start = (np.arange(len(rows)) * width)[:, None]
        node = np.tile(self.roots, (len(rows), 1))
        for _ in range(self.depth):
            left = cells[row_start + self.feature[node]] <= self.threshold[node]
            node = np.where(left, self.left[node], self.right[node])
        total: NDArray[np.float64] = self.value[node].sum(axis=1)
        return total

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "trees",
            "classes": list(self.classes),
            "features": sorted(self.index, key=self.index.__getitem__),
            "depth": self.depth,
            "roots": self.roots.tolist(),
            "feature": self.feature.tolist(),
            "threshold": self.threshold.tolist(),
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "value": self.value.tolist(),
            "scale": list(self.scale),
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> TreeModel:
        slope, intercept = data.get("scale", (1.0, 0.0))  # files before session 43 have none
        return TreeModel(
            {name: i for i, name in enumerate(data["features"])},
            np.array(data["roots"], dtype=np.int64),
            np.array(data["feature"], dtype=np.int64),
            np.array(data["threshold"], dtype=np.float64),
            np.array(data["left"], dtype=np.int64),
            np.array(data["right"], dtype=np.int64),
            np.array(data["value"], dtype=np.float64),
            int(data["depth"]),
            tuple(data["classes"]),
            (float(slope), float(intercept)),
        )


def fit_scale(sums: Sequence[float], right: Sequence[bool]) -> tuple[float, float]:
    """Return the slope and intercept that make logistic(slope * sum + intercept) calibrated.

    Platt's scaling: a logistic regression of the outcome on the trees' sum, by Newton's
    method from (1, 0), so the same inputs give the same scale. Two numbers keep the
    ranking as it is (the map is increasing) and cannot follow noise the way a binned map
    of a few hundred likely events would.
    """
    x = np.stack([np.asarray(sums, dtype=np.float64), np.ones(len(sums))], axis=1)
    y = np.asarray(right, dtype=np.float64)
    beta = np.array([1.0, 0.0])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        gradient = x.T @ (p - y)
        hessian = (x * (p * (1 - p))[:, None]).T @ x + 1e-9 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return round(float(beta[0]), 6), round(float(beta[1]), 6)


def train(
    rows: Sequence[Row],
    labels: Sequence[str],
    *,
    weights: Sequence[float] | None = None,
    rounds: int = ROUNDS,
    leaves: int = LEAVES,
    rate: float = RATE,
    min_child: int = MIN_CHILD,
    min_count: int = MIN_COUNT,
    seed: int = SEED,
) -> TreeModel:
    """Fit boosted trees telling label "1" from "0"; deterministic for equal inputs.

    `weights` (one a row, default 1) scale each row's share of the loss. Features seen in
    fewer than `min_count` rows are dropped. Needs LightGBM (pinned in
    the `dev` extra, which `make train` installs).
    """
    try:
        import lightgbm
        from scipy import sparse
    except (ImportError, OSError) as error:
        raise RuntimeError(
            f"training the ranker needs LightGBM ({error}); `make train` installs it"
        ) from error
    index = vocabulary(rows, min_count)
    at, values, owners = coordinates(rows, index)
    matrix = sparse.csr_matrix((values, (owners, at)), shape=(len(rows), len(index)))
    target = np.array([CLASSES.index(label) for label in labels], dtype=np.float64)
    params = lightgbm_params(leaves=leaves, rate=rate, min_child=min_child, seed=seed)
    weight = None if weights is None else np.array(weights, dtype=np.float64)
    data = lightgbm.Dataset(matrix, target, weight=weight)
    booster = lightgbm.train(params, data, num_boost_round=rounds)
    return _exported(booster.dump_model(), list(index))


def lightgbm_params(
    *, leaves: int, rate: float, min_child: int, seed: int = SEED
) -> dict[str, Any]:
    """Return LightGBM's settings for the ranker: binary, one thread, seeded, depth-bound."""
    return {
        "objective": "binary",
        "learning_rate": rate,
        "num_leaves": leaves,
        "max_depth": MAX_DEPTH,
        "min_child_samples": min_child,
        "feature_fraction": 0.8,
        "lambda_l2": 1.0,
        "seed": seed,
        "deterministic": True,
        "force_col_wise": True,
        "num_threads": 1,
        "verbose": -1,
    }


def _exported(dump: dict[str, Any], names: Sequence[str]) -> TreeModel:
    """Return LightGBM's dumped trees as node arrays over the features they split on."""
    trees = [_flat(tree["tree_structure"]) for tree in dump["tree_info"]]
    used = sorted({f for tree in trees for f in tree[0] if f >= 0})
    column = {f: n for n, f in enumerate(used)}
    column[-1] = len(used)  # leaves read the column past the last feature, always 0
    roots: list[int] = []
    feature: list[int] = []
    left: list[int] = []
    right: list[int] = []
    threshold: list[float] = []
    value: list[float] = []
    for features, thresholds, lefts, rights, values, _ in trees:
        start = len(feature)
        roots.append(start)
        feature += [column[f] for f in features]
        threshold += thresholds
        left += [start + n for n in lefts]
        right += [start + n for n in rights]
        value += values
    return TreeModel(
        {names[f]: n for n, f in enumerate(used)},
        np.array(roots, dtype=np.int64),
        np.array(feature, dtype=np.int64),
        np.array(threshold),
        np.array(left, dtype=np.int64),
        np.array(right, dtype=np.int64),
        np.array(value),
        max(tree[5] for tree in trees),
    )


def _flat(
    root: dict[str, Any],
) -> tuple[list[int], list[float], list[int], list[int], list[float], int]:
    """Return one dumped tree as node lists (feature, threshold, left, right, value) and depth.

    Node 0 is the root; a leaf's feature is -1 and its children are itself.
    """
    features: list[int] = []
    thresholds: list[float] = []
    lefts: list[int] = []
    rights: list[int] = []
    values: list[float] = []
    deepest = 0

    def add(node: dict[str, Any], level: int) -> int:
        nonlocal deepest
        slot = len(features)
        features.append(-1)
        thresholds.append(0.0)
        lefts.append(slot)
        rights.append(slot)
        values.append(0.0)
        if "leaf_value" in node:
            values[slot] = float(node["leaf_value"])
            deepest = max(deepest, level)
            return slot
        if node["decision_type"] != "<=" or node["missing_type"] == "Zero":
            raise ValueError(f"unsupported LightGBM split at node {slot}: {node['decision_type']}")
        features[slot] = int(node["split_feature"])
        thresholds[slot] = float(node["threshold"])
        lefts[slot] = add(node["left_child"], level + 1)
        rights[slot] = add(node["right_child"], level + 1)
        return slot

    add(root, 0)
    return features, thresholds, lefts, rights, values, deepest
