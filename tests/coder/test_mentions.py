"""Tests for dyad.coder.mentions: bare chamber names ("Senate", "the House"), glosses."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dyad.coder.actors import role_agents
from dyad.coder.mentions import (
    STORY_SENTENCES,
    find_mentions,
    headline_surnames,
    home_chambers,
    us_states,
    without_strangers,
)
from dyad.dictionaries.entries import ActorDictionary
from dyad.dictionaries.loader import load_actor_dictionary
from dyad.records import Actor, Mention, Segment
from parses import make_sentence


def test_a_bare_senate_in_a_story_about_another_state_is_that_states_legislature() -> None:
    senate = Mention(1, 1, Actor("Senate", "USAGOVLEG", "United States Congress", None), "actor")
    us_senate = Mention(0, 1, Actor("US Senate", "USAGOVLEG", "United States Congress"), "actor")
    found = home_chambers([senate, us_senate], "PHL")
    assert found[0] == Mention(1, 1, Actor("Senate", "LEG", None, None), "agent")
    assert found[1] == us_senate  # it names its state
    assert home_chambers([senate], "USA") == [senate]
    assert home_chambers([senate], None) == [senate]  # no story country: the dictionary's


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()[0]


def _roles(text: str, actors: ActorDictionary) -> list[tuple[str, str]]:
    return [(m.actor.text, m.actor.code) for m in _mentions(text, actors)]


@pytest.mark.parametrize(
    "text",
    [
        "Kupec criticized the House 's decision .",
        "The House voted to hold Barr in contempt .",
        "Some lawmakers and House Democrats objected .",
    ],
)
def test_the_house_alone_is_a_legislature(text: str, actors: ActorDictionary) -> None:
    assert ("House", "LEG") in _roles(text, actors)


@pytest.mark.parametrize(
    "text",
    [
        "The house was destroyed .",  # lower case: a building
        "the Sydney Opera House closed .",  # its own name comes before it
        "the House of Saud rules .",  # another house
        "Police searched the guest house .",
    ],
)
def test_other_houses_are_no_legislature(text: str, actors: ActorDictionary) -> None:
    assert not any(code == "LEG" for _, code in _roles(text, actors))


def test_a_chamber_the_dictionary_names_whole_stays_whole(actors: ActorDictionary) -> None:
    assert _roles("the House of Commons voted .", actors) == [("House of Commons", "LEG")]


@pytest.mark.parametrize(
    ("text", "word", "kept"),
    [
        ("Police raided the organization he heads .", "organization", False),  # Tanzim, MEAREB
        ("The youth were arrested .", "youth", False),  # Gazteriak's gloss, FRAREB
        ("The contras attacked the town .", "contras", True),  # the group's own name, NICREB
        ("The coalition detained two men .", "coalition", True),  # dyad's own entry
    ],
)
def test_a_lower_case_gloss_names_no_group(
    text: str, word: str, kept: bool, actors: ActorDictionary
) -> None:
    found = [m for m in _mentions(text, actors) if m.rule == "actor"]
    assert any(m.actor.text == word for m in found) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Representatives for the Trump Organization declined .", False),  # Tanzim's gloss
        ("the Bolivian Labour Organization , COB , said .", False),
        ("the Minister for Children and Youth Affairs said .", False),  # Gazteriak's
        ("Police said the Organization claimed it .", True),  # nothing says another name
    ],
)
def test_an_armed_groups_gloss_inside_a_longer_name_names_no_group(
    text: str, kept: bool, actors: ActorDictionary
) -> None:
    groups = [m for m in _mentions(text, actors) if m.actor.code in ("MEAREB", "FRAREB")]
    assert bool(groups) == kept


def test_a_group_written_by_its_own_name_beside_a_capitalised_word_stays(
    actors: ActorDictionary,
) -> None:
    assert ("Hezbollah", "LBNREB") in _roles("Hezbollah Commander Mughniyeh said .", actors)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "THE_UN" (IGOUNO) once ended the match, and "General Assembly" was a legislature
        ("the UN General Assembly voted .", [("UN General Assembly", "IGOUNO")]),
        ("the US Senate voted .", [("US Senate", "USAGOVLEG")]),
        ("the UN said .", [("the UN", "IGOUNO")]),  # nothing longer: the article's entry
    ],
)
def test_a_longer_name_after_the_article_wins(
    text: str, expected: list[tuple[str, str]], actors: ActorDictionary
) -> None:
    assert _roles(text, actors) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the World Trade Organization ruled .", ("World Trade Organization", "IGOBUSWTO")),
        ("the WTO ruled .", ("WTO", "IGOBUSWTO")),
        ("the International Criminal Court ruled .", ("International Criminal Court", "IGOJUDICC")),
        ("the African Union said .", ("African Union", "IGOAFRAFU")),
        ("the UN Human Rights Council decided .", ("UN Human Rights Council", "IGOUNO")),
        ("the European Central Bank said .", ("European Central Bank", "IGOEUREEC")),
        ("the G20 met .", ("G20", "IGO")),
    ],
)
def test_international_organisations_the_phoenix_files_lack(
    text: str, expected: tuple[str, str], actors: ActorDictionary
) -> None:
    assert _roles(text, actors) == [expected]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Mugabe co - founded the party .", False),  # the prefix, no company
        ("Mitsubishi Heavy Industries Co said .", True),
        ("Acme Inc and Beta Ltd merged .", True),
    ],
)
def test_a_company_abbreviation_in_lower_case_is_no_company(
    text: str, kept: bool, actors: ActorDictionary
) -> None:
    companies = [m for m in _mentions(text, actors) if m.actor.text.upper() in ("CO", "INC", "LTD")]
    assert bool(companies) == kept


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Staff Sgt. Robert Bales killed them .", ["MIL"]),
        ("Lt. Col. John Smith said .", ["MIL", "MIL"]),
        ("Police Supt. Mary Byrne said .", ["COP", "COP"]),
    ],
)
def test_a_rank_before_a_name_is_a_role(
    text: str, roles: list[str], actors: ActorDictionary
) -> None:
    # one token since the tokenizer keeps "Sgt." whole; the Phoenix file lacked most ranks
    assert [m.actor.code.strip("~") for m in _mentions(text, actors)] == roles


def test_a_service_named_before_a_rank_says_whose_it_is() -> None:
    police = Mention(0, 0, Actor("Police", "~COP"), "agent")
    captain = Mention(1, 1, Actor("Capt.", "~MIL"), "agent")
    assert list(role_agents([police, captain])) == [police]


GABRIEL = Mention(0, 0, Actor("Gabriel", "HTIGOV"), "actor-surname")  # a Haitian minister
GERMANY = Mention(0, 0, Actor("German", "DEU"), "actor")
MINISTER = Mention(1, 1, Actor("Minister", "~GOV"), "agent")


def test_a_surname_of_a_country_the_story_never_names_is_no_one_it_knows() -> None:
    # "German Foreign Minister Gabriel ...": Sigmar Gabriel, whom the dictionary lacks
    story = [[GERMANY, MINISTER, GABRIEL], [GABRIEL], [MINISTER]]
    assert without_strangers(story) == [[GERMANY, MINISTER], [], [MINISTER]]
    # the story names Haiti elsewhere: the surname may be its minister's
    haiti = Mention(3, 3, Actor("Haiti", "HTI"), "actor")
    assert without_strangers([*story, [haiti]])[1] == [GABRIEL]
    # a text of a sentence or two says too little: kept
    short = story[: STORY_SENTENCES - 1]
    assert without_strangers(short) == short


def _mentions(text: str, actors: ActorDictionary) -> list[Mention]:
    words = text.split()
    sentence = make_sentence(text, [0] * len(words), " ".join(["dep"] * len(words)))
    return find_mentions(sentence, actors, on_date="2017-03-24")


@pytest.mark.parametrize(
    ("text", "place", "kept"),
    [
        # "Charles" only begins longer names ("Charles Michel"), none of them here
        ("Dunn 's mother , Charlotte Charles , said it .", "Charlotte", False),
        ("The minister met Tara Reade .", "Tara", False),
        ("Syria Assad said it .", "Syria", True),  # the next word names someone itself
        ("Iran President spoke .", "Iran", True),  # a title
        ("Iran Thursday said it .", "Iran", True),  # a day
    ],
)
def test_a_place_before_an_unknown_capitalised_word_is_a_given_name(
    text: str, place: str, kept: bool, actors: ActorDictionary
) -> None:
    assert any(m.actor.text == place for m in _mentions(text, actors)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("De Lima has denied the charges .", False),  # Senator Leila de Lima, not Peru
        ("Senator Leila de Lima spoke .", False),
        ("This week , de Lima branded him .", False),  # her surname again, lower case
        ("They flew to Lima .", True),
        ("The talks in Rio de Janeiro ended .", True),  # a place whose name holds "de"
    ],
)
def test_a_place_after_a_surname_particle_is_a_surname(
    text: str, kept: bool, actors: ActorDictionary
) -> None:
    assert any(m.actor.code in ("PER", "BRA") for m in _mentions(text, actors)) == kept


def test_a_place_before_a_common_noun_in_a_title_case_headline_stays_a_place(
    actors: ActorDictionary,
) -> None:
    text = "Insurgents Killed in Kapisa Operation"
    sentence = make_sentence(text, [1, 1, 1, 4, 2], "nsubj ROOT prep compound pobj",
                             tags="NNS VBN IN NNP NN")  # fmt: skip
    found = find_mentions(sentence, actors, on_date="2010-03-01")
    assert ("Kapisa", "AFG") in [(m.actor.text, m.actor.code) for m in found]
    named = make_sentence("Charlotte Charles said it", [1, 2, 2, 2], "compound nsubj ROOT dobj",
                          tags="NNP NNP VBD PRP")  # fmt: skip
    assert find_mentions(named, actors, on_date="2019-10-10") == []


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "kept"),
    [
        # "Amal Bentounsi", a march's co-organiser: a given name, not the Lebanese militia
        ("Organiser Amal Bentounsi told the crowd", [2, 2, 3, 3, 5, 3],
         "compound compound nsubj ROOT det dobj", "NOUN PROPN PROPN VERB DET NOUN", False),
        ("The Amal Movement condemned it", [2, 2, 3, 3, 3],
         "det compound nsubj ROOT dobj", "DET PROPN PROPN VERB PRON", True),
        ("Amal fighters clashed with police", [1, 2, 2, 2, 3],
         "compound nsubj ROOT prep pobj", "PROPN NOUN VERB ADP NOUN", True),
        # a headline in title case: every word a compound of the next to the parser
        ("Amal Condemns Israeli Strike", [1, 3, 3, 3],
         "compound compound compound ROOT", "PROPN PROPN PROPN PROPN", True),
    ],
)  # fmt: skip
def test_an_armed_groups_name_before_a_surname_is_a_given_name(
    words: str, heads: list[int], deps: str, pos: str, kept: bool, actors: ActorDictionary
) -> None:
    sentence = make_sentence(words, heads, deps, pos=pos)
    found = find_mentions(sentence, actors, on_date="2017-03-19")
    assert (("Amal", "LBNREB") in [(m.actor.text, m.actor.code) for m in found]) == kept


def test_a_nationality_before_a_longer_title_stays(actors: ActorDictionary) -> None:
    assert ("Dutch", "NLD") in _roles("Dutch Finance Minister Onno Ruding spoke .", actors)


@pytest.mark.parametrize(
    ("text", "day", "code"),
    [
        ("Hussein was detained .", "2017-03-19", None),  # King Hussein died in 1999
        ("Hussein visited Washington .", "1987-03-19", "JORGOV"),  # the king, on the throne
        ("Hussein spoke .", None, "JOR"),  # undated text: the dictionary's (his country)
    ],
)
def test_a_one_word_person_in_no_role_on_the_texts_date_is_someone_else(
    text: str, day: str | None, code: str | None, actors: ActorDictionary
) -> None:
    words = text.split()
    sentence = make_sentence(text, [0] * len(words), " ".join(["dep"] * len(words)))
    found = [m.actor.code for m in find_mentions(sentence, actors, on_date=day)]
    assert found[:1] == ([code] if code else [])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("marines occupied the ship in Santos harbour .", False),  # no Angolan president
        ("seamen near Santos struck .", False),
        ("Reagan met Santos in Washington .", True),
        ("a change in Santos 's policy .", True),  # an owner
    ],
)
def test_a_bare_surname_after_in_or_near_is_a_place(
    text: str, kept: bool, actors: ActorDictionary
) -> None:
    words = text.split()
    sentence = make_sentence(text, [0] * len(words), " ".join(["dep"] * len(words)))
    found = find_mentions(sentence, actors, on_date="1987-03-12")
    assert any(m.actor.text == "Santos" for m in found) == kept


GEORGIA = Mention(3, 3, Actor("Georgia", "GEO", "Georgia"), "actor")
TRUMP = Mention(0, 0, Actor("Trump", "USAGOV", "Donald Trump"), "actor")


def test_georgia_in_a_us_story_is_the_state() -> None:
    # "Trump praised ...", "... the Northern District of Georgia"
    found = us_states([[TRUMP], [GEORGIA]])
    assert [m.actor.code for m in found[1]] == ["USA"]
    assert found[0] == [TRUMP]


@pytest.mark.parametrize(
    "other",
    [
        Mention(0, 0, Actor("Georgian", "GEO", "Georgia"), "actor"),  # the republic's people
        Mention(0, 0, Actor("Tbilisi", "GEO", "Georgia"), "actor"),
        Mention(0, 0, Actor("Russia", "RUS", "Russia"), "actor"),  # a neighbour's story
    ],
)
def test_georgia_stays_the_republic_where_the_story_names_it_otherwise(other: Mention) -> None:
    found = us_states([[TRUMP], [GEORGIA], [other]])
    assert found[1] == [GEORGIA]


def test_georgia_without_the_united_states_stays_the_republic() -> None:
    assert us_states([[GEORGIA]]) == [[GEORGIA]]


def test_deputy_before_an_office_is_no_party_of_its_own(actors: ActorDictionary) -> None:
    # "North Korea's deputy UN ambassador" was a sheriff's deputy (COP) in the story's country
    # beside the ambassador; the office after the rank is the party
    words = "North Korea 's deputy UN ambassador spoke ."
    ambassador = make_sentence(words, [1, 5, 1, 5, 5, 6, 6, 6],
                               "compound poss case compound compound nsubj ROOT punct")  # fmt: skip
    codes = [m.actor.code for m in find_mentions(ambassador, actors, on_date="2017-03-24")]
    assert "~COP" not in codes and "COP" not in codes
    assert "PRK" in codes
    # a deputy standing alone is still a role
    alone = make_sentence("The deputy spoke .", [1, 2, 2, 2], "det nsubj ROOT punct")
    assert [m.actor.code for m in find_mentions(alone, actors, on_date="2017-03-24")] == ["COP"]


@pytest.mark.parametrize(
    ("text", "day", "found"),
    [
        # Korean order: "Kim" is the family name and "Jong" half of a given name; the
        # dictionary's Kim Yo-jong (surname "Jong" by position) would need her "Yo" between
        ("Kim Jong - nam died .", "2017-02-20", []),
        ("Piet Jong spoke .", "1968-01-01", [("Jong", "NLDGOV")]),  # his given name: Piet de Jong
    ],
)
def test_a_given_name_before_a_surname_must_be_the_persons_own(
    text: str, day: str, found: list[tuple[str, str]], actors: ActorDictionary
) -> None:
    words = text.split()
    sentence = make_sentence(text, [0] * len(words), " ".join(["dep"] * len(words)))
    codes = [(m.actor.text, m.actor.code) for m in find_mentions(sentence, actors, on_date=day)]
    assert codes == found


def test_headline_abbreviations_of_the_koreas_adjectives(actors: ActorDictionary) -> None:
    found = _roles("Malaysia frees N Korean murder suspect , S Korean officials say", actors)
    assert ("N Korean", "PRK") in found and ("S Korean", "KOR") in found


def test_a_central_bank_named_is_its_states_not_a_bank(actors: ActorDictionary) -> None:
    found = _roles("Bankers welcomed the Bank of Spain 's decision", actors)
    assert ("Bank of Spain", "ESPGOVBUS") in found
    assert ("People 's Bank of China", "CHNGOVBUS") in _roles(
        "The People 's Bank of China responded", actors
    )
    # commercial banks of like names stay companies
    assert [code for _, code in _roles("Bank of America lent more", actors)] == ["MNCUSA"]


def test_a_name_whose_accented_letter_a_wrong_codec_mangled_is_read(
    actors: ActorDictionary,
) -> None:
    roles = dict(_roles("Sinn F\ufffd\ufffdin deputy leader", actors))
    assert roles["Sinn F\ufffd\ufffdin"].endswith("PTY")  # the party (IRL from its context)
    assert ("D\ufffd\ufffdil", "IRLLEG") in _roles("in the D\ufffd\ufffdil today", actors)


def test_a_headline_surname_is_the_person_the_body_names_in_full(
    actors: ActorDictionary,
) -> None:
    # the dictionary gives "Zuma" to two persons in office in 2017: alone it names no one
    headline = make_sentence(
        "Zuma recalls minister", [1, 1, 1], "nsubj ROOT dobj",
        pos="PROPN VERB NOUN", tags="NNP VBZ NN", segment=Segment("headline", 0, 21),
    )  # fmt: skip
    body = make_sentence(
        "President Jacob Zuma spoke .", [2, 2, 3, 3, 3], "compound compound nsubj ROOT punct",
        pos="PROPN PROPN PROPN VERB PUNCT", tags="NNP NNP NNP VBD .", start=23,
    )  # fmt: skip
    named = [find_mentions(s, actors, on_date="2017-03-27") for s in (headline, body)]
    assert not any(m.actor.text == "Zuma" for m in named[0])
    found = headline_surnames([headline, body], named, actors)
    zuma = [m for m in found[0] if m.first == 0]
    assert [(m.actor.code, m.actor.name, m.rule) for m in zuma] == [
        ("ZAFGOV", "Jacob Zuma", "actor-surname")
    ]
    assert found[1] == named[1]
    # a body sentence is read as written: the full name may come after it there too
    as_body = make_sentence(
        "Zuma recalls minister", [1, 1, 1], "nsubj ROOT dobj",
        pos="PROPN VERB NOUN", tags="NNP VBZ NN",
    )  # fmt: skip
    unnamed = [find_mentions(as_body, actors, on_date="2017-03-27"), named[1]]
    assert headline_surnames([as_body, body], unnamed, actors)[0] == unnamed[0]


def test_a_headline_word_the_dictionary_gives_another_is_the_body_s_person(
    actors: ActorDictionary,
) -> None:
    # 1987: the one-word entry "Hussein" is King Hussein of Jordan; the body names Saddam
    headline = make_sentence(
        "HUSSEIN SAYS IRAN LOST", [1, 1, 3, 1], "nsubj ROOT nsubj ccomp",
        pos="PROPN VERB PROPN VERB", tags="NNP VBZ NNP VBD", segment=Segment("headline", 0, 22),
    )  # fmt: skip
    body = make_sentence(
        "Iraqi President Saddam Hussein spoke .", [3, 3, 3, 4, 4, 4],
        "amod compound compound nsubj ROOT punct",
        pos="ADJ PROPN PROPN PROPN VERB PUNCT", tags="JJ NNP NNP NNP VBD .", start=24,
    )  # fmt: skip
    named = [find_mentions(s, actors, on_date="1987-03-02") for s in (headline, body)]
    read_alone = [m for m in named[0] if m.first == 0]
    assert [m.actor.code for m in read_alone] == ["JORGOV"]
    found = headline_surnames([headline, body], named, actors)
    hussein = [m for m in found[0] if m.first == 0]
    assert [(m.actor.code, m.actor.name) for m in hussein] == [("IRQGOV", "Saddam Hussein")]
    # without the body's full name the dictionary's reading stands
    assert headline_surnames([headline], named[:1], actors) == named[:1]


def test_a_headline_word_in_capitals_read_as_a_noun_may_be_the_body_s_person(
    actors: ActorDictionary,
) -> None:
    # "HAUGHEY TO SEEK EC ADVICE": the parser read the name in capitals as a plural noun
    headline = make_sentence(
        "HAUGHEY TO SEEK ADVICE", [2, 2, 2, 2], "nsubj aux ROOT dobj",
        pos="NOUN PART VERB NOUN", tags="NNS TO VB NN", segment=Segment("headline", 0, 22),
    )  # fmt: skip
    body = make_sentence(
        "Charles Haughey spoke .", [1, 2, 2, 2], "compound nsubj ROOT punct",
        pos="PROPN PROPN VERB PUNCT", tags="NNP NNP VBD .", start=24,
    )  # fmt: skip
    named = [find_mentions(s, actors, on_date="1987-02-06") for s in (headline, body)]
    assert not any(m.first == 0 for m in named[0])
    found = headline_surnames([headline, body], named, actors)
    assert [m.actor.name for m in found[0] if m.first == 0] == ["Charles Haughey"]
    # a lower-case word is no name, whatever the body names
    lower = replace(headline, tokens=tuple(
        replace(t, text="haughey") if t.i == 0 else t for t in headline.tokens
    ))  # fmt: skip
    assert not any(m.first == 0 for m in headline_surnames([lower, body], named, actors)[0])


def test_a_bare_is_in_capitals_is_the_islamic_state_after_2014(actors: ActorDictionary) -> None:
    # "killed in an IS attack": no "(IS)" defined it before, as DW and the BBC write
    sentence = make_sentence(
        "soldiers killed in an IS attack", [1, 1, 1, 5, 5, 2], "nsubj ROOT prep det compound pobj",
        pos="NOUN VERB ADP DET PROPN NOUN", tags="NNS VBN IN DT NNP NN",
    )  # fmt: skip
    found = find_mentions(sentence, actors, on_date="2017-02-10")
    assert [(m.first, m.actor.code, m.actor.text) for m in found if m.first == 4] == [
        (4, "IMGMUSISI", "IS")
    ]
    # before the group took the name, and in a sentence in capitals, "IS" is the verb
    assert not [m for m in find_mentions(sentence, actors, on_date="1987-02-10") if m.first == 4]
    capitals = make_sentence(
        "KUWAIT IS SEEN CALM", [2, 2, 2, 2], "nsubjpass auxpass ROOT oprd",
        pos="PROPN AUX VERB ADJ", tags="NNP VBZ VBN JJ",
    )  # fmt: skip
    assert not [m for m in find_mentions(capitals, actors, on_date="2017-02-10") if m.first == 1]
