"""Getting and renewing a Salesforce session from a terminal.

- `refresh_form` / `apply_token`: the refresh-token grant the client runs after a 401.
- `device_login`: the OAuth 2.0 device flow (show a code, the person approves it in a
  browser anywhere, the console polls until the token arrives), for jump hosts without one.
- `import_sf_cli`: reuse the session of the Salesforce CLI (`sf org display --json`).

OAuth failures answer `{"error", "error_description"}`; `oauth_error` turns one into the
console's error tree (refused grants and clients are authentication errors).
"""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from pydantic import SecretStr

from console.config.credentials import SalesforceCredentials
from console.errors import AuthenticationError, ConfigError, VendorError, error_class_for_status

TOKEN_PATH = "/services/oauth2/token"
DEFAULT_SCOPE = "api refresh_token"
_AUTH_ERRORS = frozenset(
    {
        "invalid_grant",
        "invalid_client",
        "invalid_client_id",
        "unauthorized_client",
        "access_denied",
        "expired_token",
        "inactive_user",
        "inactive_org",
    }
)


def token_url(login_url: str) -> str:
    return login_url.rstrip("/") + TOKEN_PATH


def oauth_error(status: int, body: Any, *, request_id: str | None = None) -> VendorError:
    """An OAuth `{"error","error_description"}` answer as a console error (no secrets in it)."""
    code = str(body.get("error")) if isinstance(body, Mapping) and body.get("error") else None
    text = body.get("error_description") if isinstance(body, Mapping) else None
    message = str(text or code or f"OAuth request failed with HTTP {status}")
    cls = AuthenticationError if code in _AUTH_ERRORS else error_class_for_status(status)
    return cls(
        message, vendor="salesforce", status=status, code=code, request_id=request_id, body=None
    )


def refresh_form(creds: SalesforceCredentials) -> dict[str, str] | None:
    """The refresh-token grant's form, or None when the profile cannot refresh."""
    if creds.refresh_token is None or not creds.client_id:
        return None
    form = {
        "grant_type": "refresh_token",
        "refresh_token": creds.refresh_token.get_secret_value(),
        "client_id": creds.client_id,
    }
    if creds.client_secret is not None:
        form["client_secret"] = creds.client_secret.get_secret_value()
    return form


def apply_token(creds: SalesforceCredentials, body: Any) -> None:
    """Store a token answer in the credentials (in place, so the profile sees the new token)."""
    if not isinstance(body, Mapping) or not body.get("access_token"):
        raise AuthenticationError(
            "The token answer had no access_token.", vendor="salesforce", code="invalid_response"
        )
    creds.access_token = SecretStr(str(body["access_token"]))
    if body.get("instance_url"):
        creds.instance_url = str(body["instance_url"]).rstrip("/")
    if body.get("refresh_token"):
        creds.refresh_token = SecretStr(str(body["refresh_token"]))


# -- device flow ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeviceCode:
    """What a person needs to approve the login: the code and where to type it."""

    user_code: str
    verification_uri: str
    interval: float
    device_code: str


OnCode = Callable[[DeviceCode], Awaitable[None] | None]
Sleep = Callable[[float], Awaitable[None]]


async def _post(http: httpx.AsyncClient, url: str, form: dict[str, str]) -> httpx.Response:
    return await http.post(url, data=form, headers={"Accept": "application/json"})


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


async def device_login(
    http: httpx.AsyncClient,
    *,
    login_url: str,
    client_id: str,
    on_code: OnCode,
    scope: str = DEFAULT_SCOPE,
    api_version: str = "64.0",
    sleep: Sleep = asyncio.sleep,
    max_wait: float = 900.0,
) -> SalesforceCredentials:
    """Run the device flow with the customer's own connected app and return credentials.

    `on_code` is told the user code and verification URL once; polling honours the server's
    `interval`, slows down when asked, and gives up after `max_wait` seconds of waiting.
    """
    url = token_url(login_url)
    started = await _post(
        http, url, {"response_type": "device_code", "client_id": client_id, "scope": scope}
    )
    body = _json(started)
    if started.is_error or not isinstance(body, Mapping) or "device_code" not in body:
        raise oauth_error(started.status_code, body)
    code = DeviceCode(
        user_code=str(body["user_code"]),
        verification_uri=str(body["verification_uri"]),
        interval=float(body.get("interval") or 5),
        device_code=str(body["device_code"]),
    )
    shown = on_code(code)
    if inspect.isawaitable(shown):
        await shown
    interval, waited = code.interval, 0.0
    poll = {"grant_type": "device", "client_id": client_id, "code": code.device_code}
    while True:
        await sleep(interval)
        waited += interval
        answer = await _post(http, url, poll)
        body = _json(answer)
        if not answer.is_error and isinstance(body, Mapping) and body.get("access_token"):
            creds = SalesforceCredentials(
                instance_url=str(body.get("instance_url") or login_url).rstrip("/"),
                client_id=client_id,
                login_url=login_url.rstrip("/"),
                api_version=api_version,
            )
            apply_token(creds, body)
            return creds
        error = body.get("error") if isinstance(body, Mapping) else None
        if error == "slow_down":
            interval += 5
        elif error != "authorization_pending":
            raise oauth_error(answer.status_code, body)
        if waited >= max_wait:
            raise AuthenticationError(
                "The device login was not approved in time.",
                vendor="salesforce",
                code="expired_token",
            )


# -- Salesforce CLI ------------------------------------------------------------------------


def import_sf_cli(json_text: str, *, login_url: str | None = None) -> SalesforceCredentials:
    """Credentials from `sf org display --json` (or `--verbose --json`, which adds a refresh
    token inside `sfdxAuthUrl`)."""
    start = json_text.find("{")
    try:
        data = json.loads(json_text[start:] if start >= 0 else json_text)
    except ValueError:
        raise ConfigError("That is not the JSON `sf org display --json` prints.") from None
    if not isinstance(data, dict):
        raise ConfigError("That is not the JSON `sf org display --json` prints.")
    if data.get("status", 0) != 0:
        raise ConfigError(f"The Salesforce CLI reported an error: {data.get('message', '?')}")
    result = data.get("result")
    if not isinstance(result, dict) or not result.get("instanceUrl"):
        raise ConfigError("The CLI output has no result.instanceUrl.")
    token = result.get("accessToken")
    if not token:
        raise ConfigError("The CLI output has no result.accessToken (is the org connected?).")
    refresh, client_id, secret = _auth_url_parts(str(result.get("sfdxAuthUrl") or ""))
    creds = SalesforceCredentials(
        instance_url=str(result["instanceUrl"]).rstrip("/"),
        access_token=SecretStr(str(token)),
        refresh_token=SecretStr(refresh) if refresh else None,
        client_id=str(result.get("clientId") or client_id or "") or None,
        client_secret=SecretStr(secret) if secret else None,
    )
    chosen_login = login_url or result.get("loginUrl")
    if chosen_login:
        creds.login_url = str(chosen_login).rstrip("/")
    if result.get("apiVersion"):
        creds.api_version = str(result["apiVersion"])
    return creds


def _auth_url_parts(auth_url: str) -> tuple[str | None, str | None, str | None]:
    """(refresh token, client id, client secret) from force://id:secret:refresh@host."""
    if not auth_url.startswith("force://") or "@" not in auth_url:
        return None, None, None
    userinfo = auth_url[len("force://") :].rsplit("@", 1)[0]
    parts = userinfo.split(":")
    if len(parts) < 2:
        return None, None, None
    refresh = parts[-1] or None
    client_id = parts[0] or None
    secret = ":".join(parts[1:-1]) or None
    return refresh, client_id, secret
