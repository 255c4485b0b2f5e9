"""Client-side rate limiting per vendor token, so the console stays under each vendor's limit.

aiolimiter's leaky bucket does the counting. One limiter exists per (vendor, token) and
event loop; tokens are keyed by a hash, never kept in clear.
"""

from __future__ import annotations

import asyncio
import hashlib

from aiolimiter import AsyncLimiter

# Documented limits: Totango 100 calls/minute/token; Zendesk Sell 36,000/hour/token.
DEFAULT_PER_MINUTE: dict[str, float] = {
    "totango": 100.0,
    "zendesk_sell": 600.0,
}

_limiters: dict[tuple[int, str, str, float], AsyncLimiter] = {}


def _fingerprint(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()[:16]


def limiter_for(vendor: str, token: str, per_minute: float | None) -> AsyncLimiter | None:
    rate = per_minute if per_minute is not None else DEFAULT_PER_MINUTE.get(vendor)
    if not rate or rate <= 0:
        return None
    loop = id(asyncio.get_running_loop())
    key = (loop, vendor, _fingerprint(token), rate)
    limiter = _limiters.get(key)
    if limiter is None:
        # Spread the per-minute budget evenly: bursts of at most a tenth of the budget.
        burst = max(1.0, rate / 10.0)
        limiter = AsyncLimiter(burst, 60.0 * burst / rate)
        _limiters[key] = limiter
    return limiter
