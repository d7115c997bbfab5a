"""The CAMEO event-code table: label, QuadClass, Goldstein score and PLOVER type per code.

The table ships in `dyad/data/cameo_codes/` (see its SOURCE.md for origin and licence). It
uses the Phoenix conventions, because they match the event contract's 0..4 `quad_class`:

    quad_class 0  neutral              roots 01-02
               1  verbal cooperation   roots 03-05
               2  material cooperation roots 06-08
               3  verbal conflict      roots 09-13, 16
               4  material conflict    roots 14, 15, 17-20

A code without its own Phoenix Goldstein value takes its root's value, as Phoenix's
`process_cameo()` does; a code without a label or PLOVER type (sub-codes added after the
sources were written, such as 1951) takes its nearest parent's.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from dyad.errors import DictionaryError

TABLE_NAME = "cameo_event_codes.tsv"
COLUMNS = (
    "cameo_code",
    "root",
    "label",
    "goldstein_phoenix",
    "quadclass_phoenix_0to4",
    "plover_event",
    "plover_mode",
    "plover_context",
)
# CAMEO2PLOVER maps root 08 to CONCEDE (081-083) and RETREAT (084-087). The bare root and
# 080 "Yield, not specified below" are concessions in the crosswalk, so the root gets CONCEDE.
ROOT_08_PLOVER = "CONCEDE"


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with the values dyad attaches to events of that code."""

    code: str
    root: str
    label: str
    quad_class: int
    goldstein: float
    plover: str | None


def _table_text() -> tuple[str, str]:
    resource = resources.files("dyad") / "data" / "cameo_codes" / TABLE_NAME
    return str(resource), resource.read_text(encoding="utf-8")


def _parent_value(values: Mapping[str, str], code: str) -> str:
    """Return the value of the longest proper prefix of `code` that has one, else ''."""
    for cut in range(len(code) - 1, 1, -1):
        if values.get(code[:cut]):
            return values[code[:cut]]
    return ""


@functools.cache
def load_cameo_table() -> Mapping[str, CameoCode]:
    """Return every CAMEO event code in the shipped table, keyed by code ("01" .. "2042").

    Returns:
        A read-only mapping from code string to `CameoCode`; loaded once and cached.

    Raises:
        DictionaryError: The shipped table is malformed (names the file and line).
    """
    path, text = _table_text()
    reader = csv.reader(text.splitlines(), delimiter="\t")
    header = next(reader, None)
    if header is None or tuple(header) != COLUMNS:
        raise DictionaryError(
            f"unexpected header {header!r}", path=path, line=1, hint=f"expected {COLUMNS!r}"
        )
    rows: dict[str, list[str]] = {}
    for line, row in enumerate(reader, start=2):
        if len(row) != len(COLUMNS) or not row[0].isdigit() or row[1] != row[0][:2]:
            raise DictionaryError(
                f"malformed row {row!r}", path=path, line=line, hint="one code per line"
            )
        rows[row[0]] = row
    labels = {code: row[2] for code, row in rows.items()}
    plovers = {code: row[5] for code, row in rows.items()}
    table: dict[str, CameoCode] = {}
    for code, row in rows.items():
        root = row[1]
        goldstein = row[3] or (rows[root][3] if root in rows else "")
        plover = row[5] or _parent_value(plovers, code) or None
        if plover and "|" in plover:
            plover = ROOT_08_PLOVER if root == "08" else plover.split("|")[0]
        try:
            table[code] = CameoCode(
                code=code,
                root=root,
                label=labels[code] or _parent_value(labels, code),
                quad_class=int(row[4]),
                goldstein=float(goldstein),
                plover=plover,
            )
        except ValueError as exc:
            raise DictionaryError(
                f"bad number in row for {code}: {exc}", path=path, hint="check the TSV"
            ) from exc
    return MappingProxyType(table)


def describe(code: str, table: Mapping[str, CameoCode] | None = None) -> CameoCode | None:
    """Return the table entry for a CAMEO event code, or its nearest known parent.

    A code missing from the table falls back to its longest known prefix (e.g. an unknown
    "1829" is described by "182"), so a dictionary's extra sub-codes still get a QuadClass,
    Goldstein value and PLOVER type.

    Args:
        code: A CAMEO event code such as "042" or "1823"; surrounding spaces are ignored.
        table: The loaded table (`Resources.cameo`); the shipped one by default.

    Returns:
        The entry for `code` or for its longest known prefix; None when `code` is not a 2-4
        digit string under a CAMEO root 01-20.
    """
    code = code.strip()
    if not (2 <= len(code) <= 4 and code.isdigit()):
        return None
    table = load_cameo_table() if table is None else table
    for cut in range(len(code), 1, -1):
        entry = table.get(code[:cut])
        if entry is not None:
            return entry
    return None
