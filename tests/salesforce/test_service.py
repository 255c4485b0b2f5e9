"""Every Salesforce endpoint through the Service, against the sandbox."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

from console.catalog import all_endpoints
from console.config.profile import Profile
from console.errors import (
    ActionError,
    ApiLimitExceeded,
    AuthenticationError,
    BadRequestError,
    ConfigError,
    ConflictError,
    InputError,
    NotFoundError,
    ReadOnlyError,
    ServerError,
)
from console.journal import Journal
from console.sandbox.profile import sandbox_profile
from console.service.service import Service
from console.vendors.salesforce.client import Client
from console.vendors.salesforce.models import TemplateSelection
from console.vendors.salesforce.records import ActionCadenceTracker
from tests.conftest import FAST
from tests.salesforce.conftest import API, Org

PAUSE = API + "/actions/standard/pauseSalesCadenceTracker"


def _profile(org: Org, **changes: Any) -> Profile:
    return sandbox_profile({"salesforce": {**org.config, **changes}})


@pytest.fixture
async def svc(org: Org, journal: Journal) -> AsyncIterator[Service]:
    async with Service(_profile(org), journal=journal, settings=FAST) as service:
        yield service


def test_the_catalog_covers_the_seeds_and_flags_honestly() -> None:
    eps = {e.action: e for e in all_endpoints("salesforce")}
    actions = [a for a, e in eps.items() if e.kind.value == "action"]
    assert len(actions) == 8
    assert all(eps[a].batchable for a in actions)
    assert all(eps[a].mutating for a in actions if not a.startswith("selectTemplate"))
    select = eps["selectTemplateForSalesCadenceStepTracker"]
    assert (select.mutating, select.is_idempotent) == (False, True)
    assert eps["removeTargetFromSalesCadence"].destructive
    assert not eps["pauseSalesCadenceTracker"].is_idempotent
    assert eps["query"].paginated
    assert eps["listCadenceTrackers"].paginated
    assert {
        "updateRecipientGroup",
        "splitQuoteLineItem",
        "listActions",
        "describeAction",
        "rawRequest",
    } <= set(eps)


async def test_each_cadence_action(svc: Service, org: Org) -> None:
    target = org.free_target(skip=30)
    assigned = await svc.call(
        "salesforce.assignTargetToSalesCadence",
        {"salesCadenceNameOrId": "Webinar Attendee Nurture", "targetId": target},
    )
    assert assigned.ok
    assert assigned.status == 200
    assert assigned.requests == 1
    tracker = org.tracker_of(target)
    user = org.one("SELECT Id FROM User WHERE IsActive = true ORDER BY Name LIMIT 1")["Id"]
    for endpoint, inputs in [
        ("pauseSalesCadenceTracker", {"targetId": target}),
        ("resumeSalesCadenceTracker", {"targetId": target}),
        ("changeSalesCadenceTargetAssignee", {"targetId": target, "userId": user}),
        ("sendSalesCadenceEvent", {"recordId": tracker["CurrentStepId"], "eventType": "Skip"}),
    ]:
        result = await svc.call(f"salesforce.{endpoint}", inputs)
        assert result.ok, (endpoint, result.failures)
    moved = org.tracker_of(target)
    assert moved["OwnerId"] == user
    assert moved["LastCompletedStepId"] == tracker["CurrentStepId"]
    removed = await svc.call(
        "salesforce.removeTargetFromSalesCadence",
        {"targetId": target, "completionReasonCode": "ManuallyRemoved"},
    )
    assert removed.ok
    modified = await svc.call(
        "salesforce.modifyCadenceTrackerAttributes",
        {"actionCadenceTrackerId": tracker["Id"], "completionDisposition": "Contact Later"},
    )
    assert modified.ok
    assert org.tracker_of(target)["CompletionDisposition"] == "Contact Later"


async def test_select_template_output_is_typed(svc: Service, org: Org) -> None:
    step = org.one(
        "SELECT Id FROM ActionCadenceStepTracker WHERE StepType = 'SendAnEmail' AND "
        "ActionCadenceStep.Type = 'SendAnEmail' ORDER BY Id LIMIT 1"
    )
    wait = org.one("SELECT Id FROM ActionCadenceStepTracker WHERE StepType = 'Wait' LIMIT 1")
    result = await svc.call(
        "salesforce.selectTemplateForSalesCadenceStepTracker",
        [{"stepTrackerId": step["Id"]}, {"stepTrackerId": wait["Id"]}],
    )
    first, second = result.items
    assert result.requests == 1
    if first.ok:
        assert isinstance(first.output, TemplateSelection)
        assert first.output.output is not None
        assert (first.output.output.TemplateId or "").startswith("00X")
    assert not second.ok
    assert isinstance(second.error, ActionError)
    assert (second.error.code, second.error.message) == (
        "UNKNOWN_EXCEPTION",
        "No template was found.",
    )


async def test_450_pauses_are_3_requests_with_450_results_in_order(fresh_org: Org) -> None:
    running = [
        r["TargetId"]
        for r in fresh_org.records(
            "SELECT TargetId FROM ActionCadenceTracker WHERE State = 'Running' ORDER BY Id"
        )
    ]
    idle = [
        r["Id"]
        for r in fresh_org.records("SELECT Id FROM Lead ORDER BY Id")
        if r["Id"] not in set(running)
    ]
    inputs, expected = [], []
    for i in range(450):
        use_running = bool(i % 3 == 0 and running)
        inputs.append({"targetId": running.pop() if use_running else idle[i % len(idle)]})
        expected.append(use_running)
    assert 0 < sum(expected) < 450
    fresh_org.admin.clear_requests()
    async with Service(_profile(fresh_org), settings=FAST) as service:
        result = await service.call("salesforce.pauseSalesCadenceTracker", inputs)
    assert result.requests == 3
    logged = fresh_org.admin.requests(path=PAUSE)
    assert [len(json.loads(e["body"])["inputs"]) for e in logged] == [200, 200, 50]
    assert [item.index for item in result.data] == list(range(450))
    assert [item.ok for item in result.data] == expected
    for item, sent in zip(result.data, inputs, strict=True):
        if item.ok:
            assert fresh_org.tracker_of(sent["targetId"])["State"] == "Paused"
        else:
            assert isinstance(item.error, ActionError)
            assert item.error.code in ("UNKNOWN_EXCEPTION",)
            assert item.error.message in (
                "The target isn't in an active sales cadence.",
                "The sales cadence tracker is already paused.",
            ) or item.error.message.startswith("You can't pause a sales cadence tracker in the")
            assert item.error.request_id
    assert len(result.failures) == 450 - sum(expected)


async def test_an_all_failed_chunk_is_per_item_failures_not_an_exception(svc: Service) -> None:
    bad = [{"targetId": "0038d00000zzzzz"} for _ in range(3)]
    result = await svc.call("salesforce.resumeSalesCadenceTracker", bad)
    assert result.status == 400
    assert [i.ok for i in result.items] == [False, False, False]
    assert all(i.error and i.error.status == 400 for i in result.items)


async def test_validation_happens_before_sending(svc: Service, org: Org) -> None:
    org.admin.clear_requests()
    with pytest.raises(InputError) as err:
        await svc.call(
            "salesforce.pauseSalesCadenceTracker",
            [
                {"targetId": "0058d0000000001AAA"},
                {"targetId": "x", "resumeTime": "soon"},
                {"eventType": "Skip"},
            ],
        )
    assert set(err.value.fields) == {
        "[0].targetId",
        "[1].targetId",
        "[1].resumeTime",
        "[2].targetId",
        "[2].eventType",
    }
    with pytest.raises(InputError) as naive:
        await svc.call(
            "salesforce.pauseSalesCadenceTracker",
            {"targetId": "0038d0000000001AAA", "resumeTime": "2030-01-01T09:00:00"},
        )
    assert naive.value.fields == ["resumeTime"]
    with pytest.raises(InputError):
        await svc.call(
            "salesforce.sendSalesCadenceEvent",
            {"recordId": "0qB8d0000000001EAA", "eventType": "Skip"},
        )  # wrong prefix
    with pytest.raises(InputError):
        await svc.call(
            "salesforce.removeTargetFromSalesCadence", {"completionReasonCode": "ManuallyRemoved"}
        )
    assert org.admin.requests() == []


async def test_401_refreshes_the_session_once_and_succeeds(org: Org) -> None:
    profile = _profile(org, access_token="00D-stale-session-token")
    org.admin.clear_requests()
    async with Service(profile, settings=FAST) as service:
        result = await service.call("salesforce.listUsers", {"isActive": True})
    assert result.data
    assert all(u.IsActive for u in result.data)
    assert [(e["method"], e["status"]) for e in org.admin.requests()] == [
        ("GET", 401),
        ("POST", 200),
        ("GET", 200),
    ]
    assert profile.salesforce is not None
    assert profile.salesforce.access_token is not None
    assert profile.salesforce.access_token.get_secret_value() != "00D-stale-session-token"
    assert result.requests == 3


async def test_a_refused_refresh_is_an_authentication_error(org: Org) -> None:
    profile = _profile(org, access_token="stale", refresh_token="revoked")
    async with Service(profile, settings=FAST) as service:
        with pytest.raises(AuthenticationError) as err:
            await service.call("salesforce.listUsers", {})
    assert err.value.code == "invalid_grant"
    assert "revoked" not in str(err.value)


async def test_not_found_bad_query_and_conflict(svc: Service, org: Org) -> None:
    with pytest.raises(NotFoundError):
        await svc.call("salesforce.describeAction", {"actionName": "noSuchAction"})
    with pytest.raises(BadRequestError) as bad:
        await svc.call("salesforce.query", {"q": "SELECT Id FROM Nowhere"})
    assert bad.value.code == "INVALID_TYPE"
    assert "Nowhere" in bad.value.message
    line = org.one("SELECT QuoteLineItemId FROM RecipientGroup WHERE RecipientCount = 0")
    with pytest.raises(ConflictError) as conflict:
        await svc.call(
            "salesforce.splitQuoteLineItem", {"quoteLineItemId": line["QuoteLineItemId"]}
        )
    assert conflict.value.code == "EMPTY_RECIPIENT_GROUP"


async def test_api_limit_exceeded(fresh_org: Org) -> None:
    fresh_org.admin.settings(api_limit_max=1)
    async with Service(_profile(fresh_org), settings=FAST) as service:
        first = await service.call("salesforce.listActions")
        assert first.limit_info["api-usage"] == "1/1"
        client = service.pool.client("salesforce")
        assert isinstance(client, Client)
        assert client.api_usage is not None
        assert client.api_usage.api is not None
        assert client.api_usage.api.remaining == 0
        with pytest.raises(ApiLimitExceeded) as err:
            await service.call("salesforce.listActions")
    assert (err.value.status, err.value.code) == (403, "REQUEST_LIMIT_EXCEEDED")


async def test_query_pages_through_next_records_url(svc: Service, org: Org) -> None:
    total = org.query("SELECT COUNT() FROM ActionCadenceStepTracker")["totalSize"]
    one = await svc.call(
        "salesforce.query", {"q": "SELECT Id FROM ActionCadenceStepTracker", "batchSize": 200}
    )
    assert (len(one.data), one.total) == (200, total)
    assert str(one.next).startswith(API + "/query/")
    every = await svc.call(
        "salesforce.query",
        {"q": "SELECT Id, StepTitle FROM ActionCadenceStepTracker", "batchSize": 200},
        all_pages=True,
    )
    assert len({r.Id for r in every.data}) == total
    assert every.pages == -(-total // 200) == every.requests
    deleted = await svc.call(
        "salesforce.query", {"q": "SELECT Id FROM User", "includeDeleted": True}
    )
    assert len(deleted.data) == 12


async def test_typed_lists(svc: Service, org: Org) -> None:
    cadences = (await svc.call("salesforce.listCadences", {"state": "Active"})).data
    assert cadences
    assert all(c.State == "Active" for c in cadences)
    names = [c.Name for c in cadences]
    assert names == sorted(names, key=str.casefold)
    inbound = next(c for c in cadences if c.Name == "Inbound Lead Follow-up")
    steps = (await svc.call("salesforce.listCadenceSteps", {"cadenceId": inbound.Id})).data
    assert [s.StepTitle for s in steps][:2] == ["Thanks for reaching out", "Discovery call"]
    trackers = (
        await svc.call(
            "salesforce.listCadenceTrackers", {"cadenceName": inbound.Name, "state": "Running"}
        )
    ).data
    assert trackers
    assert all(isinstance(t, ActionCadenceTracker) for t in trackers)
    assert all(
        t.State == "Running" and t.ActionCadence and t.ActionCadence.Name == inbound.Name
        for t in trackers
    )
    mine = (
        await svc.call(
            "salesforce.listCadenceTrackers", {"targetId": trackers[0].TargetId, "activeOnly": True}
        )
    ).data
    assert [t.Id for t in mine] == [trackers[0].Id]
    assert mine[0].Target is not None
    assert mine[0].Target.Name
    steps_of = (await svc.call("salesforce.listStepTrackers", {"trackerId": mine[0].Id})).data
    assert steps_of
    assert {s.ActionCadenceTrackerId for s in steps_of} == {mine[0].Id}
    groups = (await svc.call("salesforce.listRecipientGroups", {"nameContains": "recipients"})).data
    group = next(g for g in groups if (g.RecipientCount or 0) > 0)
    assert len(group.recipients) == group.RecipientCount
    lines = (await svc.call("salesforce.listQuoteLineItems", {"recipientGroupId": group.Id})).data
    assert lines
    assert all(x.RecipientGroupId == group.Id for x in lines)
    inactive = (await svc.call("salesforce.listUsers", {"isActive": False})).data
    assert len(inactive) == 1
    contacts = (await svc.call("salesforce.listContacts", {"nameContains": "an", "limit": 5})).data
    assert 0 < len(contacts) <= 5
    assert all("an" in (c.Name or "").lower() for c in contacts)
    leads = (await svc.call("salesforce.listLeads", {"emailContains": "_%'"})).data
    assert leads == []  # the value is quoted and its wildcards escaped


async def test_actions_metadata_raw_and_comms(svc: Service, org: Org) -> None:
    listed = await svc.call("salesforce.listActions")
    assert len(listed.data.actions) == 8
    described = await svc.call("salesforce.describeAction", {"actionName": "sendSalesCadenceEvent"})
    assert [i.name for i in described.data.inputs] == ["recordId", "eventType"]
    raw = await svc.call("salesforce.rawRequest", {"method": "GET", "url": "limits"})
    assert raw.data.status == 200
    assert raw.data.body["DailyApiRequests"]["Max"] == 15000
    group = org.one("SELECT Id, Recipients FROM RecipientGroup WHERE RecipientCount > 0")
    member = group["Recipients"].split(";")[0]
    removed = await svc.call(
        "salesforce.updateRecipientGroup",
        {"recipientGroupId": group["Id"], "recipientsAction": "remove", "recipientsList": [member]},
    )
    assert removed.data.isSuccessful is True
    line = org.one(
        "SELECT Id FROM QuoteLineItem WHERE RecipientGroup.RecipientCount > 1 AND "
        "RecipientId = null AND ParentQuoteLineItemId = null LIMIT 1"
    )
    split = await svc.call("salesforce.splitQuoteLineItem", {"quoteLineItemId": line["Id"]})
    assert split.data.isSuccessful is True


async def test_read_only_mode_and_api_version_floor(org: Org) -> None:
    async with Service(_profile(org), read_only=True, settings=FAST) as service:
        with pytest.raises(ReadOnlyError):
            await service.call(
                "salesforce.pauseSalesCadenceTracker", {"targetId": "0038d0000000001AAA"}
            )
        step = org.one("SELECT Id FROM ActionCadenceStepTracker LIMIT 1")["Id"]
        allowed = await service.call(
            "salesforce.selectTemplateForSalesCadenceStepTracker", {"stepTrackerId": step}
        )
        assert allowed.requests == 1
    org.admin.clear_requests()
    async with Service(_profile(org, api_version="49.0"), settings=FAST) as service:
        with pytest.raises(ConfigError) as err:
            await service.call(
                "salesforce.pauseSalesCadenceTracker", {"targetId": "0038d0000000001AAA"}
            )
    assert "50.0" in str(err.value)
    assert org.admin.requests() == []


async def test_actions_are_never_retried_but_reads_are(svc: Service, org: Org) -> None:
    target = org.free_target(skip=40)
    org.admin.clear_requests()
    org.admin.faults(fail_next=1, error_status=503)
    try:
        with pytest.raises(ServerError):
            await svc.call("salesforce.pauseSalesCadenceTracker", {"targetId": target})
        assert len(org.admin.requests(path=PAUSE)) == 1
        org.admin.faults(fail_next=2, error_status=503)
        users = await svc.call("salesforce.listUsers", {})
        assert users.requests == 3
        org.admin.faults(burst_429=1, retry_after=0)
        again = await svc.call("salesforce.listUsers", {})
        assert again.requests == 2
    finally:
        org.admin.reset_faults()
