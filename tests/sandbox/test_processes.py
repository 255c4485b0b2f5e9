"""`crm-console sandbox` serves each vendor from a child process: none outlives the command.

Real processes on 127.0.0.1: the command is stopped by SIGINT or SIGTERM, or SIGKILLed, while
serving or while its children still generate; a child that cannot start, or that dies, ends
the command. Children are found through /proc, so these tests run on Linux only.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import ssl
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from console.sandbox.server import VENDOR_ORDER, SandboxOptions, build_sandboxes
from tests.conftest import available_vendors
from tests.core.cli_helpers import ROOT
from tests.sandbox.command_helpers import (
    PATIENCE_S,
    children_of,
    free_port_base,
    port_is_free,
    ports,
    read_config,
    start_command,
    start_serving,
    stop_command,
    wait_for_children,
    wait_until_gone,
)

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="one process per vendor: Linux")

VENDORS = len(available_vendors())
# Large enough that the children are still generating when the test acts, and the test
# stops them long before they would finish.
GENERATING = ("--scale", "100")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_signal_ends_every_vendor_process_and_frees_the_ports(sig: int) -> None:
    proc, config = start_serving()
    children = children_of(proc.pid)
    assert len(children) == VENDORS
    assert stop_command(proc, sig) == 0
    assert wait_until_gone(children) == []
    assert all(port_is_free(port) for port in ports(config))
    assert proc.stderr is not None
    assert proc.stderr.read() == ""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_signal_while_the_vendors_generate_ends_them(sig: int) -> None:
    proc = start_command(*GENERATING)
    children = wait_for_children(proc.pid, VENDORS)
    assert stop_command(proc, sig) == 0
    assert wait_until_gone(children) == []


def test_killing_the_serving_command_ends_every_vendor_process() -> None:
    proc, config = start_serving()
    children = children_of(proc.pid)
    assert len(children) == VENDORS
    proc.kill()  # SIGKILL: no handler runs in the parent
    proc.wait(timeout=PATIENCE_S)
    assert wait_until_gone(children) == []
    assert all(port_is_free(port) for port in ports(config))


def test_killing_the_command_while_the_vendors_generate_ends_them() -> None:
    proc = start_command(*GENERATING)
    children = wait_for_children(proc.pid, VENDORS)
    proc.kill()
    proc.wait(timeout=PATIENCE_S)
    assert wait_until_gone(children) == []


def test_a_vendor_process_that_dies_ends_the_command_and_the_others() -> None:
    proc, config = start_serving()
    first, *others = children_of(proc.pid)
    socket_ports = ports(config)
    os.kill(first, signal.SIGKILL)
    assert proc.wait(timeout=PATIENCE_S) == 1
    assert wait_until_gone(others) == []
    assert all(port_is_free(port) for port in socket_ports)
    assert proc.stderr is not None
    (line,) = proc.stderr.read().splitlines()
    assert line.startswith("error: the ")
    assert line.endswith(" sandbox stopped (exit code -9)")


def test_a_vendor_that_cannot_listen_fails_the_command_in_one_line() -> None:
    base = free_port_base(len(VENDOR_ORDER))
    taken = base + VENDOR_ORDER.index("infinity")
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", taken))
        squatter.listen()
        proc = start_command("--port-base", str(base))
        out, err = proc.communicate(timeout=PATIENCE_S * 2)
    assert proc.returncode == 2
    assert out == ""
    (line,) = err.splitlines()
    assert line.startswith("error: the sandbox could not start: infinity: ")
    assert f"127.0.0.1:{taken}" in line
    others = [base + i for i, v in enumerate(VENDOR_ORDER) if v != "infinity"]
    assert all(port_is_free(port) for port in others)


def test_a_state_file_that_is_no_database_fails_the_command_in_one_line(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    state.write_text("not a database " * 100)
    proc = start_command("--state", str(state))
    _, err = proc.communicate(timeout=PATIENCE_S * 2)
    assert proc.returncode == 2
    (line,) = err.splitlines()
    assert line == f"error: the sandbox could not start: state file {state}: file is not a database"


def test_seed_faults_and_tls_reach_every_vendor_process() -> None:
    proc, config = start_serving(
        "--seed", "3", "--tls", "--faults", "totango:latency_ms=5;error_status=502"
    )
    try:
        alone = build_sandboxes(SandboxOptions(seed=3))
        (ca_bundle,) = {values["ca_bundle"] for values in config.values()}  # one CA for all
        tls = ssl.create_default_context(cafile=ca_bundle)
        for vendor, values in config.items():
            url = values["base_url"]
            assert url.startswith("https://127.0.0.1:")
            expected = {**alone[vendor].demo_config(url), "ca_bundle": ca_bundle}
            assert values == expected, vendor
            faults = httpx.get(url + "/_sandbox/faults", verify=tls, trust_env=False).json()
            assert faults["error_status"] == 502, vendor
            assert faults["latency_ms"] == (5 if vendor == "totango" else 0), vendor
    finally:
        assert stop_command(proc) == 0
    assert not Path(ca_bundle).exists()  # the parent removed the throwaway CA


def _saved(path: Path) -> tuple[list[Any], list[Any]]:
    with sqlite3.connect(path) as db:
        records = db.execute("SELECT vendor, tbl, key, pos, data FROM records").fetchall()
        meta = db.execute("SELECT vendor, key, value FROM meta").fetchall()
    out = []
    for vendor, tbl, key, pos, data in records:
        if tbl.startswith("events:"):  # a Firehose event's arrival time is wall time
            data = json.dumps({k: v for k, v in json.loads(data).items() if k != "_at"})
        out.append((vendor, tbl, key, pos, data))
    return sorted(out), sorted(meta)


def test_the_vendor_processes_save_what_one_process_saves(tmp_path: Path) -> None:
    """Four processes write one state file at once: nothing is lost, nothing differs."""
    state = tmp_path / "processes.sqlite3"
    proc, _ = start_serving("--state", str(state), "--seed", "5", "--scale", "2")
    assert stop_command(proc) == 0
    alone = tmp_path / "one-process.sqlite3"
    for sandbox in build_sandboxes(SandboxOptions(seed=5, scale=2, state=alone)).values():
        sandbox.store.close()
    assert _saved(state) == _saved(alone)


def test_a_restart_loads_what_each_vendor_process_saved(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    proc, config = start_serving("--state", str(state), "--seed", "5")
    try:
        tt, zs = config["totango"], config["zendesk_sell"]
        run = httpx.post(
            tt["base_url"] + "/api/v2/automations/run-manual-successplay",
            json={"successplayId": tt["successplay_id"], "accountId": "ACC-10007"},
            headers={"app-token": tt["app_token"]},
            trust_env=False,
        )
        assert run.text == "Success"
        made = httpx.post(
            zs["base_url"] + "/v2/contacts",
            json={"data": {"first_name": "Ada", "last_name": "Restarted"}},
            headers={"Authorization": f"Bearer {zs['access_token']}"},
            trust_env=False,
        )
        assert made.status_code == 200, made.text
        contact_id = made.json()["data"]["id"]
    finally:
        assert stop_command(proc) == 0

    proc, again = start_serving("--state", str(state), "--seed", "5")
    try:
        zs = again["zendesk_sell"]
        found = httpx.get(
            f"{zs['base_url']}/v2/contacts/{contact_id}",
            headers={"Authorization": f"Bearer {zs['access_token']}"},
            trust_env=False,
        )
        assert found.status_code == 200, found.text
        assert found.json()["data"]["last_name"] == "Restarted"
    finally:
        assert stop_command(proc) == 0
    with sqlite3.connect(state) as db:
        runs = db.execute(
            "SELECT data FROM records WHERE vendor = 'totango' AND tbl = 'runs' ORDER BY pos"
        ).fetchall()
    assert json.loads(runs[-1][0])["accountId"] == "ACC-10007"


def test_where_fork_is_not_trusted_the_command_serves_from_one_process() -> None:
    code = (
        "import sys; import console.sandbox.processes as p; p.forking_available = lambda: False;"
        "from console.cli.main import main; sys.exit(main(sys.argv[1:]))"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "sandbox", "--print-config"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_PROXY": "127.0.0.1"},
    )
    config = read_config(proc)
    try:
        assert children_of(proc.pid) == []
        for vendor, values in config.items():
            health = httpx.get(values["base_url"] + "/_sandbox/health", trust_env=False)
            assert health.json()["vendor"] == vendor
    finally:
        assert stop_command(proc) == 0
    assert all(port_is_free(port) for port in ports(config))
