"""The Salesforce sandbox's REST frame, driven with plain httpx: versions, sessions, the API
limit and its header, sobjects, unknown paths, injected faults and the request log."""

from __future__ import annotations

import json

import httpx

from tests.salesforce.conftest import API, Org


def _usage(response: httpx.Response) -> tuple[int, int]:
    header = response.headers["Sforce-Limit-Info"]
    assert header.startswith("api-usage=")
    used, most = header.removeprefix("api-usage=").split(";")[0].split("/")
    return int(used), int(most)


def test_versions_list_needs_no_auth_and_has_no_limit_header(shared: Org) -> None:
    for path in ("/services/data", "/services/data/"):
        r = httpx.get(shared.base_url + path, trust_env=False)
        assert r.status_code == 200
        assert "Sforce-Limit-Info" not in r.headers
        versions = r.json()
        assert versions[0] == {
            "label": "Spring '19",
            "url": "/services/data/v45.0",
            "version": "45.0",
        }
        assert versions[-1] == {
            "label": "Summer '25",
            "url": "/services/data/v64.0",
            "version": "64.0",
        }
        assert len(versions) == 20


def test_missing_or_wrong_session_is_401_invalid_session_id(shared: Org) -> None:
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": shared.token}):
        r = httpx.get(shared.base_url + API + "/limits", headers=headers, trust_env=False)
        assert r.status_code == 401
        assert r.json() == [
            {"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}
        ]
        assert r.headers["Sforce-Limit-Info"].startswith("api-usage=")


def test_limit_info_counts_every_call_and_limits_reports_it(fresh_org: Org) -> None:
    first = fresh_org.http.get("/")
    second = fresh_org.http.get("/sobjects")
    limits = fresh_org.http.get("/limits")
    assert _usage(first) == (1, 15000)
    assert _usage(second) == (2, 15000)
    assert _usage(limits) == (3, 15000)
    assert limits.json()["DailyApiRequests"] == {"Max": 15000, "Remaining": 14997}
    fresh_org.admin.settings(api_bursts=True)
    assert (
        fresh_org.http.get("/").headers["Sforce-Limit-Info"]
        == "api-usage=4/15000; api-bursts=4/100"
    )


def test_exhausted_daily_limit_is_403_request_limit_exceeded(fresh_org: Org) -> None:
    fresh_org.admin.settings(api_limit_max=3)
    statuses = [fresh_org.http.get("/limits").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 403]
    refused = fresh_org.http.get("/query", params={"q": "SELECT Id FROM User"})
    assert refused.status_code == 403
    assert refused.json() == [
        {"message": "TotalRequests Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED"}
    ]
    assert _usage(refused) == (3, 3)
    fresh_org.admin.http.delete("/_sandbox/api-usage")
    assert fresh_org.http.get("/limits").status_code == 200


def test_versions_outside_45_to_64_and_unknown_paths_are_404(shared: Org) -> None:
    root = shared.base_url + "/services/data"
    auth = {"Authorization": f"Bearer {shared.token}"}
    for path in ("/v44.0/limits", "/v65.0/limits", "/vX/limits", "/v64.0/nothing/here"):
        r = httpx.get(root + path, headers=auth, trust_env=False)
        assert r.status_code == 404, path
        assert r.json() == [
            {"message": "The requested resource does not exist", "errorCode": "NOT_FOUND"}
        ]
    assert httpx.get(root + "/v45.0/limits", headers=auth, trust_env=False).status_code == 200
    wrong = httpx.delete(root + "/v64.0/limits", headers=auth, trust_env=False)
    assert wrong.status_code == 405
    assert wrong.json()[0]["errorCode"] == "METHOD_NOT_ALLOWED"


def test_sobjects_describe_and_get_by_15_or_18_char_id(shared: Org) -> None:
    listing = shared.http.get("/sobjects").json()
    names = {o["name"]: o for o in listing["sobjects"]}
    assert names["ActionCadenceTracker"]["keyPrefix"] == "0qB"
    assert names["ActionCadence"]["keyPrefix"] == "77C"
    described = shared.http.get("/sobjects/ActionCadenceTracker/describe").json()
    fields = {f["name"]: f for f in described["fields"]}
    assert fields["TargetId"]["referenceTo"] == ["Contact", "Lead", "Account"]
    assert fields["TargetId"]["relationshipName"] == "Target"
    assert "Paused" in [p["value"] for p in fields["State"]["picklistValues"]]
    contact = shared.one("SELECT Id, Name FROM Contact ORDER BY Name LIMIT 1")
    for ident in (contact["Id"], contact["Id"][:15]):
        got = shared.http.get(f"/sobjects/Contact/{ident}")
        assert got.status_code == 200
        assert got.json()["Name"] == contact["Name"]
        assert got.json()["attributes"]["url"].endswith(contact["Id"])
    some = shared.http.get(f"/sobjects/Contact/{contact['Id']}", params={"fields": "Name,Email"})
    assert set(some.json()) == {"attributes", "Name", "Email"}
    missing = shared.http.get("/sobjects/Contact/not-an-id")
    assert missing.status_code == 404
    assert shared.http.get("/sobjects/Lead/" + contact["Id"]).status_code == 404
    assert shared.http.get("/sobjects/Nope/describe").status_code == 404


def test_injected_faults_are_array_json_and_logged_without_the_token(fresh_org: Org) -> None:
    adm = fresh_org.admin
    adm.clear_requests()
    adm.faults(fail_next=1, error_status=503)
    r = fresh_org.http.get("/limits")
    assert r.status_code == 503
    assert r.json() == [
        {"message": "Server temporarily unavailable.", "errorCode": "SERVER_UNAVAILABLE"}
    ]
    adm.faults(burst_429=1, retry_after=2)
    limited = fresh_org.http.get("/limits")
    assert limited.status_code == 429
    assert limited.headers["Retry-After"] == "2"
    assert limited.json()[0]["errorCode"] == "REQUEST_LIMIT_EXCEEDED"
    assert fresh_org.http.get("/limits").status_code == 200
    logged = adm.requests(path=API + "/limits")
    assert [e["status"] for e in logged] == [503, 429, 200]
    assert logged[0]["fault"] == "error 503"
    assert logged[0]["headers"]["authorization"].startswith("Bearer ***")
    assert fresh_org.token not in json.dumps(logged)
