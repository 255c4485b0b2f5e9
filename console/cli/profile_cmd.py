"""`crm-console profile add|list|test|remove|default`."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
import time
from pathlib import Path
from typing import Any

from console.cli.output import EXIT_INPUT, EXIT_OK, EXIT_VENDOR, print_json, report
from console.errors import ConfigError, ConsoleError, FieldProblem, InputError

# The secret each vendor cannot work without, prompted for when missing on a terminal.
ESSENTIAL_SECRET = {
    "salesforce": "access_token",
    "zendesk_sell": "access_token",
    "infinity": "password",
    "totango": "app_token",
}


def _pairs(fields: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in fields:
        key, eq, value = pair.partition("=")
        if not eq or not key:
            raise InputError("expected field=value", [FieldProblem(pair, "expected field=value")])
        if value == "-":
            value = sys.stdin.readline().rstrip("\n")
        out[key] = json.loads(value) if value.startswith("{") else value
    return out


def _add(args: argparse.Namespace) -> int:
    from console.config.credentials import CREDENTIAL_TYPES
    from console.config.store import load_profile, save_profile_vendor

    vendor: str = args.vendor
    cls = CREDENTIAL_TYPES[vendor]
    data: dict[str, Any] = {}
    try:
        existing = load_profile(args.name)
        current = getattr(existing, vendor)
        if current is not None:
            data.update(current.model_dump(exclude_none=True))
            data.update(current.secrets())
    except ConfigError:
        pass
    if args.from_sf_cli:
        if vendor != "salesforce":
            raise InputError("--from-sf-cli is for --vendor salesforce", [])
        from console.vendors.salesforce.auth import import_sf_cli

        text = sys.stdin.read() if args.from_sf_cli == "-" else Path(args.from_sf_cli).read_text()
        imported = import_sf_cli(text)
        data.update(imported.model_dump(exclude_none=True))
        data.update(imported.secrets())
    data.update(_pairs(args.fields))
    if args.device_login:
        if vendor != "salesforce":
            raise InputError("--device-login is for --vendor salesforce", [])
        data.update(_device_login(data))
    unknown = sorted(set(data) - set(cls.model_fields))
    if unknown:
        raise InputError(
            f"{vendor} has no setting {', '.join(unknown)}",
            [FieldProblem(k, f"unknown; known: {', '.join(cls.model_fields)}") for k in unknown],
        )
    secret = ESSENTIAL_SECRET[vendor]
    if vendor == "infinity" and data.get("api_key"):
        secret = "api_key"
    if not data.get(secret) and sys.stdin.isatty():
        data[secret] = getpass.getpass(f"{vendor} {secret} (not echoed): ")
    try:
        creds = cls.model_validate(data)
    except Exception as exc:
        from pydantic import ValidationError

        if isinstance(exc, ValidationError):
            from console.service.inputs import problems_of

            raise InputError(f"{vendor} settings are invalid", problems_of(exc)) from None
        raise
    save_profile_vendor(
        args.name, vendor, creds, read_only=args.read_only, make_default=args.default
    )
    from console.config.secrets import secret_store

    print(f"Saved {vendor} in profile {args.name!r} (secrets in the {secret_store().name} store).")
    return EXIT_OK


def _device_login(data: dict[str, Any]) -> dict[str, Any]:
    """Run the Salesforce OAuth device flow, telling the person where to approve it."""
    import httpx

    from console.vendors.salesforce.auth import DeviceCode, device_login

    client_id = data.get("client_id")
    if not client_id:
        raise InputError(
            "--device-login needs the connected app's client_id",
            [FieldProblem("client_id", "required for the device flow")],
        )
    login_url = str(data.get("login_url") or "https://login.salesforce.com")

    def show(code: DeviceCode) -> None:
        print(
            f"Open {code.verification_uri} and enter the code {code.user_code}",
            file=sys.stderr,
            flush=True,
        )
        print("Waiting for approval (Ctrl+C gives up)...", file=sys.stderr, flush=True)

    async def login() -> dict[str, Any]:
        async with httpx.AsyncClient(timeout=30) as http:
            creds = await device_login(
                http, login_url=login_url, client_id=str(client_id), on_code=show
            )
        return {**creds.model_dump(exclude_none=True), **creds.secrets()}

    return asyncio.run(login())


def _list(args: argparse.Namespace) -> int:
    from console.config.secrets import secret_store
    from console.config.store import default_profile_name, load_config, load_profile

    config = load_config()
    default = default_profile_name(config)
    rows = []
    for name in config.get("profiles") or {}:
        prof = load_profile(name, config=config)
        rows.append(
            {
                "name": name,
                "default": name == default,
                "read_only": prof.read_only,
                "vendors": prof.vendors(),
                "secrets": {v: sorted(prof.credentials(v).secrets()) for v in prof.vendors()},
            }
        )
    if args.json:
        print_json(rows)
        return EXIT_OK
    if not rows:
        print("No profiles. Without one, crm-console runs on the embedded sandbox.")
        print("Add one with: crm-console profile add NAME --vendor VENDOR field=value ...")
        return EXIT_OK
    for row in rows:
        mark = "*" if row["default"] else " "
        ro = " (read-only)" if row["read_only"] else ""
        print(f"{mark} {row['name']}{ro}: {', '.join(row['vendors']) or 'no vendors'}")
    print(f"\nSecrets are kept in the {secret_store().name} store; none are shown here.")
    return EXIT_OK


async def _probe(profile_name: str | None) -> list[dict[str, Any]]:
    from console.config.probe import PROBES
    from console.config.store import load_profile
    from console.service.service import Service

    profile = load_profile(profile_name)
    out = []
    async with Service(profile) as service:
        for vendor in profile.vendors():
            endpoint_id, inputs = PROBES[vendor]
            started = time.perf_counter()
            row: dict[str, Any] = {"vendor": vendor, "endpoint": endpoint_id}
            try:
                result = await service.call(endpoint_id, inputs)
                row.update(ok=True, status=result.status, request_id=result.request_id)
                if result.limit_info:
                    row["limits"] = result.limit_info
            except ConsoleError as exc:
                row.update(ok=False, error=str(exc), title=exc.title)
            row["latency_ms"] = round((time.perf_counter() - started) * 1000)
            out.append(row)
    return out


def _test(args: argparse.Namespace) -> int:
    rows = asyncio.run(_probe(args.name))
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            if row["ok"]:
                print(f"ok    {row['vendor']:<13} {row['endpoint']}  {row['latency_ms']} ms")
            else:
                print(f"FAIL  {row['vendor']:<13} {row['title']}: {row['error']}")
        if not rows:
            print("That profile has no vendors configured.")
    return EXIT_OK if rows and all(r["ok"] for r in rows) else EXIT_VENDOR


def _remove(args: argparse.Namespace) -> int:
    from console.config.store import remove_profile

    if not remove_profile(args.name):
        print(f"error: no profile named {args.name!r}", file=sys.stderr)
        return EXIT_INPUT
    print(f"Removed profile {args.name!r} and its secrets.")
    return EXIT_OK


def _default(args: argparse.Namespace) -> int:
    from console.config.store import set_default_profile

    set_default_profile(args.name)
    print(f"{args.name!r} is now the default profile.")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    actions = {"add": _add, "list": _list, "test": _test, "remove": _remove, "default": _default}
    try:
        return actions[args.profile_command](args)
    except ConsoleError as exc:
        return report(exc)
