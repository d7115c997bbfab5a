"""Judge a coder change by the ranker's seed spread, not by one seed (`make seeds`).

The ranker's trees are seeded (LightGBM's feature sampling): on the same rows, seeds 7, 1,
2 and 3 moved dev's average precision by 0.002 and the recall at precision 0.75 by 0.012
(session 12). A change to candidates or features is real only when it moves the mean of
several seeds past that spread. This script:

1. runs the train split through the pipeline and cross-fits the trigger and argument models
   once (as `make train` does; ~19 minutes), keeping the ranker's rows in a cache file;
2. for each seed, fits only the ranker and its scale (six fits, ~4 minutes: the scale
   needs a fit per fold, `learn.training.calibrated`) and codes dev with every candidate
   (`coder.min_confidence` 0);
3. prints, per seed and as the mean: average precision, recall at precision 0.75, and
   precision, recall, F1 and the emitted events' calibration error (ECE, 10 bins) at the
   threshold (`--threshold`, default the config's), counted
   over the same run's confidences.

Reads train and dev, never test. Writes nothing in the repository; the committed weights
stay `make train`'s (seed 7).

    python scripts/ranker_seeds.py [--seeds 7,1,2,3] [--rows /tmp/rows.pkl] [--threshold 0.45]

`--rows FILE` reuses the rows FILE holds when they are of the same train split (delete it
after changing the candidates or the ranker's features), else writes them there;
`scripts/train.py --rows FILE` writes and reads the same file.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
from pathlib import Path

from dyad.coder.resources import Resources
from dyad.config import load_config
from dyad.evaluate import calibration
from dyad.evaluate.realtext import SplitScore, evaluate_realtext
from dyad.evaluate.scores import default_data_dir
from dyad.evaluate.scoring import realtext_coder
from dyad.learn.training import cross_fitted, train_models


def dev_score(resources: Resources) -> SplitScore:
    """Code dev with `resources` and return its score."""
    return evaluate_realtext(["dev"], realtext_coder(resources), default_data_dir())["dev"]


def ceiling(score: SplitScore) -> float:
    """Return the recall of every candidate: what no threshold or ranking can pass."""
    gold = score.levels["actor_root"].gold
    return sum(right for _, right in score.confidences) / gold if gold else 0.0


def at_threshold(score: SplitScore, threshold: float) -> tuple[float, float, float, int, float]:
    """Return precision, recall, F1, count and ECE of the events at or above `threshold`."""
    emitted = [(c, right) for c, right in score.confidences if c >= threshold]
    kept = [right for _, right in emitted]
    gold = score.levels["actor_root"].gold
    precision = sum(kept) / len(kept) if kept else 0.0
    recall = sum(kept) / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    error = calibration.expected_calibration_error(calibration.reliability(emitted))
    return precision, recall, f1, len(kept), error


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", default="7,1,2,3", help="comma-separated LightGBM seeds")
    parser.add_argument("--rows", type=Path, help="cache file for the cross-fitted rows")
    parser.add_argument("--threshold", type=float, help="default: coder.min_confidence")
    options = parser.parse_args()
    seeds = [int(seed) for seed in options.seeds.split(",")]
    config = load_config()
    threshold = config.coder.min_confidence if options.threshold is None else options.threshold
    fitted = cross_fitted(default_data_dir(), options.rows)
    every = dataclasses.replace(config, coder=dataclasses.replace(config.coder, min_confidence=0))
    figures = []
    print(f"seed   AP      R@P.75  P@{threshold:<5} R@{threshold:<5} F1      n     ceiling  ECE")
    for seed in seeds:
        models, _ = train_models(fitted, seed)
        score = dev_score(Resources.load(every, learned_models=models))
        average, reach = calibration.ranking(score.confidences, score.levels["actor_root"].gold)
        precision, recall, f1, kept, error = at_threshold(score, threshold)
        top = ceiling(score)
        figures.append((average, reach, precision, recall, f1, kept, top, error))
        print(
            f"{seed:<6} {average:.4f}  {reach:.3f}   {precision:.3f}   {recall:.3f}   "
            f"{f1:.3f}   {kept:<5} {top:.3f}    {error:.3f}",
            flush=True,
        )
    means = [statistics.fmean(column) for column in zip(*figures, strict=True)]
    print(
        f"mean   {means[0]:.4f}  {means[1]:.3f}   {means[2]:.3f}   {means[3]:.3f}   "
        f"{means[4]:.3f}   {means[5]:<5.0f} {means[6]:.3f}    {means[7]:.3f}"
    )
    if len(figures) > 1:
        spread = max(f[0] for f in figures) - min(f[0] for f in figures)
        print(f"AP spread over seeds {spread:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
