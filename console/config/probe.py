"""The cheap authenticated call `profile test` makes for each vendor."""

from __future__ import annotations

from typing import Any

PROBES: dict[str, tuple[str, dict[str, Any]]] = {
    "salesforce": ("salesforce.listActions", {}),
    "zendesk_sell": ("zendesk_sell.listAccountDetails", {}),
    "infinity": ("infinity.listCallRatings", {"limit": 1}),
    "totango": ("totango.searchAccounts", {"count": 1}),
}
