"""Tests for dyad.coder.anaphora: pronouns and surnames read through earlier sentences."""

from __future__ import annotations

import pytest

from dyad.coder.actors import CONTEXT_ONLY
from dyad.coder.anaphora import (
    UNKNOWN_PERSON,
    acronym_mentions,
    appositive_mentions,
    group_mentions,
    last_person,
    possessive_mentions,
    pronoun_mentions,
    remember_titles,
    shortened_names,
    sole_group,
    subject_person,
    titled_mentions,
)
from dyad.coder.lexicon import GROUP_ANAPHORA
from dyad.coder.mentions import find_mentions
from dyad.dictionaries.entries import ActorDictionary
from dyad.dictionaries.loader import load_actor_dictionary
from dyad.records import Actor, Mention, Sentence
from parses import make_sentence

DAY = "2008-08-20"
KHAMENEI = Actor("Khamenei", "IRNGOV", "Ali Khamenei", "IRN", "actor:KHAMENEI")
HAMAS = Actor("Hamas", "PSENGOHMS", None, "PSE", "actor:HAMAS")


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()[0]


def sentence(words: str, heads: list[int], deps: str, tags: str, pos: str) -> Sentence:
    return make_sentence(words, heads, deps, words.lower(), tags, pos)


# "He condemned Israel ."
HE = sentence("He condemned Israel .", [1, 1, 1, 1], "nsubj ROOT dobj punct",
              "PRP VBD NNP .", "PRON VERB PROPN PUNCT")  # fmt: skip
# "They condemned Israel ."
THEY = sentence("They condemned Israel .", [1, 1, 1, 1], "nsubj ROOT dobj punct",
                "PRP VBD NNP .", "PRON VERB PROPN PUNCT")  # fmt: skip
# "Hamas condemned Israel ."
NAMED = sentence("Hamas condemned Israel .", [1, 1, 1, 1], "nsubj ROOT dobj punct",
                 "NNP VBD NNP .", "PROPN VERB PROPN PUNCT")  # fmt: skip


def codes(mentions: list[Mention]) -> list[tuple[str, str, str]]:
    return [(m.actor.text, m.actor.code, m.rule) for m in mentions]


@pytest.mark.parametrize(
    ("antecedent", "expected"),
    [
        (KHAMENEI, [("He", "IRNGOV", "anaphora"), ("Israel", "ISR", "actor")]),
        (None, [("Israel", "ISR", "actor")]),  # no one named before: "he" stays unread
        (UNKNOWN_PERSON, [("Israel", "ISR", "actor")]),  # someone the dictionary lacks
    ],
)
def test_anaphora_he_is_the_person_named_before(
    actors: ActorDictionary, antecedent: Actor | None, expected: list[tuple[str, str, str]]
) -> None:
    named = find_mentions(HE, actors, on_date=DAY)
    assert codes(pronoun_mentions(HE, named, actors, antecedent)) == expected


def test_anaphora_a_subject_he_is_the_previous_sentences_subject(actors: ActorDictionary) -> None:
    # "Thatcher left Bonn after talks with Chancellor Helmut Kohl . She had flown ...":
    # Kohl is named last, Thatcher was the subject; "she" was Kohl (DEUGOV) before
    left = sentence("Thatcher left Bonn after talks with Chancellor Helmut Kohl .",
                    [1, 1, 1, 1, 3, 4, 5, 8, 6, 1],
                    "nsubj ROOT dobj prep pobj prep compound compound pobj punct",
                    "NNP VBD NNP IN NNS IN NNP NNP NNP .",
                    "PROPN VERB PROPN ADP NOUN ADP PROPN PROPN PROPN PUNCT")  # fmt: skip
    found = find_mentions(left, actors, on_date="1987-03-24")
    thatcher = subject_person(left, found, actors)
    kohl = last_person(left, found, actors, None)
    assert thatcher is not None and thatcher.code == "GBRGOV"
    assert kohl is not None and kohl.code == "DEUGOV"
    named = find_mentions(HE, actors, on_date=DAY)
    he = pronoun_mentions(HE, named, actors, kohl, None, thatcher)
    assert codes(he)[0] == ("He", "GBRGOV", "anaphora")
    # no subject person before: the person named last, as before
    assert codes(pronoun_mentions(HE, named, actors, kohl, None, None))[0][1] == "DEUGOV"
    # "his" is no subject: the person named last
    his = sentence("His aides condemned Israel .", [1, 2, 2, 2, 2], "poss nsubj ROOT dobj punct",
                   "PRP$ NNS VBD NNP .", "PRON NOUN VERB PROPN PUNCT")  # fmt: skip
    his_named = find_mentions(his, actors, on_date=DAY)
    assert codes(pronoun_mentions(his, his_named, actors, kohl, None, thatcher))[0][1] == "DEUGOV"
    assert subject_person(HE, named, actors) is None  # "he" unread names no one


def test_anaphora_a_surname_met_before_is_that_person(actors: ActorDictionary) -> None:
    text = sentence("Tillerson condemned Israel .", [1, 1, 1, 1], "nsubj ROOT dobj punct",
                    "NNP VBD NNP .", "PROPN VERB PROPN PUNCT")  # fmt: skip
    tillerson = Actor("Rex Tillerson", "USAGOV", None, "USA", "titled")
    named = find_mentions(text, actors, on_date=DAY)
    found = pronoun_mentions(text, named, actors, None, {"Tillerson": tillerson})
    assert ("Tillerson", "USAGOV", "named-before") in codes(found)


def test_a_surname_the_parser_tags_a_common_noun_is_that_person(
    actors: ActorDictionary,
) -> None:
    # "finance minister Jaime Ongpin ... Ongpin has said": the parser has not seen the name
    text = sentence("Ongpin has said .", [2, 2, 2, 2], "nsubj aux ROOT punct",
                    "NN VBZ VBN .", "NOUN AUX VERB PUNCT")  # fmt: skip
    ongpin = Actor("finance minister Jaime Ongpin", "PHLGOV", None, "PHL", CONTEXT_ONLY)
    named = find_mentions(text, actors, on_date=DAY)
    found = pronoun_mentions(text, named, actors, None, {"Ongpin": ongpin})
    assert ("Ongpin", "PHLGOV", "named-before") in codes(found)
    # a lower-case common noun is no name, whatever the document named before
    plain = sentence("rice has risen .", [2, 2, 2, 2], "nsubj aux ROOT punct",
                     "NN VBZ VBN .", "NOUN AUX VERB PUNCT")  # fmt: skip
    found = pronoun_mentions(plain, [], actors, None, {"rice": ongpin})
    assert codes(found) == []


def test_a_subject_pronoun_is_not_the_person_its_own_clause_names(
    actors: ActorDictionary,
) -> None:
    # "He warned that Tillerson erred .": whoever "he" is, he is not Tillerson
    warned = sentence("He warned that Tillerson erred .", [1, 1, 4, 4, 1, 1],
                      "nsubj ROOT mark nsubj ccomp punct",
                      "PRP VBD IN NNP VBD .", "PRON VERB SCONJ PROPN VERB PUNCT")  # fmt: skip
    tillerson = Actor("Rex Tillerson", "USAGOV", None, "USA", CONTEXT_ONLY)
    names = {"Tillerson": tillerson}
    named = find_mentions(warned, actors, on_date=DAY)
    found = pronoun_mentions(warned, named, actors, tillerson, names)
    assert codes(found) == [("Tillerson", "USAGOV", "named-before")]
    # another person before is "he" all the same
    found = pronoun_mentions(warned, named, actors, KHAMENEI, names)
    assert ("He", "IRNGOV", "anaphora") in codes(found)
    # a name outside the pronoun's clause may be him: "After he arrived , Tillerson erred ."
    after = sentence("After he arrived , Tillerson erred .", [2, 2, 5, 5, 5, 5, 5],
                     "mark nsubj advcl punct nsubj ROOT punct", "IN PRP VBD , NNP VBD .",
                     "SCONJ PRON VERB PUNCT PROPN VERB PUNCT")  # fmt: skip
    named = find_mentions(after, actors, on_date=DAY)
    found = pronoun_mentions(after, named, actors, tillerson, names)
    assert ("he", "USAGOV", "anaphora") in codes(found)


def test_anaphora_a_surname_named_before_stays_a_name_the_parser_mistagged(
    actors: ActorDictionary,
) -> None:
    # "Trump, also on Twitter, defended ...": the parser tags "Trump" JJ; the surname
    # matcher took it for a name, and the name met before is whom it names
    text = sentence("Trump , defended Israel .", [3, 0, 3, 3, 3], "nsubj punct ROOT dobj punct",
                    "JJ , VBD NNP .", "ADJ PUNCT VERB PROPN PUNCT")  # fmt: skip
    named = find_mentions(text, actors, on_date="2019-10-08")
    assert ("Trump", "USAGOV", "actor-surname") in codes(named)
    titled = Actor("Donald Trump", "USAGOV", None, "USA", "titled")
    found = pronoun_mentions(text, named, actors, None, {"Trump": titled})
    assert ("Trump", "USAGOV", "named-before") in codes(found)
    # a word the matcher did not take for a name is not made one by its spelling alone
    plain = sentence("trump , defended Israel .", [3, 0, 3, 3, 3], "nsubj punct ROOT dobj punct",
                     "JJ , VBD NNP .", "ADJ PUNCT VERB PROPN PUNCT")  # fmt: skip
    plain_named = find_mentions(plain, actors, on_date="2019-10-08")
    found = pronoun_mentions(plain, plain_named, actors, None, {"trump": titled})
    assert [m.rule for m in found] == ["actor"]


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        (HAMAS, [("They", "PSENGOHMS", GROUP_ANAPHORA), ("Israel", "ISR", "actor")]),
        (None, [("Israel", "ISR", "actor")]),
    ],
)
def test_anaphora_they_is_the_group_named_just_before(
    actors: ActorDictionary, group: Actor | None, expected: list[tuple[str, str, str]]
) -> None:
    named = find_mentions(THEY, actors, on_date=DAY)
    assert codes(group_mentions(THEY, named, group)) == expected


def test_anaphora_they_after_a_group_of_members_the_sentence_names_is_left_to_the_parse(
    actors: ActorDictionary,
) -> None:
    # "Police evicted workers after they began a strike ." (a German president named before)
    words = "Police evicted workers after they began a strike ."
    evicted = sentence(words, [1, 1, 1, 5, 5, 1, 7, 5, 1],
                       "nsubj ROOT dobj mark nsubj advcl det dobj punct",
                       "NNS VBD NNS IN PRP VBD DT NN .",
                       "NOUN VERB NOUN SCONJ PRON VERB DET NOUN PUNCT")  # fmt: skip
    named = find_mentions(evicted, actors, on_date=DAY)
    germany = Actor("West German", "DEU", None, "DEU", "actor:GERMANY")
    assert GROUP_ANAPHORA not in [m.rule for m in group_mentions(evicted, named, germany)]
    # one person's title is no group: "The minister said they would act ." is the group's
    words = "The minister said they would act ."
    said = sentence(words, [1, 2, 2, 5, 5, 2, 2], "det nsubj ROOT nsubj aux ccomp punct",
                    "DT NN VBD PRP MD VB .", "DET NOUN VERB PRON AUX VERB PUNCT")  # fmt: skip
    found = group_mentions(said, find_mentions(said, actors, on_date=DAY), germany)
    assert ("they", "DEU", GROUP_ANAPHORA) in codes(found)


def test_anaphora_a_group_read_into_they_is_no_person_a_later_he_could_be(
    actors: ActorDictionary,
) -> None:
    # "They weren't in Russia. They never made a phone call ." ... "he said": Russia read into
    # "They" neither is the sentence's person nor its subject's
    named = find_mentions(THEY, actors, on_date=DAY)
    russia = Actor("Russia", "RUS", "Russian Federation", None, "actor:RUSSIA")
    found = group_mentions(THEY, named, russia)
    assert ("They", "RUS", GROUP_ANAPHORA) in codes(found)
    assert last_person(THEY, found, actors, None, {}) is None
    assert subject_person(THEY, found, actors) is None


def test_anaphora_sole_group_needs_exactly_one(actors: ActorDictionary) -> None:
    named = find_mentions(NAMED, actors, on_date=DAY)
    assert sole_group(named, actors) is None  # Hamas and Israel: two groups, no "they"
    hamas_only = [m for m in named if m.actor.text == "Hamas"]
    group = sole_group(hamas_only, actors)
    assert group is not None and group.code.startswith("PSE")


def test_anaphora_last_person_names_the_person_and_remembers_titled_names(
    actors: ActorDictionary,
) -> None:
    text = sentence("Khamenei condemned Israel .", [1, 1, 1, 1], "nsubj ROOT dobj punct",
                    "NNP VBD NNP .", "PROPN VERB PROPN PUNCT")  # fmt: skip
    named = find_mentions(text, actors, on_date=DAY)
    person = last_person(text, named, actors, None, {})
    assert person is not None and person.code.startswith("IRN")
    unknown = sentence("Smithers condemned Israel .", [1, 1, 1, 1], "nsubj ROOT dobj punct",
                       "NNP VBD NNP .", "PROPN VERB PROPN PUNCT")  # fmt: skip
    found = find_mentions(unknown, actors, on_date=DAY)
    assert last_person(unknown, found, actors, None, {}) is UNKNOWN_PERSON


def titled_names(actors: ActorDictionary, given: str, context: str | None) -> dict[str, Actor]:
    """Return the names `last_person` remembers from "Commerce Secretary <given> Ross ..."."""
    words = f"Commerce Secretary {given} Ross criticized Moscow .".replace("  ", " ")
    width = len(words.split())
    heads = [width - 4] * (width - 4) + [width - 3] * 3 + [width - 3]
    heads[width - 4] = width - 3
    deps = " ".join(["compound"] * (width - 4) + ["nsubj", "ROOT", "dobj", "punct"])
    tags = " ".join(["NNP"] * (width - 3) + ["VBD", "NNP", "."])
    pos = " ".join(["PROPN"] * (width - 3) + ["VERB", "PROPN", "PUNCT"])
    text = sentence(words, heads, deps, tags, pos)
    names: dict[str, Actor] = {}
    last_person(text, find_mentions(text, actors, on_date=DAY), actors, context, names)
    return names


def test_anaphora_a_titled_name_without_a_country_takes_the_story_country_as_a_guess(
    actors: ActorDictionary,
) -> None:
    # "Commerce Secretary Walden Ross" (a secretary the dictionaries lack, as they lacked
    # Wilbur Ross before session 30) in a US story: the title names no country, the
    # story's gives it (as it does to the phrase itself), and a later "Ross" is that man,
    # not the dictionary's Joseph Ross; the actor says that only the context coded it
    names = titled_names(actors, "Walden", "USA")
    ross = names["Ross"]
    assert (ross.code, ross.entry) == ("USAGOV", CONTEXT_ONLY)
    later = sentence("Ross condemned Israel .", [1, 1, 1, 1], "nsubj ROOT dobj punct",
                     "NNP VBD NNP .", "PROPN VERB PROPN PUNCT")  # fmt: skip
    found = pronoun_mentions(later, find_mentions(later, actors, on_date=DAY), actors, None, names)
    assert ("Ross", "USAGOV", "named-before") in codes(found)
    # the dictionary's own Joseph Ross keeps his entry
    assert titled_names(actors, "Joseph", "USA")["Ross"].code == "TTOGOVBUS"


@pytest.mark.parametrize(
    ("given", "context"),
    [
        ("", "USA"),  # "Commerce Secretary Ross": any Ross the dictionary knows
        ("Walden", None),  # no country at all
    ],
)
def test_anaphora_a_titled_name_the_context_cannot_code_is_no_one_we_can_name(
    actors: ActorDictionary, given: str, context: str | None
) -> None:
    assert titled_names(actors, given, context).get("Ross", UNKNOWN_PERSON) is UNKNOWN_PERSON


# "<words> Igor Dodon spoke ." in 2017: the dictionary dates only Dodon's ministry of
# 2006-2009, so it gives him his country alone
def dodon_remembered(actors: ActorDictionary, before: str) -> tuple[str, str]:
    """Return the codes `last_person` gives a later "Dodon" and the person itself."""
    words = f"{before} Igor Dodon spoke ."
    width = len(words.split())
    name = width - 3  # "Dodon"
    heads = [name] * (width - 3) + [width - 2, width - 2, width - 2]
    deps = " ".join(["compound"] * (width - 3) + ["nsubj", "ROOT", "punct"])
    tags = " ".join(["NNP"] * (width - 2) + ["VBD", "."])
    pos = " ".join(["PROPN"] * (width - 2) + ["VERB", "PUNCT"])
    text = sentence(words, heads, deps, tags, pos)
    names: dict[str, Actor] = {}
    found = find_mentions(text, actors, on_date="2017-03-14")
    person = last_person(text, found, actors, None, names)
    assert person is not None
    return names["Dodon"].code, person.code


@pytest.mark.parametrize(
    ("before", "code"),
    [
        ("Moldovan President", "MDAGOV"),  # the text names him president
        ("Moldovan", "MDA"),  # no title: the dictionary's country alone
        ("former President", "MDA"),  # out of office: no government's
        ("Socialist leader", "MDA"),  # a leader of what he heads, which the title leaves open
    ],
)
def test_anaphora_a_title_gives_a_named_person_the_office_the_dictionary_lacks(
    actors: ActorDictionary, before: str, code: str
) -> None:
    assert dodon_remembered(actors, before) == (code, code)


# "<Name> Petrov , Russia 's foreign minister , condemned Israel ."
APPOSITION_PARSE = (
    [1, 8, 1, 6, 3, 6, 1, 1, 8, 8, 8],
    "compound nsubj punct poss case amod appos punct ROOT dobj punct",
    "NNP NNP , NNP POS JJ NN , VBD NNP .",
    "PROPN PROPN PUNCT PROPN PART ADJ NOUN PUNCT VERB PROPN PUNCT",
)


def appositive_codes(
    actors: ActorDictionary, first: str, names: dict[str, Actor]
) -> list[tuple[str, str, str]]:
    words = f"{first} Petrov , Russia 's foreign minister , condemned Israel ."
    parsed = sentence(words, *APPOSITION_PARSE)
    return codes(
        appositive_mentions(parsed, find_mentions(parsed, actors, on_date=DAY), actors, names)
    )


def test_anaphora_an_apposition_names_an_unknown_person(actors: ActorDictionary) -> None:
    names: dict[str, Actor] = {}
    assert ("Ivan Petrov", "RUSGOV", "appositive") in appositive_codes(actors, "Ivan", names)
    assert names["Petrov"].code == "RUSGOV"  # "Petrov" alone later is the same minister
    # a month is no person ("July 6: ..."), and the same words name no one there
    found = appositive_codes(actors, "July", {})
    assert "appositive" not in {rule for _, _, rule in found}


@pytest.mark.parametrize(
    ("role", "code"),
    [("politician", "RUSPTY"), ("journalist", "RUSMED"), ("dissident", "RUSOPP")],
)
def test_an_apposition_of_a_trade_names_an_unknown_person(
    actors: ActorDictionary, role: str, code: str
) -> None:
    # "Denis Voronenkov, a Russian politician, was shot dead": the name is the target
    parsed = sentence(
        f"Ivan Petrov , a Russian {role} , condemned Israel .",
        [1, 7, 1, 5, 5, 1, 1, 7, 7, 7],
        "compound nsubj punct det amod appos punct ROOT dobj punct",
        "NNP NNP , DT JJ NN , VBD NNP .",
        "PROPN PROPN PUNCT DET ADJ NOUN PUNCT VERB PROPN PUNCT",
    )
    found = appositive_mentions(parsed, find_mentions(parsed, actors, on_date=DAY), actors, {})
    assert ("Ivan Petrov", code, "appositive") in codes(found)


@pytest.mark.parametrize(
    ("country", "code"),
    [
        ("Moldova", "MDAGOV"),  # an office in his own country: what he is now
        ("Russia", "MDA"),  # another country's office is no role the dictionary could date
    ],
)
def test_an_apposition_gives_a_dictionary_person_in_no_dated_role_his_office(
    actors: ActorDictionary, country: str, code: str
) -> None:
    # in 2017 the dictionary gives Igor Dodon (a minister of 2006-2009) his country alone
    words = f"Igor Dodon , {country} 's foreign minister , condemned Israel ."
    parsed = sentence(words, *APPOSITION_PARSE)
    names: dict[str, Actor] = {}
    found = appositive_mentions(
        parsed, find_mentions(parsed, actors, on_date="2017-03-14"), actors, names
    )
    dodon = [(rule, c) for text, c, rule in codes(found) if text == "Igor Dodon"]
    assert dodon == [("appositive" if code != "MDA" else "actor", code)]
    assert ("Dodon" in names) == (code != "MDA")


def test_an_office_held_before_makes_the_person_one_of_the_elite(
    actors: ActorDictionary,
) -> None:
    # "Ivan Petrov , formerly Russia 's foreign minister , condemned Israel ."
    parsed = sentence(
        "Ivan Petrov , formerly Russia 's foreign minister , condemned Israel .",
        [1, 9, 1, 7, 7, 4, 7, 1, 1, 9, 9, 9],
        "compound nsubj punct advmod poss case amod appos punct ROOT dobj punct",
        "NNP NNP , RB NNP POS JJ NN , VBD NNP .",
        "PROPN PROPN PUNCT ADV PROPN PART ADJ NOUN PUNCT VERB PROPN PUNCT",
    )
    names: dict[str, Actor] = {}
    found = appositive_mentions(parsed, find_mentions(parsed, actors, on_date=DAY), actors, names)
    assert ("Ivan Petrov", "RUSELI", "appositive") in codes(found)
    assert names["Petrov"].code == "RUSELI"


@pytest.mark.parametrize(("former", "code"), [("former", "BRAELI"), ("the", "BRAGOVENV")])
def test_an_office_held_before_ends_a_role_the_dictionary_left_open(
    actors: ActorDictionary, former: str, code: str
) -> None:
    # Phoenix gives Izabella Teixeira BRAGOVENV from 2010 on, never ended
    parsed = sentence(
        f"Izabella Teixeira , {former} Brazilian environment minister , said no .",
        [1, 8, 1, 6, 6, 6, 1, 1, 8, 8, 8],
        "compound nsubj punct amod amod compound appos punct ROOT dobj punct",
        "NNP NNP , JJ JJ NN NN , VBD DT .",
        "PROPN PROPN PUNCT ADJ ADJ NOUN NOUN PUNCT VERB DET PUNCT",
    )
    found = appositive_mentions(
        parsed, find_mentions(parsed, actors, on_date="2017-03-29"), actors, {}
    )
    assert [c for text, c, _ in codes(found) if text == "Izabella Teixeira"] == [code]


def _relative_clause(title: str, tags: str, pos: str) -> Sentence:
    """Return "Ivan Petrov , who is Russia 's <title> , condemned Israel ." parsed."""
    return make_sentence(
        f"Ivan Petrov , who is Russia 's {title} , condemned Israel .",
        [1, 10, 1, 4, 1, 8, 5, 8, 4, 1, 10, 10, 10],
        "compound nsubj punct nsubj relcl poss case amod attr punct ROOT dobj punct",
        "ivan petrov , who be russia 's foreign minister , condemn israel .",
        f"NNP NNP , WP VBZ NNP POS {tags} , VBD NNP .",
        f"PROPN PROPN PUNCT PRON AUX PROPN PART {pos} PUNCT VERB PROPN PUNCT",
    )


@pytest.mark.parametrize(
    ("title", "tags", "pos"),
    [
        ("foreign minister", "JJ NN", "ADJ NOUN"),
        # a title may be capitalised ("who was Trump's Special Presidential Envoy")
        ("Foreign Minister", "NNP NNP", "PROPN PROPN"),
    ],
)
def test_a_relative_clause_that_says_what_a_person_is_names_him(
    actors: ActorDictionary, title: str, tags: str, pos: str
) -> None:
    names: dict[str, Actor] = {}
    clause = _relative_clause(title, tags, pos)
    found = appositive_mentions(clause, find_mentions(clause, actors, on_date=DAY), actors, names)
    assert ("Ivan Petrov", "RUSGOV", "appositive") in codes(found)
    assert names["Petrov"].code == "RUSGOV"


# "The Pakistani Taliban claimed it ." then "The Taliban claimed it ."
PAKISTANI_TALIBAN = sentence("The Pakistani Taliban claimed it .", [2, 2, 3, 3, 3, 3],
                             "det amod nsubj ROOT dobj punct", "DT NNP NNP VBD PRP .",
                             "DET PROPN PROPN VERB PRON PUNCT")  # fmt: skip
TALIBAN = sentence("The Taliban claimed it .", [1, 2, 2, 2, 2], "det nsubj ROOT dobj punct",
                   "DT NNP VBD PRP .", "DET PROPN VERB PRON PUNCT")  # fmt: skip


def test_a_short_name_after_a_longer_one_is_the_same_group(actors: ActorDictionary) -> None:
    longer: dict[str, Actor] = {}
    alone = codes(shortened_names(TALIBAN, find_mentions(TALIBAN, actors, on_date=DAY), {}))
    assert ("Taliban", "AFGREB", "actor") in alone  # the dictionary's reading
    first = shortened_names(
        PAKISTANI_TALIBAN, find_mentions(PAKISTANI_TALIBAN, actors, on_date=DAY), longer
    )
    assert ("Pakistani Taliban", "PAKREB", "actor") in codes(first)
    later = shortened_names(TALIBAN, find_mentions(TALIBAN, actors, on_date=DAY), longer)
    assert ("Taliban", "PAKREB", "actor") in codes(later)


def test_a_short_name_of_another_role_keeps_its_own_code(actors: ActorDictionary) -> None:
    # "Tehrik-i-Taliban Pakistan" (PAKREB) ends in "Pakistan": a later "Pakistan" stays PAK
    longer = {"pakistan": Actor("Tehrik-i-Taliban Pakistan", "PAKREB", None, None, "x")}
    text = sentence("Pakistan condemned it .", [1, 1, 1, 1], "nsubj ROOT dobj punct",
                    "NNP VBD PRP .", "PROPN VERB PRON PUNCT")  # fmt: skip
    found = shortened_names(text, find_mentions(text, actors, on_date=DAY), longer)
    assert ("Pakistan", "PAK", "actor") in codes(found)


def test_an_acronym_defined_after_a_name_takes_its_actor(actors: ActorDictionary) -> None:
    acronyms: dict[str, Actor] = {}
    defining = sentence(
        "Turkey attacked the Kurdistan Workers Party ( PKK ) .",
        [1, 1, 5, 5, 5, 1, 5, 5, 5, 1],
        "nsubj ROOT det compound compound dobj punct appos punct punct",
        "NNP VBD DT NNP NNP NNP -LRB- NNP -RRB- .",
        "PROPN VERB DET PROPN PROPN PROPN PUNCT PROPN PUNCT PUNCT",
    )
    party = Actor("Kurdistan Workers Party", "TURREB", None, "TUR", "x")
    named = [Mention(0, 0, Actor("Turkey", "TUR"), "actor"), Mention(3, 5, party, "actor")]
    acronym_mentions(defining, named, acronyms)
    assert acronyms == {"PKK": party}
    later = sentence("PKK fighters fled .", [1, 2, 2, 2], "compound nsubj ROOT punct",
                     "NNP NNS VBD .", "PROPN NOUN VERB PUNCT")  # fmt: skip
    assert ("PKK", "TURREB", "acronym") in codes(acronym_mentions(later, [], acronyms))
    # an acronym no coded name defined stays unread
    assert acronym_mentions(later, [], {}) == []
    # in a headline written in capitals the word is not read as the acronym
    shouting = sentence("PKK FIGHTERS FLED .", [1, 2, 2, 2], "compound nsubj ROOT punct",
                        "NNP NNS VBD .", "PROPN NOUN VERB PUNCT")  # fmt: skip
    assert acronym_mentions(shouting, [], acronyms) == []


def test_anaphora_a_subjects_apposition_names_someone_the_dictionary_lacks(
    actors: ActorDictionary,
) -> None:
    # "Dunn's mother, Jane Doolan, said she ...": "she" follows a person named here, whom
    # the dictionary lacks; it is not the minister named in the sentence before
    said = sentence("The mother , Jane Doolan , said she left .",
                    [1, 6, 1, 4, 1, 1, 6, 8, 6, 6],
                    "det nsubj punct compound appos punct ROOT nsubj ccomp punct",
                    "DT NN , NNP NNP , VBD PRP VBD .",
                    "DET NOUN PUNCT PROPN PROPN PUNCT VERB PRON VERB PUNCT")  # fmt: skip
    found = find_mentions(said, actors, on_date=DAY)
    assert [
        m for m in pronoun_mentions(said, found, actors, KHAMENEI) if m.rule == "anaphora"
    ] == []
    assert last_person(said, found, actors, None) is UNKNOWN_PERSON


def test_a_full_names_first_word_another_mans_surname_is_him_later(
    actors: ActorDictionary,
) -> None:
    # Wikinews, 2020: "Hosni Mubarak, the former President of Egypt, died ... the government
    # allegedly criticized Hosni's creation of new cities": the dictionary knows "Hosni" as
    # Farouk Hosni's surname (a minister, EGYGOVMED); in this document it is Mubarak
    full = sentence("Hosni Mubarak died .", [1, 2, 2, 2], "compound nsubj ROOT punct",
                    "NNP NNP VBD .", "PROPN PROPN VERB PUNCT")  # fmt: skip
    names: dict[str, Actor] = {}
    found = find_mentions(full, actors, on_date="2020-02-25")
    person = last_person(full, found, actors, "EGY", names)
    assert person is not None and person.entry == names["Hosni"].entry == names["Mubarak"].entry
    later = sentence("Hosni built cities .", [1, 1, 1, 1], "nsubj ROOT dobj punct",
                     "NNP VBD NNS .", "PROPN VERB NOUN PUNCT")  # fmt: skip
    alone = find_mentions(later, actors, on_date="2020-02-25")
    assert ("Hosni", "EGYGOVMED", "actor-surname") in codes(alone)  # the dictionary's reading
    resolved = pronoun_mentions(later, alone, actors, None, names)
    assert [(m.actor.text, m.actor.entry, m.rule) for m in resolved] == [
        ("Hosni", person.entry, "named-before")
    ]


def _titled(first: str, name: str, country: str) -> Sentence:
    """Return "<first> Minister <name> of <country> resigned ." parsed."""
    words = f"{first} Minister {name} of {country} resigned ."
    return sentence(words, [3, 3, 3, 6, 3, 4, 6, 6],
                    "compound compound compound nsubj prep pobj ROOT punct",
                    "NNP NNP NNP NNP IN NNP VBD .",
                    "PROPN PROPN PROPN PROPN ADP PROPN VERB PUNCT")  # fmt: skip


# "The Prime Minister met Putin ."
THE_PRIME_MINISTER = sentence("The Prime Minister met Putin .", [2, 2, 3, 3, 3, 3],
                              "det compound nsubj ROOT dobj punct", "DT NNP NNP VBD NNP .",
                              "DET PROPN PROPN VERB PROPN PUNCT")  # fmt: skip


def _remembered(actors: ActorDictionary, *sentences: Sentence) -> dict[str, Actor | None]:
    titles: dict[str, Actor | None] = {}
    for parsed in sentences:
        remember_titles(parsed, find_mentions(parsed, actors, on_date=DAY), actors, titles)
    return titles


def test_the_prime_minister_is_the_person_the_story_gave_the_title(
    actors: ActorDictionary,
) -> None:
    # "Prime Minister Novak of Slovakia ..." and, later, "the Prime Minister": Novak, not
    # the country the sentences between named most
    titles = _remembered(actors, _titled("Prime", "Igor Novak", "Slovakia"))
    person = titles.get("prime minister")
    assert person is not None and person.code == "SVKGOV"
    later = THE_PRIME_MINISTER
    found = titled_mentions(later, find_mentions(later, actors, on_date=DAY), titles)
    assert ("Prime Minister", "SVKGOV", "titled-before") in codes(found)
    # a title two persons bore names neither; a former holder's names no one
    both = _remembered(
        actors,
        _titled("Prime", "Igor Novak", "Slovakia"),
        _titled("Prime", "Igor Dupont", "Belgium"),
    )
    assert "prime minister" in both and both["prime minister"] is None
    assert all(rule != "titled-before" for _, _, rule in codes(
        titled_mentions(later, find_mentions(later, actors, on_date=DAY), both)
    ))  # fmt: skip
    former = sentence("Former Prime Minister Igor Novak of Slovakia resigned .",
                      [4, 4, 4, 4, 7, 4, 5, 7, 7],
                      "amod compound compound compound nsubj prep pobj ROOT punct",
                      "JJ NNP NNP NNP NNP IN NNP VBD .",
                      "ADJ PROPN PROPN PROPN PROPN ADP PROPN VERB PUNCT")  # fmt: skip
    assert "prime minister" not in _remembered(actors, former)  # "the former ..." may be him


def test_a_title_that_says_whom_it_means_is_not_read_as_the_one_before(
    actors: ActorDictionary,
) -> None:
    titles = _remembered(actors, _titled("Prime", "Igor Novak", "Slovakia"))
    # "the Prime Minister of Belgium", "the Prime Minister Dupont" name their own
    of_belgium = sentence("The Prime Minister of Belgium met Putin .", [2, 2, 5, 2, 3, 5, 5, 5],
                          "det compound nsubj prep pobj ROOT dobj punct",
                          "DT NNP NNP IN NNP VBD NNP .",
                          "DET PROPN PROPN ADP PROPN VERB PROPN PUNCT")  # fmt: skip
    named = sentence("The Prime Minister Dupont met Putin .", [3, 3, 3, 4, 4, 4, 4],
                     "det compound compound nsubj ROOT dobj punct",
                     "DT NNP NNP NNP VBD NNP .",
                     "DET PROPN PROPN PROPN VERB PROPN PUNCT")  # fmt: skip
    for parsed in (of_belgium, named):
        found = titled_mentions(parsed, find_mentions(parsed, actors, on_date=DAY), titles)
        assert all(rule != "titled-before" for _, _, rule in codes(found))


def test_a_stray_mark_of_a_mangled_name_is_no_name_met_before(actors: ActorDictionary) -> None:
    # "Commissioner N\ufffd\ufffdir\ufffd\ufffdn O'Sullivan": scraped text split the name at
    # replacement marks; a later mark is no one
    later = sentence("\ufffd condemned Israel .", [1, 1, 1, 1], "nsubj ROOT dobj punct",
                     "NNP VBD NNP .", "PROPN VERB PROPN PUNCT")  # fmt: skip
    names = {"\ufffd": Actor("\ufffd", "IRLCOP"), "Smithers": Actor("Smithers", "GBRGOV")}
    found = pronoun_mentions(later, find_mentions(later, actors, on_date=DAY), actors, None, names)
    assert all(rule != "named-before" for _, _, rule in codes(found))


def test_its_is_the_group_its_clause_or_the_speech_over_it_is_about(
    actors: ActorDictionary,
) -> None:
    # "Russia said its jets struck Aleppo ." in a story about Syria: Russia's jets
    said = sentence("Russia said its jets struck Aleppo .", [1, 1, 3, 4, 1, 4, 1],
                    "nsubj ROOT poss nsubj ccomp dobj punct", "NNP VBD PRP$ NNS VBD NNP .",
                    "PROPN VERB PRON NOUN VERB PROPN PUNCT")  # fmt: skip
    found = possessive_mentions(said, find_mentions(said, actors, on_date=DAY), actors)
    assert ("its", "RUS", "anaphora") in codes(found)
    # "The US accused Iran of arming its proxies .": "arming" has no subject; no guess
    accused = sentence("The US accused Iran of arming its proxies .", [1, 2, 2, 2, 2, 4, 7, 5, 2],
                       "det nsubj ROOT dobj prep pcomp poss dobj punct",
                       "DT NNP VBD NNP IN VBG PRP$ NNS .",
                       "DET PROPN VERB PROPN ADP VERB PRON NOUN PUNCT")  # fmt: skip
    found = possessive_mentions(accused, find_mentions(accused, actors, on_date=DAY), actors)
    assert all(m.actor.text != "its" for m in found)


def test_his_or_her_is_the_person_its_clause_is_about(actors: ActorDictionary) -> None:
    # "Thatcher left Bonn after talks with Kohl ahead of her visit to Moscow": her visit;
    # the parse hangs the visit five steps below the verb whose subject she is
    left = sentence(
        "Maliki left Tehran after talks with Khamenei ahead of his visit to Moscow .",
        [1, 1, 1, 1, 3, 4, 5, 4, 7, 10, 8, 10, 11, 1],
        "nsubj ROOT dobj prep pobj prep pobj advmod prep poss pobj prep pobj punct",
        "NNP VBD NNP IN NNS IN NNP RB IN PRP$ NN IN NNP .",
        "PROPN VERB PROPN ADP NOUN ADP PROPN ADV ADP PRON NOUN ADP PROPN PUNCT",
    )
    found = possessive_mentions(left, find_mentions(left, actors, on_date=DAY), actors)
    assert ("his", "IRQGOV", "anaphora") in codes(found)
    # a country is no "his": "Iran said his visit to Moscow was a success" names no owner
    said = sentence("Iran said his visit to Moscow was a success .", [1, 1, 3, 6, 3, 4, 1, 8, 6, 1],
                    "nsubj ROOT poss nsubj prep pobj ccomp det attr punct",
                    "NNP VBD PRP$ NN IN NNP VBD DT NN .",
                    "PROPN VERB PRON NOUN ADP PROPN VERB DET NOUN PUNCT")  # fmt: skip
    found = possessive_mentions(said, find_mentions(said, actors, on_date=DAY), actors)
    assert all(m.actor.text != "his" for m in found)


def test_anaphora_an_outlets_journalist_is_remembered_as_media(actors: ActorDictionary) -> None:
    # "Al Jazeera journalist Mahmoud Hussein was detained ." ... "Hussein was questioned ."
    day = "2017-03-19"
    text = sentence("Al Jazeera journalist Mahmoud Hussein was detained .",
                    [1, 4, 4, 4, 6, 6, 6, 6],
                    "compound compound compound compound nsubjpass auxpass ROOT punct",
                    "NNP NNP NN NNP NNP VBD VBN .",
                    "PROPN PROPN NOUN PROPN PROPN AUX VERB PUNCT")  # fmt: skip
    named = find_mentions(text, actors, on_date=day)
    names: dict[str, Actor] = {}
    person = last_person(text, named, actors, "EGY", names)
    assert person is not None and person.code == "MED"
    assert names["Hussein"].code == "MED"
    later = sentence("Hussein was questioned .", [2, 2, 2, 2], "nsubjpass auxpass ROOT punct",
                     "NNP VBD VBN .", "PROPN AUX VERB PUNCT")  # fmt: skip
    found = pronoun_mentions(later, find_mentions(later, actors, on_date=day), actors, None, names)
    assert ("Hussein", "MED", "named-before") in codes(found)  # not King Hussein's Jordan


def test_anaphora_the_subject_is_the_titled_speaker_not_the_person_he_reports_on(
    actors: ActorDictionary,
) -> None:
    # Reuters, 1987: "U.S. Secretary of Commerce Malcolm Baldrige said he hopes Japanese
    # Prime Minister Yasuhiro Nakasone will make proposals ... He also told reporters ...":
    # the speaker, named after his title, is the subject a later "he" continues; the
    # person his clause reports on (the subject of "will come") was read as "he" before
    said = sentence("Commerce Secretary Walden Ross said Chancellor Helmut Kohl will come .",
                    [3, 3, 3, 4, 4, 7, 7, 9, 9, 4, 4],
                    "compound compound compound nsubj ROOT compound compound nsubj aux ccomp punct",
                    "NNP NNP NNP NNP VBD NNP NNP NNP MD VB .",
                    "PROPN PROPN PROPN PROPN VERB PROPN PROPN PROPN AUX VERB PUNCT")  # fmt: skip
    found = find_mentions(said, actors, on_date="1987-04-27")
    assert ("Chancellor Helmut Kohl", "DEUGOV", "actor") in codes(found)
    subject = subject_person(said, found, actors, "USA")
    assert subject is not None and subject.code == "USAGOV"  # Ross, not Kohl (DEUGOV)
    named = find_mentions(HE, actors, on_date=DAY)
    kohl = last_person(said, found, actors, "USA")
    he = pronoun_mentions(HE, named, actors, kohl, None, subject)
    assert codes(he)[0] == ("He", "USAGOV", "anaphora")


def test_anaphora_a_passive_subject_the_dictionary_lacks_is_who_he_is_later(
    actors: ActorDictionary,
) -> None:
    # DW, 2017: "The attacker, Anis Amri, was considered a threat ... He was ordered to be
    # deported": "he" is Amri, whom the dictionary lacks, not the minister named before
    considered = sentence("The attacker , Anis Amri , was considered a threat .",
                          [1, 7, 1, 4, 1, 1, 7, 7, 9, 7, 7],
                          "det nsubjpass punct compound appos punct auxpass ROOT det oprd punct",
                          "DT NN , NNP NNP , VBD VBN DT NN .",
                          "DET NOUN PUNCT PROPN PROPN PUNCT AUX VERB DET NOUN PUNCT")  # fmt: skip
    found = find_mentions(considered, actors, on_date=DAY)
    assert subject_person(considered, found, actors) is UNKNOWN_PERSON
    assert last_person(considered, found, actors, None) is UNKNOWN_PERSON
    named = find_mentions(HE, actors, on_date=DAY)
    he = pronoun_mentions(HE, named, actors, KHAMENEI, None, UNKNOWN_PERSON)
    assert [m for m in he if m.rule == "anaphora"] == []
    # a plural or sentence-initial common noun is no one "he" goes back to
    witnesses = sentence("Witnesses said Khamenei left .", [1, 1, 3, 1, 1],
                         "nsubj ROOT nsubj ccomp punct", "NN VBD NNP VBD .",
                         "NOUN VERB PROPN VERB PUNCT")  # fmt: skip
    seen = find_mentions(witnesses, actors, on_date=DAY)
    person = subject_person(witnesses, seen, actors)
    assert person is not None and person.code.startswith("IRN")
