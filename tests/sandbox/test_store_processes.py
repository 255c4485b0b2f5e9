"""One state file, several writing processes (the sandbox command runs a process per vendor).

Each process saves its vendor's tables in large batches while the others do the same; with
the file prepared once beforehand (WAL mode, tables), every write waits its turn and none is
lost.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from console.sandbox.common.store import prepare_state_file
from tests.core.cli_helpers import ROOT

ROWS, TABLES = 20_000, 4

WRITER = f"""
import sys
from pathlib import Path
from console.sandbox.common.store import Store

store = Store(sys.argv[2], Path(sys.argv[1]))
sys.stdin.readline()  # all writers start together
for t in range({TABLES}):
    rows = [(i, {{"i": i, "vendor": sys.argv[2], "pad": "x" * 200}}) for i in range({ROWS})]
    store.table(f"t{{t}}").load(rows, persist=True)
    store.set_meta(f"saved:t{{t}}", "1")
    store.table(f"t{{t}}").put({ROWS}, {{"late": True}})
store.mark_generated()
store.close()
"""


def test_vendor_processes_write_one_state_file_at_once(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    prepare_state_file(state)
    vendors = ("a", "b", "c", "d")
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(state), vendor],
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for vendor in vendors
    ]
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        _, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
    with sqlite3.connect(state) as db:
        counts = dict(db.execute("SELECT vendor, count(*) FROM records GROUP BY vendor"))
        generated = {v for (v,) in db.execute("SELECT vendor FROM meta WHERE key = 'generated'")}
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    assert counts == dict.fromkeys(vendors, TABLES * (ROWS + 1))
    assert generated == set(vendors)
    assert mode == "wal"
