"""The shape every vendor sandbox shares.

A vendor sandbox generates its data (or loads it from the state file), declares its routes at
the vendor's real paths, shapes its own error bodies, and says which demo credentials it
accepts. This base adds the admin endpoints every server has:

    GET/PUT/PATCH/DELETE /_sandbox/faults     injected faults (see faults.py)
    GET/DELETE           /_sandbox/requests   what reached the server (?method=&path=&since=)
    GET/PATCH            /_sandbox/settings   the vendor's unconfirmed behaviours
    GET                  /_sandbox/health     liveness and record counts
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp

from console.sandbox.common.faults import Faults
from console.sandbox.common.middleware import SandboxMiddleware
from console.sandbox.common.requestlog import RequestLog
from console.sandbox.common.store import Store

# From this scale on, the generated records are moved out of the cyclic collector's sight.
FREEZE_FROM_SCALE = 10


@contextmanager
def quiet_gc(*, freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while tables are built.

    Hundreds of thousands of new dicts and lists (none of which can form a cycle) would start
    collection after collection, each walking everything built so far. With `freeze` the
    objects alive at the end go to the permanent generation, so later collections in the
    serving process do not walk the whole data set again either. Nested uses are fine.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


class NoSettings(BaseModel):
    pass


class VendorSandbox:
    vendor: ClassVar[str] = ""
    settings_model: ClassVar[type[BaseModel]] = NoSettings

    def __init__(
        self,
        *,
        seed: int = 0,
        scale: float = 1.0,
        store: Store | None = None,
        faults: Faults | None = None,
        settings: dict[str, Any] | None = None,
    ) -> None:
        self.seed = seed
        self.scale = scale
        self.store = store or Store(self.vendor)
        self.faults = faults or Faults(seed=seed)
        self.requests = RequestLog()
        self.settings = self.settings_model(**(settings or {}))
        with quiet_gc(freeze=scale >= FREEZE_FROM_SCALE):
            if self.store.has_saved_state():
                self.store.load_saved()
                # The saved data was generated from the seed kept with it, and the demo
                # credentials derived from a seed must be that seed's, whatever --seed says.
                self.seed = int(self.store.meta("seed", str(self.seed)))
                self.restore()
            else:
                self.generate()
                self.store.set_meta("seed", str(self.seed))
                self.store.mark_generated()

    # -- what a vendor implements -------------------------------------------------------------

    def generate(self) -> None:
        """Fill the tables with seeded data, `scale` times the default counts."""
        raise NotImplementedError

    def restore(self) -> None:
        """Rebuild derived indexes after the tables were loaded from a state file."""

    def routes(self) -> list[BaseRoute]:
        raise NotImplementedError

    def fault_response(self, status: int, kind: str, faults: Faults) -> Response:
        """The vendor's own body for an injected 429 or 5xx."""
        raise NotImplementedError

    def exception_handlers(self) -> dict[Any, Any]:
        """Vendor-shaped 404/405 bodies for unknown paths and methods."""
        return {}

    def demo_config(self, base_url: str) -> dict[str, Any]:
        """The demo credentials printed by `crm-console sandbox --print-config`."""
        raise NotImplementedError

    def count(self, n: int) -> int:
        """A default record count scaled by --scale (at least 1)."""
        return max(1, round(n * self.scale))

    # -- the app ------------------------------------------------------------------------------

    def build_app(self) -> ASGIApp:
        app = Starlette(
            routes=[*self._admin_routes(), *self.routes()],
            exception_handlers=self.exception_handlers(),
        )
        return SandboxMiddleware(
            app, log=self.requests, faults=self.faults, fault_response=self.fault_response
        )

    def _admin_routes(self) -> list[BaseRoute]:
        async def faults(request: Request) -> Response:
            if request.method == "DELETE":
                self.faults.reset()
            elif request.method in ("PUT", "PATCH", "POST"):
                try:
                    changes = await request.json()
                    if request.method == "PUT":
                        self.faults.reset()
                    self.faults.update(dict(changes))
                except (ValueError, TypeError) as exc:
                    return JSONResponse({"error": str(exc)}, status_code=400)
            return JSONResponse(self.faults.to_dict())

        async def requests(request: Request) -> Response:
            if request.method == "DELETE":
                self.requests.clear()
                return JSONResponse({"count": 0, "requests": []})
            q = request.query_params
            return JSONResponse(
                self.requests.to_json(
                    method=q.get("method"), path=q.get("path"), since=int(q.get("since", "0"))
                )
            )

        async def settings(request: Request) -> Response:
            if request.method == "PATCH":
                try:
                    merged = {**self.settings.model_dump(), **(await request.json())}
                    self.settings = self.settings_model(**merged)
                except (ValueError, ValidationError) as exc:
                    return JSONResponse({"error": str(exc)}, status_code=400)
            return JSONResponse(self.settings.model_dump(mode="json"))

        async def health(request: Request) -> Response:
            counts = {name: len(t) for name, t in self.store.tables().items()}
            return JSONResponse({"vendor": self.vendor, "ok": True, "records": counts})

        return [
            Route("/_sandbox/faults", faults, methods=["GET", "PUT", "PATCH", "POST", "DELETE"]),
            Route("/_sandbox/requests", requests, methods=["GET", "DELETE"]),
            Route("/_sandbox/settings", settings, methods=["GET", "PATCH"]),
            Route("/_sandbox/health", health, methods=["GET"]),
        ]
