"""`crm-console endpoints [--vendor V] [--json]`."""

from __future__ import annotations

import argparse

from console.cli.output import print_json


def run(args: argparse.Namespace) -> int:
    from console.catalog import all_endpoints

    endpoints = all_endpoints(args.vendor)
    if args.json:
        print_json([ep.describe() for ep in endpoints])
        return 0
    width = max((len(ep.id) for ep in endpoints), default=10)
    for ep in endpoints:
        flags = "".join(
            ch if on else "."
            for ch, on in (
                ("M", ep.mutating),
                ("D", ep.destructive),
                ("P", ep.paginated),
                ("B", ep.batchable),
            )
        )
        print(f"{ep.id:<{width}}  {flags}  {ep.method:<6} {ep.title}")
    print(f"\n{len(endpoints)} endpoints  (M mutating, D destructive, P paginated, B batchable)")
    return 0
