"""The read-only HTTP API and the dashboard that calls it: `create_app(store_path)`.

Every success is `{"ok": true, "data": ..., "next": cursor or null}`; every failure (a bad
or unknown parameter, 404, 405, 413, 414, 422, 500) is `error_body()`:
`{"ok": false, "error": "...", "errors": [{"param": ..., "reason": ...}], "status": N}`.
Filters are checked one by one so the error names the parameter, and reach SQL only as
bound parameters (`EventFilter.where`). A query parameter a route does not take is refused,
not ignored; request bodies and query strings have size limits; no route reads a file named
by the request. The dashboard is static files under `/` that call only these routes. The
coder behind `POST /api/code` is loaded on its first use.
"""

from __future__ import annotations

import asyncio
import hashlib
import ipaddress
import json
import os
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import unquote

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from dyad.coder.decode import normalise_text
from dyad.coder.jsonl import perspective_problem
from dyad.errors import DyadError
from dyad.serve.cache import ResponseCache
from dyad.serve.documents import SourceCache
from dyad.serve.guard import HostGuard, SecurityHeaders, allowed_hosts
from dyad.serve.limits import MAX_CODE_CHARS, RequestLimits
from dyad.serve.params import (
    Filter,
    ParamError,
    decode_cursor,
    encode_cursor,
    refuse_unknown_parameters,
)
from dyad.store import aggregate, browse
from dyad.store.database import Store, open_store
from dyad.store.export import network_json
from dyad.store.labels import actor_index

DEFAULT_PAGE = 50
MAX_PAGE = 500
DASHBOARD = Path(__file__).parent / "dashboard"


def error_body(status: int, errors: list[dict[str, Any]], message: str | None = None) -> Any:
    """Return the one error shape: a message, the errors behind it, and the status."""
    first = errors[0] if errors else {}
    text = message or (f"{first['param']}: {first['reason']}" if first.get("param") else "")
    return {
        "ok": False,
        "error": text or first.get("reason", ""),
        "errors": errors,
        "status": status,
    }


def _json(body: Any, status: int = 200) -> Response:
    text = json.dumps(body, ensure_ascii=False, default=_plain)
    return Response(text, status_code=status, media_type="application/json")


def _plain(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def ok(data: Any, next_cursor: str | None = None) -> Response:
    """Return the success envelope."""
    return _json({"ok": True, "data": data, "next": next_cursor})


class _Stores:
    """The store opened read-only once, with one DuckDB cursor per worker thread."""

    def __init__(self, path: Path) -> None:
        self.main = open_store(path, read_only=True)
        self.actor_codes = browse.actor_codes(self.main)
        self.actors = actor_index(self.main)
        self.sources = SourceCache()
        self._local = threading.local()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.main.connection.cursor(), self.main.path, read_only=True)
            self._local.store = store
        return store


class _Coder:
    """The event coder, loaded once on first use; one text at a time (spaCy is not shared)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._resources: Any = None

    def code(self, text: str, day: str | None, perspective: str | None) -> list[dict[str, Any]]:
        from dyad.coder.resources import Resources
        from dyad.config import load_config
        from dyad.records import Document
        from dyad.run import Coded, code_stream

        digest = hashlib.sha256(text.encode()).hexdigest()[:10]
        document = Document(f"pasted:{digest}", text, "<api>", date=day, perspective=perspective)
        with self._lock:
            if self._resources is None:
                self._resources = Resources.load(load_config())
            (item,) = code_stream([document], self._resources)
        if not isinstance(item, Coded):
            raise DyadError(item.reason, hint="the text was not coded")
        return [event.to_dict() for event in item.events]


class CodeRequest(BaseModel):
    """Text to code, with an optional reference date (YYYY-MM-DD) and author country."""

    text: str
    date: str | None = None
    perspective: str | None = None


def _stores(request: Request) -> _Stores:
    stores: _Stores = request.app.state.stores
    return stores


# A route takes the cursor of its own thread with `stores.get()`: FastAPI may resolve a
# dependency on one worker thread and run the route on another.
Stores = Annotated[_Stores, Depends(_stores)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size.")]


def _routes(app: FastAPI) -> None:
    @app.get("/api/events", summary="Events matching the filters, newest first (paged)")
    def events(
        where: Filter, stores: Stores, limit: Limit = DEFAULT_PAGE, cursor: str | None = None
    ) -> Response:
        db = stores.get()
        after = decode_cursor(cursor) if cursor else None
        rows, key = browse.event_page(db, where, after=after, limit=limit)
        names = stores.actors.names
        for row in rows:  # names beside codes: "AFGREB" is "Taliban"
            row["source_label"] = names.get(row["source"])
            row["target_label"] = names.get(row["target"]) if row["target"] else None
        return ok(rows, encode_cursor(key) if key else None)

    @app.get("/api/summary", summary="Raw and deduplicated totals, and the stored actor codes")
    def summary(where: Filter, stores: Stores, request: Request) -> Response:
        db = stores.get()
        data = aggregate.totals(db, where) | {
            "actor_codes": sorted(request.app.state.stores.actor_codes),
            "actor_names": request.app.state.stores.actors.names,
            "counted": list(where.factuality),
        }
        return ok(data)

    @app.get("/api/dyads", summary="Directed dyads ranked by events or conflict share")
    def dyads(where: Filter, stores: Stores, limit: Limit = 20, sort: str = "events") -> Response:
        db = stores.get()
        if sort not in ("events", "unique", "conflict_share", "goldstein"):
            raise ParamError("sort", f"cannot sort by {sort!r}: events, unique, conflict_share")
        return ok(aggregate.dyads(db, where, limit=limit, sort=sort).to_pylist())

    @app.get("/api/trend", summary="Events per period by QuadClass, raw and deduplicated")
    def trend(
        where: Filter,
        stores: Stores,
        period: aggregate.Period = "month",
        baseline: str | None = None,
        measure: str = "rate",
    ) -> Response:
        from dyad.store.trend import MEASURES

        db = stores.get()
        if measure not in MEASURES:
            raise ParamError("measure", f"{measure!r} is not one of {', '.join(MEASURES)}")
        try:
            rows = aggregate.trend(db, where, period=period, baseline=baseline, measure=measure)
        except DyadError as exc:
            raise ParamError("baseline", exc.reason) from exc
        by_quad = {(r["start"], r["quad_class"]): r for r in browse.quad_series(db, where, period)}
        data = rows.to_pylist()
        for row in data:
            for quad in range(5):
                counts = by_quad.get((row["start"], quad), {})
                row[f"q{quad}_events"] = counts.get("events", 0)
                row[f"q{quad}_unique"] = counts.get("unique_events", 0)
        return ok(data)

    @app.get("/api/network", summary="Alignment network: cooperation and conflict edges")
    def network(where: Filter, stores: Stores, level: str = "actor") -> Response:
        db = stores.get()
        if level not in ("actor", "country"):
            raise ParamError("level", f"{level!r} is not actor or country")
        return ok(network_json(aggregate.network(db, where, level=level)))

    @app.get("/api/places", summary="Events by place, for the map")
    def places(where: Filter, stores: Stores) -> Response:
        db = stores.get()
        return ok(browse.map_points(db, where))

    @app.get("/api/documents/{doc_id:path}", summary="A document, its sentences and event spans")
    def document(doc_id: str, stores: Stores) -> Response:
        db = stores.get()
        found = browse.document(db, doc_id, source=stores.sources.source)
        if found is None:
            raise HTTPException(404, f"no document {doc_id!r} in the store")
        return ok(found)

    @app.post("/api/code", summary=f"Code a text of up to {MAX_CODE_CHARS:,} characters")
    def code(body: CodeRequest, request: Request) -> Response:
        if len(body.text) > MAX_CODE_CHARS:
            raise ParamError(
                "text",
                f"{len(body.text):,} characters is over the limit of {MAX_CODE_CHARS:,} "
                "(coded while the request waits); code longer texts with `dyad code`",
                status=413,
            )
        if not body.text.strip():
            raise ParamError("text", "the text is empty", status=422)
        if body.date is not None and (len(body.date) != 10 or _day(body.date) is None):
            raise ParamError("date", f"{body.date[:40]!r} is not YYYY-MM-DD", status=422)
        if body.perspective is not None and (problem := perspective_problem(body.perspective)):
            raise ParamError("perspective", problem, status=422)
        coder: _Coder = request.app.state.coder
        return ok(coder.code(normalise_text(body.text), body.date, body.perspective))


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(ParamError)
    async def bad_param(_request: Request, exc: ParamError) -> Response:
        errors = [{"param": exc.param, "reason": exc.reason}]
        return _json(error_body(exc.status, errors), exc.status)

    @app.exception_handler(DyadError)
    async def dyad_error(_request: Request, exc: DyadError) -> Response:
        return _json(error_body(400, [{"param": None, "reason": str(exc)}]), 400)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"param": ".".join(str(p) for p in e["loc"][1:]) or e["loc"][0], "reason": e["msg"]}
            for e in exc.errors()
        ]
        return _json(error_body(422, errors), 422)

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> Response:
        errors = [{"param": None, "reason": str(exc.detail)}]
        return _json(error_body(exc.status_code, errors), exc.status_code)

    @app.exception_handler(Exception)
    async def crash(_request: Request, exc: Exception) -> Response:
        reason = f"internal error ({type(exc).__name__}); the server log has the details"
        return _json(error_body(500, [{"param": None, "reason": reason}]), 500)


def create_app(
    store_path: str | Path,
    *,
    cors_origins: tuple[str, ...] = (),
    hosts: frozenset[str] | None = None,
) -> FastAPI:
    """Return the API and dashboard over the store at `store_path`, opened read-only.

    Args:
        store_path: A dyad DuckDB file.
        cors_origins: Origins allowed to call the API from a browser (`dyad serve --cors`);
            none by default, so a page elsewhere cannot read the answers.
        hosts: The `Host` names answered (`guard.allowed_hosts`); `serve` always gives
            them. None answers any, for an app called in-process only.

    Raises:
        StoreError: The store is missing, not a dyad store, or locked by a writer.
    """
    app = FastAPI(
        title="dyad",
        summary="Political event data: who did what to whom, when, where, how sure.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads from a CDN; the OpenAPI JSON is enough
        redoc_url=None,
        dependencies=[Depends(refuse_unknown_parameters)],
    )
    app.state.stores = _Stores(Path(store_path))
    app.state.coder = _Coder()
    app.state.query_names = {}
    app.add_middleware(ResponseCache)
    if cors_origins:  # outside the cache: an answer cached for one origin must not name it
        from fastapi.middleware.cors import CORSMiddleware

        methods = ["GET", "POST"]
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=methods)
    app.add_middleware(RequestLimits)
    if hosts is not None:
        app.add_middleware(HostGuard, hosts=hosts)
    app.add_middleware(SecurityHeaders)
    _routes(app)
    from dyad.serve.views import add_workbench_routes

    add_workbench_routes(app, Filter, Stores)
    _handlers(app)
    app.mount("/", StaticFiles(directory=DASHBOARD, html=True), name="dashboard")
    return app


def fetch(app: Callable[..., Any], target: str) -> tuple[int, bytes]:
    """Return the status and body of one GET of `target` (path and query), served in-process."""
    path, _, query = target.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": unquote(path),
        "raw_path": path.encode("utf-8", "surrogateescape"),
        "query_string": query.encode("utf-8", "surrogateescape"),
        "root_path": "",
        "headers": [(b"host", b"localhost")],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 80),
    }
    status: list[int] = []
    body: list[bytes] = []

    requested: list[bool] = []
    done = asyncio.Event()

    async def receive() -> dict[str, Any]:
        if not requested:
            requested.append(True)
            return {"type": "http.request", "body": b"", "more_body": False}
        await done.wait()  # a streaming response listens for the client leaving
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])
        elif message["type"] == "http.response.body":
            body.append(message.get("body", b""))
            if not message.get("more_body"):
                done.set()

    try:
        asyncio.run(app(scope, receive, send))
    except Exception:  # the 500 body is already sent; the server re-raises it for its log
        if not status:
            raise
    return status[0], b"".join(body)


def app_from_environment() -> FastAPI:
    """Return the app over the store named by $DYAD_SERVE_DB (for uvicorn's worker processes)."""
    origins = tuple(o for o in os.environ.get("DYAD_SERVE_CORS", "").split(" ") if o)
    hosts = frozenset(h for h in os.environ.get("DYAD_SERVE_HOSTS", "").split(" ") if h)
    return create_app(os.environ["DYAD_SERVE_DB"], cors_origins=origins, hosts=hosts)


def is_loopback(host: str) -> bool:
    """Return whether binding `host` keeps the server reachable from this machine only."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to any interface
        return False


def serve(
    store_path: Path,
    host: str,
    port: int,
    *,
    workers: int = 1,
    cors_origins: tuple[str, ...] = (),
    allow_hosts: tuple[str, ...] = (),
) -> None:
    """Serve the API and dashboard with uvicorn until interrupted.

    Only requests whose `Host` names the bound interface (or one of `allow_hosts`) are
    answered (`guard.allowed_hosts`). With several workers each process opens the store
    read-only on its own (DuckDB lets many read-only processes share a file), so the
    store is checked here first.
    """
    import uvicorn

    hosts = allowed_hosts(host, allow_hosts)
    if workers <= 1:
        app = create_app(store_path, cors_origins=cors_origins, hosts=hosts)
        uvicorn.run(app, host=host, port=port, log_level="info", access_log=False)
        return
    create_app(store_path).state.stores.main.close()
    os.environ["DYAD_SERVE_DB"] = str(store_path)
    os.environ["DYAD_SERVE_CORS"] = " ".join(cors_origins)
    os.environ["DYAD_SERVE_HOSTS"] = " ".join(sorted(hosts))
    uvicorn.run(
        "dyad.serve.api:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=False,
    )
