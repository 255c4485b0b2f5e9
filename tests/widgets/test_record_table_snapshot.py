"""What the table looks like at 80x24: header, sort arrow, marks, filter highlight, cursor."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.widgets.helpers import TableApp, make_rows


def test_record_table_at_80x24(snap_compare: Any) -> None:
    async def narrow_sort_and_mark(pilot: Pilot[None]) -> None:
        table = pilot.app.query_one("RecordTable")
        table.filter("acme")  # type: ignore[attr-defined]
        await pilot.press("right", "s", "down", "space", "down", "shift+down", "down")

    assert snap_compare(
        TableApp(make_rows(24), zebra_stripes=True),
        terminal_size=(80, 24),
        run_before=narrow_sort_and_mark,
    )
