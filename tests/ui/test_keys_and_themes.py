"""Keys and themes from config.toml, the palette's theme switch, and copy-record-as-JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.command import CommandPalette

from console.app import launch_options
from console.config.paths import config_file
from console.config.store import load_config
from console.journal import Journal
from console.sandbox.profile import sandbox_profile
from console.sandbox.server import EmbeddedSandbox
from console.service.service import Service
from screens.app import ConsoleApp
from screens.journal import JournalScreen
from tests.conftest import FAST
from tests.ui.conftest import MakeApp
from tests.ui.helpers import settle_focused, wait_for

CONFIG = """
[ui]
theme = "crm-light"

[keys]
"app.journal" = "ctrl+o"
"list.copy" = "c,ctrl+y"
"""


def app_from_config(sandbox: EmbeddedSandbox, tmp_path: Path) -> tuple[ConsoleApp, Journal]:
    """The app as `crm-console` builds it from config.toml, on the test sandbox."""
    config_file().parent.mkdir(parents=True, exist_ok=True)
    config_file().write_text(CONFIG)
    launch = launch_options(load_config())
    journal = Journal(tmp_path / "journal.sqlite3")
    launch.service = Service(sandbox_profile(sandbox.config), journal=journal, settings=FAST)
    launch.remember = False
    return ConsoleApp(launch), journal


async def test_config_keys_remap_bindings_by_id_and_ui_theme_applies(
    ui_sandbox: EmbeddedSandbox, tmp_path: Path
) -> None:
    app, journal = app_from_config(ui_sandbox, tmp_path)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            view = await settle_focused(pilot)
            assert app.theme == "crm-light"
            await pilot.press("f3")  # no longer the journal key
            assert not isinstance(app.screen, JournalScreen)
            await pilot.press("ctrl+o")
            assert isinstance(app.screen, JournalScreen)
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.focused is view.table)
            await pilot.press("y")  # remapped away from y ...
            assert app.clipboard == ""
            await pilot.press("c")  # ... to c
            assert json.loads(app.clipboard) == view.current()
    finally:
        journal.close()


async def test_y_copies_the_selected_record_as_json(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await settle_focused(pilot)
        await pilot.press("down", "down")
        record = view.current()
        assert record is not None
        await pilot.press("y")
        assert json.loads(app.clipboard) == record
        assert json.loads(app.clipboard)["email"] == record["email"]


async def test_ctrl_p_and_f2_open_the_palette_which_switches_the_theme(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_focused(pilot)
        assert app.theme == "crm-dark"
        await pilot.press("f2")  # the fallback opens it too
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette))
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"theme crm-ansi")
        await wait_for(pilot, lambda: _palette_top(app).startswith("Theme: crm-ansi"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.theme == "crm-ansi")


def _palette_top(app: Any) -> str:
    from textual.command import CommandList

    found = app.screen.query(CommandList)
    if not found or not found.first().option_count:
        return ""
    return str(found.first().get_option_at_index(0).prompt)


def test_the_16_colour_theme_renders(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp, snap_compare: Any
) -> None:
    async def loaded(pilot: Any) -> None:
        await settle_focused(pilot)

    assert snap_compare(
        make_app(ui_sandbox, theme="crm-ansi"), terminal_size=(80, 24), run_before=loaded
    )
