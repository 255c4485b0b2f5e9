"""Creating, updating and deleting Caller Insight buttons with plain httpx: PHP-bracketed form
bodies, 201/204, one button per call rating, isUsed kept in step, state that survives a restart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from console.sandbox.infinity import Sandbox
from console.sandbox.server import EmbeddedSandbox, SandboxOptions
from tests.conftest import Admin

COUNTRY = {
    "callRating": "Spam",
    "buttonAction": "createLead",
    "buttonLabel": "Create Lead",
    "actionParams[0][sfFields][Lead]": "Owner",
    "actionParams[0][value]": "00G200000001ABC",
    "actionParams[1][sfFields][Lead]": "CountryCode",
    "actionParams[1][type]": "dropdown",
    "actionParams[1][label]": "Country",
    "actionParams[1][required]": "1",
    "actionParams[1][options][0][label]": "Canada",
    "actionParams[1][options][0][value]": "CA",
    "actionParams[1][options][1][label]": "United States",
    "actionParams[1][options][1][value]": "US",
}
COUNTRY_PARAMS = [
    {"sfFields": {"Lead": "Owner"}, "value": "00G200000001ABC"},
    {
        "sfFields": {"Lead": "CountryCode"},
        "type": "dropdown",
        "label": "Country",
        "required": "1",
        "options": [{"label": "Canada", "value": "CA"}, {"label": "United States", "value": "US"}],
    },
]


def paths(igrp: str) -> tuple[str, str]:
    buttons = f"/igrps/{igrp}/callerInsight/sfButtons"
    return buttons, buttons + "/callRatings"


def used(v21: httpx.Client, igrp: str, text: str) -> str:
    rows = v21.get(
        paths(igrp)[1], params={"filter[]": f"itemText-eq-{text}", "format": "jsonarray"}
    )
    return str(rows.json()[0]["isUsed"])


def test_create_from_bracketed_form_then_read_it_back(
    v21: httpx.Client, own_inf: dict[str, Any], own_admin: Admin
) -> None:
    buttons, _ = paths(own_inf["igrp"])
    assert used(v21, own_inf["igrp"], "Spam") == "0"
    r = v21.post(buttons, data=COUNTRY)
    assert r.status_code == 201
    assert set(r.json()) == {"sfButtonId"}
    ident = r.json()["sfButtonId"]
    assert isinstance(ident, str)
    assert ident.isdigit()
    logged = own_admin.requests(method="POST")[-1]
    assert "actionParams%5B1%5D%5Boptions%5D%5B1%5D%5Blabel%5D=United+States" in logged["body"]
    got = v21.get(f"{buttons}/{ident}").json()
    assert got["actionParams"] == COUNTRY_PARAMS
    assert (got["callRating"], got["buttonAction"], got["isDefaultButton"]) == (
        "Spam",
        "createLead",
        "0",
    )
    assert got["callNotesField"] == ""
    assert got["srcPhoneNumberField"] == ""
    assert used(v21, own_inf["igrp"], "Spam") == "1"
    listed = v21.get(buttons, params={"filter[]": "callRating-eq-Spam"}).text.splitlines()
    assert len(listed) == 1


def test_json_bodies_are_accepted_too(v21: httpx.Client, own_inf: dict[str, Any]) -> None:
    buttons, _ = paths(own_inf["igrp"])
    body = {
        "callRating": "Test call",
        "buttonAction": "logCall",
        "buttonLabel": "Log test",
        "actionParams": [{"sfFields": {"Task": "Subject"}, "value": 42}],
    }
    r = v21.post(buttons, json=body)
    assert r.status_code == 201
    got = v21.get(f"{buttons}/{r.json()['sfButtonId']}").json()
    assert got["actionParams"] == [{"sfFields": {"Task": "Subject"}, "value": "42"}]
    # The older flat form, as Infinity's sample list shows it, is taken as it is.
    flat = {
        "callRating": "Order status",
        "buttonAction": "rateCall",
        "buttonLabel": "Rate",
        "actionParams[Call_Source__c]": "Infinity",
    }
    made = v21.post(buttons, data=flat)
    assert made.status_code == 201
    got = v21.get(f"{buttons}/{made.json()['sfButtonId']}").json()
    assert got["actionParams"] == {"Call_Source__c": "Infinity"}


def test_one_button_per_call_rating(
    v21: httpx.Client, own_inf: dict[str, Any], own_admin: Admin
) -> None:
    buttons, _ = paths(own_inf["igrp"])
    taken = {"callRating": "New Lead", "buttonAction": "rateCall", "buttonLabel": "Again"}
    r = v21.post(buttons, data=taken)
    assert r.status_code == 409
    assert r.json()["error"].startswith("callRating 'New Lead' already has a button")
    own_admin.settings(duplicate_rating_status=400)
    assert v21.post(buttons, data=taken).status_code == 400


def test_create_validations(v21: httpx.Client, own_inf: dict[str, Any]) -> None:
    buttons, _ = paths(own_inf["igrp"])
    ok = {"callRating": "Order status", "buttonAction": "rateCall", "buttonLabel": "Rate"}
    cases = [
        ({**ok, "callRating": None}, "callRating is required"),
        ({**ok, "buttonLabel": "  "}, "buttonLabel may not be empty"),
        ({**ok, "buttonAction": "sendFax"}, "buttonAction must be one of prompt, rateCall"),
        ({**ok, "callRating": "No such rating"}, "callRating 'No such rating' is not a call"),
        ({**ok, "isDefaultButton": "1"}, "isDefaultButton can only be set on a logCall"),
        ({**ok, "isDefaultButton": "yes"}, "isDefaultButton must be 0 or 1"),
        ({**ok, "colour": "red"}, "colour is not a known parameter"),
        ({**ok, "actionParams[0][value]": "x"}, "actionParams[0][sfFields] is required"),
        (
            {**ok, "actionParams[0][sfFields][Lead]": "Bad Field", "actionParams[0][value]": "x"},
            "actionParams[0][sfFields][Lead] 'Bad Field' is not a field API name",
        ),
        (
            {**ok, "actionParams[0][sfFields][Lead]": "Owner"},
            "actionParams[0][value] is required for a fixed parameter",
        ),
        (
            {**ok, "actionParams[0][sfFields][Lead]": "Owner", "actionParams[0][type]": "radio"},
            "actionParams[0][type] must be dropdown",
        ),
        (
            {
                **ok,
                "actionParams[0][sfFields][Lead]": "CountryCode",
                "actionParams[0][type]": "dropdown",
                "actionParams[0][label]": "Country",
            },
            "actionParams[0][options] needs at least one option",
        ),
        (
            {
                **ok,
                "actionParams[0][sfFields][Lead]": "CountryCode",
                "actionParams[0][type]": "dropdown",
                "actionParams[0][label]": "Country",
                "actionParams[0][options][0][label]": "Canada",
            },
            "actionParams[0][options][0][value] is required",
        ),
    ]
    for body, needle in cases:
        r = v21.post(buttons, data={k: v for k, v in body.items() if v is not None})
        assert r.status_code == 400, body
        assert r.json()["error"].startswith(needle), r.json()
    assert used(v21, own_inf["igrp"], "Order status") == "0"


def test_update_is_204_and_moving_a_rating_flips_is_used(
    v21: httpx.Client, own_inf: dict[str, Any], own_sandbox: Sandbox
) -> None:
    igrp = own_inf["igrp"]
    buttons, _ = paths(igrp)
    wrong = next(b for b in own_sandbox.store.table("buttons") if b["callRating"] == "Wrong number")
    path = f"{buttons}/{wrong['sfButtonId']}"
    r = v21.post(path, data={"buttonLabel": "Rate: wrong number"})
    assert (r.status_code, r.content) == (204, b"")
    assert v21.get(path).json()["buttonLabel"] == "Rate: wrong number"
    # Moving to a rating that already has a button re-checks uniqueness.
    assert v21.post(path, data={"callRating": "Support"}).status_code == 409
    assert used(v21, igrp, "Wrong number") == "1"
    assert v21.post(path, data={"callRating": "Order status"}).status_code == 204
    assert (used(v21, igrp, "Wrong number"), used(v21, igrp, "Order status")) == ("0", "1")
    # Keeping its own rating is not a conflict.
    assert v21.post(path, data={"callRating": "Order status"}).status_code == 204
    # Parameters are replaced as a whole; an empty value clears them.
    v21.post(
        path,
        data={
            "actionParams[0][sfFields][Task]": "Subject",
            "actionParams[0][value]": "Wrong number",
        },
    )
    assert v21.get(path).json()["actionParams"] == [
        {"sfFields": {"Task": "Subject"}, "value": "Wrong number"}
    ]
    assert v21.post(path, data={"actionParams": ""}).status_code == 204
    assert "actionParams" not in v21.get(path).json()


def test_update_refusals(v21: httpx.Client, own_inf: dict[str, Any], own_sandbox: Sandbox) -> None:
    buttons, _ = paths(own_inf["igrp"])
    lead = next(b for b in own_sandbox.store.table("buttons") if b["callRating"] == "New Lead")
    path = f"{buttons}/{lead['sfButtonId']}"
    cases = [
        ({}, 400, "No parameters to update"),
        ({"buttonAction": "logCall"}, 400, "buttonAction cannot be changed"),
        ({"isDefaultButton": "1"}, 400, "isDefaultButton can only be set on a logCall"),
        ({"callRating": "Not a rating"}, 400, "callRating 'Not a rating' is not a call rating"),
    ]
    for body, status, needle in cases:
        r = v21.post(path, data=body)
        assert r.status_code == status, body
        assert r.json()["error"].startswith(needle)


def test_one_default_log_call_per_installation(
    v21: httpx.Client, own_inf: dict[str, Any], own_sandbox: Sandbox
) -> None:
    igrp = own_inf["igrp"]
    buttons, _ = paths(igrp)
    default = v21.get(buttons, params={"filter[]": "isDefaultButton-eq-1", "format": "jsonarray"})
    (before,) = default.json()
    other = next(
        b
        for b in own_sandbox.store.table("buttons")
        if b["igrp"] == igrp and b["buttonAction"] == "logCall" and not b["isDefaultButton"]
    )
    assert (
        v21.post(f"{buttons}/{other['sfButtonId']}", data={"isDefaultButton": "1"}).status_code
        == 204
    )
    after = v21.get(buttons, params={"filter[]": "isDefaultButton-eq-1", "format": "jsonarray"})
    assert [b["sfButtonId"] for b in after.json()] == [str(other["sfButtonId"])]
    assert before["sfButtonId"] != str(other["sfButtonId"])


def test_delete_is_204_and_frees_the_rating(
    v21: httpx.Client, own_inf: dict[str, Any], own_sandbox: Sandbox
) -> None:
    igrp = own_inf["igrp"]
    buttons, _ = paths(igrp)
    complaint = next(
        b for b in own_sandbox.store.table("buttons") if b["callRating"] == "Complaint"
    )
    path = f"{buttons}/{complaint['sfButtonId']}"
    r = v21.delete(path)
    assert (r.status_code, r.content) == (204, b"")
    assert used(v21, igrp, "Complaint") == "0"
    assert v21.get(path).status_code == 404
    again = v21.delete(path)
    assert (again.status_code, again.json()) == (
        404,
        {"error": f"sfButton {complaint['sfButtonId']} not found"},
    )
    # The freed rating can take a new button.
    new = {"callRating": "Complaint", "buttonAction": "logCall", "buttonLabel": "Log it"}
    assert v21.post(buttons, data=new).status_code == 201


def test_buttons_belong_to_their_installation(
    v21: httpx.Client, own_inf: dict[str, Any], own_sandbox: Sandbox
) -> None:
    foreign = next(b for b in own_sandbox.store.table("buttons") if b["igrp"] != own_inf["igrp"])
    buttons, _ = paths(own_inf["igrp"])
    for method in ("GET", "POST", "DELETE"):
        r = v21.request(
            method,
            f"{buttons}/{foreign['sfButtonId']}",
            data={"buttonLabel": "x"} if method == "POST" else None,
        )
        assert r.status_code == 404, method
    assert v21.get(f"{buttons}/abc").status_code == 404
    assert own_sandbox.store.table("buttons").get(foreign["sfButtonId"]) == foreign


def test_changes_survive_a_restart_with_a_state_file(tmp_path: Path) -> None:
    state = tmp_path / "sandbox.sqlite3"
    options = SandboxOptions(vendors=("infinity",), state=state)
    with EmbeddedSandbox(options) as first:
        cfg = first.config["infinity"]
        auth = {"Authorization": f"ApiKey {cfg['api_key']}"}
        buttons, _ = paths(cfg["igrp"])
        with httpx.Client(
            base_url=cfg["base_url"] + "/config/v2.1", headers=auth, trust_env=False
        ) as http:
            ident = http.post(buttons, data={**COUNTRY, "callRating": "Test call"}).json()
    with EmbeddedSandbox(options) as second:
        cfg = second.config["infinity"]
        with httpx.Client(
            base_url=cfg["base_url"] + "/config/v2.1", headers=auth, trust_env=False
        ) as http:
            got = http.get(f"{buttons}/{ident['sfButtonId']}")
            assert got.json()["actionParams"] == COUNTRY_PARAMS
            assert used(http, cfg["igrp"], "Test call") == "1"
            # The restored lookups still enforce one button per rating.
            assert (
                http.post(buttons, data={**COUNTRY, "callRating": "Test call"}).status_code == 409
            )
            next_one = http.post(buttons, data={**COUNTRY, "callRating": "Order status"}).json()
            assert int(next_one["sfButtonId"]) == int(ident["sfButtonId"]) + 1
