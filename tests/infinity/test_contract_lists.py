"""The Infinity sandbox's lists and auth, driven with plain httpx as a third-party integration
would: NDJSON, format=jsonarray, filter[]/sort[], limit/offset, Basic vs ApiKey, errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from console.sandbox.infinity import data
from console.sandbox.server import EmbeddedSandbox
from tests.conftest import Admin

BUTTONS = "/igrps/{igrp}/callerInsight/sfButtons"
RATINGS = "/igrps/{igrp}/callerInsight/sfButtons/callRatings"


@pytest.fixture
def api(inf: dict[str, Any]) -> Iterator[httpx.Client]:
    """v2.1 with the demo API key, on the shared session sandbox (read-only tests)."""
    with httpx.Client(
        base_url=inf["base_url"] + "/config/v2.1",
        headers={"Authorization": f"ApiKey {inf['api_key']}"},
        trust_env=False,
    ) as client:
        yield client


def ndjson(response: httpx.Response) -> list[dict[str, Any]]:
    """Strict NDJSON: one JSON object per line, every line newline-terminated."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/x-ndjson"
    text = response.text
    if not text:
        return []
    assert text.endswith("\n")
    rows = [json.loads(line) for line in text.split("\n")[:-1]]
    assert all(isinstance(r, dict) for r in rows)
    return rows


def stored(sandbox: EmbeddedSandbox, table: str, igrp: str) -> list[dict[str, Any]]:
    return [r for r in sandbox.sandbox("infinity").store.table(table) if r["igrp"] == igrp]


def test_buttons_list_is_ndjson_with_string_ids_in_id_order(
    api: httpx.Client, inf: dict[str, Any], sandbox: EmbeddedSandbox
) -> None:
    rows = ndjson(api.get(BUTTONS.format(igrp=inf["igrp"])))
    expected = stored(sandbox, "buttons", inf["igrp"])
    assert [r["sfButtonId"] for r in rows] == [str(b["sfButtonId"]) for b in expected]
    assert list(rows[0])[:5] == [
        "sfButtonId",
        "sfOrgRef",
        "buttonAction",
        "buttonLabel",
        "callRating",
    ]
    assert {r["buttonAction"] for r in rows} == {"prompt", "rateCall", "logCall", "createLead"}
    org = rows[0]["sfOrgRef"]
    assert len(org) == 18
    assert org.startswith("00D")
    assert all(isinstance(r["isDefaultButton"], str) for r in rows)
    assert "callNotesField" not in rows[0]  # only a single read shows the call-field settings


def test_jsonarray_gives_the_same_records(api: httpx.Client, inf: dict[str, Any]) -> None:
    path = BUTTONS.format(igrp=inf["igrp"])
    array = api.get(path, params={"format": "jsonarray"})
    assert array.headers["content-type"].startswith("application/json")
    assert array.json() == ndjson(api.get(path))
    assert api.get(path, params={"format": "xml"}).status_code == 400


def test_filters_are_anded_and_typed(api: httpx.Client, inf: dict[str, Any]) -> None:
    path = BUTTONS.format(igrp=inf["igrp"])
    log_calls = ndjson(api.get(path, params={"filter[]": "buttonAction-eq-logCall"}))
    assert len(log_calls) >= 2
    assert {r["buttonAction"] for r in log_calls} == {"logCall"}
    default = ndjson(
        api.get(
            path,
            params=[("filter[]", "buttonAction-eq-logCall"), ("filter[]", "isDefaultButton-eq-1")],
        )
    )
    assert len(default) == 1
    assert default[0]["isDefaultButton"] == "1"
    by_id = ndjson(
        api.get(path, params={"filter[]": f"sfButtonId-eq-{log_calls[0]['sfButtonId']}"})
    )
    assert by_id == [log_calls[0]]
    # PHP-indexed filters are the same array as filter[].
    indexed = api.get(
        path, params={"filter[0]": "buttonAction-eq-logCall", "filter[1]": "isDefaultButton-eq-1"}
    )
    assert ndjson(indexed) == default


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"filter[]": "colour-eq-red"}, "filter field 'colour' is unknown"),
        ({"filter[]": "buttonAction-like-log"}, "operator must be eq"),
        ({"filter[]": "buttonAction"}, "field-eq-value"),
        ({"filter[]": "sfButtonId-eq-abc"}, "is a number"),
        ({"sort[]": "colour-asc"}, "sort field 'colour' is unknown"),
        ({"sort[]": "callRating-sideways"}, "field-asc or field-desc"),
        ({"limit": "0"}, "limit must be a positive integer"),
        ({"offset": "-1"}, "offset must be a non-negative integer"),
        ({"page": "2"}, "page is not a known parameter"),
    ],
)
def test_bad_list_parameters_are_400_json_errors(
    api: httpx.Client, inf: dict[str, Any], params: dict[str, str], needle: str
) -> None:
    r = api.get(BUTTONS.format(igrp=inf["igrp"]), params=params)
    assert r.status_code == 400
    assert r.headers["content-type"] == "application/json"
    assert needle in r.json()["error"]


def test_unknown_parameters_can_be_ignored(
    api: httpx.Client, inf: dict[str, Any], admin: dict[str, Admin]
) -> None:
    admin["infinity"].settings(unknown_params="ignore")
    assert api.get(BUTTONS.format(igrp=inf["igrp"]), params={"page": "2"}).status_code == 200


def test_sorts_apply_in_order(api: httpx.Client, inf: dict[str, Any]) -> None:
    path = BUTTONS.format(igrp=inf["igrp"])
    desc = ndjson(api.get(path, params={"sort[]": "callRating-desc"}))
    ratings = [r["callRating"].casefold() for r in desc]
    assert ratings == sorted(ratings, reverse=True)
    two = ndjson(
        api.get(path, params=[("sort[]", "buttonAction-asc"), ("sort[]", "sfButtonId-desc")])
    )
    keys = [(r["buttonAction"].casefold(), -int(r["sfButtonId"])) for r in two]
    assert keys == sorted(keys)
    numeric = ndjson(api.get(path, params={"sort[]": "sfButtonId-desc"}))
    ids = [int(r["sfButtonId"]) for r in numeric]
    assert ids == sorted(ids, reverse=True)  # numbers, not text ("10" after "9")


def test_limit_and_offset_page_without_overlap(api: httpx.Client, inf: dict[str, Any]) -> None:
    path = BUTTONS.format(igrp=inf["igrp"])
    everything = [r["sfButtonId"] for r in ndjson(api.get(path))]
    pages = [
        [r["sfButtonId"] for r in ndjson(api.get(path, params={"limit": 4, "offset": off}))]
        for off in range(0, len(everything) + 4, 4)
    ]
    assert [len(p) for p in pages[:-1]][:2] == [4, 4]
    assert [i for page in pages for i in page] == everything
    assert pages[-1] == []
    past = api.get(path, params={"limit": 4, "offset": 10_000})
    assert (past.status_code, past.text) == (200, "")


def test_call_ratings_route_is_not_taken_for_a_button_id(
    api: httpx.Client, inf: dict[str, Any], sandbox: EmbeddedSandbox
) -> None:
    rows = ndjson(api.get(RATINGS.format(igrp=inf["igrp"])))
    assert set(rows[0]) == {"callRatingItemId", "callRating", "isUsed"}
    texts = {r["callRating"] for r in rows}
    assert {"New Lead", "Sales enquiry", "Support", "Wrong number", "Complaint"} <= texts
    buttons = {b["callRating"] for b in stored(sandbox, "buttons", inf["igrp"])}
    assert {r["callRating"] for r in rows if r["isUsed"] == "1"} == buttons
    unused = ndjson(
        api.get(
            RATINGS.format(igrp=inf["igrp"]),
            params={"filter[]": "isUsed-eq-0", "sort[]": "itemText-desc"},
        )
    )
    assert unused
    assert all(r["isUsed"] == "0" for r in unused)
    names = [r["callRating"] for r in unused]
    assert names == sorted(names, key=str.casefold, reverse=True)
    one = ndjson(
        api.get(RATINGS.format(igrp=inf["igrp"]), params={"filter[]": "itemText-eq-Support"})
    )
    assert [r["callRating"] for r in one] == ["Support"]


@pytest.mark.parametrize(
    ("spelling", "keys"),
    [("itemText", {"itemText"}), ("both", {"itemText", "callRating"})],
)
def test_rating_text_key_is_a_setting(
    api: httpx.Client, inf: dict[str, Any], admin: dict[str, Admin], spelling: str, keys: set[str]
) -> None:
    admin["infinity"].settings(rating_text_field=spelling)
    row = ndjson(api.get(RATINGS.format(igrp=inf["igrp"]), params={"limit": 1}))[0]
    assert set(row) == {"callRatingItemId", "isUsed"} | keys


def test_igrps_list_shows_links_and_respects_access(inf: dict[str, Any]) -> None:
    with httpx.Client(base_url=inf["base_url"], trust_env=False) as http:
        mine = ndjson(http.get("/config/v2/igrps", auth=(inf["username"], inf["password"])))
        agent = ndjson(
            http.get(
                "/config/v2.1/igrps", headers={"Authorization": f"ApiKey {data.AGENT_API_KEY}"}
            )
        )
    assert mine[0]["igrp"] == inf["igrp"]
    assert len(mine) == 4
    assert [g["igrp"] for g in mine if not g["sfOrgRef"]] != []
    assert [g["igrp"] for g in agent] == [inf["igrp"]]


def test_installation_errors(
    api: httpx.Client, inf: dict[str, Any], sandbox: EmbeddedSandbox
) -> None:
    igrps = sandbox.sandbox("infinity").store.table("igrps").values()
    unlinked = next(g["igrp"] for g in igrps if not g["sfOrgRef"])
    other = next(g["igrp"] for g in igrps if g["sfOrgRef"] and g["igrp"] != inf["igrp"])
    for path in (BUTTONS, RATINGS):
        r = api.get(path.format(igrp=unlinked))
        assert r.status_code == 400
        assert r.json() == {"error": f"IGRP {unlinked} is not linked to a Salesforce organisation"}
    missing = api.get(BUTTONS.format(igrp="99999999"))
    assert (missing.status_code, missing.json()) == (404, {"error": "IGRP 99999999 not found"})
    agent = {"Authorization": f"ApiKey {data.AGENT_API_KEY}"}
    assert api.get(BUTTONS.format(igrp=other), headers=agent).status_code == 403
    assert api.get(BUTTONS.format(igrp=inf["igrp"]), headers=agent).status_code == 200


def test_basic_on_v2_and_apikey_on_v21(inf: dict[str, Any]) -> None:
    basic = (inf["username"], inf["password"])
    key = {"Authorization": f"ApiKey {inf['api_key']}"}
    path = BUTTONS.format(igrp=inf["igrp"])
    with httpx.Client(base_url=inf["base_url"], trust_env=False) as http:
        assert http.get("/config/v2" + path, auth=basic).status_code == 200
        assert http.get("/config/v2.1" + path, headers=key).status_code == 200
        # Each version takes only its own scheme.
        for r in (
            http.get("/config/v2.1" + path, auth=basic),
            http.get("/config/v2" + path, headers=key),
            http.get("/config/v2" + path),
        ):
            assert (r.status_code, r.json()) == (401, {"error": "auth required"})
        assert http.get("/config/v2" + path).headers["WWW-Authenticate"].startswith("Basic")
        wrong = [
            http.get("/config/v2" + path, auth=(inf["username"], "not-the-password")),
            http.get("/config/v2" + path, auth=("nobody@example.com", inf["password"])),
            http.get("/config/v2.1" + path, headers={"Authorization": "ApiKey ik_live_wrong"}),
        ]
        for r in wrong:
            assert (r.status_code, r.json()) == (403, {"error": "access denied"})
        assert http.get("/config/v3" + path, headers=key).status_code == 404


def test_wrong_credentials_status_and_error_format_are_settings(
    api: httpx.Client, inf: dict[str, Any], admin: dict[str, Admin]
) -> None:
    path = BUTTONS.format(igrp=inf["igrp"])
    wrong = {"Authorization": "ApiKey ik_live_wrong"}
    admin["infinity"].settings(bad_credentials_status=401, error_format="text")
    r = api.get(path, headers=wrong)
    assert (r.status_code, r.text) == (401, "access denied")
    assert r.headers["content-type"].startswith("text/plain")
    admin["infinity"].settings(error_format="html")
    page = api.get(BUTTONS.format(igrp="99999999"))
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "<title>404 Not Found</title>" in page.text
    assert "IGRP 99999999 not found" in page.text


def test_faults_use_the_error_shape_and_the_log_hides_credentials(
    api: httpx.Client, inf: dict[str, Any], admin: dict[str, Admin]
) -> None:
    adm = admin["infinity"]
    adm.faults(fail_next=1, error_status=503)
    path = BUTTONS.format(igrp=inf["igrp"])
    failed = api.get(path)
    assert (failed.status_code, failed.json()) == (503, {"error": "Service Unavailable"})
    assert api.get(path).status_code == 200
    adm.faults(burst_429=1, retry_after=3)
    limited = api.get(path)
    assert (limited.status_code, limited.headers["Retry-After"]) == (429, "3")
    assert limited.json() == {"error": "rate limit exceeded"}
    logged = adm.requests(path="/config/v2.1/igrps")
    assert [e["status"] for e in logged] == [503, 200, 429]
    assert logged[0]["fault"] == "error 503"
    assert all(e["request_id"] for e in logged)
    assert inf["api_key"] not in json.dumps(logged)
    assert logged[0]["headers"]["authorization"].startswith("ApiKey ***")


def test_a_truncated_list_is_not_valid_ndjson(
    api: httpx.Client, inf: dict[str, Any], admin: dict[str, Admin]
) -> None:
    admin["infinity"].faults(malformed_next=1)
    r = api.get(BUTTONS.format(igrp=inf["igrp"]), params={"limit": 1})  # one line, cut in half
    with pytest.raises(ValueError):  # noqa: PT011 - json's own error
        [json.loads(line) for line in r.text.splitlines() if line]


def test_unknown_paths_and_methods_answer_in_the_error_shape(
    api: httpx.Client, inf: dict[str, Any]
) -> None:
    r = api.get("/igrps/1/nothing")
    assert (r.status_code, r.json()) == (404, {"error": "Not Found"})
    r = api.put(BUTTONS.format(igrp=inf["igrp"]))
    assert (r.status_code, r.json()) == (405, {"error": "Method Not Allowed"})


def test_sandbox_rate_limit_is_off_by_default_and_a_setting(
    api: httpx.Client, inf: dict[str, Any], admin: dict[str, Admin]
) -> None:
    adm = admin["infinity"]
    path = BUTTONS.format(igrp=inf["igrp"])
    assert all(api.get(path, params={"limit": 1}).status_code == 200 for _ in range(5))
    adm.settings(rate_limit_per_minute=3)
    statuses = [api.get(path, params={"limit": 1}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = api.get(path, params={"limit": 1})
    assert limited.json() == {"error": "rate limit exceeded"}
    assert int(limited.headers["Retry-After"]) >= 1
