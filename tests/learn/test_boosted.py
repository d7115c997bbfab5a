"""The ranker's boosted trees: LightGBM fits them, numpy walks the exported arrays."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from dyad.learn import boosted
from dyad.learn.boosted import TreeModel
from dyad.learn.linear import Row


def _one_split(threshold: float) -> TreeModel:
    """One tree: feature "p" at most `threshold` scores -2, above it +2."""
    return TreeModel(
        index={"p": 0},
        roots=np.array([0]),
        feature=np.array([0, 1, 1]),  # column 1, past the features, is the leaves' zero
        threshold=np.array([threshold, 0.0, 0.0]),
        left=np.array([1, 1, 2]),
        right=np.array([2, 1, 2]),
        value=np.array([0.0, -2.0, 2.0]),
        depth=1,
    )


def test_a_row_goes_left_at_or_under_the_threshold_and_an_absent_feature_is_zero() -> None:
    model = _one_split(0.5)
    rows: list[Row] = [[("p", 0.5)], [("p", 0.51)], [], [("unknown", 9.0)]]
    positive = model.probabilities_many(rows)[:, 1]
    low, high = 1 / (1 + np.exp(2.0)), 1 / (1 + np.exp(-2.0))
    assert positive == pytest.approx([low, high, low, low])
    assert model.probabilities_many(rows).sum(axis=1) == pytest.approx([1.0] * 4)


def test_a_feature_named_twice_in_a_row_adds_up_as_in_training() -> None:
    # training's sparse matrix sums repeated names; the walk must read the same value
    model = _one_split(0.5)
    twice = model.probabilities_many([[("p", 0.3), ("p", 0.3)]])[:, 1]
    assert twice == pytest.approx([1 / (1 + np.exp(-2.0))])  # 0.6 > 0.5: right


def _interaction(n: int) -> tuple[list[Row], list[str]]:
    """Label 1 only where a flag and a high score come together (no linear model fits it)."""
    rng = np.random.default_rng(3)
    rows: list[Row] = []
    labels = []
    for _ in range(n):
        score = float(rng.random())
        flag = bool(rng.random() < 0.5)
        row: list[tuple[str, float]] = [("score", score)]
        if flag:
            row.append(("flag", 1.0))
        rows.append(row)
        labels.append("1" if flag and score > 0.6 else "0")
    return rows, labels


def _lightgbm() -> None:
    try:
        import lightgbm  # noqa: F401
    except (ImportError, OSError) as error:  # OSError: its OpenMP library is missing
        pytest.skip(f"LightGBM cannot load here: {error}")


def test_training_learns_an_interaction_and_the_export_predicts_like_lightgbm() -> None:
    _lightgbm()
    import lightgbm
    from scipy import sparse

    rows, labels = _interaction(600)
    model = boosted.train(rows, labels, rounds=40, min_child=5, min_count=1)
    tests = [[("score", 0.9), ("flag", 1.0)], [("score", 0.9)], [("score", 0.2), ("flag", 1.0)]]
    positive = model.probabilities_many(tests)[:, 1]
    assert positive[0] > 0.8
    assert positive[1] < 0.2 and positive[2] < 0.2
    # the same fit straight from LightGBM gives the same probabilities
    names = ["flag", "score"]
    matrix = sparse.csr_matrix([[dict(r).get(n, 0.0) for n in names] for r in rows])
    params = boosted.lightgbm_params(leaves=boosted.LEAVES, rate=boosted.RATE, min_child=5)
    target = np.array([float(label) for label in labels])
    booster = lightgbm.train(params, lightgbm.Dataset(matrix, target), num_boost_round=40)
    expected = booster.predict(np.array([[dict(r).get(n, 0.0) for n in names] for r in tests]))
    assert positive == pytest.approx(expected, abs=1e-12)


def test_training_twice_gives_the_same_trees_and_json_round_trips() -> None:
    _lightgbm()
    rows, labels = _interaction(300)
    first = boosted.train(rows, labels, rounds=10, min_child=5, min_count=1)
    second = boosted.train(rows, labels, rounds=10, min_child=5, min_count=1)
    text = json.dumps(first.to_json(), sort_keys=True)
    assert text == json.dumps(second.to_json(), sort_keys=True)
    again = TreeModel.from_json(json.loads(text))
    assert again.depth <= boosted.MAX_DEPTH
    assert np.array_equal(again.probabilities_many(rows), first.probabilities_many(rows))


def test_rare_features_are_dropped_before_training() -> None:
    _lightgbm()
    rows, labels = _interaction(300)
    rows[0] = [*rows[0], ("seen-once", 1.0)]
    model = boosted.train(rows, labels, rounds=10, min_child=5, min_count=2)
    assert "seen-once" not in model.index


def test_the_seed_is_the_only_randomness_and_the_default_is_make_trains() -> None:
    _lightgbm()
    rows, labels = _interaction(300)
    rows = [[*row, ("noise", (n * 7919 % 101) / 101)] for n, row in enumerate(rows)]

    def fitted(**seed: int) -> str:
        model = boosted.train(rows, labels, rounds=10, min_child=5, min_count=1, **seed)
        return json.dumps(model.to_json(), sort_keys=True)

    assert fitted() == fitted(seed=boosted.SEED)
    assert fitted(seed=1) == fitted(seed=1)
    assert fitted(seed=1) != fitted()  # features are sampled per tree: the seed shows


def test_a_row_weighted_half_counts_half() -> None:
    # the ranker weighs each of an event's k candidate copies 1/k: 100 right rows at weight
    # 1/2 count as 50 against 200 wrong ones, so the probability is 50/250, not 100/300
    _lightgbm()
    rows = [[("flag", 1.0)]] * 300
    labels = ["1"] * 100 + ["0"] * 200
    plain = boosted.train(rows, labels, rounds=200, min_child=5, min_count=1)
    weights = [0.5] * 100 + [1.0] * 200
    weighted = boosted.train(rows, labels, weights=weights, rounds=200, min_child=5, min_count=1)
    assert plain.probabilities_many(rows[:1])[0, 1] == pytest.approx(1 / 3, abs=0.01)
    assert weighted.probabilities_many(rows[:1])[0, 1] == pytest.approx(1 / 5, abs=0.01)


def test_the_scale_rescales_the_log_odds_and_round_trips() -> None:
    model = dataclasses.replace(_one_split(0.5), scale=(0.5, 1.0))
    positive = model.probabilities_many([[("p", 0.9)], [("p", 0.1)]])[:, 1]
    # sums +2 and -2: logistic(0.5 * 2 + 1) and logistic(0.5 * -2 + 1)
    assert positive == pytest.approx([1 / (1 + np.exp(-2.0)), 0.5])
    again = TreeModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again.scale == (0.5, 1.0)
    # a model file from before the scale reads as the trees' own probabilities
    old = model.to_json()
    del old["scale"]
    assert TreeModel.from_json(old).scale == (1.0, 0.0)


def test_fit_scale_finds_the_scale_that_calibrates_the_sums() -> None:
    # outcomes drawn with P(right) = logistic(2 * sum - 1): the fit recovers 2 and -1
    rng = np.random.default_rng(5)
    sums = rng.normal(0.0, 1.5, 20000)
    right = rng.random(20000) < 1 / (1 + np.exp(-(2 * sums - 1)))
    slope, intercept = boosted.fit_scale(sums.tolist(), right.tolist())
    assert slope == pytest.approx(2.0, abs=0.1)
    assert intercept == pytest.approx(-1.0, abs=0.1)
    # calibrated sums need no rescaling
    right = rng.random(20000) < 1 / (1 + np.exp(-sums))
    assert boosted.fit_scale(sums.tolist(), right.tolist()) == pytest.approx((1.0, 0.0), abs=0.1)
