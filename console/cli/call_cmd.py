"""`crm-console call ENDPOINT_ID [key=value ...] [--input JSON|@file] [--all-pages]`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from console.cli.kv import load_input, parse_pairs
from console.cli.output import EXIT_OK, EXIT_VENDOR, print_json, report
from console.errors import ConsoleError, FieldProblem, InputError


def _inputs(args: argparse.Namespace) -> Any:
    base = load_input(args.input)
    pairs = parse_pairs(args.pairs)
    if isinstance(base, list):
        if pairs:
            raise InputError(
                "key=value arguments cannot be mixed with a list --input",
                [FieldProblem("--input", "a list sends a batch; put every field in it")],
            )
        return base
    if base is not None and not isinstance(base, dict):
        raise InputError("--input must be a JSON object or list", [FieldProblem("--input", "")])
    return {**(base or {}), **pairs}


def _precheck(args: argparse.Namespace, inputs: Any) -> None:
    """Refuse bad input and read-only mutations before a sandbox or profile is opened."""
    import os

    from console import catalog
    from console.api import wants_sandbox
    from console.config.store import TRUE, load_profile
    from console.service.service import precheck

    ep = catalog.get(args.endpoint_id)
    read_only = bool(getattr(args, "read_only", False))
    read_only = read_only or os.environ.get("CRM_CONSOLE_READ_ONLY", "").lower() in TRUE
    profile = getattr(args, "profile", None)
    if not read_only and not wants_sandbox(profile, True if args.sandbox else None):
        read_only = load_profile(profile).read_only
    try:
        precheck(ep, inputs, read_only=read_only)
    except InputError as exc:
        from console.api import default_journal
        from console.journal import JournalEntry
        from console.redact import Redactor

        journal = default_journal()
        journal.record(
            JournalEntry(
                profile=profile or ("sandbox" if args.sandbox else "default"),
                endpoint=ep.id,
                inputs=Redactor().data(inputs),
                outcome="refused",
                error=exc.message,
            )
        )
        journal.close()
        raise


async def _call(args: argparse.Namespace, inputs: Any) -> int:
    from console.cli.session import cli_service

    async with cli_service(args) as service:
        result = await service.call(args.endpoint_id, inputs, all_pages=args.all_pages)
    print_json(result.to_jsonable())
    failures = result.failures
    if failures:
        print(f"{len(failures)} of {len(result.items)} inputs failed:", file=sys.stderr)
        for item in failures[:20]:
            print(f"  [{item.index}] {item.error}", file=sys.stderr)
        return EXIT_VENDOR
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    try:
        inputs = _inputs(args)
        _precheck(args, inputs)
        return asyncio.run(_call(args, inputs))
    except ConsoleError as exc:
        return report(exc)
