"""Profiles in TOML (no secrets), secrets in the keyring or a 0600 file, env vars on top.

    default_profile = "work"
    [ui]
    theme = "crm-dark"
    [keys]                       # keymap overrides: binding id -> keys
    "app.quit" = "ctrl+q,f10"
    [profiles.work]
    read_only = false
    [profiles.work.salesforce]
    instance_url = "https://acme.my.salesforce.com"

Environment overrides: CRM_CONSOLE_PROFILE picks the profile, CRM_CONSOLE_READ_ONLY=1 turns
read-only on, and CRM_CONSOLE_<VENDOR>_<FIELD> sets any credential field, e.g.
CRM_CONSOLE_ZENDESK_SELL_ACCESS_TOKEN or CRM_CONSOLE_TOTANGO_APP_TOKEN.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from console.config import choice
from console.config.credentials import CREDENTIAL_TYPES, VendorCredentials
from console.config.paths import config_file
from console.config.profile import Profile
from console.config.secrets import SecretStore, secret_key, secret_store
from console.errors import ConfigError

ENV_PREFIX = "CRM_CONSOLE_"
TRUE = {"1", "true", "yes", "on"}


def load_config(path: Path | None = None) -> dict[str, Any]:
    path = path or config_file()
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None


def save_config(data: Mapping[str, Any], path: Path | None = None) -> None:
    import tomli_w

    path = path or config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(tomli_w.dumps(dict(data)))
    os.replace(tmp, path)


def profile_names(config: Mapping[str, Any] | None = None) -> list[str]:
    config = load_config() if config is None else config
    return list((config.get("profiles") or {}).keys())


def default_profile_name(config: Mapping[str, Any] | None = None) -> str | None:
    return choice.default_profile_name(dict(load_config() if config is None else config))


def _env_fields(vendor: str) -> dict[str, str]:
    prefix = f"{ENV_PREFIX}{vendor.upper()}_"
    return {k[len(prefix) :].lower(): v for k, v in os.environ.items() if k.startswith(prefix)}


def env_vendors() -> list[str]:
    return [v for v in CREDENTIAL_TYPES if _env_fields(v)]


def load_profile(
    name: str | None = None,
    *,
    config: Mapping[str, Any] | None = None,
    secrets: SecretStore | None = None,
) -> Profile:
    """A profile with its secrets and the environment's overrides applied."""
    config = load_config() if config is None else config
    name = name or default_profile_name(config)
    profiles = config.get("profiles") or {}
    if name is None:
        if env_vendors():
            name = "env"
        else:
            raise ConfigError("No profile is configured. Add one with: crm-console profile add")
    if name not in profiles and name != "env":
        raise ConfigError(f"No profile named {name!r}. Known: {', '.join(profiles) or 'none'}.")
    section: Mapping[str, Any] = profiles.get(name, {})
    secrets = secrets or secret_store()
    profile = Profile(name=name)
    profile.read_only = bool(section.get("read_only", False))
    profile.ca_bundle = section.get("ca_bundle")
    profile.settings = dict(section.get("settings") or {})
    for vendor, cls in CREDENTIAL_TYPES.items():
        data: dict[str, Any] = dict(section.get(vendor) or {})
        env = _env_fields(vendor)
        if not data and not env:
            continue
        for field in cls.secret_fields:
            value = secrets.get(secret_key(name, vendor, field)) if vendor in section else None
            if value:
                data[field] = value
        data.update({k: v for k, v in env.items() if k in cls.model_fields})
        try:
            setattr(profile, vendor, cls.model_validate(data))
        except ValidationError as exc:
            fields = ", ".join(".".join(map(str, e["loc"])) for e in exc.errors())
            raise ConfigError(
                f"Profile {name!r}: {vendor} settings are invalid ({fields})."
            ) from None
    if os.environ.get(ENV_PREFIX + "READ_ONLY", "").lower() in TRUE:
        profile.read_only = True
    return profile


def save_profile_vendor(
    name: str,
    vendor: str,
    credentials: VendorCredentials,
    *,
    read_only: bool | None = None,
    make_default: bool = False,
    secrets: SecretStore | None = None,
) -> None:
    """Write a vendor's public settings to TOML and its secrets to the secret store."""
    config = load_config()
    profiles = config.setdefault("profiles", {})
    section = profiles.setdefault(name, {})
    section[vendor] = credentials.public()
    if read_only is not None:
        section["read_only"] = read_only
    if make_default or not config.get("default_profile"):
        config["default_profile"] = name
    secrets = secrets or secret_store()
    for field in credentials.secret_fields:
        value = credentials.secrets().get(field)
        key = secret_key(name, vendor, field)
        if value:
            secrets.set(key, value)
        else:
            secrets.delete(key)
    save_config(config)


def remove_profile(name: str, *, secrets: SecretStore | None = None) -> bool:
    config = load_config()
    profiles = config.get("profiles") or {}
    section = profiles.pop(name, None)
    if section is None:
        return False
    secrets = secrets or secret_store()
    for vendor, cls in CREDENTIAL_TYPES.items():
        if vendor in section:
            for field in cls.secret_fields:
                secrets.delete(secret_key(name, vendor, field))
    if config.get("default_profile") == name:
        config.pop("default_profile")
        if profiles:
            config["default_profile"] = next(iter(profiles))
    save_config(config)
    return True


def set_default_profile(name: str) -> None:
    config = load_config()
    if name not in (config.get("profiles") or {}):
        raise ConfigError(f"No profile named {name!r}.")
    config["default_profile"] = name
    save_config(config)


def ui_settings(config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    config = load_config() if config is None else config
    return dict(config.get("ui") or {})


def keymap(config: Mapping[str, Any] | None = None) -> dict[str, str]:
    config = load_config() if config is None else config
    return {str(k): str(v) for k, v in (config.get("keys") or {}).items()}
