"""What the secondary screens look like at 80x24 and 120x40, on deterministic data: help,
the command line, the journal (fixed entries), profiles (fixed settings), the Firehose
(the sandbox's seeded history) as a screen and as the Zendesk Sell pane, and the forms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from console.config.credentials import TotangoCredentials, ZendeskSellCredentials
from console.config.store import save_profile_vendor
from console.sandbox.server import EmbeddedSandbox
from screens.firehose_tail import FirehoseTail
from tests.ui.conftest import MakeApp
from tests.ui.helpers import quiet, settle_focused, steady_cursor, wait_for
from tests.ui.journal_seed import seeded_journal

SIZES = [(80, 24), (120, 40)]
size_ids = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")


@size_ids
def test_help(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp, size: tuple[int, int]
) -> None:
    async def run_before(pilot: Any) -> None:
        await settle_focused(pilot)
        await pilot.press("question_mark")

    assert snap_compare(make_app(ui_sandbox), terminal_size=size, run_before=run_before)


@size_ids
def test_command_line(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp, size: tuple[int, int]
) -> None:
    async def run_before(pilot: Any) -> None:
        await settle_focused(pilot)
        await pilot.press("colon", "c", "o")
        await pilot.pause(0.2)  # the suggestion arrives from a worker
        steady_cursor(pilot.app)

    assert snap_compare(make_app(ui_sandbox), terminal_size=size, run_before=run_before)


@size_ids
def test_journal(
    snap_compare: Any,
    ui_sandbox: EmbeddedSandbox,
    make_app: MakeApp,
    tmp_path: Path,
    size: tuple[int, int],
) -> None:
    journal = seeded_journal(tmp_path / "seeded.sqlite3")

    async def run_before(pilot: Any) -> None:
        await settle_focused(pilot)
        await quiet(pilot)
        pilot.app.service.journal = journal  # no wall-clock times or live request ids
        await pilot.press("f3")
        await wait_for(pilot, lambda: pilot.app.screen.table.loaded == 5)
        await pilot.press("down")

    try:
        assert snap_compare(make_app(ui_sandbox), terminal_size=size, run_before=run_before)
    finally:
        journal.close()


def test_journal_entry_at_80x24(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp, tmp_path: Path
) -> None:
    journal = seeded_journal(tmp_path / "seeded.sqlite3")

    async def run_before(pilot: Any) -> None:
        await settle_focused(pilot)
        pilot.app.service.journal = journal
        await pilot.press("f3")
        await wait_for(pilot, lambda: pilot.app.screen.table.loaded == 5)
        await pilot.press("down", "down", "down", "enter")

    try:
        assert snap_compare(make_app(ui_sandbox), terminal_size=(80, 24), run_before=run_before)
    finally:
        journal.close()


def _fixed_profiles() -> None:
    """Profiles with fixed URLs (the sandbox's own carry a port, which changes per run)."""
    save_profile_vendor(
        "work",
        "zendesk_sell",
        ZendeskSellCredentials(access_token="zs-token-000", refresh_token="zs-refresh-000"),
    )
    save_profile_vendor(
        "work", "totango", TotangoCredentials(region="eu", app_token="tt-token-000")
    )
    save_profile_vendor(
        "audit", "zendesk_sell", ZendeskSellCredentials(access_token="x"), read_only=True
    )


@size_ids
def test_profiles(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp, size: tuple[int, int]
) -> None:
    _fixed_profiles()

    async def run_before(pilot: Any) -> None:
        await settle_focused(pilot)
        await pilot.press("f4")
        await wait_for(pilot, lambda: len(pilot.app.screen.rows) == 3)

    assert snap_compare(make_app(ui_sandbox), terminal_size=size, run_before=run_before)


@size_ids
def test_add_vendor_form(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp, size: tuple[int, int]
) -> None:
    _fixed_profiles()

    async def run_before(pilot: Any) -> None:
        await settle_focused(pilot)
        await pilot.press("f4")
        await wait_for(pilot, lambda: len(pilot.app.screen.rows) == 3)
        await pilot.press("a")  # work has zendesk_sell and totango: salesforce is offered
        await pilot.pause(0.2)
        await pilot.press("ctrl+s")  # instance_url is required: the form says so
        steady_cursor(pilot.app)

    assert snap_compare(make_app(ui_sandbox), terminal_size=size, run_before=run_before)


async def _history(pilot: Any) -> None:
    """The tail restarted from `tail`, every stream caught up."""
    tail = pilot.app.screen.query_one(FirehoseTail)
    await pilot.press("t")
    await wait_for(
        pilot, lambda: tail.start == "tail" and len(tail.positions) == 6 and not tail.behind
    )
    await wait_for(pilot, lambda: tail.table.loaded > 0)


@size_ids
def test_firehose_screen(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp, size: tuple[int, int]
) -> None:
    async def run_before(pilot: Any) -> None:
        await settle_focused(pilot)
        await pilot.press("f5")
        await _history(pilot)
        await pilot.press("down", "down")

    assert snap_compare(make_app(ui_sandbox), terminal_size=size, run_before=run_before)


@size_ids
def test_firehose_pane(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp, size: tuple[int, int]
) -> None:
    async def run_before(pilot: Any) -> None:
        await settle_focused(pilot)
        await pilot.press("left_square_bracket")  # Contacts -> round to the Firehose pane
        await wait_for(pilot, lambda: bool(pilot.app.screen.query(FirehoseTail)))
        await _history(pilot)
        await pilot.press("e", "e")  # only the updates (deal stage changes)

    assert snap_compare(make_app(ui_sandbox), terminal_size=size, run_before=run_before)
