"""Verb interaction through the PETRARCH Internal Coding Ontology (PICO)."""

from __future__ import annotations

import pytest

from dyad.coder.compose import APPEAL, DEMAND, INTEND, SAY, combine, negate, pico, upper_class
from dyad.dictionaries import cameo as cameo_table


@pytest.mark.parametrize(
    ("code", "value"),
    [("010", 0x1000), ("050", 0x0080), ("110", 0xFFFF + 0x0080), ("121", -0xFFFF + 0x0070)],
)
def test_compose_pico_reads_the_ontology(code: str, value: int) -> None:
    assert pico(code) == value


@pytest.mark.parametrize(
    ("code", "negated"),
    [
        ("110", "050"),  # "did not clash": disapproval is negated cooperation
        ("170", "057"),
        ("061", "1211"),  # "did not cooperate economically": reject economic cooperation
        ("070", "120"),  # "would not provide aid": a rejection
        ("190", None),  # "did not attack" is no event of its own
        ("112", None),
    ],
)
def test_compose_negate(code: str, negated: str | None) -> None:
    assert negate(code) == negated


@pytest.mark.parametrize(
    ("upper", "lower", "combined"),
    [
        ("010", "190", "015"),  # said it attacked: claims responsibility
        ("030", "070", "033"),  # wants to help: intends to provide aid
        ("030", "190", "138"),  # wants to attack: threatens force
        ("030", "090", "090"),  # wants to investigate: both upper, the lower wins
        ("050", "085", "085"),  # agreed to lift sanctions: eases sanctions
        ("130", "190", "138"),  # threatened to attack
        ("020", "070", "023"),  # appealed to help: appeal for aid
        ("100", "050", "102"),  # demanded ties: demand diplomatic cooperation
    ],
)
def test_compose_combine(upper: str, lower: str, combined: str) -> None:
    assert combine(upper, lower) == combined
    assert cameo_table.describe(combined) is not None


@pytest.mark.parametrize(
    ("code", "upper"),
    [("010", SAY), ("023", APPEAL), ("036", INTEND), ("100", DEMAND), ("050", None), ("190", None)],
)
def test_compose_upper_class(code: str, upper: int | None) -> None:
    assert upper_class(code) == upper


@pytest.mark.parametrize(
    ("code", "stopped"),
    [
        ("072", "1622"),
        ("070", "162"),
        ("190", "087"),
        ("046", "164"),
        ("051", "160"),
        ("111", "111"),
    ],
)
def test_compose_halted_codes_end_what_was_done(code: str, stopped: str) -> None:
    from dyad.coder.compose import halted

    assert halted(code) == stopped
