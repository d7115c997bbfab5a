"""Score the coder on real news and commentary annotated blind (`dyad eval realtext`).

Gold: `data/validation/realtext/{train,dev,test}.jsonl`, whole documents from the shared
corpus annotated sentence by sentence by `docs/annotation-guide.md` (every event, with
actor codes, CAMEO code and factuality; a sentence with no event is gold too). Texts whose
licence forbids redistribution are read from the shared corpus by file and line, and
checked against the stored sha256; a document whose text is absent or changed is counted
as skipped and named, never scored against the wrong text.

Each document is coded by the real pipeline. A coded event belongs to the gold sentence its
sentence overlaps most; within a sentence, coded and gold events are matched one to one on
a key, at three levels:

- `country_quad`: source country, target country, QuadClass;
- `actor_root`: source and target actor (country + first role, six characters), CAMEO root;
- `full_code`: the same actors and the whole CAMEO code.

Factuality accuracy is counted over the `actor_root` matches. A conflict false positive is
a coded event with a root 10-20 in a sentence whose gold has no event with such a root.
The test split is frozen: it is read only when `--split test` is asked for.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.coder.actors import as_government
from dyad.dictionaries.cameo import describe
from dyad.evaluate import calibration
from dyad.records import Document, Event

SUITE = "realtext"
SPLITS = ("train", "dev", "test")
LEVELS = ("country_quad", "actor_root", "full_code")
GOLD_FOLDER = Path(__file__).parents[1] / "data" / "validation" / "realtext"
CONFLICT_ROOTS = frozenset(f"{root:02d}" for root in range(10, 21))


@dataclass(frozen=True, slots=True)
class Coded:
    """One event reduced to what is scored: actor codes, CAMEO code, factuality."""

    source: str
    target: str
    cameo: str
    factuality: str
    confidence: float = field(default=0.5, compare=False)

    def key(self, level: str) -> tuple[str, str, str]:
        """Return the tuple compared at `level`."""
        if level == "country_quad":
            entry = describe(self.cameo)
            quad = str(entry.quad_class) if entry else "?"
            return (_country(self.source), _country(self.target), quad)
        actors = (scored_actor(self.source), scored_actor(self.target))
        return (*actors, self.cameo[:2] if level == "actor_root" else self.cameo)

    def show(self) -> str:
        return f"{self.source or '-'} -> {self.target or '-'} {self.cameo} ({self.factuality})"


def _country(code: str) -> str:
    return code[:3]


def scored_actor(code: str) -> str:
    """Return country + first role; a bare country is its government (guide, section 3)."""
    return as_government(code)[:6]


Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One annotated sentence: its span in the document and its gold events."""

    start: int
    end: int
    commentary: bool
    events: tuple[Coded, ...]
    # each event's trigger span (document offsets), for training Coder v2
    triggers: tuple[tuple[int, int] | None, ...] = ()
    # each event's source and target spans (document offsets; None where not marked)
    actor_spans: tuple[tuple[Span | None, Span | None], ...] = ()


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One annotated document and where its text comes from."""

    doc_id: str
    source: str
    corpus_file: str
    corpus_line: int
    date: str | None
    text_sha256: str
    text: str | None
    title: str | None
    sentences: tuple[GoldSentence, ...]


def _coded(event: dict[str, Any]) -> Coded:
    target = event.get("target")
    return Coded(
        event["source"]["code"],
        target["code"] if target else "",
        event["cameo"],
        event["factuality"],
    )


def _span(actor: dict[str, Any] | None) -> Span | None:
    span = actor.get("span") if actor else None
    return (int(span[0]), int(span[1])) if span else None


def load_split(name: str, folder: Path = GOLD_FOLDER) -> list[GoldDocument]:
    """Return the documents of one split of the gold standard.

    Args:
        name: "train", "dev" or "test".
        folder: The folder holding `<name>.jsonl`.
    """
    with open(folder / f"{name}.jsonl", encoding="utf-8") as stream:
        return [_gold_from_record(json.loads(line)) for line in stream]


def _gold_from_record(record: dict[str, Any]) -> GoldDocument:
    sentences = tuple(
        GoldSentence(
            s["start"],
            s["end"],
            s["commentary"],
            tuple(_coded(e) for e in s["events"]),
            tuple(tuple(e["trigger"]) if e.get("trigger") else None for e in s["events"]),
            tuple((_span(e.get("source")), _span(e.get("target"))) for e in s["events"]),
        )
        for s in record["sentences"]
    )
    return GoldDocument(
        record["doc_id"],
        record["source"],
        record["corpus_file"],
        record["corpus_line"],
        record["date"],
        record["text_sha256"],
        record["text"],
        record.get("title"),
        sentences,
    )


def read_corpus_document(corpus: Path, file: str, line: int) -> Document:
    """Return the document that `dyad code` reads from line `line` of a corpus file.

    Raises:
        ValueError: The line is missing or is not a readable document.
    """
    import tempfile

    from dyad.coder.read import read_documents
    from dyad.config import load_config

    with open(corpus / file, encoding="utf-8") as stream:
        text = next(itertools.islice(stream, line - 1, None), None)
    if text is None:
        raise ValueError(f"{file} has no line {line}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.jsonl"
        path.write_text(text, encoding="utf-8")
        found = [d for d in read_documents([path], load_config()) if isinstance(d, Document)]
    if len(found) != 1:
        raise ValueError(f"{file}:{line} is not one readable document")
    return found[0]


def gold_document(gold: GoldDocument, data_dir: Path) -> Document | None:
    """Return the document as `dyad code` reads it, or None if its text is absent or changed."""
    if gold.text is None:
        try:
            document = read_corpus_document(data_dir / "corpus", gold.corpus_file, gold.corpus_line)
        except (OSError, ValueError):
            return None
    else:
        document = Document(
            gold.doc_id,
            gold.text,
            gold.corpus_file,
            gold.corpus_line,
            gold.date,
            title=gold.title,
            content_type="jsonl",
        )
    if hashlib.sha256(document.text.encode("utf-8")).hexdigest() != gold.text_sha256:
        return None
    return document


@dataclass(slots=True)
class Tally:
    """Counts behind precision and recall."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    def to_json(self) -> dict[str, float | int]:
        precision = self.tp / self.predicted if self.predicted else 0.0
        recall = self.tp / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass(slots=True)
class SplitScore:
    """Everything `dyad eval realtext` reports for one split."""

    split: str
    documents: int = 0
    sentences: int = 0
    commentary_sentences: int = 0
    skipped: list[str] = field(default_factory=list)
    levels: dict[str, Tally] = field(default_factory=lambda: {n: Tally() for n in LEVELS})
    by_source: dict[str, Tally] = field(default_factory=dict)
    by_root: dict[str, Tally] = field(default_factory=dict)
    factuality: Counter[tuple[str, str]] = field(default_factory=Counter)
    conflict_false_positives: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    # each coded event's confidence and whether it matched a gold event at `actor_root`
    confidences: list[tuple[float, bool]] = field(default_factory=list)
    error_kinds: Counter[str] = field(default_factory=Counter)
    # the same documents scored keeping only events at or above each threshold (`--thresholds`)
    at_thresholds: dict[float, SplitScore] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        table = calibration.reliability(self.confidences)
        average, reach = calibration.ranking(self.confidences, self.levels["actor_root"].gold)
        by_chance = calibration.chance_error([confidence for confidence, _ in self.confidences])
        return {
            "documents": self.documents,
            "sentences": self.sentences,
            "commentary_sentences": self.commentary_sentences,
            "gold_events": self.levels["actor_root"].gold,
            "coded_events": self.levels["actor_root"].predicted,
            **{level: tally.to_json() for level, tally in self.levels.items()},
            "factuality_accuracy": self._factuality_accuracy(),
            "factuality_matched": sum(self.factuality.values()),
            "conflict_false_positives": self.conflict_false_positives,
            "conflict_false_positives_per_100_sentences": self._conflicts_per_100(),
            "ece": round(calibration.expected_calibration_error(table), 3),
            "ece_by_chance": [round(value, 3) for value in by_chance],
            "reliability": [b.to_json() for b in table],
            "average_precision": round(average, 4),
            "recall_at_precision_floor": round(reach, 3),
            "errors_by_kind": dict(sorted(self.error_kinds.items())),
            "by_source": {k: v.to_json() for k, v in sorted(self.by_source.items())},
            "by_root": {k: v.to_json() for k, v in sorted(self.by_root.items())},
            "skipped_documents": list(self.skipped),
            "at_thresholds": [self.at_thresholds[t].summary(t) for t in sorted(self.at_thresholds)],
        }

    def summary(self, threshold: float) -> dict[str, Any]:
        """Return the headline figures of this score, kept at `threshold`, for one table row.

        Not `to_json`: its chance ECE draws 500 label sets, too much work for a table row.
        """
        table = calibration.reliability(self.confidences)
        return {
            "threshold": threshold,
            "coded_events": self.levels["actor_root"].predicted,
            "actor_root": self.levels["actor_root"].to_json(),
            "country_quad_f1": self.levels["country_quad"].to_json()["f1"],
            "factuality_accuracy": self._factuality_accuracy(),
            "conflict_false_positives_per_100_sentences": self._conflicts_per_100(),
            "ece": round(calibration.expected_calibration_error(table), 3),
        }

    def _factuality_accuracy(self) -> float:
        matched = sum(self.factuality.values())
        right = sum(n for (gold, found), n in self.factuality.items() if gold == found)
        return round(right / matched, 3) if matched else 0.0

    def _conflicts_per_100(self) -> float:
        per_100 = 100 * self.conflict_false_positives / self.sentences if self.sentences else 0
        return round(per_100, 2)


def match(gold: Sequence[Coded], found: Sequence[Coded], level: str) -> list[tuple[Coded, Coded]]:
    """Return the one-to-one pairs of gold and coded events with equal keys at `level`."""
    free = list(found)
    pairs = []
    for wanted in gold:
        for index, candidate in enumerate(free):
            if candidate.key(level) == wanted.key(level):
                pairs.append((wanted, free.pop(index)))
                break
    return pairs


def assign(sentences: Sequence[GoldSentence], events: Iterable[Event]) -> list[list[Coded]]:
    """Return, per gold sentence, the coded events whose sentence overlaps it most."""
    found: list[list[Coded]] = [[] for _ in sentences]
    for event in events:
        overlaps = [min(event.char_end, s.end) - max(event.char_start, s.start) for s in sentences]
        best = max(range(len(sentences)), key=overlaps.__getitem__, default=None)
        if best is None or overlaps[best] <= 0:
            continue
        target = event.target.code if event.target else ""
        found[best].append(
            Coded(
                event.source.code,
                target,
                event.cameo,
                event.factuality,
                0.5 if event.confidence is None else event.confidence,
            )
        )
    return found


def score_document(
    score: SplitScore, gold: GoldDocument, events: Sequence[Event], text: str
) -> None:
    """Add one coded document's figures to `score`."""
    score.documents += 1
    for sentence, found in zip(gold.sentences, assign(gold.sentences, events), strict=True):
        score.sentences += 1
        score.commentary_sentences += sentence.commentary
        for level in LEVELS:
            pairs = match(sentence.events, found, level)
            score.levels[level].add(len(pairs), len(found), len(sentence.events))
            if level == "actor_root":
                tally = score.by_source.setdefault(gold.source, Tally())
                tally.add(len(pairs), len(found), len(sentence.events))
                for wanted, candidate in pairs:
                    score.factuality[(wanted.factuality, candidate.factuality)] += 1
                right = [any(c is e for _, c in pairs) for e in found]
                score.confidences += [(e.confidence, r) for e, r in zip(found, right, strict=True)]
                score.error_kinds.update(error_kinds(sentence.events, found, pairs))
                _by_root(score, sentence.events, found, pairs)
                if len(pairs) != len(found) or len(pairs) != len(sentence.events):
                    score.errors.append(
                        {
                            "doc_id": gold.doc_id,
                            "sentence": text[sentence.start : sentence.end],
                            "gold": [e.show() for e in sentence.events],
                            "coded": [e.show() for e in found],
                        }
                    )
        if not any(e.cameo[:2] in CONFLICT_ROOTS for e in sentence.events):
            score.conflict_false_positives += sum(e.cameo[:2] in CONFLICT_ROOTS for e in found)


ERROR_KINDS = (
    "coded, sentence has no gold event",
    "right root and target, wrong source",
    "right root and source, wrong target",
    "right root, wrong actors",
    "right actors, wrong root",
    "coded, matching nothing",
    "gold event missed",
)


def error_kinds(
    gold: Sequence[Coded], found: Sequence[Coded], pairs: Sequence[tuple[Coded, Coded]]
) -> Counter[str]:
    """Return how many of a sentence's unmatched events (at `actor_root`) are of each kind."""
    kinds: Counter[str] = Counter()
    left = [g for g in gold if not any(g is w for w, _ in pairs)]
    kinds[ERROR_KINDS[6]] += len(left)
    for event in found:
        if any(event is c for _, c in pairs):
            continue
        source, target, root = event.key("actor_root")
        keys = [g.key("actor_root") for g in left]
        if not gold:
            kind = ERROR_KINDS[0]
        elif any(k[2] == root and k[1] == target for k in keys):
            kind = ERROR_KINDS[1]
        elif any(k[2] == root and k[0] == source for k in keys):
            kind = ERROR_KINDS[2]
        elif any(k[2] == root for k in keys):
            kind = ERROR_KINDS[3]
        elif any(k[:2] == (source, target) for k in keys):
            kind = ERROR_KINDS[4]
        else:
            kind = ERROR_KINDS[5]
        kinds[kind] += 1
    return kinds


def _by_root(
    score: SplitScore,
    gold: Sequence[Coded],
    found: Sequence[Coded],
    pairs: Sequence[tuple[Coded, Coded]],
) -> None:
    for event in gold:
        score.by_root.setdefault(event.cameo[:2], Tally()).add(0, 0, 1)
    for event in found:
        score.by_root.setdefault(event.cameo[:2], Tally()).add(0, 1, 0)
    for wanted, _ in pairs:
        score.by_root[wanted.cameo[:2]].add(1, 0, 0)


CodeDocuments = Callable[[Sequence[Document]], Iterable[tuple[Document, list[Event]]]]


def evaluate_realtext(
    splits: Sequence[str],
    code_documents: CodeDocuments,
    data_dir: Path,
    folder: Path = GOLD_FOLDER,
    thresholds: Sequence[float] = (),
    keep_from: float = 0.0,
) -> dict[str, SplitScore]:
    """Code each split's documents and score them against the gold.

    Args:
        splits: Split names to score ("dev", "test", "train").
        code_documents: Codes documents, yielding each with its events.
        data_dir: The shared data folder (for texts not shipped with the gold).
        folder: The gold folder.
        thresholds: Confidences to score the same coding at as well (`at_thresholds`): the
            coder ranks candidates once and keeps those at or above its threshold, so
            coding at the lowest and keeping each threshold's events reads as coding at it.
        keep_from: The main score keeps events at or above this confidence.
    """
    scores = {}
    for split in splits:
        score = SplitScore(split)
        score.at_thresholds = {t: SplitScore(split) for t in thresholds}
        golds, documents = {}, []
        for gold in load_split(split, folder):
            document = gold_document(gold, data_dir)
            if document is None:
                score.skipped.append(gold.doc_id)
                continue
            golds[gold.doc_id] = gold
            documents.append(document)
        for document, events in code_documents(documents):
            gold = golds[document.doc_id]
            score_document(score, gold, kept_at(events, keep_from), document.text)
            for threshold, swept in score.at_thresholds.items():
                score_document(swept, gold, kept_at(events, threshold), document.text)
        scores[split] = score
    return scores


def kept_at(events: Sequence[Event], threshold: float) -> list[Event]:
    """Return the events a coder at `threshold` emits (the rule coder's carry no confidence)."""
    return [e for e in events if e.confidence is None or e.confidence >= threshold]


def agreement(folder: Path = GOLD_FOLDER) -> dict[str, Any]:
    """Return the agreement of the two annotators on the doubly-annotated documents.

    `agreement.jsonl` holds both annotations of each such document (first annotator, then
    second). F1 is at the `actor_root` level (dyad and root), treating one annotator as gold;
    Cohen's kappa is on the factuality of the events both annotated.
    """
    path = folder / "agreement.jsonl"
    if not path.exists():
        return {"documents": 0, "f1": None, "kappa_factuality": None}
    by_doc: dict[str, list[GoldDocument]] = {}
    for record in path.read_text(encoding="utf-8").splitlines():
        document = _gold_from_record(json.loads(record))
        by_doc.setdefault(document.doc_id, []).append(document)
    tally, pairs = Tally(), []
    for first, second in (docs[:2] for docs in by_doc.values() if len(docs) >= 2):
        for one, two in zip(first.sentences, second.sentences, strict=True):
            found = match(one.events, two.events, "actor_root")
            tally.add(len(found), len(two.events), len(one.events))
            pairs += [(a.factuality, b.factuality) for a, b in found]
    return {
        "documents": sum(len(docs) >= 2 for docs in by_doc.values()),
        "events_first": tally.gold,
        "events_second": tally.predicted,
        "f1": tally.to_json()["f1"],
        "kappa_factuality": round(cohen_kappa(pairs), 3) if pairs else None,
    }


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float:
    """Return Cohen's kappa of two raters' labels, given as (first, second) pairs."""
    total = len(pairs)
    observed = sum(a == b for a, b in pairs) / total
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[label] * second[label] for label in first) / (total * total)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)
