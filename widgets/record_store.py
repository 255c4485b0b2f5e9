"""The data behind a `RecordTable`: rows by key, their search text, sort order, filter, marks.

No Textual here, so it is cheap to test and reason about. Every operation a keystroke can
trigger costs in proportion to the rows it must look at, never per cell:

- Each row lives in a *slot* of parallel lists (row, key, arrival number, search text).
  Its search text is made once: the searchable cells' display text, joined by a separator
  no query can contain (so a match never spans two cells), lowercased. Display text is not
  kept; the widget formats only the visible cells when it paints.
- `order` lists the live slots in sort order (arrival order when unsorted); `view` is
  `order` narrowed by the filter. Filtering is one pass of `in` tests over the candidates;
  when the new query contains the previous one the candidates are the previous view, so
  typing a query letter by letter narrows an ever smaller list.
- Walking 100k strings scattered in memory is 4-5x slower than walking them in allocation
  order (cache misses), so after a sort (or unsort) the slots are *repacked*: the lists are
  rebuilt in display order and the search strings copied, keeping a filter pass sequential.
- Sorting is stable (ties keep arrival order, in both directions; sort keys carry the
  arrival number). Rows that arrive while a sort is active are placed by binary search, or
  everything is re-sorted when the batch is large.
- Removal leaves a tombstone; tombstones are dropped by the next repack.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from typing import Any

from widgets.record_columns import (
    Column,
    Row,
    SortKey,
    all_dicts,
    cell_value,
    column_texts,
    column_values,
    key_getter,
    sort_keys,
    text_width,
)

SEPARATOR = "\x1f"
"""Joins the cells of a search string; stripped from queries so matches stay in one cell."""

_RESORT_RATIO = 32
"""Re-sort everything instead of inserting one by one when a batch exceeds 1/32 of rows."""

_REMEMBERED = 24
"""Filter results kept for reuse while the data is unchanged (backspacing, retyping)."""


@dataclass(frozen=True, slots=True)
class SortState:
    """The active sort: a column key and a direction."""

    column: str
    descending: bool = False


class RecordStore:
    """Rows keyed by identity, with a sorted, filtered view and a set of marked keys."""

    def __init__(
        self, columns: Sequence[Column], key: str | int | Callable[[Row], Hashable] = "id"
    ) -> None:
        self._key_spec = key
        self.columns: tuple[Column, ...] = ()
        self.content_widths: list[int] = []
        """Widest display text seen per column (cells), for automatic column widths."""
        self.marks: set[Hashable] = set()
        """Keys of marked rows (marks survive filtering and sorting)."""
        self.query = ""
        """The lowercase filter text in force ("" = no filter)."""
        self.sort: SortState | None = None
        """The sort in force (None = arrival order)."""
        self.order: list[int] = []
        """Live slots in display order."""
        self.view: list[int] = []
        """Slots that pass the filter, in display order."""
        self._rows: list[Row | None] = []
        self._keys: list[Hashable] = []
        self._arrival: list[int] = []
        self._search: list[str] = []
        self._sort_keys: list[SortKey] = []
        self._slot_of: dict[Hashable, int] = {}
        self._arrivals = 0
        self._in_slot_order = True  # order == range(len(slots)): filter can skip indexing
        self._results: dict[str, list[int]] = {}  # query -> view, valid until data changes
        self.set_columns(columns)

    # ----------------------------------------------------------------- columns and counts
    def set_columns(self, columns: Sequence[Column]) -> None:
        """Change the columns; search text, widths and sort keys are rebuilt, marks kept."""
        if not columns:
            raise ValueError("a record table needs at least one column")
        keys = [column.key for column in columns]
        if len(set(keys)) != len(keys):
            raise ValueError(f"duplicate column keys: {keys}")
        self.columns = tuple(columns)
        self._get_key = key_getter(self._key_spec, self.columns)
        if self.sort is not None and self.sort.column not in keys:
            self.sort = None
        rows = [self.row(slot) for slot in self._by_arrival()]
        marks = self.marks
        self.replace(rows)
        self.marks = {key for key in marks if key in self._slot_of}

    @property
    def loaded(self) -> int:
        """Rows held (whatever the filter)."""
        return len(self._slot_of)

    @property
    def shown(self) -> int:
        """Rows that pass the filter."""
        return len(self.view)

    # ------------------------------------------------------------------------ row access
    def row(self, slot: int) -> Row:
        row = self._rows[slot]
        if row is None:
            raise KeyError(f"slot {slot} was removed")
        return row

    def key(self, slot: int) -> Hashable:
        return self._keys[slot]

    def get(self, key: Hashable) -> Row | None:
        """The row with this key, if loaded."""
        slot = self._slot_of.get(key)
        return None if slot is None else self._rows[slot]

    def index_in_view(self, key: Hashable) -> int | None:
        """Position of the row with this key among the shown rows, if shown."""
        slot = self._slot_of.get(key)
        if slot is None:
            return None
        try:
            return self.view.index(slot)
        except ValueError:
            return None

    def iter_keys(self, slots: Iterable[int]) -> Iterator[Hashable]:
        keys = self._keys
        return (keys[slot] for slot in slots)

    def cell_texts(self, slot: int) -> list[str]:
        """Display text of each column for one row (formatted on demand, for painting)."""
        row = [self.row(slot)]
        dicts = type(row[0]) is dict
        return [
            column_texts(column_values(row, column, position, dicts), column)[0]
            for position, column in enumerate(self.columns)
        ]

    def value(self, slot: int, column: str) -> Any:
        """The raw value of a column (by key) in a row."""
        position = next(i for i, c in enumerate(self.columns) if c.key == column)
        return cell_value(self.row(slot), self.columns[position], position)

    # ------------------------------------------------------------------------ loading
    def replace(self, rows: Iterable[Row]) -> None:
        """Drop everything (marks too; filter and sort stay in force) and load `rows`."""
        self._results = {}
        self._rows, self._keys, self._arrival, self._search = [], [], [], []
        self._sort_keys, self._slot_of = [], {}
        self.order, self.view = [], []
        self._in_slot_order = True
        self.marks = set()
        self.content_widths = [0] * len(self.columns)
        self.add(rows)

    def add(self, rows: Iterable[Row]) -> tuple[int, int]:
        """Append rows; a row whose key is already loaded replaces that row.

        Returns (rows added, rows updated).
        """
        batch = list(rows)
        if not batch:
            return 0, 0
        self._results = {}
        keys = self._batch_keys(batch)
        slot_of = self._slot_of
        fresh: dict[Hashable, Row] = {}  # the same key twice in one batch: the later one wins
        updates: list[Row] = []
        for row, key in zip(batch, keys, strict=True):
            if key in slot_of:
                updates.append(row)
            else:
                fresh[key] = row
        fresh_rows = list(fresh.values())
        first, count = len(self._rows), len(fresh_rows)
        new_slots = list(range(first, first + count))
        self._rows.extend(fresh_rows)
        self._keys.extend(fresh)
        self._arrival.extend(range(self._arrivals, self._arrivals + count))
        self._arrivals += count
        self._search.extend(self._search_strings(fresh_rows))
        slot_of.update(zip(fresh, new_slots, strict=True))
        if self.sort is not None:
            self._sort_keys.extend(self._keys_for(new_slots))
        self._place(new_slots)
        for row in updates:
            self.update(row)
        return count, len(updates)

    def update(self, row: Row) -> bool:
        """Replace the loaded row with the same key; False if no such row is loaded."""
        slot = self._slot_of.get(self._get_key(row))
        if slot is None:
            return False
        self._results = {}
        self._rows[slot] = row
        self._search[slot] = self._search_strings([row])[0]
        if self.sort is not None:
            self._sort_keys[slot] = self._keys_for([slot])[0]
            self.order.remove(slot)
            self.order.insert(self._position(self.order, slot), slot)
            self._in_slot_order = False
        if slot in self.view:
            self.view.remove(slot)
        if self._matches(slot):
            self.view.insert(self._position(self.view, slot), slot)
        return True

    def remove(self, keys: Iterable[Hashable]) -> int:
        """Remove rows by key (unknown keys are ignored); returns how many went."""
        gone = {slot for key in keys if (slot := self._slot_of.pop(key, None)) is not None}
        if not gone:
            return 0
        self._results = {}
        for slot in gone:
            self.marks.discard(self._keys[slot])
            self._rows[slot] = None
            self._search[slot] = ""
        self.order = [slot for slot in self.order if slot not in gone]
        self.view = [slot for slot in self.view if slot not in gone]
        self._in_slot_order = False
        if len(self._rows) > 2 * len(self.order) + 64:
            self._repack()
        return len(gone)

    # ------------------------------------------------------------------ filter and sort
    def filter(self, text: str) -> bool:
        """Narrow the view to rows whose searchable text contains `text` (any case).

        The candidates are the smallest remembered result whose query the new one contains
        (all rows if none): typing narrows the previous result, and backspacing or retyping
        finds its answer remembered. Returns whether the query changed.
        """
        query = text.replace(SEPARATOR, "").lower()
        if query == self.query:
            return False
        if self.query:
            self._remember(self.query, self.view)
        self.query = query
        if not query:
            self.view = list(self.order)
            return True
        known = self._results.get(query)
        if known is not None:
            self.view = known
            return True
        narrower = [view for seen, view in self._results.items() if seen in query]
        candidates = min(narrower, key=len) if narrower else self.order
        if 2 * len(candidates) > len(self.order):
            self._refilter()  # a sequential pass over all rows beats picking most of them
        else:
            search = self._search
            self.view = [slot for slot in candidates if query in search[slot]]
        return True

    def _remember(self, query: str, view: list[int]) -> None:
        results = self._results
        results.pop(query, None)
        results[query] = view
        while len(results) > _REMEMBERED:
            del results[next(iter(results))]

    def sort_by(self, column: str | None, descending: bool = False) -> None:
        """Sort by a column key (stable; ties keep arrival order), or None for arrival order."""
        self._results = {}
        if column is None:
            self.sort = None
            self._sort_keys = []
            self.order = self._by_arrival()
        else:
            if column not in {c.key for c in self.columns}:
                raise KeyError(f"no column {column!r}")
            self.sort = SortState(column, descending)
            slots = range(len(self._rows))
            self._sort_keys = self._keys_for(slots)
            self.order = sorted(
                (slot for slot in slots if self._rows[slot] is not None),
                key=self._sort_keys.__getitem__,
                reverse=descending,
            )
        self._repack()

    # -------------------------------------------------------------------------- marks
    def toggle_mark(self, key: Hashable) -> bool:
        """Flip one row's mark; returns the new state."""
        if key in self.marks:
            self.marks.discard(key)
            return False
        self.marks.add(key)
        return True

    def mark_shown(self) -> None:
        """Mark every row that passes the filter."""
        self.marks.update(self.iter_keys(self.view))

    def marked_keys(self) -> list[Hashable]:
        """Marked keys in display order (rows hidden by the filter included)."""
        marks, keys = self.marks, self._keys
        return [keys[slot] for slot in self.order if keys[slot] in marks]

    # ------------------------------------------------------------------------ internals
    def _batch_keys(self, batch: list[Row]) -> list[Hashable]:
        spec = self._key_spec
        if isinstance(spec, str) and all(type(row) is dict for row in batch):
            return list(map(itemgetter(spec), batch))
        return [self._get_key(row) for row in batch]

    def _search_strings(self, rows: Sequence[Row]) -> list[str]:
        """Format column by column (fast), track widths, then join and lowercase per row."""
        if not rows:
            return []
        searchable: list[list[str]] = []
        dicts = all_dicts(rows)
        for position, column in enumerate(self.columns):
            texts = column_texts(column_values(rows, column, position, dicts), column)
            widest = text_width(texts)
            if widest > self.content_widths[position]:
                self.content_widths[position] = widest
            if column.searchable:
                searchable.append(texts)
        if not searchable:
            return [""] * len(rows)
        join = SEPARATOR.join
        return [join(cells).lower() for cells in zip(*searchable, strict=True)]

    def _keys_for(self, slots: Iterable[int]) -> list[SortKey]:
        assert self.sort is not None
        position = next(i for i, c in enumerate(self.columns) if c.key == self.sort.column)
        column = self.columns[position]
        slots = list(slots)
        empty: Row = {}
        rows = [self._rows[slot] or empty for slot in slots]
        values = column_values(rows, column, position, all_dicts(rows))
        arrivals = [self._arrival[slot] for slot in slots]
        return sort_keys(column, values, arrivals, self.sort.descending)

    def _by_arrival(self) -> list[int]:
        alive = [slot for slot, row in enumerate(self._rows) if row is not None]
        return sorted(alive, key=self._arrival.__getitem__)

    def _repack(self) -> None:
        """Rebuild the slot lists in display order (drops tombstones, restores locality)."""
        order = self.order
        self._rows = [self._rows[slot] for slot in order]
        self._keys = [self._keys[slot] for slot in order]
        self._arrival = [self._arrival[slot] for slot in order]
        # lower() copies the (already lowercase) text, so the copies sit in display order
        self._search = [self._search[slot].lower() for slot in order]
        if self.sort is not None:
            self._sort_keys = [self._sort_keys[slot] for slot in order]
        self._slot_of = dict(zip(self._keys, range(len(order)), strict=True))
        self.order = list(range(len(order)))
        self._in_slot_order = True
        self._refilter()

    def _position(self, slots: list[int], slot: int) -> int:
        """Where `slot` belongs in a list ordered like `order` (binary search)."""
        if self.sort is None:
            return bisect_left(slots, self._arrival[slot], key=self._arrival.__getitem__)
        keys, descending = self._sort_keys, self.sort.descending
        key = keys[slot]
        low, high = 0, len(slots)
        while low < high:
            middle = (low + high) // 2
            other = keys[slots[middle]]
            if (other > key) if descending else (other < key):
                low = middle + 1
            else:
                high = middle
        return low

    def _place(self, new_slots: list[int]) -> None:
        """Put freshly added slots into `order` and (when they match) `view`."""
        matching = [slot for slot in new_slots if self._matches(slot)]
        if self.sort is None:  # arrival order: new rows go at the end
            self.order.extend(new_slots)
            self.view.extend(matching)
            return
        self._in_slot_order = False
        if len(new_slots) * _RESORT_RATIO > len(self.order):
            self.order = sorted(
                self.order + new_slots,
                key=self._sort_keys.__getitem__,
                reverse=self.sort.descending,
            )
            self._refilter()
        else:
            for slot in new_slots:
                self.order.insert(self._position(self.order, slot), slot)
            for slot in matching:
                self.view.insert(self._position(self.view, slot), slot)

    def _matches(self, slot: int) -> bool:
        return not self.query or self.query in self._search[slot]

    def _refilter(self) -> None:
        """Recompute `view` from `order` (one sequential pass over the search strings)."""
        query, order = self.query, self.order
        if not query:
            self.view = list(order)
            return
        # test the strings in slot (memory) order, then pick the slots in display order
        hits = [query in text for text in self._search]
        if self._in_slot_order:
            self.view = list(compress(order, hits))
        else:
            self.view = list(compress(order, map(hits.__getitem__, order)))
