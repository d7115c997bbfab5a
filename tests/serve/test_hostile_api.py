"""Hostile requests: the API refuses them cleanly, exposes nothing and changes nothing.

Every query parameter of every route, and every field of `POST /api/code`, gets every
injection string; oversize bodies, query strings and page sizes, path traversal, unknown
parameters and wrong methods follow. A clean refusal is a 4xx in the one error shape. A 200
is allowed only for an odd but harmless filter value (a place or document id that is just
text), whose answer must equal that of a filter matching nothing, and for pasted text, which
the code route codes. `test_hostile_requests_are_all_refused_cleanly` prints the count.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import duckdb
import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient

from dyad.cli import cli
from dyad.errors import StoreError
from dyad.serve import api
from dyad.serve.api import MAX_PAGE, create_app, fetch
from dyad.serve.limits import MAX_BODY_BYTES, MAX_QUERY_BYTES
from stored import sample_store

pytestmark = pytest.mark.model
ERROR_KEYS = {"ok", "error", "errors", "status"}
INJECTIONS = [
    "' OR '1'='1",
    "1' OR 1=1 --",
    "IRQ' --",
    "IRQ'); DROP TABLE events; --",
    "IRQGOV-IRNGOV' UNION SELECT doc_id, path FROM documents --",
    "1; ATTACH '/tmp/x.duckdb' AS x; --",
    "COPY events TO '/tmp/leak.csv'",
    "read_csv('/etc/passwd')",
    '" OR ""="',
    "%' OR 'a' LIKE '%",
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "/etc/passwd",
    "file:///etc/passwd",
    "<script>alert(1)</script>",
    "${jndi:ldap://example.invalid/a}",
    "{{7*7}}",
    "\x00",
    "IRQ\x00GOV",
    "\u202eGOV",
    "\ufeff",
    "-1",
    "1e308",
    "NaN",
    "9" * 400,
    "é" * 2_000,
    "%",
    "_",
    "*",
    "NULL",
    "[]",
    "{}",
]
TRAVERSALS = [
    "/../../../../etc/passwd",
    "/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/vendor/../../api.py",
    "/../api.py",
    "/..%2fapi.py",
    "/../../pyproject.toml",
    "/app.js%00.html",
    "/%00",
    "/api/documents/../../../etc/passwd",
    "/api/documents/..%2f..%2f..%2fetc%2fpasswd",
    "/api/documents//etc/passwd",
    "/api/documents/file:%2f%2f%2fetc%2fpasswd",
    "/api/../api.py",
    "/api/%2e%2e/store.py",
]
SECRETS = ("root:", "def create_app", "[project]", "import ")  # in /etc/passwd or source files


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "sample.duckdb"
    sample_store(path).close()
    return path


@pytest.fixture(scope="module")
def app(db: Path) -> FastAPI:
    return create_app(db)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def query_parameters(app: FastAPI) -> dict[str, list[str]]:
    """Return {GET route: its query parameters}, from the OpenAPI document."""
    routes = {}
    for path, operations in app.openapi()["paths"].items():
        if "get" in operations and "{" not in path:
            params = operations["get"].get("parameters", [])
            routes[path] = [p["name"] for p in params if p["in"] == "query"]
    return routes


FILTERS = (
    "actor",
    "dyad",
    "code",
    "quad",
    "factuality",
    "since",
    "until",
    "place",
    "district",
    "doc",
)
NOTHING = "doc=no-such-document"  # a valid filter that matches nothing
CODED = "/api/code"  # any list of events is a harmless answer
LOOKUP = "/api/codes"  # a search (`q`, the code table): any answer is harmless


def problem(status: int, body: bytes, nothing: Any) -> str | None:
    """Return why a response to a hostile request is not a clean refusal, or None.

    `nothing` is the data of the same route filtered to match nothing, or None when the
    hostile value must be refused.
    """
    if status >= 500:
        return f"server error {status}"
    if status < 400 and nothing == LOOKUP:  # words searched for: whatever they match
        return None
    if status < 400 and isinstance(nothing, bytes):  # a download (CSV, Parquet)
        return None if body == nothing else "a hostile filter matched something"
    try:
        data: dict[str, Any] = json.loads(body)
    except ValueError:
        return f"{status} without a JSON body"
    if status >= 400:
        if set(data) != ERROR_KEYS or data["ok"] is not False or data["status"] != status:
            return f"{status} not in the error shape"
        return None
    if nothing is None:
        return f"accepted with {status}"
    if nothing == CODED:
        return None if data.get("ok") is True and isinstance(data["data"], list) else "no events"

    if data.get("ok") is not True or data["data"] != nothing:
        return "a hostile filter matched something"
    return None


Request = tuple[str, str, Any, str | None]  # method, target, JSON body, harmless answer key


def hostile_requests(app: FastAPI) -> Iterator[Request]:
    """Yield every hostile request, with the key of the answer it may harmlessly get."""
    for route, params in query_parameters(app).items():
        for param in params:
            for value in INJECTIONS:
                search = param == "q" or route == LOOKUP
                harmless = LOOKUP if search else route if param in FILTERS else None
                yield "GET", f"{route}?{param}={quote(value)}", None, harmless
        yield "GET", f"{route}?limit={MAX_PAGE + 1}", None, None
        yield "GET", f"{route}?limit=10000000000000000000000", None, None
        yield "GET", f"{route}?no_such_parameter=1", None, None
        yield "GET", f"{route}?limt=5", None, None
        yield "GET", f"{route}?actor=IRQ&x=" + "a" * MAX_QUERY_BYTES, None, None
        for method in ("PUT", "DELETE", "PATCH"):
            yield method, route, None, None
    for value in INJECTIONS:
        yield "GET", "/api/documents/" + quote(value, safe=""), None, None
        # coding pasted text is the route's job: any text may be coded, nothing else happens
        for body in ({"text": value}, {"text": "Iraq met Iran.", "perspective": value}):
            yield "POST", "/api/code", body, CODED
        yield "POST", "/api/code", {"text": "Iraq met Iran.", "date": value}, None
        yield "POST", "/api/code", {"text": {"$ne": value}}, None
    for target in TRAVERSALS:
        yield "GET", target, None, None


def answer_to_nothing(client: TestClient, route: str) -> Any:
    """Return a route's data for a filter matching nothing: JSON data, or a download's bytes."""
    response = client.get(f"{route}?{NOTHING}")
    if response.status_code != 200:
        return None  # the route takes no filters
    if response.headers["content-type"].startswith("application/json"):
        return response.json()["data"]
    return response.content


def run(client: TestClient, app: FastAPI, method: str, target: str, body: Any) -> tuple[int, bytes]:
    if method == "GET" and ("%2" in target or "/.." in target or "%00" in target):
        return fetch(app, target)  # raw path: httpx would tidy the dot segments away
    response = client.request(method, target, json=body)
    return response.status_code, response.content


def test_hostile_requests_are_all_refused_cleanly(
    client: TestClient, app: FastAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    before = app.state.stores.main.counts()
    nothing: dict[str, Any] = {
        route: answer_to_nothing(client, route) for route in query_parameters(app)
    }
    nothing[CODED] = CODED
    nothing[LOOKUP] = LOOKUP
    statuses: Counter[int] = Counter()
    failures = []
    for method, target, body, harmless_on in hostile_requests(app):
        status, content = run(client, app, method, target, body)
        statuses[status] += 1
        why = problem(status, content, nothing[harmless_on] if harmless_on else None)
        if why:
            failures.append(f"{method} {target[:120]}: {why}")
    assert app.state.stores.main.counts() == before  # nothing written
    tried = sum(statuses.values())
    with capsys.disabled():
        refused = sum(n for status, n in statuses.items() if 400 <= status < 500)
        print(
            f"\nhostile requests: {tried:,} tried, {refused:,} refused with a 4xx in the error "
            f"shape, {statuses[200]:,} answered harmlessly (an odd filter matching nothing, "
            "pasted text coded), "
            f"{sum(n for s, n in statuses.items() if s >= 500)} server errors "
            f"(statuses {dict(sorted(statuses.items()))})"
        )
    assert not failures, "\n".join(failures[:20])
    assert tried > 1_000


@pytest.mark.parametrize(
    "url",
    ["/api/events?no_such_parameter=1", "/api/trend?peroid=month", "/api/dyads?limit=5&sorts=x"],
)
def test_hostile_unknown_parameter_is_a_400_naming_it(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 400
    body = response.json()
    name = url.rsplit("&", 1)[-1].split("?")[-1].split("=")[0]
    assert body["errors"][0]["param"] == name
    assert "unknown parameter" in body["error"] and "takes" in body["error"]


def test_hostile_known_parameters_still_answer(client: TestClient) -> None:
    response = client.get("/api/events", params={"actor": "IRQ", "limit": 3, "factuality": "all"})
    assert response.status_code == 200, response.text
    assert 0 < len(response.json()["data"]) <= 3


@pytest.mark.parametrize("chunked", [False, True])
def test_hostile_oversize_body_is_a_413(client: TestClient, chunked: bool) -> None:
    payload = b'{"text": "' + b"a" * (MAX_BODY_BYTES + 10) + b'"}'

    def pieces() -> Iterator[bytes]:
        for start in range(0, len(payload), 65_536):
            yield payload[start : start + 65_536]

    response = client.post(
        "/api/code",
        content=pieces() if chunked else payload,
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert set(response.json()) == ERROR_KEYS
    assert f"{MAX_BODY_BYTES:,}" in response.json()["error"]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"[" * 50_000 + b"]" * 50_000, "application/json"),  # deeper than json can recurse
        (b'{"text": 5}', "application/json"),
        (b'{"text": "Iraq met Iran.", "date": "2008-02-30"}', "application/json"),
        (b"text=Iraq+met+Iran", "application/x-www-form-urlencoded"),
        (b"\xff\xfe\x00", "application/json"),
        (b"", "application/json"),
    ],
)
def test_hostile_code_bodies_are_refused_cleanly(
    client: TestClient, body: bytes, content_type: str
) -> None:
    response = client.post("/api/code", content=body, headers={"content-type": content_type})
    assert 400 <= response.status_code < 500
    assert set(response.json()) == ERROR_KEYS


@pytest.mark.parametrize("target", TRAVERSALS)
def test_hostile_path_traversal_reads_no_file(app: FastAPI, target: str) -> None:
    status, body = fetch(app, target)
    assert status in (400, 404), (status, body[:200])
    assert not any(secret.encode() in body for secret in SECRETS)


def test_hostile_store_is_open_read_only(app: FastAPI) -> None:
    store = app.state.stores.main
    assert store.read_only
    with pytest.raises(duckdb.Error, match="read-only"):
        store.connection.execute("CREATE TABLE leak (a INTEGER)")
    with pytest.raises(StoreError, match="read-only"):
        store.ingest([], [])


def test_hostile_cors_is_off_unless_an_origin_is_named(db: Path) -> None:
    preflight = {
        "Origin": "http://elsewhere.example",
        "Access-Control-Request-Method": "GET",
    }
    with TestClient(create_app(db)) as closed:
        assert (
            "access-control-allow-origin"
            not in closed.options("/api/events", headers=preflight).headers
        )
    with TestClient(create_app(db, cors_origins=("http://mine.example",))) as opened:
        mine = opened.get("/api/summary", headers={"Origin": "http://mine.example"})
        assert mine.headers["access-control-allow-origin"] == "http://mine.example"
        other = opened.get("/api/summary", headers={"Origin": "http://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers


@pytest.mark.parametrize(
    ("options", "served_on"),
    [
        ([], "127.0.0.1"),
        (["--host", "localhost"], "localhost"),
        (["--host", "::1"], "::1"),
        (["--host", "0.0.0.0"], None),
        (["--host", "192.168.1.5"], None),
        (["--host", "example.org"], None),
        (["--host", "0.0.0.0", "--public"], "0.0.0.0"),
    ],
)
def test_hostile_serve_binds_beyond_loopback_only_with_public(
    db: Path, monkeypatch: pytest.MonkeyPatch, options: list[str], served_on: str | None
) -> None:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(api, "serve", lambda *args, **kwargs: calls.append((args, kwargs)))
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), *options])
    if served_on is None:
        assert result.exit_code == 2 and "--public" in result.output
        assert not calls
    else:
        assert result.exit_code == 0, result.output
        assert calls[0][0][1] == served_on


def test_hostile_serve_cors_option_reaches_the_app(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(api, "serve", lambda *_args, **kwargs: calls.append(kwargs))
    options = ["--cors", "http://a.example", "--cors", "http://b.example"]
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), *options])
    assert result.exit_code == 0, result.output
    assert calls[0]["cors_origins"] == ("http://a.example", "http://b.example")
