"""Command palette keystrokes with every endpoint listed, against a trivial provider (a script).

    .venv/bin/python bench/palette_bench.py [--runs 5] [--json]

The console runs headless at 120x40 on the embedded sandbox (all four vendors, in process),
settles on its first list, opens the palette with ctrl+p and types each query letter by
letter, then erases it with backspace. Each keystroke is timed from the key press until the
palette has finished that query's search (Textual's gather worker is done and its
`_refresh_command_list` has run with the input's current value) and the palette screen's
next compositor refresh has painted it (Textual's refresh timer and frame pacing included).
Ours (`screens/palette_screen.py`, a CommandPalette subclass) runs no gather worker: it
calls the same `_refresh_command_list` from inside the key press, so the same two events
end its keystrokes; the baselines use Textual's CommandPalette unchanged.

Baselines, measured in the same run; the first two in the same ConsoleApp (same main
screen behind the palette, same theme), only `COMMANDS` swapped:

- plain: one trivial provider holding as many plain strings as our providers list (the
  same titles, no help line), matched with the same Textual matcher;
- plain + help: the same, each with the same help line as ours (so the difference between
  the two baselines is the cost of drawing help lines, and ours / plain+help is the cost of
  our providers themselves);
- bare app: the plain + help provider in a bare Textual App (an empty screen behind the
  palette): the floor Textual's palette sets on this machine, for context.

Apps are interleaved run by run, so drift in machine load hits all alike. Prints the
number of commands listed, medians and p95 per keystroke, and ratios; no thresholds (these
machines are noisy: with other load on a 2-core box every median rises alike, so read the
ratios).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.app import App
from textual.command import CommandInput, CommandList, CommandPalette, DiscoveryHit, Hit, Hits
from textual.command import Provider as TextualProvider

QUERIES = ("create contact", "pause", "zendesk sell: get")
SIZE = (120, 40)
KEY_NAMES = {" ": "space", ":": "colon"}


def keystrokes(query: str) -> list[tuple[str, str]]:
    """(key, input value after it): the query typed letter by letter, then erased."""
    typed = [(KEY_NAMES.get(ch, ch), query[: i + 1]) for i, ch in enumerate(query)]
    erased = [("backspace", query[:i]) for i in range(len(query) - 1, -1, -1)]
    return typed + erased


# ----------------------------------------------------------------------------- probing
class Probe:
    """Patches CommandPalette (for every app in this process) to time each keystroke.

    A keystroke is done when the palette refreshed its list for the input's current value
    (`_refresh_command_list`), its gather worker has finished (not a mid-search batch),
    and the palette screen has then been painted (`_compositor_refresh`).
    """

    def __init__(self) -> None:
        self.expected: str | None = None
        self.refreshed = False
        self.painted_at = 0.0
        self.listed = 0
        self.done = asyncio.Event()

    def expect(self, value: str) -> None:
        self.expected, self.refreshed = value.strip(), False  # the palette strips it too
        self.done.clear()

    async def wait(self) -> float:
        await asyncio.wait_for(self.done.wait(), timeout=30)
        return self.painted_at

    @contextmanager
    def installed(self) -> Iterator[None]:
        probe = self
        refresh_list = CommandPalette._refresh_command_list
        compositor_refresh = CommandPalette._compositor_refresh

        def _refresh_command_list(palette: Any, command_list: Any, *args: Any) -> None:
            refresh_list(palette, command_list, *args)
            value = palette.query_one(CommandInput).value.strip()
            if probe.expected is not None and value == probe.expected:
                probe.refreshed = True
                probe.listed = command_list.option_count

        def _compositor_refresh(palette: Any) -> None:
            compositor_refresh(palette)
            if probe.refreshed and not gathering(palette):
                probe.painted_at = time.perf_counter()
                probe.expected, probe.refreshed = None, False
                probe.done.set()

        CommandPalette._refresh_command_list = _refresh_command_list  # type: ignore[method-assign,assignment]
        CommandPalette._compositor_refresh = _compositor_refresh  # type: ignore[method-assign,assignment]
        try:
            yield
        finally:
            CommandPalette._refresh_command_list = refresh_list  # type: ignore[method-assign]
            CommandPalette._compositor_refresh = compositor_refresh  # type: ignore[method-assign]


def gathering(palette: CommandPalette) -> bool:
    group = CommandPalette._GATHER_COMMANDS_GROUP
    return any(w.node is palette and w.group == group and w.is_running for w in palette.workers)


# -------------------------------------------------------------------------- baselines
class PlainCommands(TextualProvider):
    """The trivial provider: a list of plain strings, matched with Textual's matcher."""

    with_help: ClassVar[bool] = False

    def entries(self) -> list[tuple[str, str]]:
        entries: list[tuple[str, str]] = self.app.bench_entries  # type: ignore[attr-defined]
        return entries

    async def discover(self) -> Hits:
        for title, help_text in self.entries():
            yield DiscoveryHit(title, noop, help=help_text if self.with_help else None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text in self.entries():
            score = matcher.match(title)
            if score > 0:
                help_line = help_text if self.with_help else None
                yield Hit(score, matcher.highlight(title), noop, help=help_line)


class PlainCommandsWithHelp(PlainCommands):
    with_help = True


def noop() -> None:
    pass


# ----------------------------------------------------------------------------- the apps
ENTRIES: list[tuple[str, str]] = []  # (title, help) of every command ours lists


class BareApp(App[None]):
    COMMANDS: ClassVar[set[Any]] = {PlainCommandsWithHelp}

    def __init__(self) -> None:
        super().__init__()
        self.bench_entries = list(ENTRIES)


def make_app(sandbox: Any, tmp: Path, kind: str) -> Any:
    from console.journal import Journal
    from console.sandbox.profile import sandbox_profile
    from console.service.service import Service
    from screens.app import ConsoleApp, Launch
    from screens.palette import app_commands, endpoint_commands

    class Baseline(ConsoleApp):
        COMMANDS: ClassVar[set[Any]] = {
            PlainCommandsWithHelp if kind == "plain+help" else PlainCommands
        }

        def on_mount(self) -> None:
            super().on_mount()
            listed = [*endpoint_commands(self), *app_commands(self)]  # before any timing
            self.bench_entries = [(c.title, c.help) for c in listed if c.palette]
            ENTRIES[:] = self.bench_entries

    if kind == "bare":
        if not ENTRIES:
            raise RuntimeError("measure a ConsoleApp baseline first: it lists the commands")
        return BareApp()
    journal = Journal(tmp / f"journal-{time.monotonic_ns()}.sqlite3")
    service = Service(sandbox_profile(sandbox.config), journal=journal)
    launch = Launch(service=service, remember=False)
    app: Any = ConsoleApp(launch) if kind == "ours" else Baseline(launch)
    app.animation_level = "none"
    app.bench_journal = journal
    return app


async def settle(pilot: Any) -> None:
    """Until the first list shows fresh rows and every worker has finished."""
    from screens.main import MainScreen

    for _ in range(400):
        await pilot.pause(0.05)
        screen = pilot.app.screen
        if not isinstance(screen, MainScreen):
            continue
        view = screen.current_view().active_list()
        if view is not None and view.is_mounted and view.table.loaded and not view.cached:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(0.3)
            return
    raise RuntimeError("the console never showed its first list")


async def session(app: Any, probe: Probe, queries: tuple[str, ...] = QUERIES) -> dict[str, Any]:
    """Open the palette, type and erase each query; seconds per keystroke."""
    times: list[float] = []
    hits: dict[str, int] = {}
    async with app.run_test(size=SIZE) as pilot:
        if not isinstance(app, BareApp):
            await settle(pilot)
        probe.expect("")
        await pilot.press("ctrl+p")
        await probe.wait()
        listed = probe.listed
        for query in queries:
            for key, value in keystrokes(query):
                probe.expect(value)
                start = time.perf_counter()
                await pilot.press(key)
                times.append(await probe.wait() - start)
                if value == query:
                    hits[query] = probe.listed
            palette = app.screen
            assert isinstance(palette, CommandPalette), palette
            assert palette.query_one(CommandList).option_count == listed
        await pilot.press("escape")
    if not isinstance(app, BareApp):
        app.bench_journal.close()
    return {"times": times, "listed": listed, "hits": hits}


# ----------------------------------------------------------------------------- report
def stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median_ms": round(statistics.median(values) * 1000, 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95)] * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
    }


def measure(runs: int, sandbox: Any, tmp: Path, kinds: tuple[str, ...]) -> dict[str, Any]:
    results: dict[str, dict[str, Any]] = {k: {"times": [], "hits": {}} for k in kinds}
    for _ in range(runs):
        for kind in kinds:
            probe = Probe()
            with probe.installed():
                got = asyncio.run(session(make_app(sandbox, tmp, kind), probe))
            results[kind]["times"] += got["times"]
            results[kind]["listed"] = got["listed"]
            results[kind]["hits"] = got["hits"]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        os.environ.update(
            CRM_CONSOLE_CONFIG_DIR=str(tmp / "config"),
            CRM_CONSOLE_DATA_DIR=str(tmp / "data"),
            CRM_CONSOLE_CACHE_DIR=str(tmp / "cache"),
            CRM_CONSOLE_SECRETS="file",
            NO_PROXY="127.0.0.1,localhost",
        )
        from console.sandbox.server import VENDOR_ORDER, EmbeddedSandbox, SandboxOptions

        with EmbeddedSandbox(SandboxOptions(vendors=VENDOR_ORDER, seed=0)) as sandbox:
            results = measure(args.runs, sandbox, tmp, ("ours", "plain", "plain+help", "bare"))
    report(results, args.runs, args.json)


def report(results: dict[str, dict[str, Any]], runs: int, as_json: bool) -> None:
    ours = results["ours"]
    summary = {k: stats(v["times"]) for k, v in results.items()}

    def ratio(a: str, b: str, field: str = "median_ms") -> float:
        return round(summary[a][field] / summary[b][field], 2)

    out: dict[str, Any] = {
        "runs": runs,
        "queries": list(QUERIES),
        "keystrokes": len(ours["times"]),
        "commands_listed": {k: v["listed"] for k, v in results.items()},
        "hits_per_query": ours["hits"],
        "per_keystroke": summary,
        "ratio_ours_to_plain": ratio("ours", "plain"),
        "ratio_ours_to_plain_p95": ratio("ours", "plain", "p95_ms"),
        "ratio_ours_to_plain_with_help": ratio("ours", "plain+help"),
        "ratio_ours_to_plain_with_help_p95": ratio("ours", "plain+help", "p95_ms"),
        "ratio_ours_to_bare_app": ratio("ours", "bare"),
    }
    if as_json:
        print(json.dumps(out, indent=2))
        return
    print(f"{runs} runs, terminal {SIZE[0]}x{SIZE[1]}, queries {', '.join(map(repr, QUERIES))}")
    listed = ", ".join(f"{kind} {got['listed']}" for kind, got in results.items())
    print(f"commands listed: {listed}; hits when typed: {ours['hits']}")
    print(f"\nPER KEYSTROKE, key press -> list refreshed and painted ({len(ours['times'])} keys)")
    labels = (
        ("ours", "ours"),
        ("plain", "baseline plain"),
        ("plain+help", "+ help"),
        ("bare", "bare app + help"),
    )
    for kind, label in labels:
        s = summary[kind]
        print(f"  {label:<16} median {s['median_ms']:6.1f} ms  p95 {s['p95_ms']:6.1f}"
              f"  max {s['max_ms']:6.1f}")  # fmt: skip
    print(f"  ratio ours / plain:      median {out['ratio_ours_to_plain']:.2f}x"
          f"  p95 {out['ratio_ours_to_plain_p95']:.2f}x")  # fmt: skip
    print(f"  ratio ours / plain+help: median {out['ratio_ours_to_plain_with_help']:.2f}x"
          f"  p95 {out['ratio_ours_to_plain_with_help_p95']:.2f}x")  # fmt: skip
    print(f"  ratio ours / bare app:   median {out['ratio_ours_to_bare_app']:.2f}x")


if __name__ == "__main__":
    main()
