"""The Infinity sandbox: Caller Insight buttons and call ratings (Config API v2/v2.1)."""

from console.sandbox.infinity.app import Sandbox

__all__ = ["Sandbox"]
