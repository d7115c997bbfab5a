"""Parties that argument phrases offer (learn/candidates.py), on hand-built parses."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dyad.coder.actors import CONTEXT_ONLY
from dyad.config import load_config
from dyad.learn import candidates as cand
from dyad.records import Actor, Mention
from parses import make_sentence, shared_subject_parse


def _codes(sentence, head, mentions, context="AFG", memory=None) -> set[str]:
    memory = memory or cand.DocumentMemory("d")
    return {p.code for p in cand.parties(sentence, head, mentions, context, memory)}


def test_country_adjective_hung_elsewhere_still_qualifies_the_force() -> None:
    # the parser hangs "Afghan" on the verb and "coalition forces" on "Afghan"
    sentence = make_sentence(
        "Afghan and coalition forces detained two insurgents .",
        [4, 0, 3, 0, 4, 6, 4, 4],
        "nsubj cc compound conj ROOT nummod dobj punct",
        lemmas="afghan and coalition force detain two insurgent .",
        pos="ADJ CCONJ NOUN NOUN VERB NUM NOUN PUNCT",
    )
    mentions = [
        Mention(0, 0, Actor("Afghan", "AFG"), "actor"),
        Mention(2, 3, Actor("coalition forces", "IGOWSTNATMIL"), "actor"),
    ]
    assert _codes(sentence, 3, mentions) == {"AFGMIL", "IGOWSTNATMIL"}


def _force(words: str, lemmas: str, pos: str, heads: list[int], deps: str):
    sentence = make_sentence(words, heads, deps, lemmas=lemmas, pos=pos)
    force = next(t.i for t in sentence.tokens if t.lemma == "force")
    return sentence, force, [Mention(force, force, Actor("force", "~MIL"), "agent")]


@pytest.mark.parametrize(
    ("words", "lemmas", "pos", "heads", "deps"),
    [
        (
            "A combined force detained two men .",
            "a combined force detain two man .",
            "DET ADJ NOUN VERB NUM NOUN PUNCT",
            [2, 2, 3, 3, 5, 3, 3],
            "det amod nsubj ROOT nummod dobj punct",
        ),
        (
            "Force detains insurgents",
            "force detain insurgent",
            "NOUN VERB NOUN",
            [1, 1, 1],
            "nsubj ROOT dobj",
        ),
    ],
)
def test_unnamed_force_in_afghanistan_is_afghan_and_isaf(words, lemmas, pos, heads, deps) -> None:
    sentence, force, mentions = _force(words, lemmas, pos, heads, deps)
    assert _codes(sentence, force, mentions) == {"AFGMIL", "IGOWSTNATMIL"}
    assert _codes(sentence, force, mentions, context="USA") == {"USAMIL"}


def test_afghan_international_force_adds_isaf() -> None:
    sentence = make_sentence(
        "An Afghan - international force detained him .",
        [4, 4, 4, 4, 5, 5, 5, 5],
        "det amod punct amod nsubj ROOT dobj punct",
        lemmas="an afghan - international force detain he .",
        pos="DET ADJ PUNCT ADJ NOUN VERB PRON PUNCT",
    )
    mentions = [
        Mention(1, 1, Actor("Afghan", "AFG"), "actor"),
        Mention(4, 4, Actor("force", "~MIL"), "agent"),
    ]
    memory = cand.DocumentMemory("d")
    assert _codes(sentence, 4, mentions, memory=memory) == {"AFGMIL", "IGOWSTNATMIL"}
    assert {p.code for p in memory.joint} == {"AFGMIL", "IGOWSTNATMIL"}


def test_two_states_forces_are_no_joint_force_a_later_force_stands_for() -> None:
    # "... which had partnered with Syrian and Iraqi forces" told in passing in an Iraq
    # story made a later "army" and "forces" the Syrian and the Iraqi ones
    sentence = make_sentence(
        "Syrian and Iraqi forces advanced .",
        [3, 0, 0, 4, 4, 4],
        "amod cc conj nsubj ROOT punct",
        lemmas="syrian and iraqi force advance .",
        pos="ADJ CCONJ ADJ NOUN VERB PUNCT",
    )
    mentions = [
        Mention(0, 0, Actor("Syrian", "SYR"), "actor"),
        Mention(2, 2, Actor("Iraqi", "IRQ"), "actor"),
        Mention(3, 3, Actor("forces", "~MIL"), "agent"),
    ]
    memory = cand.DocumentMemory("d")
    assert _codes(sentence, 3, mentions, context="IRQ", memory=memory) == {"SYRMIL", "IRQMIL"}
    assert memory.joint == ()
    later, force, alone = _force(
        "The force advanced", "the force advance", "DET NOUN VERB", [1, 2, 2], "det nsubj ROOT"
    )
    assert _codes(later, force, alone, context="IRQ", memory=memory) == {"IRQMIL"}


@pytest.mark.parametrize(
    ("code", "renamed"),
    [("MNCKOR", "KORBUS"), ("MNCUSAENR", "USABUSENR"), ("MNC", "MNC"), ("KORGOV", "KORGOV")],
)
def test_companies_are_their_country_business(code: str, renamed: str) -> None:
    assert cand._rename(code) == renamed


def test_speaker_is_offered_in_every_sentence_of_a_speech() -> None:
    sentence = make_sentence(
        "Iraq must comply .", [2, 2, 2, 2], "nsubj aux ROOT punct", pos="PROPN AUX VERB PUNCT"
    )
    mentions = [Mention(0, 0, Actor("Iraq", "IRQ"), "actor")]
    memory = cand.DocumentMemory("d")
    spoken = cand.sentence_parties(sentence, mentions, "IRQ", memory, "USA")
    assert (-1, cand.Party("USAGOV", "", "speaker")) in spoken
    written = cand.sentence_parties(sentence, mentions, "IRQ", memory)
    assert {p.code for _, p in written} == {"IRQ"}


def test_presidential_speeches_speak_for_the_united_states() -> None:
    assert "us_presidential_speeches=USA" in load_config().coder.perspectives


def _after_the_taliban(context: str) -> tuple[cand.DocumentMemory, list[str]]:
    """Return a document's memory after "The Taliban attacked .", and what that offered."""
    first = make_sentence(
        "The Taliban attacked .", [1, 2, 2, 2], "det nsubj ROOT punct", pos="DET PROPN VERB PUNCT"
    )
    memory = cand.DocumentMemory("d")
    taliban = [Mention(1, 1, Actor("Taliban", "AFGREB"), "actor")]
    offered = cand.sentence_parties(first, taliban, context, memory)
    return memory, [p.code for _, p in offered]


def test_unresolved_subject_is_offered_the_actors_named_just_before() -> None:
    later = make_sentence("They fled .", [1, 1, 1], "nsubj ROOT punct", pos="PRON VERB PUNCT")
    memory, first = _after_the_taliban("AFG")
    assert first == ["AFGREB"]
    offered = cand.sentence_parties(later, [], "AFG", memory)
    assert offered == [(0, cand.Party("AFGREB", "They", "memory"))]


def test_a_named_countrys_military_asset_stands_for_its_forces() -> None:
    sentence = make_sentence(
        "Missiles struck an Iraqi air base .",
        [1, 1, 5, 5, 5, 1, 1],
        "nsubj ROOT det amod compound dobj punct",
        lemmas="missile strike an iraqi air base .",
        pos="NOUN VERB DET ADJ NOUN NOUN PUNCT",
    )
    iraqi = [Mention(3, 3, Actor("Iraqi", "IRQ"), "actor")]
    assert _codes(sentence, 5, iraqi, context="USA") == {"IRQMIL"}
    assert _codes(sentence, 5, [], context="USA") == set()  # no owner named: a thing


def _group(words: str, lemmas: str, tags: str, pos: str):
    return make_sentence(
        f"Iran warned {words} .",
        [1, 1, 3, 1, 1],
        "nsubj ROOT amod dobj punct",
        lemmas=f"iran warn {lemmas} .",
        tags=f"NNP VBD {tags} .",
        pos=f"PROPN VERB {pos} PUNCT",
    )


def test_foreign_and_world_untie_a_role_noun_from_the_storys_country() -> None:
    leaders = _group("world leaders", "world leader", "NN NNS", "NOUN NOUN")
    agent = [Mention(3, 3, Actor("leaders", "~GOV"), "agent")]
    assert _codes(leaders, 3, agent, context="IRN") == {"---GOV"}
    plain = _group("the leaders", "the leader", "DT NNS", "DET NOUN")
    assert _codes(plain, 3, agent, context="IRN") == {"IRNGOV"}


@pytest.mark.parametrize(
    ("words", "lemmas", "tags", "code"),
    [
        ("foreign powers", "foreign power", "JJ NNS", {"---GOV"}),
        ("commercial banks", "commercial bank", "JJ NNS", {"---BUS"}),
        ("the country", "the country", "DT NN", set()),  # the story's own country
    ],
)
def test_plural_groups_of_states_or_firms_have_no_country(words, lemmas, tags, code) -> None:
    sentence = _group(words, lemmas, tags, "ADJ NOUN")
    assert _codes(sentence, 3, [], context="IRN") == code


def test_persons_an_international_force_acts_on_may_be_insurgents() -> None:
    sentence = make_sentence(
        "The patrol detained two men .",
        [1, 2, 2, 4, 2, 2],
        "det nsubj ROOT nummod dobj punct",
        lemmas="the patrol detain two man .",
        pos="DET NOUN VERB NUM NOUN PUNCT",
    )
    assert _codes(sentence, 4, [], context="AFG") == {"AFGREB"}
    assert _codes(sentence, 4, [], context="USA") == set()  # no theatre: nobody
    leader = [Mention(4, 4, Actor("leader", "~GOV"), "agent")]
    assert _codes(sentence, 4, leader, context="AFG") == {"AFGGOV", "AFGREB"}


def test_a_legislature_coded_under_its_government_is_itself() -> None:
    sentence = make_sentence(
        "The Senate rejected the bill .",
        [1, 2, 2, 4, 2, 2],
        "det nsubj ROOT det dobj punct",
        pos="DET PROPN VERB DET NOUN PUNCT",
    )
    senate = [Mention(1, 1, Actor("Senate", "USAGOVLEG"), "actor")]
    assert _codes(sentence, 1, senate, context="USA") == {"USALEG"}  # the guide's code
    court = [Mention(1, 1, Actor("Senate", "USAGOVJUD"), "actor")]
    assert _codes(sentence, 1, court, context="USA") == {"USAJUD"}
    army = [Mention(1, 1, Actor("Pentagon", "USAGOVMIL"), "actor")]
    assert _codes(sentence, 1, army, context="USA") == {"USAGOVMIL"}  # only LEG and JUD


def test_a_force_no_dictionary_names_is_still_a_force() -> None:
    sentence = make_sentence(
        "The force arrested him .",
        [1, 2, 2, 2, 2],
        "det nsubj ROOT dobj punct",
        lemmas="the force arrest he .",
        pos="DET NOUN VERB PRON PUNCT",
    )
    assert _codes(sentence, 1, []) == {"AFGMIL", "IGOWSTNATMIL"}


def test_an_afghan_led_combined_force_is_joint() -> None:
    sentence = make_sentence(
        "An Afghan - led combined force arrested him .",
        [5, 3, 3, 5, 5, 6, 6, 6, 6],
        "det npadvmod punct amod amod nsubj ROOT dobj punct",
        lemmas="an afghan - lead combined force arrest he .",
        pos="DET ADJ PUNCT VERB ADJ NOUN VERB PRON PUNCT",
    )
    afghan = [Mention(1, 1, Actor("Afghan", "AFG"), "actor")]
    assert _codes(sentence, 5, afghan) == {"AFGMIL", "IGOWSTNATMIL"}


def _subject(words: str, lemmas: str, pos: str, tags: str):
    """Return "<words> marched ." with the last of `words` as the subject's head."""
    size = len(words.split())
    verb = size
    heads = [size - 1] * (size - 1) + [verb, verb, verb]
    deps = " ".join(["compound"] * (size - 1) + ["nsubj", "ROOT", "punct"])
    return make_sentence(
        f"{words} marched .",
        heads,
        deps,
        lemmas=f"{lemmas} march .",
        pos=f"{pos} VERB PUNCT",
        tags=f"{tags} VBD .",
    )


@pytest.mark.parametrize(
    ("words", "lemmas", "pos", "tags", "agents", "code"),
    [
        # the guide codes protesters without an affiliation CVL, where Phoenix has OPP
        ("Protesters", "protester", "NOUN", "NNS", {0: "~OPP"}, {"LBNCVL"}),
        ("Thousands", "thousand", "NOUN", "NNS", {}, {"LBNCVL"}),
        ("Suspects", "suspect", "NOUN", "NNS", {}, {"LBNCRM"}),  # adjudications 5 and 14
        ("Gunman", "gunman", "NOUN", "NN", {0: "~UAF"}, {"LBNCRM"}),  # a lone gunman
        ("Gunmen", "gunman", "NOUN", "NNS", {0: "~UAF"}, {"LBNREB"}),  # armed men: UAF is REB
        ("Committee", "committee", "NOUN", "NN", {}, {"LBNLEG"}),
        ("Investigators", "investigator", "NOUN", "NNS", {}, {"LBNJUD"}),
        ("MPs", "mps", "PROPN", "NNPS", {}, {"LBNLEG"}),  # the parser keeps the plural
        ("Democrats", "democrats", "PROPN", "NNPS", {}, {"LBNPTY"}),
        ("Migrants", "migrant", "NOUN", "NNS", {0: "~CVL"}, {"LBNREF"}),
        # another role word of the phrase wins: police investigators are police
        (
            "police investigators",
            "police investigator",
            "NOUN NOUN",
            "NN NNS",
            {0: "~COP"},
            {"LBNCOP"},
        ),
        ("Residents", "resident", "NOUN", "NNS", {}, set()),  # the dictionary's, not ours
    ],
)
def test_role_nouns_take_the_guides_role(words, lemmas, pos, tags, agents, code) -> None:
    sentence = _subject(words, lemmas, pos, tags)
    mentions = [Mention(i, i, Actor(words.split()[i], role), "agent") for i, role in agents.items()]
    head = len(words.split()) - 1
    assert _codes(sentence, head, mentions, context="LBN") == code


def test_a_thousand_troops_are_no_crowd() -> None:
    sentence = _subject("Thousand", "thousand", "NOUN", "NN")
    assert _codes(sentence, 0, [], context="LBN") == set()


def test_unaligned_armed_groups_are_rebels() -> None:
    sentence = _subject("Militants", "militant", "NOUN", "NNS")
    militants = [Mention(0, 0, Actor("Militants", "~UAF"), "agent")]
    assert _codes(sentence, 0, militants, context="IRQ") == {"IRQREB"}
    assert cand._rename("---UAF") == "---REB"


def _country_subject(verb: str, lemma: str):
    sentence = make_sentence(
        f"Russia {verb} Ukraine .",
        [1, 1, 1, 1],
        "nsubj ROOT dobj punct",
        lemmas=f"russia {lemma} ukraine .",
        pos="PROPN VERB PROPN PUNCT",
    )
    mentions = [
        Mention(0, 0, Actor("Russia", "RUS"), "actor"),
        Mention(2, 2, Actor("Ukraine", "UKR"), "actor"),
    ]
    return sentence, mentions


def test_a_state_named_in_a_military_act_may_be_its_forces() -> None:
    sentence, mentions = _country_subject("attacked", "attack")
    memory = cand.DocumentMemory("d")
    offered = cand.sentence_parties(sentence, mentions, "UKR", memory)
    assert (0, cand.Party("RUSMIL", "Russia", "country-military")) in offered
    assert (2, cand.Party("UKRMIL", "Ukraine", "country-military")) in offered
    assert memory.recent == [()]  # neither the bare states nor their forces are remembered


def test_a_state_in_a_political_act_is_not_read_as_its_forces() -> None:
    sentence, mentions = _country_subject("criticised", "criticise")
    assert _codes(sentence, 0, mentions, context="UKR") == {"RUS"}


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "pronoun"),
    [
        (
            "Police arrested them .",
            [1, 1, 1, 1],
            "nsubj ROOT dobj punct",
            "NOUN VERB PRON PUNCT",
            2,
        ),
        (
            "Police seized their weapons .",
            [1, 1, 3, 1, 1],
            "nsubj ROOT poss dobj punct",
            "NOUN VERB PRON NOUN PUNCT",
            2,
        ),
    ],
)
def test_object_and_possessive_pronouns_may_be_actors_named_before(
    words, heads, deps, pos, pronoun
) -> None:
    # in Pakistan, which has no international force, "them" is no theatre person
    memory, _ = _after_the_taliban("PAK")
    later = make_sentence(words, heads, deps, pos=pos)
    police = [Mention(0, 0, Actor("Police", "~COP"), "agent")]
    offered = cand.sentence_parties(later, police, "PAK", memory)
    word = words.split()[pronoun]
    assert (pronoun, cand.Party("AFGREB", word, "memory")) in offered
    assert not any(p.kind == "memory" and i != pronoun for i, p in offered)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "lemmas"),
    [
        (  # a noun with an indefinite article brings in someone new
            "An individual fled .",
            [1, 2, 2, 2],
            "det nsubj ROOT punct",
            "DET NOUN VERB PUNCT",
            "an individual flee .",
        ),
        (  # a thing names no actor, so none named before either
            "The response was crucial .",
            [1, 2, 2, 2, 2],
            "det nsubj ROOT acomp punct",
            "DET NOUN AUX ADJ PUNCT",
            "the response be crucial .",
        ),
    ],
)
def test_a_new_or_lifeless_subject_is_no_actor_named_before(
    words, heads, deps, pos, lemmas
) -> None:
    # in Pakistan, which has no international force, "individual" is no theatre person
    memory, _ = _after_the_taliban("PAK")
    later = make_sentence(words, heads, deps, lemmas=lemmas, pos=pos)
    assert cand.sentence_parties(later, [], "PAK", memory) == []


def test_a_group_noun_subject_may_be_the_group_named_before() -> None:
    memory, _ = _after_the_taliban("AFG")
    later = make_sentence(
        "The group fled .", [1, 2, 2, 2], "det nsubj ROOT punct", pos="DET NOUN VERB PUNCT"
    )
    offered = cand.sentence_parties(later, [], "AFG", memory)
    assert offered == [(1, cand.Party("AFGREB", "group", "memory"))]


def test_punctuation_is_never_an_actor_named_before() -> None:
    # spaCy may make the hyphen of "al-Assad" a subject; it stands for no one
    later = make_sentence("- fled .", [1, 1, 1], "nsubj ROOT punct", pos="PROPN VERB PUNCT")
    memory, _ = _after_the_taliban("AFG")
    assert cand.sentence_parties(later, [], "AFG", memory) == []


FORCES_LOYAL = (
    "Forces loyal to Assad attacked .",
    [4, 0, 1, 2, 4, 4],
    "nsubj amod prep pobj ROOT punct",
    "force loyal to assad attack .",
    "NOUN ADJ ADP PROPN VERB PUNCT",
)
MALIKI_GOVERNMENT = (
    "The Maliki government attacked .",
    [2, 2, 3, 3, 3],
    "det compound nsubj ROOT punct",
    "the maliki government attack .",
    "DET PROPN NOUN VERB PUNCT",
)


@pytest.mark.parametrize(
    ("parse", "head", "at", "owner", "role", "expected"),
    [
        # a leader's forces are his state's military, a group's forces the group
        (FORCES_LOYAL, 0, 3, Actor("Bashar al Assad", "SYRELI"), "~MIL", "SYRMIL"),
        (FORCES_LOYAL, 0, 3, Actor("Syrian government", "SYRGOV"), "~MIL", "SYRMIL"),
        (FORCES_LOYAL, 0, 3, Actor("Taliban", "AFGREB"), "~MIL", "AFGREB"),
        # "the Maliki government" is the government, not the prime minister
        (MALIKI_GOVERNMENT, 2, 1, Actor("Maliki", "IRQELI"), "~GOV", "IRQGOV"),
    ],
)
def test_a_role_noun_owned_by_a_leader_is_his_states_body(
    parse, head, at, owner, role, expected
) -> None:
    words, heads, deps, lemmas, pos = parse
    sentence = make_sentence(words, heads, deps, lemmas=lemmas, pos=pos)
    mentions = [
        Mention(head, head, Actor(words.split()[head], role), "agent"),
        Mention(at, at, replace(owner, text=words.split()[at]), "actor"),
    ]
    assert _codes(sentence, head, mentions, context=owner.code[:3]) == {expected}
    # the leader himself, at his own name, is still himself
    assert _codes(sentence, at, mentions, context=owner.code[:3]) == {owner.code}


# "In Astana , Syrian government envoy Jaafari blamed Turkey ."
VENUE_THEN_ENVOY = make_sentence(
    "In Astana , Syrian government envoy Jaafari blamed Turkey .",
    [7, 0, 7, 5, 5, 7, 5, 7, 7, 7],
    "prep pobj punct amod compound nsubj appos ROOT dobj punct",
    lemmas="in astana , syrian government envoy jaafari blame turkey .",
    pos="ADP PROPN PUNCT ADJ NOUN NOUN PROPN VERB PROPN PUNCT",
    tags="IN NNP , JJ NN NN NNP VBD NNP .",
)
VENUE_MENTIONS = [
    Mention(1, 1, Actor("Astana", "KAZ"), "actor"),
    Mention(3, 3, Actor("Syrian", "SYR"), "actor"),
    Mention(4, 4, Actor("government", "~GOV"), "agent"),
    Mention(5, 5, Actor("envoy", "~GOV"), "agent"),
    Mention(8, 8, Actor("Turkey", "TUR"), "actor"),
]


def test_a_venue_before_a_comma_is_not_joined_to_the_next_phrase() -> None:
    # "Afghan, Coalition Forces" joins the adjective; "In Astana, Syrian ..." is a venue
    assert _codes(VENUE_THEN_ENVOY, 5, VENUE_MENTIONS, context="KAZ") == {"SYRGOV"}


def test_a_modifier_of_a_phrase_naming_its_state_takes_no_context_country() -> None:
    # "government" in "Syrian government envoy" is read with the whole phrase, not alone
    assert _codes(VENUE_THEN_ENVOY, 4, VENUE_MENTIONS, context="KAZ") == set()


def test_a_spokesman_for_a_body_no_dictionary_knows_has_no_country() -> None:
    sentence = make_sentence(
        "A spokesman for the PMF blamed Israel .",
        [1, 5, 1, 4, 2, 5, 5, 5],
        "det nsubj prep det pobj ROOT dobj punct",
        lemmas="a spokesman for the pmf blame israel .",
        pos="DET NOUN ADP DET PROPN VERB PROPN PUNCT",
        tags="DT NN IN DT NNP VBD NNP .",
    )
    agent = [Mention(1, 1, Actor("spokesman", "~GOV"), "agent")]
    assert _codes(sentence, 1, agent, context="USA") == {"---GOV"}
    plain = make_sentence(
        "A spokesman blamed Israel .",
        [1, 2, 2, 2, 2],
        "det nsubj ROOT dobj punct",
        pos="DET NOUN VERB PROPN PUNCT",
    )
    assert _codes(plain, 1, agent, context="USA") == {"USAGOV"}


def test_a_name_after_someone_elses_for_is_still_tied_to_the_story_country() -> None:
    # "Lawyers for Army Sgt. Bowe Bergdahl": the "for" belongs to "Lawyers", so the phrase
    # "Army Sgt. Bowe Bergdahl" is not "a spokesman for <a body no dictionary knows>"
    sentence = make_sentence(
        "Lawyers for Army Sgt. Bowe Bergdahl will try .",
        [7, 0, 5, 5, 5, 1, 7, 7, 7],
        "nsubj prep compound compound compound pobj aux ROOT punct",
        lemmas="lawyer for army sgt. bowe bergdahl will try .",
        pos="NOUN ADP PROPN PROPN PROPN PROPN AUX VERB PUNCT",
        tags="NNS IN NNP NNP NNP NNP MD VB .",
    )
    army = [Mention(2, 2, Actor("Army", "~MIL"), "agent")]
    assert _codes(sentence, 5, army, context="USA") == {"USAMIL"}


def test_a_person_the_story_country_coded_is_offered_as_a_guess() -> None:
    # "Ross", titled before as "Commerce Secretary Walden Ross" in a US story: the coder
    # weighs him as a context-coded role, not as a dictionary's name
    sentence = make_sentence(
        "Ross refused .", [1, 1, 1], "nsubj ROOT punct", pos="PROPN VERB PUNCT"
    )
    guessed = Actor("Ross", "USAGOV", None, "USA", CONTEXT_ONLY)
    found = cand.parties(sentence, 0, [Mention(0, 0, guessed, "named-before")], "USA",
                         cand.DocumentMemory("d"))  # fmt: skip
    assert [(p.code, p.kind) for p in found] == [("USAGOV", "context+role")]
    named = replace(guessed, entry="Phoenix.Countries.actors.txt:1")
    found = cand.parties(sentence, 0, [Mention(0, 0, named, "named-before")], "USA",
                         cand.DocumentMemory("d"))  # fmt: skip
    assert [(p.code, p.kind) for p in found] == [("USAGOV", "full")]


def test_a_name_introduced_by_an_apposition_is_not_someone_named_before() -> None:
    memory, _ = _after_the_taliban("AFG")
    introduced = make_sentence(
        "Ahmed Assadi , a spokesman , fled .",
        [1, 6, 1, 4, 1, 1, 6, 6],
        "compound nsubj punct det appos punct ROOT punct",
        pos="PROPN PROPN PUNCT DET NOUN PUNCT VERB PUNCT",
    )
    offered = cand.sentence_parties(introduced, [], "AFG", memory)
    assert not any(p.kind == "memory" for _, p in offered)
    memory, _ = _after_the_taliban("AFG")
    bare = make_sentence("Assadi fled .", [1, 1, 1], "nsubj ROOT punct", pos="PROPN VERB PUNCT")
    assert (0, cand.Party("AFGREB", "Assadi", "memory")) in cand.sentence_parties(
        bare, [], "AFG", memory
    )


def _ambassador():
    # "The Russian ambassador to Turkey was killed ."
    return make_sentence(
        "The Russian ambassador to Turkey was killed .",
        [2, 2, 6, 2, 3, 6, 6, 6],
        "det amod nsubjpass prep pobj auxpass ROOT punct",
        lemmas="the russian ambassador to turkey be kill .",
        pos="DET ADJ NOUN ADP PROPN AUX VERB PUNCT",
    )


def test_a_diplomat_is_his_own_states_not_the_one_he_is_posted_to() -> None:
    sentence = _ambassador()
    russian = Mention(1, 1, Actor("Russian", "RUS"), "actor")
    turkey = Mention(4, 4, Actor("Turkey", "TUR"), "actor")
    ambassador = Mention(2, 2, Actor("ambassador", "GOV"), "agent")
    assert _codes(sentence, 2, [russian, ambassador, turkey], context="TUR") == {"RUSGOV"}
    # with no state of his own named, the posting is all the phrase tells
    assert _codes(sentence, 2, [ambassador, turkey], context="USA") == {"TURGOV"}


def _un_ambassador(owner: bool):
    # "North Korea 's UN ambassador accused the United States ." (or "The UN ambassador ...")
    if owner:
        return make_sentence(
            "North Korea 's UN ambassador accused the United States .",
            [1, 4, 1, 4, 5, 5, 8, 8, 5, 5],
            "compound poss case compound nsubj ROOT det compound dobj punct",
            lemmas="north korea 's un ambassador accuse the united states .",
            pos="PROPN PROPN PART PROPN NOUN VERB DET PROPN PROPN PUNCT",
        )
    return make_sentence(
        "The UN ambassador accused the United States .",
        [2, 2, 3, 3, 6, 6, 3, 3],
        "det compound nsubj ROOT det compound dobj punct",
        lemmas="the un ambassador accuse the united states .",
        pos="DET PROPN NOUN VERB DET PROPN PROPN PUNCT",
    )


def test_a_states_envoy_to_an_international_body_is_the_states() -> None:
    sentence = _un_ambassador(owner=True)
    korea = Mention(0, 1, Actor("North Korea", "PRK"), "actor")
    un = Mention(3, 3, Actor("UN", "IGOUNO"), "actor")
    ambassador = Mention(4, 4, Actor("ambassador", "GOV"), "agent")
    assert _codes(sentence, 4, [korea, un, ambassador], context="USA") == {"PRKGOV"}
    # with no state named, the body is whose the envoy is
    alone = _un_ambassador(owner=False)
    un, ambassador = (
        Mention(1, 1, Actor("UN", "IGOUNO"), "actor"),
        Mention(2, 2, Actor("ambassador", "GOV"), "agent"),
    )
    assert _codes(alone, 2, [un, ambassador], context="USA") == {"IGOUNO"}


def _labelled(passive: bool):
    if passive:
        # "Soleimani was labelled as a terrorist ."
        return make_sentence(
            "Soleimani was labelled as a terrorist .",
            [2, 2, 2, 2, 5, 3, 2],
            "nsubjpass auxpass ROOT prep det pobj punct",
            lemmas="soleimani be label as a terrorist .",
            pos="PROPN AUX VERB ADP DET NOUN PUNCT",
        )
    # "Washington labelled Soleimani as a terrorist ."
    return make_sentence(
        "Washington labelled Soleimani as a terrorist .",
        [1, 1, 1, 1, 5, 3, 1],
        "nsubj ROOT dobj prep det pobj punct",
        lemmas="washington label soleimani as a terrorist .",
        pos="PROPN VERB PROPN ADP DET NOUN PUNCT",
    )


def test_what_an_object_is_labelled_as_is_no_party() -> None:
    sentence = _labelled(passive=False)
    mentions = [
        Mention(0, 0, Actor("Washington", "USA"), "actor"),
        Mention(2, 2, Actor("Soleimani", "IRNMIL"), "actor"),
        Mention(5, 5, Actor("terrorist", "UAF"), "agent"),
    ]
    offered = cand.sentence_parties(sentence, mentions, "IRQ", cand.DocumentMemory("d"))
    assert {p.code for _, p in offered} == {"USA", "IRNMIL"}
    passive = _labelled(passive=True)
    mentions = [
        Mention(0, 0, Actor("Soleimani", "IRNMIL"), "actor"),
        Mention(5, 5, Actor("terrorist", "UAF"), "agent"),
    ]
    offered = cand.sentence_parties(passive, mentions, "IRQ", cand.DocumentMemory("d"))
    assert {p.code for _, p in offered} == {"IRNMIL"}


def test_what_a_coded_object_is_chosen_as_is_no_party() -> None:
    # "Warren endorsed Biden as president of the United States ."
    sentence = make_sentence(
        "Warren endorsed Biden as president of the United States .",
        [1, 1, 1, 1, 3, 4, 8, 8, 5, 1],
        "nsubj ROOT dobj prep pobj prep det compound pobj punct",
        lemmas="warren endorse biden as president of the united states .",
        pos="PROPN VERB PROPN ADP NOUN ADP DET PROPN PROPN PUNCT",
    )
    office = Mention(4, 8, Actor("president of the United States", "USAGOV"), "actor")
    mentions = [
        Mention(0, 0, Actor("Warren", "USALEG"), "actor"),
        Mention(2, 2, Actor("Biden", "USAPTY"), "actor"),
        office,
    ]
    offered = cand.sentence_parties(sentence, mentions, "USA", cand.DocumentMemory("d"))
    assert {p.code for _, p in offered} == {"USALEG", "USAPTY"}
    # an object that codes nothing keeps the one phrase that says who it is
    unknown = [Mention(0, 0, Actor("Warren", "USALEG"), "actor"), office]
    offered = cand.sentence_parties(sentence, unknown, "USA", cand.DocumentMemory("d"))
    assert "USAGOV" in {p.code for _, p in offered}


def _endorsed(determiner: bool):
    # "Sanders endorsed Biden for president ." (or "... for the president .")
    if determiner:
        return make_sentence(
            "Sanders endorsed Biden for the president .",
            [1, 1, 1, 1, 5, 3, 1],
            "nsubj ROOT dobj prep det pobj punct",
            lemmas="sanders endorse biden for the president .",
            tags="NNP VBD NNP IN DT NN .",
            pos="PROPN VERB PROPN ADP DET NOUN PUNCT",
        )
    return make_sentence(
        "Sanders endorsed Biden for president .",
        [1, 1, 1, 1, 3, 1],
        "nsubj ROOT dobj prep pobj punct",
        lemmas="sanders endorse biden for president .",
        tags="NNP VBD NNP IN NN .",
        pos="PROPN VERB PROPN ADP NOUN PUNCT",
    )


def test_the_office_sought_is_no_party() -> None:
    for determiner, president in ((False, 4), (True, 5)):
        sentence = _endorsed(determiner)
        mentions = [
            Mention(0, 0, Actor("Sanders", "USALEG"), "actor"),
            Mention(2, 2, Actor("Biden", "USAELI"), "actor"),
            Mention(president, president, Actor("president", "GOV"), "agent"),
        ]
        offered = cand.sentence_parties(sentence, mentions, "USA", cand.DocumentMemory("d"))
        codes = {p.code for _, p in offered}
        # "for president" is the office Biden seeks; "for the president" names someone
        assert ("USAGOV" in codes) == determiner


def test_what_a_subject_serves_as_stays_a_party() -> None:
    # "Mohammad served as a Taliban commander ." has no object: the role may be all we know
    sentence = make_sentence(
        "Mohammad served as a Taliban commander .",
        [1, 1, 1, 5, 5, 2, 1],
        "nsubj ROOT prep det compound pobj punct",
        lemmas="mohammad serve as a taliban commander .",
        pos="PROPN VERB ADP DET PROPN NOUN PUNCT",
    )
    mentions = [
        Mention(4, 4, Actor("Taliban", "AFGREB"), "actor"),
        Mention(5, 5, Actor("commander", "MIL"), "agent"),
    ]
    offered = cand.sentence_parties(sentence, mentions, "AFG", cand.DocumentMemory("d"))
    assert 5 in {head for head, _ in offered}


def test_what_a_report_is_about_is_no_party_of_it() -> None:
    # "Amnesty 's report on Syria was false ."
    sentence = make_sentence(
        "Amnesty 's report on Syria was false .",
        [2, 0, 5, 2, 3, 5, 5, 5],
        "poss case nsubj prep pobj ROOT acomp punct",
        lemmas="amnesty 's report on syria be false .",
        pos="PROPN PART NOUN ADP PROPN AUX ADJ PUNCT",
    )
    amnesty = Mention(0, 0, Actor("Amnesty", "NGOHRIAMN"), "actor")
    syria = Mention(4, 4, Actor("Syria", "SYR"), "actor")
    assert _codes(sentence, 2, [amnesty, syria], context="RUS") == {"NGOHRIAMN"}


def _held(verb: str, lemma: str):
    """Return "A man was <verb> ." with "man" the subject of a passive."""
    return make_sentence(
        f"A man was {verb} .",
        [1, 3, 3, 3, 3],
        "det nsubjpass auxpass ROOT punct",
        lemmas=f"a man be {lemma} .",
        pos="DET NOUN AUX VERB PUNCT",
        tags="DT NN VBD VBN .",
    )


@pytest.mark.parametrize(
    ("verb", "lemma", "context", "code"),
    [
        ("arrested", "arrest", "GBR", {"GBRCRM"}),  # adjudications 5 and 14: a suspect
        ("charged", "charge", None, {"---CRM"}),
        ("arrested", "arrest", "AFG", {"AFGCVL", "AFGREB"}),  # in ISAF's theatre: insurgent
        ("hurt", "hurt", "GBR", {"GBRCVL"}),  # no crime told: the dictionary's civilian
    ],
)
def test_a_person_held_for_a_crime_is_a_suspect(verb, lemma, context, code) -> None:
    sentence = _held(verb, lemma)
    man = [Mention(1, 1, Actor("man", "~PPL"), "agent")]
    assert _codes(sentence, 1, man, context=context) == code


def test_people_arrested_are_civilians_not_suspects() -> None:
    # "Hundreds of people were arrested ." after a protest: civilians (gold CVL 14, CRM 4)
    sentence = make_sentence(
        "Many people were arrested .",
        [1, 3, 3, 3, 3],
        "amod nsubjpass auxpass ROOT punct",
        lemmas="many people be arrest .",
        pos="ADJ NOUN AUX VERB PUNCT",
        tags="JJ NNS VBD VBN .",
    )
    people = [Mention(1, 1, Actor("people", "~CVL"), "agent")]
    assert _codes(sentence, 1, people, context="HKG") == {"HKGCVL"}


def test_an_individual_held_for_a_crime_is_a_suspect() -> None:
    # "An individual has been arrested after the mayor was stabbed": no mention, a suspect
    sentence = make_sentence(
        "An individual was arrested .",
        [1, 3, 3, 3, 3],
        "det nsubjpass auxpass ROOT punct",
        lemmas="an individual be arrest .",
        pos="DET NOUN AUX VERB PUNCT",
        tags="DT NN VBD VBN .",
    )
    assert _codes(sentence, 1, [], context="POL") == {"POLCRM"}


@pytest.mark.parametrize(
    ("verb", "lemma", "context", "code"),
    [
        ("convicted", "convict", "USA", {"USACRM"}),  # "Judith Negron was convicted"
        ("sentenced", "sentence", None, {"---CRM"}),
        ("arrested", "arrest", "AFG", set()),  # ISAF's theatre: no suspect of a crime
        ("praised", "praise", "USA", set()),  # held for nothing: no party at all
    ],
)
def test_a_name_no_dictionary_knows_held_for_a_crime_is_a_suspect(
    verb, lemma, context, code
) -> None:
    sentence = make_sentence(
        f"Negron was {verb} .",
        [2, 2, 2, 2],
        "nsubjpass auxpass ROOT punct",
        lemmas=f"Negron be {lemma} .",
        pos="PROPN AUX VERB PUNCT",
        tags="NNP VBD VBN .",
    )
    assert _codes(sentence, 0, [], context=context) == code


def test_the_victim_of_a_crime_is_no_suspect() -> None:
    # "A man was killed and police arrested a woman .": the woman is held, the man is not
    sentence = make_sentence(
        "A man was killed and police arrested a woman .",
        [1, 3, 3, 3, 3, 6, 3, 8, 6, 3],
        "det nsubjpass auxpass ROOT cc nsubj conj det dobj punct",
        lemmas="a man be kill and police arrest a woman .",
        pos="DET NOUN AUX VERB CCONJ NOUN VERB DET NOUN PUNCT",
        tags="DT NN VBD VBN CC NNS VBD DT NN .",
    )
    man = [Mention(1, 1, Actor("man", "~PPL"), "agent")]
    woman = [Mention(8, 8, Actor("woman", "~CVL"), "agent")]
    assert _codes(sentence, 1, man, context="GBR") == {"GBRCVL"}
    assert _codes(sentence, 8, woman, context="GBR") == {"GBRCRM"}


@pytest.mark.parametrize(
    ("words", "lemmas", "tags", "mentions", "code"),
    [
        # "representatives from Iran": Iran's, not the agents file's legislators (LEG)
        (
            "Representatives from Iran met .",
            "representative from iran meet .",
            "NNS IN NNP VBD .",
            [(0, "~LEG", "agent"), (2, "IRN", "actor")],
            {"IRN"},
        ),
        (
            "Representatives from companies met .",
            "representative from company meet .",
            "NNS IN NNS VBD .",
            [(0, "~LEG", "agent"), (2, "~BUS", "agent")],
            {"JPNBUS"},
        ),
        # nothing represented: the role noun's own role
        (
            "Representatives in Tokyo met .",
            "representative in tokyo meet .",
            "NNS IN NNP VBD .",
            [(0, "~LEG", "agent")],
            {"JPNLEG"},
        ),
    ],
)
def test_a_representative_is_whom_he_represents(words, lemmas, tags, mentions, code) -> None:
    sentence = make_sentence(
        words,
        [3, 0, 1, 3, 3],
        "nsubj prep pobj ROOT punct",
        lemmas=lemmas,
        pos="NOUN ADP PROPN VERB PUNCT",
        tags=tags,
    )
    found = [Mention(i, i, Actor(words.split()[i], c), rule) for i, c, rule in mentions]
    assert _codes(sentence, 0, found, context="JPN") == code


def test_a_role_noun_qualifying_another_is_no_party_of_its_own() -> None:
    # "fighter" (an irregular, in the agents file) only says what kind of helicopters
    sentence = make_sentence(
        "Soviet fighter helicopters attacked a village .",
        [2, 2, 3, 3, 5, 3, 3],
        "amod compound nsubj ROOT det dobj punct",
        lemmas="soviet fighter helicopter attack a village .",
        pos="ADJ NOUN NOUN VERB DET NOUN PUNCT",
    )
    found = [
        Mention(0, 0, Actor("Soviet", "SUN"), "actor"),
        Mention(1, 1, Actor("fighter", "~UAF"), "agent"),
        Mention(2, 2, Actor("helicopters", "~MIL"), "agent"),
    ]
    assert _codes(sentence, 1, found) == set()
    assert _codes(sentence, 2, found) == {"SUNMIL"}
    # alone, the same noun heads its phrase: in the theatre, an insurgent
    alone = make_sentence(
        "A fighter attacked a village .",
        [1, 2, 2, 4, 2, 2],
        "det nsubj ROOT det dobj punct",
        lemmas="a fighter attack a village .",
        pos="DET NOUN VERB DET NOUN PUNCT",
    )
    assert _codes(alone, 1, [Mention(1, 1, Actor("fighter", "~UAF"), "agent")]) == {"AFGREB"}


def test_a_name_the_parser_mistagged_still_heads_a_phrase() -> None:
    # "Trump , defended his decision": "Trump" tagged ADJ is still the subject's name
    sentence = make_sentence(
        "Trump , defended his decision .",
        [2, 0, 2, 4, 2, 2],
        "nsubj punct ROOT poss dobj punct",
        lemmas="trump , defend his decision .",
        pos="ADJ PUNCT VERB PRON NOUN PUNCT",
    )
    trump = Mention(0, 0, Actor("Trump", "USAGOV"), "named-before")
    found = cand.sentence_parties(sentence, [trump], "USA", cand.DocumentMemory("d"))
    assert (0, "USAGOV") in [(head, party.code) for head, party in found]
    # an adjective that is no name heads nothing
    found = cand.sentence_parties(sentence, [], "USA", cand.DocumentMemory("d"))
    assert 0 not in [head for head, _ in found]


def _quote(words: str, heads: list[int], deps: str, lemmas: str, pos: str):
    return make_sentence(words, heads, deps, lemmas=lemmas, pos=pos)


def test_a_quotations_first_person_is_its_speaker() -> None:
    memory = cand.DocumentMemory("d")
    said = _quote(
        '" We will respond , " Lavrov said .',
        [3, 3, 3, 7, 7, 7, 7, 7, 7],
        "punct nsubj aux ccomp punct punct nsubj ROOT punct",
        '" we will respond , " lavrov say .',
        "PUNCT PRON AUX VERB PUNCT PUNCT PROPN VERB PUNCT",
    )
    lavrov = [Mention(6, 6, Actor("Lavrov", "RUSGOV"), "actor")]
    found = cand.sentence_parties(said, lavrov, "USA", memory)
    assert (1, "RUSGOV") in [(head, party.code) for head, party in found]
    assert (1, "USAGOV") not in [(head, party.code) for head, party in found]
    # the quotation goes on in the next sentence: still Lavrov's "we"
    going_on = _quote(
        '" We expect Washington to listen . "',
        [2, 2, 2, 2, 5, 2, 2, 2],
        "punct nsubj ROOT dobj aux xcomp punct punct",
        '" we expect washington to listen . "',
        "PUNCT PRON VERB PROPN PART VERB PUNCT PUNCT",
    )
    washington = [Mention(3, 3, Actor("Washington", "USAGOV"), "actor")]
    found = cand.sentence_parties(going_on, washington, "USA", memory)
    assert (1, "RUSGOV") in [(head, party.code) for head, party in found]
    # no quotation: the side the text is written from (a speech's), and no guess without one
    plain = _quote(
        "We expect Washington to listen .",
        [1, 1, 1, 4, 1, 1],
        "nsubj ROOT dobj aux xcomp punct",
        "we expect washington to listen .",
        "PRON VERB PROPN PART VERB PUNCT",
    )
    plain_washington = [Mention(2, 2, Actor("Washington", "USAGOV"), "actor")]
    found = cand.sentence_parties(plain, plain_washington, "IRQ", memory, "USA")
    assert [party.code for head, party in found if head == 0] == ["USAGOV"]
    assert [party.kind for head, party in found if head == 0] == ["first-person"]
    # "As we make these changes, we will pursue al Qaeda" in a speech about Iraq that says
    # nowhere whose it is: the story's country (IRQ) is no reading of "we"
    unsided = cand.sentence_parties(plain, plain_washington, "IRQ", cand.DocumentMemory("e"))
    assert [party.code for head, party in unsided if head == 0] == []


def test_a_named_actors_adjective_on_an_act_heads_a_phrase_of_its_own() -> None:
    # "Kuwaiti tankers came under repeated Iranian attack": "attack" heads the phrase that
    # holds "Iranian", and an act is never its own argument, so the adjective is offered
    sentence = make_sentence(
        "Kuwaiti tankers came under repeated Iranian attack .",
        [1, 2, 2, 2, 6, 6, 3, 2],
        "amod nsubj ROOT prep amod amod pobj punct",
        lemmas="kuwaiti tanker come under repeat iranian attack .",
        pos="ADJ NOUN VERB ADP ADJ ADJ NOUN PUNCT",
    )
    mentions = [
        Mention(0, 0, Actor("Kuwaiti", "KWT"), "actor"),
        Mention(5, 5, Actor("Iranian", "IRN"), "actor"),
    ]
    offered = cand.sentence_parties(sentence, mentions, "USA", cand.DocumentMemory("d"))
    assert {p.code for head, p in offered if head == 5} >= {"IRN"}
    assert 4 not in {head for head, _ in offered}  # "repeated" names no actor


def test_an_adjective_on_a_role_noun_is_no_phrase_of_its_own() -> None:
    sentence = make_sentence(
        "Iranian officials protested .",
        [1, 2, 2, 2],
        "amod nsubj ROOT punct",
        lemmas="iranian official protest .",
        pos="ADJ NOUN VERB PUNCT",
    )
    mentions = [
        Mention(0, 0, Actor("Iranian", "IRN"), "actor"),
        Mention(1, 1, Actor("officials", "GOV"), "agent"),
    ]
    offered = cand.sentence_parties(sentence, mentions, "USA", cand.DocumentMemory("d"))
    assert {head for head, _ in offered} == {1}


def _abbott(first: str):
    # spaCy's parse: "Former" hangs on "Minister", which hangs on "Abbott"
    return make_sentence(
        f"{first} Prime Minister Tony Abbott criticised the government .",
        [2, 2, 4, 4, 5, 5, 7, 5, 5],
        "amod compound compound compound nsubj ROOT det dobj punct",
        pos="ADJ PROPN PROPN PROPN PROPN VERB DET NOUN PUNCT",
    )


@pytest.mark.parametrize(("first", "code"), [("Former", {"AUSELI"}), ("Australian", {"AUSGOV"})])
def test_a_former_office_holder_is_one_of_the_elite(first, code) -> None:
    # guide, section 3: a former minister is ELI, at the surname and at the first name alike
    sentence = _abbott(first)
    abbott = [Mention(3, 4, Actor("Tony Abbott", "AUSGOV"), "actor")]
    assert _codes(sentence, 4, abbott) == code
    assert _codes(sentence, 3, abbott) == code


def test_an_ousted_president_named_by_his_country_is_out_of_office() -> None:
    sentence = make_sentence(
        "South Korea 's ousted president was arrested .",
        [1, 4, 1, 4, 6, 6, 6, 6],
        "compound poss case amod nsubjpass auxpass ROOT punct",
        lemmas="south korea 's oust president be arrest .",
        pos="PROPN PROPN PART VERB NOUN AUX VERB PUNCT",
    )
    found = [
        Mention(0, 1, Actor("South Korea", "KOR"), "actor"),
        Mention(4, 4, Actor("president", "~GOV"), "agent"),
    ]
    assert _codes(sentence, 4, found) == {"KORELI"}


def test_an_ex_president_is_out_of_office_however_the_parser_hangs_ex() -> None:
    # the parser made "ex", "-" and "president" three subjects of "met"
    sentence = make_sentence(
        "The ex - president of Ukraine met Putin .",
        [1, 6, 6, 6, 3, 4, 6, 6, 6],
        "det nsubj nsubj nsubj prep pobj ROOT dobj punct",
        pos="DET NOUN NOUN NOUN ADP PROPN VERB PROPN PUNCT",
    )
    found = [
        Mention(3, 3, Actor("president", "~GOV"), "agent"),
        Mention(5, 5, Actor("Ukraine", "UKR"), "actor"),
    ]
    assert _codes(sentence, 3, found) == {"UKRELI"}


@pytest.mark.parametrize(("first", "codes"), [("Former", {"ESPELI"}), ("Spanish", {"IGOBUSIMF"})])
def test_one_who_headed_an_organisation_no_longer_acts_for_it(first, codes) -> None:
    # "Ex-IMF boss Rato sentenced": the gold's ESPELI, the story's country's elite
    sentence = make_sentence(
        f"{first} IMF boss Rato was sentenced .",
        [3, 2, 3, 5, 5, 5, 5],
        "amod compound compound nsubjpass auxpass ROOT punct",
        pos="ADJ PROPN NOUN PROPN AUX VERB PUNCT",
    )
    found = [
        Mention(1, 1, Actor("IMF", "IGOBUSIMF"), "actor"),
        Mention(2, 2, Actor("boss", "~BUS"), "agent"),
    ]
    assert _codes(sentence, 3, found, context="ESP") == codes


def test_a_former_state_leaves_its_minister_in_office() -> None:
    # "former" qualifies Yugoslavia, a state, not the minister
    sentence = make_sentence(
        "The minister of the former Yugoslavia met Putin .",
        [1, 6, 1, 5, 5, 2, 6, 6, 6],
        "det nsubj prep det amod pobj ROOT dobj punct",
        pos="DET NOUN ADP DET ADJ PROPN VERB PROPN PUNCT",
    )
    found = [
        Mention(1, 1, Actor("minister", "~GOV"), "agent"),
        Mention(5, 5, Actor("Yugoslavia", "YUG"), "actor"),
    ]
    assert _codes(sentence, 1, found) == {"YUGGOV"}


@pytest.mark.parametrize(
    ("words", "qualifier", "role", "code"),
    [
        # "the insurgent commanders" command insurgents (the gold's AFGREB): they were AFGMIL
        ("the insurgent commanders", "~REB", "~MIL", "SYRREB"),
        ("a rebel spokesman", "~REB", "~GOV", "SYRREB"),
        ("the army commander", "~MIL", "~MIL", "SYRMIL"),
    ],
)
def test_a_generic_role_takes_its_qualifiers(words, qualifier, role, code) -> None:
    # as the rule coder's `phrase_role` reads them ("an opposition leader" leads the opposition)
    sentence = make_sentence(
        f"{words} fled .", [2, 2, 3, 3, 3], "det amod nsubj ROOT punct",
        pos="DET ADJ NOUN VERB PUNCT",
    )  # fmt: skip
    texts = words.split()
    mentions = [
        Mention(1, 1, Actor(texts[1], qualifier), "agent"),
        Mention(2, 2, Actor(texts[2], role), "agent"),
    ]
    assert _codes(sentence, 2, mentions, context="SYR") == {code}


# "the two sides sealed the deal ."
TWO_SIDES = make_sentence(
    "the two sides sealed the deal .", [2, 2, 3, 3, 5, 3, 3],
    "det nummod nsubj ROOT det dobj punct",
    lemmas="the two side seal the deal .", tags="DT CD NNS VBD DT NN .",
    pos="DET NUM NOUN VERB DET NOUN PUNCT",
)  # fmt: skip
# "Li met Leuthard ." with both named: CHNGOV, CHEGOV
MET = make_sentence(
    "Li met Leuthard .", [1, 1, 1, 1], "nsubj ROOT dobj punct", pos="PROPN VERB PROPN PUNCT"
)
MET_NAMES = [
    Mention(0, 0, Actor("Li", "CHNGOV"), "actor"),
    Mention(2, 2, Actor("Leuthard", "CHEGOV"), "actor"),
]


def test_the_two_sides_are_the_two_actors_named_before() -> None:
    memory = cand.DocumentMemory("d")
    cand.sentence_parties(MET, MET_NAMES, "CHN", memory)
    offered = cand.sentence_parties(TWO_SIDES, [], "CHN", memory)
    pair = {p.code for head, p in offered if head == 2 and p.kind == "pair"}
    assert pair == {"CHNGOV", "CHEGOV"}
    # without two states named before, "the two sides" is no pair
    alone = cand.sentence_parties(TWO_SIDES, [], "CHN", cand.DocumentMemory("e"))
    assert not any(p.kind == "pair" for _, p in alone)


def test_the_leaders_of_two_states_are_their_governments() -> None:
    sentence = make_sentence(
        "both leaders condemned the attack .", [1, 2, 2, 4, 2, 2],
        "det nsubj ROOT det dobj punct", lemmas="both leader condemn the attack .",
        tags="DT NNS VBD DT NN .", pos="DET NOUN VERB DET NOUN PUNCT",
    )  # fmt: skip
    memory = cand.DocumentMemory("d")
    named = [
        Mention(0, 0, Actor("Russia", "RUS"), "actor"),
        Mention(2, 2, Actor("Turkey", "TUR"), "actor"),
    ]
    cand.sentence_parties(MET, named, None, memory)
    offered = cand.sentence_parties(sentence, [], None, memory)
    assert {p.code for _, p in offered if p.kind == "pair"} == {"RUSGOV", "TURGOV"}


def test_both_countries_are_two_states_not_an_alliance_named_between() -> None:
    # "Greece and Turkey's NATO allies ..." then "warships of both countries"
    sentence = make_sentence(
        "both countries sailed .", [1, 2, 2, 2], "det nsubj ROOT punct",
        lemmas="both country sail .", tags="DT NNS VBD .", pos="DET NOUN VERB PUNCT",
    )  # fmt: skip
    memory = cand.DocumentMemory("d")
    named = [
        Mention(0, 0, Actor("Greece", "GRC"), "actor"),
        Mention(2, 2, Actor("NATO", "IGOWSTNAT"), "actor"),
    ]
    cand.sentence_parties(MET, named, None, memory)
    cand.sentence_parties(MET, [Mention(0, 0, Actor("Turkey", "TUR"), "actor")], None, memory)
    offered = cand.sentence_parties(sentence, [], None, memory)
    assert {p.code for _, p in offered if p.kind == "pair"} == {"TUR", "GRC"}
    # "the two sides" may be an organisation and a state
    sides = cand.sentence_parties(TWO_SIDES, [], None, memory)
    assert {p.code for _, p in sides if p.kind == "pair"} == {"TUR", "IGOWSTNAT"}


def test_one_side_is_no_pair() -> None:
    sentence = make_sentence(
        "one side sealed the deal .", [1, 2, 2, 4, 2, 2], "nummod nsubj ROOT det dobj punct",
        lemmas="one side seal the deal .", tags="CD NN VBD DT NN .",
        pos="NUM NOUN VERB DET NOUN PUNCT",
    )  # fmt: skip
    memory = cand.DocumentMemory("d")
    cand.sentence_parties(MET, MET_NAMES, "CHN", memory)
    assert cand.pair_parties(sentence, sentence.tokens[1], [], memory) == []


def test_a_speechs_congress_is_the_speakers_own() -> None:
    sentence = make_sentence(
        "I ask Congress to act .", [1, 1, 1, 4, 1, 1], "nsubj ROOT dobj aux xcomp punct",
        pos="PRON VERB PROPN PART VERB PUNCT",
    )  # fmt: skip
    congress = [Mention(2, 2, Actor("Congress", "LEG"), "agent")]
    memory = cand.DocumentMemory("d")
    assert _codes(sentence, 2, congress, "IRQ", memory) == {"IRQLEG"}  # no side: the story's
    spoken = cand.parties(sentence, 2, congress, "IRQ", memory, "USA")
    assert {p.code for p in spoken} == {"USALEG"}
    # "the parliament" in lower case may be the country talked about
    lower = make_sentence(
        "I ask the parliament to act .", [1, 1, 3, 1, 5, 1, 1],
        "nsubj ROOT det dobj aux xcomp punct", pos="PRON VERB DET NOUN PART VERB PUNCT",
    )  # fmt: skip
    parliament = [Mention(3, 3, Actor("parliament", "LEG"), "agent")]
    assert {p.code for p in cand.parties(lower, 3, parliament, "IRQ", memory, "USA")} == {"IRQLEG"}


def _backed_fighters():
    return make_sentence(
        "The US - backed fighters attacked .",
        [4, 3, 3, 4, 5, 5, 5],
        "det npadvmod punct amod nsubj ROOT punct",
        lemmas="the us - back fighter attack .",
        pos="DET PROPN PUNCT VERB NOUN VERB PUNCT",
    )


def test_a_backer_is_not_the_party_it_backs() -> None:
    sentence = _backed_fighters()
    the_us = Mention(0, 1, Actor("The US", "USA"), "actor")  # the dictionary takes "the"
    fighters = Mention(4, 4, Actor("fighters", "REB"), "agent")
    # not the backer's fighters, nor the story's where the story's country is the backer
    assert _codes(sentence, 4, [the_us, fighters], context="USA") == {"---REB"}
    assert _codes(sentence, 4, [the_us, fighters], context="SYR") == {"SYRREB"}
    assert "USA" in _codes(sentence, 1, [the_us, fighters], context="SYR")  # its own phrase


def _expelled():
    return make_sentence(
        "A US diplomat was expelled after the embassy refused .",
        [2, 2, 4, 4, 4, 8, 7, 8, 4, 4],
        "det compound nsubjpass auxpass ROOT mark det nsubj advcl punct",
        lemmas="a us diplomat be expel after the embassy refuse .",
        pos="DET PROPN NOUN AUX VERB SCONJ DET NOUN VERB PUNCT",
    )


def test_a_bare_embassy_is_the_mission_named_before_not_the_host() -> None:
    sentence = _expelled()
    us = Mention(1, 1, Actor("US", "USA"), "actor")
    diplomat = Mention(2, 2, Actor("diplomat", "GOV"), "agent")
    embassy = Mention(7, 7, Actor("embassy", "GOV"), "agent")
    found = cand.sentence_parties(sentence, [us, diplomat, embassy], "NZL", cand.DocumentMemory())
    assert [p.code for head, p in found if head == 7] == ["USAGOV"]
    # no mission named with its country before: the story's country is all there is
    alone = cand.sentence_parties(sentence, [diplomat, embassy], "NZL", cand.DocumentMemory())
    assert [p.code for head, p in alone if head == 7] == ["NZLGOV"]


def _speakers_we(memory: cand.DocumentMemory) -> list[str]:
    sentence = _quote(
        "We raised it with the ambassador .",
        [1, 1, 1, 1, 5, 3, 1],
        "nsubj ROOT dobj prep det pobj punct",
        "we raise it with the ambassador .",
        "PRON VERB PRON ADP DET NOUN PUNCT",
    )
    ambassador = [Mention(5, 5, Actor("ambassador", "GOV"), "agent")]
    found = cand.sentence_parties(sentence, ambassador, "GBR", memory)
    return [party.code for head, party in found if head == 0]


def test_a_quotation_still_open_keeps_its_speaker_in_sentences_without_marks() -> None:
    memory = cand.DocumentMemory("d")
    opened = _quote(
        'Johnson said , " And I hope it ends .',
        [1, 1, 1, 6, 6, 6, 1, 8, 6, 1],
        "nsubj ROOT punct punct cc nsubj ccomp nsubj ccomp punct",
        'johnson say , " and i hope it end .',
        "PROPN VERB PUNCT PUNCT CCONJ PRON VERB PRON VERB PUNCT",
    )
    cand.sentence_parties(
        opened, [Mention(0, 0, Actor("Johnson", "GBRGOV"), "actor")], "GBR", memory
    )
    assert _speakers_we(memory) == ["GBRGOV"]  # the quotation's middle: Johnson's "we"
    closed = _quote(
        'It ends . "', [1, 1, 1, 1], "nsubj ROOT punct punct", 'it end . "', "PRON VERB PUNCT PUNCT"
    )
    cand.sentence_parties(closed, [], "GBR", memory)
    assert _speakers_we(memory) == []  # closed: the next "we" is nobody the text names
    # an opened quotation is carried over at most QUOTED_RUN unmarked sentences
    cand.sentence_parties(
        opened, [Mention(0, 0, Actor("Johnson", "GBRGOV"), "actor")], "GBR", memory
    )
    runs = [_speakers_we(memory) for _ in range(cand.QUOTED_RUN + 1)]
    assert runs[-1] == [] and runs[0] == ["GBRGOV"]


def test_a_base_is_no_party_beside_the_body_its_name_codes() -> None:
    # "The UK-based Syrian Observatory said": the Observatory, not Britain, speaks
    sentence = make_sentence(
        "The UK - based Syrian Observatory said .",
        [5, 3, 3, 5, 5, 6, 6, 6],
        "det npadvmod punct amod compound nsubj ROOT punct",
        lemmas="the uk - base syrian observatory say .",
        pos="DET PROPN PUNCT VERB PROPN PROPN VERB PUNCT",
    )
    uk = Mention(0, 1, Actor("The UK", "GBR"), "actor")
    body = Mention(4, 5, Actor("Syrian Observatory", "SYROPPHRI"), "actor")
    found = cand.sentence_parties(sentence, [uk, body], "SYR", cand.DocumentMemory())
    assert {p.code for _, p in found} == {"SYROPPHRI"}
    assert not [p for head, p in found if head == 1]  # "UK" heads no phrase of its own


def test_a_head_without_a_name_takes_its_base_country() -> None:
    sentence = make_sentence(
        "A Shanghai - based firm sued .",
        [4, 3, 3, 4, 5, 5, 5],
        "det npadvmod punct amod nsubj ROOT punct",
        lemmas="a shanghai - base firm sue .",
        pos="DET PROPN PUNCT VERB NOUN VERB PUNCT",
    )
    shanghai = Mention(1, 1, Actor("Shanghai", "CHN"), "actor")
    firm = Mention(4, 4, Actor("firm", "BUS"), "agent")
    assert _codes(sentence, 4, [shanghai, firm], context="USA") == {"CHNBUS"}


def test_a_role_of_a_body_no_state_holds_is_no_official_of_the_story_country() -> None:
    sentence = make_sentence(
        "The president of the Press Federation said .",
        [1, 6, 1, 5, 5, 2, 6, 6],
        "det nsubj prep det compound pobj ROOT punct",
        lemmas="the president of the press federation say .",
        pos="DET NOUN ADP DET PROPN PROPN VERB PUNCT",
    )
    president = [Mention(1, 1, Actor("president", "GOV"), "agent")]
    assert _codes(sentence, 1, president, context="THA") == {"---GOV"}
    ministry = make_sentence(
        "The president of the Supreme Court said .",
        [1, 6, 1, 5, 5, 2, 6, 6],
        "det nsubj prep det compound pobj ROOT punct",
        lemmas="the president of the supreme court say .",
        pos="DET NOUN ADP DET PROPN PROPN VERB PUNCT",
    )
    assert _codes(ministry, 1, president, context="THA") == {"THAGOV"}


def test_a_word_of_a_compound_title_is_no_party_of_the_story_country() -> None:
    # "Brazil's Central Bank governor": "Central" heads no American official in a US story
    sentence = make_sentence(
        "Brazil 's Central Bank governor said .",
        [4, 0, 3, 4, 5, 5, 5],
        "poss case compound compound nsubj ROOT punct",
        lemmas="brazil 's central bank governor say .",
        pos="PROPN PART PROPN PROPN NOUN VERB PUNCT",
    )
    brazil = Mention(0, 0, Actor("Brazil", "BRA"), "actor")
    governor = Mention(2, 4, Actor("Central Bank governor", "GOVBUS"), "agent")
    found = cand.sentence_parties(sentence, [brazil, governor], "USA", cand.DocumentMemory())
    assert not [p for head, p in found if head == 2]
    assert {p.code for head, p in found if head == 4} == {"BRAGOV"}


def test_a_legislatures_committee_is_the_legislatures() -> None:
    # "the House Intelligence Committee met .": the committee's subject ("Intelligence",
    # SPY in the agents file) is no role of its members; the rule read USASPY
    sentence = make_sentence(
        "the House Intelligence Committee met .", [3, 3, 3, 4, 4, 4],
        "det compound compound nsubj ROOT punct", pos="DET PROPN PROPN PROPN VERB PUNCT",
    )  # fmt: skip
    mentions = [
        Mention(1, 1, Actor("House", "~LEG"), "agent"),
        Mention(2, 2, Actor("Intelligence", "~SPY"), "agent"),
    ]
    assert _codes(sentence, 3, mentions, context="USA") == {"USALEG"}
    # a role word after the legislature's name, but not beside it, still counts
    apart = make_sentence(
        "the House 's intelligence chief met .", [1, 4, 1, 4, 5, 5, 5],
        "det poss case compound nsubj ROOT punct",
        pos="DET PROPN PART NOUN NOUN VERB PUNCT",
    )  # fmt: skip
    apart_mentions = [
        Mention(1, 1, Actor("House", "~LEG"), "agent"),
        Mention(3, 3, Actor("intelligence", "~SPY"), "agent"),
    ]
    assert _codes(apart, 4, apart_mentions, context="USA") == {"USASPY"}


# "the aim of finding an approach with Korea pleased Seoul ." (a gerund's object is its own)
AIM = make_sentence(
    "the aim of finding an approach with Korea pleased Seoul .",
    [1, 8, 1, 2, 5, 3, 5, 6, 8, 8, 8],
    "det nsubj prep pcomp det dobj prep pobj ROOT dobj punct",
    pos="DET NOUN ADP VERB DET NOUN ADP PROPN VERB PROPN PUNCT",
)  # fmt: skip
AIM_NAMES = [Mention(7, 7, Actor("Korea", "PRK"), "actor")]


def test_a_phrase_ends_where_a_gerund_clause_begins() -> None:
    assert _codes(AIM, 1, AIM_NAMES, context="KOR") == set()
    assert _codes(AIM, 5, AIM_NAMES, context="KOR") == {"PRK"}


# "the Attorney General , Sessions , a former senator , met Kislyak ."
APPOSED = make_sentence(
    "the Attorney General , Sessions , a former senator , met Kislyak .",
    [2, 2, 10, 2, 2, 2, 8, 8, 2, 2, 10, 10, 10],
    "det compound nsubj punct appos punct det amod appos punct ROOT dobj punct",
    pos="DET PROPN PROPN PUNCT PROPN PUNCT DET ADJ NOUN PUNCT VERB PROPN PUNCT",
)  # fmt: skip
APPOSED_NAMES = [
    Mention(1, 2, Actor("Attorney General", "~GOV"), "agent"),
    Mention(4, 4, Actor("Sessions", "USAGOV"), "actor"),
    Mention(8, 8, Actor("senator", "~LEG"), "agent"),
    Mention(11, 11, Actor("Kislyak", "RUSGOV"), "actor"),
]


def test_an_apposed_description_of_a_named_actor_is_no_second_party() -> None:
    offered = cand.sentence_parties(APPOSED, APPOSED_NAMES, "USA", cand.DocumentMemory("d"))
    heads = {head for head, _ in offered}
    assert 8 not in heads  # "a former senator" is Sessions, not a second (LEG) party
    assert {p.code for head, p in offered if head == 4} == {"USAGOV"}
    # beside a name the dictionaries lack, the description is the only reading and stays
    unnamed = [m for m in APPOSED_NAMES if m.first != 4]
    offered = cand.sentence_parties(APPOSED, unnamed, "USA", cand.DocumentMemory("d"))
    assert (8, "USALEG") in {(head, p.code) for head, p in offered}


def _brother(verb: str, lemma: str):
    # Wikinews: "Brother of murdered Pakistani social media star sentenced to life"
    return make_sentence(
        f"Brother of Pakistani media star {verb} .", [0, 0, 4, 4, 1, 0, 0],
        "ROOT prep amod compound pobj acl punct",
        lemmas=f"brother of pakistani media star {lemma} .",
        tags="NN IN JJ NN NN VBN .", pos="NOUN ADP ADJ NOUN NOUN VERB PUNCT",
    )  # fmt: skip


BROTHER_NAMES = [
    Mention(2, 2, Actor("Pakistani", "PAK"), "actor"),
    Mention(3, 3, Actor("media", "~MED"), "agent"),
]


def test_a_relative_takes_no_role_of_whom_he_is_kin_to() -> None:
    assert _codes(_brother("sentenced", "sentence"), 0, BROTHER_NAMES, "PAK") == {"PAKCRM"}
    assert _codes(_brother("mourned", "mourn"), 0, BROTHER_NAMES, "PAK") == {"PAK"}
    # the star himself keeps the role
    assert _codes(_brother("mourned", "mourn"), 4, BROTHER_NAMES, "PAK") == {"PAKMED"}
    # a named relation gives only his country: "the son of President Ghani" is no government
    son = make_sentence(
        "the son of Ghani spoke .", [1, 4, 1, 2, 4, 4], "det nsubj prep pobj ROOT punct",
        pos="DET NOUN ADP PROPN VERB PUNCT",
    )  # fmt: skip
    assert _codes(son, 1, [Mention(3, 3, Actor("Ghani", "AFGGOV"), "actor")]) == {"AFG"}


def test_whose_relative_the_actor_is_is_no_party_of_the_sentence() -> None:
    # the star is not sentenced, nor mourned: only the brother is offered
    for verb, lemma, code in (("sentenced", "sentence", "PAKCRM"), ("mourned", "mourn", "PAK")):
        offered = cand.sentence_parties(
            _brother(verb, lemma), BROTHER_NAMES, "PAK", cand.DocumentMemory("d")
        )
        assert [(head, party.code) for head, party in offered] == [(0, code)]


def test_a_conjunct_heads_a_phrase_of_its_own() -> None:
    # "according to the organisation and a police official": the police are the official's
    sentence = make_sentence(
        "according to the organisation and a police official",
        [0, 0, 3, 1, 3, 7, 7, 3],
        "ROOT prep det pobj cc det compound conj",
        lemmas="accord to the organisation and a police official",
        pos="VERB ADP DET NOUN CCONJ DET NOUN NOUN",
    )
    mentions = [Mention(6, 6, Actor("police", "~COP"), "agent")]
    assert _codes(sentence, 3, mentions, context="EGY") == set()
    assert _codes(sentence, 7, mentions, context="EGY") == {"EGYCOP"}


def test_joined_roles_keep_their_own_role() -> None:
    # "Afghan soldiers and policemen": the soldiers are no police
    sentence = make_sentence(
        "Afghan soldiers and policemen arrested him .",
        [1, 4, 1, 1, 4, 4, 4],
        "amod nsubj cc conj ROOT dobj punct",
        lemmas="afghan soldier and policeman arrest he .",
        pos="ADJ NOUN CCONJ NOUN VERB PRON PUNCT",
    )
    mentions = [
        Mention(0, 0, Actor("Afghan", "AFG"), "actor"),
        Mention(1, 1, Actor("soldiers", "~MIL"), "agent"),
        Mention(3, 3, Actor("policemen", "~COP"), "agent"),
    ]
    assert _codes(sentence, 1, mentions) == {"AFGMIL"}
    assert _codes(sentence, 3, mentions) == {"AFGCOP"}


def test_a_title_before_a_name_gives_the_office_the_dictionary_lacks() -> None:
    # the dictionary dates Leila de Lima's justice ministry; the text calls her a senator
    sentence = make_sentence(
        "Senator Leila de Lima arrested", [3, 3, 3, 4, 4], "compound compound nmod nsubj ROOT"
    )
    name = Mention(1, 3, Actor("Leila de Lima", "PHLGOVJUD"), "actor")
    senator = [Mention(0, 0, Actor("Senator", "LEG"), "agent"), name]
    assert _codes(sentence, 3, senator, context="PHL") == {"PHLLEG"}
    assert _codes(sentence, 3, [name], context="PHL") == {"PHLJUD"}
    # a retired general in a civil office keeps it; out of office he stays elite
    general = [
        Mention(0, 0, Actor("General", "MIL"), "agent"),
        replace(name, actor=Actor("x", "USAGOV")),
    ]
    assert _codes(sentence, 3, general, context="USA") == {"USAGOV"}
    former = [senator[0], replace(name, actor=Actor("x", "PHLELI"))]
    assert _codes(sentence, 3, former, context="PHL") == {"PHLELI"}


def test_a_minister_for_a_portfolio_is_his_countrys() -> None:
    # "Minister for Justice Frances Fitzgerald told the Dail ...": the parser hangs the
    # portfolio on her name after "for"; she is no body's spokesman, but the story's minister
    sentence = make_sentence(
        "Minister for Justice Frances Fitzgerald spoke .",
        [5, 0, 4, 4, 1, 5, 5],
        "nsubj prep compound compound pobj ROOT punct",
        lemmas="minister for justice frances fitzgerald speak .",
        pos="NOUN ADP PROPN PROPN PROPN VERB PUNCT",
        tags="NN IN NNP NNP NNP VBD .",
    )
    agent = [Mention(0, 2, Actor("Minister for Justice", "~GOV"), "agent")]
    assert _codes(sentence, 0, agent, context="IRL") == {"IRLGOV"}
    body = make_sentence(
        "Minister for Mining Relations spoke .",
        [4, 0, 3, 1, 4, 4],
        "nsubj prep compound pobj ROOT punct",
        lemmas="minister for mining relations speak .",
        pos="NOUN ADP PROPN PROPN VERB PUNCT",
        tags="NN IN NNP NNP VBD .",
    )
    assert _codes(body, 0, [Mention(0, 0, Actor("Minister", "~GOV"), "agent")], "IRL") == {"---GOV"}


def test_an_outlets_journalist_is_media_once() -> None:
    # "Al Jazeera journalist Mahmoud Hussein": the Phoenix file codes the outlet MED, no country
    sentence = make_sentence(
        "Al Jazeera journalist Mahmoud Hussein was detained .", [1, 2, 4, 4, 6, 6, 6, 6],
        "compound compound compound compound nsubjpass auxpass ROOT punct",
        tags="NNP NNP NN NNP NNP VBD VBN .", pos="PROPN PROPN NOUN PROPN PROPN AUX VERB PUNCT",
    )  # fmt: skip
    found = [
        Mention(0, 1, Actor("Al Jazeera", "MED"), "actor"),
        Mention(2, 2, Actor("journalist", "~MED"), "agent"),
    ]
    assert _codes(sentence, 4, found, "EGY") == {"MED"}
    # a state's journalist takes his state
    state = [Mention(0, 1, Actor("Al Jazeera", "QAT"), "actor"), found[1]]
    assert _codes(sentence, 4, state, "EGY") == {"QATMED"}


SHARED = shared_subject_parse()


def test_a_conjoined_verb_shares_its_first_conjuncts_subject_and_voice() -> None:
    assert cand.subject_verb(SHARED, 6) == 2
    assert cand.subject_verb(SHARED, 2) == 2
    assert cand.passive(SHARED, 6)  # "detained by the authorities" is passive
    own = make_sentence(
        "Police came and the crowd fled .", [1, 1, 1, 4, 5, 1, 1],
        "nsubj ROOT cc det nsubj conj punct",
        tags="NNS VBD CC DT NN VBD .", pos="NOUN VERB CCONJ DET NOUN VERB PUNCT",
    )  # fmt: skip
    assert cand.subject_verb(own, 5) == 5  # "the crowd" is its own subject
    # a malformed parse whose two conjuncts head each other ends, whatever it answers
    looped = make_sentence("seized detained", [1, 0], "conj conj", tags="VBN VBN", pos="VERB VERB")
    assert cand.subject_verb(looped, 0) in (0, 1)
    assert not cand.passive(looped, 0)


def test_a_counterparts_owner_is_the_other_side_of_the_pair() -> None:
    # "Putin thanked his Turkish counterpart ." : the counterpart is Turkey's, not Putin's
    sentence = make_sentence(
        "Putin thanked his Turkish counterpart .", [1, 1, 4, 4, 1, 1],
        "nsubj ROOT poss amod dobj punct",
        tags="NNP VBD PRP$ JJ NN .", pos="PROPN VERB PRON ADJ NOUN PUNCT",
    )  # fmt: skip
    putin = Actor("Putin", "RUSGOV", "Vladimir Putin", None, "actor:PUTIN")
    found = [
        Mention(0, 0, putin, "actor"),
        Mention(2, 2, replace(putin, text="his"), "anaphora"),
        Mention(3, 3, Actor("Turkish", "TUR"), "actor"),
    ]
    assert _codes(sentence, 4, found, "RUS") == {"TUR"}
    # so is an ally's, a rival's, a creditor's: "his Turkish ally" is Turkey, not Putin
    ally = replace(sentence, tokens=tuple(
        replace(t, text="ally", lemma="ally") if t.i == 4 else t for t in sentence.tokens
    ))  # fmt: skip
    assert _codes(ally, 4, found, "RUS") == {"TUR"}
    # another head keeps its owner: "his Turkish guests" may well be his
    guests = replace(sentence, tokens=tuple(
        replace(t, text="guests", lemma="guest") if t.i == 4 else t for t in sentence.tokens
    ))  # fmt: skip
    assert _codes(guests, 4, found, "RUS") == {"RUSGOV", "TUR"}


def _air_force_quoted(speaker: str, code: str) -> list[str]:
    """'"The air force struck the posts," the <speaker> military/official said' in Gaza."""
    sentence = _quote(
        f'" The air force struck the posts , " the {speaker} said .',
        [4, 3, 3, 4, 12, 6, 4, 12, 12, 11, 11, 12, 12, 12],
        "punct det compound nsubj ccomp det dobj punct punct det amod nsubj ROOT punct",
        f'" the air force strike the post , " the {speaker.lower()} say .',
        "PUNCT DET NOUN NOUN VERB DET NOUN PUNCT PUNCT DET ADJ NOUN VERB PUNCT",
    )
    mentions = [
        Mention(2, 3, Actor("air force", "MIL"), "agent"),
        Mention(10, 10, Actor(speaker.split()[0], code[:3]), "actor"),
        Mention(11, 11, Actor(speaker.split()[1], code[3:]), "agent"),
    ]
    found = cand.sentence_parties(sentence, mentions, "PSE", cand.DocumentMemory("d"))
    return [party.code for head, party in found if head == 3]


def test_a_forces_spokesman_quoted_speaks_of_his_own_branch() -> None:
    # the Israeli military's "the air force" is Israel's, whatever the story's country
    assert _air_force_quoted("Israeli military", "ISRMIL") == ["ISRMIL"]
    # a civilian official's "the air force" may be anyone's: the story's, as before
    assert _air_force_quoted("American official", "USAGOV") == ["PSEMIL"]


def test_a_partys_leader_is_the_partys() -> None:
    # "The party 's leader O'Neill spoke ." (a name the dictionaries lack): not the story's
    # government, which the agents file gives a bare "leader"
    sentence = make_sentence(
        "The party 's leader O'Neill spoke .", [1, 3, 1, 4, 5, 5, 5],
        "det poss case compound nsubj ROOT punct",
        lemmas="the party 's leader O'Neill speak .",
        pos="DET NOUN PART NOUN PROPN VERB PUNCT",
    )  # fmt: skip
    leader = [Mention(3, 3, Actor("leader", "~GOV"), "agent")]
    assert _codes(sentence, 4, leader, context="GBR") == {"GBRPTY"}
    # "an iconic leader of the party"
    of = make_sentence(
        "an iconic leader of the party spoke .", [2, 2, 6, 2, 5, 3, 6, 6],
        "det amod nsubj prep det pobj ROOT punct",
        lemmas="an iconic leader of the party speak .",
        pos="DET ADJ NOUN ADP DET NOUN VERB PUNCT",
    )  # fmt: skip
    assert _codes(of, 2, [Mention(2, 2, Actor("leader", "~GOV"), "agent")], "IND") == {"INDPTY"}
    # the country's leader stays its government
    state = make_sentence(
        "the leader of the country spoke .", [1, 5, 1, 4, 2, 5, 5],
        "det nsubj prep det pobj ROOT punct",
        lemmas="the leader of the country speak .",
        pos="DET NOUN ADP DET NOUN VERB PUNCT",
    )  # fmt: skip
    assert _codes(state, 1, [Mention(1, 1, Actor("leader", "~GOV"), "agent")], "IND") == {"INDGOV"}


def test_a_leader_before_a_partys_man_is_no_office() -> None:
    # "Labour leader Jeremy Corbyn spoke .": the dictionary's party (GBRPTY) stands; a
    # title that is an office still gives it ("Senator" before a minister's name)
    sentence = make_sentence(
        "Labour leader Jeremy Corbyn spoke .", [1, 3, 3, 4, 4, 4],
        "compound compound compound nsubj ROOT punct",
        lemmas="Labour leader Jeremy Corbyn speak .",
        pos="PROPN NOUN PROPN PROPN VERB PUNCT",
    )  # fmt: skip
    corbyn = Actor("Jeremy Corbyn", "GBRPTY", "Jeremy Corbyn", None, "actor:CORBYN")
    mentions = [Mention(1, 1, Actor("leader", "~GOV"), "agent"), Mention(2, 3, corbyn, "actor")]
    assert _codes(sentence, 3, mentions, context="GBR") == {"GBRPTY"}
    senator = [Mention(1, 1, Actor("Senator", "~LEG"), "agent"), Mention(2, 3, corbyn, "actor")]
    assert _codes(sentence, 3, senator, context="GBR") == {"GBRLEG"}


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "offered"),
    [
        # "the group" as an object: the organisation or armed group named before
        (
            "Trump vowed to eliminate the group .",
            [1, 1, 3, 1, 5, 3, 1],
            "nsubj ROOT aux xcomp det dobj punct",
            "PROPN VERB PART VERB DET NOUN PUNCT",
            {"IMGMUSISI"},
        ),
        # a group described anew is no one named before; nor is "a group"
        (
            "Trump vowed to eliminate the armed group .",
            [1, 1, 3, 1, 6, 6, 3, 1],
            "nsubj ROOT aux xcomp det amod dobj punct",
            "PROPN VERB PART VERB DET ADJ NOUN PUNCT",
            set(),
        ),
        (
            "Trump vowed to eliminate a group .",
            [1, 1, 3, 1, 5, 3, 1],
            "nsubj ROOT aux xcomp det dobj punct",
            "PROPN VERB PART VERB DET NOUN PUNCT",
            set(),
        ),
    ],
)
def test_an_object_that_is_the_group_is_the_group_named_before(
    words, heads, deps, pos, offered
) -> None:
    sentence = make_sentence(
        words, heads, deps, lemmas=words.lower().replace("vowed", "vow"), pos=pos
    )
    mentions = [Mention(0, 0, Actor("Trump", "USAGOV"), "actor")]
    memory = cand.DocumentMemory("d")
    memory.recent = [("USAGOV", "IRQMIL", "IMGMUSISI")]
    group = len(sentence.tokens) - 2
    found = cand.sentence_parties(sentence, mentions, "USA", memory)
    assert {p.code for head, p in found if head == group} == offered


def test_a_subject_pronoun_after_a_subject_person_is_that_person() -> None:
    # "Merkel said she ...": not the persons of the sentences before (Erdogan, Putin)
    sentence = make_sentence(
        "Merkel said she would go .",
        [1, 1, 4, 4, 1, 1],
        "nsubj ROOT nsubj aux ccomp punct",
        lemmas="merkel say she would go .",
        pos="PROPN VERB PRON AUX VERB PUNCT",
    )
    mentions = [Mention(0, 0, Actor("Merkel", "DEUGOV", name="Angela Merkel"), "actor")]
    memory = cand.DocumentMemory("d")
    memory.recent = [("TURGOV", "RUSGOV")]
    found = cand.sentence_parties(sentence, mentions, "DEU", memory)
    assert {p.code for head, p in found if head == 2} == {"DEUGOV"}
    # with no person as a subject before it, the pronoun is still anyone named before
    sentence = make_sentence(
        "Officials said she would go .",
        [1, 1, 4, 4, 1, 1],
        "nsubj ROOT nsubj aux ccomp punct",
        lemmas="official say she would go .",
        pos="NOUN VERB PRON AUX VERB PUNCT",
    )
    mentions = [Mention(0, 0, Actor("Officials", "~GOV"), "agent")]
    memory.recent = [("TURGOV", "RUSGOV")]
    found = cand.sentence_parties(sentence, mentions, "DEU", memory)
    assert {"TURGOV", "RUSGOV"} <= {p.code for head, p in found if head == 2}


@pytest.mark.parametrize(
    ("words", "codes"),
    [
        # a Republican senator is American, whatever country the story is about
        ("Republican senators voted no .", {"USALEG"}),
        # a party's name is not asked ("Democratic Party lawmakers" of South Korea)
        ("Democratic Party lawmakers voted no .", {"MNELEG"}),
    ],
)
def test_partisan_us_office_holders_are_american(words: str, codes: set[str]) -> None:
    n = len(words.split())
    head = n - 4  # the noun before "voted"
    sentence = make_sentence(
        words,
        [head] * head + [head + 1, head + 1, head + 1, head + 1],
        " ".join(["amod"] * head + ["nsubj", "ROOT", "dobj", "punct"]),
        lemmas=words.lower(),
        pos=" ".join(["PROPN"] * head + ["NOUN", "VERB", "ADV", "PUNCT"]),
    )
    mentions = [Mention(head, head, Actor(sentence.tokens[head].text, "~LEG"), "agent")]
    assert _codes(sentence, head, mentions, context="MNE") == codes


def test_force_as_a_means_is_no_armed_force() -> None:
    # "they used excessive force" was FRAMIL, the source of the arrest it accompanied
    sentence = make_sentence(
        "they used excessive force .", [1, 1, 3, 1, 1], "nsubj ROOT amod dobj punct",
        lemmas="they use excessive force .", tags="PRP VBD JJ NN .",
        pos="PRON VERB ADJ NOUN PUNCT",
    )  # fmt: skip
    mentions = [Mention(3, 3, Actor("force", "~MIL"), "agent")]
    offered = cand.sentence_parties(sentence, mentions, "FRA", cand.DocumentMemory("d"))
    assert 3 not in {head for head, _ in offered}
    # "a force", "the security force", a bare force that acts stay forces
    for words, deps, lemmas, tags, pos in (
        ("a force attacked .", "det nsubj ROOT punct", "a force attack .", "DT NN VBD .",
         "DET NOUN VERB PUNCT"),
        ("excessive force attacked .", "amod nsubj ROOT punct", "excessive force attack .",
         "JJ NN VBD .", "ADJ NOUN VERB PUNCT"),
    ):  # fmt: skip
        acting = make_sentence(words, [1, 2, 2, 2], deps, lemmas=lemmas, tags=tags, pos=pos)
        agent = [Mention(1, 1, Actor("force", "~MIL"), "agent")]
        found = cand.sentence_parties(acting, agent, "FRA", cand.DocumentMemory("d"))
        assert ("a force" in words) == (1 in {head for head, _ in found}), words


def test_youths_and_rioters_are_civilians() -> None:
    sentence = make_sentence(
        "youths clashed .", [1, 1, 1], "nsubj ROOT punct",
        lemmas="youth clash .", tags="NNS VBD .", pos="NOUN VERB PUNCT",
    )  # fmt: skip
    assert _codes(sentence, 0, [], context="FRA") == {"FRACVL"}


def test_a_protest_with_no_protester_offers_the_storys_people() -> None:
    # "Protests have erupted in Anaheim": the gold's source is the country's CVL, named nowhere
    sentence = make_sentence(
        "protests erupted .", [1, 1, 1], "nsubj ROOT punct",
        lemmas="protest erupt .", tags="NNS VBD .", pos="NOUN VERB PUNCT",
    )  # fmt: skip
    offered = cand.sentence_parties(sentence, [], "USA", cand.DocumentMemory("d"))
    assert (cand.CROWD, cand.Party("USACVL", "", "crowd")) in offered
    strike = make_sentence(
        "a strike began .", [1, 2, 2, 2], "det nsubj ROOT punct",
        lemmas="a strike begin .", tags="DT NN VBD .", pos="DET NOUN VERB PUNCT",
    )  # fmt: skip
    found = cand.sentence_parties(strike, [], "USA", cand.DocumentMemory("d"))
    assert [p.code for h, p in found if h == cand.CROWD] == ["USALAB"]
    # no story's country, or an organisation's story: no crowd; none is remembered
    memory = cand.DocumentMemory("d")
    assert not [h for h, _ in cand.sentence_parties(sentence, [], None, memory) if h < 0]
    assert not [h for h, _ in cand.sentence_parties(sentence, [], "IGO", memory) if h < 0]
    cand.sentence_parties(sentence, [], "USA", memory)
    assert "USACVL" not in {code for codes in memory.recent for code in codes}


def _as_written(sentence, text: str):
    """Return `sentence` with its own `text` and token offsets found in it, left to right."""
    tokens, at = [], sentence.start
    for token in sentence.tokens:
        at = text.index(token.text, at - sentence.start) + sentence.start
        tokens.append(replace(token, start=at))
        at += len(token.text)
    return replace(sentence, text=text, end=sentence.start + len(text), tokens=tuple(tokens))


def test_phrase_text_is_the_sentence_own_words_without_the_fronted_frame() -> None:
    # the parser hangs the fronted time ("Then on the night of February 4 ,") on the subject
    # and the bracketed acronym, an apposition, is no part of the phrase
    words = "Then on the night of February 4 , the Social - Democratic Party ( PSD ) announced"
    parsed = make_sentence(
        words,
        [12, 12, 3, 1, 3, 4, 5, 12, 12, 11, 11, 12, 16, 14, 12, 14, 16],
        "advmod prep det pobj prep pobj nummod punct det compound punct compound nsubj punct "
        "appos punct ROOT",
        pos="ADV ADP DET NOUN ADP PROPN NUM PUNCT DET PROPN PUNCT PROPN PROPN PUNCT PROPN "
        "PUNCT VERB",
        start=40,
    )
    sentence = _as_written(
        parsed,
        "Then on the night of February 4, the Social-Democratic Party (PSD) announced",
    )
    inside = cand._phrase(sentence, 12)
    assert cand.phrase_text(sentence, inside, 12) == "the Social-Democratic Party"


def test_phrase_text_keeps_a_possessive_as_written() -> None:
    parsed = make_sentence(
        "The government 's forces attacked the rebels ' positions",
        [1, 3, 1, 4, 4, 6, 8, 6, 4],
        "det poss case nsubj ROOT det poss case dobj",
        pos="DET NOUN PART NOUN VERB DET NOUN PART NOUN",
    )
    sentence = _as_written(parsed, "The government's forces attacked the rebels' positions")
    assert cand.phrase_text(sentence, cand._phrase(sentence, 3), 3) == "The government's forces"
    assert cand.phrase_text(sentence, {5, 6, 7}, 6) == "the rebels'"


def test_a_country_name_joined_to_a_force_is_a_party_of_its_own() -> None:
    # the parser hangs "Turkey" on "forces" as it hangs "Afghan" of "Afghan and coalition
    # forces"; Turkey's name is a second party, not the rebels' country
    sentence = make_sentence(
        "an assault by Turkey and rebel forces .",
        [1, 1, 1, 6, 3, 6, 2, 1],
        "det ROOT prep nmod cc compound pobj punct",
        lemmas="an assault by turkey and rebel force .",
        pos="DET NOUN ADP PROPN CCONJ NOUN NOUN PUNCT",
    )
    mentions = [
        Mention(3, 3, Actor("Turkey", "TUR"), "actor"),
        Mention(5, 6, Actor("rebel forces", "REB"), "agent"),
    ]
    assert "TURREB" not in _codes(sentence, 6, mentions, context="SYR")
    # nor when the sentence names Turkey twice and Turkey is its country: the rebels are
    # Turkey's partners, not Turkish rebels
    assert _codes(sentence, 6, mentions, context="TUR") == {"---REB"}
    adjective = [Mention(3, 3, Actor("Turkish", "TUR"), "actor"), mentions[1]]
    assert _codes(sentence, 6, adjective, context="SYR") == {"TURREB"}


def test_two_countries_joined_before_a_force_are_both_its_owners() -> None:
    # "U.S. and Afghan forces": the name joined to another country's adjective
    sentence = make_sentence(
        "U.S. and Afghan forces detained two insurgents .",
        [3, 0, 0, 4, 4, 6, 4, 4],
        "nmod cc conj nsubj ROOT nummod dobj punct",
        lemmas="u.s. and afghan force detain two insurgent .",
        pos="PROPN CCONJ ADJ NOUN VERB NUM NOUN PUNCT",
    )
    mentions = [
        Mention(0, 0, Actor("U.S.", "USA"), "actor"),
        Mention(2, 2, Actor("Afghan", "AFG"), "actor"),
        Mention(3, 3, Actor("forces", "MIL"), "agent"),
    ]
    assert {"USAMIL", "AFGMIL"} <= _codes(sentence, 3, mentions, context="AFG")
