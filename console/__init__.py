"""crm-console: one console for Salesforce Sales Engagement, Zendesk Sell, Infinity and Totango.

The headless core lives here; `connect()` opens it from a notebook or script.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from console.api import connect as connect


def __getattr__(name: str) -> Any:
    # Imported lazily so `crm-console --help` stays fast.
    if name == "connect":
        from console.api import connect

        return connect
    raise AttributeError(name)
