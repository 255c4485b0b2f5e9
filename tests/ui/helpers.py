"""Small helpers for driving the console in tests."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
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


def showing(app: Any, list_id: str) -> bool:
    view = active_list(app)
    return view is not None and view.spec.id == list_id


async def wait_for(pilot: Any, ready: Callable[[], bool], *, tries: int = 200) -> None:
    """Let the app run until `ready()` holds (at most tries * 50 ms of app time)."""
    for _ in range(tries):
        if ready():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app never got there")


async def settle_focused(pilot: Any) -> RecordListView:
    """`settle`, and the list's table has the focus (so its keys are the active ones)."""
    view = await settle(pilot)
    await wait_for(pilot, lambda: pilot.app.focused is view.table)
    return view


async def quiet(pilot: Any) -> None:
    """Wait until the detail pane's delayed related-record loads have run and finished."""
    from textual.widgets import Static

    from screens.detail import RelatedSection

    view = active_list(pilot.app)
    assert view is not None
    if not view.has_class("wide"):
        return  # narrow: the detail pane (and its related records) waits for Enter

    def related_done() -> bool:
        titles = [
            str(s.query_one(".related-title", Static).render())
            for s in view.detail.query(RelatedSection)
        ]
        return bool(titles) and all("(" in t and "loading" not in t for t in titles)

    await wait_for(pilot, lambda: view.detail.record is not None)
    await wait_for(pilot, related_done)


def painted_text(app: Any) -> str:
    """Every piece of text in a screenshot of the app (for "never shown" checks)."""
    svg = app.export_screenshot()
    return html.unescape(" ".join(re.findall(r">([^<>]*)</text>", svg))).replace("\xa0", " ")


def steady_cursor(app: Any) -> None:
    """Stop input cursors blinking, so a snapshot does not depend on when it is taken."""
    from textual.widgets import Input

    for screen in app.screen_stack:
        for field in screen.query(Input):
            field.cursor_blink = False
