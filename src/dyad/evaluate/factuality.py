"""Score the modality stage on hand-labelled sentences (`dyad eval factuality`).

The suite ships with the package: `data/validation/factuality.jsonl`, one JSON object per
sentence taken verbatim from the shared corpus (Wikinews 2019-2020, CC BY 2.5; US
presidential speeches, public domain), with the label of one event predicate:

    {"id", "text", "verb", "verb_start", "label", "source", "doc_id", "url", "date", "licence"}

`verb_start` is the predicate's character offset in `text`; `label` is one of asserted,
reported, speculative, hypothetical, negated, question. Each sentence is parsed with
`dyad.coder.parse` and `modality.assess_factuality` is asked about the labelled token, so the
score measures the modality stage alone (no actor or verb dictionary is involved). The
labelling guide is in `data/validation/SOURCE.md`.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, get_args

from dyad.coder import modality, parse
from dyad.records import Factuality, Segment, Sentence

SUITE_PATH = Path(__file__).parents[1] / "data" / "validation" / "factuality.jsonl"
CLASSES: tuple[str, ...] = get_args(Factuality)


@dataclasses.dataclass(frozen=True, slots=True)
class Item:
    """One labelled sentence: the predicate at `verb_start` has factuality `label`."""

    id: str
    text: str
    verb: str
    verb_start: int
    label: str


@dataclasses.dataclass(frozen=True, slots=True)
class ClassScore:
    """Precision and recall of one factuality class."""

    gold: int
    found: int
    tp: int
    precision: float
    recall: float
    f1: float


@dataclasses.dataclass(frozen=True, slots=True)
class FactualityScore:
    """Per-class scores, macro-F1, accuracy and the (gold, found) confusion counts."""

    items: int
    accuracy: float
    macro_f1: float
    by_class: dict[str, ClassScore]
    confusion: dict[tuple[str, str], int]
    errors: tuple[tuple[Item, str, str | None], ...]

    def to_json(self) -> dict[str, Any]:
        """Return the figures (without the per-item errors) as a JSON-ready dict."""
        return {
            "suite": "factuality",
            "items": self.items,
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "by_class": {k: dataclasses.asdict(v) for k, v in self.by_class.items()},
            "confusion": [
                {"gold": g, "found": f, "count": n} for (g, f), n in sorted(self.confusion.items())
            ],
        }


def load_items(path: Path = SUITE_PATH) -> list[Item]:
    """Read the labelled sentences.

    Raises:
        ValueError: A line is not a valid item (names the line), or a label is unknown.
    """
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            item = Item(row["id"], row["text"], row["verb"], int(row["verb_start"]), row["label"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a factuality item ({exc!r})") from exc
        if item.label not in CLASSES:
            raise ValueError(f"{path}:{number}: unknown label {item.label!r}")
        if not item.text[item.verb_start :].startswith(item.verb):
            raise ValueError(f"{path}:{number}: {item.verb!r} is not at offset {item.verb_start}")
        items.append(item)
    return items


Judge = Callable[[Sequence[Item]], list[str | None]]
"""Returns the factuality found for each item (None when the verb token was not found)."""


def judge_with_model(items: Sequence[Item]) -> list[str | None]:
    """Parse each sentence with dyad's parser and ask the modality stage about its verb."""
    requests = [
        (item.id, item.text, 0, len(item.text), Segment("article", 0, len(item.text)))
        for item in items
    ]
    sentences = parse.parse_sentences(requests)
    return [_judge(sentence, item) for sentence, item in zip(sentences, items, strict=True)]


def _judge(sentence: Sentence, item: Item) -> str | None:
    token = next((t for t in sentence.tokens if t.start == item.verb_start), None)
    if token is None:
        return None
    return modality.assess_factuality(sentence, token.i).factuality


def evaluate_factuality(
    items: Sequence[Item] | None = None, judge: Judge = judge_with_model
) -> FactualityScore:
    """Score `judge` (by default the real parser and modality stage) on the labelled set.

    Args:
        items: Labelled sentences; None reads the shipped suite.
        judge: Returns one factuality per item; a fake judge lets tests skip the model.

    Returns:
        Per-class precision/recall/F1, macro-F1 over the six classes, accuracy, confusion.
    """
    items = load_items() if items is None else list(items)
    found = judge(items)
    if len(found) != len(items):
        raise ValueError(f"judge returned {len(found)} answers for {len(items)} items")
    confusion = Counter(
        (item.label, answer or "none") for item, answer in zip(items, found, strict=True)
    )
    by_class = {}
    for name in CLASSES:
        gold = sum(n for (g, _f), n in confusion.items() if g == name)
        hits = sum(n for (_g, f), n in confusion.items() if f == name)
        tp = confusion[(name, name)]
        precision = tp / hits if hits else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        by_class[name] = ClassScore(gold, hits, tp, precision, recall, f1)
    correct = sum(confusion[(c, c)] for c in CLASSES)
    errors = tuple(
        (item, item.label, answer)
        for item, answer in zip(items, found, strict=True)
        if answer != item.label
    )
    return FactualityScore(
        items=len(items),
        accuracy=correct / len(items) if items else 0.0,
        macro_f1=sum(s.f1 for s in by_class.values()) / len(CLASSES),
        by_class=by_class,
        confusion=dict(confusion),
        errors=errors,
    )


def format_factuality(score: FactualityScore, show_errors: bool = False) -> str:
    """Render the per-class table, macro-F1 and accuracy (and the misjudged items)."""
    head = f"{'class':<13} {'gold':>5} {'found':>6} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6}"
    lines = [f"factuality: {score.items} labelled sentences", head, "-" * len(head)]
    for name, s in score.by_class.items():
        lines.append(
            f"{name:<13} {s.gold:>5} {s.found:>6} {s.tp:>4} "
            f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
        )
    lines.append(f"macro-F1 {score.macro_f1:.3f}   accuracy {score.accuracy:.3f}")
    if show_errors:
        for item, gold, answer in score.errors:
            lines.append(f"  {item.id} gold={gold} found={answer} verb={item.verb!r}: {item.text}")
    return "\n".join(lines)
