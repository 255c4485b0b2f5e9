"""How the CLI reports: JSON on stdout, people-readable errors on stderr, and exit codes."""

from __future__ import annotations

import json
import sys
from typing import Any

from console.errors import ConfigError, ConsoleError, InputError, ReadOnlyError, VendorError

EXIT_OK, EXIT_VENDOR, EXIT_INPUT = 0, 1, 2


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
    sys.stdout.flush()


def report(exc: ConsoleError) -> int:
    """Print an error the way a support agent can quote it; return the exit code."""
    err = sys.stderr
    if isinstance(exc, ReadOnlyError):
        print(f"read-only: {exc.message}", file=err)
        return EXIT_INPUT
    if isinstance(exc, InputError):
        print(f"invalid input: {exc.message}", file=err)
        for problem in exc.problems:
            print(f"  {problem.field or '(input)'}: {problem.message}", file=err)
        return EXIT_INPUT
    if isinstance(exc, ConfigError):
        print(f"error: {exc.message}", file=err)
        return EXIT_INPUT
    if isinstance(exc, VendorError):
        print(f"{exc.title}: {exc}", file=err)
        parts = [f"vendor={exc.vendor}", f"status={exc.status}"]
        parts.append(f"code={exc.code or '-'}")
        if exc.field:
            parts.append(f"field={exc.field}")
        parts.append(f"request_id={exc.request_id or '-'}")
        print("  " + " ".join(parts), file=err)
        return EXIT_VENDOR
    print(f"{exc.title}: {exc.message}", file=err)
    return EXIT_VENDOR
