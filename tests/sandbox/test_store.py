"""The state file: what one start saves the next reads back, including older files."""

from __future__ import annotations

import json
import math
import sqlite3
from pathlib import Path

from console.sandbox.common.store import Store

RECORDS = [
    (1, {"name": "Zoë O'Brien", "tags": ["ünïcode", "☃"], "n": 2**40, "x": 0.1}),
    ("00Q000000000001AAA", {"nested": {"a": [1, None, True]}, "n": -(2**63)}),
    (3, {"id": 3}),
]


def test_saved_tables_load_back_in_write_order(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    first = Store("demo", state)
    first.table("things").load(RECORDS, persist=True)
    first.table("things").delete(1)
    first.table("things").put(4, {"id": 4})
    first.mark_generated()
    first.close()

    second = Store("demo", state)
    assert second.has_saved_state()
    second.load_saved()
    table = second.table("things")
    assert list(table.rows.items()) == [*RECORDS[1:], (4, {"id": 4})]
    second.close()


def test_a_write_after_a_restart_sorts_after_the_saved_rows(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    first = Store("demo", state)
    first.table("t").load([(k, {"k": k}) for k in (1, 2, 3, 4)], persist=True)
    first.table("t").delete(1)
    first.table("t").delete(2)
    first.close()

    for new in (5, 6):  # the rows saved at positions 3 and 4, then one put per start
        store = Store("demo", state)
        store.load_saved()
        store.table("t").put(new, {"k": new})
        store.close()

    last = Store("demo", state)
    last.load_saved()
    assert list(last.table("t").rows) == [3, 4, 5, 6]
    last.close()


def test_a_file_the_standard_library_wrote_stays_readable(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    Store("demo", state).close()  # the schema
    old = [
        (1, {"name": "Zoë", "v": float("nan"), "inf": float("inf")}),
        ("a", {"s": "\ud800 lone surrogate", "big": 2**80}),  # the surrogate: read by json
        (2, {"plain": [1, 2.5, "x"]}),
    ]
    db = sqlite3.connect(state)
    db.executemany(
        "INSERT INTO records (vendor, tbl, key, pos, data) VALUES ('demo', 't', ?, ?, ?)",
        [(json.dumps(k), pos, json.dumps(r)) for pos, (k, r) in enumerate(old, 1)],
    )
    db.execute("INSERT INTO meta (vendor, key, value) VALUES ('demo', 'generated', '1')")
    db.commit()
    db.close()

    store = Store("demo", state)
    store.load_saved()
    rows = store.table("t").rows
    assert math.isnan(rows[1]["v"])
    assert rows[1]["inf"] == math.inf
    assert rows[1]["name"] == "Zoë"
    assert rows["a"] == old[1][1]
    assert rows[2] == old[2][1]
    store.table("t").delete("a")  # keys are still found by their text
    store.close()
    assert sqlite3.connect(state).execute("SELECT count(*) FROM records").fetchone() == (2,)
