"""Which profile the console will open, decided from the TOML and the environment alone.

Kept free of pydantic and the service, so the UI can name the profile (and show what it
remembers of it) before anything heavy is imported.
"""

from __future__ import annotations

import os
import tomllib
from typing import Any

from console.config.paths import config_file

VENDOR_PREFIXES = tuple(
    f"CRM_CONSOLE_{v.upper()}_" for v in ("salesforce", "zendesk_sell", "infinity", "totango")
)


def read_config() -> dict[str, Any]:
    try:
        with config_file().open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def default_profile_name(config: dict[str, Any] | None = None) -> str | None:
    config = read_config() if config is None else config
    chosen = os.environ.get("CRM_CONSOLE_PROFILE") or config.get("default_profile")
    if chosen:
        return str(chosen)
    names = list((config.get("profiles") or {}).keys())
    return names[0] if names else None


def env_has_vendor() -> bool:
    return any(k.startswith(VENDOR_PREFIXES) for k in os.environ)


def wants_sandbox(profile: str | None, sandbox: bool | None) -> bool:
    """The sandbox when asked for, or when nothing else is configured."""
    if sandbox is not None:
        return sandbox
    if profile:
        return False
    return default_profile_name() is None and not env_has_vendor()


def expected_profile(profile: str | None, sandbox: bool | None) -> str:
    if wants_sandbox(profile, sandbox):
        return "sandbox"
    return profile or default_profile_name() or "env"
