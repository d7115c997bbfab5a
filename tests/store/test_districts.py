"""Districts as a filter level (issue 17, point 3): the store, the CLI, the API and the map.

A hand-built store, no model: events at Sangin district (Helmand), at Ghazni district, in
Ghazni city and in Ghazni province, so a district is never confused with a namesake.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dyad.cli import cli
from dyad.coder.places import geocode_place
from dyad.serve.api import create_app
from dyad.store import schema
from dyad.store.aggregate import EventFilter
from dyad.store.database import open_store
from dyad.store.facets import facets
from dyad.store.filters import FilterError, build_filter
from stored import HELMAND, SANGIN, district_store

pytestmark = [pytest.mark.fast, pytest.mark.issue(17)]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("districts") / "districts.duckdb"
    district_store(path).close()
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as served:
        yield served


def count(db: Path, *args: str) -> int:
    result = CliRunner().invoke(
        cli, ["events", *args, "--format", "jsonl", "--limit", "1000", "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    return len(result.output.splitlines())


@pytest.mark.parametrize(
    ("sentence", "district", "province"),
    [
        ("ISAF killed two insurgents in Sangin district of Helmand province.", "Sangin", "Helmand"),
        ("Troops came under fire in Nad-e Ali district, Helmand province.", "Nad-e Ali", "Helmand"),
        ("A patrol was attacked in Helmand province's Nahr-e Saraj district.", "Nahr-e Saraj",
         "Helmand"),
        ("Insurgents fired on a patrol in Xyzzy district of Ghazni province.", "Xyzzy", "ghazni"),
        ("A patrol was attacked in Muqer district.", "Muqer", "ghazni"),  # curated table
        ("A patrol was attacked in Ghazni district.", "Ghazni", "ghazni"),  # named as its province
        ("Afghan forces detained a man in Pul-i-Alam district.", "Pul-e Alam", "logar"),
        ("In Nad ‘Ali district, Helmand province, a force detained two men.", "Nad-e Ali",
         "Helmand"),
        ("A leader was killed in Pul-e ‘Alam district, Logar province.", "Pul-e Alam", "logar"),
        ("Fighting in Xyzzy District of Kunar Province Sunday left two dead.", "Xyzzy", "kunar"),
    ],
)  # fmt: skip
def test_districts_resolve_with_their_province_and_country(
    sentence: str, district: str, province: str
) -> None:
    from dyad.coder.places import norm

    place = geocode_place(sentence)
    assert place is not None and place.precision == "district"
    assert (place.district, place.name, place.country) == (district, district, "AFG")
    assert norm(place.admin1 or "") == norm(province)
    assert place.lat is not None  # the province's point


@pytest.mark.parametrize(
    ("sentence", "precision"),
    [
        ("Insurgents attacked a checkpoint in Ghazni.", "city"),
        ("Insurgents attacked a checkpoint in Ghazni province.", "admin1"),
        ("Insurgents attacked a checkpoint in Kandahar city.", "city"),
    ],
)
def test_districts_need_the_word_district(sentence: str, precision: str) -> None:
    place = geocode_place(sentence)
    assert place is not None and place.precision == precision and place.district is None


def test_districts_unknown_and_untied_give_no_place() -> None:
    assert geocode_place("The patrol came under fire in Xyzzy district.") is None


def test_districts_filter_matches_the_district_level_only(db: Path) -> None:
    assert count(db, "--district", "Ghazni") == 2  # not the city's 4 nor the province's 1
    assert count(db, "--place", "Ghazni") == 2 + 4 + 1  # a place takes every level
    assert count(db, "--district", "Sangin") == 3
    assert count(db, "--district", "sangin, helmand") == 3
    assert count(db, "--district", "Sangin, Ghazni") == 0
    assert count(db, "--district", "Ghazni, Ghazni") == 2  # accents optional
    assert count(db, "--place", "Helmand") == 3 + 5  # the province holds its districts
    assert count(db, "--district", "Sangin", "--district", "Ghazni") == 5


def test_districts_filter_refuses_what_is_no_district() -> None:
    with pytest.raises(FilterError, match="district") as caught:
        build_filter({"district": ["  , Helmand"]})
    assert caught.value.param == "district"
    assert build_filter({"district": ["Sangin, Helmand"]}).district == ("Sangin|Helmand",)


def test_districts_in_facets_and_api(db: Path, client: TestClient) -> None:
    with open_store(db, read_only=True) as store:
        found = {row["value"]: row["events"] for row in facets(store, EventFilter())["district"]}
    assert found == {"Sangin": 3, "Ghazni": 2}
    body = client.get("/api/events", params={"district": "Sangin, Helmand"}).json()
    assert body["ok"] and {(e["district"], e["province"]) for e in body["data"]} == {
        ("Sangin", "Helmand")
    }
    assert len(body["data"]) == 3
    bad = client.get("/api/events", params={"district": "1234"})
    assert bad.status_code == 400 and "district" in bad.json()["error"]


def test_districts_are_drawn_at_their_province_on_the_map(client: TestClient) -> None:
    points: list[dict[str, Any]] = client.get("/api/places").json()["data"]
    by_place = {p["place"]: p for p in points}
    assert "Sangin" not in by_place  # no point of its own: its province's
    assert by_place["Helmand"]["events"] == 3 + 5 and by_place["Helmand"]["districts"] == ["Sangin"]
    assert by_place["Helmand"]["precision"] == "admin1"
    only = client.get("/api/places", params={"district": "Sangin"}).json()["data"]
    assert [(p["place"], p["events"]) for p in only] == [("Helmand", 3)]


def test_districts_migration_adds_the_column(tmp_path: Path) -> None:
    path = tmp_path / "v4.duckdb"
    open_store(path).close()
    with duckdb.connect(str(path)) as connection:  # a store written before districts
        connection.execute("ALTER TABLE events DROP COLUMN location_district")
        connection.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with open_store(path) as migrated:
        assert "location_district" in migrated.schema("events").names
        version = migrated.query("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version.column(0).to_pylist() == [str(schema.SCHEMA_VERSION)] == ["5"]


def test_districts_name_their_rules_in_the_provenance() -> None:
    from dyad.coder.assemble import _gazetteer_name

    assert _gazetteer_name(SANGIN) == "dyad.gazetteer.geonames.v1+dyad.districts.text.v1"
    assert _gazetteer_name(HELMAND) == "dyad.gazetteer.geonames.v1"
    assert _gazetteer_name(None) == ""


@pytest.mark.model
def test_districts_reach_the_store_from_a_coded_release(tmp_path: Path) -> None:
    from stored import code_paths

    release = tmp_path / "isaf.jsonl"
    text = (
        "KABUL, Afghanistan (Jan. 25, 2013)\nDuring a security operation in Andar district, "
        "Ghazni province, yesterday, an Afghan and coalition force killed the Taliban leader."
    )
    release.write_text(json.dumps({"id": "isaf:1", "date": "2013-01-25", "text": text}) + "\n")
    coded, _ = code_paths([release])
    places = [e.location for _d, events in coded for e in events if e.location is not None]
    assert places and all(p.district == "Andar" for p in places), places
    with open_store(tmp_path / "one.duckdb") as store:
        store.ingest_coded(iter(coded), [])
        stored = store.query("SELECT DISTINCT location_district FROM events").to_pylist()
    assert stored == [{"location_district": "Andar"}]
