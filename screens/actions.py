"""Running a list's actions: form or confirm, one record or every marked one, then refresh.

One record: the endpoint's form opens prefilled from it (or, for actions without a form, a
confirm), the form sends the call and keeps what was typed if it fails. Marked records: the
form collects the shared values once, a confirm names the count (destructive bulk actions
ask for the count to be typed), Salesforce actions go out batched through the service, and a
per-item result table follows.
"""

from __future__ import annotations

import asyncio
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from console.errors import ConsoleError
from screens.specs.base import Action

if TYPE_CHECKING:
    from console.service.results import CallResult, ItemResult
    from screens.list_view import RecordListView

PER_RECORD_CONCURRENCY = 4


def _catalog() -> Any:
    """The catalog (pydantic models) loads on first use, not with the first frame."""
    from console import catalog

    return catalog


class ActionRunner:
    def __init__(self, view: RecordListView) -> None:
        self.view = view

    @property
    def app(self) -> Any:
        return self.view.app

    def action(self, action_id: str) -> Action:
        for action in self.view.spec.actions:
            if action.id == action_id:
                return action
        raise KeyError(action_id)

    def allowed(self, action_id: str) -> bool | None:
        """True to run, None to show the key greyed out (read-only, or nothing selected)."""
        try:
            action = self.action(action_id)
        except KeyError:
            return False
        if self.view.cached:
            return None  # remembered rows: act once the fresh ones are in
        if self.app.read_only and _catalog().get(action.endpoint).mutating:
            return None
        if action.needs_record and self.view.current() is None:
            return None
        return True

    def start(self, action_id: str) -> None:
        action = self.action(action_id)
        self.view.run_worker(self._run(action), exclusive=True, group="action", exit_on_error=False)

    # -- running --------------------------------------------------------------------------------

    def targets(self, action: Action) -> list[dict[str, Any]]:
        if not action.needs_record:
            return []
        marked = self.view.marked()
        if action.bulk and marked:
            return marked
        current = self.view.current()
        return [current] if current is not None else []

    async def _run(self, action: Action) -> None:
        ep = _catalog().get(action.endpoint)
        if self.app.read_only and ep.mutating:
            self.app.notify(f"{action.label}: read-only mode refuses changes.", severity="warning")
            return
        records = self.targets(action)
        if action.needs_record and not records:
            self.app.notify(f"{action.label}: select a record first.", severity="warning")
            return
        if len(records) > 1:
            await self._bulk(action, records)
            return
        record = records[0] if records else {}
        result = await self._one(action, record)
        if result is not None:
            await self._after(action, record, result)

    async def _one(self, action: Action, record: dict[str, Any]) -> CallResult | None:
        from console.service.results import CallResult
        from screens.confirm import ConfirmScreen
        from screens.form import FormScreen

        ep = _catalog().get(action.endpoint)
        prefill = action.prefill(record)
        if action.form:
            title = f"{action.label}: {self.view.spec.title_of(record)}" if record else action.label
            outcome = await self.app.push_screen_wait(
                FormScreen(ep.id, prefill=prefill, title=title, only=action.fields)
            )
            return outcome if isinstance(outcome, CallResult) else None
        what = self.view.spec.title_of(record) if record else ""
        ok = await self.app.push_screen_wait(
            ConfirmScreen(
                f"{action.label} {what}?".strip(),
                detail=ep.palette_title,
                destructive=ep.destructive,
            )
        )
        if not ok:
            return None
        result: CallResult = await self.app.call(ep.id, prefill)
        if result.failures:
            error = result.failures[0].error
            if error is not None:
                self.app.report_error(error, context=action.label)
            return None
        return result

    async def _after(self, action: Action, record: dict[str, Any], result: CallResult) -> None:
        name = self.view.spec.title_of(record) if record else ""
        self.app.notify(f"{action.label} {name}: done.".replace("  ", " "), timeout=4)
        key = record.get(self.view.spec.key) if record else None
        if action.refresh == "remove" and key is not None:
            self.view.drop_records([key])
        elif action.refresh == "list":
            self.view.action_refresh()
        elif action.refresh == "row":
            from console.service.results import jsonable

            if key is not None:
                await self.reread([key])
            elif not action.needs_record:
                created = jsonable(result.data)
                if isinstance(created, dict) and created.get(self.view.spec.key) is not None:
                    await self.view.put_record(created)
        self.view.detail.reload_related()

    async def reread(self, keys: list[Hashable]) -> None:
        """Fetch changed records again so the list shows what the vendor now holds."""
        spec = self.view.spec
        if spec.get_endpoint is None:
            self.view.action_refresh()
            return
        limit = asyncio.Semaphore(PER_RECORD_CONCURRENCY)

        from console.service.results import jsonable

        async def one(key: Hashable) -> None:
            async with limit:
                try:
                    got = await self.app.call(spec.get_endpoint, {spec.get_key: key})
                except ConsoleError:
                    return  # the action's own result was already reported
                data = jsonable(got.data)
                if isinstance(data, list):
                    data = data[0] if data else None
                if isinstance(data, dict):
                    await self.view.put_record(data)

        await asyncio.gather(*(one(k) for k in keys))

    # -- many records --------------------------------------------------------------------------

    async def _bulk(self, action: Action, records: list[dict[str, Any]]) -> None:
        from screens.bulk import BulkResultsScreen
        from screens.confirm import ConfirmScreen
        from screens.form import FormScreen

        ep = _catalog().get(action.endpoint)
        count = len(records)
        noun = self.view.spec.title.lower()
        shared: dict[str, Any] = {}
        if action.form:
            per_record = set(action.prefill(records[0]))
            collected = await self.app.push_screen_wait(
                FormScreen(
                    ep.id,
                    prefill={},
                    mode="collect",
                    bulk_count=count,
                    title=f"{action.label}: {count} {noun}",
                    hidden=per_record,
                )
            )
            if collected is None:
                return
            shared = {k: v for k, v in dict(collected).items() if k not in per_record}
        ok = await self.app.push_screen_wait(
            ConfirmScreen(
                f"{action.label} {count} {noun}?",
                detail=ep.palette_title,
                destructive=ep.destructive,
                type_count=count if ep.destructive else None,
            )
        )
        if not ok:
            return
        inputs = [{**action.prefill(r), **shared} for r in records]
        if ep.batchable:
            result = await self.app.service.call_batch(ep.id, inputs)
            items: list[ItemResult] = result.items
        else:
            items = await self._one_by_one(ep.id, inputs)
        keys = [r.get(self.view.spec.key) for r in records]
        self.app.push_screen(BulkResultsScreen(action.label, self.view.spec, records, items))
        done = [k for k, item in zip(keys, items, strict=True) if item.ok and k is not None]
        self.view.table.action_clear_marks()
        if action.refresh == "remove":
            self.view.drop_records(done)
        elif action.refresh == "row":
            await self.reread(done)
        elif action.refresh == "list":
            self.view.action_refresh()

    async def _one_by_one(self, endpoint_id: str, inputs: list[dict[str, Any]]) -> list[ItemResult]:
        from console.service.results import ItemResult

        limit = asyncio.Semaphore(PER_RECORD_CONCURRENCY)

        async def one(index: int, data: dict[str, Any]) -> ItemResult:
            async with limit:
                try:
                    got = await self.app.call(endpoint_id, data)
                except ConsoleError as exc:
                    return ItemResult(index, False, error=exc)
                return ItemResult(index, True, output=got.data)

        return list(await asyncio.gather(*(one(i, d) for i, d in enumerate(inputs))))

    # -- prefill for the palette ---------------------------------------------------------------

    def context_for(self, endpoint_id: str) -> dict[str, Any]:
        record = self.view.current()
        if record is None:
            return {}
        for action in self.view.spec.actions:
            if action.endpoint == endpoint_id and action.needs_record:
                return action.prefill(record)
        ep = _catalog().get(endpoint_id)
        if ep.vendor != self.view.spec.vendor:
            return {}
        names = {f.name for f in ep.fields()}
        return {
            k: v
            for k, v in record.items()
            if k in names and k != "id" and k.lower().endswith("id") and v not in (None, "")
        }
