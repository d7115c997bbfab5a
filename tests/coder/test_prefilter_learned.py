"""Tests for the pre-filter with Coder v2's trigger lexicon (`Prefilter.build(triggers=...)`).

Coder v2 codes events the rule coder cannot: triggers the verb dictionary lacks ("shout",
"detain"), sources read as `---` in an agentless passive, "I" as the author's side. A
sentence that could hold such an event is parsed; one with nothing plausible still skips.
"""

from __future__ import annotations

import pytest

from dyad.coder.prefilter import CONTEXT, PARSE, SKIP, Prefilter
from dyad.coder.resources import Resources
from dyad.config import load_config
from dyad.dictionaries.loader import load_actor_dictionary, load_verb_dictionary

TRIGGERS = frozenset({"shout", "detain", "seize", "clash", "be", "have", "troop", "people"})


@pytest.fixture(scope="module")
def dictionaries() -> tuple:  # type: ignore[type-arg]
    return load_actor_dictionary()[0], load_verb_dictionary()[0]


@pytest.fixture(scope="module")
def rules(dictionaries: tuple) -> Prefilter:  # type: ignore[type-arg]
    return Prefilter.build(*dictionaries, min_actors=1)


@pytest.fixture(scope="module")
def learned(dictionaries: tuple) -> Prefilter:  # type: ignore[type-arg]
    return Prefilter.build(*dictionaries, min_actors=1, triggers=TRIGGERS)


@pytest.mark.parametrize(
    ("text", "before", "after"),
    [
        # a trigger the verb dictionary lacks, with an agent
        ("Lawmakers from the camp shouted at Lam.", CONTEXT, PARSE),
        # an agentless passive: the source is "---", no name is needed
        ("Several men were detained in the raid.", SKIP, PARSE),
        ("Multiple grenades were seized during the operation.", SKIP, PARSE),
        ("The weapons were safely seized on site.", SKIP, PARSE),  # an adverb between
        # nothing plausible: no trigger, or no passive and no actor
        ("The cat sat quietly on the mat.", SKIP, SKIP),
        ("The weather was nice in the afternoon.", SKIP, SKIP),
        ("The men detained in the raid.", SKIP, SKIP),  # no auxiliary: no passive
        ("Several men were tired in the evening.", SKIP, SKIP),  # not a trigger
        # auxiliaries and actor words in the lexicon are no triggers on their own
        ("Iraq is a large country.", CONTEXT, CONTEXT),
        ("The troops of Iraq.", CONTEXT, CONTEXT),
    ],
)
def test_prefilter_learned_triggers_let_more_events_through(
    rules: Prefilter, learned: Prefilter, text: str, before: int, after: int
) -> None:
    assert rules.triage(text) == before
    assert learned.triage(text) == after


def test_prefilter_learned_passive_needs_one_actor_only(dictionaries: tuple) -> None:  # type: ignore[type-arg]
    dyad = Prefilter.build(*dictionaries, min_actors=2, triggers=TRIGGERS)
    assert dyad.triage("Several men were detained in the raid.") == SKIP


@pytest.mark.parametrize(
    ("perspective", "verdict"),
    [(True, PARSE), (False, SKIP)],
)
def test_prefilter_learned_reads_first_person_singular_on_the_authors_side(
    learned: Prefilter, rules: Prefilter, perspective: bool, verdict: int
) -> None:
    text = "I urge my colleagues to clash with the committee."
    assert learned.triage(text, perspective=perspective) == verdict
    assert rules.triage(text, perspective=perspective) == SKIP  # "I" is nobody to the rules


def test_prefilter_learned_headlines_lower_only_dictionary_verbs(learned: Prefilter) -> None:
    # "Shout" is a learned trigger, not a dictionary verb: the headline keeps its capital
    assert "SHOUT" not in learned.verb_forms
    assert learned.headline_case("Rebels Shout At Army Near Basra") == (
        "Rebels Shout at Army Near Basra"
    )


@pytest.mark.parametrize(
    ("overrides", "loosened"),
    [
        ((), True),  # Coder v2 on (the default)
        (("coder.learned=false", "coder.require_dyad=false"), True),  # as training records
        (("coder.learned=false", "coder.require_dyad=true"), False),  # the rule coder alone
    ],
)
def test_resources_build_the_learned_prefilter_when_coder2_codes_or_trains(
    overrides: tuple[str, ...], loosened: bool
) -> None:
    assert Resources.load(load_config(overrides=list(overrides))).prefilter.learned is loosened
