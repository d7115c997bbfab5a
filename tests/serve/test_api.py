"""The HTTP API, in-process, over a store holding the coded sample corpus."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dyad.cli import cli
from dyad.serve.api import MAX_PAGE, create_app, fetch
from dyad.serve.limits import MAX_CODE_CHARS
from dyad.store import aggregate
from dyad.store.aggregate import EventFilter
from dyad.store.database import open_store
from stored import sample_events, sample_store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "sample.duckdb"
    sample_store(path).close()
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as client:
        yield client


def get(client: TestClient, url: str, **params: Any) -> dict[str, Any]:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert body["ok"] is True and set(body) == {"ok", "data", "next"}
    return body


def test_api_events_pages_cover_every_match_once(client: TestClient, db: Path) -> None:
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 7, "factuality": "all"}
        if cursor:
            params["cursor"] = cursor
        body = get(client, "/api/events", **params)
        seen += [row["event_id"] for row in body["data"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == len({e.event_id for e in sample_events()})
    with open_store(db, read_only=True) as store:
        first = aggregate.events(store, EventFilter(factuality=aggregate.ALL_FACTUALITY), limit=7)
    assert seen[:7] == first.column("event_id").to_pylist()


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"actor": "IRQ"}, lambda r: "IRQ" in (r["source"][:3], (r["target"] or "")[:3])),
        ({"dyad": "IRQGOV-IRQ"}, lambda r: r["source"].startswith("IRQGOV")),
        ({"code": "19"}, lambda r: r["cameo"].startswith("19")),
        ({"quad": 4}, lambda r: r["quad_class"] == 4),
        ({"factuality": "hypothetical"}, lambda r: r["factuality"] == "hypothetical"),
        ({"since": "2007", "until": "2007-12"}, lambda r: r["date"].startswith("2007")),
    ],
)
def test_api_events_filters_match_the_cli_filters(
    client: TestClient, db: Path, params: dict[str, Any], check: Any
) -> None:
    rows = get(client, "/api/events", limit=MAX_PAGE, **params)["data"]
    assert rows and all(check(row) for row in rows)
    where = {k: v for k, v in params.items() if k not in ("quad", "factuality")}
    chosen = (params["factuality"],) if "factuality" in params else aggregate.DEFAULT_FACTUALITY
    quads = (params["quad"],) if "quad" in params else ()
    with open_store(db, read_only=True) as store:
        expected = aggregate.totals(
            store, EventFilter(**where, factuality=chosen, quad_classes=quads)
        )
    assert len(rows) == expected["events"]


def test_api_trend_splits_each_period_by_quad_class(client: TestClient) -> None:
    rows = get(client, "/api/trend", period="quarter", actor="USA")["data"]
    assert rows
    for row in rows:
        assert sum(row[f"q{q}_events"] for q in range(5)) == row["events"]
        assert sum(row[f"q{q}_unique"] for q in range(5)) == row["unique_events"]


def test_api_dyads_and_network_agree(client: TestClient) -> None:
    dyads = get(client, "/api/dyads", limit=MAX_PAGE, factuality="all")["data"]
    network = get(client, "/api/network", factuality="all")["data"]
    assert network["directed"] is True
    pairs = {(d["source"], d["target"]): d["events"] for d in dyads}
    for edge in network["edges"]:
        assert pairs[(edge["source"], edge["target"])] == edge["events"]
        assert edge["cooperation"] - edge["conflict"] == edge["weight"]


def test_api_places_have_coordinates_or_an_actor_country(client: TestClient) -> None:
    rows = get(client, "/api/places", factuality="all")["data"]
    assert rows
    for row in rows:
        located = row["lat"] is not None and row["lon"] is not None
        assert located or (row["precision"] in ("country", "actor-country") and row["country"])


def test_api_document_highlights_every_event_span(client: TestClient) -> None:
    event = get(client, "/api/events", limit=1, factuality="all")["data"][0]
    # Served through `fetch` as a server would: TestClient unquotes the path twice, and
    # sample ids hold percent signs ("Matovi%C4%8D").
    status, raw = fetch(client.app, f"/api/documents/{quote(event['doc_id'], safe='')}")
    assert status == 200, raw
    doc = json.loads(raw)["data"]
    assert doc["doc_id"] == event["doc_id"]
    assert event["event_id"] in {e["event_id"] for e in doc["events"]}
    sentences = {(s["char_start"], s["char_end"]): s["text"] for s in doc["sentences"]}
    for item in doc["events"]:
        assert (item["char_start"], item["char_end"]) in sentences
        if doc["text"] is not None:  # the source file is still there: spans index its text
            span = doc["text"][item["char_start"] : item["char_end"]]
            assert span == sentences[(item["char_start"], item["char_end"])]
    if doc["text"] is not None:
        assert doc["segments"] and doc["segments"][-1]["end"] <= len(doc["text"])


def test_api_code_returns_events_of_pasted_text(client: TestClient) -> None:
    text = "Iraqi troops arrested two insurgents near Basra on Tuesday."
    response = client.post("/api/code", json={"text": text, "date": "2008-03-25"})
    assert response.status_code == 200, response.text
    events = response.json()["data"]
    assert events
    for event in events:
        assert text[event["char_start"] : event["char_end"]] == event["sentence"]


@pytest.mark.parametrize(
    ("url", "param"),
    [
        ("/api/events?actor=ZZZQQQ", "actor"),
        ("/api/events?actor=IRQ'%20OR%201=1--", "actor"),
        ("/api/events?place=Baghdad';%20DROP%20TABLE%20events;--", "place"),
        ("/api/events?code=19%20OR%201=1", "code"),
        ("/api/events?since=2009&until=2008", "until"),
        ("/api/events?since=yesterday", "since"),
        (f"/api/events?limit={MAX_PAGE + 1}", "limit"),
        ("/api/events?cursor=bm90LWEtY3Vyc29y", "cursor"),
        ("/api/events?dyad=IRQGOV", "dyad"),
        ("/api/events?factuality=certain", "factuality"),
        ("/api/trend?period=decade", "period"),
        ("/api/network?level=planet", "level"),
    ],
)
def test_api_bad_parameters_name_the_parameter(client: TestClient, url: str, param: str) -> None:
    response = client.get(url)
    assert 400 <= response.status_code < 500
    body = response.json()
    assert body["ok"] is False and body["status"] == response.status_code
    assert param in [e["param"] for e in body["errors"]]
    assert get(client, "/api/events", limit=1)["data"]  # nothing reached the store


def test_api_code_refuses_text_over_the_limit(client: TestClient) -> None:
    response = client.post("/api/code", json={"text": "a" * (MAX_CODE_CHARS + 1)})
    assert response.status_code == 413
    assert f"{MAX_CODE_CHARS:,}" in response.json()["error"]


def test_api_dashboard_is_served_with_the_api(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "app.js" in page.text
    for asset in ("/app.js", "/style.css", "/vendor/countries-110m.geojson"):
        assert client.get(asset).status_code == 200


def test_api_cors_is_off_by_default(client: TestClient) -> None:
    response = client.get("/api/summary", headers={"Origin": "http://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers


def test_api_serve_get_prints_one_response(db: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--get", "/api/dyads?limit=2"])
    assert result.exit_code == 0, result.output
    assert '"ok": true' in result.output
    failed = CliRunner().invoke(cli, ["serve", "--db", str(db), "--get", "/api/events?limit=0"])
    assert failed.exit_code == 1 and '"status": 422' in failed.output


def test_api_serves_concurrent_requests_on_separate_cursors(client: TestClient) -> None:
    from concurrent.futures import ThreadPoolExecutor

    urls = ["/api/events?limit=50", "/api/trend?period=month", "/api/network"] * 20
    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(lambda url: client.get(url).status_code, urls))
    assert statuses == [200] * len(urls)


def test_api_repeats_a_cached_answer_byte_for_byte(db: Path) -> None:
    with TestClient(create_app(db)) as fresh:
        first = fresh.get("/api/dyads?limit=5")
        again = fresh.get("/api/dyads?limit=5")
        failed = fresh.get("/api/dyads?limit=0")
    assert first.status_code == again.status_code == 200
    assert first.content == again.content
    assert failed.status_code == 422
