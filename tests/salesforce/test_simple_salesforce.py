"""simple_salesforce, unchanged, against the sandbox over TLS (it only builds https:// URLs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from simple_salesforce import Salesforce
from simple_salesforce.exceptions import (
    SalesforceExpiredSession,
    SalesforceMalformedRequest,
    SalesforceResourceNotFound,
)

from console.sandbox.server import EmbeddedSandbox, SandboxOptions

_SESSIONS: list[requests.Session] = []


@pytest.fixture(scope="module")
def tls() -> Iterator[dict[str, Any]]:
    with EmbeddedSandbox(SandboxOptions(vendors=("salesforce",), tls=True, seed=3)) as running:
        config = running.config["salesforce"]
        assert config["base_url"].startswith("https://")
        assert config["ca_bundle"]
        yield config
        while _SESSIONS:  # closed first, so the server stops without waiting on them
            _SESSIONS.pop().close()


def _client(config: dict[str, Any], token: str | None = None) -> Salesforce:
    session = requests.Session()
    _SESSIONS.append(session)
    session.verify = config["ca_bundle"]
    session.trust_env = False
    return Salesforce(
        instance_url=config["base_url"],
        session_id=token or config["access_token"],
        version="64.0",
        session=session,
    )


def test_query_query_all_and_query_more(tls: dict[str, Any]) -> None:
    sf = _client(tls)
    first = sf.query(
        "SELECT Id, State, Target.Name FROM ActionCadenceTracker ORDER BY Id",
        headers={"Sforce-Query-Options": "batchSize=200"},
    )
    assert first["done"] is False
    assert len(first["records"]) == 200
    assert first["records"][0]["attributes"]["type"] == "ActionCadenceTracker"
    more = sf.query_more(first["nextRecordsUrl"], identifier_is_url=True)
    assert more["records"][0]["Id"] > first["records"][-1]["Id"]
    locator = first["nextRecordsUrl"].rsplit("/", 1)[1]
    by_id = sf.query_more(locator)
    assert by_id["records"] == more["records"]
    everything = sf.query_all(
        "SELECT Id FROM ActionCadenceTracker", headers={"Sforce-Query-Options": "batchSize=200"}
    )
    assert everything["totalSize"] == first["totalSize"] > 200
    assert len({r["Id"] for r in everything["records"]}) == first["totalSize"]
    assert sf.query_all("SELECT Id FROM Lead LIMIT 3", include_deleted=True)["totalSize"] == 3


def test_invocable_action_through_restful(tls: dict[str, Any]) -> None:
    sf = _client(tls)
    target = sf.query("SELECT TargetId FROM ActionCadenceTracker WHERE State = 'Running' LIMIT 1")[
        "records"
    ][0]["TargetId"]
    result = sf.restful(
        "actions/standard/pauseSalesCadenceTracker",
        method="POST",
        data=f'{{"inputs": [{{"targetId": "{target}"}}]}}',
    )
    assert result == [
        {
            "actionName": "pauseSalesCadenceTracker",
            "errors": None,
            "isSuccess": True,
            "outputValues": None,
        }
    ]
    state = sf.query(
        f"SELECT State FROM ActionCadenceTracker WHERE TargetId = '{target}' "
        f"AND IsTrackerActive = true"
    )["records"][0]["State"]
    assert state == "Paused"
    listed = sf.restful("actions/standard")
    assert len(listed["actions"]) == 8


def test_limits_and_api_usage_from_the_header(tls: dict[str, Any]) -> None:
    sf = _client(tls)
    limits = sf.limits()
    used, most = limits["DailyApiRequests"]["Remaining"], limits["DailyApiRequests"]["Max"]
    assert most == 15000
    usage = sf.api_usage["api-usage"]
    assert usage.total == 15000
    assert usage.used == most - used
    sf.describe()
    assert sf.api_usage["api-usage"].used == usage.used + 1


def test_sobject_get_and_describe(tls: dict[str, Any]) -> None:
    sf = _client(tls)
    contact = sf.query("SELECT Id, Name FROM Contact LIMIT 1")["records"][0]
    got = sf.Contact.get(contact["Id"])
    assert got["Name"] == contact["Name"]
    assert sf.Contact.get(contact["Id"][:15])["Id"] == contact["Id"]
    fields = {f["name"] for f in sf.ActionCadenceTracker.describe()["fields"]}
    assert {"TargetId", "OwnerId", "State", "CurrentStepId"} <= fields
    assert sf.is_sandbox() is False
    with pytest.raises(SalesforceResourceNotFound):
        sf.Contact.get(contact["Id"][:3] + "8d0zzzzzzzzz")


def test_error_mapping(tls: dict[str, Any]) -> None:
    sf = _client(tls)
    with pytest.raises(SalesforceMalformedRequest) as bad:
        sf.query("SELECT Id FRM Contact")
    assert bad.value.content[0]["errorCode"] == "MALFORMED_QUERY"
    with pytest.raises(SalesforceMalformedRequest) as field:
        sf.query("SELECT Nope FROM Contact")
    assert field.value.content[0]["errorCode"] == "INVALID_FIELD"
    expired = _client(tls, token="00D-expired-session")
    with pytest.raises(SalesforceExpiredSession) as err:
        expired.query("SELECT Id FROM Contact")
    assert err.value.content == [
        {"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}
    ]
