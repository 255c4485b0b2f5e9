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
        busy = any(w.is_running for w in view.workers)
        if not rows or (view.table.loaded and not view.cached and not busy):
            await pilot.pause(0.15)  # the detail pane follows the cursor after a short rest
            return view
    raise AssertionError("the list did not settle")
