"""The ':' command line: lists, vendors, endpoints (their forms) and app commands by name."""

from __future__ import annotations

from typing import Any

import pytest

from console.catalog import all_endpoints
from console.sandbox.server import EmbeddedSandbox
from screens.command_line import CommandLine, CommandTable
from screens.journal import JournalScreen
from screens.specs import vendor_specs
from tests.ui.conftest import MakeApp
from tests.ui.helpers import settle_focused, showing, wait_for


async def run_command(pilot: Any, text: str) -> None:
    """Open the line with ':' and enter a command (typed keys are tested elsewhere)."""
    await pilot.press("colon")
    line = pilot.app.screen
    assert isinstance(line, CommandLine)
    line.query_one("#cmd").value = text
    await pilot.press("enter")


async def test_every_list_vendor_endpoint_and_app_command_has_a_name(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)):
        table = CommandTable.for_app(app)
    words = set(table.words)
    for vendor in vendor_specs():
        assert vendor.vendor in words
        for spec in vendor.lists:
            assert spec.id.split(".", 1)[1] in words
    assert {"contacts", "deals", "trackers", "buttons", "accounts"} <= words
    assert {ep.id for ep in all_endpoints()} <= words
    assert {"q", "help", "journal", "firehose", "profiles", "ro on", "ro off"} <= words
    assert {"theme crm-light", "theme crm-ansi", "profile sandbox"} <= words
    assert table.complete("con") == "contacts"
    assert table.complete("zendesk_sell.createc") == "zendesk_sell.createContact"


async def test_typing_a_list_name_with_tab_completion_opens_it(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_focused(pilot)
        await pilot.press("colon", "d", "e", "a", "tab")
        line = app.screen
        assert isinstance(line, CommandLine)
        assert line.query_one("#cmd").value == "deals"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_for(pilot, lambda: showing(app, "zendesk_sell.deals"))
        await run_command(pilot, "trackers")
        await wait_for(pilot, lambda: showing(app, "salesforce.trackers"))


async def test_unknown_input_says_so_and_stays_open_until_escape(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_focused(pilot)
        await pilot.press("colon", *"nonsense", "enter")
        line = app.screen
        assert isinstance(line, CommandLine)
        hint = line.query_one("#cmd-hint")
        assert "Unknown command: nonsense" in str(hint.render())
        assert hint.has_class("error")
        line.query_one("#cmd").value = "theme purple"  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert app.screen is line
        assert "theme takes one of:" in str(hint.render())
        assert "crm-light" in str(hint.render())
        await pilot.press("escape")
        assert not isinstance(app.screen, CommandLine)


async def test_app_commands_theme_read_only_and_journal(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_focused(pilot)
        await run_command(pilot, "theme crm-light")
        await wait_for(pilot, lambda: app.theme == "crm-light")
        await run_command(pilot, "ro on")
        await wait_for(pilot, lambda: app.read_only)
        await run_command(pilot, "ro  off ")
        await wait_for(pilot, lambda: not app.read_only)
        await run_command(pilot, ":journal")  # a typed ':' is fine too
        await wait_for(pilot, lambda: isinstance(app.screen, JournalScreen))


async def test_an_endpoint_id_opens_its_form_prefilled_from_the_selection(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(ui_sandbox)
    opened: list[tuple[str, dict[str, Any] | None]] = []
    monkeypatch.setattr(app, "open_form", lambda ep, prefill=None: opened.append((ep, prefill)))
    async with app.run_test(size=(80, 24)) as pilot:
        contact = (await settle_focused(pilot)).current()
        assert contact is not None
        await run_command(pilot, "zendesk_sell.updatecontact")  # ids match in any case
        await wait_for(pilot, lambda: bool(opened))
        endpoint_id, prefill = opened[0]
        assert endpoint_id == "zendesk_sell.updateContact"
        assert prefill is not None
        assert prefill["id"] == contact["id"]


async def test_q_quits(ui_sandbox: EmbeddedSandbox, make_app: MakeApp) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_focused(pilot)
        await pilot.press("colon", "q", "enter")
        await wait_for(pilot, lambda: app._exit_renderables is not None or not app.is_running)
    assert app.return_code == 0
