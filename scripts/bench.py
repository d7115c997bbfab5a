"""`make bench`: code real sentences end to end and print throughput, stage times, memory.

Reads the shared corpora (../shared/data/corpus, or $DYAD_SHARED_DATA/corpus), codes at
least BENCH_SENTENCES sentences (default 20,000) with the local engine, and measures
spaCy's own full pipeline on a sample of the same sentences in the same run. The last
line is one JSON object with `sentences_per_s`, `spacy_full_pipeline_sentences_per_s`
and `peak_rss_mb`.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_corpus import DEFAULT_DATA_DIR, iter_bench_sentences  # noqa: E402

from dyad import parse  # noqa: E402
from dyad.config import load_config  # noqa: E402
from dyad.pipeline import Resources, StageTimes, code_documents  # noqa: E402
from dyad.records import Document  # noqa: E402

SPACY_SAMPLE = 3_000


def main() -> int:
    limit = int(os.environ.get("BENCH_SENTENCES", "20000"))
    shared = os.environ.get("DYAD_SHARED_DATA")
    data_dir = Path(shared) / "corpus" if shared else DEFAULT_DATA_DIR
    if not data_dir.exists():
        print(f"bench: corpus folder {data_dir} not found (set DYAD_SHARED_DATA)")
        return 1
    documents = [
        Document(doc_id, text, "bench", date=date)
        for doc_id, text, date in iter_bench_sentences(data_dir, limit)
    ]
    config = load_config()
    began = time.perf_counter()
    resources = Resources.load(config)
    load_seconds = time.perf_counter() - began
    parse.load_model()
    times = StageTimes()
    events = 0
    began = time.perf_counter()
    for _document, coded in code_documents(documents, resources, times=times):
        events += len(coded)
    elapsed = time.perf_counter() - began
    rate = times.sentences / elapsed
    sample: list[str] = []
    for document in documents:
        for start, end in parse.split_sentences(document.text):
            sample.append(document.text[start:end])
        if len(sample) >= SPACY_SAMPLE:
            break
    spacy_rate = parse.spacy_full_pipeline_rate(sample[:SPACY_SAMPLE])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents            {len(documents):>10,}")
    print(f"sentences            {times.sentences:>10,}")
    print(f"parsed (prefilter)   {times.parsed:>10,}")
    print(f"events               {events:>10,}")
    print(f"dictionary load      {load_seconds:>10.2f} s (cached after the first run)")
    print(f"end to end           {elapsed:>10.2f} s  = {rate:,.0f} sentences/s")
    for stage, seconds in times.seconds.items():
        print(f"  {stage:<18} {seconds:>10.2f} s  ({100 * seconds / elapsed:4.1f}%)")
    print(f"spaCy full pipeline  {spacy_rate:>10,.0f} sentences/s (all pipes, {SPACY_SAMPLE:,})")
    print(f"peak RSS             {peak_mb:>10,.0f} MB")
    summary = {
        "sentences": times.sentences,
        "parsed_sentences": times.parsed,
        "events": events,
        "seconds": round(elapsed, 3),
        "sentences_per_s": round(rate, 1),
        "spacy_full_pipeline_sentences_per_s": round(spacy_rate, 1),
        "peak_rss_mb": round(peak_mb, 1),
        "stage_seconds": {k: round(v, 3) for k, v in times.seconds.items()},
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
