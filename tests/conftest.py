"""Fixtures every test shares: a neutral environment and the loopback sandbox.

- No test sees the user's real config, data, keyring or proxies (autouse `_isolated_env`).
- One sandbox per test session (per xdist worker) serves all four vendors on 127.0.0.1;
  tests that need a pristine one use `fresh_sandbox`.
- `service` is an async Service on the sandbox with retries fast enough for tests.
"""

from __future__ import annotations

import importlib.util
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from console.config.profile import Profile
from console.http.settings import ClientSettings
from console.journal import Journal
from console.sandbox.profile import sandbox_profile
from console.sandbox.server import VENDOR_ORDER, EmbeddedSandbox, SandboxOptions
from console.service.service import Service

FAST = ClientSettings(
    backoff_initial=0.01, backoff_max=0.05, backoff_jitter=0.01, retry_after_max=0.2
)


def available_vendors() -> tuple[str, ...]:
    return tuple(v for v in VENDOR_ORDER if importlib.util.find_spec(f"console.sandbox.{v}"))


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(__import__("os").environ):
        if name.startswith("CRM_CONSOLE_") or name.lower().endswith("_proxy"):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CRM_CONSOLE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CRM_CONSOLE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CRM_CONSOLE_SECRETS", "file")
    monkeypatch.setenv("CRM_CONSOLE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture(scope="session")
def sandbox() -> Iterator[EmbeddedSandbox]:
    with EmbeddedSandbox(SandboxOptions(vendors=available_vendors())) as running:
        yield running


@pytest.fixture
def fresh_sandbox() -> Iterator[EmbeddedSandbox]:
    """A sandbox of its own, for tests that change data others read."""
    with EmbeddedSandbox(SandboxOptions(vendors=available_vendors(), seed=1)) as running:
        yield running


@pytest.fixture
def profile(sandbox: EmbeddedSandbox) -> Profile:
    return sandbox_profile(sandbox.config)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite3")
    yield j
    j.close()


@pytest.fixture
async def service(profile: Profile, journal: Journal) -> AsyncIterator[Service]:
    async with Service(profile, journal=journal, settings=FAST) as svc:
        yield svc


class Admin:
    """The sandbox's admin endpoints for one vendor: faults and the request log."""

    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, trust_env=False, timeout=10)

    def faults(self, **changes: Any) -> dict[str, Any]:
        return self.http.patch("/_sandbox/faults", json=changes).json()

    def reset_faults(self) -> None:
        self.http.delete("/_sandbox/faults")

    def requests(self, **filters: Any) -> list[dict[str, Any]]:
        return self.http.get("/_sandbox/requests", params=filters).json()["requests"]

    def clear_requests(self) -> None:
        self.http.delete("/_sandbox/requests")

    def settings(self, **changes: Any) -> dict[str, Any]:
        if changes:
            return self.http.patch("/_sandbox/settings", json=changes).json()
        return self.http.get("/_sandbox/settings").json()


@pytest.fixture
def admin(sandbox: EmbeddedSandbox) -> Iterator[dict[str, Admin]]:
    """Per-vendor admin handles; faults and settings are reset after each test."""
    handles = {v: Admin(sandbox.base_url(v)) for v in sandbox.servers.sandboxes}
    for h in handles.values():
        h.reset_faults()
        h.clear_requests()
    before = {v: h.settings() for v, h in handles.items()}
    yield handles
    for v, h in handles.items():
        h.reset_faults()
        h.settings(**before[v])
        h.http.close()
