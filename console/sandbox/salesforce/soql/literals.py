"""Checking a literal against its field's type, and the ranges date literals (TODAY,
LAST_N_DAYS:n, ...) stand for. Days are UTC days; weeks start on Sunday."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from console.sandbox.salesforce.clock import sf_datetime
from console.sandbox.salesforce.schema import ID_TYPES, NUMBER_TYPES, STRING_TYPES, FieldDef
from console.sandbox.salesforce.soql.errors import SoqlError
from console.sandbox.salesforce.soql.lexer import StringValue
from console.sandbox.salesforce.soql.parser import Literal
from console.vendors.salesforce.ids import is_valid, to18


def _wrong_type(field: FieldDef, lit: Literal, query: str) -> SoqlError:
    if field.type in STRING_TYPES or field.type in ID_TYPES:
        wanted, quoting = "string", "should be enclosed in quotes"
    else:
        wanted = {"int": "integer", "datetime": "dateTime"}.get(field.type, field.type)
        if field.type in NUMBER_TYPES and field.type != "int":
            wanted = "double"
        quoting = "should not be enclosed in quotes"
    return SoqlError(
        "INVALID_QUERY_FILTER_OPERATOR",
        f"value of filter criterion for field '{field.name}' must be of type {wanted} and "
        f"{quoting}",
        query,
        lit.offset,
    )


def coerce(lit: Literal, field: FieldDef, query: str) -> Any:
    """The literal as the stored value it compares with (ids in 18-character form)."""
    kind = field.type
    if lit.kind == "null":
        return None
    if kind in STRING_TYPES or kind in ID_TYPES:
        if lit.kind != "string":
            raise _wrong_type(field, lit, query)
        text = lit.value.text if isinstance(lit.value, StringValue) else str(lit.value)
        if kind in ID_TYPES:
            if not is_valid(text):
                raise SoqlError(
                    "INVALID_QUERY_FILTER_OPERATOR", f"invalid ID field: {text}", query, lit.offset
                )
            return to18(text)
        return text
    if kind == "boolean" and lit.kind == "boolean":
        return lit.value
    if kind in NUMBER_TYPES and lit.kind == "number":
        if kind == "int" and not float(lit.value).is_integer():
            raise _wrong_type(field, lit, query)
        return float(lit.value) if kind != "int" else int(lit.value)
    if kind == "datetime" and lit.kind == "datetime":
        return sf_datetime(lit.value)
    if kind == "date" and lit.kind == "date":
        return lit.value
    raise _wrong_type(field, lit, query)


def _month_start(day: date, shift: int) -> date:
    index = day.year * 12 + (day.month - 1) + shift
    return date(index // 12, index % 12 + 1, 1)


def _day_range(name: str, n: int, today: date) -> tuple[date, date]:
    one = timedelta(days=1)
    week = today - timedelta(days=(today.weekday() + 1) % 7)
    fixed = {
        "TODAY": (today, today + one),
        "YESTERDAY": (today - one, today),
        "TOMORROW": (today + one, today + 2 * one),
        "THIS_WEEK": (week, week + 7 * one),
        "LAST_WEEK": (week - 7 * one, week),
        "NEXT_WEEK": (week + 7 * one, week + 14 * one),
        "THIS_MONTH": (_month_start(today, 0), _month_start(today, 1)),
        "LAST_MONTH": (_month_start(today, -1), _month_start(today, 0)),
        "NEXT_MONTH": (_month_start(today, 1), _month_start(today, 2)),
        "THIS_YEAR": (date(today.year, 1, 1), date(today.year + 1, 1, 1)),
        "LAST_YEAR": (date(today.year - 1, 1, 1), date(today.year, 1, 1)),
        "NEXT_YEAR": (date(today.year + 1, 1, 1), date(today.year + 2, 1, 1)),
        "LAST_90_DAYS": (today - 90 * one, today + one),
        "NEXT_90_DAYS": (today + one, today + 91 * one),
        "LAST_N_DAYS": (today - n * one, today + one),
        "NEXT_N_DAYS": (today + one, today + (n + 1) * one),
        "LAST_N_WEEKS": (week - 7 * n * one, week),
        "NEXT_N_WEEKS": (week + 7 * one, week + 7 * (n + 1) * one),
        "LAST_N_MONTHS": (_month_start(today, -n), _month_start(today, 0)),
        "NEXT_N_MONTHS": (_month_start(today, 1), _month_start(today, n + 1)),
    }
    return fixed[name]


def date_range(lit: Literal, field: FieldDef, now: datetime, query: str) -> tuple[str, str]:
    """[start, end) of a date literal, in the field's stored format."""
    if field.type not in ("date", "datetime"):
        raise _wrong_type(field, lit, query)
    name, n = lit.value
    start, end = _day_range(name, n, now.astimezone(UTC).date())
    if field.type == "date":
        return start.isoformat(), end.isoformat()

    def at_midnight(day: date) -> str:
        return sf_datetime(datetime(day.year, day.month, day.day, tzinfo=UTC))

    return at_midnight(start), at_midnight(end)
