"""Tests for dyad.coder.mentions: a bare chamber name in a story about another state."""

from __future__ import annotations

from dyad.coder.mentions import home_chambers
from dyad.records import Actor, Mention


def test_a_bare_senate_in_a_story_about_another_state_is_that_states_legislature() -> None:
    senate = Mention(1, 1, Actor("Senate", "USAGOVLEG", "United States Congress", None), "actor")
    us_senate = Mention(0, 1, Actor("US Senate", "USAGOVLEG", "United States Congress"), "actor")
    found = home_chambers([senate, us_senate], "PHL")
    assert found[0] == Mention(1, 1, Actor("Senate", "LEG", None, None), "agent")
    assert found[1] == us_senate  # it names its state
    assert home_chambers([senate], "USA") == [senate]
    assert home_chambers([senate], None) == [senate]  # no story country: the dictionary's
