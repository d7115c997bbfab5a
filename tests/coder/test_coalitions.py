"""Tests for dyad.coder.coalitions: whose force a coalition is, and when it is none."""

from __future__ import annotations

import pytest

from dyad.coder.coalitions import read_coalitions
from dyad.coder.mentions import find_mentions
from dyad.dictionaries.entries import ActorDictionary
from dyad.dictionaries.loader import load_actor_dictionary
from dyad.records import Mention, Sentence
from parses import make_sentence

DAY = "2017-02-16"


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()[0]


def read(sentence: Sentence, actors: ActorDictionary, led=None) -> tuple[list[Mention], object]:
    return read_coalitions(sentence, find_mentions(sentence, actors, on_date=DAY), actors, led)


def codes(mentions: list[Mention]) -> list[str]:
    return [m.actor.code for m in mentions]


# "the Saudi - led coalition blamed the rebels ."
SAUDI_LED = make_sentence(
    "the Saudi - led coalition blamed the rebels .", [4, 3, 3, 4, 5, 5, 7, 5, 5],
    "det npadvmod punct amod nsubj ROOT det dobj punct",
    "the Saudi - lead coalition blame the rebel .",
)  # fmt: skip
# "a coalition led by Saudi Arabia supports the government ."
LED_BY = make_sentence(
    "a coalition led by Saudi Arabia supports the government .",
    [1, 6, 1, 2, 5, 3, 6, 8, 6, 6],
    "det nsubj acl agent compound pobj ROOT det dobj punct",
    "a coalition lead by Saudi Arabia support the government .",
)  # fmt: skip
# "the U.S.-led coalition struck the bridges ."
FUSED = make_sentence(
    "the U.S.-led coalition struck the bridges .", [2, 2, 3, 3, 5, 3, 3],
    "det amod nsubj ROOT det dobj punct", "the u.s.-led coalition strike the bridge .",
)  # fmt: skip
# "the coalition denied the report ."
BARE = make_sentence(
    "the coalition denied the report .", [1, 2, 2, 4, 2, 2], "det nsubj ROOT det dobj punct"
)
# "the ruling coalition criticised the president ."
RULING = make_sentence(
    "the ruling coalition criticised the president .", [2, 2, 3, 3, 5, 3, 3],
    "det amod nsubj ROOT det dobj punct", "the rule coalition criticise the president .",
)  # fmt: skip
# "Italy 's coalition government collapsed ."
GOVERNMENT = make_sentence(
    "Italy 's coalition government collapsed .", [3, 0, 3, 4, 4, 4],
    "poss case compound nsubj ROOT punct",
)  # fmt: skip
# "a coalition of 23 states sued ."
OF_STATES = make_sentence(
    "a coalition of 23 states sued .", [1, 5, 1, 4, 2, 5, 5],
    "det nsubj prep nummod pobj ROOT punct", "a coalition of 23 state sue .",
)  # fmt: skip
# "Hariri , whose coalition opposed Hezbollah , resigned ."
WHOSE = make_sentence(
    "Hariri , whose coalition opposed Hezbollah , resigned .", [8, 0, 3, 4, 0, 4, 0, 8, 8],
    "nsubj punct poss nsubj relcl dobj punct ROOT punct",
    "Hariri , whose coalition oppose Hezbollah , resign .",
)  # fmt: skip
# "parties ruled out a coalition with him ."
WITH_HIM = make_sentence(
    "parties ruled out a coalition with him .", [1, 1, 1, 4, 1, 4, 5, 1],
    "nsubj ROOT prt det dobj prep pobj punct", "party rule out a coalition with he .",
)  # fmt: skip
# "parties ruled out joining a coalition with him ." ("with" on the verb)
JOINING_WITH_HIM = make_sentence(
    "parties ruled out joining a coalition with him .", [1, 1, 1, 1, 5, 3, 3, 6, 1],
    "nsubj ROOT prt xcomp det dobj prep pobj punct",
    "party rule out join a coalition with he .",
)  # fmt: skip
# "they accused the coalition of carrying out the attack ."
ACCUSED_OF = make_sentence(
    "they accused the coalition of carrying out the attack .",
    [1, 1, 3, 1, 3, 4, 5, 8, 5, 1],
    "nsubj ROOT det dobj prep pcomp prt det dobj punct",
    "they accuse the coalition of carry out the attack .",
)  # fmt: skip
# "the Saudi - backed coalition struck ."
SAUDI_BACKED = make_sentence(
    "the Saudi - backed coalition struck .", [4, 3, 3, 4, 5, 5, 5],
    "det npadvmod punct amod nsubj ROOT punct", "the Saudi - back coalition strike .",
)  # fmt: skip
# "coalition forces killed a Taliban leader ."
FORCES = make_sentence(
    "coalition forces killed a Taliban leader .", [1, 2, 2, 5, 5, 2, 2],
    "compound nsubj ROOT det compound dobj punct", "coalition force kill a Taliban leader .",
)  # fmt: skip


def test_a_led_coalition_is_its_leaders_military_and_one_actor(actors: ActorDictionary) -> None:
    found, led = read(SAUDI_LED, actors)
    coalition = found[0]
    assert coalition.actor.code == "SAUMIL" and (coalition.first, coalition.last) == (1, 4)
    assert coalition.actor.text == "Saudi - led coalition"
    assert "SAU" not in codes(found)  # the leader is the coalition, not a party beside it
    assert led is not None and led.code == "SAUMIL"


def test_a_coalition_led_by_a_country_named_after_it(actors: ActorDictionary) -> None:
    found, led = read(LED_BY, actors)
    assert codes(found)[0] == "SAUMIL" and found[0].first == 1
    assert "SAU" not in codes(found)
    assert led is not None and led.country == "SAU"


def test_a_fused_leader_token(actors: ActorDictionary) -> None:
    found, _ = read(FUSED, actors)
    assert codes(found)[:1] == ["USAMIL"] and found[0].first == 1


def test_a_backed_coalition_is_its_backers(actors: ActorDictionary) -> None:
    found, _ = read(SAUDI_BACKED, actors)
    assert codes(found) == ["SAUMIL"]


def test_a_later_bare_coalition_is_the_led_one(actors: ActorDictionary) -> None:
    _, led = read(SAUDI_LED, actors)
    found, still = read(BARE, actors, led)
    assert codes(found) == ["SAUMIL"] and found[0].actor.text == "coalition"
    assert still == led
    assert codes(read(ACCUSED_OF, actors, led)[0]) == ["SAUMIL"]  # "of" names no member
    # with no leader named in the story, the dictionary's reading stands (ISAF's releases)
    assert codes(read(BARE, actors)[0]) == ["IGOWSTNATMIL"]
    assert codes(read(FORCES, actors)[0])[0] == "IGOWSTNATMIL"


@pytest.mark.parametrize(
    "sentence", [RULING, GOVERNMENT, OF_STATES, WHOSE, WITH_HIM, JOINING_WITH_HIM]
)
def test_a_coalition_of_parties_or_states_is_no_armed_force(
    sentence: Sentence, actors: ActorDictionary
) -> None:
    found, led = read(sentence, actors)
    assert "IGOWSTNATMIL" not in codes(found) and led is None
    _, saudi = read(SAUDI_LED, actors)
    assert "SAUMIL" not in codes(read(sentence, actors, saudi)[0])
