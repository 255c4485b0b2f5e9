"""The journal: every call the console makes, kept in SQLite (WAL) under the user data dir.

Inputs are stored redacted; no credential is ever written here.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL,
    profile TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    inputs TEXT NOT NULL,
    outcome TEXT NOT NULL,
    status INTEGER,
    latency_ms REAL,
    request_id TEXT,
    error TEXT,
    items INTEGER,
    requests INTEGER
);
CREATE INDEX IF NOT EXISTS calls_endpoint ON calls(endpoint);
"""


@dataclass(slots=True)
class JournalEntry:
    profile: str
    endpoint: str
    inputs: Any
    outcome: str  # ok | error | partial | refused
    status: int | None = None
    latency_ms: float | None = None
    request_id: str | None = None
    error: str | None = None
    items: int | None = None
    requests: int | None = None
    time: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="milliseconds"))
    id: int | None = None


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def record(self, entry: JournalEntry) -> int:
        row = asdict(entry)
        row.pop("id")
        row["inputs"] = json.dumps(row["inputs"], default=str, sort_keys=True)
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        with self._lock:
            cur = self._db.execute(
                f"INSERT INTO calls ({cols}) VALUES ({marks})", list(row.values())
            )
            return int(cur.lastrowid or 0)

    def tail(
        self, n: int = 50, *, endpoint_prefix: str | None = None, outcome: str | None = None
    ) -> list[JournalEntry]:
        """The newest n entries, oldest first."""
        where, args = [], []
        if endpoint_prefix:
            where.append("endpoint LIKE ?")
            args.append(endpoint_prefix + "%")
        if outcome:
            where.append("outcome = ?")
            args.append(outcome)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        sql = f"SELECT * FROM calls {clause} ORDER BY id DESC LIMIT ?"
        with self._lock:
            self._db.row_factory = sqlite3.Row
            rows = self._db.execute(sql, [*args, n]).fetchall()
        out = []
        for r in reversed(rows):
            data = dict(r)
            data["inputs"] = json.loads(data["inputs"])
            out.append(JournalEntry(**data))
        return out

    def close(self) -> None:
        with self._lock:
            self._db.close()
