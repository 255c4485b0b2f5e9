"""Benchmark RecordTable against baselines measured in the same run (a script, not a test).

    .venv/bin/python bench/table_bench.py [--rows 100000] [--runs 5]

Prints medians and ratios, never pass/fail thresholds: machines differ, ratios travel.
Everything runs headless in `App.run_test()` at 120x40.

- ready: rows handed to the widget -> idle -> painted. Baseline: Textual's DataTable
  with a tenth of the rows (100k would take half a minute), scaled x10.
- filter keystroke: queries typed letter by letter then erased; each timed from
  `filter()` to the widget's next real paint (Textual's refresh path and frame pacing
  included), and as filter() + rendering the visible lines. Baselines: a naive scan that
  formats every row per keystroke, and a DataTable (a tenth of the rows) rebuilt per key.
- memory: VmRSS (/proc/self/status) in a fresh process per widget, minus a process that
  holds the same rows in an empty app.
- textual-fastdatatable joins each measurement when importable (it needs pyarrow, so it
  is not a project dependency): install it in a scratch venv and run this file there.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.widgets import DataTable

from widgets.record_columns import Column
from widgets.record_table import RecordTable

KEYS = ("id", "name", "email", "company", "phone", "city", "status", "value")
COLUMNS = [Column(key, align="right" if key in ("id", "value") else "left") for key in KEYS]
SIZE = (120, 40)


def make_rows(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """Realistic contacts from the sandbox's seeded pools (same rows every run)."""
    from console.sandbox.common.fakedata import Fake

    fake = Fake(seed, "bench")
    statuses = ("new", "open", "won", "lost")
    rows = []
    for n in range(1, count + 1):
        first, last, company = fake.first_name(), fake.last_name(), fake.company()
        rows.append(
            {
                "id": n,
                "name": f"{first} {last}",
                "email": fake.email(first, last),
                "company": company,
                "phone": fake.phone(),
                "city": fake.address()["city"],
                "status": fake.pick(statuses),
                "value": fake.rng.randrange(100, 250_000),
            }
        )
    return rows


def queries(rows: list[dict[str, Any]]) -> list[str]:
    """What an agent might type: a company, a surname, a city, digits, a miss."""
    sample = rows[len(rows) // 3]
    return [
        sample["company"].split()[0].lower(),
        sample["name"].split()[-1],
        sample["city"],
        str(sample["phone"])[-4:],
        "zzqx",
    ]


def keystrokes(words: list[str]) -> list[str]:
    """Each word typed letter by letter, then erased letter by letter."""
    typed: list[str] = []
    for word in words:
        typed += [word[:i] for i in range(1, len(word) + 1)]
        typed += [word[:i] for i in range(len(word) - 1, -1, -1)]
    return typed


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield Vertical(id="host")


def paint(app: App[Any]) -> None:
    """Run the screen update Textual's refresh timer would run (layout + compositor)."""
    app.screen._on_timer_update()


class Painted:
    """Wraps a widget class's render_lines so a bench can await the next real paint."""

    def __init__(self, cls: type[Any]) -> None:
        self.event = asyncio.Event()
        original = cls.render_lines
        event = self.event

        def render_lines(widget: Any, crop: Any) -> Any:
            lines = original(widget, crop)
            event.set()
            return lines

        self.subclass = type(f"Painted{cls.__name__}", (cls,), {"render_lines": render_lines})

    async def next(self) -> None:
        self.event.clear()
        await asyncio.wait_for(self.event.wait(), timeout=60)


# --------------------------------------------------------------------------- ready
async def ready_record_table(rows: list[dict[str, Any]]) -> float:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        table = RecordTable(COLUMNS)
        await app.query_one("#host").mount(table)
        start = time.perf_counter()
        table.add_rows(rows)
        await pilot.pause()
        paint(app)
        return time.perf_counter() - start


async def ready_datatable(rows: list[dict[str, Any]]) -> float:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        table: DataTable[Any] = DataTable()
        await app.query_one("#host").mount(table)
        table.add_columns(*KEYS)
        start = time.perf_counter()
        table.add_rows([tuple(row.values()) for row in rows])
        await pilot.pause()
        paint(app)
        return time.perf_counter() - start


def fastdatatable() -> Any | None:
    try:
        import textual_fastdatatable
    except ImportError:
        return None
    return textual_fastdatatable


async def ready_fastdatatable(rows: list[dict[str, Any]]) -> float:
    fdt = fastdatatable()
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        start = time.perf_counter()
        records = [KEYS, *(tuple(row.values()) for row in rows)]
        table = fdt.DataTable(backend=fdt.ArrowBackend.from_records(records, has_header=True))
        await app.query_one("#host").mount(table)
        await pilot.pause()
        paint(app)
        return time.perf_counter() - start


# ---------------------------------------------------------------------------- filter
async def filter_record_table(
    rows: list[dict[str, Any]], typed: list[str], freeze: bool = False
) -> tuple[list[float], list[float]]:
    """Per keystroke: (filter -> next paint on screen, filter + rendering the visible lines).

    `freeze`: call gc.freeze() once the rows are in, as the owning screen can after a big
    load, so the collector stops re-scanning 100k long-lived row dicts (a full collection
    then costs ~50 ms and lands on some random keystroke).
    """
    app = Host()
    painted = Painted(RecordTable)
    async with app.run_test(size=SIZE) as pilot:
        table = painted.subclass(COLUMNS)
        await app.query_one("#host").mount(table)
        to_screen, work = [], []
        for measure in (to_screen, work):
            table.set_rows(rows)  # also forgets remembered filter results
            await pilot.pause()
            if freeze:
                gc.freeze()
            for text in typed:
                start = time.perf_counter()
                table.filter(text)
                if measure is to_screen:
                    await painted.next()
                else:
                    table.render_lines(Region(0, 0, *table.size))
                measure.append(time.perf_counter() - start)
            gc.unfreeze()
        return to_screen, work


def filter_naive(rows: list[dict[str, Any]], typed: list[str]) -> list[float]:
    times = []
    for text in typed:
        start = time.perf_counter()
        needle = text.lower()
        [row for row in rows if needle in " ".join(map(str, row.values())).lower()]
        times.append(time.perf_counter() - start)
    return times


async def filter_datatable(rows: list[dict[str, Any]], typed: list[str]) -> list[float]:
    """DataTable has no filter: clear and re-add the matching rows, until painted and idle."""
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        table: DataTable[Any] = DataTable()
        await app.query_one("#host").mount(table)
        table.add_columns(*KEYS)
        search = [" ".join(map(str, row.values())).lower() for row in rows]
        times = []
        for text in typed:
            start = time.perf_counter()
            table.clear()
            table.add_rows(
                tuple(row.values()) for row, s in zip(rows, search, strict=True) if text in s
            )
            await pilot.pause()  # DataTable measures its rows on idle, then paints
            paint(app)
            times.append(time.perf_counter() - start)
        return times


async def filter_fastdatatable(rows: list[dict[str, Any]], typed: list[str]) -> list[float]:
    """fastdatatable cannot filter or clear: filter in Arrow, mount a new table."""
    import pyarrow as pa
    import pyarrow.compute as pc

    fdt = fastdatatable()
    data = pa.Table.from_pylist(rows)
    search = pc.utf8_lower(
        pc.binary_join_element_wise(*(pc.cast(data[k], pa.string()) for k in KEYS), " ")
    )
    app = Host()
    painted = Painted(fdt.DataTable)
    async with app.run_test(size=SIZE) as pilot:
        host = app.query_one("#host")
        await host.mount(painted.subclass(backend=fdt.ArrowBackend(data)))
        await pilot.pause()
        times = []
        for text in typed:
            start = time.perf_counter()
            narrowed = data.filter(pc.match_substring(search, text)) if text else data
            await host.remove_children()
            await host.mount(painted.subclass(backend=fdt.ArrowBackend(narrowed)))
            await painted.next()
            times.append(time.perf_counter() - start)
        return times


# ---------------------------------------------------------------------------- memory
def rss_kib() -> dict[str, int]:
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0])
    return fields


async def hold(kind: str, count: int) -> dict[str, int]:
    rows = make_rows(count)
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        host = app.query_one("#host")
        if kind == "record-table":
            table = RecordTable(COLUMNS)
            await host.mount(table)
            table.add_rows(rows)
            table.sort_by("name")
            table.filter("a")
        elif kind == "datatable":
            data_table: DataTable[Any] = DataTable()
            await host.mount(data_table)
            data_table.add_columns(*KEYS)
            data_table.add_rows([tuple(row.values()) for row in rows[: count // 10]])
        elif kind == "fastdatatable":
            fdt = fastdatatable()
            records = [KEYS, *(tuple(row.values()) for row in rows)]
            await host.mount(
                fdt.DataTable(backend=fdt.ArrowBackend.from_records(records, has_header=True))
            )
        await pilot.pause()
        paint(app)
        gc.collect()
        return rss_kib()


def memory(kind: str, count: int) -> dict[str, int]:
    """Run `hold` in a fresh interpreter so each figure starts from the same baseline."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--rows", str(count)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result: dict[str, int] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


# ---------------------------------------------------------------------------- report
def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def spread(values: list[float]) -> str:
    """median / p95 / max in ms."""
    ordered = sorted(values)
    p95 = ordered[int(len(ordered) * 0.95)]
    return (
        f"median {median_ms(values):6.1f} ms  p95 {p95 * 1000:6.1f}  max {ordered[-1] * 1000:6.1f}"
    )


def runs(count: int, measure: Callable[[], Any]) -> list[float]:
    return [asyncio.run(measure()) for _ in range(count)]


def report_ready(rows: list[dict[str, Any]], count: int, with_fdt: bool) -> None:
    n, tenth = len(rows), len(rows) // 10
    ours = median_ms(runs(count, lambda: ready_record_table(rows)))
    table = median_ms(runs(count, lambda: ready_datatable(rows[:tenth])))
    print("READY: rows handed over -> idle -> painted (median)")
    print(f"  RecordTable   {n:>7,} rows  {ours:8.1f} ms")
    print(f"  DataTable     {tenth:>7,} rows  {table:8.1f} ms  x10 = {table * 10:,.0f} ms est.")
    print(f"  ratio DataTable(x10) / RecordTable: {table * 10 / ours:.1f}x")
    if with_fdt:
        fdt = median_ms(runs(count, lambda: ready_fastdatatable(rows)))
        print(f"  fastdatatable {n:>7,} rows  {fdt:8.1f} ms  ratio fdt / ours: {fdt / ours:.2f}x")


def report_filter(rows: list[dict[str, Any]], typed: list[str], with_fdt: bool) -> None:
    n, tenth = len(rows), len(rows) // 10
    screen: list[float] = []
    work: list[float] = []
    frozen: list[float] = []
    for _ in range(3):
        to_screen, rendered = asyncio.run(filter_record_table(rows, typed))
        screen += to_screen
        work += rendered
        frozen += asyncio.run(filter_record_table(rows, typed, freeze=True))[0]
    naive = filter_naive(rows, typed)
    short = keystrokes([queries(rows)[0][:3]])  # a DataTable rebuild is slow: a few keys
    table = asyncio.run(filter_datatable(rows[:tenth], short))
    ours = median_ms(screen)
    print(f"\nFILTER KEYSTROKE over {n:,} rows ({len(screen)} keystrokes, typed and erased)")
    print(f"  RecordTable, filter() -> painted on screen   {spread(screen)}")
    print(f"  RecordTable, same after gc.freeze()          {spread(frozen)}")
    print(f"  RecordTable, filter() + render visible lines {spread(work)}")
    print(f"  naive scan (format every row, no paint)      {spread(naive)}")
    print(f"  DataTable {tenth:,} rows, clear + add_rows     {spread(table)}")
    print(f"  ratio naive / RecordTable: {median_ms(naive) / ours:.1f}x;"
          f" DataTable(x10) / RecordTable: {median_ms(table) * 10 / ours:.0f}x")  # fmt: skip
    if with_fdt:
        fdt = asyncio.run(filter_fastdatatable(rows, typed))
        print(f"  fastdatatable, Arrow filter + remount       {spread(fdt)}")
        print(f"  ratio fdt / RecordTable: {median_ms(fdt) / ours:.1f}x")


def report_memory(count: int, with_fdt: bool) -> None:
    base = memory("empty", count)
    mine = memory("record-table", count)
    table = memory("datatable", count)

    def added(other: dict[str, int]) -> float:
        return (other["VmRSS"] - base["VmRSS"]) / 1024

    print("\nMEMORY: VmRSS after paint, each in a fresh process")
    print(f"  baseline: empty app holding {count:,} rows  {base['VmRSS'] / 1024:6.1f} MiB")
    print(f"  + RecordTable {count:>7,} rows  {mine['VmRSS'] / 1024:6.1f} MiB"
          f"  (+{added(mine):.1f}; peak {mine['VmHWM'] / 1024:.1f} MiB)")  # fmt: skip
    print(f"  + DataTable   {count // 10:>7,} rows  {table['VmRSS'] / 1024:6.1f} MiB"
          f"  (+{added(table):.1f}; x10 = +{added(table) * 10:.0f} MiB est.)")  # fmt: skip
    print(f"  ratio DataTable(x10) / RecordTable, added: {added(table) * 10 / added(mine):.1f}x")
    if with_fdt:
        fdt = memory("fastdatatable", count)
        ratio = added(fdt) / added(mine)
        print(f"  + fastdatatable {count:>5,} rows  {fdt['VmRSS'] / 1024:6.1f} MiB"
              f"  (+{added(fdt):.1f}); ratio fdt / ours, added: {ratio:.2f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(hold(args.child, args.rows))))
        return
    rows = make_rows(args.rows)
    typed = keystrokes(queries(rows))
    with_fdt = fastdatatable() is not None
    print(f"{args.rows:,} rows, {args.runs} runs, terminal {SIZE[0]}x{SIZE[1]}")
    print(f"textual-fastdatatable: {'measured' if with_fdt else 'not installed, skipped'}\n")
    report_ready(rows, args.runs, with_fdt)
    report_filter(rows, typed, with_fdt)
    report_memory(args.rows, with_fdt)


if __name__ == "__main__":
    main()
