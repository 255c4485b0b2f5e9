"""Totango endpoints, declared once."""

from __future__ import annotations

from console.catalog.endpoint import Endpoint, Kind
from console.models import RawRequestInput, RawResponse, TextResult
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
    Endpoint(
        id="totango.rawRequest",
        title="Raw Request",
        method="POST",
        path="/",
        input_model=RawRequestInput,
        output_model=RawResponse,
        kind=Kind.RAW,
        description="Send any request to the Totango API with the profile's token.",
        mutating=True,
    ),
]
