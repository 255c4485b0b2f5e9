"""Building SOQL safely: values become quoted literals, names are checked, nothing is pasted in.

Select("ActionCadenceTracker", ["Id", "State"]).eq("State", "Running").build()
-> "SELECT Id, State FROM ActionCadenceTracker WHERE State = 'Running'"
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal

NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$")
_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
Operator = Literal["=", "!=", "<", ">", "<=", ">="]


def name(value: str) -> str:
    """A field or object name, refused unless it is plain dotted identifiers."""
    if not NAME.match(value):
        raise ValueError(f"{value!r} is not a SOQL field or object name")
    return value


def quote(text: str) -> str:
    """A SOQL string literal for `text` (quotes, backslashes and controls escaped)."""
    return "'" + "".join(_ESCAPES.get(c, c) for c in text) + "'"


def like_pattern(text: str, *, prefix: bool = True, suffix: bool = True) -> str:
    """A LIKE literal matching `text` literally (its own % and _ escaped) anywhere, or anchored."""
    body = "".join("\\" + c if c in "%_" else _ESCAPES.get(c, c) for c in text)
    return "'" + ("%" if prefix else "") + body + ("%" if suffix else "") + "'"


def literal(value: Any) -> str:
    """Any Python value as a SOQL literal."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("SOQL has no literal for NaN or infinity")
        return repr(value)
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return quote(value)
    raise TypeError(f"no SOQL literal for {type(value).__name__}")


@dataclass(slots=True)
class Select:
    """A SELECT with ANDed conditions, built from trusted names and untrusted values."""

    sobject: str
    fields: Sequence[str]
    conditions: list[str] = field(default_factory=list)
    order: list[str] = field(default_factory=list)
    limit: int | None = None

    def op(self, column: str, operator: Operator, value: Any) -> Select:
        self.conditions.append(f"{name(column)} {operator} {literal(value)}")
        return self

    def eq(self, column: str, value: Any) -> Select:
        return self.op(column, "=", value)

    def eq_if(self, column: str, value: Any) -> Select:
        """Add `column = value` only when a value was given."""
        return self if value is None else self.eq(column, value)

    def among(self, column: str, values: Iterable[Any]) -> Select:
        items = list(values)
        if not items:
            raise ValueError(f"{column}: IN needs at least one value")
        joined = ", ".join(literal(v) for v in items)
        self.conditions.append(f"{name(column)} IN ({joined})")
        return self

    def contains(self, column: str, text: str | None) -> Select:
        if text:
            self.conditions.append(f"{name(column)} LIKE {like_pattern(text)}")
        return self

    def order_by(self, column: str, descending: bool = False) -> Select:
        self.order.append(f"{name(column)} {'DESC' if descending else 'ASC'}")
        return self

    def build(self) -> str:
        parts = [f"SELECT {', '.join(name(f) for f in self.fields)} FROM {name(self.sobject)}"]
        if self.conditions:
            parts.append("WHERE " + " AND ".join(self.conditions))
        if self.order:
            parts.append("ORDER BY " + ", ".join(self.order))
        if self.limit is not None:
            parts.append(f"LIMIT {int(self.limit)}")
        return " ".join(parts)
