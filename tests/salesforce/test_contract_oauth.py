"""The sandbox's OAuth server with plain httpx: refresh, device flow, JWT bearer, revoke."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

import httpx

from tests.salesforce.conftest import API, Org

TOKEN = "/services/oauth2/token"


def _post(org: Org, path: str, form: dict[str, str]) -> httpx.Response:
    return httpx.post(org.base_url + path, data=form, trust_env=False)


def _works(org: Org, token: str) -> bool:
    r = httpx.get(
        org.base_url + API + "/limits",
        trust_env=False,
        headers={"Authorization": f"Bearer {token}"},
    )
    return r.status_code == 200


def test_refresh_token_grant_issues_a_working_session(org: Org) -> None:
    cfg = org.config
    r = _post(
        org,
        TOKEN,
        {
            "grant_type": "refresh_token",
            "refresh_token": cfg["refresh_token"],
            "client_id": cfg["client_id"],
            "client_secret": cfg["client_secret"],
        },
    )
    assert r.status_code == 200
    body = r.json()
    assert {"access_token", "instance_url", "id", "token_type", "issued_at", "signature"} <= set(
        body
    )
    assert body["instance_url"] == org.base_url
    assert body["token_type"] == "Bearer"
    assert body["issued_at"].isdigit()
    assert "refresh_token" not in body
    assert _works(org, body["access_token"])
    (logged,) = org.admin.requests(path=TOKEN)[-1:]
    assert "refresh_token=%2A%2A%2A" in logged["body"]
    assert cfg["refresh_token"] not in logged["body"]
    assert cfg["client_secret"] not in logged["body"]


def test_refresh_failures_are_oauth_shaped(org: Org) -> None:
    cfg = org.config
    cases = [
        (
            {"grant_type": "refresh_token", "refresh_token": "nope", "client_id": cfg["client_id"]},
            "invalid_grant",
        ),
        (
            {
                "grant_type": "refresh_token",
                "refresh_token": cfg["refresh_token"],
                "client_id": "someone-else",
            },
            "invalid_client_id",
        ),
        (
            {
                "grant_type": "refresh_token",
                "refresh_token": cfg["refresh_token"],
                "client_id": cfg["client_id"],
                "client_secret": "wrong",
            },
            "invalid_client",
        ),
        ({"grant_type": "password"}, "unsupported_grant_type"),
    ]
    for form, error in cases:
        r = _post(org, TOKEN, form)
        assert r.status_code == 400
        assert r.json()["error"] == error
        assert r.json()["error_description"]


def _start_device(org: Org) -> dict[str, Any]:
    r = _post(
        org,
        TOKEN,
        {
            "response_type": "device_code",
            "client_id": org.config["client_id"],
            "scope": "api refresh_token",
        },
    )
    assert r.status_code == 200
    started: dict[str, Any] = r.json()
    assert set(started) == {"device_code", "user_code", "verification_uri", "interval"}
    return started


def _poll(org: Org, device_code: str) -> httpx.Response:
    return _post(
        org,
        TOKEN,
        {"grant_type": "device", "client_id": org.config["client_id"], "code": device_code},
    )


def test_device_flow_pending_then_approved_on_the_connect_page(org: Org) -> None:
    with org.settings(device_interval=0):
        started = _start_device(org)
        assert started["verification_uri"] == org.base_url + "/setup/connect"
        pending = _poll(org, started["device_code"])
        assert pending.status_code == 400
        assert pending.json()["error"] == "authorization_pending"
        page = httpx.post(
            started["verification_uri"], data={"user_code": started["user_code"]}, trust_env=False
        )
        assert "Approved" in page.text
        done = _poll(org, started["device_code"])
        assert done.status_code == 200
        tokens = done.json()
        assert tokens["refresh_token"].startswith("5Aep861")
        assert _works(org, tokens["access_token"])
        assert _poll(org, started["device_code"]).json()["error"] == "invalid_grant"  # used up


def test_device_flow_slow_down_deny_and_auto_approve(org: Org) -> None:
    with org.settings(device_interval=5):
        started = _start_device(org)
        assert started["interval"] == 5
        assert _poll(org, started["device_code"]).json()["error"] == "authorization_pending"
        assert _poll(org, started["device_code"]).json()["error"] == "slow_down"
    with org.settings(device_interval=0):
        denied = _start_device(org)
        org.admin.http.post("/_sandbox/device/deny", json={"user_code": denied["user_code"]})
        assert _poll(org, denied["device_code"]).json()["error"] == "access_denied"
    with org.settings(device_interval=0, device_auto_approve_polls=2):
        auto = _start_device(org)
        assert _poll(org, auto["device_code"]).status_code == 400
        assert _poll(org, auto["device_code"]).status_code == 200


def _jwt(claims: dict[str, Any]) -> str:
    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'RS256'})}.{part(claims)}.c2lnbmF0dXJl"


def test_jwt_bearer_grant(org: Org) -> None:
    username = org.one("SELECT Username FROM User WHERE IsActive = true LIMIT 1")["Username"]
    claims = {
        "iss": org.config["client_id"],
        "sub": username,
        "aud": org.base_url,
        "exp": int(time.time()) + 300,
    }
    grant = "urn:ietf:params:oauth:grant-type:jwt-bearer"
    ok = _post(org, TOKEN, {"grant_type": grant, "assertion": _jwt(claims)})
    assert ok.status_code == 200
    assert _works(org, ok.json()["access_token"])
    expired = _post(org, TOKEN, {"grant_type": grant, "assertion": _jwt({**claims, "exp": 1})})
    assert expired.json()["error"] == "invalid_grant"


def test_revoke_and_expired_sessions(fresh_org: Org) -> None:
    cfg = fresh_org.config
    issued = _post(
        fresh_org,
        TOKEN,
        {
            "grant_type": "refresh_token",
            "client_id": cfg["client_id"],
            "refresh_token": cfg["refresh_token"],
        },
    ).json()["access_token"]
    assert _post(fresh_org, "/services/oauth2/revoke", {"token": issued}).status_code == 200
    assert not _works(fresh_org, issued)
    assert _post(fresh_org, "/services/oauth2/revoke", {"token": issued}).status_code == 400
    fresh_org.admin.http.post("/_sandbox/sessions/expire", json={})
    assert not _works(fresh_org, fresh_org.token)
    # Two seconds: long enough for the first call to land inside it on a loaded machine.
    with fresh_org.settings(access_token_ttl_seconds=2.0):
        short = _post(
            fresh_org,
            TOKEN,
            {
                "grant_type": "refresh_token",
                "client_id": cfg["client_id"],
                "refresh_token": cfg["refresh_token"],
            },
        ).json()
        assert _works(fresh_org, short["access_token"])
        time.sleep(2.1)
        assert not _works(fresh_org, short["access_token"])


def test_userinfo(org: Org) -> None:
    r = httpx.get(
        org.base_url + "/services/oauth2/userinfo",
        trust_env=False,
        headers={"Authorization": f"Bearer {org.token}"},
    )
    assert r.status_code == 200
    assert r.json()["organization_id"].startswith("00D")
