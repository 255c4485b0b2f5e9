"""Tokens: personal access tokens, and OAuth 2 (authorization code and refresh token grants).

    GET  /oauth2/authorize  ?response_type=code&client_id&redirect_uri&state  -> 302 with a code
                            (the sandbox approves at once, as its demo user)
    POST /oauth2/token      form body; the client authenticates with HTTP Basic
                            grant_type=authorization_code (code, redirect_uri)
                            grant_type=refresh_token (refresh_token)
                            -> {access_token, token_type, expires_in, refresh_token, scope}

Access tokens from OAuth expire after `token_ttl_seconds` (3600); personal tokens never do.
Every token is 64 characters, as the real ones are (the official Python client checks).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from console.sandbox.common.store import Store
from console.sandbox.zendesk_sell.envelope import fail

FULL_SCOPES = "read write profile"
SECRET_FORM_FIELDS = ("code", "refresh_token", "client_secret")
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def demo_secret(seed: int, purpose: str) -> str:
    """A deterministic 64-character credential for the demo account."""
    return hashlib.sha256(f"zendesk-sell-sandbox:{seed}:{purpose}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Demo:
    token: str
    read_only_token: str
    client_id: str
    client_secret: str
    refresh_token: str

    @classmethod
    def for_seed(cls, seed: int) -> Demo:
        return cls(
            *(
                demo_secret(seed, p)
                for p in ("token", "read-only-token", "client-id", "client-secret", "refresh")
            )
        )


def seed_tokens(store: Store, demo: Demo, user_id: int) -> None:
    persist = store.persistent
    store.table("tokens").load(
        [
            (demo.token, {"user_id": user_id, "scopes": FULL_SCOPES, "expires_at": None}),
            (
                demo.read_only_token,
                {"user_id": user_id, "scopes": "read profile", "expires_at": None},
            ),
        ],
        persist=persist,
    )
    store.table("oauth_clients").load(
        [
            (
                demo.client_id,
                {
                    "secret": demo.client_secret,
                    "name": "crm-console demo app",
                    "redirect_uris": ["https://oauth2.prismatic.io/callback"],
                },
            )
        ],
        persist=persist,
    )
    store.table("refresh_tokens").load(
        [
            (
                demo.refresh_token,
                {"client_id": demo.client_id, "user_id": user_id, "scopes": FULL_SCOPES},
            )
        ],
        persist=persist,
    )


def unauthorized(details: str) -> Exception:
    return fail(401, "unauthorized", "Unauthorized.", details)


def oauth_error(status: int, error: str, description: str) -> Response:
    return JSONResponse(
        {"error": error, "error_description": description},
        status,
        headers={"Cache-Control": "no-store"},
    )


class OAuth:
    def __init__(
        self,
        store: Store,
        *,
        ttl: Callable[[], float],
        mask_logged_body: Callable[[Request, str], None],
        default_user: Callable[[], int],
    ) -> None:
        self.store = store
        self.ttl = ttl
        self.mask_logged_body = mask_logged_body
        self.default_user = default_user
        self._codes: dict[str, dict[str, Any]] = {}

    # -- checking tokens on API requests ----------------------------------------------------------

    def authenticate(self, request: Request) -> tuple[str, dict[str, Any]]:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise unauthorized("An access token must be sent as 'Authorization: Bearer <token>'.")
        record = self.store.table("tokens").get(token.strip())
        if record is None:
            raise unauthorized(
                "The access token provided is expired, revoked, malformed or "
                "invalid for other reasons."
            )
        expires = record.get("expires_at")
        if expires is not None and time.time() >= float(expires):
            raise unauthorized("The access token provided has expired.")
        return token.strip(), record

    # -- the endpoints ----------------------------------------------------------------------------

    async def authorize(self, request: Request) -> Response:
        q = request.query_params
        client = self.store.table("oauth_clients").get(q.get("client_id", ""))
        if client is None:
            return oauth_error(400, "invalid_client", "Unknown client_id.")
        redirect = q.get("redirect_uri") or client["redirect_uris"][0]
        if redirect not in client["redirect_uris"] and not _loopback(redirect):
            return oauth_error(400, "invalid_request", "redirect_uri is not registered.")
        params = {"state": q["state"]} if "state" in q else {}
        if q.get("response_type") != "code":
            params.update(error="unsupported_response_type")
            return RedirectResponse(_with_query(redirect, params), 302)
        code = secrets.token_hex(16)
        self._codes[code] = {
            "client_id": q["client_id"],
            "redirect_uri": redirect,
            "user_id": self.default_user(),
            "scopes": q.get("scope") or FULL_SCOPES,
            "expires": time.time() + 600,
        }
        return RedirectResponse(_with_query(redirect, {"code": code, **params}), 302)

    async def token(self, request: Request) -> Response:
        form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        masked = "&".join(f"{k}={'***' if k in SECRET_FORM_FIELDS else v}" for k, v in form.items())
        self.mask_logged_body(request, masked)
        client_id = self._client(request, form)
        if client_id is None:
            return oauth_error(401, "invalid_client", "Client authentication failed.")
        grant = form.get("grant_type")
        if grant == "authorization_code":
            code = self._codes.pop(form.get("code", ""), None)
            if (
                code is None
                or code["client_id"] != client_id
                or code["expires"] < time.time()
                or form.get("redirect_uri", code["redirect_uri"]) != code["redirect_uri"]
            ):
                return oauth_error(400, "invalid_grant", "The authorization code is invalid.")
            refresh = secrets.token_hex(32)
            self.store.table("refresh_tokens").put(
                refresh,
                {"client_id": client_id, "user_id": code["user_id"], "scopes": code["scopes"]},
            )
            return self._issue(code["user_id"], code["scopes"], refresh)
        if grant == "refresh_token":
            refresh = form.get("refresh_token", "")
            held = self.store.table("refresh_tokens").get(refresh)
            if held is None or held["client_id"] != client_id:
                return oauth_error(400, "invalid_grant", "The refresh token is invalid.")
            return self._issue(int(held["user_id"]), str(held["scopes"]), refresh)
        return oauth_error(
            400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token."
        )

    def _client(self, request: Request, form: dict[str, str]) -> str | None:
        client_id, secret = form.get("client_id"), form.get("client_secret")
        header = request.headers.get("authorization", "")
        if header.lower().startswith("basic "):
            try:
                decoded = base64.b64decode(header[6:].strip(), validate=True).decode()
            except (binascii.Error, UnicodeDecodeError):
                return None
            client_id, _, secret = decoded.partition(":")
        client = self.store.table("oauth_clients").get(client_id or "")
        if client is None or not secrets.compare_digest(str(client["secret"]), secret or ""):
            return None
        return client_id

    def _issue(self, user_id: int, scopes: str, refresh: str) -> Response:
        token = secrets.token_hex(32)
        ttl = self.ttl()
        self.store.table("tokens").put(
            token, {"user_id": user_id, "scopes": scopes, "expires_at": time.time() + ttl}
        )
        return JSONResponse(
            {
                "access_token": token,
                "token_type": "bearer",
                "expires_in": int(ttl),
                "refresh_token": refresh,
                "scope": scopes,
            },
            headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
        )


def _loopback(uri: str) -> bool:
    parts = urlsplit(uri)
    return parts.scheme in ("http", "https") and (parts.hostname or "") in LOOPBACK_HOSTS


def _with_query(uri: str, params: dict[str, str]) -> str:
    joiner = "&" if urlsplit(uri).query else "?"
    return f"{uri}{joiner}{urlencode(params)}"
