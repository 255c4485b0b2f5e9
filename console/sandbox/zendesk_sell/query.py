"""List queries: paging, sort_by, ids, attribute filters, `address[city]`, `custom_fields[Name]`.

Sorted views are cached per table version, so paging through 100k contacts sorts them once
(until the next change), and a page without filters is a slice of that view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from console.sandbox.common.store import Table
from console.sandbox.zendesk_sell.envelope import ZendeskError, fail
from console.sandbox.zendesk_sell.resources import Resource

Record = dict[str, Any]
Predicate = Callable[[Record], bool]
Special = Callable[[str, str], Predicate]  # (name, raw value) -> predicate
PAGING = ("page", "per_page", "sort_by")
DEFAULT_PER_PAGE = 25
# When sorting contacts by last name, organizations sort by their name.
SORT_FALLBACK = {("contacts", "last_name"): "name"}


def invalid_param(name: str, details: str) -> ZendeskError:
    return fail(400, "invalid_param", "Invalid query parameter.", details)


@dataclass(slots=True)
class ListQuery:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    sort: list[tuple[str, bool]] = field(default_factory=list)  # (attribute, descending)
    ids: list[int] | None = None
    includes: set[str] = field(default_factory=set)
    filters: list[Predicate] = field(default_factory=list)
    inclusive: bool = True

    @property
    def has_filters(self) -> bool:
        return bool(self.filters)

    def matches(self, record: Record) -> bool:
        if not self.filters:
            return True
        if self.inclusive:
            return all(f(record) for f in self.filters)
        return any(f(record) for f in self.filters)


def _int(name: str, raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise invalid_param(name, f"{name} must be an integer, got {raw!r}") from None


def _bool(name: str, raw: str) -> bool:
    low = raw.strip().lower()
    if low not in ("true", "false", "1", "0"):
        raise invalid_param(name, f"{name} must be true or false, got {raw!r}")
    return low in ("true", "1")


def _text_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value).strip().lower()


def attribute_filter(name: str, kind: str, raw: str) -> Predicate:
    if kind == "int":
        wanted_ints = {_int(name, part) for part in raw.split(",") if part.strip()}
        return lambda r: r.get(name) in wanted_ints
    if kind == "bool":
        flag = _bool(name, raw)
        return lambda r: bool(r.get(name)) is flag
    if kind == "decimal":
        try:
            amount = Decimal(raw)
        except InvalidOperation:
            raise invalid_param(name, f"{name} must be a decimal number") from None
        return lambda r: r.get(name) is not None and Decimal(str(r[name])) == amount
    wanted = raw.strip().lower()
    return lambda r: _text_of(r.get(name)) == wanted


def bracket_filter(outer: str, inner: str, raw: str) -> Predicate:
    wanted = raw.strip().lower()

    def pred(record: Record) -> bool:
        holder = record.get(outer)
        if not isinstance(holder, dict):
            return False
        value = holder.get(inner)
        if isinstance(value, list):
            return wanted in {_text_of(v) for v in value}
        return _text_of(value) == wanted

    return pred


def split_bracket(name: str) -> tuple[str, str] | None:
    """`address[city]` -> ("address", "city")."""
    if name.endswith("]") and "[" in name:
        outer, _, inner = name[:-1].partition("[")
        if outer and inner:
            return outer, inner
    return None


def parse_sort(res: Resource, raw: str) -> list[tuple[str, bool]]:
    out = []
    for part in raw.split(","):
        attr, _, direction = part.strip().partition(":")
        direction = direction.lower() or "asc"
        if attr not in res.sorts:
            raise invalid_param("sort_by", f"{res.name} cannot be sorted by {attr!r}")
        if direction not in ("asc", "desc"):
            raise invalid_param("sort_by", f"sort direction must be asc or desc, not {direction!r}")
        out.append((attr, direction == "desc"))
    return out


def parse_list_query(
    res: Resource,
    params: Iterable[tuple[str, str]],
    *,
    specials: Mapping[str, Special] | None = None,
    custom_field_names: set[str] | None = None,
    paging: bool = True,
) -> ListQuery:
    """A validated query; any parameter the resource does not know is a 400."""
    query = ListQuery(sort=[(res.default_sort, False)])
    specials = specials or {}
    for name, raw in params:
        if paging and name == "page":
            query.page = _int(name, raw)
            if query.page < 1:
                raise invalid_param(name, "page must be 1 or more")
        elif paging and name == "per_page":
            query.per_page = _int(name, raw)
            if not 1 <= query.per_page <= res.max_per_page:
                raise invalid_param(name, f"per_page must be between 1 and {res.max_per_page}")
        elif paging and name == "sort_by":
            query.sort = parse_sort(res, raw)
        elif name == "ids":
            query.ids = [_int(name, p) for p in raw.split(",") if p.strip()]
        elif name == "includes" and res.includes:
            wanted = {p.strip() for p in raw.split(",") if p.strip()}
            if wanted - res.includes:
                raise invalid_param(name, f"includes may only name {', '.join(res.includes)}")
            query.includes = wanted
        elif name == "inclusive" and res.inclusive:
            query.inclusive = _bool(name, raw)
        elif name in res.filters:
            kind = res.filters[name]
            if kind == "special":
                query.filters.append(specials[name](name, raw))
            else:
                query.filters.append(attribute_filter(name, kind, raw))
        elif (pair := split_bracket(name)) and pair[0] in res.bracket_filters:
            outer, inner = pair
            known = custom_field_names
            if outer == "custom_fields" and known is not None and inner not in known:
                raise invalid_param(name, f"there is no custom field named {inner!r}")
            query.filters.append(bracket_filter(outer, inner, raw))
        else:
            raise invalid_param(name, f"unknown query parameter {name!r}")
    return query


def _sort_key(res: Resource, attr: str) -> Callable[[Record], tuple[bool, Any]]:
    fallback = SORT_FALLBACK.get((res.name, attr))
    numeric = attr in res.numeric_sorts

    def key(record: Record) -> tuple[bool, Any]:
        value = record.get(attr)
        if value is None and fallback:
            value = record.get(fallback)
        if value is None:
            return (True, "")
        if numeric:
            return (False, float(value))
        if isinstance(value, str):
            return (False, value.lower())
        return (False, value)

    return key


def sort_records(
    res: Resource, rows: Iterable[Record], sort: list[tuple[str, bool]]
) -> list[Record]:
    ordered = sorted(rows, key=lambda r: r["id"])
    for attr, descending in reversed(sort):
        if attr != "id":
            ordered.sort(key=_sort_key(res, attr), reverse=descending)
        elif descending:
            ordered.reverse()
    return ordered


class SortedViews:
    """Sorted record lists per (table, sort), rebuilt only when the table changed."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, tuple[tuple[str, bool], ...]], tuple[int, list[Record]]] = {}

    def get(self, res: Resource, table: Table, sort: list[tuple[str, bool]]) -> list[Record]:
        key = (table.name, tuple(sort))
        hit = self._cache.get(key)
        if hit is not None and hit[0] == table.version:
            return hit[1]
        view = sort_records(res, table.rows.values(), sort)
        self._cache[key] = (table.version, view)
        return view


def run_query(
    res: Resource, rows: list[Record], query: ListQuery, *, presorted: bool
) -> tuple[list[Record], bool]:
    """One page of matching records, and whether more follow."""
    if query.ids is not None:
        wanted = set(query.ids)
        rows = [r for r in rows if r["id"] in wanted]
    if not presorted:
        rows = sort_records(res, rows, query.sort)
    start = (query.page - 1) * query.per_page
    if not query.has_filters:
        page = rows[start : start + query.per_page + 1]
    else:
        page = []
        seen = 0
        for record in rows:
            if not query.matches(record):
                continue
            if seen >= start:
                page.append(record)
                if len(page) > query.per_page:
                    break
            seen += 1
    more = len(page) > query.per_page
    return page[: query.per_page], more
