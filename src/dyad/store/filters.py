"""One validator for the event filters of the command line and the HTTP API.

`build_filter(values, actors)` takes the raw values of each filter (a list per name, as
repeated flags or query parameters give them; a comma also separates values of `actor`,
`dyad`, `code` and `quad`) and returns an `EventFilter`, or raises `FilterError` naming the
filter. The CLI shows the flag (`--code`), the API the query parameter (`code`):

    --code abc          code: 'abc' is not a CAMEO code (2-4 digits, e.g. 19 or 042)
    --since 2012 --until 2011   until: 2011 ends before since 2012
    --actor Talibn      actor: no stored actor code or name matches 'Talibn' (...)

Actors are codes or code prefixes in any case (`irq`), else words of a stored actor's name
or mention (`Taliban`, `Iraqi government`); places are names with or without accents, a
province, or a country by name or ISO3 (`Afghanistan` is AFG); a district is a district name,
optionally with its province (`Sangin`, `Sangin, Helmand`), and never matches a city or
province of the same name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from dyad.coder.places import norm
from dyad.errors import DyadError, QueryError
from dyad.store.aggregate import ALL_FACTUALITY, EventFilter, date_bounds, factuality_choice
from dyad.store.labels import ActorIndex, country_keys

# The query parameter of each filter, and the flag of `dyad events` that sets it.
FLAGS = {
    "actor": "--actor",
    "dyad": "--dyad",
    "code": "--code",
    "quad": "--quad",
    "factuality": "--factuality",
    "since": "--since",
    "until": "--until",
    "place": "--place",
    "district": "--district",
    "doc": "--doc",
    "q": "--text",
}
MAX_VALUES = 50
ACTOR_CODE = re.compile(r"[A-Z0-9]{3,15}")
CAMEO_CODE = re.compile(r"\d{2,4}")
PLACE_NAME = re.compile(r"[^\W\d_][\w .,'’()-]{0,79}")
DOC_ID = re.compile(r"[\w:.\-/]{1,200}")
MAX_TEXT_CHARS = 200


class FilterError(QueryError):
    """A filter value that cannot be used; `param` names the filter (a key of FLAGS)."""

    def __init__(self, param: str, reason: str, *, hint: str | None = None) -> None:
        super().__init__(reason, hint=hint)
        self.param = param

    def for_flag(self) -> str:
        """Return the message as the command line shows it: `--code: ...`."""
        return f"{FLAGS.get(self.param, self.param)}: {self}"


def _split(values: Sequence[str], param: str) -> list[str]:
    parts = [part.strip() for value in values for part in value.split(",")]
    parts = [part for part in parts if part]
    if len(parts) > MAX_VALUES:
        raise FilterError(param, f"{len(parts)} values, over the limit of {MAX_VALUES}")
    return parts


def resolve_actor(value: str, actors: ActorIndex | None, param: str = "actor") -> tuple[str, ...]:
    """Return the actor code prefixes `value` stands for: itself as a code, else a name's codes.

    Raises:
        FilterError: Neither a stored code (prefix) nor words of a stored actor.
    """
    code = value.upper()
    if ACTOR_CODE.fullmatch(code) and (actors is None or actors.known(code)):
        return (code,)
    found = actors.search(value) if actors is not None else ()
    if found:
        return found
    raise FilterError(
        param,
        f"no stored actor code or name matches {value!r}",
        hint="`dyad codes --actors WORDS` lists them",
    )


def build_filter(
    values: Mapping[str, Sequence[str]],
    actors: ActorIndex | None = None,
    *,
    everything: bool = False,
) -> EventFilter:
    """Return the EventFilter of raw filter values, checking each by name.

    Args:
        values: Filter name (a key of FLAGS) -> the values given (empty: not given).
        actors: The store's actor index, to check codes and resolve names; None takes
            actor values as code prefixes unchecked.
        everything: With no factuality given, keep every factuality (exports) instead of
            the default (asserted, reported, speculative).

    Raises:
        FilterError: A value that cannot be used, naming its filter.
    """
    unknown = sorted(set(values) - set(FLAGS))
    if unknown:
        raise FilterError(unknown[0], f"not a filter; filters are {', '.join(FLAGS)}")
    get = {name: [v for v in values.get(name, ()) if v is not None] for name in FLAGS}
    actor_codes = tuple(
        code for value in _split(get["actor"], "actor") for code in resolve_actor(value, actors)
    )
    return EventFilter(
        actor=actor_codes or None,
        dyad=tuple(_dyads(_split(get["dyad"], "dyad"), actors)) or None,
        code=tuple(_codes(_split(get["code"], "code"))) or None,
        quad_classes=tuple(_quads(_split(get["quad"], "quad"))),
        factuality=_factuality(get["factuality"], everything),
        **_dates(get["since"], get["until"]),
        place=tuple(_places(get["place"])) or None,
        district=tuple(_districts(get["district"])) or None,
        document=tuple(_matching("doc", get["doc"], DOC_ID, "a document id")) or None,
        text=_text(get["q"]),
    )


def _dyads(values: list[str], actors: ActorIndex | None) -> list[str]:
    dyads = []
    for value in values:
        source, dash, target = value.partition("-")
        if not dash or not source.strip() or not target.strip():
            raise FilterError("dyad", f"{value!r} is not SOURCE-TARGET", hint="e.g. IRQGOV-IRNGOV")
        for one in resolve_actor(source.strip(), actors, "dyad"):
            for other in resolve_actor(target.strip(), actors, "dyad"):
                dyads.append(f"{one}-{other}")
    return dyads


def _codes(values: list[str]) -> list[str]:
    for value in values:
        if not CAMEO_CODE.fullmatch(value):
            raise FilterError(
                "code",
                f"{value!r} is not a CAMEO code (2-4 digits, e.g. 19 or 042)",
                hint="`dyad codes WORDS` finds codes by their label",
            )
    return values


def _quads(values: list[str]) -> list[int]:
    quads = []
    for value in values:
        if not (value.isdigit() and 0 <= int(value) <= 4):
            raise FilterError("quad", f"{value!r} is not a QuadClass (0-4)")
        quads.append(int(value))
    return quads


def _factuality(values: list[str], everything: bool) -> tuple[str, ...]:
    chosen = _split(values, "factuality") or (["all"] if everything else [])
    if "all" in chosen:
        return ALL_FACTUALITY
    try:
        return factuality_choice(chosen)
    except DyadError as exc:
        raise FilterError("factuality", exc.reason, hint=exc.hint) from exc


def _dates(since: list[str], until: list[str]) -> dict[str, str | None]:
    bounds = {}
    for name, given in (("since", since), ("until", until)):
        if len(given) > 1:
            raise FilterError(name, f"given {len(given)} times; one date only")
        if given:
            try:
                bounds[name] = (given[0], date_bounds(given[0]))
            except DyadError as exc:
                raise FilterError(name, exc.reason) from exc
    if "since" in bounds and "until" in bounds and bounds["until"][1][1] < bounds["since"][1][0]:
        raise FilterError(
            "until", f"{bounds['until'][0]} ends before since {bounds['since'][0]} starts"
        )
    return {name: bounds[name][0] if name in bounds else None for name in ("since", "until")}


def _places(values: list[str]) -> list[str]:
    places = []
    for value in _matching("place", values, PLACE_NAME, "a place name or country"):
        country = country_keys().get(norm(value))
        places.append(country or value)
    return places


def _districts(values: list[str]) -> list[str]:
    """Return "NAME" or "NAME|PROVINCE" per value ("Sangin" or "Sangin, Helmand")."""
    districts = []
    for value in _matching("district", values, PLACE_NAME, "a district name"):
        name, _, province = (part.strip() for part in value.partition(","))
        if not name:
            raise FilterError("district", f"{value!r} is not DISTRICT or DISTRICT, PROVINCE")
        districts.append(f"{name}|{province}" if province else name)
    return districts


def _matching(param: str, values: list[str], pattern: re.Pattern[str], what: str) -> list[str]:
    for value in values:
        if not pattern.fullmatch(value):
            raise FilterError(param, f"{value!r} is not {what}")
    return values


def _text(values: list[str]) -> str | None:
    if len(values) > 1:
        raise FilterError("q", "given more than once; put every word in one search")
    text = " ".join(values[0].split()) if values else ""
    if len(text) > MAX_TEXT_CHARS:
        raise FilterError("q", f"{len(text)} characters, over the limit of {MAX_TEXT_CHARS}")
    return text or None
