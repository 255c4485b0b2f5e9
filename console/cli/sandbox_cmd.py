"""`crm-console sandbox`: serve the four vendor sandboxes on 127.0.0.1 until interrupted."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from console.cli.output import EXIT_INPUT


def run(args: argparse.Namespace) -> int:
    from console.sandbox.server import EmbeddedSandbox, SandboxOptions

    options = SandboxOptions(
        port_base=args.port_base,
        scale=args.scale,
        seed=args.seed,
        faults=args.faults,
        state=Path(args.state) if args.state else None,
        tls=args.tls,
    )
    try:
        sandbox = EmbeddedSandbox(options).start()
    except (ValueError, OSError) as exc:
        print(f"error: the sandbox could not start: {exc}", file=sys.stderr)
        return EXIT_INPUT
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    config = sandbox.config
    if args.print_config:
        print(json.dumps(config), flush=True)
    else:
        print(f"crm-console sandbox ready in {sandbox.startup_seconds:.2f}s (Ctrl+C stops it)")
        for vendor, values in config.items():
            print(f"  {vendor:<13} {values['base_url']}")
        print("Demo credentials: run again with --print-config.", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        sandbox.stop()
    return 0
