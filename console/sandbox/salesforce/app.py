"""Salesforce at its real paths: `/services/data/vNN.N/...` REST, `/services/oauth2/...` OAuth.

Every REST call is checked in one place (`_rest`): the version in the URL (45.0 to 64.0), the
bearer session (401 INVALID_SESSION_ID), the org's daily API limit (403
REQUEST_LIMIT_EXCEEDED), then routed; each answer carries `Sforce-Limit-Info`. The admin
paths under `/_sandbox/` add device-flow approval, session expiry and the API counter.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from console.sandbox.common.base import VendorSandbox
from console.sandbox.common.faults import Faults
from console.sandbox.salesforce import data
from console.sandbox.salesforce.actions import ActionsApi
from console.sandbox.salesforce.comms import CommsApi
from console.sandbox.salesforce.oauth import (
    ACCESS_TOKEN,
    CLIENT_ID,
    CLIENT_SECRET,
    REFRESH_TOKEN,
    OAuthServer,
    api_user,
    seed_tokens,
)
from console.sandbox.salesforce.org import Org
from console.sandbox.salesforce.query import QueryApi
from console.sandbox.salesforce.rest import RestApi, version_list
from console.sandbox.salesforce.settings import SalesforceSettings
from console.sandbox.salesforce.wire import (
    LATEST_VERSION,
    Ctx,
    Handler,
    not_found,
    sf_error,
    versions,
)

_VERSION = re.compile(r"^v(\d+\.\d)$")
_SECRET_FORM_FIELDS = frozenset(
    {"refresh_token", "client_secret", "code", "device_code", "assertion", "token", "password"}
)


Endpoint = Callable[[Request], Awaitable[Response]]


def _mask_form(body: str) -> str:
    pairs = parse_qsl(body, keep_blank_values=True)
    return urlencode([(k, "***" if k in _SECRET_FORM_FIELDS and v else v) for k, v in pairs])


class Sandbox(VendorSandbox):
    vendor = "salesforce"
    settings_model = SalesforceSettings
    settings: SalesforceSettings

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.org = Org(self.store)
        live = self._settings
        self.oauth = OAuthServer(self.store, live, api_user(self.store))
        self.queries = QueryApi(self.org)
        self.rest = RestApi(self.org, self.usage)
        self.actions = ActionsApi(self.org, live)
        self.comms = CommsApi(self.org, live)
        self.table = self._route_table()

    def _settings(self) -> SalesforceSettings:
        return self.settings

    def generate(self) -> None:
        tables, counters = data.generate(self.seed, self.count)  # the base pauses the GC
        for name, rows in tables.items():
            self.store.table(name).load(rows, persist=self.store.persistent)
        for prefix, n in counters.items():
            self.store.set_meta(f"idseq:{prefix}", str(n))
        seed_tokens(self.store, api_user(self.store))

    def restore(self) -> None:
        """Indexes are rebuilt by Org() from the loaded tables."""

    def demo_config(self, base_url: str) -> dict[str, Any]:
        return {
            "base_url": base_url,
            "instance_url": base_url,
            "login_url": base_url,
            "access_token": ACCESS_TOKEN,
            "refresh_token": REFRESH_TOKEN,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "api_version": LATEST_VERSION,
        }

    # -- the API counter ---------------------------------------------------------------------

    def usage(self) -> tuple[int, int]:
        return int(self.store.meta("api_usage", "0")), self.settings.api_limit_max

    def _limit_info(self) -> str:
        used, most = self.usage()
        text = f"api-usage={used}/{most}"
        if self.settings.api_bursts:
            text += f"; api-bursts={min(used, 100)}/100"
        return text

    # -- plumbing ----------------------------------------------------------------------------

    def fault_response(self, status: int, kind: str, faults: Faults) -> Response:
        if status == 429:
            response = sf_error(
                429, "REQUEST_LIMIT_EXCEEDED", "Too many requests in a short time. Try again later."
            )
            if faults.retry_after is not None:
                response.headers["Retry-After"] = str(int(faults.retry_after))
            return response
        if status == 503:
            return sf_error(503, "SERVER_UNAVAILABLE", "Server temporarily unavailable.")
        return sf_error(
            status,
            "UNKNOWN_EXCEPTION",
            "An unexpected error occurred. Please "
            "include this ErrorId if you contact support: 1870413462-4411 "
            "(-1273741427)",
        )

    def exception_handlers(self) -> dict[Any, Any]:
        async def http_error(request: Request, exc: Exception) -> Response:
            assert isinstance(exc, HTTPException)
            if exc.status_code == 405:
                return sf_error(
                    405, "METHOD_NOT_ALLOWED", f"HTTP Method '{request.method}' not allowed."
                )
            return sf_error(exc.status_code, "NOT_FOUND", "The requested resource does not exist")

        return {HTTPException: http_error}

    def routes(self) -> list[BaseRoute]:
        o = self.oauth
        return [
            Route("/services/data", version_list, methods=["GET"]),
            Route("/services/data/", version_list, methods=["GET"]),
            Route(
                "/services/data/{rest:path}",
                self._rest,
                methods=["GET", "HEAD", "POST", "PATCH", "PUT", "DELETE"],
            ),
            Route("/services/oauth2/token", self._scrubbed(o.token), methods=["POST"]),
            Route("/services/oauth2/revoke", self._scrubbed(o.revoke), methods=["GET", "POST"]),
            Route("/services/oauth2/userinfo", o.userinfo, methods=["GET"]),
            Route("/setup/connect", o.connect_page, methods=["GET", "POST"]),
            Route("/_sandbox/device/{decision}", self._device, methods=["POST"]),
            Route("/_sandbox/sessions/expire", self._expire, methods=["POST"]),
            Route("/_sandbox/api-usage", self._api_usage, methods=["GET", "DELETE"]),
        ]

    def _route_table(self) -> list[tuple[re.Pattern[str], dict[str, Handler]]]:
        q, r, a, c = self.queries, self.rest, self.actions, self.comms

        async def query_all(ctx: Ctx, request: Request) -> Response:
            return await q.query(ctx, request, "queryAll")

        async def more(ctx: Ctx, request: Request, locator: str) -> Response:
            return await q.more(ctx, request, locator, "query")

        async def more_all(ctx: Ctx, request: Request, locator: str) -> Response:
            return await q.more(ctx, request, locator, "queryAll")

        table: list[tuple[str, dict[str, Handler]]] = [
            (r"", {"GET": r.resources}),
            (r"limits", {"GET": r.limits}),
            (r"query", {"GET": q.query}),
            (r"queryAll", {"GET": query_all}),
            (r"query/(?P<locator>[^/]+)", {"GET": more}),
            (r"queryAll/(?P<locator>[^/]+)", {"GET": more_all}),
            (r"sobjects", {"GET": r.global_describe}),
            (r"sobjects/(?P<sobject>\w+)", {"GET": r.object_info}),
            (r"sobjects/(?P<sobject>\w+)/describe", {"GET": r.describe}),
            (r"sobjects/(?P<sobject>\w+)/(?P<record_id>[^/]+)", {"GET": r.record}),
            (r"actions", {"GET": r.actions_root}),
            (r"actions/standard", {"GET": a.listing}),
            (r"actions/standard/(?P<name>\w+)", {"GET": a.describe, "POST": a.invoke}),
            (
                r"connect/comms-sales/recipient-group/(?P<group_id>[^/]+)/recipients",
                {"PATCH": c.recipients},
            ),
            (r"connect/comms-sales/quote-line-item/(?P<line_id>[^/]+)", {"PATCH": c.split}),
        ]
        return [(re.compile(f"^{pattern}$"), handlers) for pattern, handlers in table]

    async def _rest(self, request: Request) -> Response:
        version_part, _, sub = request.path_params["rest"].partition("/")
        match = _VERSION.match(version_part)
        if not match or match[1] not in versions():
            return not_found()
        user_id = self.oauth.session_user(request.headers.get("authorization", ""))
        if user_id is None:
            response = sf_error(401, "INVALID_SESSION_ID", "Session expired or invalid")
        else:
            response = await self._dispatch(Ctx(match[1], user_id), request, sub.rstrip("/"))
        response.headers["Sforce-Limit-Info"] = self._limit_info()
        return response

    async def _dispatch(self, ctx: Ctx, request: Request, sub: str) -> Response:
        used, most = self.usage()
        if used >= most:
            return sf_error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")
        self.store.set_meta("api_usage", str(used + 1))
        method = "GET" if request.method == "HEAD" else request.method
        for pattern, handlers in self.table:
            found = pattern.match(sub)
            if found is None:
                continue
            handler = handlers.get(method)
            if handler is None:
                allowed = ",".join(handlers)
                return sf_error(
                    405,
                    "METHOD_NOT_ALLOWED",
                    f"HTTP Method '{request.method}' not allowed. Allowed are {allowed}",
                )
            return await handler(ctx, request, **found.groupdict())
        return not_found()

    def _scrubbed(self, handler: Endpoint) -> Endpoint:
        """OAuth forms carry refresh tokens, secrets and codes: mask them in the request log."""

        async def wrapped(request: Request) -> Response:
            try:
                return await handler(request)
            finally:
                rid = request.scope.get("state", {}).get("request_id")
                for entry in reversed(self.requests.entries()):
                    if entry.request_id == rid:
                        entry.body = _mask_form(entry.body)
                        break

        return wrapped

    # -- admin -------------------------------------------------------------------------------

    async def _device(self, request: Request) -> Response:
        decision = request.path_params["decision"]
        if decision not in ("approve", "deny"):
            return JSONResponse({"error": "use approve or deny"}, status_code=404)
        body = await request.json() if (await request.body()).strip() else {}
        changed = self.oauth.decide(body.get("user_code"), decision == "approve")
        return JSONResponse({"changed": changed})

    async def _expire(self, request: Request) -> Response:
        body = await request.json() if (await request.body()).strip() else {}
        return JSONResponse({"expired": self.oauth.expire_sessions(body.get("token"))})

    async def _api_usage(self, request: Request) -> Response:
        if request.method == "DELETE":
            self.store.set_meta("api_usage", "0")
        used, most = self.usage()
        return JSONResponse({"used": used, "max": most})
