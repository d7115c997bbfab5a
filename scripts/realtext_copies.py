"""List near-copies across the real-text gold's splits: text that train shares with dev or test.

Reuters printed some wires twice under new ids, agencies' stories were republished with
changes, NewsArticles holds transcripts of presidential speeches: a train document whose
words largely repeat a dev or test document's lets the coder learn from text it is then
measured on. Two documents are near-copies when at least `--share` (default 0.3) of either
one's 10-word shingles (letters only; a third of them, chosen by their own hash, so that a
copy shifted by a word samples the same ones) are in the other. Prints one line
per pair in different splits (session 45 found 5 NewsArticles pairs this way, 33-46 %, one
with a test story). Reads the test split's texts to compare them, never its events.

    python scripts/realtext_copies.py [GOLD_DIR] [--share 0.3]
"""

from __future__ import annotations

import argparse
import re
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from dyad.evaluate.realtext import GOLD_FOLDER, gold_document, load_split
from dyad.evaluate.scores import default_data_dir

WIDTH = 10  # words a shingle
SAMPLE = 3  # one shingle in SAMPLE is kept, by its CRC-32


def shingles(text: str) -> set[str]:
    """Return the text's sampled runs of WIDTH words (letters only, lower case).

    Sampling by the shingle's own checksum, not by its position, keeps the same shingles in
    a copy with a word added at the start.
    """
    words = re.sub(r"[^a-z ]", " ", text.lower()).split()
    runs = (" ".join(words[i : i + WIDTH]) for i in range(len(words) - WIDTH + 1))
    return {run for run in runs if zlib.crc32(run.encode()) % SAMPLE == 0}


class ShingleIndex:
    """Which of the documents added so far hold each sampled shingle (numbered as added)."""

    def __init__(self) -> None:
        self.holders: defaultdict[str, list[int]] = defaultdict(list)
        self.count = 0

    def add(self, found: set[str]) -> None:
        for shingle in found:
            self.holders[shingle].append(self.count)
        self.count += 1

    def shared(self, found: set[str]) -> Counter[int]:
        """Return how many of `found` each added document holds."""
        counts: Counter[int] = Counter()
        for shingle in found:
            counts.update(self.holders.get(shingle, ()))
        return counts


def near_copies(
    documents: Sequence[tuple[str, str, str]], share: float
) -> list[tuple[str, str, str, str, float]]:
    """Return (split, id, other split, other id, share) for each near-copy across splits.

    `documents` are (split, id, text). The share is of the first document's shingles found
    in the second; a pair is listed once, from the side where the share is larger.
    """
    sets = [shingles(text) for _, _, text in documents]
    index = ShingleIndex()
    for found in sets:
        index.add(found)
    best: dict[tuple[int, int], float] = {}
    for number, found in enumerate(sets):
        for other, count in index.shared(found).items():
            if documents[other][0] == documents[number][0]:  # itself, or the same split
                continue
            pair = (min(number, other), max(number, other))
            fraction = count / len(found)
            if fraction >= share and fraction > best.get(pair, 0.0):
                best[pair] = fraction
    rows = []
    for (first, second), fraction in sorted(best.items(), key=lambda item: -item[1]):
        a, b = documents[first], documents[second]
        rows.append((a[0], a[1], b[0], b[1], round(fraction, 2)))
    return rows


def gold_texts(folder: Path) -> tuple[list[tuple[str, str, str]], int]:
    """Return (split, id, text) of every document of a gold folder's splits, and how many
    documents had no text to read (no ../shared/data)."""
    data_dir = default_data_dir()
    documents = []
    missing = 0
    for split in ("train", "dev", "test"):
        for gold in load_split(split, folder):
            document = gold_document(gold, data_dir)
            if document is None:
                missing += 1
                continue
            documents.append((split, gold.doc_id, document.text))
    return documents, missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD_FOLDER)
    parser.add_argument("--share", type=float, default=0.3)
    options = parser.parse_args()
    documents, missing = gold_texts(options.gold)
    for row in near_copies(documents, options.share):
        print("{}\t{}\t{}\t{}\t{:.2f}".format(*row))
    if missing:
        print(f"{missing} documents without their text (no ../shared/data?)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
