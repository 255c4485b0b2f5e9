"""`RecordTable`: the searchable, sortable, markable list of vendor records.

Why our own line-API widget rather than a table library
-------------------------------------------------------
Measured with `bench/table_bench.py` (100,000 contacts, 2-core machine, headless):

| | RecordTable | textual-fastdatatable | DataTable (10k rows) |
| :- | -: | -: | -: |
| rows in -> painted | ~0.6 s | ~0.8 s | ~3.3 s (x10: ~33 s) |
| filter keystroke -> painted, median | ~18 ms | ~80 ms (filter + remount) | ~0.6 s (rebuild) |
| memory added | ~62 MiB | ~88 MiB + pyarrow (170 MB disk) | ~16 MiB (x10: ~160) |

`DataTable` measures and caches every cell as rows arrive. `textual-fastdatatable` loads
fast from a pyarrow table, but it has no filter (nor `clear()`: a narrower table means a
new widget), no marks, no update by key, no match highlighting, and pulls in pyarrow. A
`ScrollView` that paints only the visible lines (`RecordView`) over a plain-Python
`RecordStore` (one precomputed lowercase search string per row) meets the budget with
room to spare and gives full control of cursor, marks and highlights.

A line: a fixed two-cell mark column (`●` on marked rows, so marks show without colour
too), then the columns, scrolled horizontally to keep the focused column in view. Line 0
is the header: the focused column is highlighted, the sorted one carries ▲ or ▼.

Messages: `RowHighlighted`, `RowSelected` (enter, double click), `MarksChanged`,
`CountsChanged` (retitle with `counts_label("Contacts")`).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType

from widgets.record_messages import (
    CountsChanged,
    MarksChanged,
    RowHighlighted,
    RowSelected,
    RowsPainted,
)
from widgets.record_view import RecordView


class RecordTable(RecordView, can_focus=True):
    """A virtualized list of records with filter, sort and marks; see the module docstring."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "up,k",
            "cursor_up",
            "Up",
            show=False,
            id="record_table.cursor_up",
            tooltip="Move the cursor to the previous record",
        ),
        Binding(
            "down,j",
            "cursor_down",
            "Down",
            show=False,
            id="record_table.cursor_down",
            tooltip="Move the cursor to the next record",
        ),
        Binding(
            "pageup,ctrl+u",
            "page_up",
            "Page up",
            show=False,
            id="record_table.page_up",
            tooltip="Move the cursor one screen up",
        ),
        Binding(
            "pagedown,ctrl+d",
            "page_down",
            "Page down",
            show=False,
            id="record_table.page_down",
            tooltip="Move the cursor one screen down",
        ),
        Binding(
            "home,g,ctrl+home",
            "first",
            "First",
            show=False,
            id="record_table.first",
            tooltip="Move the cursor to the first record",
        ),
        Binding(
            "end,G,ctrl+end",
            "last",
            "Last",
            show=False,
            id="record_table.last",
            tooltip="Move the cursor to the last record",
        ),
        Binding(
            "left,h",
            "column_left",
            "Column left",
            show=False,
            id="record_table.column_left",
            tooltip="Focus the column to the left",
        ),
        Binding(
            "right,l",
            "column_right",
            "Column right",
            show=False,
            id="record_table.column_right",
            tooltip="Focus the column to the right",
        ),
        Binding(
            "enter",
            "select",
            "Open",
            id="record_table.select",
            tooltip="Open the record under the cursor",
        ),
        Binding(
            "space,x,insert",
            "toggle_mark",
            "Mark",
            id="record_table.toggle_mark",
            tooltip="Mark or unmark the record under the cursor",
        ),
        Binding(
            "shift+down,J",
            "extend_down",
            "Mark down",
            show=False,
            id="record_table.extend_down",
            tooltip="Extend the marked range downwards",
        ),
        Binding(
            "shift+up,K",
            "extend_up",
            "Mark up",
            show=False,
            id="record_table.extend_up",
            tooltip="Extend the marked range upwards",
        ),
        Binding(
            "asterisk,f7",
            "mark_all",
            "Mark all",
            show=False,
            key_display="*",
            id="record_table.mark_all",
            tooltip="Mark every record the filter shows",
        ),
        Binding(
            "u,f8",
            "clear_marks",
            "Unmark",
            show=False,
            id="record_table.clear_marks",
            tooltip="Clear all marks",
        ),
        Binding(
            "s,f6",
            "sort",
            "Sort",
            show=False,
            id="record_table.sort",
            tooltip="Sort by the focused column: ascending, descending, off",
        ),
        Binding(
            "S,shift+f6",
            "reverse_sort",
            "Reverse",
            show=False,
            id="record_table.reverse_sort",
            tooltip="Reverse the sort direction",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k | Move the cursor to the previous record. |
    | down, j | Move the cursor to the next record. |
    | pageup, ctrl+u | Move the cursor one screen up. |
    | pagedown, ctrl+d | Move the cursor one screen down. |
    | home, g, ctrl+home | Move the cursor to the first record. |
    | end, G, ctrl+end | Move the cursor to the last record. |
    | left, h | Focus the column to the left (scrolls horizontally). |
    | right, l | Focus the column to the right (scrolls horizontally). |
    | enter | Select the record under the cursor (posts `RowSelected`). |
    | space, x, insert | Mark or unmark the record under the cursor. |
    | shift+down, J | Extend the marked range downwards (moving back shrinks it). |
    | shift+up, K | Extend the marked range upwards (moving back shrinks it). |
    | \\*, f7 | Mark every record the filter shows. |
    | u, f8 | Clear all marks. |
    | s, f6 | Sort by the focused column: ascending, then descending, then off. |
    | S, shift+f6 | Reverse the sort direction (sorts the focused column if unsorted). |

    The letter and F-key alternatives are for terminals and tmux set-ups that swallow
    shift+arrows, home/end or page keys. Every binding has an `id` for `App.set_keymap`.
    """

    DEFAULT_CSS = """
    RecordTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        scrollbar-size-vertical: 1;

        & > .record-table--header {
            background: $panel;
            color: $foreground;
            text-style: bold;
        }
        & > .record-table--header-cursor {
            background: $panel;
            color: $text-accent;
            text-style: bold underline;
        }
        & > .record-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .record-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .record-table--marked {
            background: $secondary-muted;
            color: $foreground;
        }
        & > .record-table--mark {
            color: $foreground;
            text-style: bold;
        }
        & > .record-table--match {
            background: $warning-muted;
            color: $text-warning;
            text-style: bold;
        }
        &:ansi > .record-table--match {
            background: $background;
            color: $warning;
            text-style: bold reverse;
        }
        & > .record-table--empty {
            color: $text-muted;
            text-style: italic;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .record-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .record-table--header-cursor {
                background: $accent;
                color: $foreground;
            }
        }
    }
    """

    RowHighlighted = RowHighlighted
    RowSelected = RowSelected
    MarksChanged = MarksChanged
    CountsChanged = CountsChanged
    RowsPainted = RowsPainted

    # ---------------------------------------------------------------- keys and mouse
    def action_cursor_up(self) -> None:
        self.cursor_row -= 1

    def action_cursor_down(self) -> None:
        self.cursor_row += 1

    def action_page_up(self) -> None:
        self.cursor_row -= self._page_rows()

    def action_page_down(self) -> None:
        self.cursor_row += self._page_rows()

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = max(0, self.shown - 1)

    def action_column_left(self) -> None:
        self.cursor_column -= 1

    def action_column_right(self) -> None:
        self.cursor_column += 1

    def action_select(self) -> None:
        key, row = self.cursor_key, self.cursor_record
        if row is not None:
            self.post_message(RowSelected(self, key, row, self.cursor_row))

    def action_toggle_mark(self) -> None:
        if not self.shown:
            return
        self._store.toggle_mark(self.cursor_key)
        self._anchor = None
        self._refresh_index(self.cursor_row)
        self._marks_changed()

    def action_extend_down(self) -> None:
        self._extend(1)

    def action_extend_up(self) -> None:
        self._extend(-1)

    def action_mark_all(self) -> None:
        before = self.marked
        self._store.mark_shown()
        self._anchor = None
        if self.marked != before:
            self.refresh()
            self._marks_changed()

    def action_clear_marks(self) -> None:
        self._anchor = None
        if self._store.marks:
            self._store.marks.clear()
            self.refresh()
            self._marks_changed()

    def action_sort(self) -> None:
        """Cycle the focused column: ascending, descending, unsorted."""
        column = self.columns[self.cursor_column].key
        sort = self.sort
        if sort is None or sort.column != column:
            self.sort_by(column)
        elif not sort.descending:
            self.sort_by(column, descending=True)
        else:
            self.sort_by(None)

    def action_reverse_sort(self) -> None:
        sort = self.sort
        if sort is None:
            self.sort_by(self.columns[self.cursor_column].key, descending=True)
        else:
            self.sort_by(sort.column, descending=not sort.descending)

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            slot = self._slot_at(offset.x)
            if slot is not None:
                self.cursor_column = self._slots.index(slot)
                self.action_sort()
            return
        index = round(self.scroll_offset.y) + offset.y - 1
        if index < self.shown:
            self.cursor_row = index
            if event.chain == 2:
                self.action_select()

    def _extend(self, step: int) -> None:
        """Shift+arrow: mark from the anchor to the cursor; moving back unmarks."""
        if not self.shown:
            return
        store = self._store
        marks = set(store.marks)
        if self._anchor is None:
            self._anchor = self.cursor_row
            self._anchor_marks = marks
            store.marks.add(store.key(store.view[self.cursor_row]))
        old = self.cursor_row
        new = self.validate_cursor_row(old + step)
        if abs(new - self._anchor) > abs(old - self._anchor):  # growing: mark the new row
            store.marks.add(store.key(store.view[new]))
        elif new != old:  # shrinking: the row left behind goes back to how it was
            key = store.key(store.view[old])
            if key not in self._anchor_marks:
                store.marks.discard(key)
        self._extending = True
        try:
            self.cursor_row = new
        finally:
            self._extending = False
        if store.marks != marks:
            self._refresh_index(old)
            self._marks_changed()
