"""Invocable-action batches with plain httpx: all-failed status, the input limit, partial
save, and action metadata (list, describe, API-version gating)."""

from __future__ import annotations

import httpx

from console.sandbox.salesforce.ids import make_id
from tests.salesforce.conftest import Org, failure


def test_all_failed_is_400_with_the_same_array_unless_configured(org: Org) -> None:
    inputs = [{"targetId": make_id("003", 999_990 + i)} for i in range(3)]
    r = org.invoke("resumeSalesCadenceTracker", *inputs)
    assert r.status_code == 400
    assert len(r.json()) == 3
    assert all(not e["isSuccess"] for e in r.json())
    with org.settings(all_fail_status=200):
        assert org.invoke("resumeSalesCadenceTracker", *inputs).status_code == 200


def test_batch_limit_and_bad_bodies_fail_the_whole_request(org: Org) -> None:
    many = [{"targetId": make_id("003", 1)}] * 201
    r = org.invoke("resumeSalesCadenceTracker", *many)
    assert r.status_code == 400
    assert r.json()[0]["errorCode"] == "LIMIT_EXCEEDED"
    with org.settings(max_batch_inputs=2):
        assert org.invoke("resumeSalesCadenceTracker", *many[:3]).status_code == 400
        assert org.invoke("resumeSalesCadenceTracker", *many[:2]).status_code == 400  # all fail
    garbage = org.http.post(
        "/actions/standard/resumeSalesCadenceTracker",
        content=b"{nope",
        headers={"Content-Type": "application/json"},
    )
    assert (garbage.status_code, garbage.json()[0]["errorCode"]) == (400, "JSON_PARSER_ERROR")
    empty = org.http.post("/actions/standard/resumeSalesCadenceTracker", json={"inputs": []})
    assert empty.status_code == 400


def test_without_partial_save_one_failure_rolls_back_all(org: Org) -> None:
    target = org.free_target(skip=19)
    org.assign(target)
    with org.settings(partial_save=False):
        r = org.invoke(
            "pauseSalesCadenceTracker", {"targetId": target}, {"targetId": make_id("003", 999_999)}
        )
    assert r.status_code == 400
    good, bad = r.json()
    assert failure(good)[0] == "ALL_OR_NONE_OPERATION_ROLLED_BACK"
    assert "valid lead" in failure(bad)[1]
    assert org.tracker_of(target)["State"] == "Running"


def test_list_describe_and_version_gating(org: Org) -> None:
    names = [a["name"] for a in org.http.get("/actions/standard").json()["actions"]]
    assert len(names) == 8
    described = org.http.get("/actions/standard/assignTargetToSalesCadence").json()
    inputs = {i["name"]: i for i in described["inputs"]}
    assert inputs["salesCadenceNameOrId"]["required"] is True
    assert inputs["targetId"]["type"] == "ID"
    assert inputs["userId"]["required"] is False
    removal = org.http.get("/actions/standard/removeTargetFromSalesCadence").json()
    values = {i["name"]: i for i in removal["inputs"]}["completionDisposition"]["picklistValues"]
    assert [v["value"] for v in values][:2] == ["Success", "Customer Engaged"]
    old = httpx.Client(
        base_url=org.base_url + "/services/data/v49.0",
        trust_env=False,
        headers={"Authorization": f"Bearer {org.token}"},
    )
    with old:
        listed = [a["name"] for a in old.get("/actions/standard").json()["actions"]]
        assert listed == ["assignTargetToSalesCadence", "removeTargetFromSalesCadence"]
        r = old.post(
            "/actions/standard/pauseSalesCadenceTracker",
            json={"inputs": [{"targetId": make_id("003", 1)}]},
        )
        assert r.status_code == 404
        assert r.json()[0]["errorCode"] == "NOT_FOUND"
    assert org.http.get("/actions/standard/noSuchAction").status_code == 404
