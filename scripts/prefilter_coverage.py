"""Print how many real-text gold events sit in sentences the pre-filter lets the parser see.

    python scripts/prefilter_coverage.py [train|dev] [--lost]

The documents of the split go through the batch stages up to the pre-filter, as
`learn.training.record_split` runs them (Coder v2's training records: `coder.learned=false`,
`coder.require_dyad=false`). A gold sentence counts as parsed when a sentence the
pre-filter marked PARSE overlaps it. `--lost` prints each gold-event sentence that is not,
with its verdict (CONTEXT: names an actor, SKIP: none) and the gold triggers. No parse is
run: a few seconds. The test split is refused: it is frozen and read only at milestones.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from dyad.coder.pipeline import STAGES, Batch, Resources
from dyad.coder.prefilter import PARSE
from dyad.coder.timing import StageTimes
from dyad.config import load_config
from dyad.evaluate.realtext import gold_document, load_split

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
UP_TO_PREFILTER = ("structure", "perspective", "split", "prefilter")
VERDICTS = {0: "SKIP", 1: "CONTEXT", 2: "PARSE", -1: "unsplit"}


def main() -> None:
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    if split not in ("train", "dev"):
        sys.exit("prefilter_coverage: give train or dev (the test split is frozen)")
    config = load_config(overrides=["coder.learned=false", "coder.require_dyad=false"])
    resources = Resources.load(config)
    pairs = [(gold_document(gold, DATA), gold) for gold in load_split(split)]
    found = [(document, gold) for document, gold in pairs if document is not None]
    batch = Batch([document for document, _ in found], resources, StageTimes(), True)
    for stage in STAGES:
        if stage.name in UP_TO_PREFILTER:
            stage.function(batch)
    events = parsed = 0
    lost = []
    for (document, gold), spans, verdicts in zip(found, batch.spans, batch.verdicts, strict=True):
        for sentence in gold.sentences:
            if not sentence.events:
                continue
            overlapping = [
                verdict
                for (start, end, _segment), verdict in zip(spans, verdicts, strict=True)
                if min(end, sentence.end) - max(start, sentence.start) > 0
            ]
            verdict = max(overlapping, default=-1)
            events += len(sentence.events)
            if verdict == PARSE:
                parsed += len(sentence.events)
                continue
            triggers = [document.text[a:b] for a, b in filter(None, sentence.triggers)]
            text = document.text[sentence.start : sentence.end].replace("\n", " ")
            lost.append(f"{VERDICTS[verdict]:<8} {triggers} {text[:160]}")
    counts = Counter(verdict for marks in batch.verdicts for verdict in marks)
    total = sum(counts.values())
    print(f"{split}: {events} gold events, {parsed} in parsed sentences ({parsed / events:.1%})")
    print(f"sentences parsed: {counts[PARSE]} of {total} ({counts[PARSE] / total:.1%})")
    if "--lost" in sys.argv:
        print("\n".join(lost))


if __name__ == "__main__":
    main()
