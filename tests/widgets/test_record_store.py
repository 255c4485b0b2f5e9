"""RecordStore against a slow, obviously-right model: filter, sort, add, update, remove."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest

from tests.widgets.helpers import COLUMNS, make_rows, naive_filter
from widgets.record_columns import Column, format_value, natural_order
from widgets.record_store import RecordStore


def ids(store: RecordStore) -> list[Any]:
    return [store.key(slot) for slot in store.view]


def expected(rows: dict[Any, dict[str, Any]], arrival: list[Any], query: str, sort: Any) -> list:
    """The view computed from scratch: arrival order, stable sort, then filter."""
    ordered = [rows[key] for key in arrival if key in rows]
    if sort is not None:
        column, descending = sort
        present = [r for r in ordered if r[column] not in (None, "")]
        missing = [r for r in ordered if r[column] in (None, "")]

        def key(r: dict[str, Any]) -> Any:
            value = r[column]
            return value.casefold() if isinstance(value, str) else value

        ordered = sorted(present, key=key, reverse=descending) + missing
    allowed = set(naive_filter(ordered, query)) if query else None
    return [r["id"] for r in ordered if allowed is None or r["id"] in allowed]


def test_filter_is_case_insensitive_and_narrows_incrementally() -> None:
    rows = make_rows(2_000)
    store = RecordStore(COLUMNS)
    store.add(rows)
    for query in ("A", "Ac", "ACM", "acme", "acme ", "acme c", "acm", "", "zzz", "@globex"):
        store.filter(query)
        assert ids(store) == naive_filter(rows, query), query
    assert store.loaded == 2_000


def test_a_match_never_spans_two_cells() -> None:
    store = RecordStore([Column("id"), Column("a"), Column("b")])
    store.add([{"id": 1, "a": "foo", "b": "bar"}])
    store.filter("foobar")
    assert store.shown == 0
    store.filter("oo\x1fba")  # the separator is stripped from queries
    assert store.shown == 0
    store.filter("foo")
    assert store.shown == 1


def test_sort_is_stable_in_both_directions_and_missing_values_go_last() -> None:
    columns = [Column("id"), Column("group"), Column("n")]
    store = RecordStore(columns)
    store.add(
        [
            {"id": 1, "group": "b", "n": 2},
            {"id": 2, "group": "A", "n": None},
            {"id": 3, "group": None, "n": 10},
            {"id": 4, "group": "b", "n": 2},
            {"id": 5, "group": "a", "n": 1.5},
            {"id": 6, "group": "", "n": Decimal("3")},
        ]
    )
    store.sort_by("group")
    assert ids(store) == [2, 5, 1, 4, 3, 6]  # "A" and "a" tie: arrival order kept
    store.sort_by("group", descending=True)
    assert ids(store) == [1, 4, 2, 5, 3, 6]  # ties still in arrival order, missing last
    store.sort_by("n")
    assert ids(store) == [5, 1, 4, 6, 3, 2]  # numbers compare numerically across types
    store.sort_by(None)
    assert ids(store) == [1, 2, 3, 4, 5, 6]


def test_custom_sort_key_orders_by_meaning() -> None:
    rank = {"new": 0, "open": 1, "won": 2}
    store = RecordStore([Column("id"), Column("stage", sort_key=rank.__getitem__)])
    store.add([{"id": 1, "stage": "won"}, {"id": 2, "stage": "new"}, {"id": 3, "stage": None}])
    store.add([{"id": 4, "stage": "open"}])
    store.sort_by("stage")
    assert ids(store) == [2, 4, 1, 3]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_operations_match_a_model(seed: int) -> None:
    """Chunks arriving while sorted and filtered, updates, removals, re-sorts, re-filters."""
    rng = random.Random(seed)
    pool = make_rows(3_000)
    store = RecordStore(COLUMNS)
    model: dict[Any, dict[str, Any]] = {}
    arrival: list[Any] = []
    query, sort = "", None
    cursor = 0
    for _step in range(60):
        action = rng.choice(["add", "add", "update", "remove", "filter", "sort", "unsort"])
        if action == "add" and cursor < len(pool):
            size = rng.choice([1, 5, 50, 400])
            chunk = pool[cursor : cursor + size]
            cursor += size
            store.add(chunk)
            for row in chunk:
                model[row["id"]] = row
                arrival.append(row["id"])
        elif action == "update" and model:
            key = rng.choice(list(model))
            row = dict(model[key], name=rng.choice(["Zed Acker", "al smith", ""]), value=None)
            assert store.update(row)
            model[key] = row
        elif action == "remove" and model:
            gone = rng.sample(list(model), min(len(model), rng.choice([1, 3, 30])))
            assert store.remove([*gone, "no-such-key"]) == len(gone)
            for key in gone:
                del model[key]
        elif action == "filter":
            query = rng.choice(["", "a", "ac", "acm", "acme", "smith", "oslo", "o", "won"])
            store.filter(query)
        elif action == "sort":
            sort = (rng.choice(["name", "value", "city", "id"]), rng.random() < 0.5)
            store.sort_by(*sort)
        elif action == "unsort":
            sort = None
            store.sort_by(None)
        assert ids(store) == expected(model, arrival, query, sort), (_step, action)
        assert store.loaded == len(model)


def test_add_with_a_known_key_updates_in_place() -> None:
    store = RecordStore(COLUMNS)
    store.add(make_rows(3))
    added, updated = store.add([dict(make_rows(1)[0], name="Renamed"), *make_rows(1, start=4)])
    assert (added, updated) == (1, 1)
    assert ids(store) == [1, 2, 3, 4]
    assert store.get(1)["name"] == "Renamed"  # type: ignore[index]


def test_sequence_rows_use_column_positions() -> None:
    store = RecordStore([Column("id"), Column("name")], key="id")
    store.add([(1, "Ada"), (2, "Bea"), [3, "Cyd"]])
    store.filter("bea")
    assert ids(store) == [2]
    assert store.cell_texts(store.view[0]) == ["2", "Bea"]


def test_marks_survive_filter_and_sort_and_go_with_removed_rows() -> None:
    store = RecordStore(COLUMNS)
    store.add(make_rows(10))
    store.toggle_mark(3)
    store.toggle_mark(7)
    store.filter("zzz")
    store.sort_by("value", descending=True)
    assert store.marks == {3, 7}
    store.filter("")
    store.remove([3])
    assert store.marked_keys() == [7]
    store.filter("smith")
    store.mark_shown()
    assert store.marks == {7, *naive_filter(make_rows(10), "smith")} - {3}


def test_set_columns_rebuilds_search_text() -> None:
    store = RecordStore(COLUMNS)
    store.add(make_rows(30))
    store.filter("oslo")
    assert store.shown > 0
    store.set_columns([c for c in COLUMNS if c.key != "city"])
    assert store.shown == 0
    assert store.loaded == 30


def test_widths_track_the_widest_text_in_cells() -> None:
    store = RecordStore([Column("id"), Column("name")])
    store.add([{"id": 1, "name": "abc"}, {"id": 22, "name": "日本語"}])
    assert store.content_widths == [2, 6]


def test_default_formatting_keeps_every_cell_on_one_line() -> None:
    assert format_value("a\nb\tc") == "a b c"
    assert format_value(None) == ""
    assert format_value(True) == "yes"
    assert format_value(["x", 2, None]) == "x, 2, "
    assert natural_order(float("nan"))[0] == natural_order(None)[0]
