"""Help (? and F1): every key active where it was opened, grouped, with ids; searchable."""

from __future__ import annotations

from console.sandbox.server import EmbeddedSandbox
from screens.help import HelpScreen, KeyGroup, collect, render_groups
from tests.ui.conftest import MakeApp
from tests.ui.helpers import settle_focused


def _group(groups: list[KeyGroup], title: str) -> KeyGroup:
    return next(g for g in groups if g.title == title)


async def test_help_lists_the_focused_chain_with_the_lists_action_keys(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_focused(pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        titles = [g.title for g in help_screen.groups]
        # innermost first: the table, the list, ..., the screen, the app
        assert titles[:2] == ["record table", "list: Contacts"]
        assert titles[-2:] == ["main screen", "app"]
        listing = _group(help_screen.groups, "list: Contacts")
        by_id = {line.binding_id: line for line in listing.lines}
        assert by_id["zendesk_sell.contacts.edit"].keys == ["e"]
        assert by_id["zendesk_sell.contacts.edit"].description == "Edit"
        assert by_id["list.filter"].keys == ["/", "^f"]
        app_keys = {line.binding_id: line.keys for line in _group(help_screen.groups, "app").lines}
        assert app_keys["app.help"] == ["?", "f1"]
        assert app_keys["app.journal"] == ["f3"]
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_help_search_narrows_and_f1_opens_it_too(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle_focused(pilot)
        await pilot.press("f1")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        everything = help_screen.show_keys()
        await pilot.press("slash", *"delete")
        narrowed = help_screen.show_keys(help_screen.query_one("#help-search").value)  # type: ignore[attr-defined]
        assert 0 < narrowed < everything
        _table, found = render_groups(help_screen.groups, "zendesk_sell.contacts.delete")
        assert found == 1
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_read_only_keys_are_listed_as_not_available_now(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox, read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_focused(pilot)
        groups = collect(app.screen)
        lines = {ln.binding_id: ln for ln in _group(groups, "list: Contacts").lines}
        assert not lines["zendesk_sell.contacts.delete"].enabled
        assert lines["list.filter"].enabled


async def test_a_remapped_key_shows_in_help(ui_sandbox: EmbeddedSandbox, make_app: MakeApp) -> None:
    app = make_app(ui_sandbox, keymap={"zendesk_sell.contacts.edit": "E,ctrl+e"})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_focused(pilot)
        lines = {ln.binding_id: ln for ln in _group(collect(app.screen), "list: Contacts").lines}
        assert lines["zendesk_sell.contacts.edit"].keys == ["E", "^e"]
