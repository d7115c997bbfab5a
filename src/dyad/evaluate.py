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
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from dyad.cameo import describe
from dyad.errors import ConfigError

DATA_DIR_ENV = "DYAD_SHARED_DATA"
Found = tuple[str, str | None, str]
CodeBatch = Callable[[str, Sequence[tuple[str, str | None]]], list[list[Found]]]
"""Codes a batch: (suite name, [(text, date YYYY-MM-DD or None)]) -> found events per text."""
Key = tuple[str | None, str | None, str]
"""A comparison key: (source, target, label); label is a code, root or PLOVER type."""
Triple = Key
Problems = list[str]


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


@dataclasses.dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold record: its text, date, expected (source, target, label) events, or a skip."""

    id: str
    text: str
    date: str | None
    expected: tuple[Triple, ...]
    skip: str | None = None


Loader = Callable[[Path], tuple[list[GoldRecord], Problems]]


@dataclasses.dataclass(frozen=True, slots=True)
class SuiteSpec:
    """Where a suite's gold lives, how to read it, and how its events are compared."""

    path: str
    load: Loader
    label: Literal["code", "root", "plover"]
    actors: Literal["exact", "primary", "ignored"]
    notes: tuple[str, ...]
    distinct: bool = False
    dictionaries: dict[str, tuple[str, ...]] | None = None


def _iso_date(raw: object) -> str | None:
    """Return YYYY-MM-DD for a YYYYMMDD (or PETRARCH-1 style YYMMDD) date, else None."""
    digits = str(raw or "").strip()
    fmt = {8: "%Y%m%d", 6: "%y%m%d"}.get(len(digits))
    if fmt is None or not digits.isdigit():
        return None
    try:
        return datetime.strptime(digits, fmt).date().isoformat()
    except ValueError:
        return None


def _actor(raw: object) -> str | None:
    code = str(raw or "").strip().upper()
    return None if code in ("", "---") else code


def _read_jsonl(path: Path) -> tuple[list[dict[str, Any]], Problems]:
    rows: list[dict[str, Any]] = []
    problems: Problems = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{path}:{number}: bad JSON ({exc}); line skipped")
                continue
            if isinstance(row, dict):
                rows.append(row)
            else:
                problems.append(f"{path}:{number}: not a JSON object; line skipped")
    return rows, problems


def _load_each(
    path: Path, rows: Iterable[dict[str, Any]], make: Callable[[dict[str, Any]], GoldRecord]
) -> tuple[list[GoldRecord], Problems]:
    """Build one record per row; a malformed row becomes a note, never an exception."""
    records, problems = [], []
    for number, row in enumerate(rows, start=1):
        try:
            records.append(make(row))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            problems.append(f"{path}: record {row.get('id', number)!r} unreadable ({exc!r})")
    return records, problems


def _petrarch_record(row: dict[str, Any]) -> GoldRecord:
    text = str(row.get("text") or "").strip()
    skip = None
    if str(row.get("evaluate", True)).lower() == "false":
        skip = "evaluate=false"
    elif row.get("expected_error"):
        skip = f"expected error {row['expected_error']}"
    elif not text:
        skip = "empty text"
    expected: tuple[Triple, ...] = ()
    if not row.get("expect_no_events"):
        expected = tuple(
            (_actor(e["source"]), _actor(e["target"]), str(e["code"]).strip())
            for e in row["expected_events"]
        )
    return GoldRecord(str(row["id"]), text, _iso_date(row.get("date")), expected, skip)


def _load_petrarch(path: Path) -> tuple[list[GoldRecord], Problems]:
    rows, problems = _read_jsonl(path)
    records, more = _load_each(path, rows, _petrarch_record)
    return records, problems + more


# PLOVER 0.5b1 names in the GSR -> PLOVER 2.0 names used by the CAMEO2PLOVER crosswalk.
PLOVER_RENAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


def _plover_actors(value: object) -> list[str | None]:
    """Return the distinct primary codes of a GSR actor list; [None] when there are none."""
    codes: list[str | None] = []
    for actor in value if isinstance(value, list) else []:
        code = _actor(actor.get("code"))
        if code and code[:3] not in codes:
            codes.append(code[:3])
    return codes or [None]


def _plover_record(row: dict[str, Any]) -> GoldRecord:
    event = str(row["event"]).strip().upper()
    event = PLOVER_RENAMES.get(event, event)
    expected = tuple(
        (source, target, event)
        for source in _plover_actors(row.get("source"))
        for target in _plover_actors(row.get("target"))
    )
    text = str(row.get("text") or "").strip()
    date = str(row["date"]) if row.get("date") else None
    return GoldRecord(str(row["id"]), text, date, expected, None if text else "empty text")


def _load_plover(path: Path) -> tuple[list[GoldRecord], Problems]:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [], [f"{path}: bad JSON ({exc}); suite not scored"]
    if not isinstance(rows, list):
        return [], [f"{path}: expected a JSON array; suite not scored"]
    rows = [r for r in rows if isinstance(r, dict) and r.get("event") != "DOCUMENT"]
    return _load_each(path, rows, _plover_record)


_ROOT = re.compile(r"\s*\d+\s*-\s*(\d{1,2})\b")


def _conflibert_roots(coder: dict[str, Any]) -> set[str]:
    roots = set()
    for action in coder.get("actions") or []:
        match = _ROOT.match(str(action.get("cameo") or ""))
        if match:
            roots.add(match.group(1).zfill(2))
    return roots


def _load_conflibert(path: Path) -> tuple[list[GoldRecord], Problems]:
    rows, problems = _read_jsonl(path)
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        key = (str(row.get("sample_file")), str(row.get("sample_no")))
        groups.setdefault(key, []).append(row)

    def make(group: list[dict[str, Any]]) -> GoldRecord:
        coders = [c for row in group for c in (row.get("coders") or {}).values()]
        votes = Counter(root for coder in coders for root in _conflibert_roots(coder))
        roots = sorted(root for root, n in votes.items() if 2 * n > len(coders))
        first = group[0]
        text = str(first.get("text") or "").strip()
        skip = None if coders and text else "no text or no completed annotation"
        record_id = f"conflibert:{first['sample_file']}:{first['sample_no']}"
        return GoldRecord(record_id, text, None, tuple((None, None, r) for r in roots), skip)

    records, more = [], []
    for group in groups.values():
        try:
            records.append(make(group))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            more.append(f"{path}: sentence {group[0].get('id')!r} unreadable ({exc!r})")
    return records, problems + more


_UD = "universalpetrarch/ud_validation/"
SUITES: dict[str, SuiteSpec] = {
    "petrarch2-gsr": SuiteSpec(
        path="universalpetrarch/gsr/petr2_gsr_validation.jsonl",
        load=_load_petrarch,
        label="code",
        actors="exact",
        notes=(
            "gold is largely PETRARCH-2 output (per the file header), not independent coding",
            "coded with dyad's default dictionaries; actor codes compared exactly",
        ),
    ),
    "ud-petrarch": SuiteSpec(
        path=_UD + "ud_petr_validate_records_2_02.jsonl",
        load=_load_petrarch,
        label="code",
        actors="exact",
        notes=(
            "coded with the suite's own validation dictionaries (PETR_Validate_*_2_02.txt)",
            "some gold codes are WEIS-era, not CAMEO (212, 222, 345, 802, 915); scored as given",
        ),
        dictionaries={
            "actors": (_UD + "PETR_Validate_actors_2_02.txt",),
            "agents": (_UD + "PETR_Validate_agents_2_02.txt",),
            "verbs": (_UD + "PETR_Validate_verbs_2_02.txt",),
        },
    ),
    "plover-gsr": SuiteSpec(
        path="plover/gold_standard_records/PLOVER_GSR_CAMEO.txt",
        load=_load_plover,
        label="plover",
        actors="primary",
        notes=(
            "gold has PLOVER event types, no CAMEO codes: found codes are mapped to PLOVER with "
            "the CAMEO table; 'root' columns are PLOVER types; no full-code score",
            "old PLOVER names renamed: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, "
            "FIGHT->ASSAULT; found events without a PLOVER type (roots 01-02) are not scored",
            "actors compared on the 3-letter primary code (gold gives code and sector apart); "
            "one gold event per source x target, missing target = none",
        ),
    ),
    "conflibert-cameo": SuiteSpec(
        path="corpus/cameo_conflibert_annotations/cameo_conflibert_coded_sentences.jsonl",
        load=_load_conflibert,
        label="root",
        actors="ignored",
        distinct=True,
        notes=(
            "200 sentences; gold = CAMEO roots listed by more than half of all annotations of "
            "the sentence (all rounds); compared as sets of roots per sentence; no full-code score",
            "actors not compared: gold actors are text spans and the coder returns codes",
        ),
    ),
}


def load_suite(suite: str, data_dir: Path) -> tuple[list[GoldRecord], Problems]:
    """Read a suite's gold records, including those that will not be scored (`skip` set).

    Args:
        suite: A suite name from `SUITES`.
        data_dir: The shared data folder.

    Returns:
        The records in file order and notes on malformed lines or records that were left out.

    Raises:
        ConfigError: `suite` is not a known suite.
        FileNotFoundError: The suite's file is not under `data_dir`.
    """
    spec = _spec(suite)
    return _load(spec, data_dir / spec.path)


def _load(spec: SuiteSpec, path: Path) -> tuple[list[GoldRecord], Problems]:
    """Load a suite and make record ids unique (two sources reuse an id for two sentences)."""
    records, problems = spec.load(path)
    seen: Counter[str] = Counter()
    for index, record in enumerate(records):
        seen[record.id] += 1
        if seen[record.id] > 1:
            new_id = f"{record.id}#{seen[record.id]}"
            records[index] = dataclasses.replace(record, id=new_id)
            problems.append(f"{path}: duplicate id {record.id!r}; the later record is {new_id!r}")
    return records, problems


def default_data_dir() -> Path:
    """Return `$DYAD_SHARED_DATA` if set, else `../shared/data` from the current directory."""
    env = os.environ.get(DATA_DIR_ENV)
    return Path(env) if env else Path.cwd().parent / "shared" / "data"


def _spec(suite: str) -> SuiteSpec:
    spec = SUITES.get(suite)
    if spec is None:
        raise ConfigError(f"unknown suite {suite!r}", hint=f"choose from {', '.join(SUITES)}")
    return spec


def suite_dictionaries(suite: str, data_dir: Path) -> dict[str, list[Path]] | None:
    """Return the dictionary files a suite must be coded with, or None for dyad's defaults.

    Args:
        suite: A suite name from `SUITES`.
        data_dir: The shared data folder.

    Returns:
        {"actors": [...], "agents": [...], "verbs": [...]} for suites with their own
        dictionaries (ud-petrarch), None for suites coded with the package defaults.

    Raises:
        ConfigError: `suite` is not a known suite.
    """
    spec = _spec(suite)
    if spec.dictionaries is None:
        return None
    return {kind: [data_dir / p for p in paths] for kind, paths in spec.dictionaries.items()}


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
    src, tgt = _actor(source), _actor(target)
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
            full = [(_actor(s), _actor(t), c.strip()) for s, t, c in events]
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
        spec = _spec(suite)
        path = data_dir / spec.path
        if not path.is_file():  # evaluation-only data may be absent: report, do not fail
            reason = f"{path} not found (set ${DATA_DIR_ENV} or pass the shared data folder)"
            scores.append(SuiteScore.skip(suite, reason, spec.notes))
            continue
        records, problems = _load(spec, path)
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
