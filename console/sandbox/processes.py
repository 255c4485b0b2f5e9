"""The vendor servers of `crm-console sandbox`, one process each, so they generate in parallel.

At --scale 200 Salesforce takes about half of the start and Zendesk Sell most of the rest; in
one process they wait for each other. Here the parent imports what all vendors share, then
forks one child per vendor, each once its own modules are imported (the parent never has a
thread or an event loop). A child binds its port, generates or loads its data, starts its
server and sends its demo config up a pipe; the parent prints the config line once every
child has.

No child outlives the parent: all of them watch one lifeline pipe whose only write end the
parent holds. The parent closes it to stop them, and its death closes it too, even by
SIGKILL; at EOF a child stops its server as on SIGTERM. Children ignore SIGINT: Ctrl+C in a
terminal reaches the whole process group, and the parent does the stopping.

Fork only exists on POSIX and is only trusted on Linux; elsewhere the command serves in one
process (`EmbeddedSandbox`).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
import multiprocessing
import os
import signal
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import FrameType
from typing import Any

import uvicorn

from console.sandbox.common.fakedata import pools
from console.sandbox.common.faults import parse_spec
from console.sandbox.common.store import prepare_state_file
from console.sandbox.server import SandboxOptions, SandboxServers, TlsFiles, make_tls_files

# How long stopped children get to finish their open requests before they are killed.
STOP_GRACE_S = 5.0


def forking_available() -> bool:
    return sys.platform == "linux"


class StartError(Exception):
    """A vendor's process could not start serving (its message names the vendor)."""


@dataclass(slots=True)
class _Child:
    vendor: str
    process: BaseProcess
    conn: Connection  # the parent's end of the child's report pipe


class ForkedSandbox:
    """The command's servers: one child process per vendor, reporting to this parent."""

    def __init__(self, options: SandboxOptions) -> None:
        self.options = options
        self.config: dict[str, dict[str, Any]] = {}
        self.startup_seconds = 0.0
        self._children: list[_Child] = []
        self._lifeline: int | None = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def start(self) -> ForkedSandbox:
        """Fork the children and wait until every server accepts connections.

        Raises StartError (a child's or the state file's failure; `stop` then stops the
        other children), ValueError for a bad faults spec, OSError if no process or pipe
        can be made.
        """
        started = time.perf_counter()
        tls = self._prepare()
        context = multiprocessing.get_context("fork")
        watch, self._lifeline = os.pipe()
        try:
            for i, vendor in enumerate(self.options.vendors):
                # Each vendor's own modules just before its fork: Salesforce, the longest to
                # generate, starts without waiting for the others' imports (about 0.14 s).
                importlib.import_module(f"console.sandbox.{vendor}")
                # What is imported by now is shared with the child; frozen, its collections
                # neither walk it nor write to its pages (which would copy them).
                gc.freeze()
                base = self.options.port_base
                port = base + i if base is not None else None
                one = replace(self.options, vendors=(vendor,), port_base=port)
                receive, send = context.Pipe(duplex=False)
                process = context.Process(
                    target=_child_main,
                    args=(one, tls, send, watch, self._lifeline),
                    name=f"crm-sandbox-{vendor}",
                    daemon=True,
                )
                process.start()
                send.close()  # the child's copy is the only one: EOF when it ends
                self._children.append(_Child(vendor, process, receive))
        finally:
            os.close(watch)
        self._await_reports()
        self.startup_seconds = time.perf_counter() - started
        return self

    def _prepare(self) -> TlsFiles | None:
        """What every child needs, done once here: checks, imports, pools, files."""
        parse_spec(self.options.faults)
        if self.options.state is not None:
            try:
                prepare_state_file(self.options.state)
            except (OSError, sqlite3.Error) as exc:
                raise StartError(f"state file {self.options.state}: {exc}") from exc
        # uvicorn imports its protocol and lifespan modules when a config is first loaded.
        uvicorn.Config(_no_app, lifespan="off", log_level="warning").load()
        pools(self.options.seed)  # from the cache file or Faker: once, not once per child
        if not self.options.tls:
            return None
        self._tmp = tempfile.TemporaryDirectory(prefix="crm-sandbox-tls-")
        return make_tls_files(Path(self._tmp.name))  # one CA for every vendor

    def _await_reports(self) -> None:
        pending: dict[object, _Child] = {child.conn: child for child in self._children}
        while pending:
            for conn in wait(list(pending)):  # type: ignore[arg-type]
                child = pending.pop(conn)
                try:
                    kind, payload = child.conn.recv()
                except EOFError:
                    child.process.join(1)
                    code = child.process.exitcode
                    message = f"{child.vendor}: its process ended (exit code {code})"
                    raise StartError(message) from None
                if kind != "ready":
                    raise StartError(str(payload))
                self.config[child.vendor] = payload
        self.config = {c.vendor: self.config[c.vendor] for c in self._children}

    def wait(self) -> tuple[str, int | None]:
        """Block until a child ends (none should before `stop`): its vendor and exit code."""
        by_sentinel: dict[object, _Child] = {c.process.sentinel: c for c in self._children}
        ended = by_sentinel[wait(list(by_sentinel))[0]]  # type: ignore[arg-type]
        ended.process.join()
        return ended.vendor, ended.process.exitcode

    def stop(self) -> None:
        """Stop every child: gracefully, then by SIGKILL after STOP_GRACE_S."""
        if self._lifeline is not None:
            os.close(self._lifeline)
            self._lifeline = None
        deadline = time.monotonic() + STOP_GRACE_S
        for child in self._children:
            child.process.join(max(0.0, deadline - time.monotonic()))
        for child in self._children:
            if child.process.is_alive():
                child.process.kill()
                child.process.join()
            child.conn.close()
        self._children.clear()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


async def _no_app(scope: Any, receive: Any, send: Any) -> None:
    pass


# -- in a child ----------------------------------------------------------------------------------


class _Stopped(Exception):
    """SIGTERM (or the parent's end) before the server was serving."""


class _QuietServer(uvicorn.Server):
    """A uvicorn server that leaves the process's signals alone (the child handles them)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


class _ChildServers(SandboxServers):
    def new_server(self, config: Any) -> Any:
        return _QuietServer(config)


def _child_main(
    options: SandboxOptions, tls: TlsFiles | None, report: Connection, watch: int, lifeline: int
) -> None:
    os.close(lifeline)  # else this child would keep its own lifeline open
    (vendor,) = options.vendors
    servers = _ChildServers(options, tls)
    phase = "starting"

    def on_sigterm(signum: int, frame: FrameType | None) -> None:
        nonlocal phase
        if phase == "starting":  # no server to stop yet: abandon the start
            phase = "ending"
            raise _Stopped
        if phase == "serving":
            servers.request_stop()

    async def serve() -> None:
        nonlocal phase
        await servers.start()
        report.send(("ready", servers.config()[vendor]))
        phase = "serving"
        await servers.serve_forever()

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, on_sigterm)
    try:  # from here on, _Stopped may come at any moment (the parent may be stopping already)
        threading.Thread(target=_watch_lifeline, args=(watch,), daemon=True).start()
        asyncio.run(serve())
    except _Stopped:
        pass
    except Exception as exc:
        phase = "ending"
        with contextlib.suppress(OSError):  # the parent may be gone
            report.send(("error", f"{vendor}: {exc}"))
        sys.exit(1)
    finally:
        phase = "ending"
        report.close()


def _watch_lifeline(fd: int) -> None:
    """Wait for EOF on the lifeline (the parent stopped us or is gone), then stop as on
    SIGTERM: the handler runs in the main thread, between the generator's steps if need be."""
    with contextlib.suppress(OSError):
        while os.read(fd, 1):
            pass
    os.kill(os.getpid(), signal.SIGTERM)
