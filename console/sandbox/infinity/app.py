"""Infinity's Config API at its real paths: `/config/v2/...` (HTTP Basic) and `/config/v2.1/...`
(`Authorization: ApiKey <key>`).

    GET    /config/{v}/igrps                                            (assumed; see models)
    GET    /config/{v}/igrps/{igrp}/callerInsight/sfButtons             NDJSON list
    POST   /config/{v}/igrps/{igrp}/callerInsight/sfButtons             create -> 201
    GET    /config/{v}/igrps/{igrp}/callerInsight/sfButtons/callRatings NDJSON list
    GET    /config/{v}/igrps/{igrp}/callerInsight/sfButtons/{id}        one button
    POST   /config/{v}/igrps/{igrp}/callerInsight/sfButtons/{id}        update -> 204
    DELETE /config/{v}/igrps/{igrp}/callerInsight/sfButtons/{id}        delete -> 204

Lists answer one compact JSON object per line (`application/x-ndjson`, a setting) and a JSON
array with `format=jsonarray`. Behaviours VENDORS.md leaves unconfirmed are settings (below).
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from console.sandbox.common.base import VendorSandbox
from console.sandbox.common.faults import Faults
from console.sandbox.common.ratelimit import WindowLimiter
from console.sandbox.infinity import data
from console.sandbox.infinity.handlers import Handlers
from console.sandbox.infinity.listing import ApiError
from console.sandbox.infinity.render import error_response


class InfinitySettings(BaseModel):
    """Behaviours VENDORS.md marks unconfirmed, with the defaults it names (or the sandbox's
    choice where it names none)."""

    # The error body: JSON {"error": "..."} (default), plain text, or an HTML page.
    error_format: Literal["json", "text", "html"] = "json"
    # Credentials that were sent but are wrong (missing ones are always 401 "auth required").
    bad_credentials_status: Literal[401, 403] = 403
    # A create/update naming a call rating that already has a button.
    duplicate_rating_status: Literal[400, 409] = 409
    # A Caller Insight route on an installation not linked to a Salesforce org.
    unlinked_igrp_status: Literal[400, 403, 404] = 400
    list_content_type: str = "application/x-ndjson"
    # The call rating's text: the seed's sample says callRating, its field list itemText.
    rating_text_field: Literal["callRating", "itemText", "both"] = "callRating"
    # Unknown query or body parameters: refused with 400, or ignored.
    unknown_params: Literal["reject", "ignore"] = "reject"
    # Requests per minute per Hub user; 0 means no limit (none is documented).
    rate_limit_per_minute: int = 0


class Sandbox(Handlers, VendorSandbox):
    vendor = "infinity"
    settings_model = InfinitySettings
    settings: InfinitySettings

    def __init__(self, **kwargs: Any) -> None:
        self.api_keys: dict[str, str] = {}
        self.rating_ids: dict[str, dict[str, int]] = {}
        self.button_of: dict[tuple[str, str], int] = {}
        super().__init__(**kwargs)
        self.limiter = WindowLimiter(
            lambda: self.settings.rate_limit_per_minute,
            lambda: 60.0 * self.faults.rate_window_scale,
        )

    # -- data ---------------------------------------------------------------------------------

    def generate(self) -> None:
        tables = data.generate(
            self.seed,
            linked=self.count(3),
            unlinked=self.count(1),
            demo_ratings=max(len(data.DEMO_RATINGS), self.count(len(data.DEMO_RATINGS))),
        )
        for name, rows in tables.items():
            self.store.table(name).load(rows, persist=self.store.persistent)
        self.restore()

    def restore(self) -> None:
        """Rebuild the lookups: API keys, each IGRP's ratings by text, the button of a rating."""
        self.api_keys = {u["api_key"]: u["username"] for u in self.store.table("users")}
        self.rating_ids = {}
        for rating in self.store.table("ratings"):
            self.rating_ids.setdefault(rating["igrp"], {})[rating["itemText"]] = rating[
                "callRatingItemId"
            ]
        self.button_of = {
            (b["igrp"], b["callRating"]): b["sfButtonId"] for b in self.store.table("buttons")
        }

    def demo_config(self, base_url: str) -> dict[str, Any]:
        first = next(iter(self.store.table("igrps")))
        return {
            "base_url": base_url,
            "username": data.DEMO_USER,
            "password": data.DEMO_PASSWORD,
            "api_key": data.DEMO_API_KEY,
            "igrp": first["igrp"],
        }

    # -- shapes -------------------------------------------------------------------------------

    def error(self, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
        return error_response(self.settings.error_format, status, message, headers)

    def fault_response(self, status: int, kind: str, faults: Faults) -> Response:
        if status == 429:
            wait = faults.retry_after if faults.retry_after is not None else 1
            return self.error(429, "rate limit exceeded", {"Retry-After": str(math.ceil(wait))})
        text = "Service Unavailable" if status == 503 else "Internal Server Error"
        return self.error(status, text)

    def exception_handlers(self) -> dict[Any, Any]:
        async def http_error(request: Request, exc: Exception) -> Response:
            assert isinstance(exc, HTTPException)
            return self.error(exc.status_code, exc.detail or "Not Found", dict(exc.headers or {}))

        return {HTTPException: http_error}

    # -- routes -------------------------------------------------------------------------------

    def routes(self) -> list[BaseRoute]:
        base = "/config/{version}/igrps"
        buttons = base + "/{igrp}/callerInsight/sfButtons"
        return [
            Route(base, self._wrap(self.list_igrps), methods=["GET"]),
            # Before {sfButtonId}, so "callRatings" is never taken for a button id.
            Route(buttons + "/callRatings", self._wrap(self.list_ratings), methods=["GET"]),
            Route(buttons, self._wrap(self.list_buttons), methods=["GET"]),
            Route(buttons, self._wrap(self.create_button), methods=["POST"]),
            Route(buttons + "/{sfButtonId}", self._wrap(self.read_button), methods=["GET"]),
            Route(buttons + "/{sfButtonId}", self._wrap(self.update_button), methods=["POST"]),
            Route(buttons + "/{sfButtonId}", self._wrap(self.delete_button), methods=["DELETE"]),
        ]

    def _wrap(self, handler: Any) -> Any:
        async def endpoint(request: Request) -> Response:
            try:
                response: Response = await handler(request)
            except ApiError as exc:
                return self.error(exc.status, exc.message, exc.headers)
            return response

        return endpoint
