"""Zendesk Sell at its real paths: the Core API (/v2), the Firehose (/v3) and OAuth (/oauth2).

Every API request is checked in this order: Accept (406), bearer token (401), scope (403),
the per-token rate limit (429), then the handler (400/404/409/410/422 in Zendesk's errors
envelope, whose logref is the X-Request-Id).
"""

from __future__ import annotations

import inspect
import logging
import math
from collections.abc import Awaitable, Callable
from typing import Any, Literal

from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from console.sandbox.common.base import VendorSandbox
from console.sandbox.common.faults import Faults
from console.sandbox.common.ratelimit import WindowLimiter
from console.sandbox.zendesk_sell import data
from console.sandbox.zendesk_sell.crud import Crud, Writer
from console.sandbox.zendesk_sell.envelope import (
    LazyErrorResponse,
    Problem,
    ZendeskError,
    error_response,
    fail,
    request_id,
    single,
)
from console.sandbox.zendesk_sell.firehose import Firehose
from console.sandbox.zendesk_sell.nested import LINE_ITEM_SEQ, Nested
from console.sandbox.zendesk_sell.oauth import Demo, OAuth, seed_tokens
from console.sandbox.zendesk_sell.routes import api_routes
from console.sandbox.zendesk_sell.rules import Rules, utc_now

log = logging.getLogger(__name__)
Handler = Callable[[Request, int], Response | Awaitable[Response]]


class ZendeskSettings(BaseModel):
    """Behaviours VENDORS.md leaves open, with their defaults."""

    rate_limit_per_hour: int = Field(36_000, ge=1)
    rate_limit_body: Literal["json", "empty", "text"] = "json"
    upsert_multiple_matches: Literal["conflict", "update_first"] = "conflict"
    token_ttl_seconds: float = Field(3600.0, gt=0)
    firehose_retention_seconds: float = Field(72 * 3600.0, gt=0)
    firehose_empty_pages: int = Field(0, ge=0)  # the next N reads behind the top answer []


class Sandbox(VendorSandbox):
    vendor = "zendesk_sell"
    settings_model = ZendeskSettings
    settings: ZendeskSettings

    def __init__(self, **kwargs: Any) -> None:
        self._custom_fields: dict[str, dict[str, dict[str, Any]]] = {}
        super().__init__(**kwargs)
        self.limiter = WindowLimiter(
            lambda: self.settings.rate_limit_per_hour,
            lambda: 3600.0 * self.faults.rate_window_scale,
        )

    @property
    def demo(self) -> Demo:
        """The demo credentials: the seed's (a state file's own seed once it is loaded)."""
        return Demo.for_seed(self.seed)

    # -- state ------------------------------------------------------------------------------------

    def _wire(self) -> None:
        self.firehose = Firehose(
            self.store,
            retention=lambda: self.settings.firehose_retention_seconds,
            take_empty_page=self._take_empty_page,
            seed=self.seed,
        )
        account = self.store.table("account")
        rules = Rules(
            self.store,
            currency=lambda: str((account.get(1) or {}).get("currency", "USD")),
            now=utc_now,
        )
        self.writer = Writer(self.store, rules, self.firehose, utc_now)
        self.crud = Crud(
            self.store,
            self.writer,
            custom_fields=lambda kind: self._custom_fields.get(kind, {}),
            upsert_multiple=lambda: self.settings.upsert_multiple_matches,
        )
        self.nested = Nested(self.crud)
        self.oauth = OAuth(
            self.store,
            ttl=lambda: self.settings.token_ttl_seconds,
            mask_logged_body=self._mask_logged_body,
            default_user=lambda: 1,
        )

    def generate(self) -> None:
        self._wire()
        tables, last_item = data.generate(self.seed, self.count)  # the base pauses the GC
        data.seed_history(self.firehose, tables, self.seed)
        for name, rows in tables.items():
            self.store.table(name).load(rows, persist=self.store.persistent)
        self.store.set_meta(LINE_ITEM_SEQ, str(last_item))
        seed_tokens(self.store, self.demo, user_id=1)
        self._index()

    def restore(self) -> None:
        self._wire()
        self.firehose.restore()
        self._index()

    def _index(self) -> None:
        by_kind: dict[str, dict[str, dict[str, Any]]] = {}
        for field in self.store.table("custom_fields"):
            by_kind.setdefault(field["resource_type"], {})[field["name"]] = field
        self._custom_fields = by_kind

    def _take_empty_page(self) -> bool:
        if self.settings.firehose_empty_pages > 0:
            self.settings.firehose_empty_pages -= 1
            return True
        return False

    def _mask_logged_body(self, request: Request, text: str) -> None:
        rid = request_id(request)
        for entry in reversed(self.requests.entries()):
            if entry.request_id == rid:
                entry.body = text
                break

    def demo_config(self, base_url: str) -> dict[str, Any]:
        return {
            "base_url": base_url,
            "access_token": self.demo.token,
            "read_only_token": self.demo.read_only_token,
            "client_id": self.demo.client_id,
            "client_secret": self.demo.client_secret,
            "refresh_token": self.demo.refresh_token,
        }

    # -- answers ----------------------------------------------------------------------------------

    def _rate_limited(self, status: int = 429) -> Response:
        kind = self.settings.rate_limit_body
        if kind == "empty":
            return Response(b"", status_code=status)
        if kind == "text":
            return PlainTextResponse("Too Many Requests", status_code=status)
        return LazyErrorResponse(
            status,
            [
                Problem(
                    "rate_limit_exceeded",
                    "Rate limit exceeded.",
                    "Too many requests for this access token; retry after the window resets.",
                )
            ],
        )

    def fault_response(self, status: int, kind: str, faults: Faults) -> Response:
        if status == 429:
            response = self._rate_limited()
            if faults.retry_after is not None:
                response.headers["Retry-After"] = str(math.ceil(faults.retry_after))
            return response
        code = "service_unavailable" if status == 503 else "internal_server_error"
        return LazyErrorResponse(
            status,
            [Problem(code, "The server encountered a problem.", "Please retry the request later.")],
        )

    def exception_handlers(self) -> dict[Any, Any]:
        async def http_error(request: Request, exc: Exception) -> Response:
            assert isinstance(exc, HTTPException)
            if exc.status_code == 405:
                err = fail(
                    405,
                    "method_not_allowed",
                    "Method not allowed.",
                    f"{request.method} is not supported on {request.url.path}.",
                )
            else:
                err = fail(
                    exc.status_code,
                    "not_found",
                    "Resource not found.",
                    f"There is nothing at {request.url.path}.",
                )
            return error_response(request, err)

        return {HTTPException: http_error}

    # -- routing ----------------------------------------------------------------------------------

    def endpoint(self, handler: Handler, *, write: bool = False, profile: bool = False) -> Any:
        """Wrap a handler with Accept, auth, scope and rate-limit checks and error shaping."""

        async def run(request: Request) -> Response:
            try:
                accept = request.headers.get("accept", "")
                if accept and not any(t in accept for t in ("json", "*/*", "application/*")):
                    raise fail(
                        406,
                        "not_acceptable",
                        "Not acceptable.",
                        "This API only answers application/json.",
                    )
                token, record = self.oauth.authenticate(request)
                scopes = str(record.get("scopes", "")).split()
                needed = "write" if write else "read"
                if needed not in scopes and not (profile and "profile" in scopes):
                    raise fail(
                        403,
                        "insufficient_scope",
                        "Insufficient scope.",
                        f"The access token does not grant the '{needed}' scope.",
                    )
                if not self.limiter.hit(token).allowed:
                    return self._rate_limited()
                result = handler(request, int(record["user_id"]))
                return await result if inspect.isawaitable(result) else result
            except ZendeskError as exc:
                return error_response(request, exc)
            except Exception:
                log.exception("zendesk_sell sandbox: unexpected error")
                return error_response(
                    request,
                    ZendeskError(
                        500, [Problem("internal_server_error", "The server encountered a problem.")]
                    ),
                )

        return run

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/oauth2/authorize", self.oauth.authorize, methods=["GET"]),
            Route("/oauth2/token", self.oauth.token, methods=["POST"]),
            *api_routes(self),
        ]

    def stream(self, request: Request, resource: str) -> Response:
        params = dict(request.query_params)
        for name in params:
            if name not in ("position", "limit"):
                raise fail(
                    400,
                    "invalid_param",
                    "Invalid query parameter.",
                    f"unknown query parameter {name!r}",
                )
        position = params.get("position", "").strip()
        if not position:
            raise fail(
                400,
                "invalid_param",
                "Invalid query parameter.",
                "position is required: tail, top or a position from a previous answer",
            )
        try:
            limit = int(params.get("limit", "25"))
        except ValueError:
            limit = 0
        if not 1 <= limit <= 100:
            raise fail(
                400,
                "invalid_param",
                "Invalid query parameter.",
                "limit must be an integer between 1 and 100",
            )
        page = self.firehose.read(resource, position, limit)
        follow = request.url.include_query_params(position=page.position)
        return JSONResponse(
            {
                "items": page.events,
                "meta": {
                    "position": page.position,
                    "top": page.top,
                    "links": {"next": str(follow)},
                },
            }
        )

    def users_self(self, request: Request, user_id: int) -> Response:
        user = self.store.table("users").get(user_id)
        if user is None:
            raise fail(404, "not_found", "Resource not found.", "The token's user is gone.")
        return single("user", {k: v for k, v in user.items() if not k.startswith("_")})
