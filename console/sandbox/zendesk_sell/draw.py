"""Fast, seeded picks for record generation: pools of words, phones, addresses, timestamps.

`Fake.pick` goes through `randrange`, too slow at 100k records; these draw with
`random()` from the same seeded Random, so the data stays deterministic per seed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from math import floor
from typing import Any

from console.sandbox.common.fakedata import EPOCH, INDUSTRIES, Fake, iso
from console.sandbox.zendesk_sell.reference import TAGS

Rows = list[tuple[Any, dict[str, Any]]]
Record = dict[str, Any]


class Draw:
    """Fast seeded picks from the pools (`Fake.pick` goes through randrange, too slow at 100k)."""

    def __init__(self, fake: Fake, size: int = 4096) -> None:
        self.rng = fake.rng
        self.random = fake.rng.random
        self.pools = fake.pools
        # Records share these (never mutated in place: an update replaces the whole value).
        self.phones = [self._phone() for _ in range(size)]
        self.addresses = [self._address() for _ in range(max(1, size // 2))]
        self.stamps = Stamps(fake, size)

    def pick(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.random() * len(seq))]

    def first_name(self) -> str:
        return str(self.pick(self.pools.first_names))

    def last_name(self) -> str:
        return str(self.pick(self.pools.last_names))

    def phone(self) -> str:
        return str(self.phones[int(self.random() * len(self.phones))])

    def address(self) -> dict[str, str]:
        """A shared address object (records never change one in place)."""
        return self.addresses[int(self.random() * len(self.addresses))]

    def _phone(self) -> str:
        r = self.random
        return f"+1-{201 + int(r() * 789)}-{200 + int(r() * 800)}-{1000 + int(r() * 9000)}"

    def _address(self) -> dict[str, str]:
        city, state, postcode = self.pick(self.pools.cities)
        return {
            "line1": self.pick(self.pools.streets),
            "city": city,
            "postal_code": postcode,
            "state": state,
            "country": "US",
        }

    def sentence(self) -> str:
        return str(self.pick(self.pools.sentences))

    def title(self) -> str:
        return str(self.pick(self.pools.titles))

    def industry(self) -> str:
        return str(self.pick(INDUSTRIES))

    def company(self) -> str:
        return str(self.pick(self.pools.companies))

    def email(self, first: str, last: str, domain: str | None = None) -> str:
        local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
        return f"{local}@{domain or self.pick(self.pools.domains)}"


class Stamps:
    """A sorted pool of past timestamps; records pick created/updated pairs from it."""

    def __init__(self, fake: Fake, size: int = 4096, days: int = 720) -> None:
        offsets = sorted((fake.rng.randint(0, days * 86400) for _ in range(size)), reverse=True)
        self.pool = [iso(EPOCH - timedelta(seconds=s)) for s in offsets]
        self.rng = fake.rng

    def pair(self) -> tuple[str, str]:
        n = len(self.pool)
        a = int(self.rng.random() * n)
        b = a + int(self.rng.random() * (n - a))
        return self.pool[a], self.pool[b]


def tagger(d: Draw, kind: str) -> Callable[[], list[str]]:
    """`tags(d, kind)` as a function of no arguments (the same draws, fewer lookups)."""
    r, names = d.random, TAGS[kind]
    n = len(names)

    def draw() -> list[str]:
        if r() < 0.6:
            return []
        first, second = names[floor(r() * n)], names[floor(r() * n)]
        return [first] if first == second or r() < 0.5 else sorted((first, second))

    return draw


def tags(d: Draw, kind: str) -> list[str]:
    if d.random() < 0.6:
        return []
    names = TAGS[kind]
    first, second = d.pick(names), d.pick(names)
    return [first] if first == second or d.random() < 0.5 else sorted((first, second))
