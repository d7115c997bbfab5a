"""Score the structure stage on hand-segmented posts (`dyad eval structure`).

The suite ships with the package: `data/validation/structure/{dev,held_out}/`, one document
per file (`FORMAT-N.html` or `.txt`, read as `dyad.read` reads them) and beside it its gold
segmentation `FORMAT-N.gold`, one row per paragraph (non-blank line of `Document.text`):

    kind | author | time | how the paragraph begins

`-` stands for no author or no time. A paragraph's kind, author and time are those of the
segment covering most of its letters and digits. Kind is scored on every paragraph; author
and time on the paragraphs whose gold kind is coded or quoted (not boilerplate), since a
share bar has no author to get right. `held_out` was written before the rules it scores and
never used to tune them. The guide is in `data/validation/structure/README.md`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from dyad.coder.read import read_documents
from dyad.coder.structure import split_segments
from dyad.config import load_config
from dyad.records import Document, Segment

SUITE_DIR = Path(__file__).parents[1] / "data" / "validation" / "structure"
SPLITS = ("dev", "held_out")
_NONE = "-"


@dataclasses.dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph's kind, author and time, and how its text begins."""

    kind: str
    author: str | None
    time: str | None
    text: str


@dataclasses.dataclass(frozen=True, slots=True)
class Miss:
    """A paragraph where the stage disagrees with the gold on kind, author or time."""

    path: str
    line: int  # of the gold file
    gold: Paragraph
    found: Paragraph


@dataclasses.dataclass(slots=True)
class Tally:
    """Counts of paragraphs scored and right, for kind and for author and time."""

    documents: int = 0
    paragraphs: int = 0
    kind: int = 0
    attributed: int = 0  # paragraphs scored for author and time
    author: int = 0
    time: int = 0

    def add(self, other: Tally) -> None:
        for name in ("documents", "paragraphs", "kind", "attributed", "author", "time"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "paragraphs": self.paragraphs,
            "accuracy_kind": _ratio(self.kind, self.paragraphs),
            "accuracy_author": _ratio(self.author, self.attributed),
            "accuracy_time": _ratio(self.time, self.attributed),
        }


@dataclasses.dataclass(frozen=True, slots=True)
class StructureScore:
    """Per split ("dev", "held_out"): the overall tally and one per format."""

    splits: dict[str, Tally]
    formats: dict[str, dict[str, Tally]]
    misses: tuple[Miss, ...]

    def to_json(self) -> dict[str, Any]:
        """Return the figures (without the misses) as a JSON-ready dict.

        The top-level accuracies count every paragraph; "dev" and "held_out" each split.
        """
        total = Tally()
        for tally in self.splits.values():
            total.add(tally)
        result: dict[str, Any] = {"suite": "structure"} | total.to_json()
        for split, tally in self.splits.items():
            result[split] = tally.to_json() | {
                "formats": {name: t.to_json() for name, t in sorted(self.formats[split].items())}
            }
        return result


def read_gold(path: Path) -> list[Paragraph]:
    """Read a gold file.

    Raises:
        ValueError: A row has fewer than four fields (names the file and line).
    """
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        fields = [field.strip() for field in line.split(" | ", 3)]
        if len(fields) != 4:
            raise ValueError(f"{path}:{number}: expected 'kind | author | time | text'")
        kind, author, time, text = fields
        rows.append(Paragraph(kind, _value(author), _value(time), text))
    return rows


def paragraphs(document: Document, segments: Iterable[Segment]) -> list[Paragraph]:
    """Return each non-blank line of `document` with the segment covering most of it."""
    ordered = list(segments)
    result, position = [], 0
    for raw in document.text.split("\n"):
        start, end = position, position + len(raw)
        position = end + 1
        if not raw.strip():
            continue
        weights: dict[Segment, int] = {}
        for segment in ordered:
            if segment.end <= start or segment.start >= end:
                continue
            piece = document.text[max(start, segment.start) : min(end, segment.end)]
            weights[segment] = sum(ch.isalnum() for ch in piece) + 1
        best = max(weights, key=lambda s: weights[s])  # the first of equals: max is stable
        result.append(Paragraph(best.kind, best.author, best.posted, raw.strip()))
    return result


def evaluate_structure(folder: Path = SUITE_DIR) -> StructureScore:
    """Score `split_segments` on every gold-segmented document under `folder`.

    Args:
        folder: Holds `dev/` and `held_out/`, each with documents and `.gold` files.

    Returns:
        Accuracy of kind, author and time per split and per format, and the misses.

    Raises:
        ValueError: A gold file does not line up with its document's paragraphs.
    """
    config = load_config()
    splits: dict[str, Tally] = {}
    formats: dict[str, dict[str, Tally]] = {}
    misses: list[Miss] = []
    for split in SPLITS:
        splits[split], formats[split] = Tally(), {}
        for gold_path in sorted((folder / split).glob("*.gold")):
            source = next(
                p for p in sorted(folder.glob(f"{split}/{gold_path.stem}.*")) if p != gold_path
            )
            tally = _score_document(source, gold_path, config, misses)
            name = gold_path.stem.split("-")[0]
            formats[split].setdefault(name, Tally()).add(tally)
            splits[split].add(tally)
    return StructureScore(splits, formats, tuple(misses))


def _score_document(source: Path, gold_path: Path, config: Any, misses: list[Miss]) -> Tally:
    (document,) = [d for d in read_documents([source], config) if isinstance(d, Document)]
    gold = read_gold(gold_path)
    found = paragraphs(document, split_segments(document))
    if len(found) != len(gold):
        raise ValueError(
            f"{gold_path}: {len(gold)} gold rows for {len(found)} paragraphs of {source.name}"
        )
    tally = Tally(documents=1)
    for number, (want, got) in enumerate(zip(gold, found, strict=True), start=1):
        if not " ".join(got.text.split()).startswith(" ".join(want.text.split())):
            raise ValueError(f"{gold_path}:{number}: paragraph begins {got.text[:40]!r}")
        tally.paragraphs += 1
        tally.kind += want.kind == got.kind
        right = want.kind == got.kind
        if want.kind != "boilerplate":
            tally.attributed += 1
            tally.author += want.author == got.author
            tally.time += want.time == got.time
            right = right and (want.author, want.time) == (got.author, got.time)
        if not right:
            misses.append(Miss(str(gold_path), number, want, got))
    return tally


def format_structure(score: StructureScore, show_errors: bool = False) -> str:
    """Render the per-format table for each split (and the misses)."""
    head = f"{'format':<12} {'docs':>4} {'paras':>5} {'kind':>6} {'author':>7} {'time':>6}"
    lines = []
    for split, total in score.splits.items():
        lines += [f"structure ({split.replace('_', '-')})", head, "-" * len(head)]
        rows = sorted(score.formats[split].items()) + [("all", total)]
        for name, tally in rows:
            figures = tally.to_json()
            lines.append(
                f"{name:<12} {tally.documents:>4} {tally.paragraphs:>5} "
                f"{figures['accuracy_kind']:6.3f} {figures['accuracy_author']:7.3f} "
                f"{figures['accuracy_time']:6.3f}"
            )
        lines.append("")
    if show_errors:
        for miss in score.misses:
            gold, found = miss.gold, miss.found
            lines.append(
                f"{miss.path}:{miss.line}: gold {gold.kind}/{gold.author}/{gold.time} "
                f"found {found.kind}/{found.author}/{found.time}: {found.text[:60]}"
            )
    return "\n".join(lines).rstrip()


def _value(field: str) -> str | None:
    return None if field == _NONE else field


def _ratio(right: int, total: int) -> float:
    return round(right / total, 4) if total else 0.0
