"""Where crm-console keeps things: platformdirs' user dirs, overridable for tests and CI."""

from __future__ import annotations

import os
from pathlib import Path

APP = "crm-console"


def config_dir() -> Path:
    override = os.environ.get("CRM_CONSOLE_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False)


def data_dir() -> Path:
    override = os.environ.get("CRM_CONSOLE_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def cache_dir() -> Path:
    override = os.environ.get("CRM_CONSOLE_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_path

    return user_cache_path(APP, appauthor=False)


def config_file() -> Path:
    return config_dir() / "config.toml"


def journal_file() -> Path:
    return data_dir() / "journal.sqlite3"


def secrets_file() -> Path:
    return data_dir() / "secrets.json"


def state_file() -> Path:
    """UI state (last tab and list) kept between runs."""
    return data_dir() / "ui-state.json"
