"""`crm-console sandbox`: serve the four vendor sandboxes on 127.0.0.1 until interrupted.

On Linux each vendor is served by a process of its own (`console.sandbox.processes`), so their
data is generated in parallel; elsewhere all of them are served from one process.
"""

from __future__ import annotations

import argparse
import json
import signal
import sqlite3
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from console.cli.output import EXIT_INPUT, EXIT_VENDOR

if TYPE_CHECKING:
    from console.sandbox.server import SandboxOptions

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class _StopRequested(Exception):
    pass


def run(args: argparse.Namespace) -> int:
    from console.sandbox.processes import forking_available
    from console.sandbox.server import SandboxOptions

    options = SandboxOptions(
        port_base=args.port_base,
        scale=args.scale,
        seed=args.seed,
        faults=args.faults,
        state=Path(args.state) if args.state else None,
        tls=args.tls,
    )
    if forking_available():
        return _serve_forked(options, print_config=args.print_config)
    return _serve_embedded(options, print_config=args.print_config)


def _serve_forked(options: SandboxOptions, *, print_config: bool) -> int:
    from console.sandbox.processes import ForkedSandbox, StartError

    stopping = False

    def on_signal(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        if not stopping:  # once: a second signal must not cut the stopping short
            stopping = True
            raise _StopRequested

    sandbox = ForkedSandbox(options)
    previous = {sig: signal.signal(sig, on_signal) for sig in STOP_SIGNALS}
    try:
        try:
            sandbox.start()
        except (StartError, ValueError, OSError, sqlite3.Error) as exc:
            return _refused(exc)
        _announce(sandbox.config, sandbox.startup_seconds, print_config=print_config)
        vendor, code = sandbox.wait()
        print(f"error: the {vendor} sandbox stopped (exit code {code})", file=sys.stderr)
        return EXIT_VENDOR
    except _StopRequested:
        return 0
    finally:
        stopping = True
        sandbox.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _serve_embedded(options: SandboxOptions, *, print_config: bool) -> int:
    from console.sandbox.server import EmbeddedSandbox

    try:
        sandbox = EmbeddedSandbox(options).start()
    except (ValueError, OSError, sqlite3.Error) as exc:
        return _refused(exc)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    for sig in STOP_SIGNALS:
        signal.signal(sig, on_signal)
    _announce(sandbox.config, sandbox.startup_seconds, print_config=print_config)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        sandbox.stop()
    return 0


def _refused(exc: BaseException) -> int:
    print(f"error: the sandbox could not start: {exc}", file=sys.stderr)
    return EXIT_INPUT


def _announce(config: dict[str, Any], seconds: float, *, print_config: bool) -> None:
    if print_config:
        print(json.dumps(config), flush=True)
        return
    print(f"crm-console sandbox ready in {seconds:.2f}s (Ctrl+C stops it)")
    for vendor, values in config.items():
        print(f"  {vendor:<13} {values['base_url']}")
    print("Demo credentials: run again with --print-config.", flush=True)
