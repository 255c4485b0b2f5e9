"""`RecordView`: the data-bound, virtualized scroll view under `RecordTable`.

It owns the records (a `RecordStore`), the cursor and the paint; `RecordTable` adds the
key bindings, the mouse and the CSS. Only the lines on screen are built: `render_lines`
gathers a `Frame` once per paint and each visible line formats just its own cells, so
painting costs the same with 100 rows or 100,000. Line 0 is the header; the rows under it
scroll vertically, the columns right of the fixed mark column scroll horizontally.

The owning screen reads `loaded`, `shown` and `marked` (or handles `CountsChanged`) to
title the list: `counts_label("Contacts")` -> "Contacts 1,234 of 100,000 loaded (filter: x)".
After loading a very large list it may call `gc.freeze()`: the collector then stops
rescanning the long-lived rows, which otherwise costs ~50 ms on an occasional keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import ClassVar

from rich.style import Style
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from widgets.record_columns import Column, Row
from widgets.record_messages import CountsChanged, MarksChanged, RowHighlighted, RowsPainted
from widgets.record_render import MARK_WIDTH, ColumnSlot, Frame, layout
from widgets.record_store import RecordStore, SortState


class RecordView(ScrollView):
    """Records, cursor, filter, sort, marks and painting; see the module docstring."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "record-table--header",
        "record-table--header-cursor",
        "record-table--cursor",
        "record-table--even-row",
        "record-table--marked",
        "record-table--mark",
        "record-table--match",
        "record-table--empty",
    }
    """
    | Class | Description |
    | :- | :- |
    | `record-table--header` | The header line. |
    | `record-table--header-cursor` | The focused column's header. |
    | `record-table--cursor` | The line under the cursor. |
    | `record-table--even-row` | Every other line, when `zebra_stripes` is on. |
    | `record-table--marked` | Marked lines. |
    | `record-table--mark` | The mark glyph of marked lines. |
    | `record-table--match` | Text that matches the filter. |
    | `record-table--empty` | The "no records" line. |
    """

    cursor_row: reactive[int] = reactive(0, init=False)
    """Index of the highlighted record among the shown (filtered, sorted) records."""

    cursor_column: reactive[int] = reactive(0, init=False)
    """Index of the focused column: sort acts on it and the view scrolls to show it."""

    zebra_stripes: reactive[bool] = reactive(False)
    """Shade every other line."""

    MARK_GLYPH: ClassVar[str] = "●"
    """Drawn in the mark column of marked records (set to `*` for pure-ASCII terminals)."""

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        key: str | int | Callable[[Row], Hashable] = "id",
        zebra_stripes: bool = False,
        empty_text: str = "No records",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        """Make an empty table.

        Args:
            columns: What to show, in order (see `Column`).
            key: How to identify a row: a mapping key (default "id", resolved to a position
                for sequence rows), a position, or a callable.
            zebra_stripes: Shade every other line.
            empty_text: Shown when no record is loaded.
            name: The name of the widget.
            id: The ID of the widget in the DOM.
            classes: The CSS classes of the widget.
            disabled: Whether the widget is disabled.
        """
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._store = RecordStore(columns, key)
        self._slots: list[ColumnSlot] = layout(self._store.columns, self._store.content_widths)
        self._empty_text = empty_text
        self._highlighted: Hashable | None = None
        self._anchor: int | None = None  # first row of a shift+arrow range
        self._anchor_marks: set[Hashable] = set()  # marks held before that range began
        self._extending = False
        self._last_counts: tuple[int, int, int, str] | None = None
        self._styles: dict[str, Style] = {}
        self._styles_key: tuple[Style, bool] | None = None
        self._frame: Frame | None = None
        self.rows_painted = False  # a frame with records in it was painted
        self.set_reactive(RecordView.zebra_stripes, zebra_stripes)

    # --------------------------------------------------------- counts and data
    @property
    def empty_text(self) -> str:
        """The line shown when no record is loaded."""
        return self._empty_text

    @empty_text.setter
    def empty_text(self, text: str) -> None:
        if text != self._empty_text:
            self._empty_text = text
            if not self.loaded:
                self.refresh()

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._store.columns

    @property
    def loaded(self) -> int:
        """Records held, whatever the filter."""
        return self._store.loaded

    @property
    def shown(self) -> int:
        """Records that pass the filter."""
        return self._store.shown

    @property
    def marked(self) -> int:
        """Marked records (marks survive filtering, so some may be hidden)."""
        return len(self._store.marks)

    @property
    def filter_text(self) -> str:
        """The filter in force, lowercased ("" when none)."""
        return self._store.query

    @property
    def sort(self) -> SortState | None:
        """The sort in force (None: arrival order)."""
        return self._store.sort

    @property
    def cursor_key(self) -> Hashable | None:
        """Key of the record under the cursor (None when nothing is shown)."""
        store = self._store
        return store.key(store.view[self.cursor_row]) if store.view else None

    @property
    def cursor_record(self) -> Row | None:
        """The record under the cursor (None when nothing is shown)."""
        store = self._store
        return store.row(store.view[self.cursor_row]) if store.view else None

    def get_row(self, key: Hashable) -> Row | None:
        """The loaded record with this key."""
        return self._store.get(key)

    def marked_keys(self) -> list[Hashable]:
        """Keys of the marked records in display order (hidden ones included)."""
        return self._store.marked_keys()

    def counts_label(self, title: str, total: int | None = None) -> str:
        """A title such as "Contacts 1,234 of 100,000 loaded (filter: acme) · 3 marked".

        Without a filter: "Contacts 100 loaded", or "Contacts 100 of 3,000 loaded" when the
        vendor said how many there are in all (`total`).
        """
        loaded = f"{self.loaded:,}" if total is None else f"{self.loaded:,} of {total:,}"
        if self.filter_text:
            text = f"{title} {self.shown:,} of {loaded} loaded (filter: {self.filter_text})"
        else:
            text = f"{title} {loaded} loaded"
        if self.marked:
            text += f" · {self.marked:,} marked"
        return text

    def add_rows(self, rows: Iterable[Row]) -> int:
        """Append records (e.g. a page as it arrives); a known key updates that record.

        Returns how many records were new.
        """
        added, _updated = self._store.add(rows)
        self._data_changed(keep_key=True)
        return added

    def set_rows(self, rows: Iterable[Row]) -> None:
        """Replace every record (marks are cleared; filter and sort stay in force)."""
        had_marks = bool(self._store.marks)
        self._store.replace(rows)
        self._data_changed(keep_key=False)
        if had_marks:
            self.post_message(MarksChanged(self, 0))

    def clear(self) -> None:
        """Remove every record."""
        self.set_rows([])

    def update_row(self, row: Row) -> bool:
        """Replace the record with the same key (e.g. after an action refreshed it).

        Returns False (and changes nothing) if no record has that key.
        """
        if not self._store.update(row):
            return False
        self._data_changed(keep_key=True)
        return True

    def remove_rows(self, keys: Iterable[Hashable]) -> int:
        """Remove records by key (unknown keys are ignored); returns how many went."""
        marked = self.marked
        index = self.cursor_row
        removed = self._store.remove(keys)
        if removed:
            self._data_changed(keep_key=True, fallback_index=index)
            if self.marked != marked:
                self.post_message(MarksChanged(self, self.marked))
        return removed

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Show different columns (search text is rebuilt; marks are kept)."""
        self._store.set_columns(columns)
        self.cursor_column = min(self.cursor_column, len(columns) - 1)
        self._data_changed(keep_key=True)

    # --------------------------------------------------------- filter and sort
    def filter(self, text: str) -> int:
        """Show only records whose displayed text contains `text` (any case).

        The cursor stays on its record if that record still shows, else goes to the top.
        Returns how many records show.
        """
        if self._store.filter(text):
            self._data_changed(keep_key=True, fallback_index=0)
        return self.shown

    def sort_by(self, column: str | None, descending: bool = False) -> None:
        """Sort by a column key (stable), or None for arrival order; the cursor keeps its
        record."""
        self._store.sort_by(column, descending)
        self._data_changed(keep_key=True)

    def move_cursor_to(self, key: Hashable) -> bool:
        """Put the cursor on the record with this key; False if it is not shown."""
        index = self._store.index_in_view(key)
        if index is None:
            return False
        self.cursor_row = index
        return True

    # --------------------------------------------------------------- reactives
    def validate_cursor_row(self, value: int) -> int:
        return max(0, min(value, self.shown - 1))

    def validate_cursor_column(self, value: int) -> int:
        return max(0, min(value, len(self.columns) - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        if not self._extending:
            self._anchor = None
        self._refresh_index(old)
        self._refresh_index(new)
        self._scroll_to_cursor()
        self._announce_highlight()

    def watch_cursor_column(self) -> None:
        self._scroll_to_column()
        self._refresh_header()

    def watch_zebra_stripes(self) -> None:
        self.refresh()

    # ---------------------------------------------------------------- painting
    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame = self._make_frame()
        if not self.rows_painted and self._store.loaded:
            self.rows_painted = True
            self.post_message(RowsPainted(self))  # handled once this frame is done
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        frame = self._frame if self._frame is not None else self._make_frame()
        return frame.line(y)

    def _make_frame(self) -> Frame:
        """Gather what painting needs once per paint (styles are cached between paints)."""
        base = self.rich_style
        if self._styles_key != (base, self.has_focus):
            get = self.get_component_rich_style
            self._styles = {name: get(name) for name in self.COMPONENT_CLASSES}
            # the glyph keeps its line's background: take only its own colour and weight
            self._styles["record-table--mark"] = get("record-table--mark", partial=True)
            self._styles_key = (base, self.has_focus)
        scroll_x, scroll_y = self.scroll_offset
        return Frame(
            store=self._store,
            slots=self._slots,
            base=base,
            styles=self._styles,
            scroll_x=scroll_x,
            scroll_y=scroll_y,
            width=self.size.width,
            window=max(0, self.scrollable_content_region.width - MARK_WIDTH),
            cursor_row=self.cursor_row,
            cursor_column=self.columns[self.cursor_column].key,
            zebra=self.zebra_stripes,
            mark_glyph=self.MARK_GLYPH,
            empty_text=self._empty_text,
        )

    def notify_style_update(self) -> None:
        self._styles_key = None
        super().notify_style_update()

    # ------------------------------------------------------------------ events
    def on_focus(self) -> None:
        self._styles_key = None
        self.refresh()

    def on_blur(self) -> None:
        self._styles_key = None
        self.refresh()

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    # --------------------------------------------------------------- internals
    def _data_changed(self, *, keep_key: bool, fallback_index: int | None = None) -> None:
        """Re-lay out after the store changed; keep the cursor on its record if asked."""
        self._anchor = None
        self._slots = layout(self._store.columns, self._store.content_widths)
        total = MARK_WIDTH + (self._slots[-1].end if self._slots else 0)
        self.virtual_size = Size(total, max(self.shown, 1) + 1)  # header + rows (or "empty")
        index = None
        if keep_key and self._highlighted is not None:
            index = self._store.index_in_view(self._highlighted)
        if index is None:
            index = self.cursor_row if fallback_index is None else fallback_index
        self.set_reactive(RecordView.cursor_row, self.validate_cursor_row(index))
        self.refresh()
        self._scroll_to_cursor()
        self._announce_highlight()
        self._announce_counts()

    def _marks_changed(self) -> None:
        self.post_message(MarksChanged(self, self.marked))
        self._announce_counts()

    def _announce_highlight(self) -> None:
        key, row = self.cursor_key, self.cursor_record
        if row is None or key == self._highlighted:
            self._highlighted = key
            return
        self._highlighted = key
        self.post_message(RowHighlighted(self, key, row, self.cursor_row))

    def _announce_counts(self) -> None:
        counts = (self.loaded, self.shown, self.marked, self.filter_text)
        if counts != self._last_counts:
            self._last_counts = counts
            self.post_message(CountsChanged(self, *counts))

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        rows = self._page_rows()
        top = round(self.scroll_offset.y)
        cursor = self.cursor_row
        if cursor < top:
            self.scroll_to(y=cursor, animate=False, force=True)
        elif cursor >= top + rows:
            self.scroll_to(y=cursor - rows + 1, animate=False, force=True)

    def _scroll_to_column(self) -> None:
        slot = self._slots[self.cursor_column]
        window = max(1, self.scrollable_content_region.width - MARK_WIDTH)
        start = round(self.scroll_offset.x)
        if slot.x < start or slot.span > window:
            self.scroll_to(x=slot.x, animate=False, force=True)
        elif slot.end > start + window:
            self.scroll_to(x=slot.end - window, animate=False, force=True)

    def _slot_at(self, x: int) -> ColumnSlot | None:
        if x < MARK_WIDTH:
            return None
        position = x - MARK_WIDTH + round(self.scroll_offset.x)
        return next((s for s in self._slots if s.x <= position < s.end), None)

    def _refresh_index(self, index: int) -> None:
        y = index - round(self.scroll_offset.y) + 1
        if 1 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _refresh_header(self) -> None:
        self.refresh(Region(0, 0, self.size.width, 1))
