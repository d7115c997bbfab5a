"""Tests for dyad.dictionaries: code lines, dated roles, file loading, the verb file."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.dictionaries.entries import ActorDictionary, ActorEntry, DatedCode, VerbDictionary
from dyad.dictionaries.loader import (
    load_actor_dictionary,
    load_verb_dictionary,
    parse_code,
    skeleton,
)
from dyad.dictionaries.verbfile import read_verb_file, split_code
from dyad.errors import DictionaryError


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()[0]


@pytest.fixture(scope="module")
def verbs() -> VerbDictionary:
    return load_verb_dictionary()[0]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("IRQGOV 20060520-20140908", DatedCode("IRQGOV", "2006-05-20", "2014-09-08")),
        ("IRQELI 680101-000101", DatedCode("IRQELI", "1968-01-01", "2000-01-01")),
        ("IRQ >20060520", DatedCode("IRQ", start="2006-05-20")),
        ("IRQ <030320", DatedCode("IRQ", end="2003-03-20")),
        ("IRN", DatedCode("IRN")),
        ("irn", DatedCode("IRN")),
        ("  ", None),
        ("", None),
    ],
)
def test_dictionaries_parse_code_reads_dates(body: str, expected: DatedCode | None) -> None:
    assert parse_code(body) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2008-08-20", "IRQGOV"),
        ("2006-05-20", "IRQGOV"),  # the start day is inside the span
        ("2014-09-08", "IRQELI"),  # the end day is not
        ("1990-01-01", "IRQELI"),
        ("2003-01-01", "IRQELI"),
        (None, "IRQELI"),
    ],
)
def test_dictionaries_code_on_picks_dated_role(day: str | None, expected: str) -> None:
    maliki = ActorEntry(
        "Nuri al-Maliki",
        (
            DatedCode("IRQELI", "1968-01-01", "2000-01-01"),
            DatedCode("IRQGOV", "2006-05-20", "2014-09-08"),
            DatedCode("IRQELI"),
        ),
        "test:1",
        person=True,
    )
    assert maliki.code_on(day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [("2001-01-01", "IRQ"), ("2004-01-01", "IRQOCC"), ("2010-01-01", "IRQ"), (None, "IRQ")],
)
def test_dictionaries_code_on_without_undated_role(day: str | None, expected: str) -> None:
    iraq = ActorEntry(
        "Iraq",
        (
            DatedCode("IRQ", end="2003-03-20"),
            DatedCode("IRQOCC", "2003-03-20", "2006-05-20"),
            DatedCode("IRQ", start="2006-05-20"),
        ),
        "test:1",
    )
    assert iraq.code_on(day) == expected


@pytest.mark.parametrize(
    ("key", "day", "code"),
    [
        (("MALIKI",), "2008-08-20", "IRQGOV"),
        (("NURI", "AL", "MALIKI"), "2008-08-20", "IRQGOV"),
        (("MALIKI",), None, "IRQELI"),
        (("IRAQI",), "2008-08-20", "IRQ"),
        (("TEHRAN",), None, "IRN"),
        (("MAHDI", "ARMY"), None, "IRQREB"),
        (("AHMADINEJAD",), "2008-08-20", "IRNGOV"),
        # national institutions by their own names (dyad's supplement)
        (("GARDA",), "2017-02-10", "IRLCOP"),
        (("DAIL",), None, "IRLLEG"),
        (("SOVIETS",), "1987-03-16", "SUN"),
        # the Holy See and its head of state (the gold's VATGOV)
        (("VATICAN",), None, "VAT"),
        (("POPE", "FRANCIS"), "2017-03-24", "VATGOV"),
        (("THE", "POPE"), None, "VATGOV"),
        (("POPE", "JOHN", "PAUL", "II"), "1987-04-01", "VATGOV"),
        (("VERKHOVNA", "RADA"), None, "UKRLEG"),
        (("METROPOLITAN", "POLICE"), None, "GBRCOP"),
        # a possessive is a word of its own, as the tokenizer splits "People's"
        (("PEOPLE", "'S", "LIBERATION", "ARMY"), None, "CHNMIL"),
        (("PEOPLE", "'S", "BANK", "OF", "CHINA"), None, "CHNGOVBUS"),
        (("BANK", "OF", "SPAIN"), None, "ESPGOVBUS"),
    ],
)
def test_dictionaries_shipped_actor_keys(
    actors: ActorDictionary, key: tuple[str, ...], day: str | None, code: str
) -> None:
    assert actors.actors[key].code_on(day) == code


@pytest.mark.parametrize(
    ("key", "role"),
    [
        (("TROOPS",), "MIL"),
        (("OFFICIALS",), "GOV"),
        (("SHIITE", "MILITIAS"), "REBMUS"),
        # the Phoenix files list the singular; "Y" takes "IES", "MAN" takes "MEN"
        (("COMPANIES",), "BUS"),
        (("ARMIES",), "MIL"),
        (("MINISTRIES",), "GOV"),
        (("MERCENARIES",), "UAF"),
        (("AIRMEN",), "MIL"),
    ],
)
def test_dictionaries_shipped_agent_keys(
    actors: ActorDictionary, key: tuple[str, ...], role: str
) -> None:
    assert actors.agents[key] == role


def test_dictionaries_shipped_country_codes(actors: ActorDictionary) -> None:
    assert {"IRQ", "IRN", "USA", "SYR"} <= actors.countries
    assert "IRQGOV" not in actors.countries


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("AHMADI-NEZHAD", "AHMADINEJAD"),
        ("KHADAFY", "QADHAFI"),
        ("KHAMENEI", "KAMENEI"),
    ],
)
def test_dictionaries_skeleton_folds_spellings(left: str, right: str) -> None:
    assert skeleton(left) == skeleton(right)


def test_dictionaries_skeleton_keeps_different_names_apart() -> None:
    assert skeleton("MALIKI") != skeleton("KHAMENEI")


@pytest.mark.parametrize(
    ("name", "text", "bad_line", "reason", "loaded", "code"),
    [
        (
            "mine.actors.txt",
            "FOOBARISTAN [FBR]\n[]\n+ [XYZ]\nZORBLAND_\n[ZRB]\n",
            2,
            "empty code",
            ("ZORBLAND",),
            "ZRB",
        ),
        (
            "mine.actors.txt",
            "+ [XYZ]\nFOOBARISTAN [FBR]\n",
            1,
            "no phrase before the code",
            ("FOOBARISTAN",),
            "FBR",
        ),
    ],
)
def test_dictionaries_user_actor_file_reports_bad_lines(
    tmp_path: Path,
    name: str,
    text: str,
    bad_line: int,
    reason: str,
    loaded: tuple[str, ...],
    code: str,
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    dictionary, problems = load_actor_dictionary(extra_files=[path])
    mine = [p for p in problems if p.path == str(path)]
    assert [(p.line, p.reason) for p in mine][:1] == [(bad_line, reason)]
    assert all(isinstance(p, DictionaryError) for p in mine)
    assert f"{path}:{bad_line}" in str(mine[0])
    assert dictionary.actors[loaded].code_on(None) == code
    assert ("IRAQ",) in dictionary.actors  # the shipped files still load


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # the Phoenix files write a comment right after a code or a phrase
        ("AMNESTY INTERNATIONAL", "NGOHRIAMN"),
        ("UNITED NATIONS", "IGOUNO"),
        ("INTERNATIONAL ATOMIC ENERGY AGENCY", "IGOUNOIAE"),
        ("RED CROSS", "NGOHLHIRC"),
    ],
)
def test_a_comment_glued_to_a_code_is_no_part_of_the_name(
    actors: ActorDictionary, name: str, code: str
) -> None:
    assert actors.actors[tuple(name.split())].code_on(None) == code
    assert not any("#" in word for key in actors.actors for word in key)


def test_a_user_file_comment_glued_to_a_code_or_phrase(tmp_path: Path) -> None:
    path = tmp_path / "mine.actors.txt"
    path.write_text("ZORB_GUARDS_\t[ZRBMIL]# a note\nBLORP_FRONT_# another\n[BLPREB]\n")
    dictionary, problems = load_actor_dictionary(extra_files=[path])
    assert not [p for p in problems if p.path == str(path)]
    assert dictionary.actors[("ZORB", "GUARDS")].code_on(None) == "ZRBMIL"
    assert dictionary.actors[("BLORP", "FRONT")].code_on(None) == "BLPREB"


def test_dictionaries_user_agent_file_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "mine.agents.txt"
    path.write_text("ZORBGUARD [~SEC]\nSPYMASTER\nBLORPCOP [~COP]\n", encoding="utf-8")
    dictionary, problems = load_actor_dictionary(extra_files=[path])
    mine = [(p.line, p.reason) for p in problems if p.path == str(path)]
    assert mine == [(2, "agent without [~CODE]")]
    assert dictionary.agents[("ZORBGUARD",)] == "SEC"
    assert dictionary.agents[("BLORPCOPS",)] == "COP"  # plural added
    assert ("SPYMASTER",) not in dictionary.agents
    assert dictionary.agents[("TROOPS",)] == "MIL"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("042:043", ("042", "043")),
        ("042", ("042", None)),
        ("---", (None, None)),
        (":020", (None, "020")),
        ("0332", ("0332", None)),
        ("190:190", ("190", "190")),
        ("abc", (None, None)),
    ],
)
def test_verbfile_split_code(body: str, expected: tuple[str | None, str | None]) -> None:
    assert split_code(body) == expected


@pytest.mark.parametrize(
    ("lemma", "particles", "code", "reverse"),
    [
        ("VISIT", (), "042", "043"),
        ("MEET", ("WITH",), "040", None),
        ("MEET", (), "040", None),
        ("ATTACK", (), "190", None),
    ],
)
def test_verbfile_shipped_verbs(
    verbs: VerbDictionary,
    lemma: str,
    particles: tuple[str, ...],
    code: str,
    reverse: str | None,
) -> None:
    entries = [e for e in verbs.verbs[lemma] if e.particles == particles]
    assert entries, f"no {lemma} entry with particles {particles}"
    assert (entries[0].code, entries[0].reverse_code) == (code, reverse)


def test_verbfile_shipped_irregular_form(verbs: VerbDictionary) -> None:
    assert any(e.lemma == "MEET" for e in verbs.verbs["MET"])


def test_verbfile_shipped_synset_expands_in_pattern(verbs: VerbDictionary) -> None:
    military = verbs.synsets["&MILITARY"]
    assert {"TROOPS", "ARMY", "SPECIAL FORCES"} <= military
    (visit,) = [e for e in verbs.verbs["VISIT"] if e.block == "VISIT"]
    hospital = [p for p in visit.patterns if ("HOSPITAL",) in p.after]
    assert len(hospital) == 1
    assert set(hospital[0].after[0]) == military
    assert hospital[0].code == "042"


VERB_FILE = """\
&PLACE
+TOWN
+CITY_HALL

---  VISIT   [042:043]  ---
VISIT   # a comment
CALL_ON {CALLS_ON CALLED_ON}      [042]
TOUR {TOURS TOURED}
SHUN [---]
- * (TO) &PLACE                    [042:043]     # VISIT
- PILGRIMS *                        [---]
- a pattern without a star [010]

---  HOST   [043:042]  ---
HOST
- * (BY)                           [043:042]
"""


@pytest.fixture()
def small_verbs(tmp_path: Path) -> tuple[VerbDictionary, list[DictionaryError], Path]:
    path = tmp_path / "verbs.txt"
    path.write_text(VERB_FILE, encoding="utf-8")
    dictionary = VerbDictionary()
    problems: list[DictionaryError] = []
    read_verb_file(path, VERB_FILE.splitlines(), dictionary, problems)
    return dictionary, problems, path


@pytest.mark.parametrize(
    ("key", "lemma", "particles", "block", "code"),
    [
        ("VISIT", "VISIT", (), "VISIT", "042"),
        ("CALL", "CALL", ("ON",), "VISIT", "042"),
        ("CALLED", "CALL", ("ON",), "VISIT", "042"),
        ("TOURED", "TOUR", (), "VISIT", "042"),
        ("SHUN", "SHUN", (), "VISIT", "---"),
        ("HOST", "HOST", (), "HOST", "043"),
    ],
)
def test_verbfile_reads_verbs(
    small_verbs: tuple[VerbDictionary, list[DictionaryError], Path],
    key: str,
    lemma: str,
    particles: tuple[str, ...],
    block: str,
    code: str,
) -> None:
    dictionary, _problems, _path = small_verbs
    (entry,) = dictionary.verbs[key]
    assert (entry.lemma, entry.particles, entry.block, entry.code) == (
        lemma,
        particles,
        block,
        code,
    )


def test_verbfile_reads_synset(
    small_verbs: tuple[VerbDictionary, list[DictionaryError], Path],
) -> None:
    dictionary, _problems, _path = small_verbs
    assert dictionary.synsets == {"&PLACE": frozenset({"TOWN", "CITY HALL"})}


def test_verbfile_a_set_named_in_an_earlier_file_keeps_its_members(tmp_path: Path) -> None:
    supplement = "&PLACE\n+EMBASSY\n"
    dictionary = VerbDictionary()
    problems: list[DictionaryError] = []
    read_verb_file(tmp_path / "s.txt", supplement.splitlines(), dictionary, problems)
    read_verb_file(tmp_path / "v.txt", VERB_FILE.splitlines(), dictionary, problems)
    assert dictionary.synsets["&PLACE"] == {"EMBASSY", "TOWN", "CITY HALL"}
    (visit,) = dictionary.verbs["VISIT"]
    assert set(visit.patterns[0].after[2]) == {"EMBASSY", "TOWN", "CITY HALL"}


def test_verbfile_shipped_weapons_include_the_supplement(verbs: VerbDictionary) -> None:
    assert {"TANK", "HIMARS", "BATTLE TANK", "AMMUNITION"} <= verbs.synsets["&WEAPON"]


def test_verbfile_reads_patterns(
    small_verbs: tuple[VerbDictionary, list[DictionaryError], Path],
) -> None:
    dictionary, _problems, _path = small_verbs
    (visit,) = dictionary.verbs["VISIT"]
    to_place, pilgrims = visit.patterns
    assert to_place.before == ()
    assert to_place.after == (("(",), ("TO",), ("CITY HALL", "TOWN"))
    assert (to_place.code, to_place.reverse_code, to_place.source_line) == ("042", "043", 10)
    assert to_place.weight == 2
    assert pilgrims.before == (("PILGRIMS",),)
    assert (pilgrims.code, pilgrims.reverse_code) == ("---", None)
    (host,) = dictionary.verbs["HOST"]
    assert [(p.after, p.code, p.reverse_code) for p in host.patterns] == [
        ((("(",), ("BY",)), "043", "042")
    ]


def test_verbfile_reports_pattern_without_star(
    small_verbs: tuple[VerbDictionary, list[DictionaryError], Path],
) -> None:
    _dictionary, problems, path = small_verbs
    assert [(p.path, p.line) for p in problems] == [(str(path), 12)]


def test_verb_with_its_own_code_skips_another_verbs_pattern_for_another_root() -> None:
    """ARREST [173] shares a block with TAKE, whose "- &MILITARY * [192] # TAKE" is not its."""
    from dyad.dictionaries.loader import load_verb_dictionary

    verbs, _problems = load_verb_dictionary()
    arrest = next(e for e in verbs.verbs["ARREST"] if e.code == "173")
    take = next(e for e in verbs.verbs["TAKE"] if e.block == arrest.block)
    assert any(p.code == "192" and p.verb == "TAKE" for p in take.patterns)
    assert not any(p.code == "192" and p.verb == "TAKE" for p in arrest.patterns)
    # synonyms listed without a code of their own share every pattern of the block
    launch = verbs.verbs["LAUNCH"][0]
    assert any(p.verb == "INITIATE" for p in launch.patterns)


def test_regular_verb_forms_are_indexed() -> None:
    from dyad.dictionaries.loader import load_verb_dictionary

    verbs, _problems = load_verb_dictionary()
    assert verbs.verbs["STAGED"][0].lemma == "STAGE"
    assert verbs.verbs["CARRIES"][0].lemma == "CARRY"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("TROOP", ("TROOPS", "TROOPES")),
        ("COMPANY", ("COMPANYS", "COMPANYES", "COMPANIES")),
        ("ENVOY", ("ENVOYS", "ENVOYES")),  # a vowel before "Y": no "IES"
        ("SPOKESMAN", ("SPOKESMANS", "SPOKESMANES", "SPOKESMEN")),
    ],
)
def test_agent_plurals(word: str, expected: tuple[str, ...]) -> None:
    from dyad.dictionaries.loader import plurals

    assert plurals(word) == expected


def test_demonyms_have_plurals() -> None:
    """The Phoenix files list "IRANIAN" but not "IRANIANS"; news writes both."""
    from dyad.dictionaries.loader import load_actor_dictionary

    actors, _problems = load_actor_dictionary()
    for plural, code in (("IRANIANS", "IRN"), ("AMERICANS", "USA"), ("SYRIANS", "SYR")):
        assert actors.actors[(plural,)].codes[0].code == code
    assert ("KHAMENEIS",) not in actors.actors  # people get no plural
    # a name of two words ending in a demonym: "North Koreans" was no actor
    for plural, code in (("NORTH", "KOREANS"), "PRK"), (("SRI", "LANKANS"), "LKA"):
        assert actors.actors[plural].codes[0].code == code
    assert ("NGHE", "ANS") not in actors.actors  # a place's short last word is no demonym


def test_a_region_is_not_the_united_states() -> None:
    """A region's people ("Latin American leaders", "four Central American states") are no USA."""
    from dyad.dictionaries.loader import load_actor_dictionary

    actors, _problems = load_actor_dictionary()
    for key, code in (
        (("LATIN", "AMERICAN"), "LAM"),
        (("CENTRAL", "AMERICAN"), "LAM"),
        (("SOUTH", "AMERICANS"), "SAM"),
        (("NORTH", "AMERICA"), "NMR"),
    ):
        assert actors.actors[key].codes[0].code == code


def test_an_entry_is_gone_only_when_every_code_is_dated_and_none_holds() -> None:
    king = ActorEntry("HUSSEIN", (DatedCode("JORGOV", "1952-08-11", "1999-02-07"),), "f:1", True)
    assert king.gone_on("2017-03-19")
    assert not king.gone_on("1987-01-01")
    assert not king.gone_on(None)
    lasting = ActorEntry("X", (*king.codes, DatedCode("JORELI", None, None)), "f:2", True)
    assert not lasting.gone_on("2017-03-19")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("F\ufffd\ufffdIN", "FEIN"),  # FEIN and FÉIN are one reading, the unaccented
        ("D\ufffd\ufffdIL", "DAIL"),  # a vowel in the gap, not DRIL
        ("ERDO\ufffd\ufffdAN", "ERDOGAN"),
        ("FRAN\ufffd\ufffdOIS", "FRANCOIS"),  # many keys, against FRANGOIS's one
        ("HOLLANDE", "HOLLANDE"),  # nothing mangled
        ("A\ufffd\ufffd", "A\ufffd\ufffd"),  # too little left to read
        ("CAF\ufffd\ufffdS", "CAF\ufffd\ufffdS"),  # no key word fits
        ("F\ufffdIN", "F\ufffdIN"),  # a lone mark: how many letters it stood for is unknown
    ],
)
def test_dictionaries_read_a_mangled_word_as_the_key_word_it_can_be(
    actors: ActorDictionary, word: str, expected: str
) -> None:
    assert actors.unmangled(word) == expected


def test_a_mangled_word_is_read_as_a_key_word_the_dictionary_holds() -> None:
    # where only the accented spelling is a key word, that is the word returned
    dictionary = ActorDictionary(actors={("SINN", "FÉIN"): ActorEntry("Sinn Féin", (), "test:1")})
    assert dictionary.unmangled("F\ufffd\ufffdIN") == "FÉIN"
