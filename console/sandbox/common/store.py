"""Sandbox state: tables of JSON records in memory, optionally kept in SQLite (`--state FILE`).

With a state file, the first start generates the data and saves it; later starts load it, and
every change is written through, so a trainee's work survives a restart.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

Key = int | str
Record = dict[str, Any]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    vendor TEXT NOT NULL, tbl TEXT NOT NULL, key TEXT NOT NULL, pos INTEGER NOT NULL,
    data TEXT NOT NULL, PRIMARY KEY (vendor, tbl, key)
);
CREATE TABLE IF NOT EXISTS meta (
    vendor TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (vendor, key)
);
"""
_UPSERT = "INSERT OR REPLACE INTO records (vendor, tbl, key, pos, data) VALUES (?,?,?,?,?)"

# Several processes (one per vendor) share one state file. WAL lets them read while another
# writes; writers take turns, and a first start at --scale 200 saves each vendor's tables in
# transactions that hold the write lock for seconds, so a writer waits up to this long.
BUSY_TIMEOUT_S = 120.0


def connect_state(path: Path) -> sqlite3.Connection:
    """Open (or create) a state file in WAL mode with its tables."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None
    )
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(_SCHEMA)
    except BaseException:
        db.close()
        raise
    return db


def prepare_state_file(path: Path) -> None:
    """Create the file, its tables and WAL mode once, before several processes open it
    (switching to WAL takes the file for itself), and fail early if it is no SQLite file."""
    connect_state(path).close()


# A record's JSON is written and read with orjson: at --scale 200 a state file holds close
# to a million records, and with the standard library saving them takes about 1.5 times as
# long and loading them twice as long. Keys stay `json.dumps` text, as before, since rows are
# found by it. What orjson refuses (an integer beyond 64 bits, a lone surrogate; NaN in a file
# the standard library wrote) goes through the standard library, so every file written before
# stays readable. Two differences remain, in values no vendor API sends: orjson writes NaN and
# the infinities as null, and reads an integer beyond 64 bits as a float.


def dump_record(record: Record) -> str:
    try:
        return orjson.dumps(record, option=orjson.OPT_NON_STR_KEYS).decode()
    except orjson.JSONEncodeError:
        return json.dumps(record)


def load_record(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


class Table:
    """An ordered id -> record mapping. Mutate records only through put/delete."""

    def __init__(self, store: Store, name: str) -> None:
        self.store = store
        self.name = name
        self.rows: dict[Key, Record] = {}
        self._pos = 0
        self.version = 0  # bumps on every change (lets callers cache sorted views)

    def __len__(self) -> int:
        return len(self.rows)

    def __contains__(self, key: object) -> bool:
        return key in self.rows

    def __iter__(self) -> Iterator[Record]:
        return iter(self.rows.values())

    def values(self) -> list[Record]:
        return list(self.rows.values())

    def get(self, key: Key) -> Record | None:
        return self.rows.get(key)

    def next_id(self) -> int:
        seq = int(self.store.meta(f"seq:{self.name}", "0"))
        if not seq:
            seq = max((k for k in self.rows if isinstance(k, int)), default=0)
        seq += 1
        self.store.set_meta(f"seq:{self.name}", str(seq))
        return seq

    def put(self, key: Key, record: Record) -> Record:
        self.rows[key] = record
        self._pos += 1
        self.version += 1
        self.store.write(self.name, key, record, self._pos)
        return record

    def delete(self, key: Key) -> Record | None:
        record = self.rows.pop(key, None)
        if record is not None:
            self.version += 1
            self.store.remove(self.name, key)
        return record

    def load(
        self, records: Iterable[tuple[Key, Record]], *, persist: bool, last_saved: int = 0
    ) -> None:
        """Add records in order. `last_saved`: the highest position a state file gave them
        (deletes leave gaps), so that later writes still sort after them."""
        rows = records if isinstance(records, list) else list(records)
        first = self._pos + 1
        self.rows.update(rows)  # the whole batch in one C-level pass
        self._pos = max(self._pos + len(rows), last_saved)
        self.version += 1
        if persist:
            self.store.write_many(
                self.name, [(key, record, pos) for pos, (key, record) in enumerate(rows, first)]
            )


class Store:
    def __init__(self, vendor: str, path: Path | None = None) -> None:
        self.vendor = vendor
        self.path = path
        self._tables: dict[str, Table] = {}
        self._meta: dict[str, str] = {}
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        if path is not None:
            self._db = connect_state(path)

    @property
    def persistent(self) -> bool:
        return self._db is not None

    def table(self, name: str) -> Table:
        table = self._tables.get(name)
        if table is None:
            table = self._tables[name] = Table(self, name)
        return table

    def tables(self) -> dict[str, Table]:
        return dict(self._tables)

    # -- persistence ---------------------------------------------------------------------------

    def has_saved_state(self) -> bool:
        if self._db is None:
            return False
        row = self._db.execute(
            "SELECT 1 FROM meta WHERE vendor = ? AND key = 'generated'", (self.vendor,)
        ).fetchone()
        return row is not None

    def load_saved(self) -> None:
        """Read every table and the meta values of this vendor from the state file."""
        assert self._db is not None
        rows = self._db.execute(
            "SELECT tbl, key, pos, data FROM records WHERE vendor = ? ORDER BY tbl, pos",
            (self.vendor,),
        )
        grouped: dict[str, list[tuple[Key, Record]]] = {}
        last: dict[str, int] = {}
        for tbl, key, pos, data in rows:
            grouped.setdefault(tbl, []).append((json.loads(key), load_record(data)))
            last[tbl] = pos
        for tbl, records in grouped.items():
            self.table(tbl).load(records, persist=False, last_saved=last[tbl])
        for key, value in self._db.execute(
            "SELECT key, value FROM meta WHERE vendor = ?", (self.vendor,)
        ):
            self._meta[key] = value

    def mark_generated(self) -> None:
        self.set_meta("generated", "1")

    def meta(self, key: str, default: str = "") -> str:
        return self._meta.get(key, default)

    def set_meta(self, key: str, value: str) -> None:
        self._meta[key] = value
        if self._db is not None:
            with self._lock:
                self._db.execute(
                    "INSERT OR REPLACE INTO meta (vendor, key, value) VALUES (?, ?, ?)",
                    (self.vendor, key, value),
                )

    def write(self, tbl: str, key: Key, record: Record, pos: int) -> None:
        if self._db is not None:
            with self._lock:
                self._db.execute(
                    _UPSERT, (self.vendor, tbl, json.dumps(key), pos, dump_record(record))
                )

    def write_many(self, tbl: str, batch: list[tuple[Key, Record, int]]) -> None:
        if self._db is None:
            return
        vendor = self.vendor
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")  # the write lock now, waiting if need be
            self._db.executemany(
                _UPSERT, ((vendor, tbl, json.dumps(k), p, dump_record(r)) for k, r, p in batch)
            )
            self._db.execute("COMMIT")

    def remove(self, tbl: str, key: Key) -> None:
        if self._db is not None:
            with self._lock:
                self._db.execute(
                    "DELETE FROM records WHERE vendor = ? AND tbl = ? AND key = ?",
                    (self.vendor, tbl, json.dumps(key)),
                )

    def close(self) -> None:
        if self._db is not None:
            with self._lock:
                self._db.close()
            self._db = None
