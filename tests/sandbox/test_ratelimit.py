"""The sandbox's fixed-window limiter: counts per key, a window that passes, a new length."""

from __future__ import annotations

import time

from console.sandbox.common.ratelimit import WindowLimiter


def test_a_window_passing_lets_the_key_through_again() -> None:
    limiter = WindowLimiter(lambda: 2, lambda: 0.5)
    assert [limiter.hit("a").allowed for _ in range(3)] == [True, True, False]
    assert limiter.hit("b").allowed  # another token has its own count
    denied = limiter.hit("a")
    assert (denied.remaining, denied.limit) == (0, 2)
    assert 0 < denied.reset <= 0.5
    time.sleep(0.55)
    assert limiter.hit("a").allowed


def test_a_new_window_length_starts_every_count_afresh() -> None:
    length = [60.0]
    limiter = WindowLimiter(lambda: 1, lambda: length[0])
    assert limiter.hit("a").allowed
    assert not limiter.hit("a").allowed
    length[0] = 30.0
    assert limiter.hit("a").allowed
