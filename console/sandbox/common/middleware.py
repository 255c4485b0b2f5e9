"""The ASGI layer every sandbox server shares: request ids, the request log, and faults.

It wraps a vendor's Starlette app. `/_sandbox/*` admin paths pass straight through.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from console.sandbox.common.faults import Faults
from console.sandbox.common.requestlog import RequestLog

FaultResponder = Callable[[int, str, Faults], Response]


class DropConnection(Exception):
    """Raised after a partial answer so the server closes the socket mid-response."""


class _QuietDrops(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, DropConnection)


logging.getLogger("uvicorn.error").addFilter(_QuietDrops())


class SandboxMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        log: RequestLog,
        faults: Faults,
        fault_response: FaultResponder,
        request_id_header: str = "x-request-id",
    ) -> None:
        self.app = app
        self.log = log
        self.faults = faults
        self.fault_response = fault_response
        self.request_id_header = request_id_header.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/_sandbox"):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        rid = str(uuid.uuid4())
        scope.setdefault("state", {})["request_id"] = rid
        body = await _read_body(receive)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        entry = self.log.add(
            scope["method"],
            scope["path"],
            scope["query_string"].decode("latin-1"),
            headers,
            body,
            rid,
        )
        replay = _replayer(body, receive)
        faults = self.faults

        delay = faults.delay()
        if delay:
            await asyncio.sleep(delay)

        async def finish(response: Response, fault: str) -> None:
            entry.fault = fault
            entry.status = response.status_code
            response.headers[self.request_id_header.decode()] = rid
            await response(scope, replay, send)
            entry.duration_ms = (time.perf_counter() - started) * 1000

        status = faults.take_error()
        if status is not None:
            await finish(self.fault_response(status, "error", faults), f"error {status}")
            return
        if faults.take_429():
            await finish(self.fault_response(429, "rate_limit", faults), "429")
            return
        drop = faults.take_drop()
        if drop and not faults.drop_after_handling:
            entry.fault = "dropped before handling"
            await _drop(send)
        malformed = faults.take_malformed()

        captured: dict[str, Any] = {"start": None, "chunks": []}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                hdrs = list(message.get("headers", []))
                hdrs.append((self.request_id_header, rid.encode()))
                message = {**message, "headers": hdrs}
                entry.status = message["status"]
                if drop or malformed:
                    captured["start"] = message
                    return
            elif message["type"] == "http.response.body" and (drop or malformed):
                captured["chunks"].append(message.get("body", b""))
                if message.get("more_body"):
                    return
                await self._finish_faulty(captured, send, drop=drop, entry_fault=entry)
                return
            await send(message)

        await self.app(scope, replay, send_wrapper)
        entry.duration_ms = (time.perf_counter() - started) * 1000

    async def _finish_faulty(
        self, captured: dict[str, Any], send: Send, *, drop: bool, entry_fault: Any
    ) -> None:
        start = captured["start"]
        payload = b"".join(captured["chunks"])
        if drop:
            entry_fault.fault = "dropped after handling"
            await _drop(send, start)
        entry_fault.fault = "malformed body"
        cut = payload[: max(1, len(payload) // 2)] if payload else b'{"'
        try:
            json.loads(cut)
            cut = cut + b"\x00{"
        except ValueError:
            pass
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(cut)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": cut, "more_body": False})


async def _drop(send: Send, start: Message | None = None) -> None:
    """Start an answer that promises a body, send half of nothing, and break the connection."""
    message = start or {"type": "http.response.start", "status": 200, "headers": []}
    headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-length"]
    headers.append((b"content-length", b"1024"))
    await send({**message, "headers": headers})
    await send({"type": "http.response.body", "body": b'{"partial":', "more_body": True})
    raise DropConnection


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    return b"".join(chunks)


def _replayer(body: bytes, upstream: Receive) -> Callable[[], Awaitable[Message]]:
    """Hand the already-read body to the app, then pass through (only a disconnect can come)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await upstream()

    return receive
