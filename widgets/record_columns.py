"""Columns of a `RecordTable`: what each shows, how wide, how it formats and sorts.

A `Column` is plain data. Its `formatter` turns a raw value into the one-line text that is
both displayed and searched; its optional `sort_key` orders raw values (by default numbers
sort numerically, text case-insensitively, and missing values always last).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from operator import itemgetter
from typing import Any, Literal

from rich.cells import cell_len

Row = Mapping[str, Any] | Sequence[Any]
"""A record: a mapping of column key to value, or a sequence in column order."""

Formatter = Callable[[Any], str]
"""Turns a raw cell value into display text."""

SortKey = tuple[int, Any, int]
"""A comparable, unique key: (type rank, comparable value, signed arrival number)."""

MISSING = 9
"""Type rank of a missing value (None, NaN, empty text)."""


@dataclass(frozen=True, slots=True)
class Column:
    """One displayed (and searched) column of a `RecordTable`.

    Attributes:
        key: Mapping key of the value in each row (or the column's name for sequence rows).
        label: Header text; defaults to the key in title case.
        width: Fixed width in cells; `None` sizes to the content within min/max width.
        min_width: Smallest automatic width.
        max_width: Largest automatic width (longer text is cut with an ellipsis).
        formatter: Raw value -> display text; the default handles None, bools, numbers,
            lists and control characters.
        align: Text alignment inside the cell.
        searchable: Whether `filter()` looks at this column.
        sort_key: Raw value -> comparable value, for columns whose natural order differs
            from their values' (values must be mutually comparable; None sorts last).
    """

    key: str
    label: str = ""
    width: int | None = None
    min_width: int = 3
    max_width: int = 40
    formatter: Formatter | None = None
    align: Literal["left", "right"] = "left"
    searchable: bool = True
    sort_key: Callable[[Any], Any] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.key.replace("_", " ").title())
        if self.width is not None and self.width < 1:
            raise ValueError(f"column {self.key!r}: width must be at least 1")
        if self.min_width < 1 or self.max_width < self.min_width:
            raise ValueError(f"column {self.key!r}: need 1 <= min_width <= max_width")

    def fit(self, content_width: int, indicator: int = 2) -> int:
        """The width to draw this column at, given the widest content seen so far.

        `indicator` leaves room after the label for the sort arrow.
        """
        if self.width is not None:
            return self.width
        wanted = max(content_width, cell_len(self.label) + indicator)
        return max(self.min_width, min(self.max_width, wanted))


def _clean(text: str) -> str:
    """Make text single-line: control characters (newlines, tabs...) become spaces."""
    return "".join(char if char.isprintable() else " " for char in text)


def format_value(value: Any) -> str:
    """Default cell formatter: one printable line for any raw value."""
    if value is None:
        return ""
    if type(value) is str:
        text = value
    elif isinstance(value, bool):
        return "yes" if value else "no"
    elif isinstance(value, list | tuple | set | frozenset):
        text = ", ".join(format_value(item) for item in value)
    elif isinstance(value, datetime):
        text = value.isoformat(sep=" ", timespec="minutes")
    else:
        text = str(value)
    return text if text.isprintable() else _clean(text)


def display_text(column: Column, value: Any) -> str:
    """The display text of one value in `column` (custom formatter output is cleaned too)."""
    if column.formatter is None:
        return format_value(value)
    text = column.formatter(value)
    return text if text.isprintable() else _clean(text)


def natural_order(value: Any) -> tuple[int, Any]:
    """(type rank, comparable) for any value: numbers, then text, then dates, then the rest.

    Missing values (None, NaN, empty text) get rank `MISSING`.
    """
    if value is None or value == "" or (type(value) is float and value != value):
        return MISSING, 0
    if type(value) is str:
        return 1, value.casefold()
    if isinstance(value, int | float | Decimal):
        return 0, value
    if isinstance(value, datetime | date | time):
        return 2, value.isoformat()
    return 3, format_value(value).casefold()


def sort_key(column: Column, value: Any, descending: bool, arrival: int) -> SortKey:
    """A unique, comparable key for a value of `column` in the row that arrived `arrival`th.

    Ties resolve by arrival in both directions (the sort is stable), and missing values
    rank last in both directions. Use with `sorted(..., reverse=descending)`.
    """
    tie = -arrival if descending else arrival
    if column.sort_key is None:
        rank, comparable = natural_order(value)
    elif value is None:
        rank, comparable = MISSING, 0
    else:
        rank, comparable = 0, column.sort_key(value)
    if rank == MISSING and descending:
        rank = -1
    return rank, comparable, tie


def sort_keys(
    column: Column, values: Sequence[Any], arrivals: Sequence[int], descending: bool
) -> list[SortKey]:
    """`sort_key` for many values at once; non-empty text and ints take a fast path."""
    if column.sort_key is not None:
        return [
            sort_key(column, value, descending, arrival)
            for value, arrival in zip(values, arrivals, strict=True)
        ]
    sign = -1 if descending else 1
    return [
        (1, value.casefold(), sign * arrival)
        if (kind := type(value)) is str and value
        else (0, value, sign * arrival)
        if kind is int
        else sort_key(column, value, descending, arrival)
        for value, arrival in zip(values, arrivals, strict=True)
    ]


def key_getter(
    key: str | int | Callable[[Row], Hashable], columns: Sequence[Column]
) -> Callable[[Row], Hashable]:
    """Build the function that extracts a row's identity.

    `key` is a mapping key (also resolved to a position for sequence rows via the columns),
    a position, or a callable.
    """
    if callable(key):
        return key
    position: int | None = key if isinstance(key, int) else None
    if isinstance(key, str):
        position = next((i for i, column in enumerate(columns) if column.key == key), None)

    def get(row: Row) -> Hashable:
        if isinstance(row, Mapping):
            value: Hashable = row[key]  # type: ignore[index]
            return value
        if position is None:
            raise KeyError(f"sequence rows need {key!r} to be one of the columns")
        item: Hashable = row[position]
        return item

    return get


def cell_value(row: Row, column: Column, position: int) -> Any:
    """The raw value of `column` (at `position` among the columns) in `row`."""
    if type(row) is dict or isinstance(row, Mapping):
        return row.get(column.key)
    return row[position] if position < len(row) else None


def all_dicts(rows: Iterable[Row]) -> bool:
    """Whether every row is a plain dict (lets the column helpers take their fast path)."""
    return all(type(row) is dict for row in rows)


def column_values(rows: Sequence[Row], column: Column, position: int, dicts: bool) -> list[Any]:
    """The raw values of one column for many rows (C speed when `dicts`: see `all_dicts`)."""
    if dicts:
        try:
            return list(map(itemgetter(column.key), rows))
        except KeyError:
            key = column.key
            return [row.get(key) for row in rows]  # type: ignore[union-attr]
    return [cell_value(row, column, position) for row in rows]


def column_texts(values: Sequence[Any], column: Column) -> list[str]:
    """Display texts of many values of one column; plain text and ints take a fast path."""
    if column.formatter is not None:
        return [display_text(column, value) for value in values]
    return [
        value
        if (kind := type(value)) is str and value.isprintable()
        else str(value)
        if kind is int
        else format_value(value)
        for value in values
    ]


def text_width(texts: Sequence[str]) -> int:
    """Widest text in cells (cheap when all ASCII, the common case)."""
    if not texts:
        return 0
    if "".join(texts).isascii():
        return max(map(len, texts))
    return max(map(cell_len, texts))
