"""Infinity client: Basic (v2) or ApiKey (v2.1) auth, NDJSON lists, PHP-bracketed form bodies.

- Base: `{base_url}/config/v2` with HTTP Basic (Hub user and password), or
  `{base_url}/config/v2.1` with `Authorization: ApiKey <key>` when the profile has an API key.
  Endpoint paths are declared as the vendor documents them (`/config/v2/...`); the client
  sends them under the version its credentials use.
- Lists: newline-delimited JSON without a total, paged by limit/offset. `pages()` fetches the
  first page alone, then looks ahead a few pages at a time and stops at the first short page.
- Create answers 201 `{"sfButtonId": "4"}`, update 204: both read the button back.
"""

from __future__ import annotations

import asyncio
import base64
import re
from collections import deque
from collections.abc import AsyncIterator
from typing import Any

import httpx
from pydantic import BaseModel, ValidationError

from console.catalog.endpoint import Endpoint, Kind
from console.config.credentials import InfinityCredentials
from console.errors import (
    ConfigError,
    ConsoleError,
    FieldProblem,
    InputError,
    MalformedResponse,
    VendorError,
)
from console.http.base import Page, VendorClient, format_path, safe_json, split_inputs
from console.models import Deleted, RawRequestInput, RawResponse
from console.vendors.infinity.errors import code_of, field_of, message_of
from console.vendors.infinity.models import Paging, SfButton, SfButtonSaved
from console.vendors.infinity.wire import decode_answer, decode_records, encode_php_form

_VERSION_TAIL = re.compile(r"/config/v2(?:\.1)?/?$")
_VERSIONED_PATH = re.compile(r"^/?config/v2(?:\.1)?(?=/|$)")
_IGRP = re.compile(r"^[0-9]+$")


class Client(VendorClient):
    vendor = "infinity"
    credentials: InfinityCredentials

    # -- where and how --------------------------------------------------------------------------

    @property
    def host(self) -> str:
        """The profile's base URL without any /config/v2 suffix a person may have typed."""
        return _VERSION_TAIL.sub("", self.credentials.base_url.rstrip("/"))

    @property
    def version_path(self) -> str:
        return "/config/v2.1" if self.credentials.scheme == "apikey" else "/config/v2"

    @property
    def base_url(self) -> str:
        return self.host + self.version_path

    def url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        found = _VERSIONED_PATH.match(path)
        if found:
            path = path[found.end() :]
        return self.base_url + ("/" + path.lstrip("/") if path.strip("/") else "")

    async def auth_headers(self) -> dict[str, str]:
        creds = self.credentials
        if creds.scheme == "apikey":
            key = creds.api_key.get_secret_value() if creds.api_key else ""
            if not key:
                raise ConfigError("The Infinity profile's API key is empty.")
            return {"Authorization": f"ApiKey {key}"}
        password = creds.password.get_secret_value() if creds.password else ""
        if not creds.username or not password:
            raise ConfigError(
                "The Infinity profile needs a Hub username and password (Config API v2) "
                "or an API key (v2.1)."
            )
        token = base64.b64encode(f"{creds.username}:{password}".encode()).decode("ascii")
        return {"Authorization": f"Basic {token}"}

    def parse_error(self, response: httpx.Response) -> VendorError:
        body = safe_json(response)
        message = message_of(body) or response.reason_phrase or f"HTTP {response.status_code}"
        return self.make_error(
            response,
            message=message,
            code=code_of(message, body),
            field=field_of(message, body),
            body=body,
        )

    # -- inputs ---------------------------------------------------------------------------------

    def with_igrp(self, inputs: BaseModel) -> BaseModel:
        """Fill a left-out `igrp` from the profile; refuse (naming igrp) when there is none."""
        if "igrp" not in type(inputs).model_fields or getattr(inputs, "igrp", None):
            return inputs
        default = (self.credentials.igrp or "").strip()
        if not default:
            problem = FieldProblem("igrp", "required: give an IGRP or set one in the profile")
            raise InputError("infinity: no IGRP given and the profile has none", [problem])
        if not _IGRP.match(default):
            problem = FieldProblem("igrp", f"the profile's IGRP {default!r} is not a number")
            raise InputError("infinity: the profile's IGRP is not valid", [problem])
        return inputs.model_copy(update={"igrp": default})

    # -- endpoints ------------------------------------------------------------------------------

    async def execute(self, ep: Endpoint, inputs: BaseModel) -> Any:
        if ep.kind is Kind.RAW:
            assert isinstance(inputs, RawRequestInput)
            return await self.raw(inputs)
        inputs = self.with_igrp(inputs)
        if ep.kind is Kind.LIST:
            return await self.list_page(ep, inputs)
        if ep.kind is Kind.DELETE:
            parts = split_inputs(ep, inputs)
            await self.send(
                "DELETE", format_path(ep.path, parts.path), idempotent=ep.is_idempotent, decode=None
            )
            return Deleted(id=parts.path.get("sfButtonId"))
        if ep.method == "POST":
            return await self.save(ep, inputs)
        try:
            return await super().execute(ep, inputs)
        except ValidationError as exc:
            raise MalformedResponse(
                f"The answer did not look like {getattr(ep.output_model, '__name__', 'a record')}:"
                f" {exc.errors(include_url=False)[0]['msg']}",
                vendor=self.vendor,
            ) from None

    async def list_page(self, ep: Endpoint, inputs: BaseModel) -> Page:
        """One page of a list: its records, and the next offset when the page was full."""
        assert isinstance(inputs, Paging)
        parts = split_inputs(ep, inputs)
        reply = await self.send(
            "GET",
            format_path(ep.path, parts.path),
            idempotent=True,
            params=inputs.query(),
            decode=decode_records,
        )
        assert ep.output_model is not None
        try:
            items = [ep.output_model.model_validate(record) for record in reply.body]
        except ValidationError as exc:
            raise MalformedResponse(
                f"A listed record did not look like {ep.output_model.__name__}: "
                f"{exc.errors(include_url=False)[0]['msg']}",
                vendor=self.vendor,
                status=reply.response.status_code,
                request_id=self.request_id(reply.response),
            ) from None
        full = len(items) == inputs.limit
        return Page(items, total=None, next=inputs.offset + len(items) if full else None)

    async def pages(self, ep: Endpoint, inputs: BaseModel) -> AsyncIterator[Page]:
        """Every page, in order. There is no total, so after the first page a few pages are
        requested ahead (page_concurrency at once); the first short page ends the list and
        the look-ahead still in flight is cancelled."""
        if not ep.paginated:
            raise ConfigError(f"{ep.id} is not a paginated endpoint")
        inputs = self.with_igrp(inputs)
        assert isinstance(inputs, Paging)
        first = await self.list_page(ep, inputs)
        yield first
        if first.next is None:
            return
        step = inputs.limit
        window = max(1, self.settings.page_concurrency)
        next_offset: int = first.next
        pending: deque[asyncio.Future[Page]] = deque()
        try:
            while True:
                while len(pending) < window:
                    ask = inputs.model_copy(update={"offset": next_offset})
                    pending.append(asyncio.ensure_future(self.list_page(ep, ask)))
                    next_offset += step
                page = await pending.popleft()
                yield page
                if page.next is None:
                    return
        finally:
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)

    async def save(self, ep: Endpoint, inputs: BaseModel) -> SfButtonSaved:
        """Create (201 with the new id) or update (204) a button, then read it back."""
        parts = split_inputs(ep, inputs)
        path = format_path(ep.path, parts.path)
        reply = await self.send(
            "POST",
            path,
            idempotent=ep.is_idempotent,
            form=encode_php_form(parts.body),
            decode=decode_answer,
        )
        created = "sfButtonId" not in parts.path
        if not created:
            ident = str(parts.path["sfButtonId"])
        else:
            body = reply.body if isinstance(reply.body, dict) else {}
            if body.get("sfButtonId") in (None, ""):
                raise MalformedResponse(
                    "Infinity created the button but did not say its sfButtonId.",
                    vendor=self.vendor,
                    status=reply.response.status_code,
                    request_id=self.request_id(reply.response),
                    body=reply.body,
                )
            ident = str(body["sfButtonId"])
            path = f"{path}/{ident}"
        return SfButtonSaved(sfButtonId=ident, created=created, button=await self._read_back(path))

    async def _read_back(self, path: str) -> SfButton | None:
        """The saved button as Infinity now has it; None when it cannot be read (the save
        itself succeeded, so a failed read must not turn it into an error)."""
        try:
            reply = await self.send("GET", path, idempotent=True)
            return SfButton.model_validate(reply.body)
        except (ConsoleError, ValidationError):
            return None

    async def raw(self, inputs: RawRequestInput) -> RawResponse:
        """Send a request as given. A `form` body is bracket-encoded, so nested values work:
        {"actionParams": [{"sfFields": {"Lead": "Owner"}, "value": "00G..."}]}."""
        if inputs.url.startswith(("http://", "https://")) and not inputs.url.startswith(
            self.host + "/"
        ):
            raise ConfigError("A raw request may only go to the vendor's own base URL.")
        form = encode_php_form(inputs.form) if inputs.form is not None else None
        reply = await self.send(
            inputs.method,
            inputs.url,
            idempotent=inputs.method in ("GET", "DELETE", "PUT"),
            params=inputs.params,
            json_body=inputs.data if form is None else None,
            form=form,
            headers={
                k: v for k, v in (inputs.headers or {}).items() if k.lower() != "authorization"
            },
            decode=decode_answer,
        )
        return RawResponse(
            status=reply.response.status_code,
            headers=dict(reply.response.headers.items()),
            body=reply.body,
        )
