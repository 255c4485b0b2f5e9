"""The sandbox's OAuth 2.0 server: sessions, refresh, the device flow, JWT bearer, revoke.

    POST /services/oauth2/token    refresh_token | device (response_type=device_code, then
                                   grant_type=device polling) | JWT bearer
    POST /services/oauth2/revoke   token=...
    GET  /services/oauth2/userinfo
    GET/POST /setup/connect        where a person types the device flow's user code

Errors are `{"error", "error_description"}` with HTTP 400. JWT assertions are decoded but
their signatures are not checked (the sandbox has no connected-app certificate).
"""

from __future__ import annotations

import base64
import json
import secrets
import string
import time
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from console.sandbox.common.store import Store
from console.sandbox.salesforce.ids import make_id
from console.sandbox.salesforce.settings import Live

ORG_ID = make_id("00D", 1)
CLIENT_ID = "3MVG9crmConsoleSandbox.Demo.ConnectedApp" + "Qz7hB4kX2mLr9Tn5Wc1vYd8Fg3Jp6Se0"
CLIENT_SECRET = "8F2C6D0B9A7E4D1C3B5A9F7E2D4C6B8A0F1E3D5C7B9A2E4F6A8C0D2E4F6A8B0C"
ACCESS_TOKEN = f"{ORG_ID[:15]}!AQ4AQDemoSessionForCrmConsoleSandbox.Xk2v9LmQ7rT1wZ5pN8cB3hJ6"
REFRESH_TOKEN = "5Aep861DemoRefreshTokenForCrmConsoleSandbox9Xk2v9LmQ7rT1wZ5pN8cB3hJ6dF"
DEVICE_LIFETIME = 600.0
JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"


def api_user(store: Store) -> str:
    """The user the demo session belongs to (the org's first user, its admin)."""
    return str(next(iter(store.table("User").rows)))


def seed_tokens(store: Store, user_id: str) -> None:
    """The demo session and refresh token printed by `--print-config`."""
    for token, kind in ((ACCESS_TOKEN, "access"), (REFRESH_TOKEN, "refresh")):
        store.table("tokens").put(
            token, {"kind": kind, "user_id": user_id, "client_id": CLIENT_ID, "expires": None}
        )


def oauth_error(error: str, description: str, status: int = 400) -> Response:
    return JSONResponse({"error": error, "error_description": description}, status_code=status)


class OAuthServer:
    """Tokens live in the store's `tokens` table, device codes in `device_codes`."""

    def __init__(self, store: Store, settings: Live, api_user: str) -> None:
        self.store = store
        self.settings = settings
        self.api_user = api_user

    @property
    def tokens(self) -> Any:
        return self.store.table("tokens")

    @property
    def devices(self) -> Any:
        return self.store.table("device_codes")

    # -- sessions --------------------------------------------------------------------------

    def session_user(self, authorization: str) -> str | None:
        """The user id of a live bearer session, else None."""
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() not in ("bearer", "oauth") or not token:
            return None
        record = self.tokens.get(token.strip())
        if record is None or record["kind"] != "access":
            return None
        if record["expires"] is not None and record["expires"] <= time.time():
            return None
        return str(record["user_id"])

    def expire_sessions(self, token: str | None = None) -> int:
        """End access tokens (one, or all); refresh tokens keep working."""
        doomed = [k for k, r in self.tokens.rows.items() if r["kind"] == "access"]
        doomed = [k for k in doomed if token is None or k == token]
        for key in doomed:
            self.tokens.delete(key)
        return len(doomed)

    def _issue(self, request: Request, user_id: str, *, refresh: bool) -> dict[str, Any]:
        access = f"{ORG_ID[:15]}!{secrets.token_urlsafe(72)}"
        ttl = self.settings().access_token_ttl_seconds
        self.tokens.put(
            access,
            {
                "kind": "access",
                "user_id": user_id,
                "client_id": CLIENT_ID,
                "expires": time.time() + ttl if ttl else None,
            },
        )
        base = str(request.base_url).rstrip("/")
        answer: dict[str, Any] = {
            "access_token": access,
            "signature": base64.b64encode(secrets.token_bytes(32)).decode(),
            "scope": "api refresh_token",
            "instance_url": base,
            "id": f"{base}/id/{ORG_ID}/{user_id}",
            "token_type": "Bearer",
            "issued_at": str(int(time.time() * 1000)),
        }
        if refresh:
            token = "5Aep861" + secrets.token_urlsafe(60)
            self.tokens.put(
                token,
                {"kind": "refresh", "user_id": user_id, "client_id": CLIENT_ID, "expires": None},
            )
            answer["refresh_token"] = token
        return answer

    # -- /services/oauth2/token ------------------------------------------------------------

    async def token(self, request: Request) -> Response:
        form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        if form.get("response_type") == "device_code":
            return self._device_start(request, form)
        grant = form.get("grant_type", "")
        if grant == "refresh_token":
            return self._refresh(request, form)
        if grant == "device":
            return self._device_poll(request, form)
        if grant == JWT_GRANT:
            return self._jwt(request, form)
        return oauth_error("unsupported_grant_type", "grant type not supported")

    def _client(self, form: dict[str, str]) -> Response | None:
        if form.get("client_id") != CLIENT_ID:
            return oauth_error("invalid_client_id", "client identifier invalid")
        if "client_secret" in form and form["client_secret"] != CLIENT_SECRET:
            return oauth_error("invalid_client", "invalid client credentials")
        return None

    def _refresh(self, request: Request, form: dict[str, str]) -> Response:
        if refused := self._client(form):
            return refused
        record = self.tokens.get(form.get("refresh_token", ""))
        if record is None or record["kind"] != "refresh":
            return oauth_error("invalid_grant", "expired access/refresh token")
        return JSONResponse(self._issue(request, record["user_id"], refresh=False))

    def _device_start(self, request: Request, form: dict[str, str]) -> Response:
        if refused := self._client(form):
            return refused
        device_code = secrets.token_urlsafe(40)
        alphabet = string.ascii_uppercase.replace("O", "").replace("I", "") + "23456789"
        user_code = "".join(secrets.choice(alphabet) for _ in range(8))
        self.devices.put(
            device_code,
            {
                "user_code": user_code,
                "status": "pending",
                "polls": 0,
                "last_poll": 0.0,
                "created": time.time(),
                "scope": form.get("scope", "api"),
            },
        )
        base = str(request.base_url).rstrip("/")
        return JSONResponse(
            {
                "device_code": device_code,
                "user_code": user_code,
                "verification_uri": f"{base}/setup/connect",
                "interval": self.settings().device_interval,
            }
        )

    def _device_poll(self, request: Request, form: dict[str, str]) -> Response:
        if refused := self._client(form):
            return refused
        key = form.get("code", "")
        record = self.devices.get(key)
        if record is None:
            return oauth_error("invalid_grant", "invalid device code")
        now = time.time()
        if now - record["created"] > DEVICE_LIFETIME:
            return oauth_error("expired_token", "the device code has expired")
        too_soon = now - record["last_poll"] < self.settings().device_interval
        record = {**record, "polls": record["polls"] + 1, "last_poll": now}
        auto = self.settings().device_auto_approve_polls
        if record["status"] == "pending" and auto and record["polls"] >= auto:
            record["status"] = "approved"
        self.devices.put(key, record)
        if record["status"] == "denied":
            return oauth_error("access_denied", "end-user denied authorization")
        if record["status"] == "pending":
            if too_soon:
                return oauth_error("slow_down", "polling too frequently")
            return oauth_error("authorization_pending", "authorization pending")
        self.devices.delete(key)  # a device code yields one token
        return JSONResponse(self._issue(request, self.api_user, refresh=True))

    def _jwt(self, request: Request, form: dict[str, str]) -> Response:
        try:
            payload_part = form.get("assertion", "").split(".")[1]
            payload = json.loads(base64.urlsafe_b64decode(payload_part + "=" * 4))
        except (IndexError, ValueError):
            return oauth_error("invalid_grant", "invalid assertion")
        if payload.get("iss") != CLIENT_ID:
            return oauth_error("invalid_client_id", "client identifier invalid")
        if float(payload.get("exp", 0)) <= time.time():
            return oauth_error("invalid_grant", "expired assertion")
        user = next(
            (
                u
                for u in self.store.table("User")
                if u["Username"] == payload.get("sub") and u["IsActive"]
            ),
            None,
        )
        if user is None:
            return oauth_error("invalid_grant", "user hasn't approved this consumer")
        return JSONResponse(self._issue(request, user["Id"], refresh=False))

    # -- device approval, revoke, userinfo ----------------------------------------------------

    def decide(self, user_code: str | None, approve: bool) -> int:
        """Approve or deny pending device codes (one by user code, or all); how many changed."""
        changed = 0
        for key, record in list(self.devices.rows.items()):
            if record["status"] != "pending":
                continue
            if user_code and record["user_code"] != user_code.strip().upper():
                continue
            self.devices.put(key, {**record, "status": "approved" if approve else "denied"})
            changed += 1
        return changed

    async def connect_page(self, request: Request) -> Response:
        message = "Enter the code shown in your terminal to connect it to this org."
        if request.method == "POST":
            form = await request.form()
            code = str(form.get("user_code", ""))
            approved = self.decide(code, True) if code else 0
            message = (
                "Approved: you can return to your terminal."
                if approved
                else ("That code is not valid or has already been used.")
            )
        return HTMLResponse(
            "<html><body><h1>Connect your device</h1>"
            f"<p>{message}</p><form method='post'><input name='user_code'>"
            "<button>Connect</button></form></body></html>"
        )

    async def revoke(self, request: Request) -> Response:
        form = await request.form() if request.method == "POST" else request.query_params
        token = str(form.get("token", ""))
        if self.tokens.get(token) is None:
            return oauth_error("unsupported_token_type", "this token type is not supported")
        self.tokens.delete(token)
        return Response(status_code=200)

    async def userinfo(self, request: Request) -> Response:
        user_id = self.session_user(request.headers.get("authorization", ""))
        if user_id is None:
            return Response("Bad_OAuth_Token", status_code=403)
        user = self.store.table("User").get(user_id) or {}
        return JSONResponse(
            {
                "sub": f"{str(request.base_url).rstrip('/')}/id/{ORG_ID}/{user_id}",
                "user_id": user_id,
                "organization_id": ORG_ID,
                "preferred_username": user.get("Username"),
                "name": user.get("Name"),
                "email": user.get("Email"),
            }
        )
