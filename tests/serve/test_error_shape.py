"""Every failure of the HTTP API has one JSON shape (datasette's `test_error_shape`)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx2
import pytest
from fastapi.testclient import TestClient

from dyad.serve.api import create_app
from dyad.store import browse
from stored import sample_store

pytestmark = pytest.mark.model
ERROR_KEYS = {"ok", "error", "errors", "status"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("errors") / "sample.duckdb"
    sample_store(path).close()
    with TestClient(create_app(path), raise_server_exceptions=False) as client:
        yield client


def assert_error_shape(response: httpx2.Response, status: int) -> None:
    assert response.status_code == status
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert body["errors"] and all(set(e) == {"param", "reason"} for e in body["errors"])
    assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", "/api/no-such-route", 404),
        ("GET", "/no-such-page.html", 404),
        ("GET", "/api/documents/no-such-document", 404),
        ("POST", "/api/events", 405),
        ("DELETE", "/api/code", 405),
        ("GET", "/api/events?limit=abc", 422),
        ("GET", "/api/events?quad=x", 422),
        ("GET", "/api/events?actor=NOPE99", 400),
        ("GET", "/api/dyads?sort=random", 400),
        ("GET", "/api/trend?baseline=2019-13", 400),
        ("GET", "/api/trend?measure=vibes", 400),
    ],
)
def test_error_shape_of_every_failure(
    client: TestClient, method: str, url: str, status: int
) -> None:
    assert_error_shape(client.request(method, url), status)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"text": ""}, 422),
        ({"words": "no text field"}, 422),
        ({"text": "Iraq met Iran.", "date": "last week"}, 422),
        ({"text": "x" * 20_001}, 413),
    ],
)
def test_error_shape_of_bad_code_requests(client: TestClient, body: object, status: int) -> None:
    assert_error_shape(client.post("/api/code", json=body), status)


def test_error_shape_of_invalid_json(client: TestClient) -> None:
    response = client.post(
        "/api/code", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_error_shape(response, 422)


def test_error_shape_of_a_crash(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(browse, "map_points", broken)
    response = client.get("/api/places")
    assert_error_shape(response, 500)
    assert "disk on fire" not in response.text  # internals stay in the server log
