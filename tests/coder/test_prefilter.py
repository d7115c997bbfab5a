"""Tests for dyad.coder.prefilter: sentences skipped before parsing (shipped dictionaries)."""

from __future__ import annotations

import pytest

from dyad.coder.prefilter import CONTEXT, PARSE, SKIP, Prefilter, inflections, readable_pronouns
from dyad.dictionaries.loader import load_actor_dictionary, load_verb_dictionary


@pytest.fixture(scope="module")
def prefilter() -> Prefilter:
    return Prefilter.build(load_actor_dictionary()[0], load_verb_dictionary()[0])


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("Iraq attacked Iran.", True),
        ("Maliki visited Tehran.", True),
        ("Iraqi troops attacked a checkpoint.", True),
        ("Ahmadi-Nezhad condemned Israel.", True),  # actor found by its skeleton
        ("The cat sat quietly on the mat.", False),  # no actor
        ("The storm battered the coast yesterday.", False),
        ("The people of Baghdad.", False),  # actor, but no dictionary verb
        ("Sunny skies over Baghdad.", False),
        ("", False),
    ],
)
def test_prefilter_could_hold_event(prefilter: Prefilter, text: str, keep: bool) -> None:
    assert prefilter.could_hold_event(text) is keep


def test_prefilter_keep_one_decision_per_text(prefilter: Prefilter) -> None:
    texts = ["Iraq attacked Iran.", "The cat sat quietly on the mat.", "Weather in Baghdad."]
    assert prefilter.keep(texts) == [True, False, False]


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("STOP", {"STOP", "STOPS", "STOPPED", "STOPPING"}),
        ("CARRY", {"CARRIES", "CARRIED", "CARRYING"}),
        ("VISIT", {"VISITS", "VISITED", "VISITING"}),
        ("ACCUSE", {"ACCUSES", "ACCUSED", "ACCUSING"}),
        ("FIX", {"FIXES", "FIXED", "FIXING"}),
    ],
)
def test_prefilter_inflections_include(lemma: str, forms: set[str]) -> None:
    assert forms <= inflections(lemma)


@pytest.mark.parametrize(
    ("lemma", "form"),
    [("FIX", "FIXXED"), ("STAY", "STAYYED"), ("STAY", "STAIED")],
)
def test_prefilter_inflections_exclude(lemma: str, form: str) -> None:
    assert form not in inflections(lemma)


@pytest.mark.parametrize("form", ["ATTACKED", "VISITED", "MET", "CONDEMNS"])
def test_prefilter_build_collects_verb_forms(prefilter: Prefilter, form: str) -> None:
    assert form in prefilter.verb_forms


@pytest.mark.issue(7)
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Iraq attacked Iran.", PARSE),
        ("Iran's ministers met Syria's president.", PARSE),  # possessives
        ("Iraq attacked a checkpoint.", CONTEXT),  # one actor: no dyad, but context
        ("The people of Baghdad.", CONTEXT),  # an actor, no verb
        ("We condemned Israel.", CONTEXT),  # "we" is nobody without the author's side
        ("The cat sat quietly on the mat.", SKIP),
        # a verb form inside a name is no verb: "United", "States"
        ("The United States and Great Britain in 1812.", CONTEXT),
        # nor one capitalised inside a sentence that is not a headline
        ("Officials from Iran and Syria at the Attack Memorial.", CONTEXT),
        ("Iran Attacks Syria Over Border Row", PARSE),
        ('Iran said: "Attack Israel."', PARSE),
        # MAKE codes only through its patterns ("make a visit"), none of which fits a cake
        ("Iran made a cake for Iraq.", CONTEXT),
        ("Iran made a visit to Iraq.", PARSE),
        # a name of several words is one actor, however many of its words start one
        ("The government said so.", CONTEXT),
        # "us" is no abbreviation of the United States; "CNN's" is CNN
        ("Iran told us.", CONTEXT),
        ("Iran told the US.", PARSE),
        ("Iran told CNN's reporter.", PARSE),
    ],
)
def test_prefilter_triage(prefilter: Prefilter, text: str, verdict: int) -> None:
    assert prefilter.triage(text) == verdict


@pytest.mark.issue(7)
@pytest.mark.parametrize(
    ("text", "perspective", "after_actor", "after_group", "verdict"),
    [
        ("We condemned Israel.", True, False, False, PARSE),
        ("Iran told us.", True, False, False, PARSE),
        ("He met Iran.", False, False, False, CONTEXT),  # nobody named before: no "he"
        ("He met Iran.", False, True, False, PARSE),
        ("They attacked Iran.", False, True, False, CONTEXT),  # no group named before
        ("They attacked Iran.", False, True, True, PARSE),
        ("He left.", False, False, False, CONTEXT),  # kept: the coder's antecedents go on
    ],
)
def test_prefilter_reads_pronouns_only_where_they_can_stand_for_someone(
    prefilter: Prefilter,
    text: str,
    perspective: bool,
    after_actor: bool,
    after_group: bool,
    verdict: int,
) -> None:
    pronouns = readable_pronouns(perspective, after_actor, after_group)
    assert prefilter.read(text, pronouns)[0] == verdict


@pytest.mark.issue(7)
@pytest.mark.parametrize(
    ("text", "group"),
    [("Hezbollah fired rockets.", True), ("The police left.", False), ("He met Iran.", True)],
)
def test_prefilter_says_whether_a_group_was_named(
    prefilter: Prefilter, text: str, group: bool
) -> None:
    pronouns = readable_pronouns(False, True, True)
    assert prefilter.read(text, pronouns)[1] is group


@pytest.mark.issue(7)
def test_prefilter_one_actor_is_enough_without_require_dyad() -> None:
    single = Prefilter.build(load_actor_dictionary()[0], load_verb_dictionary()[0], min_actors=1)
    assert single.triage("Iraq attacked a checkpoint.") == PARSE


@pytest.mark.issue(7)
def test_prefilter_phrase_walk_needs_the_whole_phrase(prefilter: Prefilter) -> None:
    phrases = set(prefilter.actors.actors) | set(prefilter.actors.agents)
    phrase = next(
        key
        for key in sorted(phrases)
        if len(key) >= 3 and key[:1] not in phrases and key[:2] not in phrases
    )
    assert prefilter._phrase_at([*phrase, "LATER"], 0)
    assert prefilter._phrase_at(["EARLIER", *phrase], 1)
    assert not prefilter._phrase_at([*phrase[:2], "QQQZ"], 0)


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Maliki Returns From Tehran As Basra Fighting Goes On",
         "Maliki returns from Tehran as Basra fighting goes on"),
        ("Iraqi Troops Attack Mahdi Army Fighters In Basra",
         "Iraqi Troops attack Mahdi Army Fighters in Basra"),
        # a headline in sentence case, and an all-capitals acronym, stay as written
        ("Did Iran just decide to stop arming the militias?",
         "Did Iran just decide to stop arming the militias?"),
        ("NATO Says It Will Stay", "NATO says it will stay"),
        # ALL CAPS wire headlines: sentence case, dictionary names capitalised, short
        # names of organisations and two-letter capitals kept
        ("THATCHER SAYS TRADE TARGETS SET WITH MOSCOW",
         "Thatcher says trade targets set with Moscow"),
        ("EC MINISTERS CONDEMN SOVIET INVASION OF AFGHANISTAN",
         "EC ministers condemn Soviet invasion of Afghanistan"),
        ("IRAN SAYS IT REPULSED IRAQI ATTACK", "Iran says it repulsed Iraqi attack"),
        ("UK TO SELL ARMS TO CHAD", "UK to sell arms to Chad"),
        ("U.S., JAPAN CHIP TALKS TO START", "U.S., Japan chip talks to start"),
        # a role phrase is words, not a name
        ("PRIME MINISTER MEETS ARAFAT", "Prime minister meets Arafat"),
        ("JAPAN PRIME MINISTER MEETS ARAFAT", "Japan prime minister meets Arafat"),
    ],
)  # fmt: skip
def test_headline_case_lowers_verbs_and_small_words(
    prefilter: Prefilter, headline: str, expected: str
) -> None:
    recased = prefilter.headline_case(headline)
    assert recased == expected
    assert len(recased) == len(headline)
