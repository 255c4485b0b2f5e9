"""Infinity list mechanics: `filter[]=field-eq-value` (ANDed), `sort[]=field-asc|desc`,
`limit`/`offset`, and `format=jsonarray`.

A filter's field is everything before the first hyphen and its operator the next part; the
rest, hyphens included, is the value ("callRating-eq-Follow-up call"). Numeric fields compare
as numbers, text fields exactly. Sorting is stable, by each sort in turn; without one, records
come in id order. Text sorts ignore case, as MySQL collations do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

FieldType = Literal["int", "str"]

KNOWN_PARAMS = frozenset({"filter", "sort", "limit", "offset", "format"})


class ApiError(Exception):
    """An error answer: the app renders it in the configured error format."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass(frozen=True, slots=True)
class Fields:
    """What a resource can be filtered and sorted on: wire name -> (record key, type)."""

    columns: dict[str, tuple[str, FieldType]]

    def resolve(self, name: str, what: str) -> tuple[str, FieldType]:
        found = self.columns.get(name)
        if found is None:
            known = ", ".join(sorted(self.columns))
            raise ApiError(400, f"{what} field '{name}' is unknown (use one of: {known})")
        return found


@dataclass(slots=True)
class ListQuery:
    filters: list[tuple[str, FieldType, str]] = field(default_factory=list)
    sorts: list[tuple[str, FieldType, bool]] = field(default_factory=list)  # key, type, desc
    limit: int | None = None
    offset: int = 0
    array: bool = False


def _entries(value: Any, what: str) -> list[str]:
    """filter[]=a&filter[]=b, filter[0]=a, or a single filter=a: always a list of strings."""
    if isinstance(value, str):
        return [value]
    items = list(value.values()) if isinstance(value, dict) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise ApiError(400, f"{what}[] entries must be text, e.g. {what}[]=field-...")
    return items


def _count(value: Any, what: str, minimum: int) -> int:
    if not isinstance(value, str) or not value.strip().isdigit() or int(value) < minimum:
        kind = "a positive" if minimum else "a non-negative"
        raise ApiError(400, f"{what} must be {kind} integer")
    return int(value)


def parse_query(params: dict[str, Any], fields: Fields, *, strict: bool) -> ListQuery:
    """Read a list's query (already nested PHP-style); ApiError(400) on anything wrong."""
    if strict:
        for name in params:
            if name not in KNOWN_PARAMS:
                raise ApiError(400, f"{name} is not a known parameter")
    query = ListQuery()
    for text in _entries(params.get("filter", []), "filter"):
        name, sep, rest = text.partition("-")
        op, sep2, value = rest.partition("-")
        if not sep or not sep2:
            raise ApiError(400, f"filter '{text}' must look like field-eq-value")
        if op != "eq":
            raise ApiError(400, f"filter '{text}': the operator must be eq")
        key, kind = fields.resolve(name, "filter")
        if kind == "int" and not value.lstrip("-").isdigit():
            raise ApiError(400, f"filter '{text}': {name} is a number")
        query.filters.append((key, kind, value))
    for text in _entries(params.get("sort", []), "sort"):
        name, sep, direction = text.rpartition("-")
        if not sep or direction.lower() not in ("asc", "desc"):
            raise ApiError(400, f"sort '{text}' must look like field-asc or field-desc")
        key, kind = fields.resolve(name, "sort")
        query.sorts.append((key, kind, direction.lower() == "desc"))
    if "limit" in params:
        query.limit = _count(params["limit"], "limit", 1)
    if "offset" in params:
        query.offset = _count(params["offset"], "offset", 0)
    fmt = params.get("format")
    if fmt is not None and fmt != "jsonarray":
        raise ApiError(400, "format must be jsonarray (or left out for one JSON object a line)")
    query.array = fmt == "jsonarray"
    return query


def _sort_key(kind: FieldType, key: str) -> Any:
    if kind == "int":
        return lambda r: int(r.get(key) or 0)
    return lambda r: str(r.get(key) or "").casefold()


def apply(records: list[dict[str, Any]], query: ListQuery) -> list[dict[str, Any]]:
    """Filter, sort and page records (the records themselves are not copied)."""
    rows = records
    for key, kind, value in query.filters:
        if kind == "int":
            wanted = int(value)
            rows = [r for r in rows if int(r.get(key) or 0) == wanted]
        else:
            rows = [r for r in rows if str(r.get(key) if r.get(key) is not None else "") == value]
    for key, kind, desc in reversed(query.sorts):
        rows = sorted(rows, key=_sort_key(kind, key), reverse=desc)
    end = None if query.limit is None else query.offset + query.limit
    return rows[query.offset : end]
