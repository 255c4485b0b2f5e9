"""The journal screen (F3): newest first, outcome filter, instant filter, details, copy id."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.journal import Journal
from console.sandbox.server import EmbeddedSandbox
from screens.journal import JournalScreen
from screens.record_modal import RecordModal
from tests.ui.conftest import MakeApp
from tests.ui.helpers import painted_text, quiet, settle_focused, wait_for
from tests.ui.journal_seed import seeded_journal


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    seeded = seeded_journal(tmp_path / "seeded.sqlite3")
    yield seeded
    seeded.close()


async def open_journal(pilot: Any, journal: Journal) -> JournalScreen:
    await settle_focused(pilot)
    await quiet(pilot)
    pilot.app.service.journal = journal  # only the fixed entries, whatever the lists did
    await pilot.press("f3")
    screen = pilot.app.screen
    assert isinstance(screen, JournalScreen)
    await wait_for(pilot, lambda: screen.table.loaded == 5)
    return screen


def endpoints(screen: JournalScreen) -> list[str]:
    table = screen.table
    return [str(table._store.row(slot)["endpoint"]) for slot in table._store.view]  # type: ignore[index]


async def test_newest_first_outcome_filter_and_instant_filter(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp, journal: Journal
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_journal(pilot, journal)
        assert endpoints(screen)[0] == "totango.searchAccounts"
        assert endpoints(screen)[-1] == "zendesk_sell.listContacts"
        await pilot.press("o")  # problems: everything but ok
        await wait_for(pilot, lambda: screen.table.loaded == 3)
        assert screen.outcome == "problems"
        await pilot.press("o")
        await wait_for(pilot, lambda: screen.table.loaded == 1)
        assert endpoints(screen) == ["zendesk_sell.updateContact"]
        await pilot.press("O", "O")  # back to all
        await wait_for(pilot, lambda: screen.table.loaded == 5)
        await pilot.press("slash", *"skip")
        assert screen.table.shown == 1
        assert endpoints(screen) == ["salesforce.skipStep"]
        await pilot.press("escape")
        assert screen.table.shown == 5
        await pilot.press("escape")
        assert not isinstance(app.screen, JournalScreen)


async def test_enter_shows_redacted_inputs_and_error_and_y_copies_the_request_id(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp, journal: Journal
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_journal(pilot, journal)
        await pilot.press("down", "down", "down")  # the failed update
        await pilot.press("y")
        assert app.clipboard == "req-0002-update"
        await pilot.press("enter")
        modal = app.screen
        assert isinstance(modal, RecordModal)
        shown = painted_text(app)
        assert "not-an-email" in shown
        assert "access_token ***" in shown  # as the service journaled it: masked
        assert "email is not a valid address" in shown
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.current() is not None
        assert screen.current().request_id == "req-0002-update"  # type: ignore[union-attr]
        await pilot.press("up")  # the refused call has no request id
        await pilot.press("y")
        assert app.clipboard == "req-0002-update"


async def test_f3_twice_is_one_journal_and_it_rereads_on_return(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp, journal: Journal
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_journal(pilot, journal)
        await pilot.press("f3")
        assert app.screen is screen
        assert sum(isinstance(s, JournalScreen) for s in app.screen_stack) == 1
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: screen.table.loaded == 5)
