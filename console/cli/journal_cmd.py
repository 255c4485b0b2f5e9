"""`crm-console journal [--tail N] [--json]`."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from console.cli.output import print_json


def run(args: argparse.Namespace) -> int:
    from console.api import default_journal

    journal = default_journal()
    try:
        entries = journal.tail(args.tail, endpoint_prefix=args.endpoint, outcome=args.outcome)
    finally:
        journal.close()
    if args.json:
        print_json([asdict(e) for e in entries])
        return 0
    if not entries:
        print("The journal is empty.")
        return 0
    for e in entries:
        status = e.status if e.status is not None else "-"
        latency = f"{e.latency_ms:.0f}ms" if e.latency_ms is not None else "-"
        line = (
            f"{e.time[:19]}  {e.profile:<10} {e.outcome:<8} {status!s:>4} {latency:>7}"
            f"  {e.endpoint}"
        )
        if e.request_id:
            line += f"  [{e.request_id}]"
        print(line)
        if e.error:
            print(f"    {e.error}")
    return 0
