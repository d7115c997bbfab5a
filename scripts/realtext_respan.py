"""Move gold actor spans that sit inside a word to the whole word their text names.

Until session 43 `realtext_build.py` placed an annotator's span at the first occurrence of
its text in the sentence, so a short actor could land inside another word ("he" inside
"The", "US" inside "USA"). This repairs the built gold:

    python scripts/realtext_respan.py GOLD_DIR [--write]

It reads `train.jsonl` and `dev.jsonl` (never `test.jsonl`: the test split is frozen),
reads each document's text as the eval does (`gold_document`, its hash checked), and
moves every source, target and reported_by span whose first or last character continues a
word to the first whole-word occurrence of the same text in the same sentence, where there
is one. Triggers stay: a
stem inside a longer word ("attack" of "attacks") is where the annotator meant it. It
prints what it would move; `--write` rewrites the two files as the build writes them.
The spans feed the argument model's labels: retrain after writing.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from realtext_build import whole_word  # the build's own rule: whole words first

from dyad.evaluate.realtext import gold_document, load_split
from dyad.evaluate.scores import default_data_dir

ROLES = ("source", "target", "reported_by")


def inside_word(text: str, start: int, end: int) -> bool:
    """Return whether the span's first or last character continues a word around it."""
    return (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())


def respan(record: dict[str, Any], text: str) -> int:
    """Move the record's actor spans that sit inside a word; return how many moved."""
    moved = 0
    for sentence in record["sentences"]:
        for event in sentence["events"]:
            for role in ROLES:
                actor = event[role]
                if not actor or not actor.get("span"):
                    continue
                start, end = actor["span"]
                if not inside_word(text, start, end):
                    continue
                at = whole_word(text[sentence["start"] : sentence["end"]], text[start:end])
                if at is not None:
                    at += sentence["start"]
                    actor["span"] = [at, at + end - start]
                    moved += 1
    return moved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--write", action="store_true")
    options = parser.parse_args()
    data_dir = default_data_dir()
    splits = {}
    for split in ("train", "dev"):
        path = options.gold / f"{split}.jsonl"
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        moved = missing = 0
        # the eval's own reading: the shipped text or the corpus line, checked by its hash
        for record, gold in zip(records, load_split(split, options.gold), strict=True):
            document = gold_document(gold, data_dir)
            if document is None:
                missing += 1
                continue
            moved += respan(record, document.text)
        print(f"{split}: {moved} spans moved; {missing} documents without their text")
        splits[path] = (records, missing)
    if options.write:
        if any(missing for _, missing in splits.values()):
            raise SystemExit("texts missing (needs ../shared/data): nothing written")
        for path, (records, _) in splits.items():
            lines = (json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)
            path.write_text("".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
