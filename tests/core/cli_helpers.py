"""Running `crm-console` as a user would: a subprocess with an isolated environment."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Run:
    code: int
    out: str
    err: str


def cli(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Run:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_CONSOLE_")}
    for key in (
        "CRM_CONSOLE_CONFIG_DIR",
        "CRM_CONSOLE_DATA_DIR",
        "CRM_CONSOLE_SECRETS",
        "CRM_CONSOLE_CACHE_DIR",
    ):
        full_env[key] = os.environ[key]  # the isolated dirs the autouse fixture set
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "console", *args],
        capture_output=True,
        text=True,
        env=full_env,
        input=stdin,
        cwd=ROOT,
        timeout=120,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def env_profile(sandbox_config: dict[str, dict[str, str]], vendor: str) -> dict[str, str]:
    """Environment variables that point a vendor at a running sandbox (the 'env' profile)."""
    prefix = f"CRM_CONSOLE_{vendor.upper()}_"
    values = sandbox_config[vendor]
    keep = {
        "base_url",
        "instance_url",
        "access_token",
        "app_token",
        "username",
        "password",
        "api_key",
        "igrp",
        "login_url",
    }
    return {prefix + k.upper(): str(v) for k, v in values.items() if k in keep}
