"""Verb interaction: combine a governing verb with the event of its complement.

"Obama agreed to lift the sanctions on Iran" is one event (ease sanctions, 085), not
an agreement plus a lifting; "Congress asked Obama to help Iran" is an appeal to Obama
(023), and the help has not happened; "Hamas said it fired rockets at Israel" is a
claim of responsibility (015). PETRARCH-2 codes these with the PETRARCH Internal Coding
Ontology (PICO), where every CAMEO code is a number: an "upper" verb class in the high
digit (0x1000 say, 0x2000 appeal, 0x3000 intend, 0x4000 demand, 0x6000 threaten, ...)
plus a "lower" action in the low digits (0x0040 aid, 0x0080 diplomatic cooperation,
0x00A0 fight), and negation subtracts 0xFFFF (110 "disapprove" is 0xFFFF + 0x0080, so
"did not clash" is 050; "would not provide aid" becomes a rejection, 12).

The table is `data/cameo/PETR.Internal.Coding.Ontology.txt` (Open Event Data Alliance,
MIT). The special cases follow the TRANSFORMATIONS section of CAMEO.2.0.txt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from dyad.coder.lexicon import (
    CLAIM_VERBS,
    HALTING_VERBS,
)
from dyad.records import Actor, Sentence

COMPOSER_NAME = "dyad.compose.pico.v1"
ONTOLOGY_FILE = Path(__file__).parents[1] / "data" / "cameo" / "PETR.Internal.Coding.Ontology.txt"
NEGATION = 0xFFFF
SAY, APPEAL, INTEND, DEMAND, THREATEN = 0x1000, 0x2000, 0x3000, 0x4000, 0x6000
_SAY_CODE = "010"
_ACCUSE_OF_AGGRESSION = "112"
_THREATEN_FORCE = "138"
_APPEAL_FOR_FORCE = "021"
_REJECT = "120"
_FORCE_ROOTS = frozenset({"18", "19", "20"})
_COOPERATION_ROOTS = frozenset({"05", "06", "07", "08"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
# Appeals the verb dictionary lacks ("Rice urged Iran to stop ..."), with their CAMEO code.
APPEAL_LEMMAS = {"urge": "020", "exhort": "020", "implore": "020", "press": "020"}
# ... and intentions: "vowed to retaliate" threatens force (138), "vowed to help" is 033.
APPEAL_LEMMAS |= {"vow": "030", "swear": "030"}
_HALTED = {"071": "1621", "072": "1622", "073": "1623", "062": "1622", "046": "164"}
_TERM = re.compile(r"([+-]?)\s*(0x[0-9a-fA-F]+|\d+)")


@dataclass(frozen=True, slots=True)
class Reading:
    """What one dictionary verb of a sentence means before composition."""

    verb: int
    code: str
    sources: tuple[Actor, ...]
    negated: bool = False
    lemma: str = ""
    absorbs: bool = False  # its pattern already names the complement ("vowed to wage war")


@dataclass(frozen=True, slots=True)
class EventCode:
    """One coded event in a sentence, before dates, places and factuality are added.

    `negation_absorbed` marks a code that already says "not" ("did not clash" coded
    050), so factuality does not count the negation twice.
    """

    verb: int
    source: Actor
    target: Actor | None
    code: str
    rule: str
    negation_absorbed: bool = False


def _value(expression: str) -> int:
    total = 0
    for sign, number in _TERM.findall(expression):
        amount = int(number, 16) if number.startswith("0x") else int(number)
        total += -amount if sign == "-" else amount
    return total


@cache
def ontology() -> tuple[dict[str, int], dict[int, str]]:
    """Return (CAMEO code -> PICO value, PICO value -> first CAMEO code with it)."""
    to_pico: dict[str, int] = {}
    to_cameo: dict[int, str] = {}
    for raw in ONTOLOGY_FILE.read_text(encoding="utf-8").splitlines():
        code, colon, rest = raw.strip().partition(":")
        if not colon or not code.isdigit():
            continue  # comments, blank lines, "---:0"
        fields = rest.split("#")
        # "110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove": the second field is the meaning
        expression = fields[1] if len(fields) > 2 and "+" in fields[1] else fields[0]
        value = _value(expression)
        to_pico.setdefault(code, value)
        to_cameo.setdefault(value, code)
    return to_pico, to_cameo


def pico(code: str) -> int | None:
    """Return the PICO value of a CAMEO code (None for codes outside the table)."""
    return ontology()[0].get(code)


def cameo(value: int) -> str | None:
    """Return the CAMEO code whose PICO value is exactly `value`, if one has it."""
    return ontology()[1].get(value)


def upper_class(code: str) -> int | None:
    """Return the upper verb class of a code (SAY, APPEAL, ...), None for lower codes."""
    value = pico(code)
    if value is None or value < 0x1000 or value >= NEGATION:
        return None
    return value & 0xF000


def negate(code: str) -> str | None:
    """Return the code that "not <code>" means as an event, if CAMEO has one.

    "did not clash" (110 = 0xFFFF + 050) is 050; "would not provide aid" is a
    rejection (12); "did not attack" has no event of its own and returns None.
    """
    value = pico(code)
    if value is None:
        return None
    found = cameo(value - NEGATION)
    if found is not None:
        return found
    if code[:2] in _COOPERATION_ROOTS:
        return _REJECT
    return None


def combine(upper: str, lower: str) -> str:
    """Return the code of `upper` verb governing `lower` event (PETRARCH's combine_code)."""
    high, low = pico(upper), pico(lower)
    if high is None or low is None:
        return lower
    if low < 0:
        value = low + high
    elif high >= 0x1000 and low >= 0x1000:
        value = low
    elif low >= high:
        value = low
    else:
        value = high + low
    if upper_class(upper) == INTEND and lower[:2] in _FORCE_ROOTS:
        return _THREATEN_FORCE
    return cameo(value) or lower


def compose_events(
    sentence: Sentence, events: list[EventCode], readings: dict[int, Reading]
) -> list[EventCode]:
    """Fold each complement's event into the verb that governs it.

    Args:
        sentence: The parsed sentence.
        events: Events coded verb by verb.
        readings: Every dictionary verb of the sentence with its code and subjects.

    Returns:
        The events after composition, one per (verb, source, target).
    """
    result: list[EventCode] = []
    superseded: set[tuple[int, str, str | None]] = set()
    for event in events:
        governor = _governor(sentence, event.verb, readings)
        if governor is None or governor.verb == event.verb or not governor.sources:
            result.append(event)
            continue
        if governor.absorbs:
            continue
        upper = SAY if governor.lemma in CLAIM_VERBS else upper_class(governor.code)
        own = event.source.code in {a.code for a in governor.sources}
        rule = f"{event.rule}+{COMPOSER_NAME}:{governor.code}"
        if event.rule.endswith(":reverse"):
            if upper == SAY or own:
                result.append(event)
            continue
        if governor.lemma in HALTING_VERBS:
            if own:  # "Iran stopped arming the militias": 1622, not 062
                superseded.add((governor.verb, event.source.code, _code(event.target)))
                result.append(replace(event, code=halted(event.code), rule=rule))
            continue
        if upper == SAY:
            result.extend(_reported(governor, event, own, rule))
        elif own:
            code = combine(governor.code, event.code)
            superseded.add((governor.verb, event.source.code, _code(event.target)))
            result.append(replace(event, code=code, rule=rule))
        elif upper in (APPEAL, INTEND, DEMAND):
            for author in governor.sources:
                superseded.add((governor.verb, author.code, event.source.code))
                code = _appeal_code(governor.code, upper, event.code)
                result.append(EventCode(governor.verb, author, event.source, code, rule))
        # any other governor ("pressured Obama to help Iran"): the complement did not happen
    unique: dict[tuple[int, str, str | None], EventCode] = {}
    for e in result:
        key = (e.verb, e.source.code, _code(e.target))
        if key in superseded and COMPOSER_NAME not in e.rule:
            continue
        unique.setdefault(key, e)
    return list(unique.values())


def _governor(sentence: Sentence, verb: int, readings: dict[int, Reading]) -> Reading | None:
    """Return the dictionary verb whose complement `verb` is, if any.

    Coordination is climbed ("claimed that ISIL attacked X and took Y"), and so are
    complements of verbs without a code ("urged Iran to stop training militants").
    """
    token = sentence.tokens[verb]
    for _step in range(6):
        while token.dep == "conj" and token.head != token.i:
            token = sentence.tokens[token.head]
        if token.dep not in _COMPLEMENT_DEPS or token.head == token.i:
            return None
        if token.head in readings:
            return readings[token.head]
        token = sentence.tokens[token.head]
    return None


def _reported(governor: Reading, event: EventCode, own: bool, rule: str) -> list[EventCode]:
    """Return what "A said (that) B <event>" codes.

    Force used by the speaker itself is a claim of responsibility (015); force that a
    speaker claims someone else used, or that the speaker says was used against it,
    is an accusation of aggression (112). Anything else, including a plain report of
    fighting ("Iraqi troops attacked X, the U.S. military said"), is the reported event
    itself; its factuality says who reported it.
    """
    if event.code[:2] not in _FORCE_ROOTS:
        return [event]
    if own:
        return [replace(event, code=combine(_SAY_CODE, event.code), rule=rule)]
    speakers = {a.code for a in governor.sources}
    victim = event.target is not None and event.target.code in speakers
    if governor.lemma not in CLAIM_VERBS and not victim:
        return [event]
    # the force itself stays an event too: its factuality says who reported it
    return [event] + [
        EventCode(governor.verb, author, event.source, _ACCUSE_OF_AGGRESSION, rule)
        for author in governor.sources
    ]


def halted(code: str) -> str:
    """Return the CAMEO code for ending what `code` did.

    Aid stopped is 162x (reduce or stop material aid), fighting stopped 087 (de-escalate
    military engagement), negotiation halted 164; any other cooperation 160.
    """
    if code in _HALTED:
        return _HALTED[code]
    if code[:2] == "07":
        return "162"
    if code[:2] in _FORCE_ROOTS:
        return "087"
    if code[:2] in ("03", "04", "05", "06", "08"):
        return "160"
    return code


def _appeal_code(governor_code: str, upper: int | None, lower: str) -> str:
    """Return the code of "A asks/wants/demands B to <lower>": an appeal or demand to B."""
    if lower[:2] in _FORCE_ROOTS:
        return _APPEAL_FOR_FORCE if upper != DEMAND else governor_code
    base = DEMAND if upper == DEMAND else APPEAL
    value = pico(lower)
    if value is not None and 0 <= value < 0x1000:
        found = cameo(base + value)
        if found is not None:
            return found
    return governor_code if upper != INTEND else "020"


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None
