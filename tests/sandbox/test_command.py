"""`crm-console sandbox`: the print-config line, fixed ports, state across restarts, faults."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from console.sandbox.common.faults import parse_spec
from console.sandbox.server import EmbeddedSandbox, SandboxOptions
from tests.conftest import available_vendors
from tests.core.cli_helpers import ROOT
from tests.sandbox.command_helpers import free_port_base, start_serving, stop_command

KEYS = {
    "salesforce": {"base_url", "instance_url", "access_token"},
    "zendesk_sell": {"base_url", "access_token"},
    "infinity": {"base_url", "username", "password", "api_key", "igrp"},
    "totango": {"base_url", "app_token", "successplay_id"},
}


def test_print_config_first_line_and_every_server_answers() -> None:
    proc, config = start_serving()
    try:
        assert set(config) == set(available_vendors())
        for vendor, values in config.items():
            assert KEYS[vendor] <= set(values), vendor
            assert values["base_url"].startswith("http://127.0.0.1:")
            health = httpx.get(values["base_url"] + "/_sandbox/health", trust_env=False)
            assert health.json()["vendor"] == vendor
    finally:
        assert stop_command(proc) == 0


def test_port_base_assigns_consecutive_ports() -> None:
    base = free_port_base(4)
    proc, config = start_serving("--port-base", str(base), "--scale", "0.2", "--seed", "3")
    try:
        from console.sandbox.server import VENDOR_ORDER

        for i, vendor in enumerate(v for v in VENDOR_ORDER if v in config):
            expected = VENDOR_ORDER.index(vendor)
            assert config[vendor]["base_url"] == f"http://127.0.0.1:{base + expected}", i
    finally:
        stop_command(proc)


def test_bad_faults_spec_is_refused() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "console", "sandbox", "--faults", "nonsense"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "key=value" in proc.stderr


@pytest.mark.parametrize(
    ("flag", "value", "says"),
    [
        ("--port-base", "65534", "must lie in 1-65535"),
        ("--port-base", "0", "must lie in 1-65535"),
        ("--port-base", "http", "not a port number"),
        ("--scale", "0", "must be above 0"),
        ("--scale", "lots", "not a number"),
    ],
)
def test_bad_port_base_or_scale_is_refused_in_one_line(flag: str, value: str, says: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "console", "sandbox", flag, value],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 2
    assert says in proc.stderr
    assert "Traceback" not in proc.stderr


def test_faults_spec_parsing() -> None:
    spec = parse_spec("latency_ms=5;totango:error_rate=0.5,error_status=500")
    assert spec["totango"] == {"latency_ms": "5", "error_rate": "0.5", "error_status": "500"}
    assert spec["zendesk_sell"] == {"latency_ms": "5"}
    with pytest.raises(ValueError, match="unknown fault"):
        parse_spec("zendesk_sell:explode=1")
    with pytest.raises(ValueError, match="unknown vendor"):
        parse_spec("acme:latency_ms=1")


def test_state_file_keeps_changes_across_restarts(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    options = SandboxOptions(vendors=("totango",), state=state, seed=5)
    with EmbeddedSandbox(options) as first:
        cfg = first.config["totango"]
        r = httpx.post(
            cfg["base_url"] + "/api/v2/automations/run-manual-successplay",
            json={"successplayId": cfg["successplay_id"], "accountId": "ACC-10007"},
            headers={"app-token": cfg["app_token"]},
            trust_env=False,
        )
        assert r.text == "Success"
        runs_before = first.sandbox("totango").store.table("runs").values()
    with EmbeddedSandbox(SandboxOptions(vendors=("totango",), state=state, seed=99)) as second:
        runs_after = second.sandbox("totango").store.table("runs").values()
        assert runs_after == runs_before
        assert runs_after[-1]["accountId"] == "ACC-10007"
        # The seed of the restart does not matter: the saved data is used, not regenerated.
        assert second.config["totango"]["successplay_id"] == cfg["successplay_id"]


def test_a_restart_with_another_seed_prints_the_credentials_the_state_file_accepts(
    tmp_path: Path,
) -> None:
    state = tmp_path / "state.sqlite3"
    with EmbeddedSandbox(SandboxOptions(vendors=("zendesk_sell",), state=state, seed=1)) as first:
        token = first.config["zendesk_sell"]["access_token"]
    with EmbeddedSandbox(SandboxOptions(vendors=("zendesk_sell",), state=state, seed=2)) as second:
        cfg = second.config["zendesk_sell"]
        assert cfg["access_token"] == token  # the saved tokens, not seed 2's
        r = httpx.get(
            cfg["base_url"] + "/v2/users/self",
            headers={"Authorization": f"Bearer {cfg['access_token']}"},
            trust_env=False,
        )
        assert r.status_code == 200, r.text
