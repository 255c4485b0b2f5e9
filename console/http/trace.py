"""What each HTTP exchange of one service call looked like, for the journal and the UI.

The service opens a `Trace` around a call; vendor clients append one `Exchange` per attempt.
A context variable carries it, so concurrent calls never mix their exchanges.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(slots=True)
class Exchange:
    method: str
    url: str
    status: int | None
    latency_ms: float
    request_id: str | None = None
    attempt: int = 1
    error: str | None = None


@dataclass(slots=True)
class Trace:
    exchanges: list[Exchange] = field(default_factory=list)
    limit_info: dict[str, str] = field(default_factory=dict)

    @property
    def last(self) -> Exchange | None:
        return self.exchanges[-1] if self.exchanges else None

    @property
    def request_ids(self) -> list[str]:
        return [e.request_id for e in self.exchanges if e.request_id]

    @property
    def total_latency_ms(self) -> float:
        return sum(e.latency_ms for e in self.exchanges)


_current: contextvars.ContextVar[Trace | None] = contextvars.ContextVar("crm_trace", default=None)


def current() -> Trace | None:
    return _current.get()


@contextmanager
def tracing(existing: Trace | None = None) -> Iterator[Trace]:
    """Collect exchanges into a new trace, or into `existing` (resumed between pages)."""
    trace = existing if existing is not None else Trace()
    token = _current.set(trace)
    try:
        yield trace
    finally:
        _current.reset(token)


def record(exchange: Exchange) -> None:
    trace = _current.get()
    if trace is not None:
        trace.exchanges.append(exchange)


def record_limits(info: dict[str, str]) -> None:
    trace = _current.get()
    if trace is not None:
        trace.limit_info.update(info)
