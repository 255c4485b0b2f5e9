"""The main screen: opens on Zendesk Sell contacts, tabs and lists switch, detail follows."""

from __future__ import annotations

from console.sandbox.server import EmbeddedSandbox
from screens.list_view import RecordListView
from screens.main import MainScreen
from tests.ui.conftest import MakeApp
from tests.ui.helpers import settle
from widgets.banner import Banner
from widgets.record_table import RecordTable


def _active_list(app) -> RecordListView:  # type: ignore[no-untyped-def]
    assert isinstance(app.screen, MainScreen)
    view = app.screen.current_view().active_list()
    assert view is not None
    return view


async def _settle(pilot, view: RecordListView | None = None) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)


async def test_opens_on_zendesk_contacts_with_a_sandbox_banner(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        view = _active_list(app)
        await _settle(pilot, view)
        assert view.spec.id == "zendesk_sell.contacts"
        assert view.table.loaded == 100
        banner = str(app.screen.query_one(Banner).render())
        assert "SANDBOX" in banner
        assert app.focused is view.table


async def test_number_keys_switch_vendor_tabs_and_brackets_switch_lists(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        await _settle(pilot, _active_list(app))
        await pilot.press("1")
        view = _active_list(app)
        assert view.spec.id == "salesforce.trackers"
        await _settle(pilot, view)
        assert view.table.loaded > 0
        await pilot.press("right_square_bracket")
        assert _active_list(app).spec.id == "salesforce.cadences"
        await pilot.press("4")
        assert _active_list(app).spec.id == "totango.accounts"


async def test_filter_narrows_instantly_and_detail_follows_the_cursor(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        view = _active_list(app)
        await _settle(pilot, view)
        first = view.current()
        assert first is not None
        email = str(first["email"])
        await pilot.press("slash", *email[:12])
        assert 1 <= view.table.shown < view.table.loaded
        await pilot.press("enter")
        assert app.focused is view.table
        assert view.detail.record is not None
        assert view.detail.record["email"].startswith(email[:12])
        await pilot.press("escape")


async def test_step_trackers_follow_the_selected_tracker(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("1")
        await _settle(pilot)
        trackers = _active_list(app)
        await _settle(pilot, trackers)
        tracker = trackers.current()
        assert tracker is not None
        await pilot.press("right_square_bracket", "right_square_bracket")
        steps = _active_list(app)
        assert steps.spec.id == "salesforce.step_trackers"
        await _settle(pilot, steps)
        assert steps.table.loaded > 0
        ids = {r["ActionCadenceTrackerId"] for r in steps.records.values()}
        assert ids == {tracker["Id"]}
        assert isinstance(steps.table, RecordTable)


async def test_keys_typed_in_one_burst_after_slash_colon_or_f_land_in_their_field(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    """A paste, or a slow SSH link, delivers keys together: none may go to the list behind."""
    from textual import events
    from textual.widgets import Input

    from screens.command_line import CommandLine
    from screens.server_filters import ServerFiltersScreen
    from tests.ui.helpers import wait_for

    names = {"/": "slash", ":": "colon", "@": "at"}

    def burst(app, text: str) -> None:  # type: ignore[no-untyped-def]
        for ch in text:
            app.post_message(events.Key(names.get(ch, ch), ch))

    def typed(app) -> str:  # type: ignore[no-untyped-def]
        return app.focused.value if isinstance(app.focused, Input) else ""

    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await settle(pilot)
        burst(app, "/ada/f:")  # "a" would be Add note, "f" server filters, ":" the command line
        await wait_for(pilot, lambda: typed(app) == "ada/f:")
        assert app.screen.__class__.__name__ == "MainScreen"
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.focused is view.table)

        burst(app, "fada@")
        await wait_for(pilot, lambda: isinstance(app.screen, ServerFiltersScreen))
        await wait_for(pilot, lambda: typed(app) == "ada@")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.focused is view.table)

        burst(app, ":deals")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandLine))
        await wait_for(pilot, lambda: typed(app) == "deals")


async def test_the_detail_pane_shows_the_row_under_the_cursor_not_a_related_rows_key(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    """Related tables in the pane post highlights too; a deal's contact id is not a deal id."""
    from tests.ui.helpers import quiet

    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(2):  # Deals (contacts related), then Leads
            await pilot.press("right_square_bracket")
            view = await settle(pilot)
            await quiet(pilot)
            current = view.current()
            assert current is not None
            assert view.detail.record is not None
            assert view.detail.record["id"] == current["id"], view.spec.id
