"""Start-up: the first frame, when the session opens, and reopening where the user left off."""

from __future__ import annotations

from typing import Any

import pytest

from console.sandbox.server import EmbeddedSandbox
from screens import row_cache
from screens.app import ConsoleApp, Launch
from screens.list_view import RecordListView
from screens.main import MainScreen
from screens.vendor_view import VendorView
from tests.ui.conftest import MakeApp
from tests.ui.helpers import active_list, settle, wait_for
from widgets.tab_bar import TabBar

ROWS = [
    {"id": n, "name": f"Remembered {n}", "email": f"r{n}@example.com", "is_organization": False}
    for n in range(1, 6)
]


def _shown(app: Any) -> RecordListView:
    view = active_list(app)
    assert view is not None
    return view


async def test_only_the_vendor_shown_is_built_and_others_are_built_when_opened(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert [v.vendor.vendor for v in app.screen.query(VendorView)] == ["zendesk_sell"]
        await pilot.press("3")
        await wait_for(pilot, lambda: _shown(app).spec.id == "infinity.buttons")
        views = {v.vendor.vendor: v.display for v in app.screen.query(VendorView)}
        assert views == {"zendesk_sell": False, "infinity": True}
        assert app.screen.query_one("#vendors", TabBar).active == "infinity"
        await pilot.press("2")  # back: the same view, not a second one
        await wait_for(pilot, lambda: _shown(app).spec.id == "zendesk_sell.contacts")
        assert len(app.screen.query(VendorView)) == 2


async def test_reopens_on_the_vendor_and_list_left_last_time(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    first = make_app(ui_sandbox, remember=True)
    async with first.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "right_square_bracket")  # Salesforce, then its second list
        await wait_for(pilot, lambda: _shown(first).spec.id == "salesforce.cadences")
        await pilot.press("ctrl+q")
    again = make_app(ui_sandbox, remember=True)
    async with again.run_test(size=(80, 24)) as pilot:
        view = await settle(pilot)
        assert view.spec.id == "salesforce.cadences"
        assert isinstance(again.screen, MainScreen)
        assert again.screen.query_one("#vendors", TabBar).active == "salesforce"


@pytest.mark.parametrize("remembered", [True, False], ids=["remembered-rows", "first-run"])
async def test_the_session_opens_only_once_the_first_frame_is_painted(
    remembered: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its thread (the embedded sandbox's imports and data) would slow that frame down."""
    opened: list[tuple[bool, bool]] = []

    def open_session(app: ConsoleApp) -> None:  # stands in for the thread worker
        view = _shown(app)
        opened.append((view.cached, view.table.rows_painted))

    monkeypatch.setattr(ConsoleApp, "open_session", open_session)
    app = ConsoleApp(Launch(sandbox=True))
    if remembered:
        row_cache.save(app.expected_profile, "zendesk_sell.contacts", ROWS)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: bool(opened))
        await pilot.pause(0.2)
        assert len(opened) == 1  # once, whoever asks
        view = _shown(app)
        if remembered:
            assert opened == [(True, True)]  # the remembered rows were on screen already
            assert view.table.loaded == len(ROWS)
            assert "cached · refreshing" in str(view.query_one("#list-title").render())
        else:
            assert opened == [(False, False)]  # nothing to wait for: at once
            assert view.table.loaded == 0
