"""Opening a generated form on a running console and waiting for what it loads."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select
from textual.worker import WorkerState

from screens.app import ConsoleApp
from screens.form import FormScreen
from screens.main import MainScreen
from widgets.form_field import FieldRow
from widgets.picker import PickerEditor


async def until_ready(pilot: Pilot[Any], app: ConsoleApp) -> None:
    """The session is open and the first list has its rows (the screen behind stays still)."""
    for _ in range(500):
        await pilot.pause(0.02)
        if app.ready and isinstance(app.screen, MainScreen):
            view = app.screen.current_view().active_list()
            if view is not None and view.table.loaded and not view._loading:
                return
    raise AssertionError("the console never became ready")


async def settle(pilot: Pilot[Any], screen: FormScreen) -> None:
    """Every worker the form started (pickers, sending) has finished (or never started)."""
    busy = (WorkerState.PENDING, WorkerState.RUNNING)
    for _ in range(750):
        await pilot.pause(0.02)
        running = [w for w in screen.app.workers if w.node is screen and w.state in busy]
        if not running and not screen.sending:
            return
    raise AssertionError("the form's workers never finished")


async def submit(pilot: Pilot[Any], screen: FormScreen, key: str = "ctrl+s") -> None:
    """Press the send key and wait for its outcome: problems, a refusal, an answer, or closing."""
    before = screen.attempts
    await pilot.press(key)
    for _ in range(750):
        if screen.attempts > before or screen not in screen.app.screen_stack:
            break
        await pilot.pause(0.02)
    else:
        raise AssertionError("the form never answered")
    await settle(pilot, screen)


async def open_form(
    pilot: Pilot[Any], app: ConsoleApp, endpoint_id: str, **kwargs: Any
) -> tuple[FormScreen, list[Any]]:
    """Push a FormScreen; the list collects what it is dismissed with."""
    await until_ready(pilot, app)
    screen = FormScreen(endpoint_id, **kwargs)
    results: list[Any] = []
    app.push_screen(screen, callback=results.append)
    await pilot.pause()
    await settle(pilot, screen)
    return screen, results


def editor_input(row: FieldRow) -> Input:
    editor = row.editor
    if isinstance(editor, PickerEditor):
        return editor.input
    assert isinstance(editor, Input), f"{row.spec.name} has no Input"
    return editor


async def type_into(pilot: Pilot[Any], row: FieldRow, text: str) -> None:
    """Focus a field's input and type, as a person would."""
    editor_input(row).focus()
    await pilot.pause()
    await pilot.press(*text)


def picker_options(row: FieldRow) -> list[tuple[str, str]]:
    editor = row.editor
    assert isinstance(editor, PickerEditor)
    return list(editor.options)


def select_of(row: FieldRow) -> Select[Any]:
    editor = row.editor
    if isinstance(editor, PickerEditor):
        return editor.select
    assert isinstance(editor, Select)
    return editor
