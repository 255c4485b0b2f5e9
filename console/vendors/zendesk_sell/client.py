"""Zendesk Sell client: bearer tokens with OAuth refresh, the {"data": ...} envelopes, the
errors body, page-numbered lists without a total, Firehose positions, and the pickers.
"""

from __future__ import annotations

import asyncio
import base64
import contextvars
from collections.abc import AsyncIterator, Mapping
from typing import Any

import httpx
from pydantic import BaseModel, SecretStr

from console.catalog.endpoint import Endpoint, Kind
from console.config.credentials import ZendeskSellCredentials
from console.errors import ConfigError, RateLimitError, VendorError
from console.http.base import (
    Page,
    Reply,
    Split,
    VendorClient,
    format_path,
    safe_json,
    split_inputs,
)
from console.http.settings import ClientSettings
from console.models import Deleted, PickerOption, RawRequestInput, RawResponse
from console.vendors.zendesk_sell.models import StreamEvent, StreamPage
from console.vendors.zendesk_sell.paging import all_pages, drain

DEFAULT_PER_PAGE = 25
API_PREFIXES = ("/v2/", "/v3/", "/oauth2/")
# Which token generation the current task last sent (a refresh bumps the generation).
_sent_generation: contextvars.ContextVar[int] = contextvars.ContextVar("zs_token_gen", default=-1)


def encode_query(model: BaseModel, query: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Query values as Zendesk reads them: lists comma-joined, booleans as true/false, and
    dict filters spelled name[key]=value (or key=value for free-form `filters`)."""
    styles: dict[str, str] = {}
    for name, info in type(model).model_fields.items():
        extra = info.json_schema_extra
        if isinstance(extra, dict) and "x-query" in extra:
            styles[info.alias or name] = str(extra["x-query"])
    out: list[tuple[str, str]] = []
    for key, value in query.items():
        if value is None:
            continue
        if isinstance(value, dict):
            flat = styles.get(key) == "flat"
            out.extend((k if flat else f"{key}[{k}]", _text(v)) for k, v in value.items())
        elif isinstance(value, list):
            out.append((key, ",".join(_text(v) for v in value)))
        else:
            out.append((key, _text(value)))
    return out


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class Client(VendorClient):
    vendor = "zendesk_sell"
    credentials: ZendeskSellCredentials

    def __init__(self, http: httpx.AsyncClient, credentials: Any, settings: ClientSettings) -> None:
        super().__init__(http, credentials, settings)
        self._refresh_lock = asyncio.Lock()
        self._generation = 0

    @property
    def base_url(self) -> str:
        return self.credentials.base_url

    # -- auth -------------------------------------------------------------------------------------

    def _token(self) -> str:
        token = self.credentials.access_token
        if token is None or not token.get_secret_value():
            raise ConfigError("The Zendesk Sell profile has no access token.")
        return token.get_secret_value()

    async def auth_headers(self) -> dict[str, str]:
        _sent_generation.set(self._generation)
        return {"Authorization": f"Bearer {self._token()}"}

    def rate_limit_key(self) -> str | None:
        return self._token()

    def can_refresh(self) -> bool:
        c = self.credentials
        return bool(c.refresh_token and c.client_id and c.client_secret)

    async def refresh_auth(self) -> bool:
        """Trade the refresh token for a new access token (once, however many requests failed)."""
        if not self.can_refresh():
            return False
        async with self._refresh_lock:
            if _sent_generation.get() != self._generation:
                return True  # another request refreshed while this one was out
            creds = self.credentials
            assert creds.refresh_token is not None
            assert creds.client_secret is not None
            pair = f"{creds.client_id}:{creds.client_secret.get_secret_value()}"
            basic = base64.b64encode(pair.encode()).decode()
            try:
                reply = await self.send(
                    "POST",
                    "/oauth2/token",
                    idempotent=False,
                    auth=False,
                    form={
                        "grant_type": "refresh_token",
                        "refresh_token": creds.refresh_token.get_secret_value(),
                    },
                    headers={"Authorization": f"Basic {basic}"},
                )
            except VendorError:
                return False
            body = reply.body if isinstance(reply.body, dict) else {}
            token = body.get("access_token")
            if not isinstance(token, str) or not token:
                return False
            creds.access_token = SecretStr(token)
            if isinstance(body.get("refresh_token"), str) and body["refresh_token"]:
                creds.refresh_token = SecretStr(body["refresh_token"])
            self._generation += 1
            return True

    # -- errors -----------------------------------------------------------------------------------

    def parse_error(self, response: httpx.Response) -> VendorError:
        body = safe_json(response)
        errors = body.get("errors") if isinstance(body, dict) else None
        if isinstance(errors, list) and errors:
            found = [e.get("error", e) for e in errors if isinstance(e, dict)]
            first = found[0] if found else {}
            details = "; ".join(str(e["details"]) for e in found if e.get("details")) or None
            message = str(first.get("message") or response.reason_phrase)
            if details:
                message = f"{message.rstrip('.')}: {details}"
            if len(found) > 1:
                message += f" (+{len(found) - 1} more)"
            logref = (body.get("meta") or {}).get("logref") if isinstance(body, dict) else None
            cls = RateLimitError if response.status_code == 429 else None
            return self.make_error(
                response,
                message=message,
                code=first.get("code"),
                field=first.get("field"),
                details=details,
                body=body,
                request_id=str(logref) if logref else None,
                cls=cls,
            )
        if isinstance(body, dict) and isinstance(body.get("error"), str):  # the OAuth endpoint
            text = str(body.get("error_description") or body["error"])
            return self.make_error(response, message=text, code=body["error"], body=body)
        if response.status_code == 429:  # Zendesk's 429 body may be empty or not JSON
            return self.make_error(
                response,
                code="rate_limit_exceeded",
                body=body,
                message="Rate limit exceeded (36,000 requests per hour "
                "per token); try again shortly.",
                cls=RateLimitError,
            )
        text = body.strip()[:300] if isinstance(body, str) and body.strip() else ""
        return self.make_error(response, message=text or response.reason_phrase, body=body)

    # -- endpoints --------------------------------------------------------------------------------

    async def execute(self, ep: Endpoint, inputs: BaseModel) -> Any:
        if ep.kind is Kind.RAW:
            assert isinstance(inputs, RawRequestInput)
            return await self.raw(inputs)
        if ep.kind is Kind.OPTIONS:
            return await self._options(ep, inputs)
        if ep.kind is Kind.STREAM:
            return await self._stream(ep, inputs, str(getattr(inputs, "position", "tail")))
        parts = split_inputs(ep, inputs)
        return self.shape(ep, await self._send(ep, inputs, parts), parts)

    async def _send(self, ep: Endpoint, inputs: BaseModel, parts: Split) -> Reply:
        params = encode_query(inputs, parts.query)
        body = {"data": parts.body} if ep.method in ("POST", "PUT", "PATCH") else None
        return await self.send(
            ep.method,
            format_path(ep.path, parts.path),
            idempotent=ep.is_idempotent,
            params=params or None,
            json_body=body,
        )

    def shape(self, ep: Endpoint, reply: Reply, parts: Split) -> Any:
        if ep.kind is Kind.DELETE:
            return Deleted(id=next(iter(parts.path.values()), None))
        body = reply.body if isinstance(reply.body, dict) else {}
        assert ep.output_model is not None
        if ep.kind is not Kind.LIST:
            return ep.output_model.model_validate(body.get("data", body))
        items = [x.get("data", x) for x in body.get("items") or [] if isinstance(x, dict)]
        links = (body.get("meta") or {}).get("links") or {}
        page = int(parts.query.get("page") or 1)
        per_page = int(parts.query.get("per_page") or DEFAULT_PER_PAGE)
        more = "next_page" in links if links else len(items) >= per_page
        return Page(
            [ep.output_model.model_validate(x) for x in items],
            next=page + 1 if ep.paginated and items and more else None,
            meta={"links": links, "page": page},
        )

    def pages(self, ep: Endpoint, inputs: BaseModel) -> AsyncIterator[Page]:
        if ep.kind is Kind.STREAM:
            start = str(getattr(inputs, "position", "tail"))
            return drain(lambda position: self._stream_page(ep, inputs, position), start)
        if not ep.paginated:
            raise ConfigError(f"{ep.id} is not a paginated endpoint")
        parts = split_inputs(ep, inputs)

        async def fetch(number: int) -> Page:
            split = Split(parts.path, {**parts.query, "page": number}, parts.body)
            page = self.shape(ep, await self._send(ep, inputs, split), split)
            assert isinstance(page, Page)
            return page

        first = int(parts.query.get("page") or 1)
        per_page = int(parts.query.get("per_page") or DEFAULT_PER_PAGE)
        return all_pages(fetch, first, per_page, self.settings.page_concurrency)

    # -- the Firehose -----------------------------------------------------------------------------

    async def _stream(self, ep: Endpoint, inputs: BaseModel, position: str) -> StreamPage:
        resource = ep.options.get("resource") or getattr(inputs, "resource", None)
        reply = await self.send(
            "GET",
            f"/v3/{resource}/stream",
            idempotent=True,
            params={"position": position, "limit": getattr(inputs, "limit", 25)},
        )
        body = reply.body if isinstance(reply.body, dict) else {}
        meta = body.get("meta") or {}
        return StreamPage(
            items=[StreamEvent.model_validate(x) for x in body.get("items") or []],
            position=str(meta.get("position") or position),
            top=bool(meta.get("top")),
            next=(meta.get("links") or {}).get("next"),
        )

    async def _stream_page(self, ep: Endpoint, inputs: BaseModel, position: str) -> Page:
        got = await self._stream(ep, inputs, position)
        return Page(got.items, next=got.position, meta={"top": got.top, "position": got.position})

    # -- pickers ----------------------------------------------------------------------------------

    async def _collect(self, path: str, params: dict[str, Any] | None = None) -> list[Any]:
        rows: list[Any] = []
        page = 1
        while True:
            query = {**(params or {}), "page": page, "per_page": 100}
            reply = await self.send("GET", path, idempotent=True, params=query)
            body = reply.body if isinstance(reply.body, dict) else {}
            items = [x.get("data", x) for x in body.get("items") or []]
            rows.extend(items)
            links = (body.get("meta") or {}).get("links") or {}
            if len(items) < 100 or (links and "next_page" not in links):
                return rows
            page += 1

    async def _options(self, ep: Endpoint, inputs: BaseModel) -> list[PickerOption]:
        if ep.action == "selectAccount":
            reply = await self.send("GET", ep.path, idempotent=True)
            acct = (reply.body or {}).get("data") or {}
            return [
                PickerOption(
                    label=str(acct.get("name") or acct.get("id")), value=str(acct.get("id"))
                )
            ]
        if ep.action == "selectStages":
            pipeline = getattr(inputs, "pipeline_id", None)
            names = {p["id"]: p["name"] for p in await self._collect("/v2/pipelines")}
            stages = await self._collect(ep.path, {"pipeline_id": pipeline} if pipeline else None)
            stages.sort(key=lambda s: (s.get("pipeline_id") or 0, s.get("position") or 0))
            return [
                PickerOption(
                    label=f"{names.get(s.get('pipeline_id'), '?')}: {s['name']}", value=str(s["id"])
                )
                for s in stages
            ]
        rows = await self._collect(ep.path)
        if ep.action == "selectProducts":
            return [
                PickerOption(
                    label=f"{r['name']} ({r['sku']})" if r.get("sku") else r["name"],
                    value=str(r["id"]),
                )
                for r in rows
            ]
        return [
            PickerOption(
                label=r["name"] + (" (disabled)" if r.get("disabled") else ""), value=str(r["id"])
            )
            for r in rows
        ]

    # -- raw --------------------------------------------------------------------------------------

    async def raw(self, inputs: RawRequestInput) -> RawResponse:
        """As the base, but a bare path such as /tasks means the Core API's /v2/tasks."""
        url = inputs.url
        if not url.startswith(("http://", "https://")):
            url = "/" + url.lstrip("/")
            if not url.startswith(API_PREFIXES):
                url = "/v2" + url
        return await super().raw(inputs.model_copy(update={"url": url}))
