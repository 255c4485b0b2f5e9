"""SOQL over REST: `query?q=`, `queryAll?q=`, and `query/<locator>-<offset>` for later batches.

A query's matches are kept under a locator; each batch is shaped when it is fetched. Batches
hold 2000 records unless `Sforce-Query-Options: batchSize=N` asks for 200..2000.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from console.sandbox.salesforce.ids import make_id
from console.sandbox.salesforce.org import Org
from console.sandbox.salesforce.soql import Plan, SoqlError, parse, plan
from console.sandbox.salesforce.wire import Ctx, sf_error

DEFAULT_BATCH = 2000
MIN_BATCH = 200
MAX_CURSORS = 200
_BATCH = re.compile(r"batchSize\s*=\s*(\d+)", re.IGNORECASE)


@dataclass(slots=True)
class Cursor:
    plan: Plan
    rows: list[dict[str, Any]]
    batch: int
    resource: str  # query | queryAll


def batch_size(header: str | None) -> int:
    match = _BATCH.search(header or "")
    if not match:
        return DEFAULT_BATCH
    return max(MIN_BATCH, min(DEFAULT_BATCH, int(match[1])))


class QueryApi:
    def __init__(self, org: Org) -> None:
        self.org = org
        self.cursors: OrderedDict[str, Cursor] = OrderedDict()
        self._serial = 0

    async def query(self, ctx: Ctx, request: Request, resource: str = "query") -> Response:
        text = request.query_params.get("q")
        if not text or not text.strip():
            return sf_error(400, "MALFORMED_QUERY", "A query string has to be specified")
        try:
            checked = plan(parse(text), self.org)
            rows = checked.run()
        except SoqlError as exc:
            return sf_error(400, exc.code, exc.render())
        if checked.query.count:
            return JSONResponse({"totalSize": len(rows), "done": True, "records": []})
        batch = batch_size(request.headers.get("sforce-query-options"))
        cursor = Cursor(checked, rows, batch, resource)
        return self._page(ctx, cursor, self._locator(cursor) if len(rows) > batch else "", 0)

    async def more(self, ctx: Ctx, request: Request, locator: str, resource: str) -> Response:
        key, _, start = locator.rpartition("-")
        cursor = self.cursors.get(key)
        if cursor is None or not start.isdigit() or cursor.resource != resource:
            return sf_error(400, "INVALID_QUERY_LOCATOR", "invalid query locator")
        self.cursors.move_to_end(key)
        return self._page(ctx, cursor, key, int(start))

    def _locator(self, cursor: Cursor) -> str:
        self._serial += 1
        key = make_id("01g", self._serial)[:15]
        self.cursors[key] = cursor
        while len(self.cursors) > MAX_CURSORS:
            self.cursors.popitem(last=False)
        return key

    def _page(self, ctx: Ctx, cursor: Cursor, key: str, start: int) -> Response:
        end = start + cursor.batch
        chunk = cursor.rows[start:end]
        body: dict[str, Any] = {"totalSize": len(cursor.rows), "done": end >= len(cursor.rows)}
        if not body["done"]:
            body["nextRecordsUrl"] = f"/services/data/v{ctx.version}/{cursor.resource}/{key}-{end}"
        body["records"] = [cursor.plan.project(r, ctx.version) for r in chunk]
        return JSONResponse(body)
