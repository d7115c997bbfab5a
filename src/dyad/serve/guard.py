"""What keeps a web page elsewhere from using `dyad serve`: the Host rule and browser headers.

DNS rebinding lets a page on another site point its own host name at 127.0.0.1 and call
the API as same-origin; the browser then sends that host name in `Host`. `HostGuard`
answers only requests whose `Host` is one of the names the server is bound to (loopback
names for a loopback address) or that `dyad serve --allow-host NAME` adds, and refuses
any other with 400 in the error shape. `SecurityHeaders` adds, to every answer, a Content
Security Policy (scripts, style sheets and data from this server only, inline style
attributes for the dashboard's colour swatches; no framing), no MIME sniffing, and no
Referer to other sites.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterable
from typing import Any

from starlette.datastructures import Headers

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_ADDRESSES = frozenset({"0.0.0.0", "::", ""})
SECURITY_HEADERS = (
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; "
        b"style-src-attr 'unsafe-inline'; img-src 'self' data:; "
        b"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        b"frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def allowed_hosts(bound: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """Return the host names a server bound to `bound` answers to, plus `extra`.

    A loopback address answers to the loopback names; a named interface to its name; a
    wildcard address (0.0.0.0, ::) also to this machine's host names. "*" in `extra`
    allows any host (for a server behind a proxy that checks it).
    """
    names = set(LOOPBACK_NAMES)
    host = bound.strip("[]").lower()
    if host in WILDCARD_ADDRESSES:
        names.update({socket.gethostname().lower(), socket.getfqdn().lower()})
    else:
        names.add(host)
    names.update(name.strip().strip("[]").lower() for name in extra if name.strip())
    return frozenset(names)


def host_name(header: str) -> str:
    """Return the host of a `Host` header, without its port: "[::1]:8000" -> "::1"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostGuard:
    """ASGI middleware answering only requests whose `Host` is an allowed name."""

    def __init__(self, app: Callable[..., Any], hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket") or "*" in self.hosts:
            await self.app(scope, receive, send)
            return
        header = Headers(scope=scope).get("host", "")
        if host_name(header) in self.hosts:
            await self.app(scope, receive, send)
            return
        allowed = ", ".join(sorted(self.hosts))
        reason = (
            f"host {header[:100]!r} is not served here (allowed: {allowed}); "
            "add one with dyad serve --allow-host NAME"
        )
        await refuse(send, 400, reason)


async def refuse(send: Any, status: int, reason: str) -> None:
    """Send an error answer in the API's one error shape, before any route runs."""
    body = {"ok": False, "error": reason, "errors": [{"param": None, "reason": reason}]}
    data = json.dumps(body | {"status": status}).encode()
    headers = [(b"content-type", b"application/json"), *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


class SecurityHeaders:
    """ASGI middleware adding `SECURITY_HEADERS` to every HTTP answer."""

    def __init__(self, app: Callable[..., Any]) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        async def with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {SECURITY_HEADERS[i][0] for i in range(len(SECURITY_HEADERS))}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = message | {"headers": [*kept, *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)
