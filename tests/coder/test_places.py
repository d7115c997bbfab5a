"""The place stage: locative cues, spellings, provinces, disambiguation, no guesses."""

from __future__ import annotations

import pytest

from dyad.coder.places import find_places, geocode_place, load_gazetteer, norm, province_of
from parses import make_sentence

# (words after "Fighting broke out", expected name, ISO3, precision, province or None)
CASES = [
    # cities and their spellings
    ("in Basra", "basrah", "IRQ", "city", "al basrah"),
    ("at Irbil", "erbil", "IRQ", "city", "arbil"),
    ("at Erbil", "erbil", "IRQ", "city", "arbil"),
    ("in Arbil", "erbil", "IRQ", "city", "arbil"),
    ("near Falluja", "al fallujah", "IRQ", "city", "al anbar"),
    ("near Fallujah", "al fallujah", "IRQ", "city", "al anbar"),
    ("in Mashad", "mashhad", "IRN", "city", None),
    ("in Mashhad", "mashhad", "IRN", "city", None),
    ("outside Najaf", "najaf", "IRQ", "city", "an najaf"),
    ("southwest of Baghdad", "baghdad", "IRQ", "city", "baghdad"),
    ("in the city of Najaf", "najaf", "IRQ", "city", "an najaf"),
    ("in Basra, Iraq", "basrah", "IRQ", "city", "al basrah"),
    ("in Kabul, Afghanistan", "kabul", "AFG", "city", "kabul"),
    ("in Kabul and Kandahar", "kabul", "AFG", "city", "kabul"),
    ("in Ramadi", "ramadi", "IRQ", "city", "al anbar"),
    ("in Mosul", "mosul", "IRQ", "city", "ninawa"),
    ("in Tikrit", "tikrit", "IRQ", "city", "salah ad din"),
    ("in Tehran", "tehran", "IRN", "city", "tehran"),
    ("in Damascus", "damascus", "SYR", "city", "dimashq"),
    ("in Paris", "paris", "FRA", "city", None),
    ("in Moscow", "moscow", "RUS", "city", "moskva"),
    ("in Lashkar Gah", "lashkar gah", "AFG", "city", "helmand"),
    ("in Herat", "herat", "AFG", "city", "herat"),
    ("in Mazar-e Sharif", "mazar e sharif", "AFG", "city", "balkh"),
    ("in Gardez", "gardez", "AFG", "city", "paktiya"),
    ("in Kandahar", "kandahar", "AFG", "city", "kandahar"),
    ("in Kunduz", "kunduz", "AFG", "city", "kunduz"),
    # a district of a city: "X's Y"
    ("in Baghdad's Sadr City", "sadr city", "IRQ", "district", "baghdad"),
    # provinces and regions
    ("in Anbar", "al anbar", "IRQ", "admin1", "al anbar"),
    ("in Anbar province", "al anbar", "IRQ", "admin1", "al anbar"),
    ("in Kurdistan", "iqlim kurdistan", "IRQ", "admin1", "iqlim kurdistan"),
    ("in Diyala province", "diyala", "IRQ", "admin1", "diyala"),
    ("in Salahuddin province", "salah ad din", "IRQ", "admin1", "salah ad din"),
    ("in Nineveh province", "ninawa", "IRQ", "admin1", "ninawa"),
    ("in Helmand", "helmand", "AFG", "admin1", "helmand"),
    ("in Helmand province", "helmand", "AFG", "admin1", "helmand"),
    ("in Marjeh district, Helmand province", "marjah", "AFG", "district", "helmand"),
    ("in Andar district, Ghazni province", "andar", "AFG", "district", "ghazni"),
    ("in Kandahar province", "kandahar", "AFG", "admin1", "kandahar"),
    ("in Khost province", "khost", "AFG", "admin1", "khost"),
    ("in Paktya province", "paktiya", "AFG", "admin1", "paktiya"),
    ("in Paktia province", "paktiya", "AFG", "admin1", "paktiya"),
    ("in Wardak province", "wardak", "AFG", "admin1", "wardak"),
    ("in Uruzgan province", "uruzgan", "AFG", "admin1", "uruzgan"),
    ("in Oruzgan", "uruzgan", "AFG", "admin1", "uruzgan"),
    ("in Sar-e Pul province", "sar e pul", "AFG", "admin1", "sar e pul"),
    ("in Nangarhar province", "nangarhar", "AFG", "admin1", "nangarhar"),
    ("in eastern Kunar", "kunar", "AFG", "admin1", "kunar"),
    ("near a village in Kunar province", "kunar", "AFG", "admin1", "kunar"),
    ("in Nad Ali district, Helmand province", "nad e ali", "AFG", "district", "helmand"),
    ("in Sangin district, Helmand province", "sangin", "AFG", "district", "helmand"),
    ("in Zurmat district, Paktiya province", "zurmat", "AFG", "district", "paktiya"),
    ("in Pul-e Alam district, Logar province", "pul e alam", "AFG", "district", "logar"),
    ("in Kunduz province", "kunduz", "AFG", "admin1", "kunduz"),
    ("in Baghlan province", "baghlan", "AFG", "admin1", "baghlan"),
    ("in Takhar province", "takhar", "AFG", "admin1", "takhar"),
    ("in Faryab province", "faryab", "AFG", "admin1", "faryab"),
    ("in Zabul province", "zabul", "AFG", "admin1", "zabul"),
    ("in Kirkuk", "kirkuk", "IRQ", "city", "kirkuk"),
    ("in Karbala", "karbala", "IRQ", "city", "karbala"),
    ("in Samarra", "samarra", "IRQ", "city", "salah ad din"),
    ("in Baqubah", "baqubah", "IRQ", "city", "diyala"),
    ("in Nasiriyah", "nasiriyah", "IRQ", "city", "dhi qar"),
    # a name used as an adjective after an article: "inside a Quebec City mosque"
    ("inside a Kirkuk mosque", "kirkuk", "IRQ", "city", "kirkuk"),
    ("at an Erbil hospital", "erbil", "IRQ", "city", "arbil"),
    # countries and regions
    ("in Iraq", "iraq", "IRQ", "country", None),
    ("in Afghanistan", "afghanistan", "AFG", "country", None),
    ("in southern Afghanistan", "southern afghanistan", "AFG", "region", None),
    ("in northern Iraq", "northern iraq", "IRQ", "region", None),
    ("in the Gaza Strip", "gaza strip", "PSE", "region", None),
    ("in the West Bank", "west bank", "PSE", "region", None),
    ("in Darfur", "darfur", "SDN", "region", None),
]

NOTHING = [
    "Iran attacked Iraq.",  # actors, not places: no locative cue
    "Troops entered Springfield.",
    "Violence flared in Xyzzyville.",
    "The patrol came under fire in Xyzzy district.",  # a district tied to no province
    "The meeting was held in May.",
    "He spoke about Tuesday's attack in the capital.",
    "Violence flared in Punjab.",  # Pakistan or India: no context, no guess
    "Riots broke out in Hyderabad.",  # India or Pakistan: no clear lead
    "Troops moved into Jalalabad.",  # Afghanistan, or Sylhet (Bangladesh), once Jalalabad
    "The commander was detained in a raid on his compound.",  # no name, no place
    "Soleimani, head of Iran's Quds Force, was killed.",  # a body named for a place
    "She wrote in the New York Times on Monday.",
    "The money was kept in Kabul Bank accounts.",
    "Turkey's President Erdogan met Putin.",  # a title owned by a country places nothing
    # what an inquiry looks into is no place it happens in
    "Congress widened its probe into Russia's interference in the election.",
    "The FBI is looking into Iran's role.",
]


@pytest.mark.issue(4)
@pytest.mark.parametrize(("words", "name", "country", "precision", "province"), CASES)
def test_places_rule_geocodes_cued_mentions(
    words: str, name: str, country: str, precision: str, province: str | None
) -> None:
    place = geocode_place(f"Fighting broke out {words} on Monday.")
    assert place is not None
    assert (norm(place.name), place.country, place.precision) == (name, country, precision)
    assert (norm(place.admin1) if place.admin1 else None) == province


@pytest.mark.parametrize("sentence", NOTHING)
def test_places_unknown_or_uncued_gives_no_place(sentence: str) -> None:
    assert geocode_place(sentence) is None


def test_places_tables_have_enough_cases() -> None:
    assert len(CASES) + len(NOTHING) >= 60 and len(CASES) >= 60


@pytest.mark.parametrize(
    ("sentence", "actors", "documents", "country"),
    [
        ("Violence flared in Punjab.", ["PAK"], [], "PAK"),
        ("Violence flared in Punjab.", [], ["IND"], "IND"),
        ("Violence flared in Punjab.", ["PAK"], ["IND"], "PAK"),
        ("Riots broke out in Hyderabad.", ["PAK"], [], "PAK"),
        ("Riots broke out in Hyderabad.", [], ["IND", "PAK"], "IND"),
        ("Police clashed with crowds in Tripoli.", ["LBN"], [], "LBN"),
        ("Troops moved into Jalalabad.", [], ["AFG"], "AFG"),
        ("Troops moved into Jalalabad.", [], ["IND"], "IND"),
        ("Police clashed with crowds in Tripoli.", ["LBY"], [], "LBY"),
    ],
)
def test_places_disambiguate_by_actors_then_document(
    sentence: str, actors: list[str], documents: list[str], country: str
) -> None:
    place = geocode_place(sentence, None, actors, documents)
    assert place is not None and place.country == country


def test_places_a_small_town_abroad_needs_the_texts_countries() -> None:
    """A namesake town in none of the countries the text names is a false match."""
    text = "The CIA's role in the Argo rescue remained a secret."
    assert geocode_place(text) is not None  # no context at all: the name alone decides
    assert geocode_place(text, None, ["USA"], ["IRN", "CAN"]) is None
    # a large city abroad is still taken: meetings happen in Geneva
    place = geocode_place("The talks were held in Geneva.", None, ["IRN", "SYR"], ["IRN"])
    assert place is not None and place.country == "CHE"


def test_places_prefer_the_verbs_own_clause() -> None:
    sentence = make_sentence(
        "Troops who fought in Basra attacked insurgents near Najaf .",
        [5, 2, 0, 2, 3, 5, 5, 5, 7, 5],
        "nsubj nsubj relcl prep pobj ROOT dobj prep pobj punct",
    )
    attacked = geocode_place(sentence, 5)
    fought = geocode_place(sentence, 2)
    assert attacked is not None and attacked.name == "Najaf"
    assert fought is not None and fought.name == "Basrah"


def test_places_keep_the_words_and_coordinates() -> None:
    place = geocode_place("Clashes erupted in Baghdad's Sadr City.")
    assert place is not None and place.text == "Sadr City"
    assert place.lat is not None and 33 < place.lat < 34 and 44 < (place.lon or 0) < 45
    assert place.to_dict()["admin1"] == place.admin1


def test_places_find_every_cued_mention() -> None:
    found = find_places("Bombs exploded in Mashad and at Irbil, and Iran protested.")
    assert [c.text for c in found] == ["Mashad", "Irbil"]


@pytest.mark.parametrize(
    ("name", "key"),
    [("Sar-e Pul", "sar e pul"), ("Karbalā’", "karbala"), ("Musa Qal'ah", "musa qalah")],
)
def test_places_norm_folds_spelling(name: str, key: str) -> None:
    assert norm(name) == key


def test_places_gazetteer_is_loaded_once_and_compact() -> None:
    from dyad.coder.places import GAZETTEER_PATH

    assert load_gazetteer() is load_gazetteer()
    assert GAZETTEER_PATH.stat().st_size < 4 * 1024 * 1024
    assert (GAZETTEER_PATH.parent / "SOURCE.md").is_file()


@pytest.mark.parametrize(
    ("gold", "name"),
    [("paktya", "Paktiyā"), ("sar-e pul", "Sar-e Pul"), ("helmand", "Helmand"), ("??", None)],
)
def test_places_province_of_reads_any_spelling(gold: str, name: str | None) -> None:
    assert province_of(gold, "AFG") == name


def test_places_a_country_owning_a_title_or_body_is_not_the_place() -> None:
    place = geocode_place("Turkey's President Erdogan met Putin on March 10 in Moscow.")
    assert place is not None and (place.name, place.country) == ("Moscow", "RUS")
    place = geocode_place("They killed the head of Iran's Quds Force in Baghdad.")
    assert place is not None and (place.name, place.country) == ("Baghdad", "IRQ")


@pytest.mark.parametrize(
    ("sentence", "city", "country"),
    [
        ("They met at the White House on Tuesday.", "Washington", "USA"),  # not Casablanca
        ("Talks were held at the Kremlin.", "Moscow", "RUS"),
        ("He spoke outside Downing Street.", "London", "GBR"),
    ],
)
def test_places_a_seat_of_government_stands_in_its_capital(
    sentence: str, city: str, country: str
) -> None:
    place = geocode_place(sentence)
    assert place is not None and (place.name, place.country, place.precision) == (
        city,
        country,
        "city",
    )
