"""What the profiles screen shows and does off the event loop: rows read from the config
store (secrets only as names of fields that are set) and the per-vendor probe.

`load_rows` runs in a thread worker (the keyring may be slow); `probe` makes the cheap
call of `console/config/probe.py` for each vendor through a `Service`, the running one when
the profile is in use, else one opened for the test and closed after it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from console.errors import ConfigError, ConsoleError
from console.journal import Journal
from console.service.service import Service

SANDBOX_KEY = "sandbox:embedded"
SANDBOX_VENDORS = ["salesforce", "zendesk_sell", "infinity", "totango"]


@dataclass(slots=True)
class ProfileRow:
    key: str
    name: str
    sandbox: bool = False
    default: bool = False
    current: bool = False
    read_only: bool = False
    vendors: list[str] = field(default_factory=list)
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)  # no secrets in here
    secrets: dict[str, list[str]] = field(default_factory=dict)  # names of the ones set
    problem: str = ""

    @property
    def title(self) -> str:
        return "the embedded sandbox" if self.sandbox else f"profile {self.name}"

    @property
    def secret_count(self) -> int:
        return sum(len(v) for v in self.secrets.values())

    @property
    def summary(self) -> str:
        if self.sandbox:
            return "demo data on 127.0.0.1 with demo credentials; no vendor is contacted"
        parts = ["default" if self.default else "", "in use" if self.current else ""]
        parts.append("read-only" if self.read_only else "read-write")
        return " · ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class ProbeResult:
    ok: bool
    text: str


def load_rows(*, current: str | None, on_sandbox: bool) -> list[ProfileRow]:
    """Every configured profile, then the embedded sandbox (always offered)."""
    from console.config.store import (
        default_profile_name,
        load_config,
        load_profile,
        profile_names,
    )

    config = load_config()
    default = default_profile_name(config)
    rows: list[ProfileRow] = []
    for name in profile_names(config):
        row = ProfileRow(
            f"profile:{name}",
            name,
            default=name == default,
            current=name == current and not on_sandbox,
        )
        try:
            profile = load_profile(name, config=config)
        except ConfigError as exc:
            row.problem = exc.message
            rows.append(row)
            continue
        row.read_only = profile.read_only
        row.vendors = profile.vendors()
        for vendor in row.vendors:
            creds = profile.credentials(vendor)
            row.settings[vendor] = creds.public()
            row.secrets[vendor] = [f for f in creds.secret_fields if f in creds.secrets()]
        rows.append(row)
    rows.append(
        ProfileRow(
            SANDBOX_KEY,
            "sandbox",
            sandbox=True,
            current=on_sandbox,
            vendors=list(SANDBOX_VENDORS),
            default=default is None,
        )
    )
    return rows


async def probe(
    name: str, service: Service | None, journal: Journal | None
) -> AsyncIterator[tuple[str, ProbeResult]]:
    """(vendor, result) for each vendor of the profile, as each answers."""
    from console.config.store import load_profile

    own: Service | None = None
    if service is None:
        profile = await asyncio.to_thread(load_profile, name)
        service = own = Service(profile, journal=journal)
    try:
        calls = [_probe_one(service, v) for v in service.profile.vendors()]
        for done in asyncio.as_completed(calls):
            yield await done
    finally:
        if own is not None:
            await own.aclose()


async def _probe_one(service: Service, vendor: str) -> tuple[str, ProbeResult]:
    from console.config.probe import PROBES

    endpoint_id, inputs = PROBES[vendor]
    started = time.perf_counter()
    try:
        result = await service.call(endpoint_id, inputs)
    except ConsoleError as exc:
        ms = round((time.perf_counter() - started) * 1000)
        return vendor, ProbeResult(False, f"FAIL {exc.title}: {exc.message} ({ms} ms)")
    ms = round(result.latency_ms or (time.perf_counter() - started) * 1000)
    return vendor, ProbeResult(True, f"ok {ms} ms ({endpoint_id})")
