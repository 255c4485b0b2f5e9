"""How the Infinity sandbox writes its answers: records as Infinity shows them (ids and flags
as strings), NDJSON or JSON-array lists, and error bodies in the configured format."""

from __future__ import annotations

import html
import json
from http import HTTPStatus
from typing import Any

from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response


def button(record: dict[str, Any], *, full: bool) -> dict[str, Any]:
    """A button in the seed's key order; a read (`full`) adds the two call-field settings."""
    out: dict[str, Any] = {
        "sfButtonId": str(record["sfButtonId"]),
        "sfOrgRef": record["sfOrgRef"],
        "buttonAction": record["buttonAction"],
        "buttonLabel": record["buttonLabel"],
        "callRating": record["callRating"],
        "isDefaultButton": str(record["isDefaultButton"]),
    }
    if record.get("actionParams"):
        out["actionParams"] = record["actionParams"]
    if full:
        out["callNotesField"] = record.get("callNotesField", "")
        out["srcPhoneNumberField"] = record.get("srcPhoneNumberField", "")
    return out


def rating(record: dict[str, Any], text_field: str) -> dict[str, Any]:
    out: dict[str, Any] = {"callRatingItemId": str(record["callRatingItemId"])}
    if text_field in ("callRating", "both"):
        out["callRating"] = record["itemText"]
    if text_field in ("itemText", "both"):
        out["itemText"] = record["itemText"]
    out["isUsed"] = str(record["isUsed"])
    return out


def igrp(record: dict[str, Any]) -> dict[str, Any]:
    return {"igrp": record["igrp"], "name": record["name"], "sfOrgRef": record["sfOrgRef"]}


def listing(rows: list[dict[str, Any]], *, array: bool, content_type: str) -> Response:
    """One compact JSON object per line (each line ends in a newline), or a JSON array."""
    if array:
        return JSONResponse(rows)
    body = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows)
    return Response(body.encode("utf-8"), media_type=content_type)


def error_response(
    fmt: str, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    if fmt == "text":
        return PlainTextResponse(message, status_code=status, headers=headers)
    if fmt == "html":
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Error"
        page = (
            f"<!DOCTYPE html>\n<html><head><title>{status} {phrase}</title></head>"
            f"<body><h1>{phrase}</h1><p>{html.escape(message)}</p></body></html>\n"
        )
        return HTMLResponse(page, status_code=status, headers=headers)
    return JSONResponse({"error": message}, status_code=status, headers=headers)
