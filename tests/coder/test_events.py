"""Tests for dyad.coder.events: CAMEO events coded on hand-built parses (shipped dictionaries).

Codes come from src/dyad/data/cameo/CAMEO.2.0.txt: VISIT [042:043], MEET_PEOPLE [040],
PHYSICAL_CONFLICT [190], BLAME [111]. Where a pattern could refine the code, the tests
assert the CAMEO root (first two digits) only.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from dyad.coder.events import (
    Arguments,
    EventCode,
    VerbCode,
    code_events,
    find_arguments,
    find_code,
    find_targets,
    match_pattern,
    pair_actors,
    rule_name,
)
from dyad.coder.mentions import find_mentions
from dyad.dictionaries.entries import ActorDictionary, Pattern, VerbDictionary, VerbEntry
from dyad.dictionaries.loader import load_actor_dictionary, load_verb_dictionary
from dyad.records import Actor, Sentence
from parses import make_sentence

DAY = "2008-08-20"

# name: (words, heads, deps, tags, pos)
PARSES: dict[str, tuple[str, list[int], str, str, str]] = {
    "active": (
        "Iraq attacked Iran .",
        [1, 1, 1, 1],
        "nsubj ROOT dobj punct",
        "NNP VBD NNP .",
        "PROPN VERB PROPN PUNCT",
    ),
    "passive": (
        "Iran was attacked by Iraq .",
        [2, 2, 2, 2, 3, 2],
        "nsubjpass auxpass ROOT agent pobj punct",
        "NNP VBD VBN IN NNP .",
        "PROPN AUX VERB ADP PROPN PUNCT",
    ),
    "passive_no_agent": (
        "Iran was attacked yesterday .",
        [2, 2, 2, 2, 2],
        "nsubjpass auxpass ROOT npadvmod punct",
        "NNP VBD VBN NN .",
        "PROPN AUX VERB NOUN PUNCT",
    ),
    "conjoined": (
        "Iran and Syria condemned Israel .",
        [3, 0, 0, 3, 3, 3],
        "nsubj cc conj ROOT dobj punct",
        "NNP CC NNP VBD NNP .",
        "PROPN CCONJ PROPN VERB PROPN PUNCT",
    ),
    "met_with": (
        "Maliki met with Khamenei .",
        [1, 1, 1, 2, 1],
        "nsubj ROOT prep pobj punct",
        "NNP VBD IN NNP .",
        "PROPN VERB ADP PROPN PUNCT",
    ),
    "visited": (
        "Maliki visited Iran .",
        [1, 1, 1, 1],
        "nsubj ROOT dobj punct",
        "NNP VBD NNP .",
        "PROPN VERB PROPN PUNCT",
    ),
    "visited_for_talks": (
        "Maliki visited Iran for talks .",
        [1, 1, 1, 1, 3, 1],
        "nsubj ROOT dobj prep pobj punct",
        "NNP VBD NNP IN NNS .",
        "PROPN VERB PROPN ADP NOUN PUNCT",
    ),
    "visited_and_met": (
        "Maliki visited Iran and met Khamenei .",
        [1, 1, 1, 1, 1, 4, 1],
        "nsubj ROOT dobj cc conj dobj punct",
        "NNP VBD NNP CC VBD NNP .",
        "PROPN VERB PROPN CCONJ VERB PROPN PUNCT",
    ),
    "said_it": (
        "Tehran said it would attack Iraq .",
        [1, 1, 4, 4, 1, 4, 1],
        "nsubj ROOT nsubj aux ccomp dobj punct",
        "NNP VBD PRP MD VB NNP .",
        "PROPN VERB PRON AUX VERB PROPN PUNCT",
    ),
    "unknown_verb": (
        "Iraq frobnicated Iran .",
        [1, 1, 1, 1],
        "nsubj ROOT dobj punct",
        "NNP VBD NNP .",
        "PROPN VERB PROPN PUNCT",
    ),
    "no_actor": (
        "Rebels attacked the town .",
        [1, 1, 3, 1, 1],
        "nsubj ROOT det dobj punct",
        "NNS VBD DT NN .",
        "NOUN VERB DET NOUN PUNCT",
    ),
    "asked_to_help": (
        "Congress asked Bush to help Iran .",
        [1, 1, 1, 4, 1, 4, 1],
        "nsubj ROOT dobj aux xcomp dobj punct",
        "NNP VBD NNP TO VB NNP .",
        "PROPN VERB PROPN PART VERB PROPN PUNCT",
    ),
    "agreed_to_lift": (
        "Bush agreed to lift the sanctions on Iran .",
        [1, 1, 3, 1, 5, 3, 5, 6, 1],
        "nsubj ROOT aux xcomp det dobj prep pobj punct",
        "NNP VBD TO VB DT NNS IN NNP .",
        "PROPN VERB PART VERB DET NOUN ADP PROPN PUNCT",
    ),
    "not_provide": (
        "Bush would not provide support to Israel .",
        [3, 3, 3, 3, 3, 3, 5, 3],
        "nsubj aux neg ROOT dobj prep pobj punct",
        "NNP MD RB VB NN IN NNP .",
        "PROPN AUX PART VERB NOUN ADP PROPN PUNCT",
    ),
    "claimed_attack": (
        "Iraq claimed that Iran attacked Kuwait .",
        [1, 1, 4, 4, 1, 4, 1],
        "nsubj ROOT mark nsubj ccomp dobj punct",
        "NNP VBD IN NNP VBD NNP .",
        "PROPN VERB SCONJ PROPN VERB PROPN PUNCT",
    ),
    "reported_attack": (
        "Iran attacked Kuwait , Iraq said .",
        [1, 5, 1, 5, 5, 5, 5],
        "nsubj ccomp dobj punct nsubj ROOT punct",
        "NNP VBD NNP , NNP VBD .",
        "PROPN VERB PROPN PUNCT PROPN VERB PUNCT",
    ),
    "about_to_restore": (
        "Egypt is about to restore ties with Iran .",
        [1, 1, 1, 4, 2, 4, 5, 6, 1],
        "nsubj ROOT acomp aux xcomp dobj prep pobj punct",
        "NNP VBZ JJ TO VB NNS IN NNP .",
        "PROPN AUX ADJ PART VERB NOUN ADP PROPN PUNCT",
    ),
}

LEMMAS = {"attacked": "attack", "was": "be", "condemned": "condemn", "met": "meet"}
LEMMAS |= {"visited": "visit", "said": "say", "would": "will", "talks": "talk"}
LEMMAS |= {"asked": "ask", "agreed": "agree", "sanctions": "sanction", "claimed": "claim"}
LEMMAS |= {"is": "be", "ties": "tie"}


@pytest.fixture(scope="module")
def dictionaries() -> tuple[ActorDictionary, VerbDictionary]:
    return load_actor_dictionary()[0], load_verb_dictionary()[0]


def parse(name: str) -> Sentence:
    words, heads, deps, tags, pos = PARSES[name]
    lemmas = [LEMMAS.get(w.lower(), w.lower()) for w in words.split()]
    return make_sentence(words, heads, deps, lemmas, tags, pos)


def code(
    name: str, dictionaries: tuple[ActorDictionary, VerbDictionary], **options: object
) -> list[EventCode]:
    actors, verbs = dictionaries
    sentence = parse(name)
    mentions = find_mentions(sentence, actors, on_date=DAY)
    return code_events(sentence, mentions, actors, verbs, **options)  # type: ignore[arg-type]


def dyads(events: list[EventCode]) -> list[tuple[int, str, str | None, str]]:
    """Return (verb, source, target, root) of each event."""
    return [
        (e.verb, e.source.code, e.target.code if e.target else None, e.code[:2]) for e in events
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("active", [(1, "IRQ", "IRN", "19")]),
        ("passive", [(2, "IRQ", "IRN", "19")]),
        ("conjoined", [(3, "IRN", "ISR", "11"), (3, "SYR", "ISR", "11")]),
        ("met_with", [(1, "IRQGOV", "IRNGOV", "04")]),
        ("visited", [(1, "IRQGOV", "IRN", "04"), (1, "IRN", "IRQGOV", "04")]),
        (
            "visited_and_met",
            [
                (1, "IRQGOV", "IRN", "04"),
                (1, "IRN", "IRQGOV", "04"),
                (4, "IRQGOV", "IRNGOV", "04"),
            ],
        ),
        ("said_it", [(4, "IRNGOV", "IRQ", "01")]),  # claims its own attack: 015
        ("asked_to_help", [(1, "---LEG", "USAGOV", "02")]),  # the help has not happened
        ("agreed_to_lift", [(3, "USAGOV", "IRN", "08")]),  # one event: eases sanctions
        ("not_provide", [(3, "USAGOV", "ISR", "12")]),  # refusing aid is a rejection
        # a claim of aggression accuses, and the attack claimed stays an event (reported)
        ("claimed_attack", [(4, "IRN", "KWT", "19"), (1, "IRQ", "IRN", "11")]),
        ("reported_attack", [(1, "IRN", "KWT", "19")]),  # a plain report keeps the event
        ("about_to_restore", [(4, "EGY", "IRN", "05")]),  # subject through "is about to"
    ],
)
def test_events_code_events_dyads(
    dictionaries: tuple[ActorDictionary, VerbDictionary],
    name: str,
    expected: list[tuple[int, str, str | None, str]],
) -> None:
    assert dyads(code(name, dictionaries)) == expected


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("visited", ["042", "043"]),
        ("visited_for_talks", ["046", "046"]),  # pattern "* (FOR TALKS) [046:046]"
        ("met_with", ["040"]),
    ],
)
def test_events_code_events_exact_codes(
    dictionaries: tuple[ActorDictionary, VerbDictionary], name: str, codes: list[str]
) -> None:
    assert [e.code for e in code(name, dictionaries)] == codes


def test_events_reverse_event_rule(
    dictionaries: tuple[ActorDictionary, VerbDictionary],
) -> None:
    forward, reverse = code("visited", dictionaries)
    assert forward.rule.startswith("dyad.verbs.cameo.v1:VISIT")
    assert reverse.rule == forward.rule + ":reverse"
    assert (reverse.source, reverse.target) == (forward.target, forward.source)


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("passive_no_agent", {}),
        ("passive_no_agent", {"require_dyad": False}),
        ("unknown_verb", {}),
        ("no_actor", {}),
        ("no_actor", {"context_country": "IRQ"}),
    ],
)
def test_events_code_events_nothing(
    dictionaries: tuple[ActorDictionary, VerbDictionary], name: str, options: dict[str, object]
) -> None:
    assert code(name, dictionaries, **options) == []


@pytest.mark.parametrize(
    ("require_dyad", "expected"),
    [(True, []), (False, [(1, "IRQGOV", None, "04")])],
)
def test_events_require_dyad(
    dictionaries: tuple[ActorDictionary, VerbDictionary],
    require_dyad: bool,
    expected: list[tuple[int, str, str | None, str]],
) -> None:
    actors, verbs = dictionaries
    sentence = make_sentence(
        "Maliki visited yesterday .",
        [1, 1, 1, 1],
        "nsubj ROOT npadvmod punct",
        "maliki visit yesterday .",
        "NNP VBD NN .",
        "PROPN VERB NOUN PUNCT",
    )
    mentions = find_mentions(sentence, actors, on_date=DAY)
    events = code_events(sentence, mentions, actors, verbs, require_dyad=require_dyad)
    assert dyads(events) == expected


TALKS = Pattern((), (("TALKS",),), "040", None, 1)
FOR_TALKS = Pattern((), (("(",), ("FOR",), ("TALKS",)), "046", "046", 2)
TO_HOSPITAL = Pattern((), (("(",), ("TO",), ("HOSPITAL",)), "042", None, 3)
OFFICIALS = Pattern((("OFFICIALS",),), (("TALKS",),), "036", None, 4)


@pytest.mark.parametrize(
    ("patterns", "line"),
    [
        ((TALKS, FOR_TALKS), 2),
        ((FOR_TALKS, TALKS), 2),
        ((TALKS, TO_HOSPITAL), 1),
        ((TO_HOSPITAL,), None),
        ((OFFICIALS, TALKS), 1),  # "OFFICIALS" is not before the verb
    ],
)
def test_events_match_pattern_most_specific(
    patterns: tuple[Pattern, ...], line: int | None
) -> None:
    sentence = parse("visited_for_talks")
    entry = VerbEntry("VISIT", "VISIT", "042", "043", (), patterns)
    match = match_pattern(sentence, 1, entry)
    assert (match.pattern.source_line if match else None) == line


# --- the named steps of code_events, one at a time ----------------------------------


def _verb(name: str, verbs: VerbDictionary, index: int) -> tuple[Sentence, VerbCode | None]:
    sentence = parse(name)
    return sentence, find_code(sentence, sentence.tokens[index], verbs)


@pytest.mark.parametrize(
    ("name", "index", "root", "negated"),
    [
        ("active", 1, "19", False),  # "attacked": ASSAULT
        ("passive", 2, "19", False),
        ("met_with", 1, "04", False),
        ("unknown_verb", 1, "", False),  # no dictionary entry: no code, a fallback reading
    ],
)
def test_events_find_code_reads_the_verb_dictionary(
    dictionaries: tuple[ActorDictionary, VerbDictionary],
    name: str,
    index: int,
    root: str,
    negated: bool,
) -> None:
    _sentence, verb = _verb(name, dictionaries[1], index)
    assert verb is not None
    assert (verb.code[:2], verb.negated) == (root, negated)


@pytest.mark.parametrize(("name", "index"), [("active", 0), ("active", 2), ("passive", 1)])
def test_events_find_code_skips_what_is_no_verb(
    dictionaries: tuple[ActorDictionary, VerbDictionary], name: str, index: int
) -> None:
    assert _verb(name, dictionaries[1], index)[1] is None  # a noun, an auxiliary


@pytest.mark.parametrize(
    ("name", "index", "sources", "objects"),
    [
        ("active", 1, [0], [2]),
        ("passive", 2, [4], [0]),  # the "by" agent acts; the subject suffers
        ("conjoined", 3, [0, 2], [4]),  # both conjoined subjects
        ("met_with", 1, [0], [3]),  # a prepositional object
    ],
)
def test_events_find_arguments_gives_source_and_object_heads(
    dictionaries: tuple[ActorDictionary, VerbDictionary],
    name: str,
    index: int,
    sources: list[int],
    objects: list[int],
) -> None:
    sentence, verb = _verb(name, dictionaries[1], index)
    assert verb is not None
    arguments = find_arguments(sentence, sentence.tokens[index], verb)
    assert (arguments.sources, arguments.objects) == (sources, objects)


def _actor(code: str) -> Actor:
    return Actor(code, code)


def test_events_find_targets_stops_at_the_first_object_naming_an_actor() -> None:
    sentence = parse("active")
    arguments = Arguments([0], [2, 0], frozenset())
    named = {0: _actor("IRQ"), 2: _actor("IRN")}

    def resolve(head: int, acting: bool = True) -> Actor | None:
        return named.get(head)

    found = find_targets(sentence, arguments, [named[0]], False, resolve, frozenset({"IRQ"}))
    assert [a.code for a in found] == ["IRN"]
    # the source is never its own target
    found = find_targets(
        sentence, Arguments([0], [0], frozenset()), [named[0]], False, resolve, frozenset()
    )
    assert found == []


@pytest.mark.parametrize(
    ("code", "sources", "targets", "expected"),
    [
        (VerbCode(None, None, "190"), ["IRQ"], ["IRN"], [("IRQ", "IRN")]),
        (VerbCode(None, None, "190"), ["IRQ"], [], [("IRQ", None)]),
        # a meeting of conjoined subjects with no target: each meets the other
        (VerbCode(None, None, "040"), ["IRN", "SYR"], [], [("IRN", "SYR"), ("SYR", "IRN")]),
        # what is received is the giver's act towards the receiver
        (VerbCode(None, None, "070", given=True), ["IRQ"], ["USA"], [("USA", "IRQ")]),
    ],
)
def test_events_pair_actors(
    code: VerbCode, sources: list[str], targets: list[str], expected: list[tuple[str, str | None]]
) -> None:
    sentence = parse("met_with")
    pairs = pair_actors(
        sentence, 1, code, [_actor(c) for c in sources], [_actor(c) for c in targets]
    )
    assert [(s.code, t.code if t else None) for s, t in pairs] == expected


def test_events_rule_name_names_block_pattern_and_how(
    dictionaries: tuple[ActorDictionary, VerbDictionary],
) -> None:
    _sentence, verb = _verb("active", dictionaries[1], 1)
    assert verb is not None and verb.entry is not None
    plain = rule_name(replace(verb, match=None))
    assert plain == f"dyad.verbs.cameo.v1:{verb.entry.block}:verb"
    assert (
        rule_name(replace(verb, match=None, absorbed=True, given=True))
        == plain + ":negated:received"
    )
