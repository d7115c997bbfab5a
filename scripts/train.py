"""Rebuild Coder v2's weights from the train split of the real-text gold (`make train`).

Writes src/dyad/data/models/coder2.json. Deterministic: run it twice and the file is the
same byte for byte. Reads only train.jsonl (never dev or test).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from dyad.evaluate.scores import default_data_dir
from dyad.learn import linear
from dyad.learn.coder import MODEL_FILE
from dyad.learn.training import record_split, train_models


def main() -> int:
    began = time.perf_counter()
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else MODEL_FILE
    records, resources = record_split("train", default_data_dir())
    recorded = time.perf_counter()
    models, summary = train_models(records, resources.verbs)
    extra = {
        "ranker": models.ranker.to_json(),
        "lexicon": sorted(models.lexicon),
        "subcodes": models.subcodes,
        "summary": summary,
    }
    linear.save(
        {"trigger": models.trigger, "arguments": models.arguments},
        extra,
        output,
    )
    done = time.perf_counter()
    print(json.dumps(summary))
    print(
        f"wrote {output} ({output.stat().st_size:,} bytes): pipeline {recorded - began:.0f} s, "
        f"training {done - recorded:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
