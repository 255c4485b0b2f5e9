"""`crm-console`: the console (no subcommand), or one of its headless commands.

Imports stay lazy: `crm-console --help` loads neither Textual, httpx nor pydantic.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from console import __version__


def _port_base(text: str) -> int:
    """N for the four ports N..N+3, each a TCP port."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= n <= 65535 - 3:
        raise argparse.ArgumentTypeError(f"{n}: the four ports N..N+3 must lie in 1-65535")
    return n


def _scale(text: str) -> float:
    try:
        scale = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not scale > 0:
        raise argparse.ArgumentTypeError(f"{text}: the scale must be above 0")
    return scale


EPILOG = """\
commands:
  (none)      open the console (the embedded sandbox when no profile is configured)
  endpoints   list every endpoint of the catalog
  call        call one endpoint and print the result as JSON
  sandbox     serve the four vendor sandboxes on 127.0.0.1
  profile     add, list, test, remove profiles
  journal     show recent calls

exit codes: 0 success, 1 vendor or network error, 2 invalid input or refused
"""


def _common(parser: argparse.ArgumentParser, *, sub: bool) -> None:
    """Global flags, accepted before or after the subcommand."""
    default = argparse.SUPPRESS if sub else None
    parser.add_argument("--profile", "-p", default=default, help="profile to use")
    parser.add_argument(
        "--sandbox",
        action="store_true",
        default=argparse.SUPPRESS if sub else False,
        help="use the embedded loopback sandbox",
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        default=argparse.SUPPRESS if sub else False,
        help="refuse every call that changes data",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crm-console",
        description="A keyboard-driven console for Salesforce Sales Engagement, Zendesk Sell, "
        "Infinity and Totango.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"crm-console {__version__}")
    _common(parser, sub=False)
    subs = parser.add_subparsers(dest="command", metavar="COMMAND")

    ep = subs.add_parser("endpoints", help="list the endpoint catalog")
    ep.add_argument("--vendor", choices=["salesforce", "zendesk_sell", "infinity", "totango"])
    ep.add_argument("--json", action="store_true", help="print a JSON array")
    _common(ep, sub=True)

    call = subs.add_parser("call", help="call one endpoint and print JSON")
    call.add_argument("endpoint_id", metavar="ENDPOINT_ID")
    call.add_argument("pairs", nargs="*", metavar="key=value", help="inputs (JSON values parse)")
    call.add_argument("--input", "-i", help="inputs as JSON, or @file (a list sends a batch)")
    call.add_argument("--all-pages", action="store_true", help="follow every page of a list")
    _common(call, sub=True)

    sb = subs.add_parser("sandbox", help="serve the vendor sandboxes until interrupted")
    sb.add_argument(
        "--port-base", type=_port_base, help="Salesforce on N, Zendesk Sell N+1, ... (1-65532)"
    )
    sb.add_argument("--scale", type=_scale, default=1.0, help="multiply record counts")
    sb.add_argument("--seed", type=int, default=0, help="data seed")
    sb.add_argument("--faults", help="e.g. 'latency_ms=50;zendesk_sell:error_rate=0.1'")
    sb.add_argument("--state", help="keep sandbox data in this SQLite file across restarts")
    sb.add_argument("--print-config", action="store_true", help="first line: JSON config")
    sb.add_argument("--tls", action="store_true", help="serve HTTPS with a throwaway CA")

    prof = subs.add_parser("profile", help="manage profiles")
    psubs = prof.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    add = psubs.add_parser("add", help="add or update a vendor in a profile")
    add.add_argument("name")
    add.add_argument(
        "--vendor", required=True, choices=["salesforce", "zendesk_sell", "infinity", "totango"]
    )
    add.add_argument(
        "fields",
        nargs="*",
        metavar="field=value",
        help="settings; missing secrets are prompted for (field=- reads stdin)",
    )
    add.add_argument(
        "--from-sf-cli",
        metavar="FILE",
        help="import from `sf org display --json` output (- = stdin)",
    )
    add.add_argument(
        "--device-login",
        action="store_true",
        help="log in to Salesforce with the OAuth device flow",
    )
    add.add_argument("--default", action="store_true", help="make it the default profile")
    add.add_argument("--read-only", action="store_true", default=None, help="mark read-only")
    lst = psubs.add_parser("list", help="list profiles (never secrets)")
    lst.add_argument("--json", action="store_true")
    tst = psubs.add_parser("test", help="one cheap authenticated call per configured vendor")
    tst.add_argument("name", nargs="?")
    tst.add_argument("--json", action="store_true")
    rm = psubs.add_parser("remove", help="remove a profile and its secrets")
    rm.add_argument("name")
    df = psubs.add_parser("default", help="make a profile the default")
    df.add_argument("name")

    jr = subs.add_parser("journal", help="show recent calls")
    jr.add_argument("--tail", type=int, default=20, metavar="N")
    jr.add_argument("--json", action="store_true")
    jr.add_argument("--endpoint", help="only endpoints starting with this")
    jr.add_argument("--outcome", choices=["ok", "error", "partial", "refused"])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    command = args.command
    # key=value arguments may follow options (`call X --input {...} count=2`).
    pairs = [e for e in extra if "=" in e and not e.startswith("-")]
    target = {"call": "pairs", "profile": "fields"}.get(command or "")
    if target and pairs and hasattr(args, target):
        setattr(args, target, [*getattr(args, target), *pairs])
        extra = [e for e in extra if e not in pairs]
    if extra:
        # Never echo values: a stray key=value may hold a secret.
        shown = [e.split("=", 1)[0] + "=..." if "=" in e else e for e in extra]
        parser.error(f"unrecognized arguments: {' '.join(shown)}")
    try:
        if command == "endpoints":
            from console.cli.endpoints_cmd import run as run_endpoints

            return run_endpoints(args)
        if command == "call":
            from console.cli.call_cmd import run as run_call

            return run_call(args)
        if command == "sandbox":
            from console.cli.sandbox_cmd import run as run_sandbox

            return run_sandbox(args)
        if command == "profile":
            from console.cli.profile_cmd import run as run_profile

            return run_profile(args)
        if command == "journal":
            from console.cli.journal_cmd import run as run_journal

            return run_journal(args)
        from console.app import run as run_app

        code: int = run_app(profile=args.profile, sandbox=args.sandbox, read_only=args.read_only)
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
