"""Communications Cloud Sales with plain httpx: recipient groups and line-item splits."""

from __future__ import annotations

from typing import Any

import httpx

from console.sandbox.salesforce.ids import make_id
from tests.salesforce.conftest import Org

GROUP = "/connect/comms-sales/recipient-group/{}/recipients"
LINE = "/connect/comms-sales/quote-line-item/{}"


def _group(org: Org, where: str) -> dict[str, Any]:
    return org.one(
        f"SELECT Id, QuoteLineItemId, RecipientCount, Recipients FROM RecipientGroup "
        f"WHERE {where} ORDER BY Id LIMIT 1"
    )


def _members(org: Org, group_id: str) -> list[str]:
    row = _group(org, f"Id = '{group_id}'")
    return [m for m in (row["Recipients"] or "").split(";") if m]


def _outsiders(org: Org, members: list[str], n: int) -> list[str]:
    ids = [r["Id"] for r in org.records("SELECT Id FROM Contact ORDER BY Name LIMIT 50")]
    return [i for i in ids if i not in members][:n]


def test_add_and_remove_recipients_in_any_case(org: Org) -> None:
    group = _group(org, "RecipientCount > 1")
    members = _members(org, group["Id"])
    new = _outsiders(org, members, 2)
    r = org.http.patch(
        GROUP.format(group["Id"]),
        json={
            "recipientsAction": "add",
            "recipientsList": [new[0], new[1][:15]],
            "additionalParameters": {"source": "console"},
        },
    )
    assert r.status_code == 200
    assert r.json() == {
        "isSuccessful": True,
        "errorsList": [],
        "statusMessage": "Added 2 recipient(s) to the recipient group.",
    }
    assert _members(org, group["Id"]) == [*members, *new]
    assert _group(org, f"Id = '{group['Id']}'")["RecipientCount"] == len(members) + 2
    r = org.http.patch(
        GROUP.format(group["Id"]),
        json={"recipientsAction": "REMOVE", "recipientsList": [members[0]]},
    )
    assert r.json()["isSuccessful"] is True
    assert _members(org, group["Id"]) == [*members[1:], *new]


def test_bad_recipients_are_listed_and_the_rest_applied(org: Org) -> None:
    group = _group(org, "RecipientCount > 0")
    members = _members(org, group["Id"])
    (outsider,) = _outsiders(org, members, 1)
    lead = org.one("SELECT Id FROM Lead LIMIT 1")["Id"]
    r = org.http.patch(
        GROUP.format(group["Id"]),
        json={"recipientsAction": "Add", "recipientsList": ["bogus", lead, members[0], outsider]},
    )
    assert r.status_code == 200
    body = r.json()
    assert body["isSuccessful"] is False
    assert [(e["statusCode"], e["recipientFields"]) for e in body["errorsList"]] == [
        ("MALFORMED_ID", "bogus"),
        ("NOT_FOUND", lead),
        ("DUPLICATE_VALUE", members[0]),
    ]
    assert outsider in _members(org, group["Id"])
    none = org.http.patch(
        GROUP.format(group["Id"]), json={"recipientsAction": "Remove", "recipientsList": [lead]}
    )
    assert none.status_code == 400
    assert none.json()["isSuccessful"] is False


def test_recipient_group_request_errors(org: Org) -> None:
    group = _group(org, "RecipientCount > 0")["Id"]
    cases: list[tuple[str, dict[str, Any], int, str]] = [
        ("not-an-id", {"recipientsAction": "Add"}, 400, "MALFORMED_ID"),
        (make_id("1RG", 999_999), {"recipientsAction": "Add"}, 404, "NOT_FOUND"),
        (group, {"recipientsList": []}, 400, "INVALID_INPUT"),
        (group, {"recipientsAction": "Replace"}, 400, "INVALID_INPUT"),
        (
            group,
            {"recipientsAction": "Add", "additionalParameters": {"n": 1}},
            400,
            "INVALID_INPUT",
        ),
    ]
    for ident, body, status, code in cases:
        r = org.http.patch(GROUP.format(ident), json=body)
        assert (r.status_code, r.json()[0]["errorCode"]) == (status, code), body
    with org.settings(recipients_action_any_case=False):
        r = org.http.patch(GROUP.format(group), json={"recipientsAction": "add"})
        assert r.status_code == 400
    assert org.http.get(GROUP.format(group)).status_code == 405


def test_split_makes_one_line_per_recipient_then_refuses_again(org: Org) -> None:
    line = org.one(
        "SELECT Id, LineNumber, Quantity, RecipientGroupId FROM QuoteLineItem WHERE "
        "RecipientGroup.RecipientCount > 1 AND RecipientId = null AND "
        "ParentQuoteLineItemId = null ORDER BY Id LIMIT 1"
    )
    members = _members(org, line["RecipientGroupId"])
    r = org.http.patch(LINE.format(line["Id"]), json={"additionalParameters": {"k": "v"}})
    assert r.status_code == 200
    assert r.json()["isSuccessful"] is True
    assert r.json()["errorsList"] == []
    lines = org.records(
        f"SELECT Id, RecipientId, ParentQuoteLineItemId, Quantity FROM "
        f"QuoteLineItem WHERE Id = '{line['Id']}' OR ParentQuoteLineItemId = "
        f"'{line['Id']}' ORDER BY LineNumber"
    )
    assert [x["RecipientId"] for x in lines] == members
    assert all(x["Quantity"] == line["Quantity"] for x in lines)
    again = org.http.patch(LINE.format(line["Id"]), json={})
    assert again.status_code == 409
    assert again.json()["errorsList"] == [
        {
            "statusCode": "ALREADY_SPLIT",
            "recordId": line["Id"],
            "errorMessage": "The quote line item has already been split.",
        }
    ]


def test_split_refusals(org: Org) -> None:
    empty = _group(org, "RecipientCount = 0")
    r = org.http.patch(LINE.format(empty["QuoteLineItemId"]))
    assert r.status_code == 409
    assert r.json()["errorsList"][0]["statusCode"] == "EMPTY_RECIPIENT_GROUP"
    assert r.json()["errorsList"][0]["recordId"] == empty["Id"]
    alone = org.one("SELECT Id FROM QuoteLineItem WHERE RecipientGroupId = null LIMIT 1")["Id"]
    assert org.http.patch(LINE.format(alone)).json()["errorsList"][0]["statusCode"] == (
        "NO_RECIPIENT_GROUP"
    )
    assert org.http.patch(LINE.format("0QLbad")).status_code == 400
    assert org.http.patch(LINE.format(make_id("0QL", 999_999))).status_code == 404


def test_comms_cloud_needs_api_64(org: Org) -> None:
    group = _group(org, "RecipientCount > 0")["Id"]
    old = httpx.patch(
        f"{org.base_url}/services/data/v63.0{GROUP.format(group)}",
        json={"recipientsAction": "Add"},
        trust_env=False,
        headers={"Authorization": f"Bearer {org.token}"},
    )
    assert old.status_code == 404
