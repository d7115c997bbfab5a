"""Tests for dyad.coder.context: what the coder remembers from sentence to sentence."""

from __future__ import annotations

import pytest

from dyad.coder.context import DocumentContext, sentence_country, skipped_between, without_backers
from dyad.coder.resources import Resources
from dyad.config import load_config
from dyad.records import Actor, Document, Mention, Segment
from parses import make_sentence

TEXT = "Iraq attacked Iran. Nobody came. He left."
ARTICLE = Segment("article", 0, len(TEXT))


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources.load(load_config())


def mention(code: str, first: int = 0, rule: str = "actor") -> Mention:
    return Mention(first, first, Actor(code, code), rule)


@pytest.mark.parametrize(
    ("text", "end", "start", "skipped"),
    [(TEXT, 19, 20, False), (TEXT, 19, 33, True), ("a.  \n b", 2, 6, False)],
)
def test_context_skipped_between(text: str, end: int, start: int, skipped: bool) -> None:
    assert skipped_between(text, end, start) is skipped


def test_context_country_is_what_came_before(resources: Resources) -> None:
    context = DocumentContext.start(Document("d", TEXT, "p"), resources)
    context.note_countries([mention("IRQ"), mention("IRN"), mention("IRQ")])
    assert context.country is None  # nothing before the first sentence
    context.note_countries([mention("SYR")])
    assert context.country == "IRQ"
    assert context.nearby() == ["IRQ", "IRN", "SYR"]


def test_context_follow_forgets_antecedents_across_a_gap_or_a_segment(
    resources: Resources,
) -> None:
    context = DocumentContext.start(Document("d", TEXT, "p"), resources)
    first = make_sentence("Iraq attacked Iran .", [1, 1, 1, 1], "nsubj ROOT dobj punct",
                          start=0, segment=ARTICLE)  # fmt: skip
    context.follow(first)
    context.antecedent = context.group = Actor("Iraq", "IRQ")
    after_gap = make_sentence("He left .", [1, 1, 1], "nsubj ROOT punct", start=33, segment=ARTICLE)
    context.previous_end = 19
    context.follow(after_gap)
    assert context.antecedent is None and context.group is None  # "Nobody came." was skipped
    context.antecedent = Actor("Iraq", "IRQ")
    comment = Segment("comment", 33, len(TEXT), "Bob")
    context.follow(make_sentence("He left .", [1, 1, 1], "nsubj ROOT punct", start=33,
                                 segment=comment))  # fmt: skip
    assert context.antecedent is None and context.segment == comment
    assert context.previous_end == 33 + len("He left .")


def test_context_sentence_country_is_where_it_happened() -> None:
    # "Gunmen kidnapped children in Nigeria ."
    sentence = make_sentence(
        "Gunmen kidnapped children in Nigeria .",
        [1, 1, 1, 1, 3, 1],
        "nsubj ROOT dobj prep pobj punct",
    )
    assert sentence_country(sentence, [mention("NGA", 4)], frozenset({"NGA"})) == "NGA"
    assert sentence_country(sentence, [mention("NGA", 0)], frozenset({"NGA"})) is None
    # "Delegations attended talks in Geneva .": a venue, not the delegations' country
    venue = make_sentence(
        "Delegations attended talks in Geneva .",
        [1, 1, 1, 2, 3, 1],
        "nsubj ROOT dobj prep pobj punct",
        lemmas="delegation attend talk in geneva .",
    )
    assert sentence_country(venue, [mention("CHE", 4)], frozenset({"CHE"})) is None


def test_context_sentence_country_is_the_one_named_most() -> None:
    # "US senators and the House urged US President Trump to arm Ukraine ."
    sentence = make_sentence(
        "US senators and the House urged US President Trump to arm Ukraine .",
        [1, 5, 1, 4, 1, 5, 8, 8, 5, 10, 5, 10, 5],
        "compound nsubj cc det conj ROOT compound compound dobj aux xcomp dobj punct",
    )
    known = frozenset({"USA", "UKR"})
    us, ukraine = mention("USA", 0), mention("UKR", 11)
    president = Mention(6, 8, Actor("US President Trump", "USAGOV"), "actor")
    assert sentence_country(sentence, [us, president, ukraine], known) == "USA"
    # named as often as another: no guess ("the government thanked China")
    assert sentence_country(sentence, [us, ukraine], known) is None
    assert sentence_country(sentence, [us, ukraine, president, mention("UKR", 3)], known) is None


def test_context_a_first_sentence_takes_the_one_country_it_names(resources: Resources) -> None:
    # "Police shoot protester as Hong Kong protests continue ." opens the document
    headline = make_sentence(
        "Police shoot protester as Hong Kong protests continue .",
        [1, 1, 1, 7, 5, 6, 7, 1, 1],
        "nsubj ROOT dobj mark compound compound nsubj advcl punct",
    )
    hong_kong = Mention(4, 5, Actor("Hong Kong", "HKG"), "actor")
    police = mention("COP", 0, "agent")
    context = DocumentContext.start(Document("d", headline.text, "p"), resources)
    context.note_countries([police, hong_kong])
    assert context.country is None  # nothing came before
    assert context.sentence_country(headline, [police, hong_kong]) == "HKG"
    # two countries and no context: no guess
    two = [police, hong_kong, Mention(6, 6, Actor("China", "CHN"), "actor")]
    assert context.sentence_country(headline, two) is None
    # once a context exists it holds, as before
    context.note_countries([mention("GBR")])
    assert context.country == "HKG"
    assert context.sentence_country(headline, [police, mention("CHN", 6)]) == "HKG"


def test_context_a_first_sentence_takes_the_country_of_the_place_it_happened(
    resources: Resources,
) -> None:
    # a one-sentence report names its town and no country: the farmers are Indian
    text = "Farmers staged a dharna in Ludhiana on Monday ."
    sentence = make_sentence(
        text, [1, 1, 3, 1, 1, 4, 1, 6, 1], "nsubj ROOT det dobj prep pobj prep pobj punct"
    )
    farmers = mention("AGR", 0, "agent")
    context = DocumentContext.start(Document("d", text, "p"), resources)
    context.note_countries([farmers])
    assert context.sentence_country(sentence, [farmers]) == "IND"
    # a venue says where others met, not whose the delegates are
    venue_text = "Delegates held talks in Geneva ."
    venue = make_sentence(
        venue_text,
        [1, 1, 1, 2, 3, 1],
        "nsubj ROOT dobj prep pobj punct",
        lemmas="delegate hold talk in geneva .",
    )
    context = DocumentContext.start(Document("e", venue_text, "p"), resources)
    assert context.sentence_country(venue, [mention("GOV", 0, "agent")]) is None
    # a context from earlier sentences wins over the place
    context.note_countries([mention("PAK")])
    context.note_countries([farmers])
    assert context.sentence_country(sentence, [farmers]) == "PAK"


def test_context_a_backer_is_no_country_the_story_is_about() -> None:
    # "Russia - backed Syria army retakes city ."
    sentence = make_sentence(
        "Russia - backed Syria army retakes city .",
        [2, 2, 4, 4, 5, 5, 5, 5],
        "npadvmod punct amod compound nsubj ROOT dobj punct",
    )
    russia, syria = mention("RUS", 0), mention("SYR", 3)
    assert without_backers(sentence, [russia, syria]) == [syria]
    plain = make_sentence("Russia backed Syria .", [1, 1, 1, 1], "nsubj ROOT dobj punct")
    assert without_backers(plain, [russia, mention("SYR", 2)]) == [russia, mention("SYR", 2)]
