"""Tests for the supplement's leaders of 2015-2021: dated roles, names, bare surnames."""

from __future__ import annotations

import pytest

from dyad.coder.anaphora import last_person, pronoun_mentions
from dyad.coder.mentions import find_mentions
from dyad.dictionaries.entries import ActorDictionary, ActorEntry, DatedCode
from dyad.dictionaries.loader import load_actor_dictionary
from dyad.records import Actor, Mention, Sentence
from parses import make_sentence


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()[0]


def said(name: str) -> Sentence:
    """Return "<name> said ." parsed: the name's words compound onto its last word."""
    words = name.split()
    last = len(words) - 1
    heads = [last] * last + [last + 1, last + 1, last + 1]
    deps = " ".join(["compound"] * last + ["nsubj", "ROOT", "punct"])
    tags = " ".join(["NNP"] * len(words) + ["VBD", "."])
    pos = " ".join(["PROPN"] * len(words) + ["VERB", "PUNCT"])
    return make_sentence(f"{name} said .", heads, deps, None, tags, pos)


def codes(mentions: list[Mention]) -> list[str]:
    return [m.actor.code for m in mentions]


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        ("Donald Trump", "2018-05-01", "USAGOV"),
        ("Trump", "2018-05-01", "USAGOV"),  # a bare surname, in office
        ("President Trump", "2019-03-01", "USAGOV"),
        ("Donald Trump", "2012-05-01", "USABUS"),  # before his campaign
        ("Donald Trump", "2016-06-01", "USAPTY"),  # the candidate
        ("Trump", "2016-06-01", "USAPTY"),
        ("Donald Trump", "2021-06-01", "USAELI"),  # a former president
        ("Mike Pompeo", "2017-06-01", "USASPY"),  # CIA director, then secretary of state
        ("Mike Pompeo", "2019-06-01", "USAGOV"),
        ("Theresa May", "2017-06-01", "GBRGOV"),
        ("Boris Johnson", "2017-06-01", "GBRGOV"),
        ("Boris Johnson", "2019-01-15", "GBRLEG"),  # between the cabinet and Downing Street
        ("Jeremy Corbyn", "2017-06-01", "GBRPTY"),
        ("Emmanuel Macron", "2017-01-10", "FRAPTY"),
        ("Emmanuel Macron", "2018-01-10", "FRAGOV"),
        ("Leo Varadkar", "2018-01-10", "IRLGOV"),
        ("Enda Kenny", "2018-01-10", "IRLLEG"),
        ("Qasem Soleimani", "2018-01-10", "IRNMIL"),
        ("Qasem Soleimani", "2020-01-08", "IRNMIL"),  # told of after his killing
        ("Moon Jae-in", "2018-01-10", "KORGOV"),
        ("Kim Jong-un", "2018-01-10", "PRKGOV"),
        ("Jair Bolsonaro", "2020-01-10", "BRAGOV"),
        ("Jacinda Ardern", "2019-03-20", "NZLGOV"),
        ("Imran Khan", "2019-03-20", "PAKGOV"),  # Phoenix's lawmaker entry, brought up to date
        ("Jean-Claude Juncker", "2016-03-20", "IGOEUREEC"),  # Phoenix: Luxembourg's premier
        ("Jean-Claude Juncker", "2005-03-20", "LUXGOV"),
        ("Joe Biden", "2018-03-20", "USAELI"),  # Phoenix left the vice president in office
        ("Angela Merkel", "2018-03-20", "DEUGOV"),
        # Phoenix left these in office with no end (session 32)
        ("Barack Obama", "2016-03-20", "USAGOV"),
        ("Barack Obama", "2017-03-20", "USAELI"),
        ("Obama", "2017-03-20", "USAELI"),  # his plain name too
        ("President Obama", "2017-03-20", "USAGOV"),  # a title names the office
        ("John Kerry", "2018-03-20", "USAELI"),
        ("Francois Hollande", "2017-03-20", "FRAGOV"),  # in office to May 2017
        ("Francois Hollande", "2018-03-20", "FRAELI"),
        ("Robert Mugabe", "2018-03-20", "ZWEELI"),
        ("Sigmar Gabriel", "2017-03-20", "DEUGOV"),  # Phoenix: Germany alone
        ("James Clapper", "2017-03-20", "USAELI"),  # Phoenix lacks him
    ],
)
def test_leaders_resolve_with_the_role_they_held_that_day(
    actors: ActorDictionary, name: str, day: str, code: str
) -> None:
    assert codes(find_mentions(said(name), actors, on_date=day)) == [code]


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        # the Phoenix file lists these names as roots without codes of their own before the
        # one block of codes that follows (PETRARCH's reader gives them that block)
        ("Gorbachev", "1987-06-01", "SUNGOV"),
        ("Mikhail Gorbachev", "1987-06-01", "SUNGOV"),
        ("Yeltsin", "1995-06-01", "RUSGOV"),
        ("Medvedev", "2010-06-01", "RUSGOV"),
        ("Leonid Brezhnev", "1975-06-01", "SUNGOV"),
    ],
)
def test_leaders_named_by_roots_without_codes_of_their_own(
    actors: ActorDictionary, name: str, day: str, code: str
) -> None:
    assert codes(find_mentions(said(name), actors, on_date=day)) == [code]


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        ("Abdullah Kurdi", "2015-09-03", []),  # the drowned boy's father, no king
        ("Albert Lim", "2017-03-01", []),  # nobody's prince of Monaco
        ("Ahmed Abdi Hassan", "2017-03-01", []),
        ("Michelle Obama", "2015-06-01", []),
        ("King Abdullah", "2015-09-03", ["JORGOV"]),  # a title is no other name
        ("President Obama", "2015-06-01", ["USAGOV"]),
        ("Nicolás Maduro", "2017-03-01", ["VENGOV"]),  # his own given name, accented
        ("Russia Putin", "2017-03-01", ["RUS", "RUSGOV"]),  # a neighbour named itself
    ],
)
def test_leaders_a_one_word_name_inside_a_longer_name_is_nobody_known(
    actors: ActorDictionary, name: str, day: str, expected: list[str]
) -> None:
    assert codes(find_mentions(said(name), actors, on_date=day)) == expected


def test_leaders_a_bare_surname_in_a_headline_in_capitals(actors: ActorDictionary) -> None:
    # Reuters, 1987: the case of the word after a surname says nothing in capitals
    headline = make_sentence(
        "CLARK HOLDS TALKS WITH SHULTZ IN WASHINGTON",
        [1, 1, 1, 2, 3, 1, 5],
        "nsubj ROOT dobj prep pobj prep pobj",
        None,
        "NNP VBZ NNS IN NNP IN NNP",
        "PROPN VERB NOUN ADP PROPN ADP PROPN",
    )
    found = find_mentions(headline, actors, on_date="1987-03-20")
    assert [(m.first, m.actor.code) for m in found] == [(4, "USAGOV"), (6, "USA")]
    # Joe Clark held no dated office in 1987; Helen Clark's dated years then were before
    # hers (NZLELI), so "CLARK" names nobody rather than her


def test_leaders_a_bare_surname_names_someone_in_office_not_a_rising_elite(
    actors: ActorDictionary,
) -> None:
    assert codes(find_mentions(said("Clark"), actors, on_date="1987-03-20")) == []
    assert codes(find_mentions(said("Clark"), actors, on_date="2005-03-20")) == ["NZLGOV"]
    assert codes(find_mentions(said("Helen Clark"), actors, on_date="1987-03-20")) == ["NZLELI"]
    # the elite years after an office still name the former office holder
    assert codes(find_mentions(said("Trump"), actors, on_date="2022-06-01")) == ["USAELI"]
    assert codes(find_mentions(said("Cameron"), actors, on_date="2019-06-01")) == ["GBRELI"]


def test_leaders_the_later_begun_of_two_valid_roles_holds() -> None:
    entry = ActorEntry(
        "Juncker",
        (DatedCode("LUXGOV", "1995-01-20"), DatedCode("IGOEUREEC", "2014-11-01", "2019-12-01")),
        "test:1",
        person=True,
    )
    assert entry.code_on("2016-01-01") == "IGOEUREEC"
    assert entry.code_on("2010-01-01") == "LUXGOV"
    assert entry.code_on("2020-01-01") == "LUXGOV"


def test_leaders_every_supplement_person_has_a_role_each_day(actors: ActorDictionary) -> None:
    supplement = [e for e in actors.actors.values() if e.person and "dyad.supplement" in e.source]
    assert len(supplement) >= 60
    for entry in supplement:
        assert all(len(c.code) >= 6 for c in entry.codes), entry.name


def test_leaders_trump_named_after_a_titled_line_in_a_story_about_russia(
    actors: ActorDictionary,
) -> None:
    # "President Donald Trump criticized Moscow. ... Trump said." in a story about Russia
    day = "2018-07-16"
    first = make_sentence("President Donald Trump criticized Moscow .", [2, 2, 3, 3, 3, 3],
                          "compound compound nsubj ROOT dobj punct", None, "NNP NNP NNP VBD NNP .",
                          "PROPN PROPN PROPN VERB PROPN PUNCT")  # fmt: skip
    names: dict[str, Actor] = {}
    named = find_mentions(first, actors, on_date=day)
    person = last_person(first, named, actors, "RUS", names)
    assert person is not None and person.code == "USAGOV"
    later = said("Trump")
    found = pronoun_mentions(later, find_mentions(later, actors, on_date=day), actors, None, names)
    assert codes(found) == ["USAGOV"]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("The European Community", "IGOEUREEC"),
        ("EC", "IGOEUREEC"),
        ("The Taoiseach", "IRLGOV"),
        ("Downing Street", "GBRGOV"),
        ("The Ulster Unionist Party", "GBRPTY"),
        ("The DUP", "GBRPTY"),
    ],
)
def test_supplement_groups_and_offices(actors: ActorDictionary, name: str, code: str) -> None:
    assert codes(find_mentions(said(name), actors, on_date="1987-03-01")) == [code]


def test_phoenix_placeholder_country_is_the_unknown_country() -> None:
    from dyad.dictionaries.loader import parse_code

    assert parse_code("KKLREB").code == "---REB"
    assert parse_code("KKLREB 20100101-20120101").code == "---REB"
    assert parse_code("AFGREB").code == "AFGREB"
