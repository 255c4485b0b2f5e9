"""Launch to first frame with contact rows visible, against a minimal Textual app (a script).

    .venv/bin/python bench/startup_bench.py [--runs 7]

Each run is a fresh process (imports included), timed from the moment the parent starts
it until the child composes the frame asked for. The mark is taken in `App._display`, where
Textual hands over each composed frame (headless runs compose it and skip the write), so it
is the frame itself, not a callback scheduled after it:

- baseline: a minimal Textual app (one Static) — its first frame;
- console: `crm-console` on the embedded sandbox (all four vendors served in-process) — the
  first frame in which the Zendesk Sell contacts list shows its rows.

Both run headless at 80x24. The console is measured after one earlier run (as a user's
second start: Faker's word pools and the list's remembered first page are cached), at two
moments: the first frame with contact rows (remembered, titled "cached · refreshing") and
the first frame with fresh rows from the sandbox; the first-ever run is reported too.
Prints medians and ratios; no thresholds (these machines are noisy).

Children run with a bytecode cache in the bench's temporary directory
(PYTHONPYCACHEPREFIX), whatever PYTHONDONTWRITEBYTECODE says: an installed console or a
second start has its modules compiled already, and the baseline's Textual comes compiled
from site-packages. Without it every run recompiled the console's own sources (~0.4 s
here), which no user's second start does. The first-run-ever figure includes compiling
(everything, Textual too: the cache starts empty).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MINIMAL = """
import sys, time
from textual.app import App
from textual.widgets import Static

class Minimal(App[None]):
    def compose(self):
        yield Static("hello")

    # The frame itself: Textual hands every composed frame to _display (headless too, where
    # it is not written out), so the mark is the moment the first frame was made.
    def _display(self, screen, renderable) -> None:
        super()._display(screen, renderable)
        if renderable is not None and not self._batch_count and not self.marked:
            self.marked = True
            print("READY", time.time(), flush=True)
            self.call_later(self.exit)

    marked = False

Minimal().run(headless=True, size=(80, 24))
"""

CONSOLE = """
import sys, time
from screens.app import ConsoleApp, Launch
from screens.main import MainScreen

class Timed(ConsoleApp):
    # The frame itself, as for the minimal app: the first frame composed while the main
    # screen's contact list holds rows (remembered ones: READY; fresh from the sandbox: FRESH).
    def _display(self, screen, renderable) -> None:
        super()._display(screen, renderable)
        if renderable is None or self._batch_count or not isinstance(screen, MainScreen):
            return
        try:
            view = screen.current_view().active_list()
        except Exception:  # still composing
            return
        if view is None or not view.is_mounted or not view.table.loaded:
            return
        if not self.first:
            self.first = True
            print("READY", time.time(), flush=True)
        if not view.cached and not self.fresh:
            self.fresh = True
            print("FRESH", time.time(), flush=True)
            self.call_later(self.exit)

    first = fresh = False

Timed(Launch(sandbox=True)).run(headless=True, size=(80, 24))
"""


def run_once(code: str, env: dict[str, str], mark: str = "READY") -> float:
    return run_marks(code, env)[mark]


def run_marks(code: str, env: dict[str, str]) -> dict[str, float]:
    started = time.time()
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    marks = {
        line.split()[0]: float(line.split()[1]) - started
        for line in proc.stdout.splitlines()
        if line.startswith(("READY", "FRESH"))
    }
    if "READY" not in marks:
        raise RuntimeError(f"no READY line; stderr: {proc.stderr[-2000:]}")
    return marks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "PYTHONPYCACHEPREFIX": f"{tmp}/pycache",
            "CRM_CONSOLE_CONFIG_DIR": f"{tmp}/config",
            "CRM_CONSOLE_DATA_DIR": f"{tmp}/data",
            "CRM_CONSOLE_CACHE_DIR": f"{tmp}/cache",
            "CRM_CONSOLE_SECRETS": "file",
        }
        cold = run_marks(CONSOLE, env)  # first run ever: no word-pool cache, no remembered rows
        baseline, rows, fresh = [], [], []
        for _ in range(args.runs):  # interleaved, so drift in machine load hits both alike
            baseline.append(run_once(MINIMAL, env))
            marks = run_marks(CONSOLE, env)
            rows.append(marks["READY"])
            fresh.append(marks["FRESH"])
    b = statistics.median(baseline)
    r, f = statistics.median(rows), statistics.median(fresh)
    print(
        json.dumps(
            {
                "runs": args.runs,
                "minimal_textual_app_first_frame_s": round(b, 3),
                "console_contact_rows_visible_s": round(r, 3),
                "ratio_rows_visible": round(r / b, 2),
                "console_fresh_rows_from_sandbox_s": round(f, 3),
                "ratio_fresh_rows": round(f / b, 2),
                "first_run_ever_fresh_rows_s": round(cold["FRESH"], 3),
                "baseline_all": [round(x, 3) for x in baseline],
                "rows_visible_all": [round(x, 3) for x in rows],
                "fresh_all": [round(x, 3) for x in fresh],
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
