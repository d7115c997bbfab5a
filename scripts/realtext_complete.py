"""A completion pass over a round of the real-text gold: prefill work files, merge the result.

A second annotator reads each document with the first annotation prefilled, adds the events
the first missed and mends clear errors (guide, section 10); the completed annotation then
replaces the first in the gold. Two steps:

    python scripts/realtext_complete.py prefill CORPUS_DIR WORK_DIR ROUND BATCHES GOLD.jsonl...
    python scripts/realtext_build.py CORPUS_DIR BUILD_DIR WORK_DIR   # BUILD_DIR holds splits.tsv
    python scripts/realtext_complete.py merge GOLD_DIR BUILD_DIR...

`prefill` takes the documents of round ROUND (first annotator `R<ROUND>A<n>`) from the gold
files, deals them into BATCHES batches (`R<ROUND>CB<n>`, annotator `R<ROUND>C<n>`) and writes
`manifest.jsonl`, `docs/<batch>/NNN.txt` (numbered sentences, as `realtext_select.py`
writes them) and `prefill/<batch>/NNN.json` (the first annotation in the annotators' format,
spans as text). The annotators write `ann/<annotator>/NNN.json`; `realtext_build.py` builds
them. `merge` puts each built document in the gold's train or dev file in place of the
record of the same id (or adds it), records its split in `splits.tsv`, and in
`agreement.jsonl` replaces the first annotation of a doubly annotated document by the
completed one, so agreement is measured on the gold as it is (a build's own
`agreement.jsonl`, from a round annotated twice, is added as it is). The test split is never
touched: a build that holds a test document stops the merge.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from realtext_select import work_file  # the same work files as a round's own

from dyad.evaluate.realtext import read_corpus_document

Record = dict[str, Any]


def _text(text: str, span: list[int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]].replace("\n", " ")


def _actor(text: str, actor: Record | None) -> Record | None:
    return None if actor is None else {"text": _text(text, actor["span"]), "code": actor["code"]}


def annotation(record: Record, text: str, annotator: str) -> Record:
    """Return a gold record's events in the annotators' format (section 7 of the guide)."""
    sentences = {}
    for number, sentence in enumerate(record["sentences"], 1):
        sentences[str(number)] = [
            {
                "trigger": _text(text, event["trigger"]),
                "source": _actor(text, event["source"]),
                "target": _actor(text, event["target"]),
                "cameo": event["cameo"],
                "factuality": event["factuality"],
                "reported_by": _actor(text, event["reported_by"]),
                "date": event["date"],
                "place": event["place"],
                "note": "",
            }
            for event in sentence["events"]
        ]
    return {"doc_id": record["doc_id"], "annotator": annotator, "sentences": sentences}


def prefill(corpus: Path, work: Path, round_: int, batches: int, gold: list[Path]) -> int:
    """Write the completion pass's work folder; return how many documents it holds."""
    first = re.compile(rf"R{round_}A\d+")
    records = sorted(
        (r for path in gold for r in _records(path) if first.fullmatch(r["annotator"])),
        key=lambda r: r["doc_id"],
    )
    work.mkdir(parents=True, exist_ok=True)
    with open(work / "manifest.jsonl", "w", encoding="utf-8") as manifest:
        for index, record in enumerate(records):
            number = index % batches + 1
            batch, annotator = f"R{round_}CB{number}", f"R{round_}C{number}"
            stem = f"{index + 1:03d}"
            text = read_corpus_document(corpus, record["corpus_file"], record["corpus_line"]).text
            spans = [(s["start"], s["end"], s["kind"]) for s in record["sentences"]]
            numbered = work_file(dict(record, sentences=spans), text, f"{batch}/{stem}.txt")
            for folder, content in (
                ("docs", numbered),
                ("prefill", json.dumps(annotation(record, text, annotator), indent=1) + "\n"),
            ):
                path = work / folder / batch / f"{stem}.{'txt' if folder == 'docs' else 'json'}"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8")
            entry = {
                "doc_id": record["doc_id"],
                "source": record["source"],
                "file": record["corpus_file"],
                "line": record["corpus_line"],
                "date": record["date"],
                "sentences": spans,
                "batch": batch,
                "annotator": annotator,
                "work_file": f"{batch}/{stem}.txt",
            }
            manifest.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return len(records)


def _records(path: Path) -> list[Record]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write(path: Path, records: list[Record]) -> None:
    lines = (json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)
    path.write_text("".join(lines), encoding="utf-8")


def merge(gold: Path, builds: list[Path]) -> tuple[int, int]:
    """Put the built documents into the gold; return (replaced, added)."""
    built: dict[str, tuple[str, Record]] = {}
    for build in builds:
        if (build / "test.jsonl").read_text(encoding="utf-8").strip():
            raise SystemExit(f"{build}/test.jsonl is not empty: the test split is frozen")
        for split in ("train", "dev"):
            for record in _records(build / f"{split}.jsonl"):
                built[record["doc_id"]] = (split, record)
    rows = (gold / "splits.tsv").read_text(encoding="utf-8").splitlines()[1:]
    splits = dict(row.split("\t") for row in rows)
    for doc_id, (split, _) in built.items():
        if splits.setdefault(doc_id, split) != split:
            raise SystemExit(f"{doc_id}: built as {split}, recorded as {splits[doc_id]}")
    replaced = 0
    for split in ("train", "dev"):
        path = gold / f"{split}.jsonl"
        records = {r["doc_id"]: r for r in _records(path)}
        replaced += sum(doc_id in records for doc_id in built)
        records.update({d: r for d, (s, r) in built.items() if s == split})
        _write(path, sorted(records.values(), key=lambda r: r["doc_id"]))
    agreement, seen = [], set()
    for record in _records(gold / "agreement.jsonl"):
        doc_id = record["doc_id"]
        if doc_id in built and doc_id not in seen:  # the first annotation of the document
            record = dict(built[doc_id][1], text=None, title=None)
        seen.add(doc_id)
        agreement.append(record)
    for build in builds:  # a round's own doubly annotated documents, both annotations
        path = build / "agreement.jsonl"
        agreement += [r for r in _records(path) if r["doc_id"] not in seen] if path.exists() else []
    _write(gold / "agreement.jsonl", agreement)
    table = "".join(f"{doc_id}\t{split}\n" for doc_id, split in sorted(splits.items()))
    (gold / "splits.tsv").write_text("doc_id\tsplit\n" + table, encoding="utf-8")
    return replaced, len(built) - replaced


def main() -> int:
    command, *args = sys.argv[1:]
    if command == "prefill":
        corpus, work, round_, batches, *gold = args
        count = prefill(Path(corpus), Path(work), int(round_), int(batches), list(map(Path, gold)))
        print(f"{count} documents")
    else:
        replaced, added = merge(Path(args[0]), list(map(Path, args[1:])))
        print(f"replaced {replaced}, added {added}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
