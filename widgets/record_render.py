"""Painting for `RecordTable`: column layout, fitting text, match highlights, whole lines.

The widget gathers a `Frame` (data, styles, scroll position, cursor) once per paint and
asks it for lines; only the visible lines are ever built, and each formats just its own
cells, so a paint costs the same with 100 rows or 100,000.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from widgets.record_columns import Column
from widgets.record_store import RecordStore

CELL_PADDING = 1
"""Blank cells on each side of a column's text."""

ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class ColumnSlot:
    """Where a column is drawn: x offset in the scrollable area and its text width."""

    column: Column
    x: int
    width: int

    @property
    def span(self) -> int:
        """Cells taken including padding."""
        return self.width + 2 * CELL_PADDING

    @property
    def end(self) -> int:
        return self.x + self.span


def layout(columns: Sequence[Column], content_widths: Sequence[int]) -> list[ColumnSlot]:
    """Place the columns side by side at their fitted widths."""
    slots: list[ColumnSlot] = []
    x = 0
    for column, content in zip(columns, content_widths, strict=True):
        slot = ColumnSlot(column, x, column.fit(content))
        slots.append(slot)
        x = slot.end
    return slots


def fit(text: str, width: int, align: str = "left") -> str:
    """Text cut (with an ellipsis) or padded to exactly `width` cells."""
    if text.isascii():
        length = len(text)
        if length > width:
            return text[: width - 1] + ELLIPSIS if width > 1 else text[:width]
        pad = " " * (width - length)
        return pad + text if align == "right" else text + pad
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + ELLIPSIS if width > 1 else set_cell_size(text, 1)
    pad = " " * (width - length)
    return pad + text if align == "right" else text + pad


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Character spans of `text` where the lowercase `query` occurs, case-insensitively."""
    if not query:
        return []
    lowered = text.lower()
    if len(lowered) == len(text):
        index_of = None
    else:  # a few characters lowercase to more than one: map back per character
        index_of = []
        for index, char in enumerate(text):
            index_of.extend([index] * len(char.lower()))
        index_of.append(len(text))
    spans: list[tuple[int, int]] = []
    start = lowered.find(query)
    while start >= 0:
        end = start + len(query)
        if index_of is None:
            spans.append((start, end))
        else:
            spans.append((index_of[start], index_of[end - 1] + 1))
        start = lowered.find(query, end)
    return spans


def cell_segments(
    text: str, slot: ColumnSlot, style: Style, match_style: Style, query: str
) -> list[Segment]:
    """One padded cell, with every occurrence of `query` in the visible text highlighted."""
    padding = " " * CELL_PADDING
    shown = fit(text, slot.width, slot.column.align)
    spans = match_spans(shown, query)
    if not spans:
        return [Segment(padding + shown + padding, style)]
    segments = [Segment(padding, style)]
    position = 0
    for start, end in spans:
        if start > position:
            segments.append(Segment(shown[position:start], style))
        segments.append(Segment(shown[start:end], match_style))
        position = end
    segments.append(Segment(shown[position:] + padding, style))
    return segments


def visible(slots: Sequence[ColumnSlot], start: int, end: int) -> list[int]:
    """Indices of the column slots that overlap the cell range [start, end)."""
    return [index for index, slot in enumerate(slots) if slot.end > start and slot.x < end]


MARK_WIDTH = 2
"""Cells of the fixed mark column at the left of every line."""


@dataclass(frozen=True, slots=True)
class Frame:
    """Everything one paint of the table needs, gathered once per `render_lines`."""

    store: RecordStore
    slots: Sequence[ColumnSlot]
    base: Style
    styles: Mapping[str, Style]
    scroll_x: int
    scroll_y: int
    width: int
    window: int  # cells available to the scrolling columns
    cursor_row: int
    cursor_column: str
    zebra: bool
    mark_glyph: str
    empty_text: str

    def line(self, y: int) -> Strip:
        """Line `y` of the widget: the header, a record, the "empty" note or blank."""
        if y == 0:
            return self.header()
        index = self.scroll_y + y - 1
        if index < self.store.shown:
            return self.row(index)
        if index == 0:
            return self.empty()
        return Strip.blank(self.width, self.base)

    def row(self, index: int) -> Strip:
        store, styles = self.store, self.styles
        slot = store.view[index]
        marked = store.key(slot) in store.marks
        style = self.base
        if self.zebra and index % 2:
            style += styles["record-table--even-row"]
        if marked:
            style += styles["record-table--marked"]
        if index == self.cursor_row:
            style += styles["record-table--cursor"]
        if marked:
            mark = Segment(fit(self.mark_glyph, MARK_WIDTH), style + styles["record-table--mark"])
        else:
            mark = Segment(" " * MARK_WIDTH, style)
        texts = store.cell_texts(slot)
        match_style = style + styles["record-table--match"]
        query, slots = store.query, self.slots
        return self._compose(
            mark, style, lambda i: cell_segments(texts[i], slots[i], style, match_style, query)
        )

    def header(self) -> Strip:
        header = self.base + self.styles["record-table--header"]
        focused = header + self.styles["record-table--header-cursor"]
        sort = self.store.sort
        padding = " " * CELL_PADDING

        def cell(index: int) -> list[Segment]:
            column = self.slots[index].column
            label = column.label
            if sort is not None and sort.column == column.key:
                label = f"{label} {'▼' if sort.descending else '▲'}"
            text = padding + fit(label, self.slots[index].width, column.align) + padding
            return [Segment(text, focused if column.key == self.cursor_column else header)]

        return self._compose(Segment(" " * MARK_WIDTH, header), header, cell)

    def empty(self) -> Strip:
        query = self.store.query
        text = f"No records match “{query}”" if self.store.loaded else self.empty_text
        style = self.base + self.styles["record-table--empty"]
        return Strip([Segment(" " * MARK_WIDTH + text, style)]).adjust_cell_length(
            self.width, self.base
        )

    def _compose(self, mark: Segment, fill: Style, cell: Callable[[int], list[Segment]]) -> Strip:
        """The mark column, then the horizontally scrolled cells that fit the window."""
        start, window, slots = self.scroll_x, self.window, self.slots
        shown = visible(slots, start, start + window)
        segments = [mark]
        for index in shown:
            segments.extend(cell(index))
        used = MARK_WIDTH
        if shown:
            body = crop(segments[1:], start - slots[shown[0]].x, window)
            segments[1:] = body
            used += sum(cell_len(segment.text) for segment in body)
        if used < self.width:
            segments.append(Segment(" " * (self.width - used), fill))
        return Strip(segments, max(used, self.width))


def crop(segments: list[Segment], skip: int, width: int) -> list[Segment]:
    """The segments covering cells [skip, skip + width) (wide characters are split safely)."""
    out: list[Segment] = []
    position = 0
    end = skip + width
    for segment in segments:
        length = len(segment.text) if segment.text.isascii() else cell_len(segment.text)
        if position + length <= skip:
            position += length
            continue
        if position >= end:
            break
        if position < skip:
            segment = segment.split_cells(skip - position)[1]
            length -= skip - position
            position = skip
        if position + length > end:
            segment = segment.split_cells(end - position)[0]
            length = end - position
        out.append(segment)
        position += length
    return out
