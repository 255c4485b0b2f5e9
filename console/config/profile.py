"""A profile: which vendors a person can reach, with what credentials, and how carefully."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from console.config.credentials import (
    InfinityCredentials,
    SalesforceCredentials,
    TotangoCredentials,
    VendorCredentials,
    ZendeskSellCredentials,
)
from console.errors import ConfigError


@dataclass(slots=True)
class Profile:
    name: str
    salesforce: SalesforceCredentials | None = None
    zendesk_sell: ZendeskSellCredentials | None = None
    infinity: InfinityCredentials | None = None
    totango: TotangoCredentials | None = None
    read_only: bool = False
    sandbox: bool = False
    # Where TLS certificates are checked against (a CA bundle path), e.g. a TLS sandbox.
    ca_bundle: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)

    def credentials(self, vendor: str) -> VendorCredentials:
        creds = getattr(self, vendor, None)
        if creds is None:
            raise ConfigError(
                f"Profile {self.name!r} has no {vendor} credentials. "
                f"Add them with: crm-console profile add {self.name} --vendor {vendor} ..."
            )
        assert isinstance(creds, VendorCredentials)
        return creds

    def vendors(self) -> list[str]:
        return [
            v for v in ("salesforce", "zendesk_sell", "infinity", "totango") if getattr(self, v)
        ]

    def secret_values(self) -> list[str]:
        """Every secret this profile holds (for redaction)."""
        out: list[str] = []
        for vendor in self.vendors():
            out.extend(self.credentials(vendor).secrets().values())
        return out
