"""End-to-end tests that run the real spaCy model (marked `model`).

They assert properties of real output — spans point into the text, codes exist in the
CAMEO table, events validate against the contract — plus the coder's answers on the
Iraq-Iran fixture sentences that the dictionaries can resolve.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from dyad.coder import pipeline
from dyad.coder.pipeline import STAGES, Resources, Stage, StageTimes, check_stages, code_documents
from dyad.config import load_config
from dyad.dictionaries import cameo
from dyad.records import Document, Event

FIXTURES = Path(__file__).parents[1] / "fixtures"
CONTRACT = Path(__file__).resolve().parents[3] / "shared" / "contracts" / "event.schema.json"
pytestmark = pytest.mark.model


# the rule coder alone, as it was tuned: Coder v2 ranks its events (tests/learn)
RULES_ONLY = ("coder.learned=false", "coder.require_dyad=true")


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources.load(load_config(overrides=RULES_ONLY))


def code_text(resources: Resources, text: str, date: str | None = "2008-08-20") -> list[Event]:
    document = Document("t", text, "test", date=date, perspective="USA")
    return [e for _doc, events in code_documents([document], resources) for e in events]


def triples(events: list[Event]) -> set[tuple[str, str | None, str]]:
    return {(e.source.code, e.target.code if e.target else None, e.cameo[:2]) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prime Minister Maliki visited Iran in August.", ("IRQGOV", "IRN", "04")),
        ("Maliki visited Iran in August and met Khamenei.", ("IRQGOV", "IRNGOV", "04")),
        ("Iraqi troops attacked Mahdi Army fighters in Basra.", ("IRQMIL", "IRQREB", "19")),
        ("The Maliki government is attacking the remnants of the Mahdi Army in Basra.",
         ("IRQGOV", "IRQREB", "19")),
        ("Iran and Syria condemned Israel.", ("SYR", "ISR", "11")),
        ("Iran and Syria condemned Israel.", ("IRN", "ISR", "11")),
        ("The United States accused Iran of arming Shiite militias.", ("USA", "IRN", "11")),
        ("The embassy was attacked by Iraqi insurgents.", ("IRQREB", "---GOV", "19")),
        ("The weather was pleasant in Basra.", None),
    ],
)  # fmt: skip
def test_pipeline_codes_fixture_sentences(
    resources: Resources, text: str, expected: tuple[str, str, str] | None
) -> None:
    found = triples(code_text(resources, text))
    if expected is None:
        assert found == set()
    else:
        assert expected in found


def test_pipeline_reverse_code_for_visits(resources: Resources) -> None:
    found = triples(code_text(resources, "Prime Minister Maliki visited Iran in August."))
    assert ("IRN", "IRQGOV", "04") in found


def test_pipeline_role_depends_on_date(resources: Resources) -> None:
    text = "Maliki met Khamenei."
    in_office = {e.source.code for e in code_text(resources, text, "2008-08-20")}
    undated = {e.source.code for e in code_text(resources, text, None)}
    assert in_office == {"IRQGOV"}
    assert undated == {"IRQELI"}


def test_pipeline_undated_document_gives_null_date(resources: Resources) -> None:
    events = code_text(resources, "Iraqi troops attacked Mahdi Army fighters.", None)
    assert events and all(e.date.value is None and e.date.precision == "none" for e in events)


@pytest.mark.parametrize(
    ("text", "factuality"),
    [
        ("Iraqi troops attacked Mahdi Army fighters.", "asserted"),
        ("Iraqi troops did not attack Mahdi Army fighters.", "negated"),
        ("Iraqi troops may attack Mahdi Army fighters.", "speculative"),
        ("If Iraqi troops attack Mahdi Army fighters, Iran will protest.", "hypothetical"),
        ("Did Iraqi troops attack Mahdi Army fighters?", "question"),
        ("Iraqi troops attacked Mahdi Army fighters, the U.S. military said.", "reported"),
    ],
)
def test_pipeline_factuality(resources: Resources, text: str, factuality: str) -> None:
    attacks = [e for e in code_text(resources, text) if e.cameo.startswith("19")]
    assert attacks and attacks[0].factuality == factuality


def test_pipeline_reported_event_names_reporter(resources: Resources) -> None:
    text = "Iraqi troops attacked Mahdi Army fighters, the U.S. military said."
    attack = next(e for e in code_text(resources, text) if e.cameo.startswith("19"))
    assert attack.attributed_to is not None
    assert attack.attributed_to.code == "USAMIL"


def test_pipeline_events_validate_against_contract(resources: Resources) -> None:
    if not CONTRACT.exists():
        pytest.skip(f"event contract not found at {CONTRACT}")
    schema = json.loads(CONTRACT.read_text())
    text = (FIXTURES / "iraq_news_2008.txt").read_text()
    events = code_text(resources, text)
    assert len(events) >= 5
    for event in events:
        jsonschema.validate(event.to_dict(), schema)


def test_pipeline_spans_point_into_the_document(resources: Resources) -> None:
    text = (FIXTURES / "iraq_news_2008.txt").read_text()
    for event in code_text(resources, text):
        assert text[event.char_start : event.char_end] == event.sentence
        assert event.source.text.split()[0] in event.sentence
        assert cameo.describe(event.cameo) is not None


def test_pipeline_event_ids_are_stable(resources: Resources) -> None:
    text = (FIXTURES / "iraq_news_2008.txt").read_text()
    first = [e.event_id for e in code_text(resources, text)]
    second = [e.event_id for e in code_text(resources, text)]
    assert first == second
    assert len(set(first)) == len(first)


def test_pipeline_prefilter_loses_no_event_on_fixture(resources: Resources) -> None:
    text = (FIXTURES / "iraq_news_2008.txt").read_text()
    document = Document("t", text, "test", date="2008-08-20")
    with_filter = [e.event_id for _d, es in code_documents([document], resources) for e in es]
    without = [
        e.event_id
        for _d, es in code_documents([document], resources, use_prefilter=False)
        for e in es
    ]
    assert with_filter == without


@pytest.mark.issue(7)
@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        # "he" is Khamenei: the sentence is parsed and coded
        ("Khamenei spoke in Tehran on Friday. He then condemned Israel.", 2),
        # the weather names nobody, so the coder has no one for "he": nothing to parse
        ("The weather was fine on Friday. He then condemned Israel.", 0),
        # "they" needs a group named just before: Hamas, not the police
        ("Hamas met in Gaza on Friday. They then condemned Israel.", 2),
        ("The police met on Friday. They then condemned Israel.", 0),
    ],
)
def test_pipeline_parses_a_pronoun_sentence_only_after_an_antecedent(
    resources: Resources, text: str, parsed: int
) -> None:
    document = Document("t", text, "test", date="2008-08-20")
    times = StageTimes()
    events = [e for _d, es in code_documents([document], resources, times=times) for e in es]
    assert times.parsed == parsed
    unfiltered = code_documents([document], resources, use_prefilter=False)
    assert [e.event_id for e in events] == [e.event_id for _d, es in unfiltered for e in es]


def test_pipeline_stage_table_is_consistent() -> None:
    check_stages(STAGES)
    broken = (Stage("a", print, ("missing",), ("x",)),)
    with pytest.raises(ValueError, match="missing"):
        check_stages(broken)
    # a document stage runs before every sentence stage of its document: it cannot follow one
    late = (Stage("a", print, (), ("x",)), Stage("b", print, ("x",), ("y",), "document"))
    with pytest.raises(ValueError, match="follows a later loop"):
        check_stages(late)


def test_pipeline_runs_exactly_the_stage_table(
    resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loops call the functions of STAGES, in the table's order, and nothing else."""
    calls: list[str] = []

    def recorded(stage: Stage) -> Stage:
        def function(*args: object) -> None:
            calls.append(stage.name)
            stage.function(*args)

        return dataclasses.replace(stage, function=function)

    monkeypatch.setattr(pipeline, "STAGES", tuple(recorded(s) for s in STAGES))
    document = Document("t", "Iraq attacked Iran on Tuesday.", "test", date="2008-08-20")
    ((_document, events),) = pipeline.code_batch([document], resources)
    assert events  # the sentence was parsed and coded, so every stage ran
    assert calls == [s.name for s in STAGES]


def test_pipeline_stages_command_prints_the_table() -> None:
    from click.testing import CliRunner

    from dyad.cli import cli

    lines = CliRunner().invoke(cli, ["stages"]).output.splitlines()
    assert [line.split()[:2] for line in lines] == [[s.name, s.entry] for s in STAGES]


def _mentions_found(
    resources: Resources, text: str, date: str
) -> tuple[pipeline.DocumentContext, list[pipeline.SentenceWork]]:
    """Run the batch stages and the document stage that finds mentions on one document."""
    document = Document("t", text, "test", date=date)
    batch = pipeline.Batch([document], resources, StageTimes(), False)
    for stage in STAGES:
        if stage.scope == "batch":
            stage.function(batch)
    works = [pipeline.SentenceWork(sentence, True) for sentence in batch.parsed]
    context = pipeline.DocumentContext.start(document, resources)
    pipeline.find_mentions(context, works)
    return context, works


def test_pipeline_home_country_is_known_to_the_first_sentences(resources: Resources) -> None:
    # the headline names no country; the story names Iran after it, in two sentences
    text = "Court blocks the order\n\nIran's president criticised the court. Iran appealed."
    context, works = _mentions_found(resources, text, "2008-08-20")
    assert works[0].sentence.text == "Court blocks the order"
    assert context.home == "IRN" and context.home_sentences == 2
    context.note_countries(works[0].named)
    assert context.country is None  # nothing before the headline
    assert context.sentence_country(works[0].sentence, works[0].named) == "IRN"


def test_pipeline_reads_georgia_in_a_us_story_as_the_state(resources: Resources) -> None:
    # the document stage (`mentions.us_states`) sees every sentence before any is coded
    text = "Trump pardoned Stanton. Stanton was convicted in the Northern District of Georgia."
    _, works = _mentions_found(resources, text, "2020-02-21")
    named = {m.actor.text: m.actor.code for work in works for m in work.named}
    assert named["Georgia"] == "USA"


def test_pipeline_possessor_alone_is_not_the_actor(resources: Resources) -> None:
    found = triples(code_text(resources, "Iran attacked Iraq's neighbors."))
    assert not any(target == "IRQ" for _source, target, _root in found)
    found = triples(code_text(resources, "Iran attacked Iraq's army."))
    assert ("IRN", "IRQMIL", "19") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran and Syria met on Tuesday.", {("IRN", "SYR", "04"), ("SYR", "IRN", "04")}),
        ("Iran and Syria commented on Tuesday.", set()),
    ],
)
def test_pipeline_conjoined_subjects_act_on_each_other_only_when_mutual(
    resources: Resources, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(code_text(resources, text)) == expected
