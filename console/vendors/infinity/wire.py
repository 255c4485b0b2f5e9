"""Infinity's wire formats: PHP-style bracketed form bodies out, newline-delimited JSON in."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import httpx

from console.errors import MalformedResponse


def encode_php_form(data: Mapping[str, Any]) -> dict[str, str]:
    """Flatten nested data into PHP-style form fields, in order.

    {"actionParams": [{"sfFields": {"Lead": "Owner"}, "value": "00G..."}]} becomes
    actionParams[0][sfFields][Lead]=Owner and actionParams[0][value]=00G... . Booleans travel
    as 1/0, None is left out, and an empty list or object is sent as an empty value (which
    is how a PHP API is told to clear it).
    """
    out: dict[str, str] = {}

    def walk(key: str, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, Mapping):
            if not value:
                out[key] = ""
            for sub, item in value.items():
                walk(f"{key}[{sub}]", item)
        elif isinstance(value, (list, tuple)):
            if not value:
                out[key] = ""
            for index, item in enumerate(value):
                walk(f"{key}[{index}]", item)
        elif isinstance(value, bool):
            out[key] = "1" if value else "0"
        else:
            out[key] = str(value)

    for name, value in data.items():
        if "[" in name or "]" in name:
            raise ValueError(f"form field name {name!r} may not contain brackets")
        walk(name, value)
    return out


def parse_records(text: str) -> list[Any]:
    """Records from a list answer: newline-delimited JSON, a JSON array, or concatenated JSON.

    Blank lines, a trailing newline, CRLF line ends and a pretty-printed object are all fine;
    an array's items are taken as records. Raises ValueError on anything else.
    """
    decoder = json.JSONDecoder()
    records: list[Any] = []
    pos, end = 0, len(text)
    while True:
        while pos < end and text[pos] in " \t\r\n\ufeff":
            pos += 1
        if pos >= end:
            return records
        value, pos = decoder.raw_decode(text, pos)
        if isinstance(value, list):
            records.extend(value)
        else:
            records.append(value)


def decode_records(response: httpx.Response) -> list[Any]:
    """An httpx decoder for list answers (see `parse_records`)."""
    if response.status_code == 204 or not response.content:
        return []
    try:
        return parse_records(response.text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedResponse(
            f"The list answer was not newline-delimited JSON ({exc.__class__.__name__}).",
            vendor="infinity",
            status=response.status_code,
            body=response.text[:500],
        ) from None


def decode_answer(response: httpx.Response) -> Any:
    """A raw answer's body: records for NDJSON, JSON for JSON, else text."""
    ctype = response.headers.get("content-type", "").lower()
    if not response.content:
        return None
    if "ndjson" in ctype or "json-seq" in ctype or "jsonl" in ctype:
        return decode_records(response)
    if "json" in ctype:
        try:
            return response.json()
        except ValueError:
            records = decode_records(response)  # several JSON values: NDJSON in disguise
            return records
    return response.text
