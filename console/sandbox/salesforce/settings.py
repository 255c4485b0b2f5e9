"""The Salesforce sandbox's settings: behaviours VENDORS.md marks unconfirmed (with its
defaults), and knobs tests turn. Changed at runtime with PATCH /_sandbox/settings."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, Field


class SalesforceSettings(BaseModel):
    api_limit_max: int = Field(15000, ge=1, description="Daily API requests of the org.")
    api_bursts: bool = Field(False, description="Append '; api-bursts=N/M' (newer orgs).")
    max_batch_inputs: int = Field(200, ge=1, description="Inputs allowed per action request.")
    all_fail_status: int = Field(400, description="HTTP status when every action input fails.")
    partial_save: bool = Field(True, description="False: one failed input rolls back all.")
    recipients_action_any_case: bool = Field(True, description="Accept add, REMOVE, ...")
    device_interval: int = Field(5, ge=0, description="Seconds between device-flow polls.")
    device_auto_approve_polls: int = Field(
        0, ge=0, description="Approve a device login after N polls (0: wait for approval)."
    )
    access_token_ttl_seconds: float | None = Field(
        None, description="Lifetime of newly issued access tokens (None: no expiry)."
    )


# The sandbox replaces its settings object on every PATCH, so parts read them through this.
Live = Callable[[], SalesforceSettings]
