"""Small helpers the UI tests share: wait for a list or a condition, read what is painted."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from screens.list_view import RecordListView
from screens.main import MainScreen


def active_list(app: Any) -> RecordListView:
    view = shown_list(app)
    assert view is not None
    return view


def shown_list(app: Any) -> RecordListView | None:
    screen = app.screen
    return screen.current_view().active_list() if isinstance(screen, MainScreen) else None


def showing(app: Any, list_id: str) -> bool:
    view = shown_list(app)
    return view is not None and view.spec.id == list_id


async def wait_for(pilot: Pilot[Any], ready: Callable[[], bool], *, tries: int = 200) -> None:
    """Let the app run until `ready()` holds (at most tries * 50 ms of app time)."""
    for _ in range(tries):
        if ready():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app never got there")


async def settle(pilot: Pilot[Any]) -> RecordListView:
    """The first list shown, once its first page is in."""
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
    await wait_for(
        pilot,
        lambda: (
            (view := pilot.app.screen.current_view().active_list()) is not None
            and view.table.loaded > 0
            and not view._loading
            and pilot.app.focused is view.table
        ),
    )
    return active_list(pilot.app)


async def quiet(pilot: Pilot[Any]) -> None:
    """Wait until the detail pane's delayed related-record loads have run and finished."""
    from textual.widgets import Static

    from screens.detail import RelatedSection

    view = active_list(pilot.app)

    def related_done() -> bool:
        titles = [
            str(s.query_one(".related-title", Static).render())
            for s in view.detail.query(RelatedSection)
        ]
        return all("(" in t and "loading" not in t for t in titles)

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
