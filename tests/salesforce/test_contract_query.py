"""SOQL over REST with plain httpx: features, the error codes, and nextRecordsUrl paging."""

from __future__ import annotations

import httpx
import pytest

from tests.salesforce.conftest import API, Org


def test_query_returns_attributes_and_nested_parents(shared: Org) -> None:
    body = shared.query(
        "SELECT Id, State, Target.Name, Owner.Name, ActionCadence.Name FROM ActionCadenceTracker "
        "WHERE State IN ('Running', 'Paused') AND IsTrackerActive = true "
        "ORDER BY ActionCadence.Name, CreatedDate DESC LIMIT 5"
    )
    assert body["done"] is True
    assert body["totalSize"] == len(body["records"]) == 5
    for row in body["records"]:
        assert row["attributes"]["type"] == "ActionCadenceTracker"
        assert row["attributes"]["url"] == f"{API}/sobjects/ActionCadenceTracker/{row['Id']}"
        assert row["State"] in ("Running", "Paused")
        assert row["Target"]["attributes"]["type"] in ("Contact", "Lead", "Account")
        assert row["Target"]["Name"]
        assert row["Owner"]["attributes"]["type"] == "User"
    cadences = [r["ActionCadence"]["Name"] for r in body["records"]]
    assert cadences == sorted(cadences, key=str.casefold)


def test_count_like_not_in_offset_and_nulls(shared: Org) -> None:
    total = shared.query("SELECT COUNT() FROM ActionCadenceTracker")
    assert total["records"] == []
    running = shared.query("SELECT COUNT() FROM ActionCadenceTracker WHERE State = 'Running'")
    others = shared.query("SELECT COUNT() FROM ActionCadenceTracker WHERE State NOT IN ('Running')")
    assert running["totalSize"] + others["totalSize"] == total["totalSize"]
    assert running["totalSize"] > 50
    like = shared.records("SELECT Name FROM ActionCadence WHERE Name LIKE '%prospect%'")
    assert [r["Name"] for r in like] == ["Outbound Prospecting - Enterprise"]
    page = shared.records("SELECT Id FROM Contact ORDER BY Id LIMIT 3 OFFSET 2")
    everyone = shared.records("SELECT Id FROM Contact ORDER BY Id LIMIT 5")
    assert [r["Id"] for r in page] == [r["Id"] for r in everyone[2:5]]
    done = shared.records(
        "SELECT Id, CurrentStepId FROM ActionCadenceTracker WHERE State = "
        "'Complete' AND CurrentStepId = null LIMIT 3"
    )
    assert done
    assert all(r["CurrentStepId"] is None for r in done)


@pytest.mark.parametrize(
    ("soql", "code"),
    [
        ("SELECT Id FROM", "MALFORMED_QUERY"),
        ("SELECT Id FROM ActionCadenceTrackers", "INVALID_TYPE"),
        ("SELECT Id, AssigneeId FROM ActionCadenceTracker", "INVALID_FIELD"),
    ],
)
def test_the_three_query_error_codes(shared: Org, soql: str, code: str) -> None:
    r = shared.http.get("/query", params={"q": soql})
    assert r.status_code == 400
    (error,) = r.json()
    assert error["errorCode"] == code
    assert "ERROR at Row:1:Column:" in error["message"]


def test_paging_follows_next_records_url_with_batch_size(shared: Org) -> None:
    soql = "SELECT Id FROM ActionCadenceStepTracker ORDER BY Id"
    first = shared.query(soql, **{"Sforce-Query-Options": "batchSize=250"})
    assert first["done"] is False
    assert len(first["records"]) == 250
    assert first["nextRecordsUrl"].startswith(API + "/query/01g")
    ids = [r["Id"] for r in first["records"]]
    page = first
    pages = 1
    while not page["done"]:
        r = httpx.get(
            shared.base_url + page["nextRecordsUrl"],
            trust_env=False,
            headers={"Authorization": f"Bearer {shared.token}"},
        )
        assert r.status_code == 200
        page = r.json()
        assert page["totalSize"] == first["totalSize"]
        ids.extend(x["Id"] for x in page["records"])
        pages += 1
    assert len(ids) == len(set(ids)) == first["totalSize"]
    assert ids == sorted(ids)
    assert pages == -(-first["totalSize"] // 250)
    assert "nextRecordsUrl" not in page


def test_batch_size_is_clamped_and_defaults_to_2000(shared: Org) -> None:
    small = shared.query(
        "SELECT Id FROM ActionCadenceStepTracker", **{"Sforce-Query-Options": "batchSize=5"}
    )
    assert len(small["records"]) == 200
    default = shared.query("SELECT Id FROM ActionCadenceStepTracker")
    assert len(default["records"]) == min(2000, default["totalSize"])


def test_query_all_and_bad_locators(shared: Org) -> None:
    everything = shared.http.get("/queryAll", params={"q": "SELECT Id FROM Lead LIMIT 3"})
    assert everything.status_code == 200
    assert len(everything.json()["records"]) == 3
    assert shared.http.get("/query/01gNOPE-2000").json()[0]["errorCode"] == "INVALID_QUERY_LOCATOR"
    assert shared.http.get("/query", params={"q": " "}).json()[0]["errorCode"] == "MALFORMED_QUERY"
