"""The one door: the TUI, the CLI and a notebook all call vendors through `Service.call`.

call(endpoint_id, inputs)
  -> validate (InputError names each bad field; nothing is sent)
  -> read-only guard (a mutating endpoint is refused before any request)
  -> vendor client (auth, rate limit, retries, paging, batching)
  -> typed CallResult, and one journal entry
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

import httpx
from pydantic import BaseModel

from console import catalog
from console.catalog.endpoint import Endpoint, Kind
from console.config.profile import Profile
from console.errors import ConsoleError, ReadOnlyError, VendorError
from console.http import trace
from console.http.base import Page
from console.http.settings import ClientSettings
from console.journal import Journal, JournalEntry
from console.models import RawRequestInput
from console.redact import Redactor
from console.service.clients import ClientPool
from console.service.inputs import validate, validate_many
from console.service.results import CallResult, ItemResult

Inputs = BaseModel | Mapping[str, Any] | None


class Service:
    def __init__(
        self,
        profile: Profile,
        *,
        read_only: bool | None = None,
        journal: Journal | None = None,
        settings: ClientSettings | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.profile = profile
        self.read_only = profile.read_only if read_only is None else read_only
        self.journal = journal
        base = settings or ClientSettings()
        known = {k: v for k, v in profile.settings.items() if hasattr(base, k)}
        self.settings = replace(base, **known) if known else base
        self.pool = ClientPool(profile, self.settings, transport)

    async def __aenter__(self) -> Service:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.pool.aclose()

    # -- lookup and checks -------------------------------------------------------------------

    @staticmethod
    def endpoint(endpoint_id: str) -> Endpoint:
        return catalog.get(endpoint_id)

    def guard(self, ep: Endpoint, model: BaseModel | None = None) -> None:
        check_read_only(ep, model, read_only=self.read_only)

    def is_allowed(self, endpoint_id: str) -> bool:
        """Whether an action may run now (the UI disables what read-only mode refuses)."""
        return not (self.read_only and self.endpoint(endpoint_id).mutating)

    # -- calling -----------------------------------------------------------------------------

    async def call(
        self,
        endpoint_id: str,
        inputs: Inputs | Sequence[Inputs] = None,
        *,
        all_pages: bool = False,
        max_items: int | None = None,
        quiet: bool = False,
    ) -> CallResult:
        """Call one endpoint. A list of inputs to a batchable endpoint is sent in batches.

        `quiet` is for polling (the Firehose tail reads every second): a read that succeeds
        and returns nothing leaves no journal entry; failures and reads with items still do.
        """
        ep = self.endpoint(endpoint_id)
        if isinstance(inputs, Sequence) and not isinstance(inputs, (str, bytes)):
            return await self.call_batch(endpoint_id, inputs)
        started = time.perf_counter()
        raw_inputs = _raw(inputs)
        try:
            model = validate(ep, inputs)
            self.guard(ep, model)
        except ConsoleError as exc:
            self._journal(ep, raw_inputs, "refused", error=exc)
            raise
        client = self.pool.client(ep.vendor)
        with trace.tracing() as tr:
            try:
                if ep.kind is Kind.ACTION:
                    items = await client.invoke_batch(ep, [model])  # type: ignore[attr-defined]
                    result = self._result(ep, items, tr)
                elif ep.paginated and all_pages:
                    collected: list[Any] = []
                    pages = 0
                    total = None
                    async for page in client.pages(ep, model):
                        pages += 1
                        collected.extend(page.items)
                        total = page.total if page.total is not None else total
                        if max_items is not None and len(collected) >= max_items:
                            collected = collected[:max_items]
                            break
                    result = self._result(ep, collected, tr, total=total, pages=pages)
                else:
                    data = await client.execute(ep, model)
                    if isinstance(data, Page):
                        result = self._result(
                            ep, data.items, tr, total=data.total, next_=data.next, pages=1
                        )
                    else:
                        result = self._result(ep, data, tr)
            except ConsoleError as exc:
                self._journal(ep, raw_inputs, "error", tr=tr, error=exc, started=started)
                raise
        outcome = (
            "ok" if result.ok else ("error" if not any(i.ok for i in result.items) else "partial")
        )
        if not (quiet and outcome == "ok" and _empty(result.data)):
            self._journal(ep, raw_inputs, outcome, tr=tr, started=started, result=result)
        return result

    async def call_batch(self, endpoint_id: str, inputs: Sequence[Inputs]) -> CallResult:
        """Send many inputs; return exactly one ItemResult per input, in input order."""
        ep = self.endpoint(endpoint_id)
        started = time.perf_counter()
        raw_inputs = [_raw(i) for i in inputs]
        try:
            models = validate_many(ep, inputs)  # type: ignore[arg-type]
            for model in models[:1]:
                self.guard(ep, model)
        except ConsoleError as exc:
            self._journal(ep, raw_inputs, "refused", error=exc)
            raise
        client = self.pool.client(ep.vendor)
        size = max(1, self.settings.batch_size) if ep.batchable else 1
        results: list[ItemResult] = []
        with trace.tracing() as tr:
            for offset in range(0, len(models), size):
                chunk = models[offset : offset + size]
                try:
                    if ep.kind is Kind.ACTION:
                        got = await client.invoke_batch(ep, chunk)  # type: ignore[attr-defined]
                    else:
                        got = [ItemResult(0, True, await client.execute(ep, chunk[0]))]
                except ConsoleError as exc:
                    got = [ItemResult(i, False, error=exc) for i in range(len(chunk))]
                for i, item in enumerate(got):
                    item.index = offset + i
                results.extend(got)
        result = self._result(ep, results, tr)
        ok = sum(1 for r in results if r.ok)
        outcome = "ok" if ok == len(results) else ("error" if ok == 0 else "partial")
        self._journal(ep, raw_inputs, outcome, tr=tr, started=started, result=result)
        return result

    async def iterate(self, endpoint_id: str, inputs: Inputs = None) -> AsyncIterator[Page]:
        """Pages of a list, fetched as the caller consumes them; one journal entry per page.

        A console list reads its first page and stops there until asked for more, so each
        page is journaled when it arrives (an abandoned iteration still leaves its trace).
        """
        ep = self.endpoint(endpoint_id)
        raw_inputs = _raw(inputs)
        model = validate(ep, inputs)
        self.guard(ep, model)
        client = self.pool.client(ep.vendor)
        pages = client.pages(ep, model).__aiter__()
        number = 0
        while True:
            number += 1
            started = time.perf_counter()
            page_inputs = {**(raw_inputs or {}), "_page": number}
            # A fresh trace per page, entered around each step: a generator may resume in
            # another context.
            with trace.tracing() as tr:
                try:
                    page = await pages.__anext__()
                except StopAsyncIteration:
                    break
                except ConsoleError as exc:
                    self._journal(ep, page_inputs, "error", tr=tr, error=exc, started=started)
                    raise
            result = self._result(ep, [], tr)
            self._journal(
                ep, page_inputs, "ok", tr=tr, started=started, result=result, items=len(page.items)
            )
            yield page

    # -- bookkeeping -------------------------------------------------------------------------

    @property
    def redactor(self) -> Redactor:
        """Built per use: a refreshed token is a secret too, from the moment it exists."""
        return Redactor(self.profile.secret_values())

    @staticmethod
    def _result(
        ep: Endpoint,
        data: Any,
        tr: trace.Trace,
        *,
        total: int | None = None,
        next_: Any = None,
        pages: int = 0,
    ) -> CallResult:
        last = tr.last
        return CallResult(
            endpoint=ep,
            data=data,
            status=last.status if last else None,
            request_ids=tr.request_ids,
            requests=len(tr.exchanges),
            latency_ms=tr.total_latency_ms,
            limit_info=dict(tr.limit_info),
            total=total,
            next=next_,
            pages=pages,
        )

    def _journal(
        self,
        ep: Endpoint,
        raw_inputs: Any,
        outcome: str,
        *,
        tr: trace.Trace | None = None,
        error: ConsoleError | None = None,
        started: float | None = None,
        result: CallResult | None = None,
        items: int | None = None,
    ) -> None:
        if self.journal is None:
            return
        last = tr.last if tr else None
        status = last.status if last else None
        request_id = tr.request_ids[-1] if tr and tr.request_ids else None
        if isinstance(error, VendorError):
            status = error.status or status
            request_id = error.request_id or request_id
        if result is not None and items is None and isinstance(result.data, list):
            items = len(result.data)
        failures = result.failures if result else []
        error_text = str(error) if error else (str(failures[0].error) if failures else None)
        self.journal.record(
            JournalEntry(
                profile=self.profile.name,
                endpoint=ep.id,
                inputs=self.redactor.data(raw_inputs),
                outcome=outcome,
                status=status,
                latency_ms=round((time.perf_counter() - started) * 1000, 1) if started else None,
                request_id=request_id,
                error=self.redactor.text(error_text) if error_text else None,
                items=items,
                requests=len(tr.exchanges) if tr else 0,
            )
        )


def check_read_only(ep: Endpoint, model: BaseModel | None, *, read_only: bool) -> None:
    """Refuse a mutating endpoint in read-only mode (a raw GET is a read and passes)."""
    if not (read_only and ep.mutating):
        return
    if ep.kind is Kind.RAW and isinstance(model, RawRequestInput) and model.method == "GET":
        return
    raise ReadOnlyError(
        f"{ep.id} changes data and the console is in read-only mode; nothing was sent."
    )


def precheck(ep: Endpoint, inputs: Any, *, read_only: bool) -> None:
    """Validate and apply the read-only guard without a service (the CLI fails fast)."""
    if isinstance(inputs, Sequence) and not isinstance(inputs, (str, bytes)):
        models = validate_many(ep, inputs)
    else:
        models = [validate(ep, inputs)]
    for model in models[:1]:
        check_read_only(ep, model, read_only=read_only)


def _empty(data: Any) -> bool:
    """A read that brought nothing back: an empty list, or a page of no items."""
    items = data if isinstance(data, list) else getattr(data, "items", None)
    return isinstance(items, list) and not items


def _raw(inputs: Any) -> Any:
    if isinstance(inputs, BaseModel):
        return inputs.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(inputs, Mapping):
        return dict(inputs)
    return inputs
