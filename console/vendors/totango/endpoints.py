"""Totango endpoints, declared once."""

from __future__ import annotations

from console.catalog.endpoint import Endpoint, Kind, raw_request
from console.models import TextResult
from console.vendors.totango.models import (
    AccountHit,
    RunManualSuccessPlayInput,
    SearchAccountsInput,
)

ENDPOINTS: list[Endpoint] = [
    Endpoint(
        id="totango.runManualSuccessPlay",
        title="Run Manual SuccessPlay",
        method="POST",
        path="/api/v2/automations/run-manual-successplay",
        input_model=RunManualSuccessPlayInput,
        output_model=TextResult,
        kind=Kind.TEXT,
        description="Trigger a manual, active SuccessPlay on an account (creates its tasks or "
        "information requests in Totango). Needs an admin token.",
        mutating=True,
    ),
    Endpoint(
        id="totango.searchAccounts",
        title="Search Accounts",
        method="POST",
        path="/api/v1/search/accounts",
        input_model=SearchAccountsInput,
        output_model=AccountHit,
        kind=Kind.LIST,
        description="Find accounts (and their ids) with the Search API.",
        idempotent=True,
        paginated=True,
    ),
    raw_request(
        "totango",
        "Send any request to the Totango API with the profile's token.",
    ),
]
