"""The one coding path: documents (and the reader's rejections) in, coded documents out.

Every way of coding goes through `code_stream`: `dyad code` and `dyad ingest`, both
engines' partitions (local processes and Ray), the API's "code this text" and `dyad eval`.
It

- fills in the run's defaults (`RunDefaults`: a reference date and the authors' country
  for documents that carry none),
- yields each document's structure warnings next to it (`Coded.warnings`),
- passes the reader's rejections through as soon as they are read (before the coded
  documents of the batch they arrived in), and
- turns a document that fails in any stage into a `Rejection` naming the stage, its file
  and line, so that one bad document never stops a run (an `OverflowError` in a date,
  a `RecursionError`, a `UnicodeEncodeError` in an id: whatever it is).

For each input document exactly one `Coded` or one `Rejection` comes out, in input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from dyad.coder.pipeline import StageFailure, batches, code_batch
from dyad.coder.resources import Resources
from dyad.coder.structure import structure_warnings
from dyad.coder.timing import StageTimes
from dyad.records import Document, Event, Rejection

BUG_HINT = "a bug in dyad; the other documents were coded"


@dataclass(frozen=True, slots=True)
class RunDefaults:
    """What a run fills in for documents that do not say: `--date`, `--perspective`."""

    date: str | None = None
    perspective: str | None = None

    def apply(self, document: Document) -> Document:
        """Return `document` with the defaults filled in where it carries none."""
        changes: dict[str, Any] = {}
        if document.date is None and self.date is not None:
            changes["date"] = self.date
        if document.perspective is None and self.perspective is not None:
            changes["perspective"] = self.perspective
        return replace(document, **changes) if changes else document


NO_DEFAULTS = RunDefaults()


@dataclass(frozen=True, slots=True)
class Coded:
    """One coded document: its events and the warnings found reading its structure."""

    document: Document
    events: list[Event]
    warnings: tuple[Rejection, ...] = field(default=())


def code_stream(
    items: Iterable[Document | Rejection],
    resources: Resources,
    *,
    defaults: RunDefaults = NO_DEFAULTS,
    times: StageTimes | None = None,
    use_prefilter: bool | None = None,
) -> Iterator[Coded | Rejection]:
    """Code `items` in batches; yield a `Coded` or a `Rejection` per document, in order.

    Args:
        items: Documents and rejections, as `read.read_documents` yields them.
        resources: Loaded dictionaries and config.
        defaults: Reference date and perspective for documents that carry none.
        times: Optional accumulator of per-stage seconds.
        use_prefilter: Override `coder.prefilter` from the config.
    """
    documents = (i if isinstance(i, Rejection) else defaults.apply(i) for i in items)
    for batch in batches(documents, resources):
        if isinstance(batch, Rejection):
            yield batch
        else:
            yield from _code_isolated(batch, resources, times, use_prefilter)


def _code_isolated(
    batch: list[Document],
    resources: Resources,
    times: StageTimes | None,
    use_prefilter: bool | None,
) -> Iterator[Coded | Rejection]:
    """Code a batch in one stream; if that fails, one document at a time."""
    try:
        coded = code_batch(batch, resources, times=times, use_prefilter=use_prefilter)
    except Exception:  # noqa: BLE001 - found again below, on its own document
        coded = None
    for number, document in enumerate(batch):
        try:
            if coded is None:
                ((_, events),) = code_batch(
                    [document], resources, times=times, use_prefilter=use_prefilter
                )
            else:
                events = coded[number][1]
            yield Coded(document, events, _warnings(document))
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            yield rejection(document, exc)


def _warnings(document: Document) -> tuple[Rejection, ...]:
    try:
        return tuple(structure_warnings(document))
    except Exception as exc:  # noqa: BLE001 - the structure stage raised while coding
        raise StageFailure("structure", exc) from exc


def rejection(document: Document, exc: Exception) -> Rejection:
    """Return the rejection of a document whose coding raised `exc`."""
    stage = exc.stage if isinstance(exc, StageFailure) else "code"
    cause = exc.cause if isinstance(exc, StageFailure) else exc
    reason = f"coding failed in stage {stage}: {type(cause).__name__}: {_short(cause)}"
    return Rejection(document.path, reason, stage, document.line, BUG_HINT, document.doc_id)


def _short(exc: BaseException, limit: int = 200) -> str:
    text = str(exc)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def code_documents(
    items: Iterable[Document | Rejection],
    resources: Resources,
    *,
    defaults: RunDefaults = NO_DEFAULTS,
    times: StageTimes | None = None,
    use_prefilter: bool | None = None,
) -> tuple[list[Coded], list[Rejection]]:
    """Return every coded document and every rejection and warning of `items`."""
    coded: list[Coded] = []
    rejections: list[Rejection] = []
    for item in code_stream(
        items, resources, defaults=defaults, times=times, use_prefilter=use_prefilter
    ):
        if isinstance(item, Rejection):
            rejections.append(item)
        else:
            coded.append(item)
            rejections.extend(item.warnings)
    return coded, rejections
