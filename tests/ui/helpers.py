"""Small helpers for driving the console in tests."""

from __future__ import annotations

from typing import Any

from screens.list_view import RecordListView
from screens.main import MainScreen


def active_list(app: Any) -> RecordListView | None:
    screen = app.screen
    if not isinstance(screen, MainScreen):
        return None
    try:
        return screen.current_view().active_list()
    except Exception:  # still composing
        return None


async def settle(pilot: Any, *, rows: bool = True, patience: float = 10.0) -> RecordListView:
    """Wait until the visible list is mounted (and, by default, holds fresh rows)."""
    waited = 0.0
    while waited < patience:
        await pilot.pause(0.05)
        waited += 0.05
        view = active_list(pilot.app)
        if view is None or not view.is_mounted:
            continue
        if rows and (not view.table.loaded or view.cached):
            continue
        # The detail pane follows the cursor after a short rest, then loads related
        # records: wait until all of it is done twice in a row, so snapshots never catch a
        # half-drawn pane, whatever the machine's load.
        calm = 0
        while calm < 2 and waited < patience:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(0.1)
            waited += 0.1
            calm = calm + 1 if view.settled else 0
        return view
    raise AssertionError("the list did not settle")
