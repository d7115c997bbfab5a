"""Rebuild Coder v2's weights from the train split of the real-text gold (`make train`).

Writes src/dyad/data/models/coder2.json. Deterministic: run it twice and the file is the
same byte for byte. Reads only train.jsonl (never dev or test).

    python scripts/train.py [OUTPUT] [--rows FILE]

`--rows FILE` keeps the cross-fitted rows (the pipeline over train and the trigger and
argument models, most of the time) in FILE, or reuses them when FILE holds rows of the same
train split; `make seeds` reads the same file, so a retrain and its seeds pass through the
pipeline once. The weights are the same with and without it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dyad.evaluate.scores import default_data_dir
from dyad.learn import linear
from dyad.learn.coder import MODEL_FILE
from dyad.learn.training import cross_fitted, train_models


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", nargs="?", type=Path, default=MODEL_FILE)
    parser.add_argument("--rows", type=Path, help="cache file for the cross-fitted rows")
    options = parser.parse_args()
    began = time.perf_counter()
    fitted = cross_fitted(default_data_dir(), options.rows)
    recorded = time.perf_counter()
    models, summary = train_models(fitted)
    extra = {
        "ranker": models.ranker.to_json(),
        "lexicon": sorted(models.lexicon),
        "subcodes": models.subcodes,
        "summary": summary,
    }
    linear.save(
        {"trigger": models.trigger, "arguments": models.arguments},
        extra,
        options.output,
    )
    done = time.perf_counter()
    print(json.dumps(summary))
    print(
        f"wrote {options.output} ({options.output.stat().st_size:,} bytes): "
        f"pipeline and cross-fit {recorded - began:.0f} s, ranker {done - recorded:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
