"""The org's API usage, read from the `Sforce-Limit-Info` header every REST answer carries.

api-usage=25/15000
api-usage=25/15000; api-bursts=3/100
api-usage=25/15000; per-app-api-usage=17/250(appName=sample-connected-app)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEADER = "Sforce-Limit-Info"
_PAIR = re.compile(
    r"(?P<key>[a-z][a-z-]*)=(?P<used>\d+)/(?P<max>\d+)(?:\(appName=(?P<app>[^)]*)\))?"
)


@dataclass(frozen=True, slots=True)
class Usage:
    used: int
    max: int

    @property
    def remaining(self) -> int:
        return max(0, self.max - self.used)

    def __str__(self) -> str:
        return f"{self.used}/{self.max}"


@dataclass(frozen=True, slots=True)
class ApiUsage:
    """The org-wide counter, and the optional burst and per-app counters."""

    api: Usage | None = None
    bursts: Usage | None = None
    per_app: dict[str, Usage] = field(default_factory=dict)

    def as_info(self) -> dict[str, str]:
        """Flat strings for the trace (`CallResult.limit_info`) and the status bar."""
        out: dict[str, str] = {}
        if self.api:
            out["api-usage"] = str(self.api)
        if self.bursts:
            out["api-bursts"] = str(self.bursts)
        for app, usage in self.per_app.items():
            out[f"per-app-api-usage({app})"] = str(usage)
        return out


def parse_limit_info(value: str) -> ApiUsage | None:
    """Every counter the header names; None when it names none."""
    api = bursts = None
    per_app: dict[str, Usage] = {}
    for match in _PAIR.finditer(value):
        usage = Usage(int(match["used"]), int(match["max"]))
        key = match["key"]
        if key == "api-usage":
            api = usage
        elif key == "api-bursts":
            bursts = usage
        elif key == "per-app-api-usage":
            per_app[match["app"] or "app"] = usage
    if api is None and bursts is None and not per_app:
        return None
    return ApiUsage(api, bursts, per_app)
