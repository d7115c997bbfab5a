"""Tests for the shipped CAMEO event-code table."""

from __future__ import annotations

import dataclasses
from importlib import resources

import pytest

from dyad.dictionaries.cameo import CameoCode, describe, load_cameo_table

PHOENIX_QUAD = {
    **dict.fromkeys(["01", "02"], 0),
    **dict.fromkeys(["03", "04", "05"], 1),
    **dict.fromkeys(["06", "07", "08"], 2),
    **dict.fromkeys(["09", "10", "11", "12", "13", "16"], 3),
    **dict.fromkeys(["14", "15", "17", "18", "19", "20"], 4),
}


@pytest.mark.parametrize(
    ("code", "label", "quad", "goldstein", "plover"),
    [
        ("190", "Use conventional military force", 4, -10.0, "ASSAULT"),
        ("042", "Make a visit", 1, 1.9, "CONSULT"),
        ("0841", "Return, release person(s)", 2, 7.0, "RETREAT"),
        ("0811", "Ease restrictions on freedoms of expression", 2, 5.0, "CONCEDE"),
        ("08", "Yield", 2, 5.0, "CONCEDE"),
        ("080", "Yield", 2, 5.0, "CONCEDE"),
        ("010", "Make statement", 0, 0.0, None),
        ("020", "Make an appeal or request", 0, 3.0, None),
        ("1823", "Kill by physical assault", 4, -10.0, "ASSAULT"),
        ("173", "Arrest, detain, or charge with legal action", 4, -5.0, "COERCE"),
        ("141", "Demonstrate or rally", 4, -6.5, "PROTEST"),
        ("160", "Reduce relations", 3, -4.0, "SANCTION"),
    ],
)
def test_cameo_describe_known_code(
    code: str, label: str, quad: int, goldstein: float, plover: str | None
) -> None:
    entry = describe(code)
    assert entry == CameoCode(code, code[:2], label, quad, goldstein, plover)


@pytest.mark.parametrize(
    ("code", "described_as"),
    [
        ("1829", "182"),  # unknown 4-digit sub-code -> its 3-digit parent
        ("0499", "04"),  # neither 049x nor 049 exist -> the root
        (" 042 ", "042"),  # surrounding spaces ignored
    ],
)
def test_cameo_describe_falls_back_to_longest_known_prefix(code: str, described_as: str) -> None:
    entry = describe(code)
    assert entry is not None
    assert entry.code == described_as


@pytest.mark.parametrize(
    ("code", "goldstein", "source"),
    [
        ("019", 0.0, "root 01; GDELT's 3.4 is not used"),
        ("1951", -10.0, "root 19"),
        ("1661", -4.0, "root 16, not 166's -7.0, as Phoenix does"),
        ("129", -4.0, "root 12"),
    ],
)
def test_cameo_goldstein_falls_back_to_root_value(code: str, goldstein: float, source: str) -> None:
    entry = describe(code)
    assert entry is not None and entry.code == code
    assert entry.goldstein == goldstein, source


@pytest.mark.parametrize(
    ("code", "label", "plover"),
    [
        ("1951", "Employ precision-guided aerial munitions", "ASSAULT"),
        ("0110", "Decline comment", None),
        ("109", "Demand", "REQUEST"),
        ("1641", "Halt negotiations", "SANCTION"),
    ],
)
def test_cameo_missing_label_or_plover_comes_from_parent(
    code: str, label: str, plover: str | None
) -> None:
    entry = describe(code)
    assert entry is not None and entry.code == code
    assert (entry.label, entry.plover) == (label, plover)


@pytest.mark.parametrize("code", ["", "0", "5", "abc", "21", "211", "999", "04a", "01234", "---"])
def test_cameo_describe_rejects_non_cameo_codes(code: str) -> None:
    assert describe(code) is None


def test_cameo_table_covers_every_root_with_phoenix_quad_class() -> None:
    table = load_cameo_table()
    assert len(table) == 321
    assert {entry.root for entry in table.values()} == set(PHOENIX_QUAD)
    for code, entry in table.items():
        assert entry.code == code and code.startswith(entry.root)
        assert entry.quad_class == PHOENIX_QUAD[entry.root], code
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.label, code


def test_cameo_plover_types_are_plover_2_names() -> None:
    plover_2 = {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }  # fmt: skip
    table = load_cameo_table()
    types = {e.plover for e in table.values() if e.plover is not None}
    assert types <= plover_2
    assert all(e.plover is None for e in table.values() if e.root in ("01", "02"))
    assert all(e.plover is not None for e in table.values() if e.root not in ("01", "02"))


def test_cameo_table_is_cached_and_read_only() -> None:
    table = load_cameo_table()
    assert load_cameo_table() is table
    with pytest.raises(TypeError):
        table["999"] = table["190"]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        table["190"].goldstein = 0.0  # type: ignore[misc]


def test_cameo_table_ships_with_source_and_licence() -> None:
    folder = resources.files("dyad") / "data" / "cameo_codes"
    source = (folder / "SOURCE.md").read_text(encoding="utf-8")
    licence = (folder / "LICENSE").read_text(encoding="utf-8")
    for credit in ("GDELT", "Schrodt", "Open Event Data Alliance", "PLOVER", "CC BY-SA 4.0"):
        assert credit in source
    assert "CC BY-SA 4.0" in licence and "MIT" in licence
