"""One shared httpx.AsyncClient per profile, and the vendor clients built on it."""

from __future__ import annotations

import importlib
import ssl
from typing import Any

import httpx

from console.config.profile import Profile
from console.http.base import VendorClient
from console.http.settings import ClientSettings


class ClientPool:
    def __init__(
        self,
        profile: Profile,
        settings: ClientSettings,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.profile = profile
        self.settings = settings
        self._transport = transport
        self._http: httpx.AsyncClient | None = None
        self._clients: dict[str, VendorClient] = {}

    @property
    def http(self) -> httpx.AsyncClient:
        if self._http is None:
            verify: Any = True
            if self.profile.ca_bundle:
                verify = ssl.create_default_context(cafile=self.profile.ca_bundle)
            self._http = httpx.AsyncClient(
                timeout=self.settings.timeout(),
                limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
                follow_redirects=False,
                # The loopback sandbox must never go through a user's proxy.
                trust_env=not self.profile.sandbox,
                verify=verify,
                transport=self._transport,
            )
        return self._http

    def client(self, vendor: str) -> VendorClient:
        existing = self._clients.get(vendor)
        if existing is not None:
            return existing
        creds = self.profile.credentials(vendor)
        module = importlib.import_module(f"console.vendors.{vendor}.client")
        made: VendorClient = module.Client(self.http, creds, self.settings)
        self._clients[vendor] = made
        return made

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None
        self._clients.clear()
