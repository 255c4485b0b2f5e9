"""Every Totango endpoint through the service, against the sandbox."""

from __future__ import annotations

from typing import Any

import pytest

from console.errors import (
    AuthenticationError,
    InputError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
)
from console.sandbox.profile import sandbox_profile
from console.sandbox.server import EmbeddedSandbox
from console.sandbox.totango.data import USER_TOKEN
from console.service.service import Service
from tests.conftest import FAST, Admin


@pytest.fixture
def tt(sandbox: EmbeddedSandbox) -> dict[str, Any]:
    return sandbox.config["totango"]


async def test_run_manual_successplay(service: Service, tt: dict[str, Any]) -> None:
    result = await service.call(
        "totango.runManualSuccessPlay",
        {"successplayId": tt["successplay_id"], "accountId": "ACC-10003"},
    )
    assert result.to_jsonable() == {"text": "Success"}
    assert result.status == 200
    assert result.request_id


async def test_run_refuses_a_malformed_successplay_id_before_sending(
    service: Service, admin: dict[str, Admin]
) -> None:
    with pytest.raises(InputError) as err:
        await service.call("totango.runManualSuccessPlay", {"successplayId": "abc"})
    assert set(err.value.fields) == {"successplayId", "accountId"}
    assert admin["totango"].requests() == []


async def test_vendor_errors_carry_code_and_request_id(
    service: Service, tt: dict[str, Any]
) -> None:
    with pytest.raises(NotFoundError) as err:
        await service.call(
            "totango.runManualSuccessPlay",
            {"successplayId": tt["successplay_id"], "accountId": "ACC-99999"},
        )
    assert err.value.code == "ACCOUNT_NOT_FOUND"
    assert err.value.status == 404
    assert err.value.request_id
    assert "Account not found" in str(err.value)


async def test_non_admin_token_gets_the_role_error(
    sandbox: EmbeddedSandbox, tt: dict[str, Any]
) -> None:
    config = {"totango": {**tt, "app_token": USER_TOKEN}}
    async with Service(sandbox_profile(config), settings=FAST) as svc:
        with pytest.raises(PermissionDeniedError) as err:
            await svc.call(
                "totango.runManualSuccessPlay",
                {"successplayId": tt["successplay_id"], "accountId": "ACC-10003"},
            )
    assert err.value.code == "ROLE_REQUIRED"


async def test_wrong_token_is_401(sandbox: EmbeddedSandbox, tt: dict[str, Any]) -> None:
    config = {"totango": {**tt, "app_token": "wrong-token-123456"}}
    async with Service(sandbox_profile(config), settings=FAST) as svc:
        with pytest.raises(AuthenticationError):
            await svc.call("totango.searchAccounts", {"count": 1})


async def test_search_accounts_one_page_and_all_pages(
    service: Service, admin: dict[str, Admin]
) -> None:
    page = await service.call("totango.searchAccounts", {"count": 25})
    assert len(page.data) == 25
    assert page.total == 300
    assert page.next == 25
    admin["totango"].clear_requests()
    everything = await service.call("totango.searchAccounts", {"count": 100}, all_pages=True)
    ids = [hit.name for hit in everything.data]
    assert len(ids) == 300
    assert len(set(ids)) == 300
    assert len(admin["totango"].requests()) == 3


async def test_search_by_name(service: Service) -> None:
    result = await service.call(
        "totango.searchAccounts",
        {"terms": [{"type": "string", "term": "display_name", "contains": "llc"}], "count": 1000},
    )
    assert result.data
    assert all("llc" in (hit.display_name or "").lower() for hit in result.data)


async def test_rate_limit_429_surfaces_after_retries(
    service: Service, admin: dict[str, Admin]
) -> None:
    admin["totango"].faults(burst_429=10, retry_after=0)
    with pytest.raises(RateLimitError) as err:
        await service.call("totango.searchAccounts", {"count": 1})
    assert err.value.status == 429
    assert len(admin["totango"].requests()) == FAST.max_attempts


async def test_idempotent_search_is_retried_through_503s(
    service: Service, admin: dict[str, Admin]
) -> None:
    admin["totango"].faults(fail_next=2, error_status=503)
    result = await service.call("totango.searchAccounts", {"count": 1})
    assert result.status == 200
    assert [r["status"] for r in admin["totango"].requests()] == [503, 503, 200]


async def test_run_is_never_sent_twice(
    service: Service, admin: dict[str, Admin], tt: dict[str, Any]
) -> None:
    admin["totango"].faults(fail_next=3, error_status=503)
    with pytest.raises(Exception):  # noqa: B017, PT011 - the server error itself
        await service.call(
            "totango.runManualSuccessPlay",
            {"successplayId": tt["successplay_id"], "accountId": "ACC-10004"},
        )
    assert len(admin["totango"].requests()) == 1


async def test_raw_request(service: Service) -> None:
    result = await service.call(
        "totango.rawRequest",
        {
            "method": "POST",
            "url": "/api/v1/search/accounts",
            "form": {"query": '{"terms": [], "count": 2}'},
        },
    )
    assert result.data.status == 200
    assert len(result.data.body["response"]["accounts"]["hits"]) == 2
