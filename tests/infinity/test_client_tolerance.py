"""How the Infinity client copes with answers the sandbox never gives by default: odd bodies,
text and HTML errors, a server that ignores `limit`. An in-process transport stands in for
the vendor (nothing leaves the process)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from console.config.credentials import InfinityCredentials
from console.config.profile import Profile
from console.errors import BadRequestError, MalformedResponse, PermissionDeniedError
from console.service.service import Service
from tests.conftest import FAST

Handler = Callable[[httpx.Request], httpx.Response]
BUTTONS = "/config/v2.1/igrps/10001/callerInsight/sfButtons"


class Vendor:
    """Answers by (method, path); records what was asked."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Handler] = {}
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        handler = self.routes.get((request.method, request.url.path))
        return handler(request) if handler else httpx.Response(404, json={"error": "Not Found"})


@pytest.fixture
def vendor() -> Vendor:
    return Vendor()


@pytest.fixture
async def svc(vendor: Vendor) -> AsyncIterator[Service]:
    creds = InfinityCredentials(
        base_url="https://infinity.invalid", api_key=SecretStr("k" * 20), igrp="10001"
    )
    profile = Profile(name="mock", infinity=creds)
    async with Service(profile, settings=FAST, transport=httpx.MockTransport(vendor)) as service:
        yield service


def answer(status: int, body: Any = None, **kwargs: Any) -> Handler:
    """A fixed answer: `body` as JSON, or whatever httpx.Response kwargs say."""

    def handle(request: httpx.Request) -> httpx.Response:
        if body is not None:
            return httpx.Response(status, json=body, **kwargs)
        return httpx.Response(status, **kwargs)

    return handle


async def test_records_that_do_not_fit_are_malformed_not_crashes(
    svc: Service, vendor: Vendor
) -> None:
    vendor.routes[("GET", BUTTONS + "/1")] = answer(200, {"sfOrgRef": "no id"})
    with pytest.raises(MalformedResponse):
        await svc.call("infinity.getSfButton", {"sfButtonId": "1"})
    vendor.routes[("GET", BUTTONS)] = answer(200, content=b'"a"\n"b"\n')
    with pytest.raises(MalformedResponse):
        await svc.call("infinity.listSfButtons")


async def test_create_needs_an_id_but_not_a_successful_read_back(
    svc: Service, vendor: Vendor
) -> None:
    inputs = {"callRating": "Spam", "buttonAction": "rateCall", "buttonLabel": "Rate"}
    vendor.routes[("POST", BUTTONS)] = answer(201, {})
    with pytest.raises(MalformedResponse):
        await svc.call("infinity.createSfButton", inputs)
    vendor.routes[("POST", BUTTONS)] = answer(201, {"sfButtonId": 9})
    vendor.routes[("GET", BUTTONS + "/9")] = answer(500, content=b"oops")
    result = await svc.call("infinity.createSfButton", inputs)
    assert (result.data.sfButtonId, result.data.created, result.data.button) == ("9", True, None)
    posted = vendor.seen[1]
    assert posted.headers["content-type"] == "application/x-www-form-urlencoded"
    assert posted.headers["authorization"] == "ApiKey " + "k" * 20


async def test_text_and_html_errors(svc: Service, vendor: Vendor) -> None:
    inputs = {"callRating": "Spam", "buttonAction": "rateCall", "buttonLabel": "Rate"}
    vendor.routes[("POST", BUTTONS)] = answer(400, content=b"callRating is required\n")
    with pytest.raises(BadRequestError) as bad:
        await svc.call("infinity.createSfButton", inputs)
    assert (bad.value.message, bad.value.field) == ("callRating is required", "callRating")
    page = b"<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>"
    vendor.routes[("GET", BUTTONS)] = answer(
        403, content=page, headers={"content-type": "text/html"}
    )
    with pytest.raises(PermissionDeniedError) as denied:
        await svc.call("infinity.listSfButtons")
    assert denied.value.message == "Forbidden"


async def test_lists_as_arrays_empty_or_ignoring_limit(svc: Service, vendor: Vendor) -> None:
    rows = [{"sfButtonId": str(i), "callRating": f"R{i}"} for i in range(1, 8)]
    vendor.routes[("GET", BUTTONS)] = answer(200, content=json.dumps(rows).encode())
    # A server that ignores limit answers more than asked: that is everything, one page.
    result = await svc.call("infinity.listSfButtons", {"limit": 3}, all_pages=True)
    assert [b.sfButtonId for b in result.data] == [str(i) for i in range(1, 8)]
    assert result.requests == 1
    vendor.routes[("GET", BUTTONS)] = answer(200, content=b"")
    empty = await svc.call("infinity.listSfButtons", all_pages=True)
    assert (empty.data, empty.pages) == ([], 1)
