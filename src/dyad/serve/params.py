"""Query parameters the API checks itself: the event filters, unknown names and page cursors.

Each failure is a `ParamError` naming the parameter, which the app answers in the error shape.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from dyad.errors import DyadError
from dyad.store import browse
from dyad.store.aggregate import EventFilter
from dyad.store.filters import FilterError, build_filter

# A cursor holds a date, a document id of at most 200 characters, an offset and an event id.
MAX_CURSOR_CHARS = 1_024
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class ParamError(DyadError):
    """A query parameter that cannot be used; `param` names it."""

    def __init__(self, param: str, reason: str, *, status: int = 400) -> None:
        super().__init__(reason)
        self.param = param
        self.status = status


def event_filter(
    request: Request,
    actor: Annotated[
        list[str], Query(description="Actor code, prefix or name (IRQ, Taliban); repeatable.")
    ] = [],  # noqa: B006
    dyad: Annotated[list[str], Query(description="Directed SOURCE-TARGET; repeatable.")] = [],  # noqa: B006
    code: Annotated[list[str], Query(description="CAMEO code or root; repeatable.")] = [],  # noqa: B006
    quad: Annotated[list[int], Query(description="QuadClass 0-4; repeatable.")] = [],  # noqa: B006
    factuality: Annotated[list[str], Query(description="Repeatable; or all.")] = [],  # noqa: B006
    since: Annotated[list[str], Query(description="YYYY, YYYY-MM or YYYY-MM-DD.")] = [],  # noqa: B006
    until: Annotated[list[str], Query(description="Last day, inclusive.")] = [],  # noqa: B006
    place: Annotated[
        list[str], Query(description="Place, province or country (Khost, Afghanistan, AFG).")
    ] = [],  # noqa: B006
    district: Annotated[
        list[str], Query(description="District, or DISTRICT, PROVINCE (Sangin, Helmand).")
    ] = [],  # noqa: B006
    doc: Annotated[list[str], Query(description="A document id; repeatable.")] = [],  # noqa: B006
    q: Annotated[list[str], Query(description="Words the sentence contains.")] = [],  # noqa: B006
) -> EventFilter:
    """Return the EventFilter of a request's filter parameters (`filters.build_filter`)."""
    values = {
        "actor": actor,
        "dyad": dyad,
        "code": code,
        "quad": [str(value) for value in quad],
        "factuality": factuality,
        "since": since,
        "until": until,
        "place": place,
        "district": district,
        "doc": doc,
        "q": q,
    }
    try:
        return build_filter(values, request.app.state.stores.actors)
    except FilterError as exc:
        reason = f"{exc.reason} ({exc.hint})" if exc.hint else exc.reason
        raise ParamError(exc.param, reason) from exc


Filter = Annotated[EventFilter, Depends(event_filter)]


def refuse_unknown_parameters(request: Request) -> None:
    """Raise ParamError for a query parameter the route does not take (a typo is not ignored)."""
    route = request.scope.get("route")
    path = getattr(route, "path_format", None)
    if path is None:
        return
    names: dict[str, frozenset[str]] = request.app.state.query_names
    if path not in names:
        operations = request.app.openapi()["paths"].get(path, {}).values()
        names[path] = frozenset(
            p["name"] for op in operations for p in op.get("parameters", []) if p["in"] == "query"
        )
    unknown = sorted(set(request.query_params) - names[path])
    if unknown:
        takes = ", ".join(sorted(names[path])) or "no query parameters"
        raise ParamError(unknown[0], f"unknown parameter; {path} takes {takes}")


def encode_cursor(key: browse.PageKey) -> str:
    """Return the opaque cursor of a page key."""
    raw = json.dumps([key.day.isoformat(), key.doc_id, key.char_start, key.event_id])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> browse.PageKey:
    """Return the page key of a cursor from `encode_cursor`; ParamError when it is not one.

    A cursor comes back from the client, so each part is checked as the SQL will use it:
    a forged one (deep JSON, a huge or negative offset, a lone surrogate) is a 400.
    """
    refused = ParamError("cursor", "not a cursor from a previous page's `next`")
    if len(cursor) > MAX_CURSOR_CHARS:
        raise refused
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        parts = json.loads(raw.decode("utf-8"))
    except (ValueError, TypeError, RecursionError, binascii.Error) as exc:
        raise refused from exc
    if not (isinstance(parts, list) and len(parts) == 4):
        raise refused
    day, doc_id, char_start, event_id = parts
    if not (isinstance(day, str) and isinstance(doc_id, str) and isinstance(event_id, str)):
        raise refused
    if type(char_start) is not int or not 0 <= char_start < 2**31:
        raise refused
    if any(_SURROGATE.search(text) for text in (doc_id, event_id)):
        raise refused
    try:
        return browse.PageKey(date.fromisoformat(day), doc_id, char_start, event_id)
    except ValueError as exc:
        raise refused from exc
