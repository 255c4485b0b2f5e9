"""Collections that live under a parent record: a deal's associated contacts, an order's
line items. They are kept inside the parent (`_contacts`, `_items`), so they persist with it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from console.sandbox.zendesk_sell.crud import Crud, not_found, page_links, read_data
from console.sandbox.zendesk_sell.envelope import ZendeskError, collection, single
from console.sandbox.zendesk_sell.query import parse_list_query, run_query
from console.sandbox.zendesk_sell.resources import (
    ASSOCIATED_CONTACTS,
    DEALS,
    LINE_ITEMS,
    ORDERS,
    Resource,
)
from console.sandbox.zendesk_sell.rules import render, template
from console.sandbox.zendesk_sell.validate import problem

Record = dict[str, Any]
LINE_ITEM_SEQ = "seq:line_items"
# Associated contacts take only page and per_page (they are kept in the order they were added).
PAGING_ONLY = replace(
    ASSOCIATED_CONTACTS, filters={}, sorts=frozenset({"created_at"}), default_sort="created_at"
)


class Nested:
    def __init__(self, crud: Crud) -> None:
        self.crud = crud
        self.store = crud.store
        self.writer = crud.writer

    def _save_parent(self, res: Resource, parent: Record) -> None:
        self.store.table(res.name).put(parent["id"], parent)

    # -- associated contacts ----------------------------------------------------------------------

    def list_contacts(self, deal_id: int, request: Request) -> Response:
        deal = self.crud.record(DEALS, deal_id)
        query = parse_list_query(PAGING_ONLY, request.query_params.multi_items())
        rows = deal.get("_contacts", [])
        start = (query.page - 1) * query.per_page
        page = rows[start : start + query.per_page]
        more = len(rows) > start + query.per_page
        return collection(
            "associated_contact",
            [(dict(r), None) for r in page],
            page_links(request, query.page, more),
        )

    async def add_contact(self, deal_id: int, request: Request, user_id: int) -> Response:
        deal = self.crud.record(DEALS, deal_id)
        changes = self.crud.check(ASSOCIATED_CONTACTS, await read_data(request), None)
        links = list(deal.get("_contacts", []))
        if any(a["contact_id"] == changes["contact_id"] for a in links):
            raise _unprocessable(
                "already_exists",
                "contact_id",
                "this contact is already associated with the deal",
                "associated_contact",
            )
        now = self.writer.now()
        rec = template("associated_contacts", False)
        rec.update(changes, created_at=now, updated_at=now)
        deal["_contacts"] = [*links, rec]
        self._save_parent(DEALS, deal)
        return single("associated_contact", dict(rec))

    def remove_contact(self, deal_id: int, contact_id: int) -> Response:
        deal = self.crud.record(DEALS, deal_id)
        links = deal.get("_contacts", [])
        kept = [a for a in links if a["contact_id"] != contact_id]
        if len(kept) == len(links):
            raise not_found("associated_contact", contact_id)
        deal["_contacts"] = kept
        self._save_parent(DEALS, deal)
        return Response(status_code=204)

    # -- line items -------------------------------------------------------------------------------

    def list_items(self, order_id: int, request: Request) -> Response:
        order = self.crud.record(ORDERS, order_id)
        query = parse_list_query(LINE_ITEMS, request.query_params.multi_items())
        rows = order.get("_items", [])
        if query.ids is not None:
            wanted = set(query.ids)
            rows = [r for r in rows if r["id"] in wanted]
            query.ids = None
        page, more = run_query(LINE_ITEMS, rows, query, presorted=False)
        return collection(
            "line_item", [(dict(r), 1) for r in page], page_links(request, query.page, more)
        )

    def get_item(self, order_id: int, item_id: int) -> Response:
        return single("line_item", dict(self._item(order_id, item_id)[1]))

    def _item(self, order_id: int, item_id: int) -> tuple[Record, Record]:
        order = self.crud.record(ORDERS, order_id)
        item = next((i for i in order.get("_items", []) if i["id"] == item_id), None)
        if item is None:
            raise not_found("line_item", item_id)
        return order, item

    async def add_item(self, order_id: int, request: Request, user_id: int) -> Response:
        order = self.crud.record(ORDERS, order_id)
        changes = self.crud.check(LINE_ITEMS, await read_data(request), None)
        rec = template("line_items", False)
        rec.update(changes)
        self.writer.rules.line_item(rec, order)
        seq = int(self.store.meta(LINE_ITEM_SEQ, "0")) + 1
        self.store.set_meta(LINE_ITEM_SEQ, str(seq))
        now = self.writer.now()
        rec.update(id=seq, created_at=now, updated_at=now)
        order["_items"] = [*order.get("_items", []), rec]
        self._save_parent(ORDERS, order)
        self.writer.firehose.append(
            "line_items", "created", render("line_items", rec, now), sequence=1
        )
        return single("line_item", dict(rec))

    def remove_item(self, order_id: int, item_id: int) -> Response:
        order, item = self._item(order_id, item_id)
        order["_items"] = [i for i in order["_items"] if i["id"] != item_id]
        self._save_parent(ORDERS, order)
        self.writer.firehose.append("line_items", "deleted", dict(item), sequence=2)
        return Response(status_code=204)


def _unprocessable(code: str, name: str, details: str, kind: str) -> ZendeskError:
    return ZendeskError(422, [problem(code, name, details, kind)])
