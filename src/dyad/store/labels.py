"""Names beside codes: CAMEO event labels, stored actor names, and search by either.

`cameo_label("190")` is "Use conventional military force"; `ActorIndex` holds the actor
codes of a store with the name each is best known by and every word that produced one, so
`--actor Taliban`, `--actor "Iraqi government"` and `--actor irqgov` find their codes.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dyad.coder.places import GAZETTEER_PATH, norm
from dyad.dictionaries.cameo import describe, load_cameo_table
from dyad.store.database import Store

# CAMEO's role and sector codes (CAMEO manual, actor codebook), as an analyst reads them.
SECTORS = {
    "AGR": "agriculture",
    "BUS": "business",
    "CHR": "Christian",
    "COP": "police",
    "CRM": "criminals",
    "CVL": "civilians",
    "EDU": "education",
    "ELI": "elites",
    "ENV": "environment",
    "GOV": "government",
    "HLH": "health",
    "HRI": "human rights",
    "IGO": "intergovernmental organisation",
    "IMG": "international militarised group",
    "INS": "insurgents",
    "JEW": "Jewish",
    "JUD": "judiciary",
    "LAB": "labour",
    "LEG": "legislature",
    "MED": "media",
    "MIL": "military",
    "MNC": "multinational",
    "MOS": "Muslim",
    "NGO": "non-governmental organisation",
    "OPP": "opposition",
    "PTY": "political party",
    "REB": "rebels",
    "REF": "refugees",
    "RAD": "radicals",
    "SEP": "separatists",
    "SPY": "intelligence",
    "UAF": "armed forces (unaffiliated)",
    "UIS": "unidentified state actor",
    "SHI": "Shia",
    "SUN": "Sunni",
    "MOD": "moderates",
}
INTERNATIONAL = {
    "NAT": "NATO",
    "UNO": "United Nations",
    "EUR": "Europe",
    "IGO": "intergovernmental",
    "AFR": "Africa",
    "ASA": "Asia",
    "MEA": "Middle East",
    "WST": "the West",
}


def cameo_label(code: str | None) -> str | None:
    """Return the CAMEO label of an event code ("190" -> "Use conventional military force")."""
    entry = describe(code) if code else None
    return entry.label if entry else None


def with_label(code: str | None) -> str:
    """Return a code followed by its label, for people: "190 Use conventional military force"."""
    if not code:
        return "-"
    label = cameo_label(code)
    return f"{code} {label}" if label else code


def cameo_codes(query: str | None = None) -> list[dict[str, Any]]:
    """Return the CAMEO event codes whose code starts with `query` or whose label has its words.

    Args:
        query: A code prefix ("19"), or words of a label ("military force"); None for all.

    Returns:
        One dict per code: code, root, label, quad_class, goldstein.
    """
    words = (query or "").lower().split()
    rows = []
    for code, entry in sorted(load_cameo_table().items()):
        label = entry.label.lower()
        if query and not (code.startswith(query.strip()) or all(w in label for w in words)):
            continue
        rows.append(
            {
                "code": code,
                "root": entry.root,
                "label": entry.label,
                "quad_class": entry.quad_class,
                "goldstein": entry.goldstein,
            }
        )
    return rows


@dataclass(frozen=True, slots=True)
class ActorIndex:
    """The actor codes of a store, the name each is best known by, and the words behind them."""

    codes: frozenset[str]
    names: dict[str, str] = field(default_factory=dict)  # code -> most frequent name
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # lower-case words -> codes

    def known(self, prefix: str) -> bool:
        """Return whether some stored code starts with `prefix`."""
        return any(code.startswith(prefix) for code in self.codes)

    def search(self, text: str) -> tuple[str, ...]:
        """Return the codes whose name or words contain `text` (case ignored), most used first.

        A name that is exactly `text` ("Taliban") wins over words that only contain it.
        """
        wanted = " ".join(text.lower().split())
        if not wanted:
            return ()
        exact = sorted(code for code, name in self.names.items() if name.lower() == wanted)
        if exact:
            return tuple(exact)
        # Whole words only: "nan" is no part of "governance", "Iran" none of "Iranian".
        pattern = re.compile(rf"(?<!\w){re.escape(wanted)}(?!\w)")
        found = {code for code, name in self.names.items() if pattern.search(name.lower())}
        for words, codes in self.words.items():
            if pattern.search(words):
                found |= codes
        return tuple(sorted(found))

    def rows(self, query: str | None = None) -> list[dict[str, Any]]:
        """Return code and name of each stored actor code matching `query` (code or name)."""
        codes = sorted(self.codes)
        if query:
            upper = query.strip().upper()
            codes = sorted({c for c in codes if c.startswith(upper)} | set(self.search(query)))
        return [{"code": code, "name": self.names.get(code)} for code in codes]


def actor_index(store: Store) -> ActorIndex:
    """Return the actor codes, names and words stored in `store` (its `actors` table).

    A code's name is the dictionary name most of its mentions carry (AFGREB: Taliban); a
    code whose mentions mostly carry none (IRQGOV) is described from its parts instead.
    """
    rows = store.query("SELECT code, name, text FROM actors").to_pylist()
    counts: dict[str, Counter[str | None]] = {}
    words: dict[str, set[str]] = {}
    for row in rows:
        counts.setdefault(row["code"], Counter())[row["name"]] += 1
        words.setdefault(" ".join(row["text"].lower().split()), set()).add(row["code"])
    names = {}
    for code, named in counts.items():
        name, times = named.most_common(1)[0]
        names[code] = name if name and 2 * times >= named.total() else describe_actor(code)
    return ActorIndex(
        codes=frozenset(counts),
        names=names,
        words={text: frozenset(codes) for text, codes in words.items()},
    )


@functools.cache
def countries() -> dict[str, str]:
    """Return ISO3 code -> country name, from the shipped gazetteer's country rows."""
    names: dict[str, str] = {}
    with gzip.open(GAZETTEER_PATH, "rt", encoding="utf-8") as lines:
        for line in lines:
            kind, country, name, *_rest = line.split("\t")
            if kind == "country":
                names[country] = name
            elif not line.startswith("#"):
                break  # country rows come first
    return names


@functools.cache
def country_keys() -> dict[str, str]:
    """Return the lookup key of each country name and alias ("afghanistan", "uae") -> ISO3."""
    keys: dict[str, str] = {}
    with gzip.open(GAZETTEER_PATH, "rt", encoding="utf-8") as lines:
        for line in lines:
            kind, country, name, _admin1, _lat, _lon, _people, aliases = line.split("\t")
            if kind != "country":
                if line.startswith("#"):
                    continue
                break
            for key in [norm(name), *aliases.strip().split("|")]:
                keys.setdefault(key, country)
    return keys


def describe_actor(code: str) -> str:
    """Return what an actor code says in words: "IRQGOV" -> "Iraq government"."""
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    words = []
    for i, part in enumerate(parts):
        if i == 0 and part in countries():
            words.append(countries()[part])
        elif i == 0 and part in INTERNATIONAL:
            words.append(INTERNATIONAL[part])
        elif part in SECTORS:
            words.append(SECTORS[part])
        else:
            words.append(part)
    return " ".join(words)


def actor_label(index: ActorIndex, code: str | None) -> str:
    """Return a code with its name for people: "AFGREB Taliban"; "-" for none."""
    if not code:
        return "-"
    name = index.names.get(code) or describe_actor(code)
    return f"{code} {name}" if name != code else code
