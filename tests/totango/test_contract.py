"""The Totango sandbox driven with plain HTTP, as a third-party integration would."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from console.sandbox.server import EmbeddedSandbox
from console.sandbox.totango.data import USER_TOKEN
from tests.conftest import Admin

RUN = "/api/v2/automations/run-manual-successplay"
SEARCH = "/api/v1/search/accounts"


@pytest.fixture
def tt(sandbox: EmbeddedSandbox) -> dict[str, Any]:
    return sandbox.config["totango"]


@pytest.fixture
def http(tt: dict[str, Any]) -> httpx.Client:
    with httpx.Client(base_url=tt["base_url"], trust_env=False) as client:
        yield client


def _auth(tt: dict[str, Any]) -> dict[str, str]:
    return {"app-token": tt["app_token"]}


def _plays(sandbox: EmbeddedSandbox) -> list[dict[str, Any]]:
    return sandbox.sandbox("totango").store.table("successplays").values()


def test_run_answers_plain_text_success_and_records_the_run(
    http: httpx.Client, tt: dict[str, Any], sandbox: EmbeddedSandbox
) -> None:
    runs = sandbox.sandbox("totango").store.table("runs")
    before = len(runs)
    r = http.post(
        RUN,
        json={"successplayId": tt["successplay_id"], "accountId": "ACC-10002"},
        headers=_auth(tt),
    )
    assert r.status_code == 200
    assert r.text == "Success"
    assert r.headers["content-type"].startswith("text/plain")
    assert r.headers["RateLimit-Limit"] == "100"
    assert int(r.headers["RateLimit-Remaining"]) < 100
    assert len(runs) == before + 1


@pytest.mark.parametrize(
    ("headers", "status", "text"),
    [
        ({}, 401, "Unauthorized"),
        ({"app-token": "not-a-token"}, 401, "Unauthorized"),
        ({"app-token": USER_TOKEN}, 403, "User is not authorized with role: SERVICE_ADMIN"),
    ],
)
def test_auth_and_role_failures(
    http: httpx.Client, tt: dict[str, Any], headers: dict[str, str], status: int, text: str
) -> None:
    r = http.post(
        RUN, json={"successplayId": tt["successplay_id"], "accountId": "ACC-10002"}, headers=headers
    )
    assert r.status_code == status
    assert text in r.text


def test_documented_failure_texts(
    http: httpx.Client, tt: dict[str, Any], sandbox: EmbeddedSandbox
) -> None:
    plays = _plays(sandbox)
    inactive = next(p for p in plays if p["manual"] and not p["active"])
    automatic = next(p for p in plays if not p["manual"] and p["active"])
    cases = [
        (
            {"successplayId": "00000000-0000-4000-8000-000000000000", "accountId": "ACC-10002"},
            404,
            "SuccessPlay not found",
        ),
        ({"successplayId": inactive["id"], "accountId": "ACC-10002"}, 404, "SuccessPlay not found"),
        (
            {"successplayId": automatic["id"], "accountId": "ACC-10002"},
            400,
            "SuccessPlay is not configured as manual",
        ),
        ({"successplayId": tt["successplay_id"], "accountId": "NOPE"}, 404, "Account not found"),
        ({"accountId": "ACC-10002"}, 400, "successplayId is required"),
    ]
    for body, status, text in cases:
        r = http.post(RUN, json=body, headers=_auth(tt))
        assert (r.status_code, r.text) == (status, text), body


def test_search_pages_with_count_and_offset(http: httpx.Client, tt: dict[str, Any]) -> None:
    def page(offset: int) -> dict[str, Any]:
        query = {"terms": [], "count": 40, "offset": offset, "sort_by": "display_name"}
        r = http.post(SEARCH, data={"query": json.dumps(query)}, headers=_auth(tt))
        assert r.status_code == 200
        return r.json()["response"]["accounts"]

    first, second = page(0), page(40)
    assert first["total_hits"] == 300
    assert len(first["hits"]) == 40
    names = [h["display_name"].lower() for h in first["hits"] + second["hits"]]
    assert names == sorted(names)
    assert {h["name"] for h in first["hits"]}.isdisjoint({h["name"] for h in second["hits"]})


def test_search_filters_by_term_and_returns_selected_fields(
    http: httpx.Client, tt: dict[str, Any]
) -> None:
    query = {
        "terms": [{"type": "string", "term": "status_group", "in_list": ["churned"]}],
        "fields": [{"type": "string", "term": "health"}],
        "count": 1000,
    }
    r = http.post(SEARCH, data={"query": json.dumps(query)}, headers=_auth(tt))
    hits = r.json()["response"]["accounts"]["hits"]
    assert hits
    assert all(len(h["selected_fields"]) == 1 for h in hits)
    assert all(h["selected_fields"][0] in {"good", "average", "poor"} for h in hits)


def test_search_needs_terms_and_a_sane_count(http: httpx.Client, tt: dict[str, Any]) -> None:
    bad = http.post(SEARCH, data={"query": json.dumps({"count": 5})}, headers=_auth(tt))
    assert bad.status_code == 400
    assert "terms" in bad.text
    big = http.post(
        SEARCH, data={"query": json.dumps({"terms": [], "count": 5000})}, headers=_auth(tt)
    )
    assert big.status_code == 400


def test_rate_limit_is_100_per_minute_per_token(
    http: httpx.Client, tt: dict[str, Any], admin: dict[str, Admin]
) -> None:
    # A 6 s window (a new length starts a fresh window): 101 requests fit in it even on a
    # loaded machine; the count is the documented 100.
    admin["totango"].faults(rate_window_scale=0.1)
    query = {"data": {"query": json.dumps({"terms": [], "count": 1})}, "headers": _auth(tt)}
    statuses = [http.post(SEARCH, **query).status_code for _ in range(101)]  # type: ignore[arg-type]
    assert statuses[:100] == [200] * 100
    assert statuses[100] == 429
    limited = http.post(SEARCH, **query)  # type: ignore[arg-type]
    assert limited.text == "Too many requests"
    assert limited.headers["RateLimit-Remaining"] == "0"
    assert int(limited.headers["RateLimit-Reset"]) >= 0
    assert "Retry-After" in limited.headers
    admin["totango"].faults(rate_window_scale=0.001)  # windows passing: tests/sandbox/
    assert http.post(SEARCH, **query).status_code == 200  # type: ignore[arg-type]


def test_injected_faults_and_the_request_log(
    http: httpx.Client, tt: dict[str, Any], admin: dict[str, Admin]
) -> None:
    adm = admin["totango"]
    adm.faults(fail_next=2, error_status=503)
    body = {"data": {"query": json.dumps({"terms": [], "count": 1})}, "headers": _auth(tt)}
    assert [http.post(SEARCH, **body).status_code for _ in range(3)] == [503, 503, 200]  # type: ignore[arg-type]
    logged = adm.requests(path=SEARCH)
    assert [e["status"] for e in logged] == [503, 503, 200]
    assert logged[0]["fault"] == "error 503"
    assert logged[0]["headers"]["app-token"].startswith("***")
    assert tt["app_token"] not in json.dumps(logged)
    adm.faults(burst_429=1, retry_after=2)
    r = http.post(SEARCH, **body)  # type: ignore[arg-type]
    assert (r.status_code, r.headers["Retry-After"]) == (429, "2")


def test_unknown_path_is_a_text_404(http: httpx.Client, tt: dict[str, Any]) -> None:
    r = http.get("/api/v2/nothing-here", headers=_auth(tt))
    assert r.status_code == 404
