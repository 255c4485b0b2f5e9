"""The client's pieces: ids, the limit header, safe SOQL, filters, input models, and auth."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import httpx
import pytest
from pydantic import ValidationError

from console.errors import AuthenticationError, ConfigError
from console.vendors.salesforce import auth
from console.vendors.salesforce.filters import StepTrackerFilters, TrackerFilters
from console.vendors.salesforce.ids import check_id, is_valid, to18
from console.vendors.salesforce.limits import parse_limit_info
from console.vendors.salesforce.models import (
    AssignTargetInput,
    QueryInput,
    RemoveTargetInput,
    SendCadenceEventInput,
    UpdateRecipientGroupInput,
)
from console.vendors.salesforce.soql import Select, like_pattern, literal, quote
from tests.salesforce.conftest import Org


def test_ids_15_and_18_characters() -> None:
    assert to18("001D000000IqhSL") == "001D000000IqhSLIAZ"  # Salesforce's documented example
    assert is_valid("001D000000IqhSLIAZ")
    assert not is_valid("001D000000IqhSLAAA")  # wrong checksum
    assert not is_valid("001D000000IqhS")
    assert check_id("00Qxx000002TRI2", "Contact", "Lead") == "00Qxx000002TRI2"
    with pytest.raises(ValueError, match="Contact"):
        check_id("005R0000000eg3zIAA", "Contact")


def test_limit_info_header_forms() -> None:
    plain = parse_limit_info("api-usage=18/5000")
    assert plain is not None
    assert plain.api is not None
    assert (plain.api.used, plain.api.max, plain.api.remaining) == (18, 5000, 4982)
    bursts = parse_limit_info("api-usage=25/15000; api-bursts=3/100")
    assert bursts is not None
    assert bursts.as_info() == {
        "api-usage": "25/15000",
        "api-bursts": "3/100",
    }
    per_app = parse_limit_info("api-usage=25/5000; per-app-api-usage=17/250(appName=sample-app)")
    assert per_app is not None
    assert per_app.as_info()["per-app-api-usage(sample-app)"] == "17/250"
    assert parse_limit_info("nothing here") is None


def test_soql_values_are_quoted_never_pasted() -> None:
    assert quote("O'Neil \\ \n") == "'O\\'Neil \\\\ \\n'"
    assert like_pattern("50%_off") == "'%50\\%\\_off%'"
    assert literal(None) == "NULL"
    assert literal(True) == "TRUE"
    assert literal(3) == "3"
    assert literal(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)) == "2026-01-02T03:04:05Z"
    assert literal(date(2026, 1, 2)) == "2026-01-02"
    sel = Select("Contact", ["Id"]).eq("Name", "x' OR Name != '").among("Id", ["a", "b"])
    assert sel.build() == (
        "SELECT Id FROM Contact WHERE Name = 'x\\' OR Name != \\'' AND Id IN ('a', 'b')"
    )
    with pytest.raises(ValueError, match="not a SOQL"):
        Select("Contact", ["Id; DELETE"]).build()


def test_filters_build_soql() -> None:
    soql = TrackerFilters(state="Paused", cadenceName="Q4 'push'", activeOnly=True, limit=10).soql()
    assert soql.startswith("SELECT Id, ActionCadenceId, ActionCadence.Name, TargetId, ")
    assert (
        "WHERE State = 'Paused' AND ActionCadence.Name = 'Q4 \\'push\\'' AND "
        "IsTrackerActive = TRUE ORDER BY LastModifiedDate DESC, Id ASC LIMIT 10"
    ) in soql
    assert "WHERE" not in StepTrackerFilters().soql()
    with pytest.raises(ValidationError):
        TrackerFilters(targetId="0058d0000000001AAA")  # a user is not a target


def test_input_models() -> None:
    ok = AssignTargetInput(salesCadenceNameOrId=" Inbound ", targetId="00Qxx000002TRI2EAO")
    assert ok.salesCadenceNameOrId == "Inbound"
    with pytest.raises(ValidationError) as err:
        RemoveTargetInput(completionReasonCode="ManuallyRemoved")  # type: ignore[call-arg]
    assert "targetId or actionCadenceTrackerId" in str(err.value)
    with pytest.raises(ValidationError):
        RemoveTargetInput(targetId="0038d0000000001AAA", completionReasonCode="Other")  # type: ignore[arg-type]
    for spelling in ("Skip", "Manual Complete", "ManualComplete"):
        SendCadenceEventInput(recordId="8HFR00000005WyqOAE", eventType=spelling)  # type: ignore[arg-type]
    group = UpdateRecipientGroupInput.model_validate(
        {"recipientGroupId": "1RG8d0000000001GAA", "recipientsAction": "aDd"}
    )
    assert group.recipientsAction == "Add"
    with pytest.raises(ValidationError):
        QueryInput(q="SELECT Id FROM User", batchSize=100)


def test_import_sf_cli() -> None:
    text = "Warning: something\n" + json.dumps(
        {
            "status": 0,
            "result": {
                "accessToken": "00Dxx!token",
                "instanceUrl": "https://acme.my.salesforce.com/",
                "apiVersion": "62.0",
                "username": "a@b.c",
                "sfdxAuthUrl": "force://PlatformCLI::5Aep861refresh@acme.my.salesforce.com",
            },
        }
    )
    creds = auth.import_sf_cli(text)
    assert creds.instance_url == "https://acme.my.salesforce.com"
    assert creds.access_token is not None
    assert creds.access_token.get_secret_value() == "00Dxx!token"
    assert creds.refresh_token is not None
    assert creds.refresh_token.get_secret_value() == "5Aep861refresh"
    assert (creds.client_id, creds.api_version) == ("PlatformCLI", "62.0")
    assert "00Dxx!token" not in repr(creds)
    with pytest.raises(ConfigError, match="NoOrgFound"):
        auth.import_sf_cli(json.dumps({"status": 1, "message": "NoOrgFound"}))
    with pytest.raises(ConfigError):
        auth.import_sf_cli("not json")


async def test_device_login_against_the_sandbox(org: Org) -> None:
    shown: list[auth.DeviceCode] = []
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:  # the person approves while the console waits
            org.admin.http.post("/_sandbox/device/approve", json={"user_code": shown[0].user_code})

    with org.settings(device_interval=0):
        async with httpx.AsyncClient(trust_env=False) as http:
            creds = await auth.device_login(
                http,
                login_url=org.base_url,
                client_id=org.config["client_id"],
                on_code=shown.append,
                sleep=sleep,
            )
    assert shown[0].verification_uri.endswith("/setup/connect")
    assert len(waits) == 2
    assert creds.instance_url == org.base_url
    assert creds.refresh_token is not None
    assert creds.access_token is not None
    r = org.http.get(
        "/limits", headers={"Authorization": f"Bearer {creds.access_token.get_secret_value()}"}
    )
    assert r.status_code == 200


async def test_device_login_slows_down_and_reports_denial(org: Org) -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 3:
            org.admin.http.post("/_sandbox/device/deny", json={})

    with org.settings(device_interval=1):
        async with httpx.AsyncClient(trust_env=False) as http:
            with pytest.raises(AuthenticationError) as err:
                await auth.device_login(
                    http,
                    login_url=org.base_url,
                    client_id=org.config["client_id"],
                    on_code=lambda code: None,
                    sleep=sleep,
                )
    assert err.value.code == "access_denied"
    assert waits[0] == 1.0
    assert waits[-1] == 6.0  # slow_down added five seconds


async def test_device_login_with_an_unknown_app(org: Org) -> None:
    async with httpx.AsyncClient(trust_env=False) as http:
        with pytest.raises(AuthenticationError) as err:
            await auth.device_login(
                http, login_url=org.base_url, client_id="nobody", on_code=lambda code: None
            )
    assert err.value.code == "invalid_client_id"


def test_a_parent_record_dumps_only_what_salesforce_sent() -> None:
    from console.service.results import jsonable
    from console.vendors.salesforce.records import ActionCadenceTracker

    sent = {
        "Id": "0qB8d000000001gEAA",
        "Owner": {"attributes": {"type": "User", "url": "/u"}, "Name": "Annette Mendez"},
        "Target": {"attributes": {"type": "Contact", "url": "/c"}, "Id": None, "Extra": 1},
    }
    dumped = jsonable(ActionCadenceTracker.model_validate(sent))
    assert dumped["Owner"] == sent["Owner"]  # no invented "Id": null
    assert dumped["Target"] == sent["Target"]  # a null Id the vendor did send stays
