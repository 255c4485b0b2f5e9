"""What acting on records looks like at 80x24 and 120x40: the vendor-side filters, the
count-typing confirmation of a bulk delete, and the per-item results of a bulk action in
which the vendor refused every item (resuming trackers that are running changes nothing)."""

from __future__ import annotations

from typing import Any

import pytest

from console.sandbox.server import EmbeddedSandbox
from screens import bulk
from screens.bulk import BulkResultsScreen
from screens.confirm import ConfirmScreen
from screens.server_filters import ServerFiltersScreen
from tests.ui.conftest import MakeApp
from tests.ui.helpers import quiet, settle_focused, steady_cursor, wait_for

SIZES = [(80, 24), (120, 40)]
size_ids = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")


@size_ids
def test_server_filters(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp, size: tuple[int, int]
) -> None:
    async def run_before(pilot: Any) -> None:
        await settle_focused(pilot)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ServerFiltersScreen))
        await pilot.press(*"ada@")
        steady_cursor(pilot.app)

    assert snap_compare(make_app(ui_sandbox), terminal_size=size, run_before=run_before)


@size_ids
def test_bulk_delete_asks_for_the_count(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp, size: tuple[int, int]
) -> None:
    async def run_before(pilot: Any) -> None:
        await settle_focused(pilot)
        await pilot.press("space", "down", "space", "d")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen))
        await pilot.press("2")
        steady_cursor(pilot.app)

    assert snap_compare(make_app(ui_sandbox), terminal_size=size, run_before=run_before)


@size_ids
def test_bulk_results_with_vendor_errors(
    snap_compare: Any,
    fresh_sandbox: EmbeddedSandbox,
    make_app: MakeApp,
    size: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The vendor's request ids are random: number them, so the picture is the same each run.
    real_rows = bulk.rows

    def numbered(*args: Any) -> list[dict[str, Any]]:
        out = real_rows(*args)
        for row in out:
            row["request_id"] = f"request-{row['n']}" if row["request_id"] else ""
        return out

    monkeypatch.setattr(bulk, "rows", numbered)

    async def run_before(pilot: Any) -> None:
        await settle_focused(pilot)
        await pilot.press("1")
        view = await settle_focused(pilot)
        await wait_for(pilot, lambda: view.spec.id == "salesforce.trackers")
        running = [k for k, r in view.records.items() if r["State"] == "Running"][:3]
        assert len(running) == 3
        for key in running:
            view.table.move_cursor_to(key)
            await pilot.press("space")
        await settle_focused(pilot)  # the detail pane behind follows the cursor: let it finish
        await quiet(pilot)
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, BulkResultsScreen))
        await pilot.pause(0.1)

    assert snap_compare(make_app(fresh_sandbox), terminal_size=size, run_before=run_before)
