"""Server-side fixed-window rate limits (per token), with a window tests can shrink."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    reset: float  # seconds until the window resets


class WindowLimiter:
    def __init__(self, limit: Callable[[], int], window: Callable[[], float]) -> None:
        self._limit = limit
        self._window = window
        self._state: dict[str, tuple[float, int]] = {}
        self._length = 0.0  # the window length the counts in _state were made under

    def hit(self, key: str) -> Verdict:
        now = time.monotonic()
        window = max(0.001, self._window())
        if window != self._length:  # a new window length (a test's fault setting) starts afresh
            self._state.clear()
            self._length = window
        limit = self._limit()
        start, used = self._state.get(key, (now, 0))
        if now - start >= window:
            start, used = now, 0
        reset = max(0.0, window - (now - start))
        if used >= limit:
            self._state[key] = (start, used)
            return Verdict(False, limit, 0, reset)
        used += 1
        self._state[key] = (start, used)
        return Verdict(True, limit, limit - used, reset)
