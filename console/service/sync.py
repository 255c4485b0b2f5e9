"""A blocking facade over the async Service, for notebooks, scripts and a Python shell.

The service runs on a private event loop thread, so it works the same inside Jupyter (whose
own loop is already running) and in a plain script. Nothing is duplicated: every method
submits the async one.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

from console.http.base import Page
from console.service.results import CallResult
from console.service.service import Service

T = TypeVar("T")


async def _await(awaitable: Awaitable[T]) -> T:
    return await awaitable


class SyncConsole:
    def __init__(
        self, make_service: Callable[[], Service], on_close: Callable[[], None] = lambda: None
    ):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="crm-sync", daemon=True)
        self._thread.start()
        self._on_close = on_close
        self.service: Service = self._run(self._make(make_service))

    @staticmethod
    async def _make(make_service: Callable[[], Service]) -> Service:
        return make_service()

    def _run(self, work: Awaitable[T]) -> T:
        future = asyncio.run_coroutine_threadsafe(_await(work), self._loop)
        return future.result()

    @property
    def profile(self) -> str:
        return self.service.profile.name

    def call(
        self, endpoint_id: str, inputs: Any = None, /, *, all_pages: bool = False, **fields: Any
    ) -> CallResult:
        """Call an endpoint: inputs as a dict (or a list for a batch), or as keyword fields."""
        if inputs is None and fields:
            inputs = fields
        return self._run(self.service.call(endpoint_id, inputs, all_pages=all_pages))

    def data(self, endpoint_id: str, inputs: Any = None, /, **fields: Any) -> Any:
        """Just the result as plain JSON data (lists of dicts are handy for pandas)."""
        return self.call(endpoint_id, inputs, **fields).to_jsonable()

    def pages(self, endpoint_id: str, inputs: Any = None, /, **fields: Any) -> Iterator[Page]:
        if inputs is None and fields:
            inputs = fields
        agen = self.service.iterate(endpoint_id, inputs)
        while True:
            try:
                yield self._run(agen.__anext__())
            except StopAsyncIteration:
                return

    def endpoints(self, vendor: str | None = None) -> list[str]:
        from console.catalog import all_endpoints

        return [e.id for e in all_endpoints(vendor)]

    def close(self) -> None:
        if self._loop.is_closed():
            return
        self._run(self.service.aclose())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()
        self._on_close()

    def __enter__(self) -> SyncConsole:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
