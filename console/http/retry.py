"""The one retry policy, built on tenacity.

- Idempotent requests are retried on connection errors, timeouts, dropped connections,
  malformed bodies, 5xx and 429, with exponential backoff and jitter; a vendor's
  Retry-After / RateLimit-Reset wins over the backoff when it says more.
- Non-idempotent requests are retried only when the connection was never made
  (nothing reached the vendor), so a create is never sent twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

from console.errors import (
    ConnectError,
    ConnectionDropped,
    MalformedResponse,
    RateLimitError,
    RequestTimeout,
    ServerError,
)
from console.http.settings import ClientSettings

T = TypeVar("T")

_RETRYABLE_WHEN_IDEMPOTENT = (
    RequestTimeout,
    ConnectionDropped,
    MalformedResponse,
    RateLimitError,
    ServerError,
)


def is_retryable(exc: BaseException, *, idempotent: bool) -> bool:
    if isinstance(exc, ConnectError):
        return True  # the request never left: safe for any method
    return idempotent and isinstance(exc, _RETRYABLE_WHEN_IDEMPOTENT)


def _waiter(settings: ClientSettings) -> Callable[[RetryCallState], float]:
    backoff = wait_exponential_jitter(
        multiplier=settings.backoff_initial,
        max=settings.backoff_max,
        jitter=settings.backoff_jitter,
    )

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = getattr(exc, "retry_after", None)
        computed = float(backoff(state))
        if isinstance(hinted, (int, float)) and hinted > 0:
            return min(max(float(hinted), computed), settings.retry_after_max)
        return computed

    return wait


async def with_retries(
    send: Callable[[int], Awaitable[T]], *, idempotent: bool, settings: ClientSettings
) -> T:
    """Run `send(attempt_number)` under the policy; re-raise the last error when it gives up."""
    retrying = AsyncRetrying(
        stop=stop_after_attempt(max(1, settings.max_attempts)),
        wait=_waiter(settings),
        retry=retry_if_exception(lambda e: is_retryable(e, idempotent=idempotent)),
        reraise=True,
    )
    async for attempt in retrying:
        with attempt:
            return await send(attempt.retry_state.attempt_number)
    raise AssertionError("unreachable: tenacity either returns or re-raises")
