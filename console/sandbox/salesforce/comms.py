"""Communications Cloud Sales (Connect REST, v64.0+): recipient groups and line-item splits.

    PATCH connect/comms-sales/recipient-group/{id}/recipients   Add or Remove contacts
    PATCH connect/comms-sales/quote-line-item/{id}              one line item per recipient

Both answer `{isSuccessful, statusMessage, errorsList}`. A malformed id is 400 and an unknown
one 404 (Connect REST's error array). Recipients that cannot be added or removed are listed
in errorsList while the rest are applied (400 when none could be). A split that is not
possible (already split, no recipient group, empty group) is 409 with the answer shape.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from console.sandbox.salesforce.clock import now_text
from console.sandbox.salesforce.org import Org
from console.sandbox.salesforce.settings import Live
from console.sandbox.salesforce.wire import BadBody, Ctx, json_object, not_found, sf_error
from console.vendors.salesforce.ids import is_valid, to18

SINCE = 64.0


def _answer(ok: bool, message: str, errors: list[dict[str, Any]], status: int = 200) -> Response:
    body = {"isSuccessful": ok, "statusMessage": message, "errorsList": errors}
    return JSONResponse(body, status_code=status)


def _parameters(body: dict[str, Any]) -> str | None:
    extra = body.get("additionalParameters")
    if extra is None:
        return None
    if not isinstance(extra, dict) or not all(isinstance(v, str) for v in extra.values()):
        return "additionalParameters must be a map of strings to strings."
    return None


class CommsApi:
    def __init__(self, org: Org, settings: Live) -> None:
        self.org = org
        self.settings = settings

    def _record(self, sobject: str, record_id: str, label: str) -> dict[str, Any] | Response:
        if not is_valid(record_id):
            return sf_error(400, "MALFORMED_ID", f"Invalid {label} ID: {record_id}")
        record = self.org.get(sobject, record_id)
        return record if record is not None else not_found()

    async def recipients(self, ctx: Ctx, request: Request, group_id: str) -> Response:
        if ctx.number < SINCE:
            return not_found()
        group = self._record("RecipientGroup", group_id, "recipient group")
        if isinstance(group, Response):
            return group
        try:
            body = await json_object(request)
        except BadBody as exc:
            return sf_error(400, "JSON_PARSER_ERROR", str(exc))
        action = body.get("recipientsAction")
        if not isinstance(action, str) or not action:
            return sf_error(400, "INVALID_INPUT", "Missing required field: recipientsAction")
        canonical = action.capitalize() if self.settings().recipients_action_any_case else action
        if canonical not in ("Add", "Remove"):
            return sf_error(
                400, "INVALID_INPUT", f"Invalid recipientsAction: {action}. Use Add or Remove."
            )
        if problem := _parameters(body):
            return sf_error(400, "INVALID_INPUT", problem)
        wanted = body.get("recipientsList") or []
        if not isinstance(wanted, list):
            return sf_error(400, "INVALID_INPUT", "recipientsList must be a list of IDs.")
        members = [m for m in (group.get("Recipients") or "").split(";") if m]
        errors: list[dict[str, Any]] = []
        changed = 0
        for raw in wanted:
            text = str(raw)
            refused = self._recipient_problem(text, members, canonical)
            if refused:
                errors.append(
                    {"statusCode": refused[0], "errorMessage": refused[1], "recipientFields": text}
                )
                continue
            member = to18(text)
            members = (
                [*members, member] if canonical == "Add" else [m for m in members if m != member]
            )
            changed += 1
        if changed:
            self.org.put(
                "RecipientGroup",
                {
                    **group,
                    "Recipients": ";".join(members),
                    "RecipientCount": len(members),
                    "LastModifiedDate": now_text(),
                },
            )
        verb = "Added" if canonical == "Add" else "Removed"
        where = "to" if canonical == "Add" else "from"
        message = f"{verb} {changed} recipient(s) {where} the recipient group."
        if wanted and not changed:
            return _answer(False, "No recipients were updated.", errors, 400)
        return _answer(not errors, message, errors)

    def _recipient_problem(
        self, text: str, members: list[str], action: str
    ) -> tuple[str, str] | None:
        if not is_valid(text):
            return "MALFORMED_ID", f"Invalid recipient ID: {text}"
        if self.org.get("Contact", text) is None:
            return "NOT_FOUND", f"The recipient must be an existing contact: {text}"
        inside = to18(text) in members
        if action == "Add" and inside:
            return "DUPLICATE_VALUE", f"The contact is already a recipient in this group: {text}"
        if action == "Remove" and not inside:
            return "NOT_FOUND", f"The contact isn't a recipient in this group: {text}"
        return None

    async def split(self, ctx: Ctx, request: Request, line_id: str) -> Response:
        if ctx.number < SINCE:
            return not_found()
        item = self._record("QuoteLineItem", line_id, "quote line item")
        if isinstance(item, Response):
            return item
        raw = await request.body()
        body: dict[str, Any] = {}
        if raw.strip():
            try:
                body = await json_object(request)
            except BadBody as exc:
                return sf_error(400, "JSON_PARSER_ERROR", str(exc))
        if problem := _parameters(body):
            return sf_error(400, "INVALID_INPUT", problem)

        def refuse(code: str, message: str, record: str) -> Response:
            error = {"statusCode": code, "errorMessage": message, "recordId": record}
            return _answer(False, message, [error], 409)

        if item.get("RecipientId") or item.get("ParentQuoteLineItemId"):
            return refuse(
                "ALREADY_SPLIT", "The quote line item has already been split.", item["Id"]
            )
        group = self.org.get("RecipientGroup", item.get("RecipientGroupId"))
        if group is None:
            return refuse(
                "NO_RECIPIENT_GROUP",
                "The quote line item isn't associated with a recipient group.",
                item["Id"],
            )
        members = [m for m in (group.get("Recipients") or "").split(";") if m]
        if not members:
            return refuse(
                "EMPTY_RECIPIENT_GROUP", "The recipient group has no recipients.", group["Id"]
            )
        stamp = now_text()
        self.org.put(
            "QuoteLineItem", {**item, "RecipientId": members[0], "LastModifiedDate": stamp}
        )
        for n, member in enumerate(members[1:], start=1):
            self.org.put(
                "QuoteLineItem",
                {
                    **item,
                    "Id": self.org.new_id("QuoteLineItem"),
                    "CreatedDate": stamp,
                    "LastModifiedDate": stamp,
                    "LineNumber": f"{item['LineNumber']}.{n}",
                    "RecipientId": member,
                    "ParentQuoteLineItemId": item["Id"],
                },
            )
        return _answer(
            True,
            f"Split the quote line item into {len(members)} line items, one per recipient.",
            [],
        )
