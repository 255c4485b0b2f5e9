"""Running `crm-console sandbox` as a real process on 127.0.0.1, and watching its children."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.core.cli_helpers import ROOT

# How long a test waits for something that takes well under a second (generous: the test
# machine is shared); never a check on speed.
PATIENCE_S = 30.0


def start_command(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "console", "sandbox", "--print-config", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_PROXY": "127.0.0.1"},
    )


def read_config(proc: subprocess.Popen[str]) -> dict[str, Any]:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        proc.kill()
        pytest.fail(f"no config line; stderr: {proc.stderr.read() if proc.stderr else ''}")
    config: dict[str, Any] = json.loads(line)
    return config


def start_serving(*args: str) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    proc = start_command(*args)
    return proc, read_config(proc)


def stop_command(proc: subprocess.Popen[str], sig: int = signal.SIGINT) -> int:
    proc.send_signal(sig)
    return proc.wait(timeout=PATIENCE_S)


def free_port_base(count: int) -> int:
    for base in range(20000 + os.getpid() % 97, 60000, 97):
        socks = []
        try:
            for i in range(count):
                s = socket.socket()
                s.bind(("127.0.0.1", base + i))
                socks.append(s)
            return base
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise RuntimeError("no free port range")


def ports(config: dict[str, Any]) -> list[int]:
    return [int(values["base_url"].rsplit(":", 1)[1]) for values in config.values()]


# -- processes (Linux: /proc) ----------------------------------------------------------------


def _stat(pid: int) -> tuple[str, int] | None:
    """A process's state letter and parent pid, or None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()  # after "pid (command name)"
    return fields[0], int(fields[1])


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) and stat[1] == pid:
            found.append(int(entry.name))
    return sorted(found)


def wait_for_children(pid: int, count: int) -> list[int]:
    deadline = time.monotonic() + PATIENCE_S
    while len(found := children_of(pid)) < count:
        if time.monotonic() > deadline:
            pytest.fail(f"{count} children of {pid} expected, found {found}")
        time.sleep(0.01)
    return found


def alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] not in "ZX"  # a zombie has ended, unreaped


def wait_until_gone(pids: list[int]) -> list[int]:
    """The pids still running after PATIENCE_S (empty when all ended); those are then
    killed, so that a failing test leaves no orphans behind."""
    deadline = time.monotonic() + PATIENCE_S
    while (left := [p for p in pids if alive(p)]) and time.monotonic() < deadline:
        time.sleep(0.02)
    for pid in left:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    return left


def port_is_free(port: int) -> bool:
    """Nothing listens on it, and a new server could take it."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        return False
    except OSError:
        pass
    sock = socket.socket()
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        sock.listen()
        return True
    except OSError:
        return False
    finally:
        sock.close()
