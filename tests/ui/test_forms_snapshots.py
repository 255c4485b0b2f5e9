"""What the generated forms look like at 80x24 and 120x40 (the seeded sandbox, no ids on screen)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from console.sandbox.server import EmbeddedSandbox
from console.service.results import jsonable
from screens.form import FormScreen
from screens.specs.infinity import BUTTONS
from tests.ui.conftest import MakeApp
from tests.ui.form_helpers import settle, submit, until_ready
from widgets.action_params import ActionParamsEditor


async def _steady(pilot: Pilot[Any], screen: FormScreen) -> None:
    """No blinking cursor and no scrolling still under way when the picture is taken."""
    for widget in screen.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()


async def _create_contact(pilot: Pilot[Any], *, sent: bool) -> None:
    app: Any = pilot.app
    await until_ready(pilot, app)
    screen = FormScreen("zendesk_sell.createContact")
    app.push_screen(screen)
    await pilot.pause()
    await settle(pilot, screen)
    if sent:  # an empty person: the problem shows beside last_name, which gets the focus
        await submit(pilot, screen)
    await _steady(pilot, screen)


async def _edit_button(pilot: Pilot[Any]) -> None:
    app: Any = pilot.app
    await until_ready(pilot, app)
    got = await app.service.call("infinity.getSfButton", {"sfButtonId": "2"})
    edit = next(a for a in BUTTONS.actions if a.id == "edit")
    screen = FormScreen(
        "infinity.updateSfButton",
        prefill=edit.prefill(jsonable(got.data)),
        title="Edit: New sales lead",
    )
    app.push_screen(screen)
    await pilot.pause()
    await settle(pilot, screen)
    editor = screen.row("actionParams").editor
    assert isinstance(editor, ActionParamsEditor)
    editor.params[0].query_one(".caption", Input).focus()
    await _steady(pilot, screen)
    editor.params[0].scroll_visible(animate=False, top=True)
    await _steady(pilot, screen)


def test_create_contact_form_at_80x24(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _create_contact(pilot, sent=True)

    assert snap_compare(make_app(ui_sandbox), terminal_size=(80, 24), run_before=run_before)


def test_create_contact_form_at_120x40(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _create_contact(pilot, sent=False)

    assert snap_compare(make_app(ui_sandbox), terminal_size=(120, 40), run_before=run_before)


def test_action_params_editor_at_80x24(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    assert snap_compare(make_app(ui_sandbox), terminal_size=(80, 24), run_before=_edit_button)


def test_action_params_editor_at_120x40(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    assert snap_compare(make_app(ui_sandbox), terminal_size=(120, 40), run_before=_edit_button)
