"""`make bench`: code real sentences end to end and print throughput, stage times, memory.

Writes BENCH_SENTENCES sentences (default 100,000) taken in turn from the shared corpora
(../shared/data/corpus, or $DYAD_SHARED_DATA/corpus) as JSON Lines files of
BENCH_FILE_DOCUMENTS documents, then codes them end to end (read -> events written as
Parquet partitions -> loaded into a DuckDB store) with the local engine and BENCH_WORKERS
processes (default: the machine's cores). It also measures spaCy's own full pipeline on a
sample of the same sentences, and the Ray engine with 1 and 2 workers on
BENCH_RAY_SENTENCES sentences (default 40,000; 0 skips it, as does a missing `ray`).
Stage times are CPU seconds measured inside the workers, summed over them; the shares of
structure + modality (issue 3) and of time + place (issue 4) are of their total. The
spaCy sample is also parsed by dyad, which must give the stock pipeline's tokens,
lemmas, tags and labels. The last line is one JSON object with `sentences_per_s`,
`spacy_full_pipeline_sentences_per_s`, `peak_rss_mb`, `structure_modality_share` and
`time_place_share`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
# one BLAS thread per worker process: the workers already use every core
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

from bench_corpus import DEFAULT_DATA_DIR, iter_bench_sentences  # noqa: E402

from dyad.coder import parse  # noqa: E402
from dyad.config import load_config  # noqa: E402
from dyad.engines import PartitionResult, code_to_parquet, load_parquet  # noqa: E402
from dyad.store.database import open_store  # noqa: E402

SPACY_SAMPLE = 3_000


def _write_corpus(data_dir: Path, limit: int, folder: Path, per_file: int) -> list[str]:
    texts: list[str] = []
    lines: list[str] = []
    for doc_id, text, date in iter_bench_sentences(data_dir, limit, mixed=True):
        lines.append(json.dumps({"id": doc_id, "text": text, "date": date}))
        texts.append(text)
    for start in range(0, len(lines), per_file):
        part = folder / f"bench-{start // per_file:05d}.jsonl"
        part.write_text("\n".join(lines[start : start + per_file]) + "\n", encoding="utf-8")
    return texts


def _run(inputs: Path, output: Path, engine: str, workers: int) -> tuple[PartitionResult, float]:
    began = time.perf_counter()
    result = code_to_parquet(
        [inputs], output, load_config(), engine="ray" if engine == "ray" else "local",
        workers=workers,
    )  # fmt: skip
    return result, time.perf_counter() - began


def _ray_rates(data_dir: Path, limit: int, work: Path) -> dict[str, float]:
    if limit <= 0 or importlib.util.find_spec("ray") is None:
        return {}
    import ray

    from dyad.engines.ray import init_ray

    inputs = work / "ray-in"
    inputs.mkdir()
    _write_corpus(data_dir, limit, inputs, 25)
    rates = {}
    for workers in (1, 2):
        # a fresh local Ray of `workers` CPUs each time, started before the clock (as a
        # cluster is); the time includes starting the actors and loading their models
        ray.shutdown()
        init_ray(workers)
        result, seconds = _run(inputs, work / f"ray-{workers}", "ray", workers)
        rates[f"ray_{workers}_workers_sentences_per_s"] = round(result.sentences / seconds, 1)
        print(
            f"Ray, {workers} worker(s)     {result.sentences / seconds:>10,.0f} sentences/s "
            f"({result.sentences:,} sentences, {seconds:.1f} s, {workers} CPU)"
        )
    ray.shutdown()
    ratio = rates["ray_2_workers_sentences_per_s"] / rates["ray_1_workers_sentences_per_s"]
    print(f"Ray 2 / 1 workers    {ratio:>10.2f} x")
    return rates


def _cpu_seconds() -> float:
    """User + system CPU seconds of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _share(result: PartitionResult, stages: tuple[str, ...], total: float) -> float:
    return sum(result.seconds.get(stage, 0.0) for stage in stages) / total if total else 0.0


def main() -> int:
    limit = int(os.environ.get("BENCH_SENTENCES", "100000"))
    workers = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 1)))
    per_file = int(os.environ.get("BENCH_FILE_DOCUMENTS", "50"))
    shared = os.environ.get("DYAD_SHARED_DATA")
    data_dir = Path(shared) / "corpus" if shared else DEFAULT_DATA_DIR
    if not data_dir.exists():
        print(f"bench: corpus folder {data_dir} not found (set DYAD_SHARED_DATA)")
        return 1
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as name:
        work = Path(name)
        (work / "in").mkdir()
        texts = _write_corpus(data_dir, limit, work / "in", per_file)
        cpu_before = _cpu_seconds()
        result, coded_seconds = _run(work / "in", work / "out", "local", workers)
        began = time.perf_counter()
        with open_store(work / "bench.duckdb") as store:
            loaded = load_parquet(store, work / "out")
        store_seconds = time.perf_counter() - began
        cpu = _cpu_seconds() - cpu_before
        elapsed = coded_seconds + store_seconds
        rate = result.sentences / elapsed
        sample: list[str] = []
        for text in texts:
            sample.extend(text[start:end] for start, end in parse.split_sentences(text))
            if len(sample) >= SPACY_SAMPLE:
                break
        spacy_rate, differing = parse.spacy_full_pipeline_rate(sample[:SPACY_SAMPLE])
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        total = sum(result.seconds.values())
        shares = {
            "structure_modality_share": _share(
                result, ("structure", "perspective", "modality"), total
            ),
            "time_place_share": _share(result, ("time", "place"), total),
        }
        print(f"documents            {result.documents:>10,}")
        print(f"sentences            {result.sentences:>10,}")
        print(f"parsed (prefilter)   {result.parsed:>10,}")
        print(f"events               {result.events:>10,} ({loaded.events:,} stored)")
        print(f"workers              {workers:>10} (local engine, processes)")
        print(f"code -> Parquet      {coded_seconds:>10.2f} s")
        print(f"Parquet -> store     {store_seconds:>10.2f} s")
        print(f"end to end           {elapsed:>10.2f} s  = {rate:,.0f} sentences/s")
        print(f"per core             {rate / max(1, workers):>10,.0f} sentences/s")
        print(
            f"CPU time             {cpu:>10.2f} s  = {result.sentences / cpu:,.0f} sentences per "
            f"CPU-second (main + workers; the rate {workers} idle cores would give: "
            f"{workers * result.sentences / cpu:,.0f}/s)"
        )
        print("stage CPU seconds, summed over workers:")
        for stage, seconds in result.seconds.items():
            print(f"  {stage:<18} {seconds:>10.2f} s  ({100 * seconds / total:4.1f}%)")
        print(f"structure + modality {100 * shares['structure_modality_share']:>10.1f} %")
        print(f"time + place         {100 * shares['time_place_share']:>10.1f} %")
        print(f"spaCy full pipeline  {spacy_rate:>10,.0f} sentences/s (all pipes, 1 process)")
        print(
            f"parse vs stock spaCy {differing:>10} of {len(sample[:SPACY_SAMPLE]):,} sentences "
            "differ (tokens, lemmas, tags, labels, heads)"
        )
        print(f"peak RSS             {peak_mb:>10,.0f} MB (main), {worker_mb:,.0f} MB (worker)")
        ray_limit = int(os.environ.get("BENCH_RAY_SENTENCES", "40000"))
        rays = _ray_rates(data_dir, ray_limit, work)
    summary = {
        "sentences": result.sentences,
        "parsed_sentences": result.parsed,
        "events": result.events,
        "workers": workers,
        "seconds": round(elapsed, 3),
        "sentences_per_s": round(rate, 1),
        "sentences_per_s_per_core": round(rate / max(1, workers), 1),
        "cpu_seconds": round(cpu, 3),
        "sentences_per_cpu_second": round(result.sentences / cpu, 1),
        "spacy_full_pipeline_sentences_per_s": round(spacy_rate, 1),
        "parse_differs_from_stock": differing,
        "peak_rss_mb": round(max(peak_mb, worker_mb), 1),
        "stage_seconds": {k: round(v, 3) for k, v in result.seconds.items()},
        **{k: round(v, 4) for k, v in shares.items()},
        **rays,
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
