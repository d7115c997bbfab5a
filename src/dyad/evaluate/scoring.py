"""Build the coder callback `dyad eval` scores: the real pipeline, per-suite dictionaries.

Kept apart from `evaluate` so that module stays free of parsing and can be tested with
a fake coder; this one is the thin bridge from a suite's texts to `run.code_stream`, and
`score_suites` runs the suites `dyad eval` names.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from dyad.coder.resources import Resources
from dyad.config import Config
from dyad.evaluate import isaf as evaluate_isaf
from dyad.evaluate import realtext as evaluate_realtext
from dyad.evaluate import realtext_report
from dyad.evaluate.scores import SUITES, CodeBatch, Found, SuiteScore, evaluate, suite_dictionaries
from dyad.records import Document, Event
from dyad.run import Coded, code_stream


def make_code_batch(config: Config, data_dir: Path, *, prefilter: bool = True) -> CodeBatch:
    """Return a CodeBatch that codes each suite with the dictionaries it requires."""
    cache: dict[str, Resources] = {}

    def resources_for(suite: str) -> Resources:
        files = suite_dictionaries(suite, data_dir)
        key = "default" if files is None else suite
        if key not in cache:
            if files is None:
                cache[key] = Resources.load(config)
            else:
                cache[key] = Resources.load(
                    config,
                    actor_files=files.get("actors"),
                    agent_files=files.get("agents"),
                    verb_files=files.get("verbs"),
                )
        return cache[key]

    def code_batch(suite: str, items: Sequence[tuple[str, str | None]]) -> list[list[Found]]:
        resources = resources_for(suite)
        documents = [
            Document(f"{suite}-{number}", text, suite, date=date)
            for number, (text, date) in enumerate(items)
        ]
        found: list[list[Found]] = []
        # one item per document, in order: a document that failed to code found nothing
        for item in code_stream(documents, resources, use_prefilter=prefilter):
            events = item.events if isinstance(item, Coded) else []
            found.append(
                [(e.source.code, e.target.code if e.target else None, e.cameo) for e in events]
            )
        return found

    return code_batch


def score_suites(
    suites: Sequence[str], config: Config, data_dir: Path, *, prefilter: bool = True
) -> tuple[list[SuiteScore], evaluate_isaf.IsafScore | None]:
    """Score the coder on the event suites in `suites` and, if named, on the ISAF suite.

    Args:
        suites: Suite names; empty means every event suite and ISAF.
        config: Settings for coding.
        data_dir: The shared data folder holding the suites.
        prefilter: False parses every sentence (to check recall).

    Returns:
        The event suites' scores, in order, and the ISAF score (None when not named).
    """
    names = list(suites) or [*SUITES, evaluate_isaf.SUITE]
    isaf = None
    if evaluate_isaf.SUITE in names:  # scores dates and places, not events: its own module
        names.remove(evaluate_isaf.SUITE)
        isaf = evaluate_isaf.evaluate_isaf(data_dir, Resources.load(config))
    scores = evaluate(names, make_code_batch(config, data_dir, prefilter=prefilter), data_dir)
    return scores, isaf


def realtext_coder(resources: Resources) -> evaluate_realtext.CodeDocuments:
    """Return the callback that codes the real-text gold's documents with `resources`."""

    def code(documents: Sequence[Document]) -> Iterator[tuple[Document, list[Event]]]:
        by_id = {document.doc_id: document for document in documents}
        for item in code_stream(documents, resources):
            if isinstance(item, Coded):
                yield item.document, item.events
            elif item.doc_id in by_id:
                yield by_id[item.doc_id], []  # it failed to code: its gold events are missed

    return code


def score_realtext(
    splits: Sequence[str],
    config: Config,
    data_dir: Path,
    as_json: bool,
    show_errors: bool,
    thresholds: Sequence[float] = (),
) -> str:
    """Code the real-text gold's splits with the shipped dictionaries; return the report.

    With `thresholds`, the documents are coded once at the lowest of them and the
    configured threshold, and scored at each (the main figures stay the configured one's).
    """
    configured = config.coder.min_confidence
    lowest = min([configured, *thresholds])
    coder = dataclasses.replace(config.coder, min_confidence=lowest)
    code = realtext_coder(Resources.load(dataclasses.replace(config, coder=coder)))
    scores = evaluate_realtext.evaluate_realtext(
        splits, code, data_dir, thresholds=thresholds, keep_from=configured
    )
    agreed = evaluate_realtext.agreement()
    if as_json:
        return json.dumps(realtext_report.to_json(scores, agreed), indent=2)
    return realtext_report.format_realtext(scores, agreed, show_errors=show_errors)
