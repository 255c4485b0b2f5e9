"""Infinity test fixtures: the shared session sandbox for reads, a private one for changes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from console.sandbox.infinity import Sandbox
from console.sandbox.profile import sandbox_profile
from console.sandbox.server import EmbeddedSandbox, SandboxOptions
from console.service.service import Service
from tests.conftest import FAST, Admin


@pytest.fixture
def inf(sandbox: EmbeddedSandbox) -> dict[str, Any]:
    """The session sandbox's Infinity print-config (base_url, username, password, api_key, igrp)."""
    return dict(sandbox.config["infinity"])


@pytest.fixture
def own() -> Iterator[EmbeddedSandbox]:
    """An Infinity-only sandbox of this test's own (same seed), for tests that change buttons."""
    with EmbeddedSandbox(SandboxOptions(vendors=("infinity",))) as running:
        yield running


@pytest.fixture
def own_inf(own: EmbeddedSandbox) -> dict[str, Any]:
    return dict(own.config["infinity"])


@pytest.fixture
def own_sandbox(own: EmbeddedSandbox) -> Sandbox:
    sb = own.sandbox("infinity")
    assert isinstance(sb, Sandbox)
    return sb


@pytest.fixture
def own_admin(own: EmbeddedSandbox) -> Iterator[Admin]:
    handle = Admin(own.base_url("infinity"))
    yield handle
    handle.http.close()


@pytest.fixture
def v21(own_inf: dict[str, Any]) -> Iterator[httpx.Client]:
    """Plain httpx on the private sandbox's v2.1 base, with the demo API key."""
    with httpx.Client(
        base_url=own_inf["base_url"] + "/config/v2.1",
        headers={"Authorization": f"ApiKey {own_inf['api_key']}"},
        trust_env=False,
    ) as client:
        yield client


@pytest.fixture
async def own_service(own: EmbeddedSandbox) -> AsyncIterator[Service]:
    async with Service(sandbox_profile(own.config), settings=FAST) as svc:
        yield svc
