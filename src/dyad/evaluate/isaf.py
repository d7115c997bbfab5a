"""Score the time and place stages on ISAF press releases (`dyad eval isaf`).

Gold: `corpus/isaf_press_releases/isaf_press_releases_test.jsonl` in the shared data
folder, 724 releases whose human annotation gives the event's `start_date` (a day) and
`province`. Each release is coded by the real pipeline *without* its `date` field (some
were copied from the gold), so the reference date comes from the release's own date line
("KABUL, Afghanistan (Jan. 25, 2013)"), and "yesterday" must become the day before.

What is scored is the release's main event: the first event the coder finds in the lead
(the first body sentence of six or more words with a verb; press releases open with the
operation they report). When the coder finds none there, the lead's main verb stands in,
and its date and place come from the same `dates.resolve_date` and `places.geocode_place`
calls, so the figures measure the time and place stages, not the event coder's recall.

- date accuracy: the main event's date equals the gold `start_date` (the gold is at day
  precision, so a month or year answer is wrong), over releases with a gold date;
- province accuracy: the main event's place lies in the gold province (the province of a
  city, or the province itself), over releases with a single gold province.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from dyad import dates
from dyad.coder import parse, places
from dyad.coder.structure import split_segments
from dyad.records import DatePoint, Document, Place, Sentence

SUITE = "isaf"
PATH = "corpus/isaf_press_releases/isaf_press_releases_test.jsonl"
LEAD_WITHIN = 12  # sentences of the body searched for the lead (after stamps and lists)
DATE_FLOOR = 0.90
PROVINCE_FLOOR = 0.85


@dataclasses.dataclass(frozen=True, slots=True)
class IsafRecord:
    """One release with its gold date and province, and what dyad made of it."""

    id: str
    gold_date: str | None
    gold_province: str | None
    date: DatePoint
    place: Place | None
    province: str | None
    source: str  # "event" (the coder's first event) or "sentence" (no event found)
    sentence: str = ""
    reference: str = "day"  # how precisely the text gives its own date: day, month or none

    @property
    def date_correct(self) -> bool:
        return self.gold_date is not None and self.date.value == self.gold_date

    @property
    def province_correct(self) -> bool:
        return self.gold_province is not None and self.province == self.gold_province


@dataclasses.dataclass(frozen=True, slots=True)
class IsafScore:
    """Date and province accuracy over the releases where the gold has one."""

    records: int
    dated: int
    date_correct: int
    with_province: int
    province_correct: int
    from_events: int
    notes: tuple[str, ...]
    details: tuple[IsafRecord, ...] = ()
    skipped: str | None = None
    references: dict[str, int] = dataclasses.field(default_factory=dict)
    dated_with_day: int = 0  # releases with a gold date whose text gives its day
    correct_with_day: int = 0

    @property
    def date_accuracy(self) -> float:
        return self.date_correct / self.dated if self.dated else 0.0

    @property
    def date_accuracy_with_day(self) -> float:
        """Date accuracy over the releases whose text gives the day it was issued."""
        return self.correct_with_day / self.dated_with_day if self.dated_with_day else 0.0

    @property
    def province_accuracy(self) -> float:
        return self.province_correct / self.with_province if self.with_province else 0.0

    def to_json(self) -> dict[str, Any]:
        """Return the counts and accuracies as a JSON-ready dict."""
        return {
            "suite": SUITE,
            "skipped": self.skipped,
            "records": self.records,
            "dated": self.dated,
            "date_correct": self.date_correct,
            "date_accuracy": self.date_accuracy,
            "references": dict(self.references),
            "dated_with_day_reference": self.dated_with_day,
            "date_accuracy_with_day_reference": self.date_accuracy_with_day,
            "with_province": self.with_province,
            "province_correct": self.province_correct,
            "province_accuracy": self.province_accuracy,
            "from_events": self.from_events,
            "notes": list(self.notes),
        }


def _gold_province(annotation: dict[str, Any]) -> str | None:
    provinces = [p for p in annotation.get("province") or [] if p]
    if len(provinces) != 1:
        return None  # several provinces, or none ("", "??"): nothing to compare
    return places.province_of(str(provinces[0]), "AFG")


def _province(place: Place | None) -> str | None:
    if place is None or place.country != "AFG":
        return None
    return place.admin1


def load_isaf(path: Path) -> tuple[list[Document], list[dict[str, Any]], list[str]]:
    """Read the releases as undated Documents plus their annotations; bad lines are noted."""
    documents, annotations, notes = [], [], []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            try:
                row = json.loads(line)
                text = str(row["text"])
                annotation = dict(row["annotation"])
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                notes.append(f"{path}:{number}: unreadable release ({exc}); skipped")
                continue
            title = row.get("title") if isinstance(row.get("title"), str) else None
            documents.append(
                Document(str(row.get("id", number)), text, str(path), number, None, title)
            )
            annotations.append(annotation)
    return documents, annotations, notes


def lead_sentences(documents: list[Document], batch_size: int) -> dict[str, Sentence]:
    """Return each document's lead: the first body sentence of six or more words with a verb."""
    requests = []
    for document in documents:
        for segment in split_segments(document):
            if segment.kind not in ("article", "update"):
                continue
            piece = document.text[segment.start : segment.end]
            for start, end in parse.split_sentences(piece, segment.start)[:LEAD_WITHIN]:
                if len(document.text[start:end].split()) < 6:
                    continue
                requests.append((document.doc_id, document.text, start, end, segment))
    found: dict[str, Sentence] = {}
    for sentence in parse.parse_sentences(requests, batch_size=batch_size):
        if sentence.doc_id not in found and any(t.pos == "VERB" for t in sentence.tokens):
            found[sentence.doc_id] = sentence
    return found


def _root_verb(sentence: Sentence) -> int | None:
    verbs = [t for t in sentence.tokens if t.pos == "VERB"]
    roots = [t for t in verbs if t.dep == "ROOT"]
    return (roots or verbs)[0].i if verbs else None


def evaluate_isaf(data_dir: Path, resources: Any, *, limit: int | None = None) -> IsafScore:
    """Code the ISAF releases and score the main event's date and province.

    Args:
        data_dir: The shared data folder.
        resources: `Resources` for the coder.
        limit: Score only the first `limit` releases (for quick checks).

    Returns:
        The accuracies with their counts; `skipped` set when the data is absent.
    """
    from dyad.run import Coded, code_stream

    path = data_dir / PATH
    if not path.is_file():
        return IsafScore(0, 0, 0, 0, 0, 0, (), skipped=f"{path} not found")
    documents, annotations, notes = load_isaf(path)
    documents, annotations = documents[:limit], annotations[:limit]
    leads = lead_sentences(documents, resources.config.coder.batch_size)
    main: dict[str, tuple[DatePoint, Place | None, str]] = {}
    for item in code_stream(documents, resources):
        if not isinstance(item, Coded):
            continue  # a document that failed to code has no main event
        lead = leads.get(item.document.doc_id)
        coded = [e for e in item.events if lead is not None and e.char_start == lead.start]
        if coded:
            main[item.document.doc_id] = (coded[0].date, coded[0].location, coded[0].sentence)
    details = []
    for document, annotation in zip(documents, annotations, strict=True):
        source = "event"
        if document.doc_id in main:
            when, where, text = main[document.doc_id]
        else:
            source = "sentence"
            sentence = leads.get(document.doc_id)
            when, where, text = DatePoint.unknown(), None, ""
            if sentence is not None:
                text = sentence.text
                reference = dates.reference_date(document, sentence.segment)
                verb = _root_verb(sentence)
                when = dates.resolve_date(sentence, reference, verb)
                where = places.geocode_place(sentence, verb)
        gold_date = annotation.get("start_date") or None
        details.append(
            IsafRecord(
                document.doc_id,
                str(gold_date) if gold_date else None,
                _gold_province(annotation),
                when,
                where,
                _province(where),
                source,
                " ".join(text.split()),
                dates.reference_date(document).precision,
            )
        )
    return _score(details, notes)


def _score(details: list[IsafRecord], notes: list[str]) -> IsafScore:
    counts = Counter(d.source for d in details)
    with_day = [d for d in details if d.gold_date is not None and d.reference == "day"]
    return IsafScore(
        records=len(details),
        dated=sum(d.gold_date is not None for d in details),
        date_correct=sum(d.date_correct for d in details),
        with_province=sum(d.gold_province is not None for d in details),
        province_correct=sum(d.province_correct for d in details),
        from_events=counts["event"],
        notes=(
            "main event = the coder's first event in the lead sentence; the lead's main verb "
            f"stands in where it found none there ({counts['sentence']} releases)",
            "records' `date` field not given to the coder: the reference is the date line",
            *notes,
        ),
        details=tuple(details),
        references=dict(Counter(d.reference for d in details)),
        dated_with_day=len(with_day),
        correct_with_day=sum(d.date_correct for d in with_day),
    )


def _misses(score: IsafScore) -> Counter[str]:
    """Sort the date misses: null, one day from the gold, or another day or precision."""
    kinds: Counter[str] = Counter()
    for d in score.details:
        if d.gold_date is None or d.date_correct:
            continue
        if d.date.value is None:
            kinds["null"] += 1
        elif d.date.precision == "day" and _days_apart(d.date.value, d.gold_date) == 1:
            kinds["one day"] += 1
        else:
            kinds["other"] += 1
    return kinds


def _days_apart(first: str, second: str) -> int | None:
    try:
        return abs((date.fromisoformat(first) - date.fromisoformat(second)).days)
    except ValueError:
        return None


def format_isaf(score: IsafScore, *, show_errors: bool = False) -> str:
    """Render the two accuracies, their counts and floors, and optionally the misses."""
    if score.skipped:
        return f"isaf: skipped: {score.skipped}"
    lines = [
        f"isaf: {score.records} releases ({score.from_events} scored on a coded event)",
        f"  date accuracy     {score.date_accuracy:.3f}  "
        f"({score.date_correct}/{score.dated}; floor {DATE_FLOOR:.2f})",
        f"  province accuracy {score.province_accuracy:.3f}  "
        f"({score.province_correct}/{score.with_province}; floor {PROVINCE_FLOOR:.2f})",
    ]
    refs, misses = score.references, _misses(score)
    lines += [
        f"  the text's own date: day in {refs.get('day', 0)}, month only in "
        f"{refs.get('month', 0)}, none in {refs.get('none', 0) + refs.get('year', 0)} releases",
        f"  date accuracy where the text gives its day {score.date_accuracy_with_day:.3f}  "
        f"({score.correct_with_day}/{score.dated_with_day})",
        f"  date misses: {misses['null']} null, {misses['one day']} one day from the gold, "
        f"{misses['other']} another day or a coarser precision",
    ]
    lines += [f"  note: {note}" for note in score.notes]
    if show_errors:
        for d in score.details:
            if d.gold_date and not d.date_correct:
                lines.append(f"  date {d.id}: gold {d.gold_date}, found {d.date} [{d.source}]")
                lines.append(f"    {d.sentence[:160]}")
            if d.gold_province and not d.province_correct:
                found = d.place.text if d.place else None
                lines.append(
                    f"  province {d.id}: gold {d.gold_province}, found {d.province} "
                    f"({found!r}) [{d.source}]"
                )
    return "\n".join(lines)
