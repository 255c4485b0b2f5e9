"""A console profile that points at running sandbox servers, from their print-config object."""

from __future__ import annotations

from typing import Any

from console.config.credentials import (
    InfinityCredentials,
    SalesforceCredentials,
    TotangoCredentials,
    ZendeskSellCredentials,
)
from console.config.profile import Profile


def sandbox_profile(
    config: dict[str, Any], *, name: str = "sandbox", read_only: bool = False
) -> Profile:
    profile = Profile(name=name, read_only=read_only, sandbox=True)
    ca = next((v.get("ca_bundle") for v in config.values() if v.get("ca_bundle")), None)
    profile.ca_bundle = ca
    if sf := config.get("salesforce"):
        profile.salesforce = SalesforceCredentials(
            instance_url=sf["instance_url"],
            access_token=sf["access_token"],
            refresh_token=sf.get("refresh_token"),
            client_id=sf.get("client_id"),
            client_secret=sf.get("client_secret"),
            login_url=sf.get("login_url", sf["base_url"]),
            api_version=sf.get("api_version", "64.0"),
        )
    if zs := config.get("zendesk_sell"):
        profile.zendesk_sell = ZendeskSellCredentials(
            base_url=zs["base_url"],
            access_token=zs["access_token"],
            refresh_token=zs.get("refresh_token"),
            client_id=zs.get("client_id"),
            client_secret=zs.get("client_secret"),
        )
    if inf := config.get("infinity"):
        profile.infinity = InfinityCredentials(
            base_url=inf["base_url"],
            username=inf.get("username"),
            password=inf.get("password"),
            api_key=inf.get("api_key"),
            igrp=str(inf["igrp"]) if inf.get("igrp") is not None else None,
        )
    if tt := config.get("totango"):
        profile.totango = TotangoCredentials(
            base_url=tt["base_url"],
            app_token=tt["app_token"],
            successplays=dict(tt.get("successplays") or {}),
        )
    return profile
