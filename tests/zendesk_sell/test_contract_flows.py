"""Upsert, OAuth, the rate limit, injected faults and the nested collections, over plain HTTP."""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.conftest import Admin
from tests.zendesk_sell.conftest import error_of, unique

# -- upsert ---------------------------------------------------------------------------------------


def test_upsert_creates_then_updates_then_conflicts(http: httpx.Client, adm: Admin) -> None:
    key = unique("EXT")
    query = {"custom_fields[external_id]": key}
    data = {"last_name": "Upserted", "custom_fields": {"external_id": key}}
    created = http.post("/v2/contacts/upsert", params=query, json={"data": data})
    assert created.status_code == 200
    first = created.json()["data"]
    updated = http.post("/v2/contacts/upsert", params=query, json={"data": {"title": "CFO"}})
    assert updated.status_code == 200
    assert updated.json()["data"]["id"] == first["id"]
    assert updated.json()["data"]["title"] == "CFO"
    # A second record with the same key makes the filter ambiguous.
    http.post("/v2/contacts", json={"data": data})
    conflict = http.post("/v2/contacts/upsert", params=query, json={"data": {"title": "CEO"}})
    assert conflict.status_code == 409
    assert error_of(conflict)["code"] == "conflict"
    # The unconfirmed behaviour is a setting: update the oldest match instead.
    adm.settings(upsert_multiple_matches="update_first")
    chosen = http.post("/v2/contacts/upsert", params=query, json={"data": {"title": "CEO"}})
    assert (chosen.status_code, chosen.json()["data"]["id"]) == (200, first["id"])


def test_upsert_needs_a_filter_and_validates_the_body(http: httpx.Client) -> None:
    r = http.post("/v2/leads/upsert", json={"data": {"last_name": "NoFilter"}})
    assert (r.status_code, error_of(r)["code"]) == (400, "invalid_param")
    r = http.post(
        "/v2/leads/upsert",
        params={"email": unique() + "@x.io"},
        json={"data": {"first_name": "No last name"}},
    )
    assert (r.status_code, error_of(r)["field"]) == (422, "/data/last_name")
    r = http.post("/v2/leads/upsert", params={"page": 1, "email": "a@b.c"}, json={"data": {}})
    assert r.status_code == 400


# -- OAuth ----------------------------------------------------------------------------------------


def _token(zs: dict[str, Any], form: dict[str, str], auth: Any = None) -> httpx.Response:
    return httpx.post(
        zs["base_url"] + "/oauth2/token",
        data=form,
        trust_env=False,
        auth=auth if auth is not None else (zs["client_id"], zs["client_secret"]),
    )


def test_refresh_grant_issues_a_working_expiring_token(zs: dict[str, Any], adm: Admin) -> None:
    r = _token(zs, {"grant_type": "refresh_token", "refresh_token": zs["refresh_token"]})
    assert r.status_code == 200
    body = r.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 3600
    assert len(body["access_token"]) == 64
    assert set(body["scope"].split()) == {"read", "write", "profile"}
    assert r.headers["Cache-Control"] == "no-store"
    me = httpx.get(
        zs["base_url"] + "/v2/users/self",
        trust_env=False,
        headers={"Authorization": f"Bearer {body['access_token']}"},
    )
    assert me.status_code == 200
    # The secrets never reach the request log.
    logged = json.dumps(adm.requests(path="/oauth2/token"))
    assert zs["refresh_token"] not in logged
    assert zs["client_secret"] not in logged


def test_oauth_access_tokens_expire(zs: dict[str, Any], adm: Admin) -> None:
    adm.settings(token_ttl_seconds=2.0)  # the first call lands inside it on a loaded machine
    token = _token(zs, {"grant_type": "refresh_token", "refresh_token": zs["refresh_token"]})
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    url = zs["base_url"] + "/v2/users/self"
    assert httpx.get(url, headers=headers, trust_env=False).status_code == 200
    time.sleep(2.1)
    expired = httpx.get(url, headers=headers, trust_env=False)
    assert expired.status_code == 401
    assert "expired" in error_of(expired)["details"]


def test_token_endpoint_errors(zs: dict[str, Any]) -> None:
    bad_client = _token(
        zs,
        {"grant_type": "refresh_token", "refresh_token": zs["refresh_token"]},
        auth=(zs["client_id"], "wrong"),
    )
    assert (bad_client.status_code, bad_client.json()["error"]) == (401, "invalid_client")
    bad_grant = _token(zs, {"grant_type": "refresh_token", "refresh_token": "nope"})
    assert (bad_grant.status_code, bad_grant.json()["error"]) == (400, "invalid_grant")
    unsupported = _token(zs, {"grant_type": "password"})
    assert unsupported.json()["error"] == "unsupported_grant_type"


def test_authorization_code_flow(zs: dict[str, Any]) -> None:
    redirect = "http://127.0.0.1:8765/callback"
    r = httpx.get(
        zs["base_url"] + "/oauth2/authorize",
        trust_env=False,
        params={
            "response_type": "code",
            "client_id": zs["client_id"],
            "redirect_uri": redirect,
            "state": "xyz",
        },
    )
    assert r.status_code == 302
    location = urlsplit(r.headers["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == redirect
    query = parse_qs(location.query)
    assert query["state"] == ["xyz"]
    form = {"grant_type": "authorization_code", "code": query["code"][0], "redirect_uri": redirect}
    issued = _token(zs, form)
    assert issued.status_code == 200
    assert issued.json()["refresh_token"]
    assert _token(zs, form).json()["error"] == "invalid_grant"  # a code works once


# -- rate limit -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["json", "empty", "text"])
def test_rate_limit_429_then_the_scaled_window_resets(
    http: httpx.Client, adm: Admin, kind: str
) -> None:
    # 36,000/hour is the documented limit; the test lowers it and shrinks the hour to 3.6 s
    # (a new window length starts a fresh window; the six calls fit in it under load).
    adm.settings(rate_limit_per_hour=5, rate_limit_body=kind)
    adm.faults(rate_window_scale=0.001)
    statuses = [http.get("/v2/users/self").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    limited = http.get("/v2/users/self")
    assert limited.status_code == 429
    assert "Retry-After" not in limited.headers
    assert not any(h.lower().startswith("x-ratelimit") for h in limited.headers)
    if kind == "json":
        assert error_of(limited)["code"] == "rate_limit_exceeded"
        assert limited.json()["meta"]["logref"] == limited.headers["X-Request-Id"]
    elif kind == "empty":
        assert limited.content == b""
    else:
        assert limited.text == "Too Many Requests"
    adm.faults(rate_window_scale=0.0001)  # a 0.36 s hour, and it passes
    time.sleep(0.4)
    assert http.get("/v2/users/self").status_code == 200


def test_the_limit_is_per_token(zs: dict[str, Any], http: httpx.Client, adm: Admin) -> None:
    adm.settings(rate_limit_per_hour=2)
    adm.faults(rate_window_scale=0.001)
    assert [http.get("/v2/users/self").status_code for _ in range(3)] == [200, 200, 429]
    other = httpx.get(
        zs["base_url"] + "/v2/users/self",
        trust_env=False,
        headers={"Authorization": f"Bearer {zs['read_only_token']}"},
    )
    assert other.status_code == 200


# -- faults and the request log -------------------------------------------------------------------


def test_injected_faults_are_vendor_shaped_and_logged(
    http: httpx.Client, adm: Admin, zs: dict[str, Any]
) -> None:
    adm.faults(fail_next=2, error_status=503)
    got = [http.get("/v2/pipelines") for _ in range(3)]
    assert [r.status_code for r in got] == [503, 503, 200]
    assert error_of(got[0])["code"] == "service_unavailable"
    assert got[0].json()["meta"]["logref"] == got[0].headers["X-Request-Id"]
    logged = adm.requests(path="/v2/pipelines")
    assert [e["status"] for e in logged] == [503, 503, 200]
    assert logged[0]["fault"] == "error 503"
    assert logged[0]["request_id"] == got[0].headers["X-Request-Id"]
    assert logged[0]["headers"]["authorization"].startswith("Bearer ***")
    assert zs["access_token"] not in json.dumps(logged)
    adm.faults(burst_429=1, retry_after=3)
    limited = http.get("/v2/pipelines")
    assert (limited.status_code, limited.headers["Retry-After"]) == (429, "3")


def test_unknown_paths_and_methods_answer_in_the_envelope(http: httpx.Client) -> None:
    missing = http.get("/v2/nothing-here")
    assert (missing.status_code, error_of(missing)["code"]) == (404, "not_found")
    read_only = http.post("/v2/pipelines", json={"data": {"name": "x"}})
    assert read_only.status_code == 405
    assert read_only.json()["meta"]["logref"] == read_only.headers["X-Request-Id"]


# -- nested collections ---------------------------------------------------------------------------


def test_associated_contacts_add_list_remove(http: httpx.Client) -> None:
    deal = http.post("/v2/deals", json={"data": {"name": unique("D"), "contact_id": 2}}).json()
    deal_id = deal["data"]["id"]
    path = f"/v2/deals/{deal_id}/associated_contacts"
    added = http.post(path, json={"data": {"contact_id": 5, "role": "involved"}})
    assert added.status_code == 200
    assert added.json()["data"]["contact_id"] == 5
    again = http.post(path, json={"data": {"contact_id": 5}})
    assert error_of(again)["code"] == "already_exists"
    listed = http.get(path).json()
    assert [i["data"]["contact_id"] for i in listed["items"]] == [5]
    assert listed["items"][0]["meta"]["type"] == "associated_contact"
    assert http.delete(f"{path}/5").status_code == 204
    assert http.get(path).json()["items"] == []
    assert http.delete(f"{path}/5").status_code == 404


def test_order_line_items_take_price_from_the_product(http: httpx.Client) -> None:
    deal = http.post(
        "/v2/deals", json={"data": {"name": unique("D"), "contact_id": 3, "currency": "EUR"}}
    ).json()["data"]
    order = http.post("/v2/orders", json={"data": {"deal_id": deal["id"], "discount": 10}})
    assert order.status_code == 200
    oid = order.json()["data"]["id"]
    second = http.post("/v2/orders", json={"data": {"deal_id": deal["id"]}})
    assert (error_of(second)["code"], error_of(second)["field"]) == (
        "already_exists",
        "/data/deal_id",
    )
    item = http.post(
        f"/v2/orders/{oid}/line_items",
        json={"data": {"product_id": 4, "variation": -10, "quantity": 2}},
    )
    assert item.status_code == 200, item.text
    line = item.json()["data"]
    product = http.get("/v2/products/4").json()["data"]
    eur = next(p["amount"] for p in product["prices"] if p["currency"] == "EUR")
    assert (line["currency"], line["price"], line["name"]) == ("EUR", eur, product["name"])
    assert line["value"] == f"{float(eur) * 0.9:.2f}"
    assert http.get(f"/v2/orders/{oid}/line_items/{line['id']}").json()["data"] == line
    assert http.delete(f"/v2/orders/{oid}/line_items/{line['id']}").status_code == 204
    assert http.get(f"/v2/orders/{oid}/line_items").json()["items"] == []
    assert http.delete(f"/v2/deals/{deal['id']}").status_code == 204
    assert http.get(f"/v2/orders/{oid}").status_code == 404  # the deal's order went with it
