"""Choose the documents of the real-text gold standard and write annotators' work files.

Deterministic (seeded): the same corpus gives the same documents, sentences and batches.
Documents are read exactly as `dyad code` reads them (a JSON line of the corpus file, through
`read_documents`), so the sentence offsets written here are offsets into `Document.text`.

Usage: python scripts/realtext_select.py CORPUS_DIR WORK_DIR [--annotators 4]
       [--round N --exclude OLD_WORK_DIR/manifest.jsonl --counts isaf=40,reuters=30,...]
       [--focus conflict] [--sentences newsarticles=29-45,...]

A later round (`--round 2`) draws other documents (a seed of its own, the earlier
manifests' documents excluded); its batches and annotators are named R2B1, R2A1, ...
`--focus conflict` (round 8) keeps only stories dense in words of protest and fighting
(CONFLICT, at least CONFLICT_HITS of them per story), the classes news gold held least of.
A story whose title or opening words repeat an excluded or already chosen story's is skipped
(`copy_keys`), so a near-copy never lands in two splits; so is one that repeats much of a
gold or chosen document's text further in (`--unlike GOLD_DIR`, session 46: a republished
agency story, a speech's transcript under another source, `Unlike`). `--sentences`
overrides a source's fewest and most coded sentences (round 12: the NewsArticles stories of
10-28 sentences were used up, so longer ones were drawn). Since session 43 a record's rough
sentence count is checked against those limits (before, against the plan's, so stories of
over 90 sentences were never read): rounds 12-20 reproduce with the script of their own
commits, and rounds 21-31 too (the text's copy key is session 45's).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
from pathlib import Path

from realtext_copies import ShingleIndex, gold_texts, shingles

from dyad.coder.parse import split_sentences
from dyad.coder.read import read_documents
from dyad.coder.structure import split_segments
from dyad.config import load_config
from dyad.records import Document

SEED = 15
CODED_KINDS = ("headline", "article", "update", "comment")
POLITICAL = re.compile(
    r"\b(government|minister|president|parliament|army|troops|military|police|rebels?|"
    r"militants?|insurgents?|talks|sanctions?|treaty|election|protest\w*|attack\w*|killed|"
    r"arrest\w*|war|ceasefire|diplomat\w*|embassy|summit|opposition|united nations|nato|"
    r"soviet|iran|iraq|israel\w*|palestin\w*|syria\w*|afghan\w*|pakistan\w*|russia\w*|"
    r"ukrain\w*|korea\w*|china|chinese|turkey|turkish|saudi|yemen\w*|libya\w*|nigeria\w*|"
    r"venezuela\w*|accused|condemned|urged|warned|agreed|visit\w*|met)\b",
    re.IGNORECASE,
)
CONFLICT = re.compile(
    r"\b(protest\w*|demonstrat(ors?|ions?|ed)|riot\w*|clash\w*|fighting|fought|battle[sd]?|"
    r"shelling|shelled|air ?strikes?|bomb(s|ing|ings|ed|er|ers)?|attack\w*|killed|wounded|"
    r"tear gas|rebels?|militants?|insurgents?|troops|gunm[ae]n|shot|shooting|opened fire|"
    r"offensive|raid\w*|arrest\w*|detain\w*|marche[sd]|marchers|rall(y|ies)|police)\b",
    re.IGNORECASE,
)
# per source: how many CONFLICT words a story needs under --focus conflict
CONFLICT_HITS = {"reuters": 5, "wikinews": 5, "newsarticles": 8}
# source folder -> (file, how many documents, fewest and most coded sentences, keyword filter)
PLAN = {
    "isaf": ("isaf_press_releases/isaf_press_releases_test.jsonl", 70, 3, 14, False),
    "reuters": ("reuters21578/reuters21578.jsonl", 60, 4, 14, True),
    "wikinews": ("wikinews_2019_2020/wikinews_2019_2020.jsonl", 40, 10, 28, True),
    "newsarticles": ("newsarticles_2017/newsarticles_2017.jsonl", 45, 10, 28, True),
    "speeches": ("us_presidential_speeches/us_presidential_speeches.jsonl", 10, 35, 80, False),
    # Causal News Corpus (CC0): protest and political-violence sentences, one a record, no
    # date; drawn only when asked for (`--counts cnc=N`, round 16)
    "cnc": ("causal_news_corpus/causal_news_corpus_v2.jsonl", 0, 1, 3, False),
    # CASE 2021 task 2 (no licence stated: ids and offsets only, like Reuters): news
    # snippets of political violence, protest and diplomacy, no date; asked for (round 20)
    "case": ("case2021_task2/case2021_task2_test.jsonl", 0, 1, 4, False),
}


def coded_sentences(document: Document) -> list[tuple[int, int, str]]:
    """Return (start, end, segment kind) of every sentence the coder would read."""
    spans = []
    for segment in split_segments(document):
        if segment.kind not in CODED_KINDS:
            continue
        text = document.text[segment.start : segment.end]
        for start, end in split_sentences(text, segment.start):
            spans.append((start, end, segment.kind))
    return spans


def candidates(
    corpus: Path,
    name: str,
    focus: str = "",
    limits: tuple[int, int] | None = None,
    speeches_from: str = "1981",
) -> list[tuple[int, dict]]:
    """Return (line number, record) of the corpus file's records that fit the plan.

    `limits` (fewest and most coded sentences) default to the plan's; a record whose rough
    sentence count is far outside them is not read. Speeches dated before the year
    `speeches_from` are left out.
    """
    file, _, fewest, most, political = PLAN[name]
    fewest, most = limits or (fewest, most)
    found = []
    with open(corpus / file, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            record = json.loads(line)
            text = record.get("text") or ""
            if name == "speeches" and (record.get("date") or "") < speeches_from:
                continue
            if political and len(POLITICAL.findall(text)) < 3:
                continue
            if focus == "conflict" and len(CONFLICT.findall(text)) < CONFLICT_HITS.get(name, 99):
                continue
            rough = text.count(". ") + 1
            if rough < fewest // 2 or rough > most * 2:
                continue
            found.append((number, record))
    return found


def title_key(record: dict) -> str:
    """Return a story's title reduced to its letters (near-copies share it).

    A record with no title (a Causal News Corpus sentence) is keyed by its text.
    """
    key = record.get("title") or record.get("text") or record["id"]
    return re.sub(r"[^a-z]", "", key.lower())


def copy_keys(record: dict) -> set[str]:
    """Return the keys a near-copy of a story shares with it: its title's and its text's.

    Reuters printed some wires twice under new titles ("U.S. OFFICIALS DISAGREE ON REDUCING
    DEFICIT" and "... BUDGET DEFICIT"), so the text's first 40 words (letters only) are a
    key too: on session 45's gold, 24 groups of documents shared them, one of a test document
    with a train document, and rounds 30-31 drew three more copies of train documents.
    """
    words = re.sub(r"[^a-z ]", "", (record.get("text") or "").lower()).split()
    keys = {title_key(record)}
    if len(words) >= 20:
        keys.add(" ".join(words[:40]))
    return keys


COPY_SHARE = 0.3  # a story repeating this share of one document's shingles is a near-copy


class Unlike:
    """The sampled shingles of documents a new story must not repeat (`realtext_copies`).

    A story is a near-copy when COPY_SHARE of its shingles are in one held document: the
    opening-words key misses copies republished with a new lead or under another source.
    """

    def __init__(self) -> None:
        self.index = ShingleIndex()

    def add(self, text: str) -> None:
        self.index.add(shingles(text))

    def repeats(self, text: str) -> bool:
        found = shingles(text)
        shared = self.index.shared(found)
        return bool(found) and max(shared.values(), default=0) >= COPY_SHARE * len(found)


def read_one(record: dict) -> Document:
    """Read one corpus record as `dyad code` would."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        (document,) = [d for d in read_documents([path], load_config()) if isinstance(d, Document)]
        return document


def work_file(doc: dict, text: str, name: str) -> str:
    """Return an annotator's work file: the document's id, source and date, then its
    numbered sentences (`doc["sentences"]`: start, end, segment kind) on a line each."""
    lines = [
        f"# doc_id: {doc['doc_id']}",
        f"# source: {doc['source']}    document date: {doc['date']}",
        f"# work file: {name}    sentences: {len(doc['sentences'])}",
        "",
    ]
    for number, (start, end, kind) in enumerate(doc["sentences"], 1):
        lines.append(f"[S{number}] ({kind}) {text[start:end].replace(chr(10), ' ')}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("--annotators", type=int, default=4)
    parser.add_argument("--round", type=int, default=1)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    parser.add_argument("--counts", default="", help="source=documents,... (default: PLAN)")
    parser.add_argument("--focus", choices=["", "conflict"], default="")
    parser.add_argument("--sentences", default="", help="source=fewest-most,... (default: PLAN)")
    parser.add_argument(
        "--speeches-from", default="1981", help="earliest year of a speech (default: 1981)"
    )
    parser.add_argument(
        "--unlike",
        type=Path,
        action="append",
        default=[],
        help="gold folder whose documents a story must not repeat (held rounds under it too)",
    )
    args = parser.parse_args()
    unlike = Unlike()
    for folder in args.unlike:  # the folder's splits and the held rounds under it
        for path in sorted(folder.glob("**/train.jsonl")):
            for _, _, text in gold_texts(path.parent)[0]:
                unlike.add(text)
    rng = random.Random(SEED + args.round - 1)
    excluded = {
        json.loads(line)["doc_id"]
        for path in args.exclude
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    counts = {name: PLAN[name][1] for name in PLAN}
    counts.update({k: int(v) for k, v in (p.split("=") for p in args.counts.split(",") if p)})
    limits = {name: (PLAN[name][2], PLAN[name][3]) for name in PLAN}
    for name, span in (p.split("=") for p in args.sentences.split(",") if p):
        fewest, most = span.split("-")
        limits[name] = (int(fewest), int(most))
    prefix = "" if args.round == 1 else f"R{args.round}"
    chosen: list[dict] = []
    seen_keys: set[str] = set()  # copy keys of the excluded and the chosen stories
    for name, (file, *_) in PLAN.items():
        fewest, most = limits[name]
        count = counts[name]
        if not count:
            continue
        found = candidates(args.corpus, name, args.focus, (fewest, most), args.speeches_from)
        seen_keys |= {key for _, r in found if r["id"] in excluded for key in copy_keys(r)}
        pool = [(n, r) for n, r in found if r["id"] not in excluded]
        rng.shuffle(pool)
        taken = 0
        for number, record in pool:
            keys = copy_keys(record)
            if keys & seen_keys:
                continue
            document = read_one(record)
            spans = coded_sentences(document)
            if not fewest <= len(spans) <= most or unlike.repeats(document.text):
                continue
            unlike.add(document.text)
            chosen.append(
                {
                    "doc_id": document.doc_id,
                    "source": name,
                    "file": file,
                    "line": number,
                    "date": document.date,
                    "text": document.text,
                    "sentences": spans,
                }
            )
            seen_keys |= keys
            taken += 1
            if taken >= count:
                break
        sentences = sum(len(c["sentences"]) for c in chosen if c["source"] == name)
        print(f"{name}: {taken} documents, {sentences} sentences")
    order = sorted(chosen, key=lambda c: (c["source"], c["doc_id"]))
    rng.shuffle(order)
    args.work.mkdir(parents=True, exist_ok=True)
    with open(args.work / "manifest.jsonl", "w", encoding="utf-8") as manifest:
        for index, doc in enumerate(order):
            batch = f"{prefix}B{index % args.annotators + 1}"
            stem = f"{index + 1:03d}"
            folder = args.work / "docs" / batch
            folder.mkdir(parents=True, exist_ok=True)
            text = work_file(doc, doc["text"], f"{batch}/{stem}.txt")
            (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
            record = {k: v for k, v in doc.items() if k != "text"}
            annotator = f"{prefix}A{index % args.annotators + 1}"
            record.update(batch=batch, annotator=annotator, work_file=f"{batch}/{stem}.txt")
            manifest.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(order)} documents, {sum(len(d['sentences']) for d in order)} sentences")


if __name__ == "__main__":
    main()
