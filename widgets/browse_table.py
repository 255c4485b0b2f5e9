"""`BrowseTable`: a `RecordTable` for reading (journal, profiles, Firehose events) — no marks.

Marking rows only means something where bulk actions exist; elsewhere the mark keys would
crowd the footer and do nothing, so this table keeps the moving, opening, sorting keys
(with their ids) and leaves the marking ones out.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.binding import Binding, BindingType

from widgets.record_table import RecordTable

MARK_IDS = {
    "record_table.toggle_mark",
    "record_table.extend_down",
    "record_table.extend_up",
    "record_table.mark_all",
    "record_table.clear_marks",
}
QUIET_IDS = {"record_table.sort"}  # kept, but not in the footer


def _browse_bindings() -> list[BindingType]:
    out: list[BindingType] = []
    for binding in RecordTable.BINDINGS:
        assert isinstance(binding, Binding)
        if binding.id in MARK_IDS:
            continue
        out.append(replace(binding, show=False) if binding.id in QUIET_IDS else binding)
    return out


class BrowseTable(RecordTable, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = _browse_bindings()

    help_group = "table"
