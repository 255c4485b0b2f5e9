"""The Infinity sandbox's request handlers: authentication, installations, buttons, ratings.

Handlers raise `ApiError`; the app turns it into the configured error body.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import math
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from console.sandbox.infinity import render
from console.sandbox.infinity.buttons import read_payload
from console.sandbox.infinity.listing import ApiError, Fields, apply, parse_query
from console.sandbox.infinity.phpform import FormError, parse_pairs

if TYPE_CHECKING:
    from console.sandbox.common.ratelimit import WindowLimiter
    from console.sandbox.common.store import Store
    from console.sandbox.infinity.app import InfinitySettings

BUTTON_FIELDS = Fields(
    {
        "sfButtonId": ("sfButtonId", "int"),
        "buttonAction": ("buttonAction", "str"),
        "buttonLabel": ("buttonLabel", "str"),
        "callRating": ("callRating", "str"),
        "isDefaultButton": ("isDefaultButton", "int"),
    }
)
RATING_FIELDS = Fields(
    {
        "callRatingItemId": ("callRatingItemId", "int"),
        "itemText": ("itemText", "str"),
        "callRating": ("itemText", "str"),
        "isUsed": ("isUsed", "int"),
    }
)
IGRP_FIELDS = Fields(
    {"igrp": ("igrp", "int"), "name": ("name", "str"), "sfOrgRef": ("sfOrgRef", "str")}
)

AUTH_REQUIRED = "auth required"
ACCESS_DENIED = "access denied"


class Handlers:
    """Mixed into the Sandbox: everything here reads its store, settings and lookups."""

    store: Store
    settings: InfinitySettings
    limiter: WindowLimiter
    api_keys: dict[str, str]
    rating_ids: dict[str, dict[str, int]]
    button_of: dict[tuple[str, str], int]

    # -- who is asking ------------------------------------------------------------------------

    def admit(self, request: Request) -> dict[str, Any]:
        """The Hub user behind the request: Basic on v2, ApiKey on v2.1."""
        version = request.path_params.get("version")
        if version not in ("v2", "v2.1"):
            raise ApiError(404, "Not Found")
        scheme, _, secret = request.headers.get("authorization", "").strip().partition(" ")
        secret = secret.strip()
        wanted = "basic" if version == "v2" else "apikey"
        if scheme.lower() != wanted or not secret:
            challenge = 'Basic realm="Infinity Config API"' if wanted == "basic" else "ApiKey"
            raise ApiError(401, AUTH_REQUIRED, {"WWW-Authenticate": challenge})
        user = self._basic_user(secret) if wanted == "basic" else self._key_user(secret)
        if user is None:
            raise ApiError(self.settings.bad_credentials_status, ACCESS_DENIED)
        limit = self.settings.rate_limit_per_minute
        if limit > 0:
            verdict = self.limiter.hit(user["username"])
            if not verdict.allowed:
                wait = str(max(1, math.ceil(verdict.reset)))
                raise ApiError(429, "rate limit exceeded", {"Retry-After": wait})
        return user

    def _basic_user(self, secret: str) -> dict[str, Any] | None:
        try:
            decoded = base64.b64decode(secret, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise ApiError(401, AUTH_REQUIRED) from None
        username, sep, password = decoded.partition(":")
        user = self.store.table("users").get(username)
        if not sep or user is None:
            return None
        return user if hmac.compare_digest(user["password"], password) else None

    def _key_user(self, secret: str) -> dict[str, Any] | None:
        for key, username in self.api_keys.items():
            if hmac.compare_digest(key, secret):
                return self.store.table("users").get(username)
        return None

    def installation(
        self, user: dict[str, Any], ident: str, *, caller_insight: bool = True
    ) -> dict[str, Any]:
        """The IGRP if it exists, the user may see it, and (for Caller Insight) it is linked."""
        record = self.store.table("igrps").get(ident)
        if record is None:
            raise ApiError(404, f"IGRP {ident} not found")
        if "*" not in user["igrps"] and ident not in user["igrps"]:
            raise ApiError(403, ACCESS_DENIED)
        if caller_insight and not record["sfOrgRef"]:
            raise ApiError(
                self.settings.unlinked_igrp_status,
                f"IGRP {ident} is not linked to a Salesforce organisation",
            )
        return record

    def find_button(self, igrp: str, ident: str) -> dict[str, Any]:
        record = self.store.table("buttons").get(int(ident)) if ident.isdigit() else None
        if record is None or record["igrp"] != igrp:
            raise ApiError(404, f"sfButton {ident} not found")
        return record

    # -- reading requests ---------------------------------------------------------------------

    def query(self, request: Request, fields: Fields) -> Any:
        pairs = parse_qsl(request.url.query, keep_blank_values=True)
        try:
            params = parse_pairs(pairs)
        except FormError as exc:
            raise ApiError(400, str(exc)) from None
        strict = self.settings.unknown_params == "reject"
        return parse_query(params, fields, strict=strict)

    async def body(self, request: Request) -> dict[str, Any]:
        """A JSON object, or PHP-style form fields (urlencoded or multipart)."""
        ctype = request.headers.get("content-type", "").lower()
        if "json" in ctype:
            try:
                parsed = json.loads(await request.body() or b"{}")
            except ValueError:
                raise ApiError(400, "The body is not valid JSON") from None
            if not isinstance(parsed, dict):
                raise ApiError(400, "The body must be a JSON object")
            return parsed
        if "multipart/form-data" in ctype:
            form = await request.form()
            pairs = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
        else:
            raw = (await request.body()).decode("utf-8", "replace")
            pairs = parse_qsl(raw, keep_blank_values=True)
        try:
            return parse_pairs(pairs)
        except FormError as exc:
            raise ApiError(400, str(exc)) from None

    # -- lists --------------------------------------------------------------------------------

    def _list(self, rows: list[dict[str, Any]], array: bool) -> Response:
        return render.listing(rows, array=array, content_type=self.settings.list_content_type)

    async def list_igrps(self, request: Request) -> Response:
        user = self.admit(request)
        query = self.query(request, IGRP_FIELDS)
        visible = [
            g
            for g in self.store.table("igrps")
            if "*" in user["igrps"] or g["igrp"] in user["igrps"]
        ]
        return self._list([render.igrp(g) for g in apply(visible, query)], query.array)

    async def list_buttons(self, request: Request) -> Response:
        user = self.admit(request)
        igrp = self.installation(user, request.path_params["igrp"])["igrp"]
        query = self.query(request, BUTTON_FIELDS)
        rows = [b for b in self.store.table("buttons") if b["igrp"] == igrp]
        out = [render.button(b, full=False) for b in apply(rows, query)]
        return self._list(out, query.array)

    async def list_ratings(self, request: Request) -> Response:
        user = self.admit(request)
        igrp = self.installation(user, request.path_params["igrp"])["igrp"]
        query = self.query(request, RATING_FIELDS)
        table = self.store.table("ratings")
        rows = [table.rows[i] for i in self.rating_ids.get(igrp, {}).values()]
        text = self.settings.rating_text_field
        return self._list([render.rating(r, text) for r in apply(rows, query)], query.array)

    # -- one button ---------------------------------------------------------------------------

    async def read_button(self, request: Request) -> Response:
        user = self.admit(request)
        igrp = self.installation(user, request.path_params["igrp"])["igrp"]
        record = self.find_button(igrp, request.path_params["sfButtonId"])
        return JSONResponse(render.button(record, full=True))

    async def create_button(self, request: Request) -> Response:
        user = self.admit(request)
        installation = self.installation(user, request.path_params["igrp"])
        strict = self.settings.unknown_params == "reject"
        changes = read_payload(await self.body(request), creating=True, strict=strict)
        igrp = installation["igrp"]
        self._check_rating(igrp, changes["callRating"], None)
        if changes.get("isDefaultButton") and changes["buttonAction"] != "logCall":
            raise ApiError(400, "isDefaultButton can only be set on a logCall button")
        table = self.store.table("buttons")
        ident = table.next_id()
        record = {
            "sfButtonId": ident,
            "igrp": igrp,
            "sfOrgRef": installation["sfOrgRef"],
            "callRating": changes["callRating"],
            "buttonAction": changes["buttonAction"],
            "buttonLabel": changes["buttonLabel"],
            "isDefaultButton": changes.get("isDefaultButton", 0),
            "actionParams": changes.get("actionParams") or None,
            "callNotesField": "",
            "srcPhoneNumberField": "",
        }
        if record["isDefaultButton"]:
            self._clear_default(igrp)
        table.put(ident, record)
        self._mark_rating(igrp, record["callRating"], ident)
        return JSONResponse({"sfButtonId": str(ident)}, status_code=201)

    async def update_button(self, request: Request) -> Response:
        user = self.admit(request)
        igrp = self.installation(user, request.path_params["igrp"])["igrp"]
        record = self.find_button(igrp, request.path_params["sfButtonId"])
        strict = self.settings.unknown_params == "reject"
        changes = read_payload(await self.body(request), creating=False, strict=strict)
        if not changes:
            raise ApiError(400, "No parameters to update were given")
        old_rating = record["callRating"]
        new_rating = changes.get("callRating", old_rating)
        if new_rating != old_rating:
            self._check_rating(igrp, new_rating, record["sfButtonId"])
        if changes.get("isDefaultButton") and record["buttonAction"] != "logCall":
            raise ApiError(400, "isDefaultButton can only be set on a logCall button")
        updated = {**record, **changes}
        if "actionParams" in changes:
            updated["actionParams"] = changes["actionParams"] or None
        if changes.get("isDefaultButton"):
            self._clear_default(igrp, keep=record["sfButtonId"])
        self.store.table("buttons").put(record["sfButtonId"], updated)
        if new_rating != old_rating:
            self._mark_rating(igrp, old_rating, None)
            self._mark_rating(igrp, new_rating, record["sfButtonId"])
        return Response(status_code=204)

    async def delete_button(self, request: Request) -> Response:
        user = self.admit(request)
        igrp = self.installation(user, request.path_params["igrp"])["igrp"]
        record = self.find_button(igrp, request.path_params["sfButtonId"])
        self.store.table("buttons").delete(record["sfButtonId"])
        self._mark_rating(igrp, record["callRating"], None)
        return Response(status_code=204)

    # -- ratings and defaults -----------------------------------------------------------------

    def _check_rating(self, igrp: str, text: str, moving: int | None) -> None:
        """The rating must exist in the IGRP and have no other button (one action a rating)."""
        if text not in self.rating_ids.get(igrp, {}):
            raise ApiError(400, f"callRating '{text}' is not a call rating of IGRP {igrp}")
        holder = self.button_of.get((igrp, text))
        if holder is not None and holder != moving:
            raise ApiError(
                self.settings.duplicate_rating_status,
                f"callRating '{text}' already has a button (sfButtonId {holder})",
            )

    def _mark_rating(self, igrp: str, text: str, button: int | None) -> None:
        """Record which button a rating has (None: back to the default), and flip isUsed."""
        if button is None:
            self.button_of.pop((igrp, text), None)
        else:
            self.button_of[(igrp, text)] = button
        ident = self.rating_ids.get(igrp, {}).get(text)
        if ident is None:
            return
        ratings = self.store.table("ratings")
        current = ratings.get(ident)
        if current is not None and current["isUsed"] != int(button is not None):
            ratings.put(ident, {**current, "isUsed": int(button is not None)})

    def _clear_default(self, igrp: str, keep: int | None = None) -> None:
        """One default logCall button per installation: setting one clears the others."""
        table = self.store.table("buttons")
        for record in table.values():
            if (
                record["igrp"] == igrp
                and record["isDefaultButton"]
                and record["sfButtonId"] != keep
            ):
                table.put(record["sfButtonId"], {**record, "isDefaultButton": 0})
