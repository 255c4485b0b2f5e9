"""Salesforce client: bearer session with refresh, array error bodies, SOQL paging, batched actions.

- Base `{instance_url}/services/data/v{api_version}/`.
- A 401 refreshes the session once with the refresh token (one refresh at a time) and
  re-sends; a refused refresh is an AuthenticationError.
- Errors are JSON arrays of `{message, errorCode, fields}`; 403 REQUEST_LIMIT_EXCEEDED is
  ApiLimitExceeded; OAuth and Comms Cloud bodies are understood too.
- Every answer's `Sforce-Limit-Info` is recorded in the trace and kept as `api_usage`.
- Invocable actions go out as one POST per chunk of inputs and come back one result per
  input; an all-failed chunk answered 400 with the same array is still per-input failures.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from typing import Any

import httpx
from pydantic import BaseModel, ValidationError

from console.catalog.endpoint import Endpoint, Kind
from console.config.credentials import SalesforceCredentials
from console.errors import (
    ActionError,
    ApiLimitExceeded,
    BadRequestError,
    ConfigError,
    MalformedResponse,
    VendorError,
)
from console.http import trace
from console.http.base import Page, VendorClient, safe_json, split_inputs
from console.service.results import ItemResult
from console.vendors.salesforce.auth import apply_token, oauth_error, refresh_form, token_url
from console.vendors.salesforce.filters import ListFilters
from console.vendors.salesforce.limits import HEADER, ApiUsage, parse_limit_info
from console.vendors.salesforce.models import ActionResult, QueryInput


class Client(VendorClient):
    vendor = "salesforce"
    credentials: SalesforceCredentials

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.api_usage: ApiUsage | None = None
        self._refresh_lock = asyncio.Lock()

    # -- auth --------------------------------------------------------------------------------

    @property
    def instance_url(self) -> str:
        return self.credentials.instance_url.rstrip("/")

    @property
    def base_url(self) -> str:
        return f"{self.instance_url}/services/data/v{self.credentials.api_version}/"

    def _token(self) -> str | None:
        token = self.credentials.access_token
        return token.get_secret_value() if token is not None else None

    async def auth_headers(self) -> dict[str, str]:
        if not self._token():
            if refresh_form(self.credentials) is None:
                raise ConfigError(
                    "The Salesforce profile has no access token and cannot refresh one "
                    "(log in with the device flow or import the Salesforce CLI session)."
                )
            await self.refresh_auth()
        return {"Authorization": f"Bearer {self._token()}"}

    async def refresh_auth(self) -> bool:
        form = refresh_form(self.credentials)
        if form is None:
            return False
        stale = self._token()
        async with self._refresh_lock:
            if self._token() and self._token() != stale:
                return True  # another request renewed it meanwhile
            url = token_url(self.credentials.login_url)
            reply = await self.send("POST", url, idempotent=False, form=form, auth=False)
            apply_token(self.credentials, reply.body)
        return True

    # -- answers -----------------------------------------------------------------------------

    def observe(self, response: httpx.Response) -> None:
        header = response.headers.get(HEADER)
        if not header:
            return
        usage = parse_limit_info(header)
        if usage is not None:
            self.api_usage = usage
            trace.record_limits(usage.as_info())

    def parse_error(self, response: httpx.Response) -> VendorError:
        body = safe_json(response)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, Mapping) and "actionName" in first:
            failed = next((e for e in body if not e.get("isSuccess")), first)
            detail = (failed.get("errors") or [{}])[0]
            return self.make_error(
                response,
                message=str(detail.get("message") or "The action failed."),
                code=detail.get("statusCode"),
                field=_fields(detail.get("fields")),
                body=body,
            )
        if isinstance(first, Mapping) or (isinstance(body, Mapping) and "errorCode" in body):
            item = first if isinstance(first, Mapping) else body
            assert isinstance(item, Mapping)
            code = item.get("errorCode")
            limit_hit = code == "REQUEST_LIMIT_EXCEEDED" and response.status_code == 403
            return self.make_error(
                response,
                message=str(item.get("message") or code or response.reason_phrase),
                code=str(code) if code else None,
                field=_fields(item.get("fields")),
                body=body,
                cls=ApiLimitExceeded if limit_hit else None,
            )
        if isinstance(body, Mapping) and "error" in body:
            return oauth_error(response.status_code, body, request_id=self.request_id(response))
        if isinstance(body, Mapping) and "errorsList" in body:
            errors = body.get("errorsList") or [{}]
            detail = errors[0] if isinstance(errors[0], Mapping) else {}
            field = detail.get("recordId") or detail.get("recipientFields")
            return self.make_error(
                response,
                message=str(detail.get("errorMessage") or body.get("statusMessage") or "Failed"),
                code=detail.get("statusCode"),
                field=_fields(field),
                body=body,
            )
        text = body if isinstance(body, str) and body else response.reason_phrase
        return self.make_error(response, message=str(text), body=body)

    # -- endpoints ---------------------------------------------------------------------------

    def _check_version(self, ep: Endpoint) -> None:
        needed = ep.options.get("min_version")
        if needed and _version(self.credentials.api_version) < _version(needed):
            raise ConfigError(
                f"{ep.id} needs Salesforce API {needed} or later; the profile uses "
                f"{self.credentials.api_version}."
            )

    async def execute(self, ep: Endpoint, inputs: BaseModel) -> Any:
        self._check_version(ep)
        if ep.kind is Kind.ACTION:
            item = (await self.invoke_batch(ep, [inputs]))[0]
            if not item.ok:
                assert item.error is not None
                raise item.error
            return item.output
        if ep.kind is Kind.LIST:
            return await self._query(ep, inputs)
        return await super().execute(ep, inputs)

    async def pages(self, ep: Endpoint, inputs: BaseModel) -> AsyncIterator[Page]:
        """Batch after batch, following nextRecordsUrl until the query is done."""
        page = await self._query(ep, inputs)
        yield page
        batch = _batch_size(inputs)
        while page.next:
            page = await self._fetch(ep, self.instance_url + str(page.next), None, batch)
            yield page

    async def _query(self, ep: Endpoint, inputs: BaseModel) -> Page:
        if isinstance(inputs, QueryInput):
            soql, resource = inputs.q, "queryAll" if inputs.includeDeleted else "query"
        elif isinstance(inputs, ListFilters):
            soql, resource = inputs.soql(), "query"
        else:
            raise ConfigError(f"{ep.id} is not a SOQL endpoint")
        return await self._fetch(ep, resource, {"q": soql}, _batch_size(inputs))

    async def _fetch(
        self, ep: Endpoint, path: str, params: dict[str, str] | None, batch: int | None
    ) -> Page:
        headers = {"Sforce-Query-Options": f"batchSize={batch}"} if batch else None
        reply = await self.send("GET", path, idempotent=True, params=params, headers=headers)
        body = reply.body if isinstance(reply.body, Mapping) else {}
        model = ep.output_model
        try:
            items = [model.model_validate(r) if model else r for r in body.get("records") or []]
        except ValidationError as exc:
            raise MalformedResponse(
                f"A record did not match {model.__name__ if model else 'the model'}: {exc}",
                vendor=self.vendor,
                status=reply.response.status_code,
                request_id=self.request_id(reply.response),
            ) from None
        more = body.get("nextRecordsUrl") if not body.get("done", True) else None
        total = body.get("totalSize")
        return Page(items, total=int(total) if total is not None else None, next=more)

    # -- invocable actions ---------------------------------------------------------------------

    async def invoke_batch(self, ep: Endpoint, inputs: list[BaseModel]) -> list[ItemResult]:
        """One POST for these inputs; one ItemResult per input, in input order."""
        if not inputs:
            return []
        self._check_version(ep)
        payload = {"inputs": [split_inputs(ep, model).body for model in inputs]}
        try:
            reply = await self.send("POST", ep.path, idempotent=ep.is_idempotent, json_body=payload)
            body, status = reply.body, reply.response.status_code
            request_id = self.request_id(reply.response)
        except BadRequestError as exc:
            if not _is_result_array(exc.body):
                raise
            body, status, request_id = exc.body, exc.status or 400, exc.request_id
        if not isinstance(body, list) or len(body) != len(inputs):
            count = len(body) if isinstance(body, list) else "no"
            raise MalformedResponse(
                f"{ep.id}: {len(inputs)} inputs were sent but {count} results came back.",
                vendor=self.vendor,
                status=status,
                request_id=request_id,
                body=body,
            )
        return [self._item(i, element, ep, status, request_id) for i, element in enumerate(body)]

    def _item(
        self, index: int, element: Any, ep: Endpoint, status: int | None, request_id: str | None
    ) -> ItemResult:
        try:
            result = ActionResult.model_validate(element)
        except ValidationError:
            broken = MalformedResponse(
                "An action result was not an object.",
                vendor=self.vendor,
                status=status,
                request_id=request_id,
                body=element,
            )
            return ItemResult(index, False, error=broken)
        values = result.outputValues
        if result.isSuccess:
            output = ep.output_model.model_validate(values) if ep.output_model and values else None
            return ItemResult(index, True, output=output)
        detail = result.errors[0] if result.errors else None
        message = (detail.message if detail else None) or (values or {}).get("error")
        error = ActionError(
            str(message or "The action failed for this input."),
            vendor=self.vendor,
            status=status,
            code=detail.statusCode if detail else None,
            field=_fields(detail.fields) if detail else None,
            request_id=request_id,
            body=element,
        )
        return ItemResult(index, False, output=None, error=error)


def _fields(value: Any) -> str | None:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v) or None
    return str(value) if value else None


def _is_result_array(body: Any) -> bool:
    return (
        isinstance(body, list)
        and bool(body)
        and all(isinstance(e, Mapping) and "isSuccess" in e for e in body)
    )


def _batch_size(inputs: BaseModel) -> int | None:
    value = getattr(inputs, "batchSize", None)
    return int(value) if value else None


def _version(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in str(text).split("."))
    except ValueError:
        return (0,)
