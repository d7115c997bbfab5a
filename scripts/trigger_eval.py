"""Score Coder v2's trigger model alone: train on train, print figures on dev (or train CV).

    python scripts/trigger_eval.py [dev|train-cv] [--cache DIR]

- dev: `train_trigger_model` on the whole train split, scored on dev;
- train-cv: 5 folds of train by sorted document id (as `make train` folds them), each scored
  by a model trained on the other four; a second opinion that never looks at dev.

The unit is a gold trigger: a (sentence, token, root) of the gold, counted once. Printed:
precision, recall and F1 at the argmax (a token whose likeliest class is a root is a
prediction; it is right when that root is a gold root of the token), recall of the gold root
among the two likeliest roots and at probability thresholds, the false-alarm rate (scored
tokens that trigger nothing in the gold yet get some root at or over MIN_TRIGGER), the
recall at the threshold where 5 % of those tokens are false alarms (compares models however
they are calibrated), training
time and the time `trigger_probabilities` takes per sentence. Deterministic but for times.

`--cache DIR` keeps the parsed splits as pickles in DIR (the pipeline takes ~10 s a split);
delete them when the pipeline changes. The test split is refused: it is frozen.
"""

from __future__ import annotations

import pickle
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dyad.dictionaries.entries import VerbDictionary
from dyad.learn.linear import LinearModel
from dyad.learn.training import FOLDS, record_split
from dyad.learn.triggers import (
    NONE,
    LabelledSentence,
    train_trigger_model,
    trigger_probabilities,
)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
THRESHOLDS = (0.05, 0.1, 0.15, 0.3)
FALSE_ALARM_AT = 0.15
# a threshold-free comparison: recall where the false-alarm rate is this
MATCHED_ALARMS = 0.05
Split = list[tuple[str, LabelledSentence]]


def load(split: str, cache: Path | None) -> tuple[Split, VerbDictionary]:
    """Return a split's (document id, labelled sentence) pairs and the verb dictionary."""
    path = cache / f"triggers-{split}.pickle" if cache else None
    if path is not None and path.exists():
        data: tuple[Split, VerbDictionary] = pickle.loads(path.read_bytes())
        return data
    records, resources = record_split(split, DATA)
    pairs = [(r.doc_id, LabelledSentence(r.sentence, r.mentions, r.triggers)) for r in records]
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps((pairs, resources.verbs)))
    return pairs, resources.verbs


def score(
    sentences: Sequence[LabelledSentence],
    verbs: VerbDictionary,
    model: LinearModel,
    lexicon: frozenset[str],
) -> dict[str, Any]:
    """Return the raw counts of the trigger figures of `model` on `sentences`."""
    counts: dict[str, Any] = {"gold": 0, "predicted": 0, "right": 0, "top2": 0, "scored": 0}
    counts.update({f"at {t}": 0 for t in THRESHOLDS})
    counts.update({"other": 0, "false alarms": 0, "sentences": len(sentences)})
    counts.update({"gold p": [], "other p": []})
    began = time.perf_counter()
    scored = [
        trigger_probabilities(s.sentence, s.mentions, verbs, model, lexicon) for s in sentences
    ]
    counts["seconds"] = time.perf_counter() - began
    for labelled, probs in zip(sentences, scored, strict=True):
        gold: dict[int, set[str]] = {}
        for i, root, _ in labelled.triggers:
            gold.setdefault(i, set()).add(root)
        for i, roots in gold.items():
            p = probs.get(i, {})
            ranked = sorted(((q, r) for r, q in p.items() if r != NONE), reverse=True)
            for root in roots:
                counts["gold"] += 1
                counts["scored"] += bool(p)
                counts["top2"] += root in [r for _, r in ranked[:2]]
                counts["gold p"].append(p.get(root, 0.0))
                for t in THRESHOLDS:
                    counts[f"at {t}"] += p.get(root, 0.0) >= t
        for i, p in probs.items():
            best = max(p, key=lambda r: (p[r], r))
            if best != NONE:
                counts["predicted"] += 1
                counts["right"] += best in gold.get(i, set())
            if i not in gold:
                counts["other"] += 1
                counts["other p"].append(max(q for r, q in p.items() if r != NONE))
                counts["false alarms"] += max(q for r, q in p.items() if r != NONE) >= (
                    FALSE_ALARM_AT
                )
    return counts


def report(counts: dict[str, Any], train_seconds: float) -> str:
    """Return the figures of `score`'s counts as printable lines."""
    gold, predicted = max(counts["gold"], 1), max(counts["predicted"], 1)
    precision, recall = counts["right"] / predicted, counts["right"] / gold
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    others = sorted(counts["other p"], reverse=True)
    matched = others[int(MATCHED_ALARMS * len(others))] if others else 1.0
    at_matched = sum(p > matched for p in counts["gold p"]) / gold
    lines = [
        f"gold triggers {counts['gold']}, scored {counts['scored'] / gold:.3f}",
        f"argmax: P {precision:.3f} R {recall:.3f} F1 {f1:.3f} "
        f"({counts['right']} right of {counts['predicted']} predicted)",
        f"gold root in top 2: {counts['top2'] / gold:.3f}",
        "recall at p >= " + "  ".join(f"{t}: {counts[f'at {t}'] / gold:.3f}" for t in THRESHOLDS),
        f"false alarms (non-gold tokens with a root >= {FALSE_ALARM_AT}): "
        f"{counts['false alarms'] / max(counts['other'], 1):.3f} "
        f"({counts['false alarms']} of {counts['other']})",
        f"recall at {MATCHED_ALARMS} false alarms (p > {matched:.3f}): {at_matched:.3f}",
        f"training {train_seconds:.1f} s; trigger_probabilities "
        f"{1000 * counts['seconds'] / max(counts['sentences'], 1):.3f} ms/sentence",
    ]
    return "\n".join(lines)


def evaluate(mode: str, cache: Path | None) -> str:
    """Return the printable figures for `mode` ("dev" or "train-cv")."""
    train, verbs = load("train", cache)
    if mode == "dev":
        began = time.perf_counter()
        model, lexicon = train_trigger_model([s for _, s in train], verbs)
        seconds = time.perf_counter() - began
        dev, _ = load("dev", cache)
        return report(score([s for _, s in dev], verbs, model, lexicon), seconds)
    doc_ids = sorted({doc_id for doc_id, _ in train})
    fold_of = {doc_id: n % FOLDS for n, doc_id in enumerate(doc_ids)}
    total: dict[str, Any] = {}
    seconds = 0.0
    for fold in range(FOLDS):
        began = time.perf_counter()
        inside = [s for d, s in train if fold_of[d] != fold]
        model, lexicon = train_trigger_model(inside, verbs)
        seconds += time.perf_counter() - began
        held = [s for d, s in train if fold_of[d] == fold]
        for key, value in score(held, verbs, model, lexicon).items():
            total[key] = total.get(key, type(value)()) + value
    return report(total, seconds)


def main(argv: Sequence[str]) -> int:
    mode = argv[0] if argv and not argv[0].startswith("--") else "dev"
    if mode not in ("dev", "train-cv"):
        sys.exit("trigger_eval: give dev or train-cv (the test split is frozen)")
    cache = Path(argv[argv.index("--cache") + 1]) if "--cache" in argv else None
    print(f"{mode}:")
    print(evaluate(mode, cache))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
