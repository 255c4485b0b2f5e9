"""Messages posted by `RecordTable` (also reachable as `RecordTable.RowHighlighted` etc.).

They are declared in the `record_table` namespace, so handlers are named like nested
messages: `on_record_table_row_highlighted`, `on_record_table_marks_changed`, ...
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from textual.message import Message

from widgets.record_columns import Row

if TYPE_CHECKING:
    from widgets.record_view import RecordView


class _RowMessage(Message):
    """A message about one record.

    Attributes:
        key: The record's key.
        row: The record as it was given to the table.
        cursor_row: Its index among the shown records.
    """

    def __init__(self, table: RecordView, key: Hashable, row: Row, cursor_row: int) -> None:
        super().__init__()
        self.table = table
        self.key = key
        self.row = row
        self.cursor_row = cursor_row

    @property
    def control(self) -> RecordView:
        """The table that posted this message."""
        return self.table


class RowHighlighted(_RowMessage, namespace="record_table"):
    """The cursor is on a different record (by moving, filtering, sorting or loading).

    Handle with `on_record_table_row_highlighted`; attributes `key`, `row`, `cursor_row`.
    """


class RowSelected(_RowMessage, namespace="record_table"):
    """The record under the cursor was chosen (enter, or a double click).

    Handle with `on_record_table_row_selected`; attributes `key`, `row`, `cursor_row`.
    """


class MarksChanged(Message, namespace="record_table"):
    """Records were marked or unmarked.

    Handle with `on_record_table_marks_changed`; read `RecordTable.marked_keys()` for which.

    Attributes:
        marked: How many records are marked now.
    """

    def __init__(self, table: RecordView, marked: int) -> None:
        super().__init__()
        self.table = table
        self.marked = marked

    @property
    def control(self) -> RecordView:
        """The table that posted this message."""
        return self.table


class CountsChanged(Message, namespace="record_table"):
    """Loaded, shown or marked counts (or the filter) changed: time to retitle.

    Handle with `on_record_table_counts_changed`; `RecordTable.counts_label(title)` formats
    "Contacts 1,234 of 100,000 loaded (filter: acme)".

    Attributes:
        loaded: Records held.
        shown: Records that pass the filter.
        marked: Records marked.
        filter_text: The filter in force ("" when none).
    """

    def __init__(
        self, table: RecordView, loaded: int, shown: int, marked: int, filter_text: str
    ) -> None:
        super().__init__()
        self.table = table
        self.loaded = loaded
        self.shown = shown
        self.marked = marked
        self.filter_text = filter_text

    @property
    def control(self) -> RecordView:
        """The table that posted this message."""
        return self.table


class RowsPainted(Message, namespace="record_table"):
    """The table's first frame with records in it was painted (posted once per table).

    Handle with `on_record_table_rows_painted`. The console opens its session only then, so
    that the session's thread does not slow the frame a user is waiting for.
    """

    def __init__(self, table: RecordView) -> None:
        super().__init__()
        self.table = table

    @property
    def control(self) -> RecordView:
        """The table that posted this message."""
        return self.table
