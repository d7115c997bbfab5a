"""Size limits on requests: the body and query string a request may have, refused unread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException

from dyad.serve.guard import refuse

# One pasted text is coded while the caller waits; longer texts belong to `dyad code`.
MAX_CODE_CHARS = 20_000
# A JSON body may spell a character as a 12-byte surrogate-pair escape; more is refused unread.
MAX_BODY_BYTES = 12 * MAX_CODE_CHARS + 1_024
# Every filter together fits easily; a longer query string is refused before it is parsed.
MAX_QUERY_BYTES = 4_096


class RequestLimits:
    """ASGI middleware refusing a body over MAX_BODY_BYTES or a query over MAX_QUERY_BYTES.

    A declared length is refused before anything is read; a body without one (chunked) is
    counted as it arrives and refused once it passes the limit.
    """

    def __init__(self, app: Callable[..., Any]) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "0")
        refusal = None
        if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
            refusal = (414, f"query string over {MAX_QUERY_BYTES:,} bytes")
        elif not declared.isdigit():
            refusal = (400, f"content-length {declared[:20]!r} is not a number")
        elif int(declared) > MAX_BODY_BYTES:
            refusal = (413, f"request body of {int(declared):,} bytes, over {MAX_BODY_BYTES:,}")
        if refusal is not None:
            await refuse(send, *refusal)
            return
        received = 0

        async def counted() -> Any:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > MAX_BODY_BYTES:  # FastAPI passes HTTPException on to the handler
                raise HTTPException(413, f"request body over {MAX_BODY_BYTES:,} bytes")
            return message

        await self.app(scope, counted, send)
