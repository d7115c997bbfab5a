"""The answer cache: earlier answers to the same `GET /api/...` URL, replayed."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

MAX_CACHED_RESPONSES = 512
MAX_CACHED_BYTES = 1_000_000
# All cached answers together; the least recently used go first.
MAX_CACHE_TOTAL_BYTES = 64_000_000


class ResponseCache:
    """ASGI middleware replaying earlier answers to the same `GET /api/...` URL.

    The store is open read-only for the server's whole life and DuckDB locks the file
    against writers meanwhile, so an answer never goes stale. Only successes are kept, up
    to MAX_CACHED_RESPONSES of at most MAX_CACHED_BYTES each and MAX_CACHE_TOTAL_BYTES in
    all (least recently used dropped).
    """

    def __init__(self, app: Callable[..., Any]) -> None:
        self.app = app
        self.entries: OrderedDict[bytes, tuple[list[Any], bytes]] = OrderedDict()
        self.size = 0  # bytes of every cached body and key

    def _keep(self, key: bytes, headers: list[Any], body: bytes) -> None:
        """Cache one answer, dropping the least recently used past either limit."""
        if key in self.entries:
            return
        self.entries[key] = (headers, body)
        self.size += len(key) + len(body)
        while len(self.entries) > MAX_CACHED_RESPONSES or self.size > MAX_CACHE_TOTAL_BYTES:
            old_key, (_headers, old_body) = self.entries.popitem(last=False)
            self.size -= len(old_key) + len(old_body)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] != "GET" or not path.startswith("/api/"):
            await self.app(scope, receive, send)
            return
        key = path.encode() + b"?" + scope.get("query_string", b"")
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            headers, body = hit
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    body = b"".join(chunks)
                    if len(body) <= MAX_CACHED_BYTES:
                        self._keep(key, list(start.get("headers", [])), body)
            await send(message)

        await self.app(scope, receive, keep)
