"""Fast forms of the seeded draws and timestamps the data generators make by the hundred thousand.

Every helper here gives exactly what the slow form gives and leaves the Random in exactly the
same state, so switching a generator to them never changes its data:

- `below(rng, n)()` is `rng.randrange(n)`, `picker(rng, seq)()` is `rng.choice(seq)`:
  `randrange` goes through argument checks and two Python frames per draw; these keep
  `getrandbits` and the bit width at hand and do the same rejection loop (about 3x faster).
- `iso_at(t)` is `fakedata.iso()` of a Unix time and `SfStamp`'s form is Salesforce's; both
  build the text from cached day and time-of-day parts instead of calling strftime.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TypeVar

T = TypeVar("T")
DAY = 86400


def _exact(rng: random.Random) -> bool:
    """Whether `rng` draws integers the way the fast forms below assume.

    Only a plain Random is trusted: a subclass may override `random` or `getrandbits` and
    so change how `randrange` draws (the fast forms then fall back to the real calls).
    """
    return type(rng) is random.Random


def below(rng: random.Random, n: int) -> Callable[[], int]:
    """A function returning `rng.randrange(n)`: the same numbers, the same state after."""
    if n <= 0:
        raise ValueError("empty range for below()")
    if not _exact(rng):
        return lambda: rng.randrange(n)
    bits = rng.getrandbits
    k = n.bit_length()

    def draw() -> int:
        r = bits(k)
        while r >= n:
            r = bits(k)
        return r

    return draw


def picker(rng: random.Random, seq: Sequence[T]) -> Callable[[], T]:
    """A function returning `rng.choice(seq)`: the same picks, the same state after."""
    n = len(seq)
    if not n:
        raise IndexError("cannot pick from an empty sequence")
    if not _exact(rng):
        return lambda: rng.choice(seq)
    bits = rng.getrandbits
    k = n.bit_length()

    def pick() -> T:
        r = bits(k)
        while r >= n:
            r = bits(k)
        return seq[r]

    return pick


class _Days(dict[int, str]):
    """Day number since 1970 -> its date part; filled on first use."""

    def __init__(self, fmt: str) -> None:
        super().__init__()
        self.fmt = fmt

    def __missing__(self, day: int) -> str:
        text = self[day] = datetime.fromtimestamp(day * DAY, UTC).strftime(self.fmt)
        return text


class _Times(dict[int, str]):
    """Second of the day -> its time part (with the given tail); filled on first use."""

    def __init__(self, tail: str) -> None:
        super().__init__()
        self.minutes = [f"{h:02d}:{m:02d}:" for h in range(24) for m in range(60)]
        self.seconds = [f"{s:02d}{tail}" for s in range(60)]

    def __missing__(self, second: int) -> str:
        text = self[second] = self.minutes[second // 60] + self.seconds[second % 60]
        return text


class Stamper:
    """Formats Unix times (whole seconds, UTC) as text from cached parts.

    `days[t // DAY] + times[t % DAY]` is the formatted time; hot loops may use the two
    caches directly, everything else calls the stamper.
    """

    def __init__(self, day_format: str, tail: str) -> None:
        self.days = _Days(day_format)
        self.times = _Times(tail)

    def __call__(self, seconds: int) -> str:
        day, rest = divmod(seconds, DAY)
        return self.days[day] + self.times[rest]


# Zendesk-style (and the common fakedata form): 2014-09-28T16:32:56Z
iso_at = Stamper("%Y-%m-%dT", "Z")
# Salesforce's wire form: 2026-11-02T09:00:00.000+0000
sf_stamp = Stamper("%Y-%m-%dT", ".000+0000")
