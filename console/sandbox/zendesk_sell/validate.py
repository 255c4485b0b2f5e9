"""Checking a request's `data` object against a resource spec, the way Zendesk Sell answers.

Every problem found is reported at once (422, one entry per field, each with a JSON pointer
such as `/data/last_name`). Read-only attributes a client sends back (a record it read and
PUTs whole) are accepted and ignored; an attribute the resource does not have is `unknown`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from console.sandbox.zendesk_sell.envelope import Problem, ZendeskError
from console.sandbox.zendesk_sell.resources import F, K, Resource

ADDRESS_KEYS = ("line1", "city", "postal_code", "state", "country")
CURRENCIES = frozenset(
    (
        "USD",
        "EUR",
        "GBP",
        "PLN",
        "CAD",
        "AUD",
        "CHF",
        "JPY",
        "SEK",
        "NOK",
        "DKK",
        "CZK",
        "HUF",
        "NZD",
        "SGD",
        "HKD",
        "INR",
        "BRL",
        "MXN",
        "ZAR",
        "CNY",
        "ILS",
        "AED",
        "TRY",
        "KRW",
    )
)
MAX_STRING = 255

Exists = Callable[[str, int], bool]
CustomField = Callable[[str], dict[str, Any] | None]


class Invalid(Exception):
    def __init__(self, code: str, details: str, pointer: str | None = None) -> None:
        super().__init__(details)
        self.code = code
        self.details = details
        self.pointer = pointer


MESSAGES = {
    "missing": "A required attribute is missing.",
    "blank": "A required attribute is blank.",
    "invalid_type": "An attribute has an invalid type.",
    "incorrect_value": "An attribute has an incorrect value.",
    "unknown": "Unknown attribute.",
    "already_exists": "The record already exists.",
}


def problem(code: str, name: str, details: str, resource: str) -> Problem:
    return Problem(code, MESSAGES[code], details, field=f"/data/{name}", resource=resource)


def iso_datetime(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise Invalid("invalid_type", f"{name} must be an ISO 8601 date-time string")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise Invalid("incorrect_value", f"{name} is not an ISO 8601 date-time") from None
    if "T" not in value and " " not in value:
        raise Invalid("incorrect_value", f"{name} needs a time as well as a date")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_date(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise Invalid("invalid_type", f"{name} must be a YYYY-MM-DD string")
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise Invalid("incorrect_value", f"{name} must be a date in YYYY-MM-DD format") from None


def decimal_string(value: Any, name: str, lo: int | None = None) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise Invalid("invalid_type", f"{name} must be a decimal number or string")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise Invalid("incorrect_value", f"{name} is not a decimal number") from None
    if not number.is_finite():
        raise Invalid("incorrect_value", f"{name} is not a decimal number")
    if lo is not None and number < lo:
        raise Invalid("incorrect_value", f"{name} must not be less than {lo}")
    return f"{number.quantize(Decimal('0.01')):f}"


def integer(value: Any, name: str, spec: F) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid("invalid_type", f"{name} must be an integer")
    if spec.lo is not None and value < spec.lo:
        raise Invalid("incorrect_value", f"{name} must be at least {spec.lo}")
    if spec.hi is not None and value > spec.hi:
        raise Invalid("incorrect_value", f"{name} must be at most {spec.hi}")
    return value


def string(value: Any, name: str, limit: int | None = MAX_STRING) -> str:
    if not isinstance(value, str):
        raise Invalid("invalid_type", f"{name} must be a string")
    if limit is not None and len(value) > limit:
        raise Invalid("incorrect_value", f"{name} is longer than {limit} characters")
    return value


def address(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Invalid("invalid_type", f"{name} must be an object")
    out: dict[str, Any] = dict.fromkeys(ADDRESS_KEYS)
    for key, part in value.items():
        if key not in ADDRESS_KEYS:
            raise Invalid("unknown", f"{name} has no attribute {key!r}", f"{name}/{key}")
        if part is not None:
            out[key] = string(part, f"{name}.{key}")
    return out


def tags(value: Any, name: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise Invalid("invalid_type", f"{name} must be an array of strings")
    if any(not t.strip() for t in value):
        raise Invalid("incorrect_value", f"{name} must not contain blank tags")
    return list(dict.fromkeys(t.strip() for t in value))


def prices(value: Any, name: str) -> list[dict[str, str]]:
    if not isinstance(value, list):
        raise Invalid("invalid_type", f"{name} must be an array of {{amount, currency}}")
    out = []
    for i, price in enumerate(value):
        if not isinstance(price, dict) or set(price) - {"amount", "currency"}:
            raise Invalid("invalid_type", f"{name}[{i}] must be {{amount, currency}}")
        amount = decimal_string(price.get("amount"), f"{name}[{i}].amount", lo=0)
        out.append({"amount": amount, "currency": currency(price.get("currency"), name)})
    return out


def currency(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise Invalid("invalid_type", f"{name} must be an ISO 4217 currency code")
    if value not in CURRENCIES:
        raise Invalid("incorrect_value", f"{value!r} is not a supported ISO 4217 currency code")
    return value


def custom_value(field: dict[str, Any], value: Any, name: str) -> Any:
    """A custom field value checked against the field's type."""
    kind = field["type"]
    choices = [c["name"] for c in field.get("choices") or []]
    if value is None:
        return None
    if kind == "number":
        if isinstance(value, str):
            return decimal_string(value, name)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise Invalid("invalid_type", f"{name} must be a number")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise Invalid("invalid_type", f"{name} must be true or false")
        return value
    if kind == "date":
        return iso_date(value, name)
    if kind == "datetime":
        return iso_datetime(value, name)
    if kind == "address":
        return address(value, name)
    if kind == "list":
        text = string(value, name)
        if text not in choices:
            raise Invalid("incorrect_value", f"{name} must be one of {', '.join(choices)}")
        return text
    if kind == "multi_select_list":
        picked = tags(value, name)
        if set(picked) - set(choices):
            raise Invalid("incorrect_value", f"{name} values must be among {', '.join(choices)}")
        return picked
    return string(value, name, None if kind == "text" else MAX_STRING)


def coerce(spec: F, value: Any, name: str, exists: Exists) -> Any:
    kind = spec.kind
    if kind in (K.STRING, K.TEXT):
        return string(value, name, MAX_STRING if kind is K.STRING else None)
    if kind is K.ID:
        number = integer(value, name, F(K.INT, lo=1))
        if spec.ref and not exists(spec.ref, number):
            raise Invalid("incorrect_value", f"{name} refers to a record that does not exist")
        return number
    if kind is K.INT:
        return integer(value, name, spec)
    if kind is K.BOOL:
        if not isinstance(value, bool):
            raise Invalid("invalid_type", f"{name} must be true or false")
        return value
    if kind is K.DATETIME:
        return iso_datetime(value, name)
    if kind is K.DATE:
        return iso_date(value, name)
    if kind is K.DECIMAL:
        return decimal_string(value, name, spec.lo)
    if kind is K.ENUM:
        if not isinstance(value, str):
            raise Invalid("invalid_type", f"{name} must be a string")
        if value not in spec.choices:
            raise Invalid("incorrect_value", f"{name} must be one of {', '.join(spec.choices)}")
        return value
    if kind is K.CURRENCY:
        return currency(value, name)
    if kind is K.TAGS:
        return tags(value, name)
    if kind is K.ADDRESS:
        return address(value, name)
    if kind is K.PRICES:
        return prices(value, name)
    raise AssertionError(f"unhandled kind {kind}")


def check_body(
    res: Resource,
    data: dict[str, Any],
    *,
    existing: dict[str, Any] | None,
    exists: Exists,
    custom_field: CustomField,
) -> dict[str, Any]:
    """The changes `data` asks for, or a 422 naming every bad attribute."""
    creating = existing is None
    changes: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, value in data.items():
        spec = res.fields.get(name)
        if spec is None:
            if name not in res.read_only:
                problems.append(
                    problem("unknown", name, f"{res.type} has no attribute {name!r}", res.type)
                )
            continue
        try:
            if value is None:
                if not spec.nullable:
                    raise Invalid("invalid_type", f"{name} must not be null")
                changes[name] = None
            elif spec.kind is K.CUSTOM:
                changes[name] = _custom_fields(value, custom_field)
            else:
                changes[name] = coerce(spec, value, name, exists)
        except Invalid as bad:
            problems.append(problem(bad.code, bad.pointer or name, bad.details, res.type))
            continue
        if spec.create_only and not creating and existing is not None:
            if changes[name] != existing.get(name):
                problems.append(
                    problem(
                        "incorrect_value",
                        name,
                        f"{name} can only be set when the {res.type} is created",
                        res.type,
                    )
                )
            changes.pop(name, None)
    if creating:
        for name, spec in res.fields.items():
            if not spec.required:
                continue
            if name not in data:
                problems.append(problem("missing", name, f"{name} is required", res.type))
            elif isinstance(data[name], str) and not data[name].strip():
                problems.append(problem("blank", name, f"{name} must not be blank", res.type))
    if problems:
        raise ZendeskError(422, problems)
    return changes


def _custom_fields(value: Any, lookup: CustomField) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Invalid("invalid_type", "custom_fields must be an object of name: value")
    out: dict[str, Any] = {}
    for key, item in value.items():
        field = lookup(key)
        if field is None:
            raise Invalid(
                "unknown",
                f"there is no custom field named {key!r}",
                f"custom_fields/{_pointer(key)}",
            )
        try:
            out[key] = custom_value(field, item, f"custom_fields.{key}")
        except Invalid as bad:
            raise Invalid(bad.code, bad.details, f"custom_fields/{_pointer(key)}") from None
    return out


def _pointer(key: str) -> str:
    """A JSON pointer segment (RFC 6901 escaping)."""
    return key.replace("~", "~0").replace("/", "~1")
