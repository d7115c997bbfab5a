"""Routes of the analyst's workbench: downloads of the current view, and code look-ups.

`GET /api/codes?q=` lists CAMEO event codes with their labels and the stored actor codes
with their names. `GET /api/events.csv` and `GET /api/events.parquet`:

Both take the filters of `/api/events` and return every matching event (no page limit) in
the one CSV schema of `dyad export` and `dyad events --format csv` (GDELT-like columns plus
dyad's own), or in Parquet (the event contract's shape). The CSV streams batch by batch, so
the first rows leave before the last are read; the Parquet file is written to a temporary
file first (its footer comes last) and removed once sent.
"""

# No `from __future__ import annotations`: FastAPI reads the routes' annotations as objects.
import tempfile
from collections.abc import Iterator
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from dyad.store.aggregate import EventFilter
from dyad.store.database import Store
from dyad.store.export import csv_chunks, export_events

DOWNLOAD_NAME = "dyad-events"


def _own_cursor(stores: object) -> Store:
    # A stream outlives the request's thread-local cursor: it gets a cursor of its own.
    main: Store = stores.main  # type: ignore[attr-defined]
    return Store(main.connection.cursor(), main.path, read_only=True)


def add_workbench_routes(app: FastAPI, filter_type: object, stores_type: object) -> None:
    """Add the download and look-up routes to `app`, with the API's dependencies."""
    Filter = filter_type  # noqa: N806 - annotations for FastAPI's dependency injection
    Stores = stores_type  # noqa: N806

    @app.get("/api/codes", summary="CAMEO event codes and stored actor codes, with names")
    def codes(stores: Stores, q: str | None = None) -> Response:  # type: ignore[valid-type]
        from dyad.serve.api import ok
        from dyad.store.labels import cameo_codes

        actors = stores.actors.rows(q)  # type: ignore[attr-defined]
        return ok({"events": cameo_codes(q), "actors": actors})

    @app.get("/api/facets", summary="The most frequent codes, places, factualities, documents")
    def facet_counts(where: Filter, stores: Stores) -> Response:  # type: ignore[valid-type]
        from dyad.serve.api import ok
        from dyad.store.facets import facets

        return ok(facets(stores.get(), where))  # type: ignore[attr-defined]

    @app.get("/api/rejections", summary="Inputs the store recorded as rejected, and warnings")
    def rejected(stores: Stores) -> Response:  # type: ignore[valid-type]
        from dyad.serve.api import ok
        from dyad.store.facets import rejections

        return ok(rejections(stores.get()))  # type: ignore[attr-defined]

    @app.get("/api/events.csv", summary="Every matching event as CSV (streamed)")
    def events_csv(where: Filter, stores: Stores) -> StreamingResponse:  # type: ignore[valid-type]
        store = _own_cursor(stores)

        def chunks() -> Iterator[bytes]:
            try:
                yield from csv_chunks(store, where)
            finally:
                store.close()

        headers = {"content-disposition": f'attachment; filename="{DOWNLOAD_NAME}.csv"'}
        return StreamingResponse(chunks(), media_type="text/csv; charset=utf-8", headers=headers)

    @app.get("/api/events.parquet", summary="Every matching event as Parquet")
    def events_parquet(where: Filter, stores: Stores) -> FileResponse:  # type: ignore[valid-type]
        return _parquet(_own_cursor(stores), where)


def _parquet(store: Store, where: EventFilter) -> FileResponse:
    handle, name = tempfile.mkstemp(suffix=".parquet", prefix="dyad-")
    path = Path(name)
    try:
        export_events(store, path, "parquet", where)
    finally:
        store.close()
        import os

        os.close(handle)
    return FileResponse(
        path,
        media_type="application/vnd.apache.parquet",
        filename=f"{DOWNLOAD_NAME}.parquet",
        background=BackgroundTask(path.unlink, missing_ok=True),
    )
