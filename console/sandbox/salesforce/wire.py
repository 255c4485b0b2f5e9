"""What every Salesforce sandbox handler shares: the call context and the error bodies.

REST errors are JSON arrays: `[{"message": "...", "errorCode": "...", "fields": [...]}]`.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

NOT_FOUND = "The requested resource does not exist"
MIN_VERSION = 45
LATEST_VERSION = "64.0"


@dataclass(frozen=True, slots=True)
class Ctx:
    """One authenticated REST call: the API version in the URL and who is calling."""

    version: str
    user_id: str

    @property
    def number(self) -> float:
        return float(self.version)


Handler = Callable[..., Awaitable[Response]]


def sf_error(status: int, code: str, message: str, fields: list[str] | None = None) -> Response:
    item: dict[str, Any] = {"message": message, "errorCode": code}
    if fields is not None:
        item["fields"] = fields
    return JSONResponse([item], status_code=status)


def not_found() -> Response:
    return sf_error(404, "NOT_FOUND", NOT_FOUND)


class BadBody(Exception):
    """The request body was not the JSON object the resource needs."""


async def json_object(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        raise BadBody("The request body is empty; a JSON object is required.")
    try:
        body = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BadBody(f"Unexpected character in the JSON body: {exc.msg}") from None
    except ValueError:
        raise BadBody("The JSON body is not valid UTF-8.") from None
    if not isinstance(body, dict):
        raise BadBody("The request body must be a JSON object.")
    return body


def versions() -> list[str]:
    """Every API version the sandbox serves, oldest first (45.0 through the latest)."""
    return [f"{v}.0" for v in range(MIN_VERSION, int(float(LATEST_VERSION)) + 1)]


def release_label(version: str) -> str:
    """Spring '19 for 45.0, Summer '19 for 46.0, Winter '20 for 47.0, ..."""
    n = int(float(version)) - MIN_VERSION
    season = ("Spring", "Summer", "Winter")[n % 3]
    return f"{season} '{19 + (n + 1) // 3}"
