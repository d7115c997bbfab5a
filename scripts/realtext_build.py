"""Build the real-text gold standard from annotators' files (`dyad eval realtext` reads it).

Usage: python scripts/realtext_build.py CORPUS_DIR OUT_DIR WORK_DIR [WORK_DIR ...]

WORK_DIR holds `manifest.jsonl` (from realtext_select.py), `docs/` and `ann/<annotator>/`.
Each document's gold is its first annotator's file (the annotator whose batch it is); a
document annotated twice goes, with both annotations, to `agreement.jsonl`. Documents are
split per source (60 % train, 20 % dev, 20 % test) and each one's split is recorded in
`splits.tsv`, which later builds keep. Offsets are characters of `Document.text` as
`dyad code` reads the corpus line. Texts of sources whose licence does not allow
redistribution (Reuters-21578, NewsArticles 2017) are left out: the eval reads them from
../shared/data.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from dyad.evaluate.realtext import read_corpus_document

REDISTRIBUTABLE = {"isaf", "wikinews", "speeches", "cnc"}  # cnc: CC0 1.0
SPLITS = (("train", 0.6), ("dev", 0.8), ("test", 1.0))
FIRST_PERSON = re.compile(r"\b(I|we|We|our|Our|us|my|My)\b")
QUOTE = re.compile('["\u201c\u201d]')


def assign_splits(
    by_source: dict[str, list[dict[str, Any]]], fixed: dict[str, str]
) -> dict[str, str]:
    """Return doc_id -> split: the recorded split where there is one, else a new one.

    New documents are split per source by the rank of a hash of their id: 60 % train,
    20 % dev, 20 % test for the first build; once splits are recorded in `splits.tsv`, new
    documents go 75 % to train and 25 % to dev, so the frozen test split never gains or
    loses a document and no document ever changes split.
    """
    shares = SPLITS if not fixed else (("train", 0.75), ("dev", 1.0))
    splits = dict(fixed)
    for docs in by_source.values():
        new = sorted(
            (d["doc_id"] for d in docs if d["doc_id"] not in fixed),
            key=lambda doc_id: hashlib.sha256(doc_id.encode("utf-8")).hexdigest(),
        )
        for rank, doc_id in enumerate(new):
            splits[doc_id] = next(
                name for name, upper in shares if rank < round(upper * len(new)) or upper == 1.0
            )
    return splits


def span(sentence_start: int, sentence: str, text: str | None) -> list[int] | None:
    """Return the document offsets of `text`'s first occurrence in the sentence.

    A whole-word occurrence comes first: "he" is the pronoun, not the end of "The" (until
    session 43 the first occurrence won, and short actors landed inside other words); an
    annotator's stem inside a longer word ("attack" of "attacks") is found as before.
    """
    if text is None:
        return None
    index = whole_word(sentence, text)
    if index is None:
        index = sentence.find(text)
    if index < 0:
        raise ValueError(f"{text!r} not in sentence {sentence!r}")
    return [sentence_start + index, sentence_start + index + len(text)]


def whole_word(sentence: str, text: str) -> int | None:
    """Return where `text` first stands in `sentence` as whole words, if it does."""
    found = re.search(rf"(?<!\w){re.escape(text)}(?!\w)", sentence)
    return None if found is None else found.start()


def actor(start: int, sentence: str, value: dict[str, Any] | None) -> dict[str, Any] | None:
    """Return an annotated actor with its span as offsets."""
    if value is None:
        return None
    return {"span": span(start, sentence, value.get("text")), "code": value["code"]}


def gold_events(doc: dict[str, Any], text: str, annotation: dict[str, Any]) -> list[dict]:
    """Return the document's sentences, each with its annotated events as offsets."""
    sentences = []
    for number, (start, end, kind) in enumerate(doc["sentences"], 1):
        sentence = text[start:end].replace("\n", " ")
        events = []
        for event in annotation["sentences"].get(str(number), []):
            events.append(
                {
                    "trigger": span(start, sentence, event.get("trigger")),
                    "source": actor(start, sentence, event["source"]),
                    "target": actor(start, sentence, event.get("target")),
                    "cameo": event["cameo"],
                    "factuality": event["factuality"],
                    "reported_by": actor(start, sentence, event.get("reported_by")),
                    "date": event.get("date"),
                    "place": event.get("place"),
                }
            )
        commentary = doc["source"] == "speeches" or bool(
            FIRST_PERSON.search(sentence) or QUOTE.search(sentence)
        )
        sentences.append(
            {"start": start, "end": end, "kind": kind, "commentary": commentary, "events": events}
        )
    return sentences


def main() -> int:
    if len(sys.argv) < 4 or sys.argv[1] in ("-h", "--help"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
    manifest, annotations = [], defaultdict(dict)
    for work in map(Path, sys.argv[3:]):
        for line in (work / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            doc.setdefault("annotator", f"A{doc['batch'][1:]}")  # round 1 named them so
            manifest.append(doc)
        for path in sorted((work / "ann").glob("*/*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            annotations[data["doc_id"]][path.parent.name] = data
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in manifest:
        if doc["annotator"] in annotations.get(doc["doc_id"], {}):
            by_source[doc["source"]].append(doc)
    records: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in SPLITS}
    recorded = out / "splits.tsv"
    fixed = {}
    if recorded.exists():
        fixed = dict(line.split("\t") for line in recorded.read_text().splitlines()[1:])
    splits = assign_splits(by_source, fixed)
    second: list[dict[str, Any]] = []
    for source, docs in sorted(by_source.items()):
        for doc in docs:
            document = read_corpus_document(corpus, doc["file"], doc["line"])
            text = document.text
            first = doc["annotator"]
            record = {
                "doc_id": doc["doc_id"],
                "source": source,
                "corpus_file": doc["file"],
                "corpus_line": doc["line"],
                "date": doc["date"],
                "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "text": text if source in REDISTRIBUTABLE else None,
                "title": document.title if source in REDISTRIBUTABLE else None,
                "annotator": first,
                "sentences": gold_events(doc, text, annotations[doc["doc_id"]][first]),
            }
            records[splits[doc["doc_id"]]].append(record)
            others = [name for name in annotations[doc["doc_id"]] if name != first]
            if others:  # both annotations, so agreement never needs another split's file
                second.append(dict(record, text=None, title=None))
                for name in others:
                    other = dict(record, annotator=name, text=None, title=None)
                    other["sentences"] = gold_events(doc, text, annotations[doc["doc_id"]][name])
                    second.append(other)
    out.mkdir(parents=True, exist_ok=True)
    for name, found in records.items():
        found.sort(key=lambda r: r["doc_id"])
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as stream:
            for record in found:
                stream.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        sentences = sum(len(r["sentences"]) for r in found)
        print(f"{name}: {len(found)} documents, {sentences} sentences")
    rows = "".join(f"{doc_id}\t{name}\n" for doc_id, name in sorted(splits.items()))
    recorded.write_text("doc_id\tsplit\n" + rows, encoding="utf-8")
    with open(out / "agreement.jsonl", "w", encoding="utf-8") as stream:
        for record in sorted(second, key=lambda r: r["doc_id"]):  # stable: first annotator first
            stream.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"second annotations: {len(second)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
