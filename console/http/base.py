"""The shape every vendor client shares: auth, rate limit, retries, tracing and error parsing.

A vendor client subclasses `VendorClient`, says how it authenticates (`auth_headers`,
`refresh_auth`), how its errors look (`parse_error`), and how each endpoint kind turns into a
request (`execute`, `pages`). Everything else (timeouts, retries, limits, the journal's view
of each exchange) lives here once.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel

from console.catalog.endpoint import Endpoint, Kind, Location, location_of
from console.errors import (
    ConfigError,
    ConnectError,
    ConnectionDropped,
    MalformedResponse,
    RequestTimeout,
    VendorError,
    error_class_for_status,
)
from console.http import trace
from console.http.ratelimit import limiter_for
from console.http.retry import with_retries
from console.http.settings import ClientSettings
from console.models import Deleted, RawRequestInput, RawResponse, TextResult

Decoder = Callable[[httpx.Response], Any]


@dataclass(slots=True)
class Reply:
    """A successful answer and its decoded body."""

    response: httpx.Response
    body: Any


@dataclass(slots=True)
class Page:
    """One page of a list: its items, the total when the vendor says it, and what comes next."""

    items: list[Any]
    total: int | None = None
    next: Any = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Split:
    """An endpoint's inputs sorted by where they travel."""

    path: dict[str, Any]
    query: dict[str, Any]
    body: dict[str, Any]


def decode_json(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MalformedResponse(
            f"The answer was not valid JSON ({exc.__class__.__name__}).",
            vendor="",
            status=response.status_code,
            body=response.text[:500],
        ) from None


def decode_text(response: httpx.Response) -> str:
    return response.text


def decode_any(response: httpx.Response) -> Any:
    ctype = response.headers.get("content-type", "")
    if "json" in ctype:
        return decode_json(response)
    return response.text if response.content else None


def safe_json(response: httpx.Response) -> Any:
    """The body as JSON when it is JSON, else its text (for error parsing)."""
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return response.text


def split_inputs(ep: Endpoint, inputs: BaseModel) -> Split:
    """Sort dumped inputs into path, query and body by each field's declared location.

    A field left at a None default is omitted; one set to None explicitly is kept (so an
    update can clear a value).
    """
    dumped = inputs.model_dump(mode="json", by_alias=True)
    out = Split({}, {}, {})
    for name, info in type(inputs).model_fields.items():
        key = info.alias or name
        if key not in dumped:
            continue
        value = dumped[key]
        if value is None and name not in inputs.model_fields_set:
            continue
        loc = location_of(info, ep.method)
        target = {Location.PATH: out.path, Location.QUERY: out.query, Location.BODY: out.body}[loc]
        target[key] = value
    return out


def format_path(template: str, values: Mapping[str, Any]) -> str:
    try:
        return template.format(**{k: quote(str(v), safe="") for k, v in values.items()})
    except KeyError as exc:
        raise ConfigError(f"Path {template} needs {exc.args[0]}") from None


class VendorClient:
    """Base of the four vendor clients."""

    vendor: ClassVar[str] = ""
    request_id_headers: ClassVar[tuple[str, ...]] = ("x-request-id",)

    def __init__(self, http: httpx.AsyncClient, credentials: Any, settings: ClientSettings):
        self.http = http
        self.credentials = credentials
        self.settings = settings

    # -- what each vendor says ---------------------------------------------------------------

    @property
    def base_url(self) -> str:
        raise NotImplementedError

    async def auth_headers(self) -> dict[str, str]:
        return {}

    async def refresh_auth(self) -> bool:
        """Try to renew credentials after a 401; True when the request is worth re-sending."""
        return False

    def rate_limit_key(self) -> str | None:
        """The token that client-side limits count against (None: no limit)."""
        return None

    def parse_error(self, response: httpx.Response) -> VendorError:
        body = safe_json(response)
        message = body if isinstance(body, str) and body else response.reason_phrase
        return self.make_error(response, message=str(message), body=body)

    def observe(self, response: httpx.Response) -> None:
        """Hook to read headers every answer carries (Salesforce's Sforce-Limit-Info)."""

    # -- helpers for subclasses --------------------------------------------------------------

    def request_id(self, response: httpx.Response) -> str | None:
        for name in self.request_id_headers:
            value = response.headers.get(name)
            if value:
                return str(value)
        return None

    def make_error(
        self,
        response: httpx.Response,
        *,
        message: str,
        code: str | None = None,
        field: str | None = None,
        details: str | None = None,
        body: Any = None,
        request_id: str | None = None,
        cls: type[VendorError] | None = None,
    ) -> VendorError:
        kind = cls or error_class_for_status(response.status_code)
        return kind(
            message or f"HTTP {response.status_code}",
            vendor=self.vendor,
            status=response.status_code,
            code=code,
            field=field,
            request_id=request_id or self.request_id(response),
            details=details,
            body=body,
            retry_after=retry_after_seconds(response),
        )

    def url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        return self.base_url.rstrip("/") + "/" + path.lstrip("/")

    # -- sending -----------------------------------------------------------------------------

    async def send(
        self,
        method: str,
        path: str,
        *,
        idempotent: bool,
        params: Mapping[str, Any] | list[tuple[str, Any]] | None = None,
        json_body: Any = None,
        form: Mapping[str, Any] | list[tuple[str, Any]] | None = None,
        headers: Mapping[str, str] | None = None,
        decode: Decoder | None = decode_json,
        auth: bool = True,
    ) -> Reply:
        """Send one logical request under the retry policy and return its decoded answer."""
        url = self.url(path)

        async def attempt(number: int) -> Reply:
            refreshed = False
            while True:
                response = await self._exchange(
                    method, url, number, params, json_body, form, headers, auth
                )
                if response.status_code == 401 and auth and not refreshed:
                    refreshed = True
                    if await self.refresh_auth():
                        continue
                if response.is_error:
                    raise self.parse_error(response)
                try:
                    body = decode(response) if decode else None
                except MalformedResponse as exc:
                    exc.vendor = self.vendor
                    exc.request_id = self.request_id(response)
                    raise
                return Reply(response, body)

        return await with_retries(attempt, idempotent=idempotent, settings=self.settings)

    async def _exchange(
        self,
        method: str,
        url: str,
        number: int,
        params: Any,
        json_body: Any,
        form: Any,
        headers: Mapping[str, str] | None,
        auth: bool,
    ) -> httpx.Response:
        key = self.rate_limit_key()
        if key:
            limiter = limiter_for(self.vendor, key, self.settings.rate_limit_per_minute)
            if limiter is not None:
                await limiter.acquire()
        all_headers = {"User-Agent": self.settings.user_agent, "Accept": "application/json"}
        if auth:
            all_headers.update(await self.auth_headers())
        all_headers.update(headers or {})
        started = time.perf_counter()
        exchange = trace.Exchange(method, _public_url(url), None, 0.0, attempt=number)
        try:
            response = await self.http.request(
                method,
                url,
                params=params,
                json=json_body,
                data=form,
                headers=all_headers,
                timeout=self.settings.timeout(),
            )
        except httpx.ConnectTimeout as exc:
            raise self._transport(ConnectError, exc, url, exchange, started) from None
        except httpx.ConnectError as exc:
            raise self._transport(ConnectError, exc, url, exchange, started) from None
        except httpx.TimeoutException as exc:
            raise self._transport(RequestTimeout, exc, url, exchange, started) from None
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            raise self._transport(ConnectionDropped, exc, url, exchange, started) from None
        exchange.latency_ms = (time.perf_counter() - started) * 1000
        exchange.status = response.status_code
        exchange.request_id = self.request_id(response)
        trace.record(exchange)
        self.observe(response)
        return response

    def _transport(
        self,
        cls: type[ConnectError | RequestTimeout | ConnectionDropped],
        exc: Exception,
        url: str,
        exchange: trace.Exchange,
        started: float,
    ) -> Exception:
        exchange.latency_ms = (time.perf_counter() - started) * 1000
        exchange.error = cls.__name__
        trace.record(exchange)
        what = {
            ConnectError: "could not connect to",
            RequestTimeout: "timed out talking to",
            ConnectionDropped: "lost the connection to",
        }[cls]
        detail = exc.__class__.__name__
        return cls(
            f"{self.vendor}: {what} {_public_url(url)} ({detail})",
            vendor=self.vendor,
            url=_public_url(url),
        )

    # -- endpoints ---------------------------------------------------------------------------

    async def execute(self, ep: Endpoint, inputs: BaseModel) -> Any:
        """Run one endpoint with validated inputs and return its typed result."""
        if ep.kind is Kind.RAW:
            assert isinstance(inputs, RawRequestInput)
            return await self.raw(inputs)
        parts = split_inputs(ep, inputs)
        path = format_path(ep.path, parts.path)
        reply = await self.send(
            ep.method,
            path,
            idempotent=ep.is_idempotent,
            params=parts.query or None,
            json_body=parts.body or None if ep.method not in ("GET", "DELETE") else None,
            decode=decode_text if ep.kind is Kind.TEXT else decode_json,
        )
        return self.shape(ep, reply, parts)

    def shape(self, ep: Endpoint, reply: Reply, parts: Split) -> Any:
        """Turn a decoded answer into the endpoint's output model."""
        if ep.kind is Kind.DELETE:
            ident = next(iter(parts.path.values()), None)
            return Deleted(id=ident)
        if ep.kind is Kind.TEXT:
            return TextResult(text=str(reply.body).strip())
        if ep.output_model is None:
            return reply.body
        if isinstance(reply.body, list):
            return [ep.output_model.model_validate(x) for x in reply.body]
        return ep.output_model.model_validate(reply.body)

    def pages(self, ep: Endpoint, inputs: BaseModel) -> AsyncIterator[Page]:
        raise ConfigError(f"{ep.id} is not a paginated endpoint")

    async def raw(self, inputs: RawRequestInput) -> RawResponse:
        """Send a request as given (non-GET requests are not retried unless never sent)."""
        if inputs.url.startswith(("http://", "https://")) and not inputs.url.startswith(
            self.base_url.rstrip("/")
        ):
            raise ConfigError("A raw request may only go to the vendor's own base URL.")
        reply = await self.send(
            inputs.method,
            inputs.url,
            idempotent=inputs.method in ("GET", "DELETE", "PUT"),
            params=inputs.params,
            json_body=inputs.data if inputs.form is None else None,
            form=inputs.form,
            headers={
                k: v for k, v in (inputs.headers or {}).items() if k.lower() != "authorization"
            },
            decode=decode_any,
        )
        return RawResponse(
            status=reply.response.status_code,
            headers={k: v for k, v in reply.response.headers.items()},
            body=reply.body,
        )


def retry_after_seconds(response: httpx.Response) -> float | None:
    """Seconds to wait from Retry-After or RateLimit-Reset, when the vendor says."""
    for name in ("retry-after", "ratelimit-reset", "x-ratelimit-reset"):
        value = response.headers.get(name)
        if not value:
            continue
        try:
            seconds = float(value)
        except ValueError:
            continue
        if seconds > 10_000_000:  # an epoch timestamp, not a delay
            seconds = max(0.0, seconds - time.time())
        return max(0.0, seconds)
    return None


def _public_url(url: str) -> str:
    """A URL fit for logs: no query string (it may hold filters with personal data)."""
    return url.split("?", 1)[0]
