"""The catalog: every endpoint of every vendor, loaded on first use."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from functools import cache

from console.catalog.endpoint import VENDORS, Endpoint
from console.errors import ConfigError


@cache
def _load() -> dict[str, Endpoint]:
    table: dict[str, Endpoint] = {}
    for vendor in VENDORS:
        module = importlib.import_module(f"console.vendors.{vendor}.endpoints")
        for ep in module.ENDPOINTS:
            if ep.id in table:
                raise RuntimeError(f"endpoint {ep.id} is declared twice")
            if ep.vendor != vendor:
                raise RuntimeError(f"endpoint {ep.id} is declared under {vendor}")
            table[ep.id] = ep
    return table


def all_endpoints(vendor: str | None = None) -> list[Endpoint]:
    """Every endpoint, in declaration order, optionally for one vendor."""
    eps = list(_load().values())
    return [e for e in eps if vendor is None or e.vendor == vendor]


def get(endpoint_id: str) -> Endpoint:
    try:
        return _load()[endpoint_id]
    except KeyError:
        close = [e for e in _load() if e.lower().endswith(endpoint_id.lower().split(".")[-1])]
        hint = f" Did you mean {', '.join(close[:3])}?" if close else ""
        raise ConfigError(f"Unknown endpoint {endpoint_id!r}.{hint}") from None


def ids() -> Iterator[str]:
    return iter(_load())
