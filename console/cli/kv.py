"""`key=value` arguments: values are JSON when they parse as JSON, else plain strings.

Dotted keys nest: `address.city=Paris` gives {"address": {"city": "Paris"}}.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from console.errors import FieldProblem, InputError


def parse_value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_pairs(pairs: Iterable[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    bad = []
    for pair in pairs:
        key, eq, value = pair.partition("=")
        if not eq or not key:
            bad.append(FieldProblem(pair, "expected key=value"))
            continue
        target = out
        *parents, leaf = key.split(".") if "[" not in key else [key]
        for part in parents:
            nxt = target.setdefault(part, {})
            if not isinstance(nxt, dict):
                bad.append(FieldProblem(key, f"{part} is not an object"))
                break
            target = nxt
        else:
            target[leaf] = parse_value(value)
    if bad:
        raise InputError("could not read the key=value arguments", bad)
    return out


def load_input(spec: str | None) -> Any:
    """--input: inline JSON, or @path to a JSON file (@- reads stdin)."""
    if spec is None:
        return None
    if spec.startswith("@"):
        import sys

        source = spec[1:]
        text = sys.stdin.read() if source == "-" else Path(source).read_text()
    else:
        text = spec
    try:
        return json.loads(text)
    except ValueError as exc:
        raise InputError(
            f"--input is not valid JSON: {exc}", [FieldProblem("--input", str(exc))]
        ) from None
