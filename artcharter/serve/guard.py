"""An ASGI middleware that stands in front of every request of the desk.

- Host header: a loopback desk answers only to loopback names, so that a web page the jury
  visits cannot reach it through DNS rebinding.
- Cross-site writes: a POST or DELETE sent by another site's page is refused (curl and
  scripts send no Origin, and the desk's own page sends its own).
- Body size: a request announcing more than the limit is refused before it is read, and one
  that sends more than it announced (or uses chunked encoding) is cut off at the limit.
- Bytes in flight: all request bodies together hold at most ``max_inflight`` bytes; a
  request waits for room (its announced length) before a byte of its body is read (the
  sender waits on TCP), so that many concurrent uploads queue instead of growing the
  server's memory. A waiting request holds nothing, so the queue cannot deadlock.
- Slow bodies: after ``body_grace`` seconds a body must have come at ``min_body_rate``
  bytes per second on average, or it is cut off with a 408 (a sender trickling a byte
  every few seconds would otherwise hold its room for ever).
- Browser session: a random, HttpOnly, SameSite=Strict cookie names the browser; uploads
  are held for the session that dropped them only (``request.state.session``).
- Security headers on every response; a page may set its own Content-Security-Policy.
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

from artcharter.base.numbers import fmt_size
from artcharter.serve.texts import pick_lang, text
from artcharter.serve.uploads import Rejected

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
DEFAULT_CSP = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def request_lang(scope: Scope, headers: dict[str, str], default: str) -> str:
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    cookie = None
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == "lang":
            cookie = value
    return pick_lang(
        (query.get("lang") or [None])[0], cookie, headers.get("accept-language"), default
    )


def cross_site(headers: dict[str, str]) -> bool:
    """True when the browser says the request comes from another site's page."""
    if headers.get("sec-fetch-site") == "cross-site":
        return True
    origin = headers.get("origin")
    if origin is None:
        return False
    if origin == "null":  # sandboxed frames, file:// pages
        return True
    return urlsplit(origin).netloc.lower() != headers.get("host", "").lower()


SESSION_COOKIE = "desk_session"
_SESSION = re.compile(r"[A-Za-z0-9_-]{22,64}")


def session_cookie(headers: dict[str, str]) -> str | None:
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == SESSION_COOKIE and _SESSION.fullmatch(value):
            return value
    return None


class ByteBudget:
    """At most ``limit`` bytes reserved at once; a reservation waits for room (one larger
    than the limit waits until it is alone)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self._room = asyncio.Condition()

    async def reserve(self, size: int, timeout: float) -> None:
        async with self._room:
            await asyncio.wait_for(
                self._room.wait_for(lambda: self.used == 0 or self.used + size <= self.limit),
                timeout,
            )
            self.used += size

    async def release(self, size: int) -> None:
        async with self._room:
            self.used -= size
            self._room.notify_all()


class DeskGuard:
    def __init__(
        self,
        app: ASGIApp,
        *,
        allowed_hosts: tuple[str, ...],
        max_body: int,
        lang: str,
        max_inflight: int | None = None,
        body_grace: float = 10.0,
        min_body_rate: int = 16 * 1024,
        admission_wait: float = 300.0,
    ) -> None:
        self.app = app
        self.allowed_hosts = {h.lower() for h in allowed_hosts}
        self.max_body = max_body
        self.lang = lang
        self.body_grace = body_grace
        self.min_body_rate = min_body_rate
        self.admission_wait = admission_wait
        self._budget: ByteBudget | None = None
        self._max_inflight = max_inflight or max_body

    def budget(self) -> ByteBudget:
        if self._budget is None:  # made in the server's event loop
            self._budget = ByteBudget(self._max_inflight)
        return self._budget

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        lang = request_lang(scope, headers, self.lang)
        session = session_cookie(headers)
        new_session = session is None
        session = session or secrets.token_urlsafe(24)
        # Handlers read them as request.state.lang and request.state.session.
        scope.setdefault("state", {}).update(lang=lang, session=session)
        host = headers.get("host", "").lower()
        if self.allowed_hosts and host not in self.allowed_hosts:
            allowed = ", ".join(sorted(h for h in self.allowed_hosts if not _has_port(h)))
            await _refuse(send, 400, text("err_bad_host", lang, host=host or "?", allowed=allowed))
            return
        if scope["method"] in UNSAFE_METHODS and cross_site(headers):
            await _refuse(send, 403, text("err_cross_origin", lang))
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            await _refuse(
                send, 413, text("err_request_too_large", lang, limit=fmt_size(self.max_body, lang))
            )
            return
        cookie = _cookie(session) if new_session else None
        if scope["method"] not in UNSAFE_METHODS:
            await self.app(scope, receive, self._with_headers(send, cookie))
            return
        # A body is read only with room reserved for it: the announced length, or the
        # request limit when the sender does not say (chunked).
        size = int(length) if length.isdigit() else self.max_body
        budget = self.budget()
        try:
            await budget.reserve(size, self.admission_wait)
        except TimeoutError:
            await _refuse(send, 503, text("err_busy", lang))
            return
        try:
            await self.app(scope, self._counting(receive), self._with_headers(send, cookie))
        finally:
            await budget.release(size)

    def _counting(self, receive: Receive) -> Receive:
        seen = 0
        start = time.monotonic()

        async def counted() -> Message:
            nonlocal seen
            # The moment the body falls under the minimum average rate, if nothing comes.
            due = start + self.body_grace + seen / self.min_body_rate
            try:
                message = await asyncio.wait_for(receive(), max(0.0, due - time.monotonic()))
            except TimeoutError:
                # A body trickled a byte at a time: the route answers 408.
                raise Rejected(408, "err_body_timeout", rate=self.min_body_rate) from None
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    # Raised inside the handler's read of the body; the upload route turns
                    # it into a 413 like any other refusal.
                    raise Rejected(413, "err_request_too_large", limit=self.max_body)
            return message

        return counted

    @staticmethod
    def _with_headers(send: Send, cookie: bytes | None = None) -> Send:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                if cookie is not None:
                    headers.append((b"set-cookie", cookie))
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", DEFAULT_CSP.encode()))
                message["headers"] = headers
            await send(message)

        return sending


def _cookie(session: str) -> bytes:
    return f"{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Strict".encode()


def _has_port(host: str) -> bool:
    return host.rsplit("]", 1)[-1].count(":") == 1


async def _refuse(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
