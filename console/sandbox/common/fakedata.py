"""Deterministic, realistic fake data that stays fast at 100,000 records.

Faker is the source of every word, but calling it per record is too slow at scale, so one
seeded Faker fills pools of names, companies, places and sentences once; records are then
assembled from the pools with a seeded random.Random. Same seed, same data.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import string
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from console.config.paths import cache_dir

# A fixed "now" keeps generated timestamps identical from run to run (snapshots depend on it).
EPOCH = datetime(2026, 11, 2, 9, 0, 0, tzinfo=UTC)

INDUSTRIES = (
    "Design Services",
    "Software",
    "Manufacturing",
    "Healthcare",
    "Retail",
    "Logistics",
    "Financial Services",
    "Education",
    "Telecommunications",
    "Hospitality",
    "Construction",
    "Energy",
    "Media",
    "Non-profit",
    "Real Estate",
    "Legal",
    "Consulting",
    "Agriculture",
)


@dataclass(frozen=True, slots=True)
class Pools:
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    companies: tuple[str, ...]
    domains: tuple[str, ...]
    cities: tuple[tuple[str, str, str], ...]  # city, state, postal code
    streets: tuple[str, ...]
    countries: tuple[str, ...]
    titles: tuple[str, ...]
    sentences: tuple[str, ...]
    words: tuple[str, ...]


@cache
def pools(seed: int = 0, size: int = 600) -> Pools:
    """Word pools made by one seeded Faker, cached per process and on disk.

    Importing Faker and filling the pools takes about half a second; the on-disk copy (keyed
    by seed, size and Faker's version, in the user cache dir) makes later starts instant.
    """
    from importlib.metadata import version

    key = f"fakepools-{seed}-{size}-{version('faker')}.json"
    path = cache_dir() / key
    try:
        data: dict[str, list[Any]] = json.loads(path.read_text())
        fields: dict[str, Any] = {
            k: tuple(tuple(x) if isinstance(x, list) else x for x in v) for k, v in data.items()
        }
        return Pools(**fields)
    except (OSError, ValueError, TypeError):
        pass
    made = _make_pools(seed, size)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(asdict(made)))
        os.replace(tmp, path)
    return made


def _make_pools(seed: int, size: int) -> Pools:
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(seed)
    companies = tuple(dict.fromkeys(fake.company() for _ in range(size)))
    domains = tuple(
        "".join(c for c in name.lower() if c in string.ascii_lowercase)[:18] + "." + tld
        for name, tld in zip(companies, _cycle(("com", "io", "co", "net", "org")), strict=False)
    )
    return Pools(
        first_names=tuple(dict.fromkeys(fake.first_name() for _ in range(size))),
        last_names=tuple(dict.fromkeys(fake.last_name() for _ in range(size))),
        companies=companies,
        domains=domains,
        cities=tuple((fake.city(), fake.state_abbr(), fake.postcode()) for _ in range(size // 2)),
        streets=tuple(fake.street_address() for _ in range(size)),
        countries=("US", "US", "US", "CA", "GB", "DE", "FR", "AU", "NL", "IE"),
        titles=tuple(dict.fromkeys(fake.job() for _ in range(size // 2))),
        sentences=tuple(fake.sentence(nb_words=10) for _ in range(size)),
        words=tuple(dict.fromkeys(fake.word() for _ in range(size))),
    )


def _cycle(items: tuple[str, ...]) -> list[str]:
    return [items[i % len(items)] for i in range(10_000)]


class Fake:
    """Record-level helpers over the pools, driven by one seeded Random."""

    def __init__(self, seed: int, stream: str = "") -> None:
        # Each vendor draws from its own stream, so adding data to one never shifts another.
        self.rng = random.Random(f"{seed}:{stream}")
        self.pools = pools(seed)

    def pick(self, seq: tuple[str, ...] | list[str]) -> str:
        return seq[self.rng.randrange(len(seq))]

    def first_name(self) -> str:
        return self.pick(self.pools.first_names)

    def last_name(self) -> str:
        return self.pick(self.pools.last_names)

    def company(self) -> str:
        return self.pick(self.pools.companies)

    def email(self, first: str, last: str, domain: str | None = None, n: int = 0) -> str:
        local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
        if n:
            local += str(n)
        return f"{local}@{domain or self.pick(self.pools.domains)}"

    def phone(self) -> str:
        r = self.rng
        return f"+1-{r.randint(201, 989)}-{r.randint(200, 999)}-{r.randint(1000, 9999)}"

    def address(self) -> dict[str, str]:
        city, state, postcode = self.pools.cities[self.rng.randrange(len(self.pools.cities))]
        return {
            "line1": self.pick(self.pools.streets),
            "city": city,
            "postal_code": postcode,
            "state": state,
            "country": "US",
        }

    def sentence(self) -> str:
        return self.pick(self.pools.sentences)

    def paragraph(self, n: int = 3) -> str:
        return " ".join(self.sentence() for _ in range(n))

    def title(self) -> str:
        return self.pick(self.pools.titles)

    def industry(self) -> str:
        return self.pick(INDUSTRIES)

    def past(self, days: int = 365) -> datetime:
        return EPOCH - timedelta(seconds=self.rng.randint(0, days * 86400))

    def future(self, days: int = 60) -> datetime:
        return EPOCH + timedelta(seconds=self.rng.randint(3600, days * 86400))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p


def iso(dt: datetime) -> str:
    """Zendesk-style UTC timestamp: 2014-09-28T16:32:56Z."""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_iso() -> str:
    return iso(datetime.now(UTC))
