"""Read the external validation suites `dyad eval` scores against.

Each suite is a file in the shared data folder (`default_data_dir()`: `$DYAD_SHARED_DATA`,
else `../shared/data`), never shipped. `load_suite` turns one into `GoldRecord`s (text,
date, expected (source, target, code) triples) and names the malformed rows it skipped;
`suite_dictionaries` gives the dictionaries a suite is coded with (ud-petrarch ships its
own). Scoring lives in `dyad.evaluate.scores`.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from dyad.errors import ConfigError

DATA_DIR_ENV = "DYAD_SHARED_DATA"
Triple = tuple[str | None, str | None, str]
"""An expected event: (source, target, code)."""
Problems = list[str]


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


def actor_code(raw: object) -> str | None:
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
            (actor_code(e["source"]), actor_code(e["target"]), str(e["code"]).strip())
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
        code = actor_code(actor.get("code"))
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
    spec = suite_spec(suite)
    return load_records(spec, data_dir / spec.path)


def load_records(spec: SuiteSpec, path: Path) -> tuple[list[GoldRecord], Problems]:
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


def suite_spec(suite: str) -> SuiteSpec:
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
    spec = suite_spec(suite)
    if spec.dictionaries is None:
        return None
    return {kind: [data_dir / p for p in paths] for kind, paths in spec.dictionaries.items()}
