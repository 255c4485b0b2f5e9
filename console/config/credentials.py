"""What a profile holds for each vendor. Secrets are SecretStr: their repr never shows them."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr


class VendorCredentials(BaseModel):
    model_config = ConfigDict(extra="forbid")
    secret_fields: ClassVar[tuple[str, ...]] = ()

    def secrets(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name in self.secret_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr) and value.get_secret_value():
                out[name] = value.get_secret_value()
        return out

    def public(self) -> dict[str, object]:
        """Everything but the secrets (what goes in the TOML file)."""
        return self.model_dump(exclude=set(self.secret_fields), exclude_none=True, mode="json")


class SalesforceCredentials(VendorCredentials):
    secret_fields: ClassVar[tuple[str, ...]] = ("access_token", "refresh_token", "client_secret")

    instance_url: str = Field(description="e.g. https://acme.my.salesforce.com")
    access_token: SecretStr | None = None
    refresh_token: SecretStr | None = None
    client_id: str | None = Field(
        None, description="Connected app consumer key (refresh, device flow)."
    )
    client_secret: SecretStr | None = None
    login_url: str = "https://login.salesforce.com"
    api_version: str = "64.0"


class ZendeskSellCredentials(VendorCredentials):
    secret_fields: ClassVar[tuple[str, ...]] = ("access_token", "refresh_token", "client_secret")

    base_url: str = "https://api.getbase.com"
    access_token: SecretStr | None = None
    refresh_token: SecretStr | None = None
    client_id: str | None = None
    client_secret: SecretStr | None = None


class InfinityCredentials(VendorCredentials):
    secret_fields: ClassVar[tuple[str, ...]] = ("password", "api_key")

    base_url: str = "https://api.infinitycloud.com"
    username: str | None = None
    password: SecretStr | None = None
    api_key: SecretStr | None = None
    igrp: str | None = Field(None, description="The installation (IGRP) used when none is given.")

    @property
    def scheme(self) -> Literal["apikey", "basic"]:
        return "apikey" if self.api_key is not None else "basic"


class TotangoCredentials(VendorCredentials):
    secret_fields: ClassVar[tuple[str, ...]] = ("app_token",)

    region: Literal["us", "eu"] = "us"
    base_url: str | None = Field(None, description="Overrides the region's base URL.")
    app_token: SecretStr | None = None
    successplays: dict[str, str] = Field(
        default_factory=dict, description="Named SuccessPlay ids (there is no API to list them)."
    )

    @property
    def effective_base_url(self) -> str:
        if self.base_url:
            return self.base_url
        return "https://api-eu1.totango.com" if self.region == "eu" else "https://api.totango.com"


CREDENTIAL_TYPES: dict[str, type[VendorCredentials]] = {
    "salesforce": SalesforceCredentials,
    "zendesk_sell": ZendeskSellCredentials,
    "infinity": InfinityCredentials,
    "totango": TotangoCredentials,
}
