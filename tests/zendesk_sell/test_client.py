"""The Zendesk Sell client's own behaviour: OAuth refresh, speculative paging, query encoding,
error parsing, and draining streams."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from console.config.credentials import ZendeskSellCredentials
from console.config.profile import Profile
from console.errors import AuthenticationError, RateLimitError, ServerError, UnprocessableError
from console.http.settings import ClientSettings
from console.service.service import Service
from console.vendors.zendesk_sell.client import Client, encode_query
from console.vendors.zendesk_sell.queries import ListContactsInput
from tests.conftest import FAST, Admin

STALE = "e" * 64


def _profile(zs: dict[str, Any], **creds: Any) -> Profile:
    base = {"base_url": zs["base_url"], "access_token": STALE}
    return Profile(name="t", sandbox=True, zendesk_sell=ZendeskSellCredentials(**{**base, **creds}))


def _oauth(zs: dict[str, Any]) -> dict[str, Any]:
    return {
        "refresh_token": zs["refresh_token"],
        "client_id": zs["client_id"],
        "client_secret": zs["client_secret"],
    }


# -- OAuth refresh --------------------------------------------------------------------------------


async def test_a_401_refreshes_the_token_once_and_retries(zs: dict[str, Any], adm: Admin) -> None:
    profile = _profile(zs, **_oauth(zs))
    async with Service(profile, settings=FAST) as svc:
        result = await svc.call("zendesk_sell.listUsers", {"per_page": 1})
        assert result.status == 200
        creds = profile.zendesk_sell
        assert creds is not None
        assert creds.access_token is not None
        fresh = creds.access_token.get_secret_value()
        assert fresh != STALE
        assert len(fresh) == 64
        # Later calls use the new token without refreshing again.
        await svc.call("zendesk_sell.listAccountDetails")
    paths = [(r["method"], r["path"], r["status"]) for r in adm.requests()]
    assert paths == [
        ("GET", "/v2/users", 401),
        ("POST", "/oauth2/token", 200),
        ("GET", "/v2/users", 200),
        ("GET", "/v2/accounts/self", 200),
    ]


async def test_concurrent_401s_share_one_refresh(zs: dict[str, Any], adm: Admin) -> None:
    async with Service(_profile(zs, **_oauth(zs)), settings=FAST) as svc:
        results = await asyncio.gather(
            *(svc.call("zendesk_sell.getContact", {"id": n}) for n in range(1, 6))
        )
    assert [r.data.id for r in results] == [1, 2, 3, 4, 5]
    assert len(adm.requests(path="/oauth2/token")) == 1


async def test_a_failed_refresh_leaves_the_401(zs: dict[str, Any], adm: Admin) -> None:
    profile = _profile(zs, **{**_oauth(zs), "refresh_token": "not-a-refresh-token"})
    async with Service(profile, settings=FAST) as svc:
        with pytest.raises(AuthenticationError) as err:
            await svc.call("zendesk_sell.listUsers")
    assert err.value.code == "unauthorized"
    assert STALE not in str(err.value)
    assert len(adm.requests(path="/oauth2/token")) == 1


async def test_without_refresh_credentials_there_is_no_refresh(
    zs: dict[str, Any], adm: Admin
) -> None:
    async with Service(_profile(zs), settings=FAST) as svc:
        with pytest.raises(AuthenticationError):
            await svc.call("zendesk_sell.listUsers")
    assert adm.requests(path="/oauth2/token") == []


# -- paging ---------------------------------------------------------------------------------------


async def _all_contacts(zs: dict[str, Any], settings: ClientSettings) -> list[int]:
    profile = _profile(zs, access_token=zs["access_token"])
    async with Service(profile, settings=settings) as svc:
        ids: list[int] = []
        async for page in svc.iterate(
            "zendesk_sell.listContacts",
            {"per_page": 50, "sort_by": "id", "ids": list(range(1, 301))},
        ):
            ids += [c.id for c in page.items]
        return ids


async def test_speculative_paging_yields_in_order_and_wastes_little(
    zs: dict[str, Any], adm: Admin
) -> None:
    settings = replace(FAST, page_concurrency=4, rate_limit_per_minute=100_000)
    ids = await _all_contacts(zs, settings)
    assert ids == list(range(1, 301))
    pages = [
        int(dict(p.split("=") for p in r["query"].split("&"))["page"])
        for r in adm.requests(path="/v2/contacts")
    ]
    assert set(range(1, 7)) <= set(pages)
    assert len(pages) <= 6 + 3  # six pages, at most concurrency - 1 past the end


async def test_sequential_paging_sends_exactly_the_pages(zs: dict[str, Any], adm: Admin) -> None:
    settings = replace(FAST, page_concurrency=1, rate_limit_per_minute=100_000)
    assert len(await _all_contacts(zs, settings)) == 300
    assert len(adm.requests(path="/v2/contacts")) == 6


async def test_a_failing_page_fails_the_walk(zs: dict[str, Any], adm: Admin) -> None:
    settings = replace(FAST, max_attempts=1, rate_limit_per_minute=100_000)
    adm.faults(fail_next=1, error_status=500)
    with pytest.raises(ServerError):
        await _all_contacts(zs, settings)


def test_query_encoding() -> None:
    model = ListContactsInput.model_validate(
        {
            "ids": "1, 2,3",
            "is_organization": False,
            "address[city]": "Paris",
            "custom_fields": {"Tier": "Gold"},
            "filters": {"billing_address[city]": "Lyon"},
        }
    )
    dumped = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert encode_query(model, dumped) == [
        ("is_organization", "false"),
        ("address[city]", "Paris"),
        ("ids", "1,2,3"),
        ("custom_fields[Tier]", "Gold"),
        ("billing_address[city]", "Lyon"),
    ]


# -- errors ---------------------------------------------------------------------------------------


def _client() -> Client:
    creds = ZendeskSellCredentials(access_token=SecretStr("t" * 64))
    return Client(httpx.AsyncClient(), creds, ClientSettings())


def _response(status: int, content: bytes, ctype: str = "application/json") -> httpx.Response:
    return httpx.Response(
        status, content=content, headers={"Content-Type": ctype, "X-Request-Id": "rid-1"}
    )


@pytest.mark.parametrize(
    ("content", "ctype"),
    [
        (b"", "text/plain"),
        (b"<html>Too Many Requests</html>", "text/html"),
        (
            b'{"errors":[{"error":{"code":"rate_limit_exceeded","message":"Slow down."}}],'
            b'"meta":{"logref":"abc"}}',
            "application/json",
        ),
    ],
)
def test_any_429_body_is_a_rate_limit_error(content: bytes, ctype: str) -> None:
    error = _client().parse_error(_response(429, content, ctype))
    assert isinstance(error, RateLimitError)
    assert error.code == "rate_limit_exceeded"
    assert error.request_id in ("rid-1", "abc")


def test_the_errors_envelope_is_parsed_in_full() -> None:
    body = (
        b'{"errors":[{"error":{"code":"missing","message":"Missing.","details":"name is '
        b'required","field":"/data/name"}},{"error":{"code":"unknown","message":"Unknown.",'
        b'"field":"/data/x"}}],"meta":{"type":"errors","logref":"log-7"}}'
    )
    error = _client().parse_error(_response(422, body))
    assert isinstance(error, UnprocessableError)
    assert (error.code, error.field, error.request_id) == ("missing", "/data/name", "log-7")
    assert error.message == "Missing: name is required (+1 more)"


def test_oauth_and_html_errors() -> None:
    oauth = _client().parse_error(
        _response(400, b'{"error":"invalid_grant","error_description":"Expired."}')
    )
    assert (oauth.code, oauth.message) == ("invalid_grant", "Expired.")
    html = _client().parse_error(_response(502, b"<h1>Bad gateway</h1>", "text/html"))
    assert isinstance(html, ServerError)
    assert html.message == "<h1>Bad gateway</h1>"


# -- streams --------------------------------------------------------------------------------------


async def test_draining_waits_out_empty_pages_behind_the_top(
    zs: dict[str, Any], adm: Admin
) -> None:
    adm.settings(firehose_empty_pages=2)
    profile = _profile(zs, access_token=zs["access_token"])
    async with Service(profile, settings=FAST) as svc:
        pages = [p async for p in svc.iterate("zendesk_sell.getStagesStream", {"limit": 100})]
    assert sum(len(p.items) for p in pages) >= 8
    assert pages[-1].meta["top"] is True
    assert len(adm.requests(path="/v3/stages/stream")) == 3
