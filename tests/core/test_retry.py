"""The retry policy over real sockets: idempotent requests recover, creates never repeat."""

from __future__ import annotations

import contextlib
import socket
from dataclasses import replace
from typing import Any

import pytest
from tenacity import RetryCallState

from console.errors import (
    ConnectError,
    ConnectionDropped,
    RateLimitError,
    RequestTimeout,
    ServerError,
)
from console.http.retry import _waiter, is_retryable
from console.sandbox.profile import sandbox_profile
from console.sandbox.server import EmbeddedSandbox
from console.service.service import Service
from tests.conftest import FAST, Admin


@pytest.fixture
def tt(sandbox: EmbeddedSandbox) -> dict[str, Any]:
    return sandbox.config["totango"]


def _run_inputs(tt: dict[str, Any], account: str) -> dict[str, str]:
    return {"successplayId": tt["successplay_id"], "accountId": account}


async def test_dropped_connections_are_retried_for_reads(
    service: Service, admin: dict[str, Admin]
) -> None:
    admin["totango"].faults(drop_next=2)
    result = await service.call("totango.searchAccounts", {"count": 1})
    assert len(result.data) == 1
    assert result.requests == 3
    assert [r["fault"] for r in admin["totango"].requests()][:2] == ["dropped before handling"] * 2


async def test_malformed_bodies_are_retried_for_reads(
    service: Service, admin: dict[str, Admin]
) -> None:
    admin["totango"].faults(malformed_next=1)
    result = await service.call("totango.searchAccounts", {"count": 1})
    assert len(result.data) == 1
    assert len(admin["totango"].requests()) == 2


async def test_a_create_that_landed_is_not_sent_again(
    service: Service, admin: dict[str, Admin], sandbox: EmbeddedSandbox, tt: dict[str, Any]
) -> None:
    runs = sandbox.sandbox("totango").store.table("runs")
    before = len(runs)
    admin["totango"].faults(drop_next=1, drop_after_handling=True)
    with pytest.raises(ConnectionDropped):
        await service.call("totango.runManualSuccessPlay", _run_inputs(tt, "ACC-10011"))
    assert len(admin["totango"].requests()) == 1
    assert len(runs) == before + 1


async def test_creates_under_every_failure_reach_the_server_at_most_once(
    service: Service, admin: dict[str, Admin], tt: dict[str, Any]
) -> None:
    for fault in (
        {"fail_next": 3},
        {"burst_429": 3, "retry_after": 0},
        {"drop_next": 3},
        {"malformed_next": 3},
    ):
        admin["totango"].reset_faults()
        admin["totango"].clear_requests()
        admin["totango"].faults(**fault)
        # The outcome differs per fault; the count of what reached the server is the point.
        with contextlib.suppress(Exception):
            await service.call("totango.runManualSuccessPlay", _run_inputs(tt, "ACC-10012"))
        assert len(admin["totango"].requests()) == 1, fault


async def test_timeouts_are_retried_then_reported(profile: Any, admin: dict[str, Admin]) -> None:
    admin["totango"].faults(latency_ms=400)
    settings = replace(FAST, read_timeout=0.05, max_attempts=2)
    async with Service(profile, settings=settings) as svc:
        with pytest.raises(RequestTimeout):
            await svc.call("totango.searchAccounts", {"count": 1})
    assert len(admin["totango"].requests()) == 2


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return int(port)


async def test_nothing_listening_is_a_connect_error_retried_even_for_creates(
    tt: dict[str, Any],
) -> None:
    config = {"totango": {**tt, "base_url": f"http://127.0.0.1:{_closed_port()}"}}
    async with Service(sandbox_profile(config), settings=FAST) as svc:
        with pytest.raises(ConnectError) as err:
            await svc.call("totango.runManualSuccessPlay", _run_inputs(tt, "ACC-10013"))
    assert "could not connect" in str(err.value)


def test_which_errors_are_retryable() -> None:
    kw: dict[str, Any] = {"vendor": "totango"}
    assert is_retryable(ConnectError("x", **kw), idempotent=False)
    assert not is_retryable(ServerError("x", **kw), idempotent=False)
    assert not is_retryable(RateLimitError("x", **kw), idempotent=False)
    assert is_retryable(ServerError("x", **kw), idempotent=True)
    assert is_retryable(ConnectionDropped("x", **kw), idempotent=True)


def test_retry_after_wins_over_backoff_but_is_capped() -> None:
    wait = _waiter(replace(FAST, retry_after_max=5.0))

    def state(exc: BaseException) -> RetryCallState:
        st = RetryCallState(retry_object=None, fn=None, args=(), kwargs={})  # type: ignore[arg-type]
        st.set_exception((type(exc), exc, None))
        return st

    assert wait(state(RateLimitError("x", vendor="t", retry_after=2.5))) == 2.5
    assert wait(state(RateLimitError("x", vendor="t", retry_after=99))) == 5.0
    assert wait(state(ServerError("x", vendor="t"))) <= FAST.backoff_max + FAST.backoff_jitter
