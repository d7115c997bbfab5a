"""Score an event coder against the external validation suites (`dyad eval`).

The suites are evaluation-only data read at run time from the shared data folder, never
shipped. `default_data_dir()` finds it: `$DYAD_SHARED_DATA` if set, else `../shared/data`
relative to the current directory (where it sits beside a dyad checkout). A suite whose file
is missing is returned with `skipped` set, not raised.

    suite              gold                                   compared on
    petrarch2-gsr      (source, target, code), 78 records     exact actors; root and full code
    ud-petrarch        (source, target, code), 274 records    same; coded with its own dictionaries
    plover-gsr         PLOVER 0.5b1 type + actors, 322 recs   primary (3-letter) actors; PLOVER type
    conflibert-cameo   roots by 3-5 coders, 200 sentences     majority roots; actors not compared

Scores are micro precision / recall / F1 over per-record multiset intersections of
comparison keys `(source, target, label)`, where label is the CAMEO root (first two digits)
or, for plover-gsr, the PLOVER type. Full-code scores use the whole CAMEO code. The coder is
a parameter (`CodeBatch`), so this module neither parses nor codes anything itself.
`conflibert_cameo_benchmark/` is not a suite: its class labels 0-4 are unnamed and its
source/target tags carry no codes.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dyad.dictionaries.cameo import describe
from dyad.evaluate.suites import (
    DATA_DIR_ENV,
    GoldRecord,
    SuiteSpec,
    actor_code,
    load_records,
    suite_spec,
)
from dyad.evaluate.suites import SUITES as SUITES  # re-exported: the suites are named here too
from dyad.evaluate.suites import default_data_dir as default_data_dir
from dyad.evaluate.suites import load_suite as load_suite
from dyad.evaluate.suites import suite_dictionaries as suite_dictionaries

Found = tuple[str, str | None, str]
CodeBatch = Callable[[str, Sequence[tuple[str, str | None]]], list[list[Found]]]
"""Codes a batch: (suite name, [(text, date YYYY-MM-DD or None)]) -> found events per text."""
Key = tuple[str | None, str | None, str]
"""A comparison key: (source, target, label); label is a code, root or PLOVER type."""
Triple = Key


@dataclasses.dataclass(frozen=True, slots=True)
class Score:
    """Micro precision, recall and F1 from true positives and the two totals."""

    expected: int
    found: int
    tp: int
    precision: float
    recall: float
    f1: float

    @staticmethod
    def of(expected: int, found: int, tp: int) -> Score:
        """Return the score for these counts; an empty side gives 0.0, never an error."""
        precision = tp / found if found else 0.0
        recall = tp / expected if expected else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return Score(expected, found, tp, precision, recall, f1)

    def to_json(self) -> dict[str, Any]:
        """Return the counts and ratios as a JSON-ready dict."""
        return dataclasses.asdict(self)


RootScore = Score
"""The score of one root (or PLOVER type) in `SuiteScore.by_root`."""


@dataclasses.dataclass(frozen=True, slots=True)
class RecordResult:
    """One scored record: the keys compared and what the coder returned."""

    id: str
    text: str
    expected: tuple[Key, ...]
    found: tuple[Key, ...]
    found_raw: tuple[Found, ...]
    tp: int

    @property
    def correct(self) -> bool:
        """True when nothing was missed and nothing spurious was found."""
        return self.tp == len(self.expected) == len(self.found)


@dataclasses.dataclass(frozen=True, slots=True)
class SuiteScore:
    """The scores of one suite; `skipped` says why a suite could not be run."""

    suite: str
    records: int
    expected: int
    found: int
    tp: int
    precision: float
    recall: float
    f1: float
    full_code: Score | None
    events_only: Score
    by_root: dict[str, RootScore]
    notes: tuple[str, ...]
    skipped: str | None = None
    skipped_records: int = 0
    details: tuple[RecordResult, ...] = ()

    @staticmethod
    def skip(suite: str, reason: str, notes: tuple[str, ...] = ()) -> SuiteScore:
        """Return an empty score for a suite that could not be run."""
        zero = Score.of(0, 0, 0)
        return SuiteScore(suite, 0, 0, 0, 0, 0.0, 0.0, 0.0, None, zero, {}, notes, reason)

    def to_json(self) -> dict[str, Any]:
        """Return the suite's scores (without per-record details) as a JSON-ready dict."""
        return {
            "suite": self.suite,
            "skipped": self.skipped,
            "records": self.records,
            "skipped_records": self.skipped_records,
            "expected": self.expected,
            "found": self.found,
            "tp": self.tp,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "full_code": self.full_code.to_json() if self.full_code else None,
            "events_only": self.events_only.to_json(),
            "by_root": {root: s.to_json() for root, s in sorted(self.by_root.items())},
            "notes": list(self.notes),
        }


def _found_key(spec: SuiteSpec, event: Found) -> Key | None:
    source, target, code = event
    if spec.label == "plover":
        entry = describe(code)
        if entry is None or entry.plover is None:
            return None  # outside PLOVER (roots 01-02, non-CAMEO codes): not comparable
        label = entry.plover
    else:
        label = code.strip()[:2]
    if spec.actors == "ignored":
        return (None, None, label)
    src, tgt = actor_code(source), actor_code(target)
    if spec.actors == "primary":
        return (src[:3] if src else None, tgt[:3] if tgt else None, label)
    return (src, tgt, label)


def _gold_key(spec: SuiteSpec, event: Triple) -> Key:
    source, target, code = event
    label = code if spec.label == "plover" else code[:2]
    return (source, target, label)


def _tp(expected: Sequence[Key], found: Sequence[Key]) -> Counter[Key]:
    return Counter(expected) & Counter(found)


def _add(total: list[int], expected: Sequence[Key], found: Sequence[Key]) -> None:
    total[0] += len(expected)
    total[1] += len(found)
    total[2] += sum(_tp(expected, found).values())


def _score_suite(
    spec: SuiteSpec, records: Sequence[GoldRecord], found: Sequence[list[Found]]
) -> tuple[Score, Score | None, Score, dict[str, Score], tuple[RecordResult, ...]]:
    root_total, code_total, event_total = [0, 0, 0], [0, 0, 0], [0, 0, 0]
    per_root: dict[str, list[int]] = {}
    details = []
    for record, events in zip(records, found, strict=True):
        gold = [_gold_key(spec, e) for e in record.expected]
        keys = [k for k in (_found_key(spec, e) for e in events) if k is not None]
        if spec.distinct:
            gold, keys = sorted(set(gold), key=str), sorted(set(keys), key=str)
        hits = _tp(gold, keys)
        _add(root_total, gold, keys)
        _add(event_total, [(None, None, g[2]) for g in gold], [(None, None, k[2]) for k in keys])
        if spec.label == "code":
            full = [(actor_code(s), actor_code(t), c.strip()) for s, t, c in events]
            _add(code_total, record.expected, full)
        for index, side in ((0, gold), (1, keys)):
            for key in side:
                per_root.setdefault(key[2], [0, 0, 0])[index] += 1
        for key, n in hits.items():
            per_root[key[2]][2] += n
        tp = sum(hits.values())
        details.append(
            RecordResult(record.id, record.text, tuple(gold), tuple(keys), tuple(events), tp)
        )
    by_root = {root: Score.of(*counts) for root, counts in sorted(per_root.items())}
    return (
        Score.of(*root_total),
        Score.of(*code_total) if spec.label == "code" else None,
        Score.of(*event_total),
        by_root,
        tuple(details),
    )


def evaluate(suites: Sequence[str], code_batch: CodeBatch, data_dir: Path) -> list[SuiteScore]:
    """Code each suite's texts with `code_batch` and score the result against the gold.

    Records with `evaluate == false`, an expected error or no text are not scored (counted
    in `skipped_records`); records expecting no events contribute no gold, so anything found
    there is a false positive.

    Args:
        suites: Suite names from `SUITES`, scored in this order.
        code_batch: Called once per suite with the suite name and (text, date) pairs; must
            return one list of (source, target or None, CAMEO code) per text.
        data_dir: The shared data folder (see `default_data_dir`).

    Returns:
        One `SuiteScore` per suite, with `skipped` set where the suite's data is missing.

    Raises:
        ConfigError: A suite name is unknown.
        ValueError: `code_batch` returned a different number of results than texts.
    """
    scores = []
    for suite in suites:
        spec = suite_spec(suite)
        path = data_dir / spec.path
        if not path.is_file():  # evaluation-only data may be absent: report, do not fail
            reason = f"{path} not found (set ${DATA_DIR_ENV} or pass the shared data folder)"
            scores.append(SuiteScore.skip(suite, reason, spec.notes))
            continue
        records, problems = load_records(spec, path)
        scored = [r for r in records if r.skip is None]
        found = code_batch(suite, [(r.text, r.date) for r in scored])
        if len(found) != len(scored):
            raise ValueError(
                f"code_batch returned {len(found)} results for {len(scored)} texts of {suite}"
            )
        root, full, events_only, by_root, details = _score_suite(spec, scored, found)
        scores.append(
            SuiteScore(
                suite=suite,
                records=len(scored),
                expected=root.expected,
                found=root.found,
                tp=root.tp,
                precision=root.precision,
                recall=root.recall,
                f1=root.f1,
                full_code=full,
                events_only=events_only,
                by_root=by_root,
                notes=spec.notes + tuple(problems),
                skipped_records=len(records) - len(scored),
                details=details,
            )
        )
    return scores


def scores_to_json(scores: Sequence[SuiteScore]) -> dict[str, dict[str, Any]]:
    """Return every suite's `to_json()`, keyed by suite name."""
    return {score.suite: score.to_json() for score in scores}


def _prf(score: Score | None) -> str:
    if score is None:
        return f"{'-':>6} {'-':>6} {'-':>6}"
    return f"{score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}"


def format_scores(scores: Sequence[SuiteScore]) -> str:
    """Render a summary line per suite, then each suite's by-root table and notes.

    Args:
        scores: The result of `evaluate`.

    Returns:
        Plain text: records, expected, found and P/R/F1 on roots and on full codes.
    """
    head = (
        f"{'suite':<18} {'records':>7} {'expected':>8} {'found':>6} "
        f"{'P':>6} {'R':>6} {'F1':>6} | {'code P':>6} {'R':>6} {'F1':>6} | {'event F1':>8}"
    )
    lines = [head, "-" * len(head)]
    for s in scores:
        if s.skipped:
            lines.append(f"{s.suite:<18} skipped: {s.skipped}")
            continue
        root = _prf(Score.of(s.expected, s.found, s.tp))
        lines.append(
            f"{s.suite:<18} {s.records:>7} {s.expected:>8} {s.found:>6} {root} | "
            f"{_prf(s.full_code)} | {s.events_only.f1:8.3f}"
        )
    for s in scores:
        if s.skipped:
            continue
        lines += ["", f"{s.suite}: by root ({s.skipped_records} records not scored)"]
        lines.append(f"  {'root':<10} {'expected':>8} {'found':>6} {'tp':>5} {'P':>6} {'R':>6}")
        for root, r in s.by_root.items():
            lines.append(
                f"  {root:<10} {r.expected:>8} {r.found:>6} {r.tp:>5} "
                f"{r.precision:6.3f} {r.recall:6.3f}"
            )
        lines += [f"  note: {note}" for note in s.notes]
    return "\n".join(lines)


def format_errors(score: SuiteScore, limit: int | None = None) -> str:
    """Render the records of a suite with a missed or spurious event (for `--show-errors`).

    Args:
        score: One suite's result from `evaluate`.
        limit: Show at most this many records; None shows all.

    Returns:
        Plain text, one block per record: id, text, expected, found, missed and spurious keys.
    """
    wrong = [d for d in score.details if not d.correct]
    blocks = []
    for d in wrong[:limit]:
        hits = _tp(d.expected, d.found)
        missed = list((Counter(d.expected) - hits).elements())
        spurious = list((Counter(d.found) - hits).elements())
        blocks.append(
            f"{score.suite} {d.id}: {d.text}\n"
            f"  expected: {_keys(d.expected)}\n  found:    {_keys(d.found)}\n"
            f"  missed:   {_keys(missed)}\n  spurious: {_keys(spurious)}"
        )
    shown = len(blocks)
    if shown < len(wrong):
        blocks.append(f"... {len(wrong) - shown} more records with errors")
    return "\n".join(blocks)


def _keys(keys: Sequence[Key]) -> str:
    return ", ".join(f"{s or '-'}>{t or '-'}:{c}" for s, t, c in keys) or "(none)"
