"""Tests for dyad.run: the one coding path, and one bad document never stops a run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from dyad.coder import pipeline
from dyad.coder.read import read_documents
from dyad.coder.resources import Resources
from dyad.config import load_config
from dyad.records import Document, Rejection
from dyad.run import Coded, RunDefaults, code_documents, code_stream, rejection

FIXTURES = Path(__file__).parent / "fixtures"
TEXTS = [
    "Iraq attacked Iran on Tuesday.",
    "Russia accused Ukraine of shelling civilians.",
    "China criticized Japan over the islands.",
]


@pytest.fixture(scope="module")
def resources() -> Resources:
    # every candidate kept: these tests are about the driver, not about the ranker's threshold
    return Resources.load(load_config(overrides=["coder.min_confidence=0"]))


def documents() -> list[Document]:
    return [
        Document(f"d{i}", text, "corpus.jsonl", line=i + 1, date="2020-05-01")
        for i, text in enumerate(TEXTS)
    ]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (Document("a", "x", "p"), ("2001-02-03", "USA")),
        (Document("a", "x", "p", date="1999-01-01"), ("1999-01-01", "USA")),
        (Document("a", "x", "p", perspective="GBR"), ("2001-02-03", "GBR")),
    ],
)
def test_run_defaults_fill_only_what_a_document_lacks(
    document: Document, expected: tuple[str, str]
) -> None:
    filled = RunDefaults("2001-02-03", "USA").apply(document)
    assert (filled.date, filled.perspective) == expected


def test_run_rejection_names_stage_file_and_line() -> None:
    document = Document("d7", "text", "corpus.jsonl", line=7)
    cause = OverflowError("date value out of range")
    found = rejection(document, pipeline.StageFailure("time", cause))
    assert (found.stage, found.path, found.line, found.doc_id) == ("time", "corpus.jsonl", 7, "d7")
    assert found.reason == "coding failed in stage time: OverflowError: date value out of range"
    assert rejection(document, ValueError("x")).stage == "code"


def _failing(stage: str, error: Exception) -> tuple[pipeline.Stage, ...]:
    """Return STAGES with `stage` raising `error` on the sentence about Russia."""

    def wrap(function: Callable[..., None]) -> Callable[..., None]:
        def raising(*args: object) -> None:
            texts = [getattr(a, "sentence", None) for a in args]
            texts += [getattr(w, "sentence", None) for a in args if isinstance(a, list) for w in a]
            documents = [d for a in args for d in getattr(a, "documents", ())]
            if any(t is not None and "Russia" in t.text for t in texts) or any(
                "Russia" in d.text for d in documents
            ):
                raise error
            function(*args)

        return raising

    return tuple(
        replace(s, function=wrap(s.function)) if s.name == stage else s for s in pipeline.STAGES
    )


@pytest.mark.model
@pytest.mark.issue(19)
@pytest.mark.parametrize(
    ("stage", "error"),
    [
        ("structure", RecursionError("maximum recursion depth exceeded")),
        ("parse", MemoryError()),
        ("actors", KeyError("x")),
        ("verbs", IndexError("tuple index out of range")),
        ("time", OverflowError("date value out of range")),
        ("code", UnicodeEncodeError("utf-8", "\udcff", 0, 1, "surrogates not allowed")),
    ],
)
def test_run_a_document_failing_in_any_stage_is_rejected_and_the_rest_coded(
    resources: Resources, monkeypatch: pytest.MonkeyPatch, stage: str, error: Exception
) -> None:
    clean = [
        (i.document.doc_id, [e.event_id for e in i.events])
        for i in code_stream(documents(), resources)
        if isinstance(i, Coded)
    ]
    monkeypatch.setattr(pipeline, "STAGES", _failing(stage, error))
    items = list(code_stream(documents(), resources))
    assert [type(i).__name__ for i in items] == ["Coded", "Rejection", "Coded"]
    rejected = items[1]
    assert isinstance(rejected, Rejection)
    assert (rejected.stage, rejected.path, rejected.line, rejected.doc_id) == (
        stage,
        "corpus.jsonl",
        2,
        "d1",
    )
    assert type(error).__name__ in rejected.reason
    coded = [
        (i.document.doc_id, [e.event_id for e in i.events]) for i in items if isinstance(i, Coded)
    ]
    assert coded == [clean[0], clean[2]]  # the others are coded as in a clean run


@pytest.mark.model
def test_run_passes_reader_rejections_through_as_read(resources: Resources) -> None:
    bad = Rejection("corpus.jsonl", "truncated JSON", "read", 2)
    first, *rest = documents()
    items = list(code_stream([first, bad, *rest], resources))
    # a rejection comes out as soon as it is read, before the batch it arrived in is coded
    assert items[0] == bad
    assert [i.document.doc_id for i in items[1:] if isinstance(i, Coded)] == ["d0", "d1", "d2"]


@pytest.mark.model
def test_run_yields_structure_warnings_with_their_document(resources: Resources) -> None:
    # a comment thread whose stamps cannot be read gives a warning, and is still coded
    path = FIXTURES / "blogs" / "bad_stamps.txt"
    (document,) = read_documents([path], load_config())
    assert isinstance(document, Document)
    coded, rejections = code_documents([document], resources)
    assert [c.document.doc_id for c in coded] == [document.doc_id]
    assert list(coded[0].warnings) == rejections
    assert [r.stage for r in rejections] == ["structure-warning"]


@pytest.mark.model
def test_run_applies_date_default_to_undated_documents(resources: Resources) -> None:
    document = Document("u", "Iraq attacked Iran.", "u.txt")
    (item,) = code_stream([document], resources, defaults=RunDefaults(date="2011-03-04"))
    assert isinstance(item, Coded)
    assert item.document.date == "2011-03-04"
    assert item.events and {e.date.value for e in item.events} == {"2011-03-04"}


@pytest.mark.issue(19)
def test_run_eval_and_api_code_a_failing_document_as_nothing_found(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from dyad.errors import DyadError
    from dyad.evaluate.scoring import make_code_batch
    from dyad.serve.api import _Coder

    monkeypatch.setattr(pipeline, "STAGES", _failing("structure", OverflowError("year 10000")))
    code_batch = make_code_batch(load_config(), tmp_path)
    # one answer per record, in order; the failing one found nothing (the rest: no model
    # is needed, as no sentence of these texts names a dictionary actor and a verb)
    assert code_batch("petrarch2-gsr", [("Nothing here.", None), ("Russia x.", None)]) == [[], []]
    with pytest.raises(DyadError, match="stage structure: OverflowError"):
        _Coder().code("Russia accused Ukraine.", None, None)  # a 4xx in the API, never a 500


@pytest.mark.model
def test_run_a_document_coded_twice_reads_the_same(resources: Resources) -> None:
    # Coder v2 remembers the story's actors from sentence to sentence; the memory is the
    # reading's, so a second reading of the same document (a retried batch, the API given
    # the same text again) does not take the first for its earlier sentences
    text = "Iraq attacked Iran on Tuesday. Iran said its forces shelled Iraqi positions."
    document = Document("same", text, "corpus.jsonl", line=1, date="2008-08-20")

    def read() -> list[tuple[str, float | None]]:
        items = list(code_stream([document], resources))
        return [(e.event_id, e.confidence) for i in items if isinstance(i, Coded) for e in i.events]

    first = read()
    assert first and read() == first
