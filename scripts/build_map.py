"""Build the dashboard's country outlines: Natural Earth 110m as GeoJSON keyed by ISO3.

Inputs are two npm packages unpacked by `npm pack` (no other download):
  world-atlas@2.0.2     countries-110m.json, Natural Earth 1:110m TopoJSON (ISC; data public domain)
  world-countries@5.1.0 countries.json, ISO numeric -> ISO3 and a centroid per country (ODbL-1.0)

    cd /tmp && npm pack world-atlas@2.0.2 world-countries@5.1.0 && tar xzf ... (one folder each)
    python scripts/build_map.py /tmp/world-atlas/package /tmp/world-countries/package

Writes src/dyad/serve/dashboard/vendor/countries-110m.geojson (coordinates rounded to 0.01 degree).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "src" / "dyad" / "serve" / "dashboard" / "vendor"


def decode_arcs(topology: dict[str, Any]) -> list[list[list[float]]]:
    """Return the topology's arcs as absolute lon/lat points (undoing delta quantization)."""
    scale = topology["transform"]["scale"]
    shift = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * scale[0] + shift[0], 2), round(y * scale[1] + shift[1], 2)])
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[list[float]]]) -> list[list[float]]:
    points: list[list[float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def main(atlas: Path, countries: Path) -> None:
    topology = json.loads((atlas / "countries-110m.json").read_text())
    arcs = decode_arcs(topology)
    info = {c["ccn3"]: c for c in json.loads((countries / "countries.json").read_text())}
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            coordinates: Any = [ring(r, arcs) for r in geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            coordinates = [[ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        country = info.get(geometry.get("id", ""), {})
        lat, lon = country.get("latlng", [None, None])[:2]
        properties = {
            "iso3": country.get("cca3"),
            "name": geometry["properties"]["name"],
            "lat": lat,
            "lon": lon,
        }
        features.append(
            {
                "type": "Feature",
                "properties": properties,
                "geometry": {"type": geometry["type"], "coordinates": coordinates},
            }
        )
    OUT.mkdir(parents=True, exist_ok=True)
    collection = {"type": "FeatureCollection", "features": features}
    (OUT / "countries-110m.geojson").write_text(json.dumps(collection, separators=(",", ":")))
    print(f"{len(features)} countries written to {OUT / 'countries-110m.geojson'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
