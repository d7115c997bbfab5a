"""Districts (second-level subdivisions) named in a sentence: "in Sangin district of Helmand".

The GeoNames gazetteer has no districts, so a district is only taken where the text says
"district" after the name, and its province comes from the same sentence ("Sangin district
of Helmand province", "Nad-e Ali district, Helmand", "Helmand province's Sangin district")
or else from `data/gazetteer/districts.tsv` (curated: district, its province, spellings);
"Ghazni district" is the district of that name in Ghazni province, not the city or province.
A district the sentence does not tie to a province and the table does not know gives no
place: "Musa Qala district" alone could be in any country.

A district's point is its province's (the gazetteer has no district points); the map draws
its events at the province and the store keeps the district as `location_district`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dyad.coder.places import Entry, Gazetteer, load_gazetteer, norm
from dyad.records import Place

DISTRICTS_NAME = "dyad.districts.text.v1"  # recorded in Event.provenance["gazetteer"]
DISTRICTS_PATH = Path(__file__).parents[1] / "data" / "gazetteer" / "districts.tsv"
MAX_NAME_WORDS = 3
# "Nad-e Ali", "Pul-e Alam", "Deh Yak": capitalised words and the joining particles of names;
# a word may open with the mark of an ayn ("Nad ‘Ali", "Pul-e ‘Alam")
_NAME_WORD = r"[‘’'ʿ]?[A-Z][\w’'-]*"
_JOINER = r"(?:e|i|ye|al|el|ul|wa)"
_DISTRICT = re.compile(
    rf"(?P<name>{_NAME_WORD}(?:[ -](?:{_NAME_WORD}|{_JOINER}(?=[ -][A-Z]))){{0,{MAX_NAME_WORDS}}})"
    r"\s+[Dd]istrict\b",
)
_PROVINCE = rf"(?P<province>{_NAME_WORD}(?:[ -]{_NAME_WORD}){{0,2}})"
_AFTER = re.compile(rf"^\s*(?:,\s*|\s+of\s+|\s+in\s+)(?:the\s+)?{_PROVINCE}(?:\s+province)?")
_BEFORE = re.compile(rf"{_PROVINCE}(?:\s+province)?[’']s\s+$")
_LEADING = {"the", "a", "in", "at", "of", "and", "isaf", "afghan", "coalition"}


@dataclass(frozen=True, slots=True)
class District:
    """A district of the curated table: its name, province and country."""

    name: str
    province: str
    country: str


@functools.cache
def load_districts(path: Path = DISTRICTS_PATH) -> dict[str, tuple[District, ...]]:
    """Read the curated district table once: name key (any spelling) → the districts."""
    index: dict[str, list[District]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        country, province, name, spellings = line.split("\t")
        district = District(name, province, country)
        for spelling in {name, *spellings.split("|")}:
            if spelling:
                index.setdefault(norm(spelling), []).append(district)
    return {key: tuple(found) for key, found in index.items()}


def _province(words: str, gazetteer: Gazetteer, countries: Sequence[str]) -> Entry | None:
    """Return the province the leading words name ("Helmand Province Sunday" is Helmand)."""
    parts = words.split(" ")
    for size in range(len(parts), 0, -1):
        provinces = [e for e in gazetteer.lookup(" ".join(parts[:size])) if e.kind == "admin1"]
        near = [e for e in provinces if e.country in countries]
        provinces = near or provinces
        if provinces:
            return provinces[0] if len({e.country for e in provinces}) == 1 else None
    return None


def _clean(name: str) -> str:
    words = name.split(" ")
    while len(words) > 1 and words[0].lower() in _LEADING:
        words = words[1:]
    return " ".join(words)


def find_districts(
    text: str,
    countries: Sequence[str] = (),
    *,
    gazetteer: Gazetteer | None = None,
) -> list[tuple[int, Place]]:
    """Return the districts `text` names with their province, as (offset, Place), in order.

    Args:
        text: A sentence.
        countries: ISO3 codes of the event's actors and document, to choose a province
            whose name several countries use.
        gazetteer: Defaults to the shipped gazetteer (for the provinces).

    Returns:
        Places of precision "district": `name` and `district` the district, `admin1` its
        province, `country` the province's, `lat`/`lon` the province's point.
    """
    gazetteer = gazetteer or load_gazetteer()
    found: list[tuple[int, Place]] = []
    for match in _DISTRICT.finditer(text):
        raw = match["name"]
        if "’s " in raw or "'s " in raw:  # "Helmand's Sangin district": the province before
            raw = re.split(r"[’']s ", raw)[-1]
        name = _clean(raw)
        start = match.end("name") - len(name)
        before = text[max(0, start - 60) : start]
        province: Entry | None = None
        for tie in (_AFTER.match(text[match.end() :]), _BEFORE.search(before)):
            if tie is not None and province is None:
                province = _province(tie["province"], gazetteer, countries)
        if province is None:
            province = _known(name, gazetteer, countries)
        if province is None:
            continue
        known = load_districts().get(norm(name), ())
        canonical = next((d.name for d in known if d.country == province.country), name)
        place = Place(
            text[start : match.end()],
            canonical,
            province.country,
            province.lat,
            province.lon,
            "district",
            province.name,
            canonical,
        )
        found.append((start, place))
    return found


def _known(name: str, gazetteer: Gazetteer, countries: Sequence[str]) -> Entry | None:
    """Return the province of a district of the curated table, or of a district named like
    its province; None when unknown or ambiguous."""
    provinces = [
        entry
        for district in load_districts().get(norm(name), ())
        for entry in gazetteer.lookup(district.province)
        if entry.kind == "admin1" and entry.country == district.country
    ]
    if not provinces:  # "Ghazni district": the district of a province's capital, named alike
        provinces = [e for e in gazetteer.lookup(name) if e.kind == "admin1"]
    near = [e for e in provinces if e.country in countries]
    provinces = near or provinces
    return provinces[0] if len({(e.country, e.name) for e in provinces}) == 1 else None
