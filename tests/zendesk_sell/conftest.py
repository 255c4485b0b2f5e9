"""Fixtures for the Zendesk Sell tests: the sandbox's demo config and plain HTTP clients."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from console.sandbox.server import EmbeddedSandbox
from tests.conftest import Admin


@pytest.fixture
def zs(sandbox: EmbeddedSandbox) -> dict[str, Any]:
    """The print-config entry: base_url, access_token, OAuth client and refresh token."""
    return dict(sandbox.config["zendesk_sell"])


@pytest.fixture
def http(zs: dict[str, Any]) -> Iterator[httpx.Client]:
    """A third-party integration's view: plain httpx with the demo token."""
    headers = {
        "Authorization": f"Bearer {zs['access_token']}",
        "Accept": "application/json",
        "User-Agent": "contract-tests/1.0",
    }
    with httpx.Client(base_url=zs["base_url"], headers=headers, trust_env=False) as client:
        yield client


@pytest.fixture
def adm(admin: dict[str, Admin]) -> Admin:
    return admin["zendesk_sell"]


def unique(prefix: str = "T") -> str:
    """A value no seeded record has (tests share one sandbox)."""
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def error_of(response: httpx.Response) -> dict[str, Any]:
    """The first error of a Zendesk errors envelope."""
    body = response.json()
    assert body["meta"]["type"] == "errors"
    return dict(body["errors"][0]["error"])
