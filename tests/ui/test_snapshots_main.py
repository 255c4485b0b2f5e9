"""What a person sees on the main screen, per vendor, at 80x24 and 120x40."""

from __future__ import annotations

from typing import Any

import pytest

from console.sandbox.server import EmbeddedSandbox
from tests.ui.conftest import MakeApp
from tests.ui.helpers import settle

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    "vendor_key", ["2", "1", "3", "4"], ids=["zendesk_sell", "salesforce", "infinity", "totango"]
)
def test_vendor_tab(
    snap_compare: Any,
    ui_sandbox: EmbeddedSandbox,
    make_app: MakeApp,
    vendor_key: str,
    size: tuple[int, int],
) -> None:
    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press(vendor_key)
        await settle(pilot)

    assert snap_compare(make_app(ui_sandbox), terminal_size=size, run_before=run_before)


def test_detail_zoom_at_80x24(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("down", "enter")
        await pilot.pause(0.3)

    assert snap_compare(make_app(ui_sandbox), terminal_size=(80, 24), run_before=run_before)


def test_read_only_banner(
    snap_compare: Any, ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    async def run_before(pilot: Any) -> None:
        await settle(pilot)

    app = make_app(ui_sandbox, read_only=True)
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
