"""Totango at its real paths: run-manual-successplay (v2) and account search (v1)."""

from __future__ import annotations

import json
import math
from typing import Any

from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from console.sandbox.common.base import VendorSandbox
from console.sandbox.common.fakedata import now_iso
from console.sandbox.common.faults import Faults
from console.sandbox.common.ratelimit import Verdict, WindowLimiter
from console.sandbox.totango import data
from console.sandbox.totango.search import search_accounts

ROLE_ERROR = "User is not authorized with role: SERVICE_ADMIN"


class TotangoSettings(BaseModel):
    """Behaviours VENDORS.md marks unconfirmed, with its defaults."""

    validation_status: int = 400
    role_status: int = 403
    not_found_status: int = 404
    not_manual_status: int = 400
    rate_limit_per_minute: int = 100


class Sandbox(VendorSandbox):
    vendor = "totango"
    settings_model = TotangoSettings
    settings: TotangoSettings

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.limiter = WindowLimiter(
            lambda: self.settings.rate_limit_per_minute,
            lambda: 60.0 * self.faults.rate_window_scale,
        )

    def generate(self) -> None:
        tables = data.generate(self.seed, self.count(300))
        for name, rows in tables.items():
            self.store.table(name).load(rows, persist=self.store.persistent)

    def demo_config(self, base_url: str) -> dict[str, Any]:
        play = next(p for p in self.store.table("successplays") if p["manual"] and p["active"])
        return {
            "base_url": base_url,
            "app_token": data.ADMIN_TOKEN,
            "successplay_id": play["id"],
            "successplays": {
                p["name"]: p["id"] for p in self.store.table("successplays") if p["manual"]
            },
        }

    # -- plumbing -----------------------------------------------------------------------------

    def _text(self, status: int, text: str, verdict: Verdict | None = None) -> Response:
        response = PlainTextResponse(text, status_code=status)
        if verdict is not None:
            _limit_headers(response, verdict)
        return response

    def fault_response(self, status: int, kind: str, faults: Faults) -> Response:
        if status == 429:
            response = PlainTextResponse("Too many requests", status_code=429)
            wait = faults.retry_after if faults.retry_after is not None else 1
            response.headers["Retry-After"] = str(math.ceil(wait))
            response.headers["RateLimit-Limit"] = str(self.settings.rate_limit_per_minute)
            response.headers["RateLimit-Remaining"] = "0"
            response.headers["RateLimit-Reset"] = str(math.ceil(wait))
            return response
        text = "Service Unavailable" if status == 503 else "Internal Server Error"
        return PlainTextResponse(text, status_code=status)

    def exception_handlers(self) -> dict[Any, Any]:
        async def http_error(request: Request, exc: Exception) -> Response:
            assert isinstance(exc, HTTPException)
            return PlainTextResponse(exc.detail or "Not Found", status_code=exc.status_code)

        return {HTTPException: http_error}

    def _admit(self, request: Request) -> tuple[dict[str, Any] | None, Response | Verdict]:
        """Authenticate and count the call against its token's limit."""
        token = request.headers.get("app-token", "")
        user = self.store.table("tokens").get(token) if token else None
        if user is None:
            return None, self._text(401, "Unauthorized: missing or invalid app-token")
        verdict = self.limiter.hit(token)
        if not verdict.allowed:
            response = self._text(429, "Too many requests", verdict)
            response.headers["Retry-After"] = str(math.ceil(verdict.reset))
            return None, response
        return user, verdict

    # -- routes -------------------------------------------------------------------------------

    def routes(self) -> list[BaseRoute]:
        return [
            Route(
                "/api/v2/automations/run-manual-successplay", self.run_successplay, methods=["POST"]
            ),
            Route("/api/v1/search/accounts", self.search, methods=["POST"]),
        ]

    async def run_successplay(self, request: Request) -> Response:
        user, admitted = self._admit(request)
        if user is None:
            assert isinstance(admitted, Response)
            return admitted
        assert isinstance(admitted, Verdict)
        s = self.settings
        if not user["admin"]:
            return self._text(s.role_status, ROLE_ERROR, admitted)
        body = await _json_or_form(request)
        if body is None:
            return self._text(s.validation_status, "Request body must be JSON", admitted)
        play_id, account_id = body.get("successplayId"), body.get("accountId")
        if not play_id or not isinstance(play_id, str):
            return self._text(s.validation_status, "successplayId is required", admitted)
        if not account_id or not isinstance(account_id, str):
            return self._text(s.validation_status, "accountId is required", admitted)
        play = self.store.table("successplays").get(play_id)
        if play is None or not play["active"]:
            return self._text(s.not_found_status, "SuccessPlay not found", admitted)
        if not play["manual"]:
            return self._text(
                s.not_manual_status, "SuccessPlay is not configured as manual", admitted
            )
        if self.store.table("accounts").get(account_id) is None:
            return self._text(s.not_found_status, "Account not found", admitted)
        runs = self.store.table("runs")
        run_id = runs.next_id()
        runs.put(
            run_id,
            {
                "id": run_id,
                "successplayId": play_id,
                "accountId": account_id,
                "user": user["user"],
                "time": now_iso(),
            },
        )
        return self._text(200, "Success", admitted)

    async def search(self, request: Request) -> Response:
        user, admitted = self._admit(request)
        if user is None:
            assert isinstance(admitted, Response)
            return admitted
        assert isinstance(admitted, Verdict)
        form = await request.form()
        raw = form.get("query")
        if not isinstance(raw, str):
            return self._text(400, "Missing form field: query", admitted)
        try:
            query = json.loads(raw)
        except ValueError:
            return self._text(400, "query is not valid JSON", admitted)
        try:
            result = search_accounts(self.store.table("accounts").values(), query)
        except ValueError as exc:
            return self._text(400, str(exc), admitted)
        response = JSONResponse({"response": {"accounts": result}})
        _limit_headers(response, admitted)
        return response


def _limit_headers(response: Response, verdict: Verdict) -> None:
    response.headers["RateLimit-Limit"] = str(verdict.limit)
    response.headers["RateLimit-Remaining"] = str(verdict.remaining)
    response.headers["RateLimit-Reset"] = str(math.ceil(verdict.reset))


async def _json_or_form(request: Request) -> dict[str, Any] | None:
    ctype = request.headers.get("content-type", "")
    if "form" in ctype:
        return {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    try:
        body = await request.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None
