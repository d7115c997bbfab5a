"""Tests for dyad.coder.genders: "she" and "her" find the woman the document named."""

from __future__ import annotations

import pytest

from dyad.coder.anaphora import pronoun_mentions
from dyad.coder.genders import agreeing_person, men_named, person_key, women_named
from dyad.coder.mentions import find_mentions
from dyad.dictionaries.entries import ActorDictionary
from dyad.dictionaries.loader import load_actor_dictionary
from dyad.records import Actor, Mention
from parses import make_sentence

DAY = "2017-02-07"
LEYEN = Actor("von der Leyen", "DEUGOV", None, "DEU", "actor:LEYEN")
MATTIS = Actor("Jim Mattis", "USAGOV", None, "USA", "titled:MATTIS")


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()[0]


def test_her_own_possessive_shows_the_subject_is_a_woman(actors: ActorDictionary) -> None:
    # "Merkel met her counterpart ."
    met = make_sentence("Merkel met her counterpart .", [1, 1, 3, 1, 1],
                        "nsubj ROOT poss dobj punct", None, "NNP VBD PRP$ NN .",
                        "PROPN VERB PRON NOUN PUNCT")  # fmt: skip
    found = find_mentions(met, actors, on_date=DAY)
    women = women_named(met, found, actors)
    assert [w.code for w in women] == ["DEUGOV"]
    # "Merkel said they met her counterpart ." says nothing of her: that "her" is in a
    # clause of its own, and may be another woman's
    said = make_sentence("Merkel said they met her counterpart .", [1, 1, 3, 1, 5, 3, 1],
                         "nsubj ROOT nsubj ccomp poss dobj punct", None,
                         "NNP VBD PRP VBD PRP$ NN .",
                         "PROPN VERB PRON VERB PRON NOUN PUNCT")  # fmt: skip
    assert women_named(said, find_mentions(said, actors, on_date=DAY), actors) == []


def test_a_womans_title_shows_she_is_one(actors: ActorDictionary) -> None:
    # "Ms Grybauskaite spoke ." (a name the dictionary lacks, read from an apposition)
    spoke = make_sentence("Ms Grybauskaite spoke .", [1, 2, 2, 2], "compound nsubj ROOT punct",
                          None, "NNP NNP VBD .", "PROPN PROPN VERB PUNCT")  # fmt: skip
    her = Actor("Grybauskaite", "LTUGOV", None, "LTU", "titled:LTU")
    named = [Mention(1, 1, her, "appositive")]
    assert women_named(spoke, named, actors) == [her]
    # "Mr" is no evidence either way
    mister = make_sentence("Mr Grybauskaite spoke .", [1, 2, 2, 2], "compound nsubj ROOT punct",
                           None, "NNP NNP VBD .", "PROPN PROPN VERB PUNCT")  # fmt: skip
    assert women_named(mister, named, actors) == []


def test_she_is_the_last_woman_named_and_he_no_woman() -> None:
    women = {person_key(LEYEN)}
    recent = [LEYEN, MATTIS]
    assert agreeing_person(MATTIS, "Her", women, recent) is LEYEN
    assert agreeing_person(MATTIS, "his", women, recent) is MATTIS
    assert agreeing_person(LEYEN, "she", women, recent) is LEYEN
    # "he" after a woman: the last other person named, or no one
    assert agreeing_person(LEYEN, "He", women, recent) is MATTIS
    assert agreeing_person(LEYEN, "he", women, [LEYEN]) is None
    # no woman known: the anaphora rules' choice stands, whatever the pronoun
    assert agreeing_person(MATTIS, "her", set(), recent) is MATTIS
    assert agreeing_person(MATTIS, "her", women, [MATTIS]) is MATTIS


def test_her_visit_is_hers_not_the_man_named_last(actors: ActorDictionary) -> None:
    # "Von der Leyen is due to meet with her counterpart, Jim Mattis ... Her visit comes ..."
    visit = make_sentence("Her visit comes .", [1, 2, 2, 2], "poss nsubj ROOT punct", None,
                          "PRP$ NN VBZ .", "PRON NOUN VERB PUNCT")  # fmt: skip
    named = find_mentions(visit, actors, on_date=DAY)
    without = pronoun_mentions(visit, named, actors, MATTIS)
    assert [m.actor.code for m in without] == ["USAGOV"]
    women = {person_key(LEYEN)}
    found = pronoun_mentions(visit, named, actors, MATTIS, None, None, women, [LEYEN, MATTIS])
    assert [(m.actor.text, m.actor.code, m.rule) for m in found] == [("Her", "DEUGOV", "anaphora")]


def test_a_mans_title_shows_he_is_one(actors: ActorDictionary) -> None:
    # "Mr Kenny spoke ." (read as the surname of a person named before)
    kenny = Actor("Kenny", "IRLGOV", "Enda Kenny", None, "actor:KENNY")
    named = [Mention(1, 1, kenny, "named-before")]
    mister = make_sentence("Mr Kenny spoke .", [1, 2, 2, 2], "compound nsubj ROOT punct",
                           None, "NNP NNP VBD .", "PROPN PROPN VERB PUNCT")  # fmt: skip
    assert men_named(mister, named, actors) == [kenny]
    assert women_named(mister, named, actors) == []
    # "Ms" is no man's title, and no title is no evidence
    miss = make_sentence("Ms Kenny spoke .", [1, 2, 2, 2], "compound nsubj ROOT punct",
                         None, "NNP NNP VBD .", "PROPN PROPN VERB PUNCT")  # fmt: skip
    assert men_named(miss, named, actors) == []
    bare = make_sentence("Kenny spoke .", [1, 1, 1], "nsubj ROOT punct", None,
                         "NNP VBD .", "PROPN VERB PUNCT")  # fmt: skip
    assert men_named(bare, [Mention(0, 0, kenny, "named-before")], actors) == []


def test_she_is_never_a_man_the_document_showed_to_be_one() -> None:
    # "Mr Kenny said ... 'Her treatment is a disgrace'": no woman was named, and Kenny is a
    # man; before, "her" went to Kenny
    men = {person_key(MATTIS)}
    assert agreeing_person(MATTIS, "Her", set(), [MATTIS], men) is None
    assert agreeing_person(MATTIS, "she", set(), [MATTIS], men) is None
    # a woman named before still takes it, and "he" the man
    assert agreeing_person(MATTIS, "her", {person_key(LEYEN)}, [LEYEN, MATTIS], men) is LEYEN
    assert agreeing_person(MATTIS, "he", set(), [MATTIS], men) is MATTIS
    # one not shown to be a man keeps the anaphora rules' choice, as before
    assert agreeing_person(MATTIS, "her", set(), [MATTIS], set()) is MATTIS


def test_her_after_a_titled_man_names_no_one(actors: ActorDictionary) -> None:
    visit = make_sentence("Her visit comes .", [1, 2, 2, 2], "poss nsubj ROOT punct", None,
                          "PRP$ NN VBZ .", "PRON NOUN VERB PUNCT")  # fmt: skip
    named = find_mentions(visit, actors, on_date=DAY)
    men = {person_key(MATTIS)}
    found = pronoun_mentions(visit, named, actors, MATTIS, None, None, set(), [MATTIS], men)
    assert found == []


def test_her_after_someones_wife_is_the_wife(actors: ActorDictionary) -> None:
    # "The court questioned his wife and arrested her ." after Gbagbo was named
    gbagbo = Actor("Laurent Gbagbo", "CIVGOV", None, "CIV", "actor:GBAGBO")
    sentence = make_sentence(
        "The court questioned his wife and arrested her .",
        [1, 2, 2, 4, 2, 2, 2, 6, 2],
        "det nsubj ROOT poss dobj cc conj dobj punct",
        "the court question his wife and arrest her .",
        "DT NN VBD PRP$ NN CC VBD PRP .",
        "DET NOUN VERB PRON NOUN CCONJ VERB PRON PUNCT",
    )
    found = pronoun_mentions(sentence, [], actors, gbagbo)
    assert [(m.first, m.actor.code) for m in found] == [(3, "CIVGOV")]  # "his" only
    # "Her daughter spoke and her aide left": a daughter of "her" own is no other woman
    daughter = make_sentence(
        "Her daughter spoke and her aide left .",
        [1, 2, 2, 2, 5, 6, 2, 2],
        "poss nsubj ROOT cc poss nsubj conj punct",
        "her daughter speak and her aide leave .",
        "PRP$ NN VBD CC PRP$ NN VBD .",
        "PRON NOUN VERB CCONJ PRON NOUN VERB PUNCT",
    )
    found = pronoun_mentions(daughter, [], actors, LEYEN)
    assert [m.first for m in found] == [0, 4]
