"""Serving the four vendor sandboxes with uvicorn, each root-mounted on its own 127.0.0.1 port.

`SandboxServers` runs them in the current event loop (the `crm-console sandbox` command);
`EmbeddedSandbox` runs them on a private thread (the console's `--sandbox` mode, notebooks,
and the tests).
"""

from __future__ import annotations

import asyncio
import importlib
import socket
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.sandbox.common.base import FREEZE_FROM_SCALE, VendorSandbox, quiet_gc
from console.sandbox.common.faults import Faults, parse_spec
from console.sandbox.common.store import Store

VENDOR_ORDER = ("salesforce", "zendesk_sell", "infinity", "totango")
HOST = "127.0.0.1"


@dataclass(slots=True)
class SandboxOptions:
    port_base: int | None = None
    scale: float = 1.0
    seed: int = 0
    faults: str | None = None
    state: Path | None = None
    tls: bool = False
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    vendors: tuple[str, ...] = VENDOR_ORDER


def build_sandboxes(options: SandboxOptions) -> dict[str, VendorSandbox]:
    with quiet_gc(freeze=options.scale >= FREEZE_FROM_SCALE):
        return _build(options)


def _build(options: SandboxOptions) -> dict[str, VendorSandbox]:
    spec = parse_spec(options.faults)
    out: dict[str, VendorSandbox] = {}
    for vendor in options.vendors:
        module = importlib.import_module(f"console.sandbox.{vendor}")
        cls: type[VendorSandbox] = module.Sandbox
        faults = Faults(seed=options.seed)
        faults.update(dict(spec.get(vendor, {})))
        out[vendor] = cls(
            seed=options.seed,
            scale=options.scale,
            store=Store(vendor, options.state),
            faults=faults,
            settings=options.settings.get(vendor),
        )
    return out


def _bind(port: int) -> socket.socket:
    # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted sockets only when the
    # listening socket says TCP, else every answer waits ~40 ms on delayed ACKs.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise OSError(exc.errno, f"cannot listen on {HOST}:{port}: {exc.strerror}") from exc
    sock.setblocking(False)
    return sock


@dataclass(frozen=True, slots=True)
class TlsFiles:
    """A throwaway CA and a certificate for 127.0.0.1 and localhost, as PEM files."""

    ca_bundle: str
    keyfile: str
    certfile: str


def make_tls_files(directory: Path) -> TlsFiles:
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert(HOST, "localhost")
    files = TlsFiles(
        str(directory / "ca.pem"), str(directory / "key.pem"), str(directory / "cert.pem")
    )
    ca.cert_pem.write_to_path(files.ca_bundle)
    cert.private_key_pem.write_to_path(files.keyfile)
    cert.cert_chain_pems[0].write_to_path(files.certfile)
    return files


class SandboxServers:
    """All vendor servers in one event loop.

    `tls`: certificate files to serve with (processes serving one vendor each share one CA);
    without them, `options.tls` makes a CA of its own.
    """

    def __init__(self, options: SandboxOptions, tls: TlsFiles | None = None) -> None:
        self.options = options
        self.tls = tls
        self.sandboxes: dict[str, VendorSandbox] = {}
        self.ports: dict[str, int] = {}
        self.ca_bundle: str | None = None
        self._servers: list[Any] = []
        self._tasks: list[asyncio.Task[None]] = []
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def scheme(self) -> str:
        return "https" if self.options.tls else "http"

    def base_url(self, vendor: str) -> str:
        return f"{self.scheme()}://{HOST}:{self.ports[vendor]}"

    async def start(self) -> None:
        import uvicorn

        # Ports first: a taken one fails the start before any data is generated.
        socks: list[socket.socket] = []
        try:
            for i, vendor in enumerate(self.options.vendors):
                base = self.options.port_base
                socks.append(_bind(base + i if base is not None else 0))
                self.ports[vendor] = socks[-1].getsockname()[1]
            self.sandboxes = build_sandboxes(self.options)
        except BaseException:
            for sock in socks:
                sock.close()
            raise
        ssl_kwargs = self._ssl_kwargs() if self.options.tls else {}
        for vendor, sock in zip(self.options.vendors, socks, strict=True):
            config = uvicorn.Config(
                self.sandboxes[vendor].build_app(),
                log_level="warning",
                access_log=False,
                lifespan="off",
                timeout_graceful_shutdown=1,
                # Longer than the client's keep-alive expiry (httpx: 5 s), so the server
                # never closes an idle connection the client is about to reuse; with equal
                # timeouts a POST could meet a closed socket (ConnectionDropped, not retried).
                timeout_keep_alive=30,
                **ssl_kwargs,
            )
            server = self.new_server(config)
            self._servers.append(server)
            self._tasks.append(asyncio.create_task(server.serve(sockets=[sock])))
        while not all(s.started for s in self._servers):
            for task in self._tasks:
                if task.done():
                    task.result()  # surface a startup failure
            await asyncio.sleep(0.005)

    def new_server(self, config: Any) -> Any:
        """One uvicorn server (a hook: a process that owns its signals serves differently)."""
        import uvicorn

        return uvicorn.Server(config)

    def _ssl_kwargs(self) -> dict[str, Any]:
        if self.tls is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="crm-sandbox-tls-")
            self.tls = make_tls_files(Path(self._tmp.name))
        self.ca_bundle = self.tls.ca_bundle
        return {"ssl_keyfile": self.tls.keyfile, "ssl_certfile": self.tls.certfile}

    def config(self) -> dict[str, Any]:
        """The print-config object: base URLs and demo credentials per vendor."""
        out: dict[str, Any] = {}
        for vendor, sandbox in self.sandboxes.items():
            out[vendor] = sandbox.demo_config(self.base_url(vendor))
            if self.ca_bundle:
                out[vendor]["ca_bundle"] = self.ca_bundle
        return out

    def request_stop(self) -> None:
        """Ask every server to finish (from a signal handler too); `serve_forever` returns."""
        for server in self._servers:
            server.should_exit = True

    async def stop(self) -> None:
        self.request_stop()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        for sandbox in self.sandboxes.values():
            sandbox.store.close()
        if self._tmp is not None:
            self._tmp.cleanup()

    async def serve_forever(self) -> None:
        try:
            await asyncio.gather(*self._tasks)
        finally:
            await self.stop()


class EmbeddedSandbox:
    """The sandbox on a private thread and loop; usable from sync code and any event loop."""

    def __init__(self, options: SandboxOptions | None = None) -> None:
        self.options = options or SandboxOptions()
        self.servers = SandboxServers(self.options)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self.startup_seconds = 0.0

    def start(self) -> EmbeddedSandbox:
        ready = threading.Event()
        failure: list[BaseException] = []
        started = time.perf_counter()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self.servers.start())
            except BaseException as exc:  # reported to the starting thread
                failure.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self.servers.stop())
            loop.close()

        self._thread = threading.Thread(target=run, name="crm-sandbox", daemon=True)
        self._thread.start()
        ready.wait()
        if failure:
            raise failure[0]
        self.startup_seconds = time.perf_counter() - started
        return self

    @property
    def config(self) -> dict[str, Any]:
        return self.servers.config()

    def sandbox(self, vendor: str) -> VendorSandbox:
        return self.servers.sandboxes[vendor]

    def base_url(self, vendor: str) -> str:
        return self.servers.base_url(vendor)

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
            self._loop = None

    def __enter__(self) -> EmbeddedSandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
