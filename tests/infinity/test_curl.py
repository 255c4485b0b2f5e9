"""The sandbox driven by `curl`, with the form bodies exactly as Infinity's document writes them.

There is no widely used third-party Infinity client, so curl stands in: `-d` sends each
`actionParams[0][...]` field as the document shows it (including its `%20` escapes), and the
server must read them PHP-style. The document's dropdown examples repeat `[options][0]` (or
give no index at all); PHP keeps the last value of a repeated key, and so does the sandbox.
Credentials travel in a curl config file so they never appear on a command line.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from console.sandbox.infinity import Sandbox

pytestmark = pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")

# The document's own examples, one -d per line of it (the leading "...&" is the rest of a body).
SEED_OWNER = ["actionParams[0][sfFields][Lead]=Owner", "actionParams[0][value]=00G200000001ABC"]
SEED_ORIGIN = ["actionParams[0][sfFields][Lead]=Origin__c", "actionParams[0][value]=Infinity"]
SEED_COUNTRY = [
    "actionParams[0][sfFields][Lead]=CountryCode",
    "actionParams[0][type]=dropdown",
    "actionParams[0][label]=Country",
    "actionParams[0][options][0][label]=Canada",
    "actionParams[0][options][0][value]=CA",
    "actionParams[0][options][0][label]=United%20States",
    "actionParams[0][options][0][value]=US",
]
SEED_RECORD_TYPE = [
    "actionParams[0][sfFields][Lead]=RecordTypeId",
    "actionParams[0][type]=dropdown",
    "actionParams[0][label]=Record%20Type",
    "actionParams[0][required]=1",
    "actionParams[0][options][label]=Direct",
    "actionParams[0][options][value]=012b0000000kGkl",
    "actionParams[0][options][label]=Reseller",
    "actionParams[0][options][value]=012i0000000trmR",
]


class Curl:
    def __init__(self, config: dict[str, Any], tmp: Path) -> None:
        self.base = config["base_url"]
        self.igrp = config["igrp"]
        self.basic = tmp / "basic.curlrc"
        self.basic.write_text(f'user = "{config["username"]}:{config["password"]}"\n')
        self.apikey = tmp / "apikey.curlrc"
        self.apikey.write_text(f'header = "Authorization: ApiKey {config["api_key"]}"\n')

    def run(self, *args: str, key: bool = False) -> tuple[int, str]:
        auth = self.apikey if key else self.basic
        cmd = ["curl", "-sS", "--noproxy", "*", "-K", str(auth), "-w", "\n%{http_code}", *args]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=30, check=False)
        assert done.returncode == 0, done.stderr
        body, _, status = done.stdout.rpartition("\n")
        return int(status), body

    def url(self, tail: str = "", version: str = "v2") -> str:
        return f"{self.base}/config/{version}/igrps/{self.igrp}/callerInsight/sfButtons{tail}"

    def create(self, rating: str, action: str, label: str, params: list[str]) -> str:
        data = [f"callRating={rating}", f"buttonAction={action}", f"buttonLabel={label}", *params]
        args = [x for field in data for x in ("-d", field)]
        status, body = self.run(*args, self.url())
        assert status == 201, body
        ident: str = json.loads(body)["sfButtonId"]
        return ident

    def read(self, ident: str) -> dict[str, Any]:
        status, body = self.run(self.url(f"/{ident}"))
        assert status == 200, body
        got: dict[str, Any] = json.loads(body)
        return got

    def free(self, sandbox: Sandbox, rating: str) -> None:
        """Delete the rating's button (with curl -X DELETE) so a new one can be made."""
        button = next(
            b
            for b in sandbox.store.table("buttons")
            if b["igrp"] == self.igrp and b["callRating"] == rating
        )
        status, body = self.run("-X", "DELETE", self.url(f"/{button['sfButtonId']}"))
        assert (status, body) == (204, "")


@pytest.fixture
def curl(own_inf: dict[str, Any], tmp_path: Path) -> Curl:
    return Curl(own_inf, tmp_path)


def test_fixed_parameters_as_documented(curl: Curl, own_sandbox: Sandbox) -> None:
    curl.free(own_sandbox, "New Lead")
    owner = curl.read(curl.create("New%20Lead", "createLead", "Create%20Lead", SEED_OWNER))
    assert owner["callRating"] == "New Lead"
    assert owner["buttonLabel"] == "Create Lead"
    assert owner["actionParams"] == [{"sfFields": {"Lead": "Owner"}, "value": "00G200000001ABC"}]
    curl.free(own_sandbox, "Existing customer")
    origin = curl.read(curl.create("Existing%20customer", "logCall", "Log%20Call", SEED_ORIGIN))
    assert origin["actionParams"] == [{"sfFields": {"Lead": "Origin__c"}, "value": "Infinity"}]


def test_dropdown_examples_are_read_the_way_php_reads_them(
    curl: Curl, own_sandbox: Sandbox
) -> None:
    curl.free(own_sandbox, "Sales enquiry")
    country = curl.read(curl.create("Sales%20enquiry", "createLead", "New", SEED_COUNTRY))
    (param,) = country["actionParams"]
    assert (param["sfFields"], param["type"], param["label"]) == (
        {"Lead": "CountryCode"},
        "dropdown",
        "Country",
    )
    # [options][0] appears twice in the document: the later pair wins, as in PHP.
    assert param["options"] == [{"label": "United States", "value": "US"}]
    curl.free(own_sandbox, "Quote request")
    record_type = curl.read(curl.create("Quote%20request", "createLead", "New", SEED_RECORD_TYPE))
    (param,) = record_type["actionParams"]
    assert (param["label"], param["required"]) == ("Record Type", "1")
    assert param["options"] == [{"label": "Reseller", "value": "012i0000000trmR"}]


def test_dropdown_with_indexed_options_keeps_every_option(curl: Curl) -> None:
    fields = [
        *SEED_COUNTRY[:3],
        "actionParams[0][options][0][label]=Canada",
        "actionParams[0][options][0][value]=CA",
        "actionParams[0][options][1][label]=United%20States",
        "actionParams[0][options][1][value]=US",
    ]
    got = curl.read(curl.create("Spam", "createLead", "Create%20Lead", fields))
    assert got["actionParams"][0]["options"] == [
        {"label": "Canada", "value": "CA"},
        {"label": "United States", "value": "US"},
    ]


def test_lists_updates_and_api_keys_with_curl(curl: Curl, own_sandbox: Sandbox) -> None:
    status, body = curl.run(
        "-g", curl.url("?filter[]=buttonAction-eq-createLead&sort[]=sfButtonId-desc")
    )
    assert status == 200
    rows = [json.loads(line) for line in body.splitlines()]
    assert rows
    assert {r["buttonAction"] for r in rows} == {"createLead"}
    assert [int(r["sfButtonId"]) for r in rows] == sorted(
        (int(r["sfButtonId"]) for r in rows), reverse=True
    )
    ident = rows[0]["sfButtonId"]
    status, body = curl.run(
        "-d", "buttonLabel=Create%20a%20lead", curl.url(f"/{ident}", "v2.1"), key=True
    )
    assert (status, body) == (204, "")
    status, body = curl.run(curl.url(f"/{ident}", "v2.1"), key=True)
    assert json.loads(body)["buttonLabel"] == "Create a lead"
    status, body = curl.run(curl.url("/callRatings?format=jsonarray"))
    assert status == 200
    assert isinstance(json.loads(body), list)
    # Basic credentials on the ApiKey version are not enough.
    status, body = curl.run(curl.url("", "v2.1"))
    assert (status, json.loads(body)) == (401, {"error": "auth required"})
