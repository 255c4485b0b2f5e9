"""The generic Core API handlers: list, read, create, update (partial PUT), delete, upsert.

Each works for any resource spec; every change goes through `Writer`, which keeps the record
version and appends the Firehose event.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Set
from typing import Any, Literal

from starlette.requests import Request
from starlette.responses import Response

from console.sandbox.common.store import Store
from console.sandbox.zendesk_sell.envelope import ZendeskError, collection, fail, single
from console.sandbox.zendesk_sell.firehose import Firehose
from console.sandbox.zendesk_sell.query import (
    ListQuery,
    Predicate,
    SortedViews,
    Special,
    invalid_param,
    parse_list_query,
    run_query,
    sort_records,
)
from console.sandbox.zendesk_sell.resources import ORDERS, Resource
from console.sandbox.zendesk_sell.rules import Rules, is_overdue, render, template
from console.sandbox.zendesk_sell.validate import check_body

Record = dict[str, Any]


def not_found(res_type: str, ident: Any) -> ZendeskError:
    return fail(
        404,
        "not_found",
        "Resource not found.",
        f"There is no {res_type} with id {ident}.",
        resource=res_type,
    )


async def read_data(request: Request) -> dict[str, Any]:
    """The `data` object of a request body (anything else is a 400 invalid_payload)."""
    raw = await request.body()
    try:
        body = json.loads(raw) if raw else None
    except (ValueError, UnicodeDecodeError):
        raise fail(
            400, "invalid_payload", "Invalid payload.", "The request body is not valid JSON."
        ) from None
    if not isinstance(body, dict) or not isinstance(body.get("data"), dict):
        raise fail(
            400,
            "invalid_payload",
            "Invalid payload.",
            'The request body must be a JSON object of the form {"data": {...}}.',
        )
    return dict(body["data"])


def page_links(request: Request, page: int, more: bool) -> dict[str, str]:
    url = request.url
    links = {"self": str(url), "first_page": str(url.include_query_params(page=1))}
    if page > 1:
        links["prev_page"] = str(url.include_query_params(page=page - 1))
    if more:
        links["next_page"] = str(url.include_query_params(page=page + 1))
    return links


def _contains(field: str) -> Special:
    def make(name: str, raw: str) -> Predicate:
        wanted = raw.strip().lower()
        return lambda r: wanted in str(r.get(field) or "").lower()

    return make


class Writer:
    """Stores changes, bumps versions and feeds the Firehose."""

    def __init__(self, store: Store, rules: Rules, firehose: Firehose, now: Callable[[], str]):
        self.store = store
        self.rules = rules
        self.firehose = firehose
        self.now = now

    def insert(self, res: Resource, rec: Record, user_id: int) -> Record:
        now = self.now()
        if "creator_id" in rec:
            rec["creator_id"] = user_id
        if "owner_id" in rec and rec["owner_id"] is None:
            rec["owner_id"] = user_id
        rec["created_at"] = rec["updated_at"] = now
        self.rules.apply(res.name, rec, None, user_id)
        table = self.store.table(res.name)
        rec["id"] = table.next_id()
        self.rules.created(res.name, rec)
        rec["_v"] = 1
        table.put(rec["id"], rec)
        self.firehose.append(res.name, "created", render(res.name, rec, now), sequence=1)
        return rec

    def change(self, res: Resource, old: Record, changes: Record, user_id: int) -> Record:
        merged = {**old, **changes}
        if "custom_fields" in changes:
            combined = {**(old.get("custom_fields") or {}), **changes["custom_fields"]}
            merged["custom_fields"] = {k: v for k, v in combined.items() if v is not None}
        self.rules.apply(res.name, merged, old, user_id)
        now = self.now()
        previous = {
            k: old.get(k)
            for k, v in merged.items()
            if not k.startswith("_") and k != "last_activity_at" and old.get(k) != v
        }
        if not previous:
            return old
        merged["updated_at"] = now
        merged["_v"] = int(old.get("_v", 1)) + 1
        self.store.table(res.name).put(merged["id"], merged)
        self.firehose.append(
            res.name,
            "updated",
            render(res.name, merged, now),
            previous=previous,
            sequence=merged["_v"],
        )
        return merged

    def remove(self, res: Resource, old: Record) -> None:
        self.store.table(res.name).delete(old["id"])
        self.firehose.append(
            res.name,
            "deleted",
            render(res.name, old, self.now()),
            sequence=int(old.get("_v", 1)) + 1,
        )


class Crud:
    def __init__(
        self,
        store: Store,
        writer: Writer,
        *,
        custom_fields: Callable[[str], Mapping[str, Record]],
        upsert_multiple: Callable[[], Literal["conflict", "update_first"]],
    ) -> None:
        self.store = store
        self.writer = writer
        self.views = SortedViews()
        self.custom_fields = custom_fields
        self.upsert_multiple = upsert_multiple
        now = writer.now
        self.specials: dict[str, dict[str, Special]] = {
            "notes": {"q": _contains("content")},
            "tasks": {
                "q": _contains("content"),
                "overdue": lambda n, raw: _flag(n, raw, lambda r: is_overdue(r, now())),
                "remind": lambda n, raw: _flag(n, raw, lambda r: r.get("remind_at") is not None),
                "type": _task_type,
            },
        }

    # -- helpers ----------------------------------------------------------------------------------

    def exists(self, table: str, ident: int) -> bool:
        return ident in self.store.table(table)

    def record(self, res: Resource, ident: int) -> Record:
        rec = self.store.table(res.name).get(ident)
        if rec is None:
            raise not_found(res.type, ident)
        return rec

    def check(self, res: Resource, data: Record, existing: Record | None) -> Record:
        fields = self.custom_fields(res.custom_fields) if res.custom_fields else {}
        return check_body(res, data, existing=existing, exists=self.exists, custom_field=fields.get)

    def show(self, res: Resource, rec: Record, includes: Set[str] = frozenset()) -> Record:
        out = render(res.name, rec, self.writer.now())
        if "associated_contacts" in includes:
            out["associated_contacts"] = [dict(a) for a in rec.get("_contacts", [])]
        return out

    def query(self, res: Resource, request: Request, *, paging: bool = True) -> ListQuery:
        names = set(self.custom_fields(res.custom_fields)) if res.custom_fields else None
        return parse_list_query(
            res,
            request.query_params.multi_items(),
            specials=self.specials.get(res.name, {}),
            custom_field_names=names,
            paging=paging,
        )

    # -- handlers ---------------------------------------------------------------------------------

    def list(self, res: Resource, request: Request) -> Response:
        query = self.query(res, request)
        table = self.store.table(res.name)
        if query.ids is not None:
            rows = [r for r in (table.get(i) for i in dict.fromkeys(query.ids)) if r is not None]
            rows = sort_records(res, rows, query.sort)
            query.ids = None
        else:
            rows = self.views.get(res, table, query.sort)
        page, more = run_query(res, rows, query, presorted=True)
        items = [(self.show(res, r, query.includes), r.get("_v")) for r in page]
        return collection(res.type, items, page_links(request, query.page, more))

    def get(self, res: Resource, ident: int, request: Request) -> Response:
        includes: set[str] = set()
        for name, raw in request.query_params.multi_items():
            if name == "includes" and res.includes:
                includes = {p.strip() for p in raw.split(",") if p.strip()}
                if includes - res.includes:
                    raise invalid_param(name, f"includes may only name {', '.join(res.includes)}")
            else:
                raise invalid_param(name, f"unknown query parameter {name!r}")
        return single(res.type, self.show(res, self.record(res, ident), includes))

    async def create(self, res: Resource, request: Request, user_id: int) -> Response:
        _no_query(request)
        changes = self.check(res, await read_data(request), None)
        rec = template(res.name, "resource_type" in res.fields)
        rec.update(changes)
        return single(res.type, self.show(res, self.writer.insert(res, rec, user_id)))

    async def update(self, res: Resource, ident: int, request: Request, user_id: int) -> Response:
        _no_query(request)
        old = self.record(res, ident)
        changes = self.check(res, await read_data(request), old)
        return single(res.type, self.show(res, self.writer.change(res, old, changes, user_id)))

    def delete(self, res: Resource, ident: int, request: Request) -> Response:
        _no_query(request)
        old = self.record(res, ident)
        self.writer.remove(res, old)
        if res.name == "deals":
            orders = self.store.table("orders")
            for order in [o for o in orders if o["deal_id"] == ident]:
                self.writer.remove(ORDERS, order)
        return Response(status_code=204)

    async def upsert(self, res: Resource, request: Request, user_id: int) -> Response:
        query = self.query(res, request, paging=False)
        if not query.filters and query.ids is None:
            raise invalid_param("filters", "upsert needs at least one filter in the query string")
        data = await read_data(request)
        wanted = set(query.ids) if query.ids is not None else None
        matches = []
        for rec in self.store.table(res.name):
            if (wanted is None or rec["id"] in wanted) and query.matches(rec):
                matches.append(rec)
                if self.upsert_multiple() == "update_first":
                    break
                if len(matches) > 1:
                    raise fail(
                        409,
                        "conflict",
                        "Multiple records match the filters.",
                        "Narrow the filters so that at most one record matches.",
                        resource=res.type,
                    )
        if not matches:
            rec = template(res.name, False)
            rec.update(self.check(res, data, None))
            return single(res.type, self.show(res, self.writer.insert(res, rec, user_id)))
        old = matches[0]
        changes = self.check(res, data, old)
        return single(res.type, self.show(res, self.writer.change(res, old, changes, user_id)))


def _no_query(request: Request) -> None:
    for name in request.query_params:
        raise invalid_param(name, f"unknown query parameter {name!r}")


def _flag(name: str, raw: str, test: Callable[[Record], bool]) -> Predicate:
    low = raw.strip().lower()
    if low not in ("true", "false"):
        raise invalid_param(name, f"{name} must be true or false")
    wanted = low == "true"
    return lambda r: test(r) is wanted


def _task_type(name: str, raw: str) -> Predicate:
    kind = raw.strip().lower()
    if kind not in ("floating", "related"):
        raise invalid_param(name, "type must be floating or related")
    return lambda r: (r.get("resource_type") is None) is (kind == "floating")
