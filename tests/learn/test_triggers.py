"""The trigger model's features on hand-built parses, and its training on a toy gold.

Parses are built by hand (`parses.make_sentence`) so these do not move with the parser.
"""

from __future__ import annotations

import numpy as np
import pytest

from dyad.dictionaries.entries import VerbDictionary
from dyad.learn.triggers import (
    NONE,
    LabelledSentence,
    actor_side,
    mention_side,
    train_trigger_model,
    trigger_features,
    trigger_probabilities,
)
from dyad.records import Actor, Mention, Sentence
from parses import make_sentence


def _strike() -> tuple[Sentence, list[Mention]]:
    """ "Israel launched an air strike on Gaza ." """
    sentence = make_sentence(
        "Israel launched an air strike on Gaza .",
        [1, 1, 4, 4, 1, 4, 5, 1],
        "nsubj ROOT det compound dobj prep pobj punct",
        lemmas="israel launch an air strike on gaza .",
        tags="NNP VBD DT NN NN IN NNP .",
        pos="PROPN VERB DET NOUN NOUN ADP PROPN PUNCT",
    )
    mentions = [Mention(0, 0, Actor("Israel", "ISR"), "actor")]
    mentions.append(Mention(6, 6, Actor("Gaza", "PSE"), "actor"))
    return sentence, mentions


def _reported() -> tuple[Sentence, list[Mention]]:
    """ "Iran said it would not attack Iraq ." """
    sentence = make_sentence(
        "Iran said it would not attack Iraq .",
        [1, 1, 5, 5, 5, 1, 5, 1],
        "nsubj ROOT nsubj aux neg ccomp dobj punct",
        lemmas="iran say it would not attack iraq .",
        tags="NNP VBD PRP MD RB VB NNP .",
        pos="PROPN VERB PRON AUX PART VERB PROPN PUNCT",
    )
    mentions = [Mention(0, 0, Actor("Iran", "IRN"), "actor")]
    mentions.append(Mention(6, 6, Actor("Iraq", "IRQ"), "actor"))
    return sentence, mentions


def _encouraged() -> tuple[Sentence, list[Mention]]:
    """ "Callamard encouraged the CIA to release the files ." """
    sentence = make_sentence(
        "Callamard encouraged the CIA to release the files .",
        [1, 1, 3, 1, 5, 1, 7, 5, 1],
        "nsubj ROOT det dobj aux xcomp det dobj punct",
        lemmas="callamard encourage the cia to release the file .",
        tags="NNP VBD DT NNP TO VB DT NNS .",
        pos="PROPN VERB DET PROPN PART VERB DET NOUN PUNCT",
    )
    return sentence, [Mention(3, 3, Actor("CIA", "USASPY"), "actor")]


def _retaliate(mark: str) -> tuple[Sentence, list[Mention]]:
    """ "Britain would retaliate if Japan did not move ." (or "... when Japan ...")"""
    sentence = make_sentence(
        f"Britain would retaliate {mark} Japan did not move .",
        [2, 2, 2, 7, 7, 7, 7, 2, 2],
        "nsubj aux ROOT mark nsubj aux neg advcl punct",
        lemmas=f"britain would retaliate {mark} japan do not move .",
        tags="NNP MD VB IN NNP VBD RB VB .",
        pos="PROPN AUX VERB SCONJ PROPN AUX PART VERB PUNCT",
    )
    mentions = [Mention(0, 0, Actor("Britain", "GBR"), "actor")]
    mentions.append(Mention(4, 4, Actor("Japan", "JPN"), "actor"))
    return sentence, mentions


def test_an_act_hung_on_a_condition_is_marked() -> None:
    sentence, mentions = _retaliate("if")
    names = {name for name, _ in trigger_features(sentence, 2, mentions, VerbDictionary())}
    assert {"conditional", "lemma|conditional=retaliate"} <= names
    # a clause of time is no condition
    sentence, mentions = _retaliate("when")
    names = {name for name, _ in trigger_features(sentence, 2, mentions, VerbDictionary())}
    assert "conditional" not in names


@pytest.mark.parametrize(
    ("build", "i", "expected"),
    [
        # someone asked to act: an appeal or demand, not praise
        (_encouraged, 1, "object_to_act"),
        (_encouraged, 1, "lemma|object_to_act=encourage"),
        (_encouraged, 1, "lemma|child=encourage|xcomp"),
        (_reported, 1, "lemma|child=say|ccomp"),
        (_strike, 4, "compound=air"),
        (_strike, 4, "lemma|compound=strike|air"),
        (_strike, 4, "prep|pobj=on|gaza"),
        (_strike, 4, "prep_arg=on|actor"),
        (_strike, 4, "head=launch"),
        (_strike, 4, "prev=air"),
        (_strike, 1, "obj=strike"),
        (_strike, 1, "arg=nsubj|actor"),
        (_reported, 5, "under_speech=ccomp"),
        (_reported, 5, "lemma|under_speech=attack"),
        (_reported, 5, "negated"),
        (_reported, 5, "modal=would"),
        (_reported, 5, "arg=dobj|actor"),
        (_reported, 1, "speech"),
    ],
)
def test_trigger_features_describe_the_context(build, i: int, expected: str) -> None:
    sentence, mentions = build()
    assert (expected, 1.0) in trigger_features(sentence, i, mentions, VerbDictionary())


def test_trigger_features_ask_for_an_object_and_a_clause_both() -> None:
    # "Iran said it would not attack Iraq": a clause but no object; no one is asked to act
    sentence, mentions = _reported()
    names = {name for name, _ in trigger_features(sentence, 1, mentions, VerbDictionary())}
    assert "object_to_act" not in names


def test_trigger_features_mark_speech_only_under_a_speech_verb() -> None:
    sentence, mentions = _strike()
    names = {name for name, _ in trigger_features(sentence, 4, mentions, VerbDictionary())}
    assert not {n for n in names if n.startswith("under_speech")} and "speech" not in names


def _attacked(subject: Actor) -> tuple[Sentence, list[Mention]]:
    """ "<subject> attacked opposition positions ." """
    sentence = make_sentence(
        "Troops attacked opposition positions .",
        [1, 1, 3, 1, 1],
        "nsubj ROOT compound dobj punct",
        lemmas="troop attack opposition position .",
        tags="NNS VBD NN NNS .",
        pos="NOUN VERB NOUN NOUN PUNCT",
    )
    return sentence, [Mention(0, 0, subject, "agent")]


@pytest.mark.parametrize(
    ("code", "side"),
    [("MIL", "armed"), ("AFGREB", "armed"), ("IGOWSTNATMIL", "armed"), ("USACOP", "police"),
     ("RUSGOV", "other"), ("IRN", "other"), ("NGOHRIAMN", "other")],
)  # fmt: skip
def test_actor_side_tells_armed_parties_from_others(code: str, side: str) -> None:
    assert actor_side(code) == side


@pytest.mark.parametrize(
    ("code", "rule", "side"),
    [("IRN", "actor", "state"), ("IRN", "anaphora", "state"), ("GOV", "agent", "other"),
     ("MIL", "agent", "armed"), ("IGO", "actor", "other"), ("IRNMIL", "actor", "armed"),
     ("RUSGOV", "actor", "other"), ("MED", "actor", "other")],
)  # fmt: skip
def test_a_bare_state_is_a_side_of_its_own(code: str, rule: str, side: str) -> None:
    # "Iran attacked Iraq": a state may fight or speak; an agent's role code is no state
    assert mention_side(Mention(0, 0, Actor("x", code), rule)) == side


def test_an_armed_subject_and_a_military_object_mark_an_armed_act() -> None:
    # "attacked" by troops on positions is fighting (19); by a minister, criticism (111)
    sentence, mentions = _attacked(Actor("Troops", "MIL"))
    names = {name for name, _ in trigger_features(sentence, 1, mentions, VerbDictionary())}
    assert {"side=nsubj|armed", "lemma|side=attack|nsubj|armed", "armed_sentence"} <= names
    assert {"asset_obj", "lemma|asset_obj=attack"} <= names
    sentence, mentions = _attacked(Actor("Minister", "GOV"))
    names = {name for name, _ in trigger_features(sentence, 1, mentions, VerbDictionary())}
    assert "side=nsubj|other" in names and "armed_sentence" not in names


def _toy_gold() -> list[LabelledSentence]:
    strike, strike_mentions = _strike()
    reported, reported_mentions = _reported()
    return [
        LabelledSentence(strike, strike_mentions, ((4, "19", "195"),)),
        LabelledSentence(reported, reported_mentions, ((5, "13", "138"),)),
    ] * 3


def test_train_trigger_model_is_deterministic_and_learns_the_gold() -> None:
    gold, verbs = _toy_gold(), VerbDictionary()
    first, lexicon = train_trigger_model(gold, verbs)
    second, _ = train_trigger_model(gold, verbs)
    assert np.array_equal(first.weights, second.weights) and first.index == second.index
    assert lexicon == {"strike", "attack"}
    sentence, mentions = _strike()
    probs = trigger_probabilities(sentence, mentions, verbs, first, lexicon)
    assert set(probs) == {4}  # only lexicon words (the dictionary is empty here)
    assert max(probs[4], key=probs[4].__getitem__) == "19"
    assert probs[4][NONE] < 0.5
