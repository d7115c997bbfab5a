"""Documents from the shared corpora for throughput benchmarks (stdlib only).

``iter_bench_sentences(data_dir, limit)`` streams ``(doc_id, text, date)`` documents from the
JSON Lines corpora under ``data_dir`` (normally ``../shared/data/corpus``), in the order of
``CORPORA``, and stops after the document that brings the running sentence count to at least
``limit``. Sentences are counted cheaply (``SENTENCE_END_RE``: ``.``, ``!`` or ``?`` followed by
whitespace and a capital letter, plus one for the last sentence), which is close enough to size
a benchmark. ``date`` is the record's date cut to ``YYYY-MM-DD``, or ``None``. Records without
text are skipped; corpora that are missing are skipped silently. If all corpora together hold
fewer than ``limit`` sentences the iterator simply ends: callers that need more can iterate
again (replicate).

Reuters-21578 and NewsArticles are research/benchmark-only data: read them from the shared
folder, never copy them into the package.

``python scripts/bench_corpus.py [DATA_DIR]`` prints documents/sentences for 20,000 and 100,000.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpus"

CORPORA = (
    "reuters21578/reuters21578.jsonl",
    "us_presidential_speeches/us_presidential_speeches.jsonl",
    "newsarticles_2017/newsarticles_2017.jsonl",
    "wikinews_2019_2020/wikinews_2019_2020.jsonl",
)

SENTENCE_END_RE = re.compile(r"[.!?]\s+(?=[A-Z])")


def count_sentences(text: str) -> int:
    """Approximate sentence count: sentence-final punctuation before a capital, plus one."""
    return len(SENTENCE_END_RE.findall(text)) + 1 if text.strip() else 0


def _records(path: Path) -> Iterator[tuple[str, str, str | None]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get("text")
            if not text or not text.strip():
                continue
            date = record.get("date")
            yield str(record["id"]), text, date[:10] if date else None


def iter_bench_sentences(
    data_dir: Path, limit: int, *, mixed: bool = False
) -> Iterator[tuple[str, str, str | None]]:
    """Yield (doc_id, text, date) documents until at least ``limit`` sentences were yielded.

    With ``mixed``, take one document from each corpus in turn (so 100,000 sentences come
    from all of them, not Reuters alone) until each is exhausted.
    """
    total = 0
    if limit <= 0:
        return
    sources = [_records(Path(data_dir) / r) for r in CORPORA if (Path(data_dir) / r).is_file()]
    for item in _round_robin(sources) if mixed else itertools.chain.from_iterable(sources):
        yield item
        total += count_sentences(item[1])
        if total >= limit:
            return


def _round_robin(
    sources: list[Iterator[tuple[str, str, str | None]]],
) -> Iterator[tuple[str, str, str | None]]:
    while sources:
        for source in list(sources):
            item = next(source, None)
            if item is None:
                sources.remove(source)
            else:
                yield item


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    data_dir = Path(args[0]) if args else DEFAULT_DATA_DIR
    if not data_dir.is_dir():
        print(f"corpus directory not found: {data_dir}", file=sys.stderr)
        return 1
    for limit in (20_000, 100_000):
        start = time.perf_counter()
        docs = sentences = chars = 0
        for _, text, _ in iter_bench_sentences(data_dir, limit):
            docs += 1
            sentences += count_sentences(text)
            chars += len(text)
        elapsed = time.perf_counter() - start
        print(
            f"limit {limit:>7,}: {docs:>6,} documents, {sentences:>7,} sentences, "
            f"{chars / 1e6:.1f} M chars, read in {elapsed:.2f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
