"""Zendesk Sell's JSON envelopes: single records, collections and the errors body.

single      {"data": {...}, "meta": {"type": "contact"}}
collection  {"items": [{"data": {...}, "meta": {"type": "contact", "version": 3}}],
             "meta": {"type": "collection", "count": 1, "links": {...}}}
errors      {"errors": [{"error": {"code", "message", "details", "resource"?, "field"?},
                         "meta": {"type": "error"}}],
             "meta": {"type": "errors", "http_status": "422 Unprocessable Entity",
                      "logref": "<X-Request-Id>"}}
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

MORE_INFO = "https://developer.zendesk.com/api-reference/sales-crm/errors/"


@dataclass(frozen=True, slots=True)
class Problem:
    """One entry of the errors array."""

    code: str
    message: str
    details: str = ""
    field: str | None = None  # a JSON pointer such as /data/last_name
    resource: str | None = None

    def to_json(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details:
            error["details"] = self.details
        if self.resource:
            error["resource"] = self.resource
        if self.field:
            error["field"] = self.field
        return {"error": error, "meta": {"type": "error", "links": {"more_info": MORE_INFO}}}


@dataclass(slots=True)
class ZendeskError(Exception):
    """Raised by handlers; turned into the errors envelope with the request's logref."""

    status: int
    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(f"{p.code}: {p.message}" for p in self.problems) or str(self.status)


def fail(status: int, code: str, message: str, details: str = "", **kw: Any) -> ZendeskError:
    return ZendeskError(status, [Problem(code, message, details, **kw)])


def status_line(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def errors_body(status: int, problems: list[Problem], logref: str) -> dict[str, Any]:
    return {
        "errors": [p.to_json() for p in problems],
        "meta": {"type": "errors", "http_status": status_line(status), "logref": logref},
    }


def request_id(request: Request) -> str:
    return str(request.scope.get("state", {}).get("request_id", ""))


def error_response(request: Request, exc: ZendeskError) -> Response:
    return JSONResponse(errors_body(exc.status, exc.problems, request_id(request)), exc.status)


class LazyErrorResponse(Response):
    """An errors envelope whose logref is filled in when it is sent.

    Injected faults are answered before any handler runs, so the request id is only known
    from the ASGI scope at send time.
    """

    media_type = "application/json"

    def __init__(self, status: int, problems: list[Problem]) -> None:
        super().__init__(b"", status_code=status)
        self.problems = problems

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        rid = str(scope.get("state", {}).get("request_id") or self.headers.get("x-request-id", ""))
        self.body = json.dumps(errors_body(self.status_code, self.problems, rid)).encode()
        self.headers["content-length"] = str(len(self.body))
        await super().__call__(scope, receive, send)


def single(kind: str, data: dict[str, Any], status: int = 200) -> Response:
    return JSONResponse({"data": data, "meta": {"type": kind}}, status)


def collection(
    kind: str, rows: list[tuple[dict[str, Any], int | None]], links: dict[str, str] | None = None
) -> Response:
    items = []
    for data, version in rows:
        meta: dict[str, Any] = {"type": kind}
        if version is not None:
            meta["version"] = version
        items.append({"data": data, "meta": meta})
    meta_out: dict[str, Any] = {"type": "collection", "count": len(items)}
    if links is not None:
        meta_out["links"] = links
    return JSONResponse({"items": items, "meta": meta_out})
