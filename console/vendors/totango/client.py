"""Totango client: app-token auth, US/EU region, text answers, count/offset search paging."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
from pydantic import BaseModel

from console.catalog.endpoint import Endpoint, Kind
from console.config.credentials import TotangoCredentials
from console.errors import ConfigError, VendorError
from console.http.base import Page, VendorClient, safe_json
from console.vendors.totango.models import AccountHit, SearchAccountsInput

# Totango answers failures as plain text; these are the documented ones.
KNOWN_FAILURES = {
    "User is not authorized with role: SERVICE_ADMIN": "ROLE_REQUIRED",
    "SuccessPlay not found": "SUCCESSPLAY_NOT_FOUND",
    "SuccessPlay is not configured as manual": "SUCCESSPLAY_NOT_MANUAL",
    "Account not found": "ACCOUNT_NOT_FOUND",
    "Too many requests": "RATE_LIMITED",
}


class Client(VendorClient):
    vendor = "totango"
    credentials: TotangoCredentials

    @property
    def base_url(self) -> str:
        return self.credentials.effective_base_url

    def _token(self) -> str:
        token = self.credentials.app_token
        if token is None or not token.get_secret_value():
            raise ConfigError("The Totango profile has no app token.")
        return token.get_secret_value()

    async def auth_headers(self) -> dict[str, str]:
        return {"app-token": self._token()}

    def rate_limit_key(self) -> str | None:
        return self._token()

    def parse_error(self, response: httpx.Response) -> VendorError:
        body = safe_json(response)
        if isinstance(body, dict):
            message = str(body.get("message") or body.get("error") or body)
        else:
            message = str(body).strip() or response.reason_phrase
        code = next((c for text, c in KNOWN_FAILURES.items() if text in message), None)
        return self.make_error(response, message=message, code=code, body=body)

    async def execute(self, ep: Endpoint, inputs: BaseModel) -> Any:
        if ep.kind is Kind.LIST:
            assert isinstance(inputs, SearchAccountsInput)
            return await self._search(inputs)
        return await super().execute(ep, inputs)

    async def _search(self, inputs: SearchAccountsInput) -> Page:
        query = inputs.model_dump(mode="json", exclude_none=True)
        reply = await self.send(
            "POST", "/api/v1/search/accounts", idempotent=True, form={"query": json.dumps(query)}
        )
        accounts = (reply.body or {}).get("response", {}).get("accounts", {})
        hits = [AccountHit.model_validate(h) for h in accounts.get("hits", [])]
        total = accounts.get("total_hits")
        end = inputs.offset + len(hits)
        more = hits and (total is None or end < int(total))
        return Page(hits, total=total, next=end if more else None)

    async def pages(self, ep: Endpoint, inputs: BaseModel) -> AsyncIterator[Page]:
        """The first page tells the total; the rest are fetched a few at a time, in order."""
        assert isinstance(inputs, SearchAccountsInput)
        first = await self._search(inputs)
        yield first
        if first.next is None or first.total is None:
            return
        offsets = list(range(first.next, int(first.total), inputs.count))
        limit = asyncio.Semaphore(max(1, self.settings.page_concurrency))

        async def fetch(offset: int) -> Page:
            async with limit:
                return await self._search(inputs.model_copy(update={"offset": offset}))

        window = max(1, self.settings.page_concurrency)
        for start in range(0, len(offsets), window):
            batch = await asyncio.gather(*(fetch(o) for o in offsets[start : start + window]))
            for page in batch:
                yield page
