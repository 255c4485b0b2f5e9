"""Every Infinity endpoint through the service, against the sandbox."""

from __future__ import annotations

from typing import Any

import pytest

from console.errors import (
    AuthenticationError,
    BadRequestError,
    ConfigError,
    ConflictError,
    InputError,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
)
from console.journal import Journal
from console.models import Deleted, RawResponse
from console.sandbox.infinity import Sandbox
from console.sandbox.profile import sandbox_profile
from console.sandbox.server import EmbeddedSandbox
from console.service.service import Service
from console.vendors.infinity.models import CallRating, Igrp, SfButton, SfButtonSaved
from console.vendors.infinity.params import DropdownActionParam, FixedActionParam
from tests.conftest import FAST, Admin

DROPDOWNS = [
    {
        "sfFields": {"Lead": "RecordTypeId"},
        "type": "dropdown",
        "label": "Record Type",
        "required": True,
        "options": [
            {"label": "Direct", "value": "012b0000000kGkl"},
            {"label": "Reseller", "value": "012i0000000trmR"},
        ],
    },
    {"sfFields": {"Lead": "Origin__c", "Contact": "Origin__c"}, "value": "Infinity"},
    {
        "sfFields": {"Lead": "CountryCode"},
        "type": "dropdown",
        "label": "Country",
        "options": [{"label": "Canada", "value": "CA"}],
    },
]


def _service(sandbox: EmbeddedSandbox, journal: Journal | None = None, **changes: Any) -> Service:
    """A service on the session sandbox with the Infinity print-config changed."""
    config = {"infinity": {**sandbox.config["infinity"], **changes}}
    return Service(sandbox_profile(config), settings=FAST, journal=journal)


async def test_list_igrps(service: Service, inf: dict[str, Any]) -> None:
    result = await service.call("infinity.listIgrps")
    igrps = result.data
    assert all(isinstance(g, Igrp) for g in igrps)
    assert igrps[0].igrp == inf["igrp"]
    assert [g.linked for g in igrps].count(False) == 1
    assert result.next is None
    assert igrps[0].option().value == inf["igrp"]


async def test_list_buttons_one_page_then_all_pages_in_order(
    service: Service, inf: dict[str, Any], sandbox: EmbeddedSandbox, admin: dict[str, Admin]
) -> None:
    stored = [
        str(b["sfButtonId"])
        for b in sandbox.sandbox("infinity").store.table("buttons")
        if b["igrp"] == inf["igrp"]
    ]
    page = await service.call("infinity.listSfButtons", {"limit": 4})
    assert [b.sfButtonId for b in page.data] == stored[:4]
    assert (page.next, page.total) == (4, None)
    admin["infinity"].clear_requests()
    everything = await service.call("infinity.listSfButtons", {"limit": 4}, all_pages=True)
    assert [b.sfButtonId for b in everything.data] == stored
    offsets = sorted(int(r["query"].split("offset=")[1]) for r in admin["infinity"].requests())
    needed = list(range(0, len(stored), 4))
    assert offsets[: len(needed)] == needed
    # The first page alone, then look-ahead that stops at the first short page: at most
    # page_concurrency - 1 requests past the end.
    assert all(o >= len(stored) for o in offsets[len(needed) :])
    assert len(offsets) <= len(needed) + FAST.page_concurrency - 1


async def test_iterate_and_max_items(
    service: Service, sandbox: EmbeddedSandbox, inf: dict[str, Any]
) -> None:
    table = sandbox.sandbox("infinity").store.table("ratings")
    ratings = [str(r["callRatingItemId"]) for r in table if r["igrp"] == inf["igrp"]]
    seen = []
    async for page in service.iterate("infinity.listCallRatings", {"limit": 5}):
        assert len(page.items) <= 5
        seen += [r.callRatingItemId for r in page.items]
    assert seen == ratings
    capped = await service.call(
        "infinity.listCallRatings", {"limit": 2}, all_pages=True, max_items=5
    )
    assert [r.callRatingItemId for r in capped.data] == ratings[:5]


async def test_list_buttons_with_filters_and_sorts(service: Service) -> None:
    result = await service.call(
        "infinity.listSfButtons",
        {"filter": ["buttonAction-eq-logCall", {"field": "isDefaultButton", "value": "1"}]},
    )
    (default,) = result.data
    assert (default.buttonAction, default.isDefaultButton) == ("logCall", 1)
    ordered = await service.call("infinity.listSfButtons", {"sort": ["callRating-desc"]})
    names = [b.callRating.casefold() for b in ordered.data if b.callRating]
    assert names == sorted(names, reverse=True)


async def test_get_button_reads_both_parameter_forms(
    service: Service, sandbox: EmbeddedSandbox, inf: dict[str, Any]
) -> None:
    table = sandbox.sandbox("infinity").store.table("buttons")
    sales = next(
        b for b in table if b["igrp"] == inf["igrp"] and b["callRating"] == "Sales enquiry"
    )
    flat = next(b for b in table if isinstance(b["actionParams"], dict))
    got = (await service.call("infinity.getSfButton", {"sfButtonId": sales["sfButtonId"]})).data
    assert isinstance(got, SfButton)
    assert isinstance(got.actionParams, list)
    assert [p.kind for p in got.actionParams] == ["dropdown", "dropdown"]
    record_type = got.actionParams[1]
    assert (record_type.required, len(record_type.options)) == (True, 2)
    old = await service.call("infinity.getSfButton", {"sfButtonId": str(flat["sfButtonId"])})
    assert old.data.actionParams == {"Call_Source__c": "Infinity"}


async def test_list_call_ratings(service: Service, sandbox: EmbeddedSandbox) -> None:
    result = await service.call("infinity.listCallRatings", {"filter": ["isUsed-eq-0"]})
    assert result.data
    assert all(isinstance(r, CallRating) and r.isUsed == 0 for r in result.data)
    # "callRating" as a filter field is sent as Infinity's itemText.
    one = await service.call("infinity.listCallRatings", {"filter": ["callRating-eq-Support"]})
    assert [r.itemText for r in one.data] == ["Support"]
    assert "itemText-eq-Support" in sandbox.sandbox("infinity").requests.entries()[
        -1
    ].query.replace("%5B%5D", "[]")


async def test_create_then_get_round_trips_dropdown_params(
    own_service: Service, own_admin: Admin
) -> None:
    made = await own_service.call(
        "infinity.createSfButton",
        {
            "callRating": "Spam",
            "buttonAction": "createLead",
            "buttonLabel": "Create Lead",
            "actionParams": DROPDOWNS,
        },
    )
    saved = made.data
    assert isinstance(saved, SfButtonSaved)
    assert saved.created
    assert saved.button is not None
    assert [r["method"] for r in own_admin.requests()] == ["POST", "GET"]
    assert own_admin.requests()[0]["status"] == 201
    got = (await own_service.call("infinity.getSfButton", {"sfButtonId": saved.sfButtonId})).data
    assert isinstance(got.actionParams, list)
    back = [p.to_input().model_dump(mode="json") for p in got.actionParams]
    sent = [
        (DropdownActionParam if "type" in p else FixedActionParam)
        .model_validate(p)
        .model_dump(mode="json")
        for p in DROPDOWNS
    ]
    assert back == sent
    ratings = await own_service.call("infinity.listCallRatings", {"filter": ["itemText-eq-Spam"]})
    assert ratings.data[0].isUsed == 1


async def test_update_is_idempotent_and_retried(
    own_service: Service, own_admin: Admin, own_sandbox: Sandbox
) -> None:
    wrong = next(b for b in own_sandbox.store.table("buttons") if b["callRating"] == "Wrong number")
    own_admin.faults(fail_next=1, error_status=503)
    result = await own_service.call(
        "infinity.updateSfButton",
        {
            "sfButtonId": wrong["sfButtonId"],
            "buttonLabel": "Wrong number",
            "actionParams": [{"sfFields": {"Task": "Subject"}, "value": "Wrong number"}],
        },
    )
    assert [r["status"] for r in own_admin.requests()] == [503, 204, 200]
    assert not result.data.created
    assert result.data.button.buttonLabel == "Wrong number"
    cleared = await own_service.call(
        "infinity.updateSfButton", {"sfButtonId": wrong["sfButtonId"], "actionParams": []}
    )
    assert cleared.data.button.actionParams is None


async def test_create_is_never_sent_twice(own_service: Service, own_admin: Admin) -> None:
    own_admin.faults(fail_next=3, error_status=503)
    with pytest.raises(ServerError):
        await own_service.call(
            "infinity.createSfButton",
            {"callRating": "Spam", "buttonAction": "rateCall", "buttonLabel": "Rate"},
        )
    assert len(own_admin.requests()) == 1


async def test_delete_then_not_found(own_service: Service, own_sandbox: Sandbox) -> None:
    lead = next(b for b in own_sandbox.store.table("buttons") if b["callRating"] == "New Lead")
    result = await own_service.call("infinity.deleteSfButton", {"sfButtonId": lead["sfButtonId"]})
    assert result.data == Deleted(id=str(lead["sfButtonId"]))
    assert result.status == 204
    with pytest.raises(NotFoundError) as err:
        await own_service.call("infinity.getSfButton", {"sfButtonId": lead["sfButtonId"]})
    assert (err.value.status, err.value.code) == (404, "NOT_FOUND")
    assert err.value.request_id
    assert f"sfButton {lead['sfButtonId']} not found" in str(err.value)


async def test_raw_requests(own_service: Service, own_inf: dict[str, Any]) -> None:
    ratings = f"/igrps/{own_inf['igrp']}/callerInsight/sfButtons/callRatings"
    listed = await own_service.call(
        "infinity.rawRequest", {"method": "GET", "url": ratings, "params": {"limit": 3}}
    )
    assert isinstance(listed.data, RawResponse)
    assert listed.data.status == 200
    assert listed.data.headers["content-type"] == "application/x-ndjson"
    assert [set(r) for r in listed.data.body] == [{"callRatingItemId", "callRating", "isUsed"}] * 3
    made = await own_service.call(
        "infinity.rawRequest",
        {
            "method": "POST",
            "url": f"/config/v2/igrps/{own_inf['igrp']}/callerInsight/sfButtons",
            "form": {
                "callRating": "Spam",
                "buttonAction": "createLead",
                "buttonLabel": "New",
                "actionParams": [DROPDOWNS[2]],
            },
        },
    )
    assert made.data.status == 201
    assert set(made.data.body) == {"sfButtonId"}
    with pytest.raises(ConfigError):
        await own_service.call("infinity.rawRequest", {"url": "https://example.com/config/v2"})


async def test_validation_happens_before_sending(service: Service, admin: dict[str, Admin]) -> None:
    cases = [
        ("infinity.createSfButton", {"buttonAction": "rateCall"}, {"callRating", "buttonLabel"}),
        (
            "infinity.createSfButton",
            {
                "callRating": "Spam",
                "buttonAction": "rateCall",
                "buttonLabel": "x",
                "isDefaultButton": True,
            },
            {"isDefaultButton"},
        ),
        (
            "infinity.createSfButton",
            {"callRating": "Spam", "buttonAction": "fax", "buttonLabel": "x"},
            {"buttonAction"},
        ),
        (
            "infinity.createSfButton",
            {
                "callRating": "Spam",
                "buttonAction": "createLead",
                "buttonLabel": "x",
                "actionParams": [
                    {
                        "sfFields": {"Lead": "CountryCode"},
                        "type": "dropdown",
                        "label": "Country",
                        "options": [],
                    }
                ],
            },
            {"actionParams[0].dropdown.options"},
        ),
        ("infinity.updateSfButton", {"sfButtonId": "1"}, {""}),
        ("infinity.getSfButton", {"sfButtonId": "1", "igrp": "not-a-number"}, {"igrp"}),
        ("infinity.listSfButtons", {"filter": ["colour-eq-red"]}, {"filter[0].field"}),
    ]
    for endpoint, inputs, fields in cases:
        with pytest.raises(InputError) as err:
            await service.call(endpoint, inputs)
        assert set(err.value.fields) == fields, (endpoint, err.value.problems)
    assert admin["infinity"].requests() == []


async def test_igrp_comes_from_the_profile_or_is_asked_for(
    sandbox: EmbeddedSandbox, admin: dict[str, Admin], inf: dict[str, Any]
) -> None:
    async with _service(sandbox, igrp=None) as svc:
        with pytest.raises(InputError) as err:
            await svc.call("infinity.listSfButtons")
        assert err.value.fields == ["igrp"]
        assert admin["infinity"].requests() == []
        given = await svc.call("infinity.listCallRatings", {"igrp": inf["igrp"], "limit": 2})
        assert len(given.data) == 2


async def test_vendor_validation_errors(own_service: Service) -> None:
    with pytest.raises(BadRequestError) as err:
        await own_service.call(
            "infinity.createSfButton",
            {"callRating": "No such rating", "buttonAction": "rateCall", "buttonLabel": "x"},
        )
    assert (err.value.status, err.value.field) == (400, "callRating")
    with pytest.raises(ConflictError) as conflict:
        await own_service.call(
            "infinity.createSfButton",
            {"callRating": "Support", "buttonAction": "rateCall", "buttonLabel": "x"},
        )
    assert (conflict.value.status, conflict.value.code) == (409, "RATING_IN_USE")


async def test_unlinked_and_forbidden_installations(
    service: Service, sandbox: EmbeddedSandbox
) -> None:
    igrps = sandbox.sandbox("infinity").store.table("igrps").values()
    unlinked = next(g["igrp"] for g in igrps if not g["sfOrgRef"])
    with pytest.raises(BadRequestError) as err:
        await service.call("infinity.listSfButtons", {"igrp": unlinked})
    assert err.value.code == "IGRP_NOT_LINKED"


async def test_wrong_credentials(sandbox: EmbeddedSandbox, admin: dict[str, Admin]) -> None:
    async with _service(sandbox, api_key="ik_live_wrong") as svc:
        with pytest.raises(PermissionDeniedError) as denied:
            await svc.call("infinity.listIgrps")
        assert (denied.value.code, denied.value.message) == ("ACCESS_DENIED", "access denied")
        assert "ik_live_wrong" not in str(denied.value)
        admin["infinity"].settings(bad_credentials_status=401, error_format="html")
        with pytest.raises(AuthenticationError) as err:
            await svc.call("infinity.listIgrps")
        assert (err.value.status, err.value.message) == (401, "access denied")
    async with _service(sandbox, api_key=None, password="") as svc:
        with pytest.raises(ConfigError):
            await svc.call("infinity.listIgrps")


async def test_basic_auth_profile_uses_config_v2(
    sandbox: EmbeddedSandbox, admin: dict[str, Admin]
) -> None:
    async with _service(sandbox, api_key=None) as svc:
        result = await svc.call("infinity.listSfButtons", {"limit": 1})
    assert len(result.data) == 1
    (logged,) = admin["infinity"].requests()
    assert logged["path"].startswith("/config/v2/igrps/")
    assert logged["headers"]["authorization"].startswith("Basic ***")


async def test_malformed_list_is_retried(service: Service, admin: dict[str, Admin]) -> None:
    admin["infinity"].faults(malformed_next=1)
    result = await service.call("infinity.listSfButtons", {"limit": 1})
    assert len(result.data) == 1
    assert result.requests == 2


async def test_journal_records_calls_without_secrets(
    sandbox: EmbeddedSandbox, inf: dict[str, Any], journal: Journal
) -> None:
    async with _service(sandbox, journal=journal) as svc:
        await svc.call("infinity.listSfButtons", {"limit": 1})
        with pytest.raises(NotFoundError):
            await svc.call("infinity.getSfButton", {"sfButtonId": "999999"})
    ok, failed = journal.tail(2)
    assert (ok.endpoint, ok.outcome, ok.status, ok.items) == (
        "infinity.listSfButtons",
        "ok",
        200,
        1,
    )
    assert (failed.outcome, failed.status) == ("error", 404)
    assert failed.request_id
    text = repr([ok, failed])
    assert inf["api_key"] not in text
    assert inf["password"] not in text
