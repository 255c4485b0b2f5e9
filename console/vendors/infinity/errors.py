"""Reading Infinity's error answers.

The error body is unconfirmed: the default is JSON `{"error": "..."}` with 400/401/403/404,
but a proxy or an older route may answer plain text or an HTML page. Whatever came, this
finds a short message, a code for the well-known failures, and the field the message is
about (Infinity's messages start with the parameter's name, e.g. "callRating is required").
"""

from __future__ import annotations

import html
import re
from typing import Any

CODES = (
    ("auth required", "AUTH_REQUIRED"),
    ("access denied", "ACCESS_DENIED"),
    ("not linked", "IGRP_NOT_LINKED"),
    ("already has a button", "RATING_IN_USE"),
    ("already in use", "RATING_IN_USE"),
    ("not found", "NOT_FOUND"),
    ("rate limit", "RATE_LIMITED"),
)

PARAMS = (
    "callRating",
    "buttonAction",
    "buttonLabel",
    "actionParams",
    "isDefaultButton",
    "sfButtonId",
    "igrp",
    "filter",
    "sort",
    "limit",
    "offset",
    "format",
)

_FIELD = re.compile(r"^(?P<name>[A-Za-z]+)(?P<subs>(?:\[[^\]]*\])*)")
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.IGNORECASE | re.DOTALL)
_PARA = re.compile(r"<p[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
_HEADING = re.compile(r"<h[1-3][^>]*>(.*?)</h[1-3]>", re.IGNORECASE | re.DOTALL)


def message_of(body: Any) -> str:
    """The human message in an error body of any shape ('' when there is none)."""
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict):
            return str(err.get("message") or err.get("error") or "")
        if isinstance(err, str) and err:
            return err
        for key in ("message", "detail", "error_description"):
            if isinstance(body.get(key), str) and body[key]:
                return str(body[key])
        errors = body.get("errors")
        if isinstance(errors, list) and errors:
            return message_of(errors[0]) or str(errors[0])
        return ""
    if isinstance(body, list) and body:
        return message_of(body[0])
    if isinstance(body, str):
        return text_of(body)
    return ""


def text_of(text: str) -> str:
    """Plain text, or what an HTML error page says, on one line (at most 300 characters).

    From a page, the first paragraph (Apache, PHP frameworks), else the first heading
    (nginx), else the title, else all of the body's text.
    """
    if "<" in text and ">" in text:
        for pattern in (_PARA, _HEADING, _TITLE, _BODY):
            found = pattern.search(text)
            inner = _visible(found.group(1)) if found else ""
            if inner:
                break
        text = inner
    return _SPACE.sub(" ", text).strip()[:300]


def _visible(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", fragment))).strip()


def code_of(message: str, body: Any) -> str | None:
    if isinstance(body, dict):
        for key in ("code", "errorCode"):
            if body.get(key):
                return str(body[key])
        err = body.get("error")
        if isinstance(err, dict) and err.get("code"):
            return str(err["code"])
    low = message.lower()
    return next((code for text, code in CODES if text in low), None)


def field_of(message: str, body: Any) -> str | None:
    """'actionParams[0][sfFields] is required' -> 'actionParams[0].sfFields'."""
    if isinstance(body, dict) and isinstance(body.get("field"), str):
        return str(body["field"])
    found = _FIELD.match(message)
    if not found or found.group("name") not in PARAMS:
        return None
    out = found.group("name")
    for part in re.findall(r"\[([^\]]*)\]", found.group("subs")):
        out += f"[{part}]" if part.isdigit() or not part else f".{part}"
    return out
