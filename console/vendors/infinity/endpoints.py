"""Infinity endpoints (Config API v2, Caller Insight for Salesforce), declared once.

Paths are written as Infinity documents them (`/config/v2/...`); a profile with an API key
sends them under `/config/v2.1` instead (see client.py).
"""

from __future__ import annotations

from console.catalog.endpoint import Endpoint, Kind, raw_request
from console.vendors.infinity.models import (
    CallRating,
    CreateSfButtonInput,
    DeleteSfButtonInput,
    GetSfButtonInput,
    Igrp,
    ListCallRatingsInput,
    ListIgrpsInput,
    ListSfButtonsInput,
    SfButton,
    SfButtonSaved,
    UpdateSfButtonInput,
)

BUTTONS = "/config/v2/igrps/{igrp}/callerInsight/sfButtons"

ENDPOINTS: list[Endpoint] = [
    Endpoint(
        id="infinity.listIgrps",
        title="List Installations (IGRPs)",
        method="GET",
        path="/config/v2/igrps",
        input_model=ListIgrpsInput,
        output_model=Igrp,
        kind=Kind.LIST,
        description="The installations the credentials can see, and the Salesforce org each "
        "is linked to (an assumed route: the console's IGRP picker).",
        paginated=True,
    ),
    Endpoint(
        id="infinity.listSfButtons",
        title="List Salesforce Buttons",
        method="GET",
        path=BUTTONS,
        input_model=ListSfButtonsInput,
        output_model=SfButton,
        kind=Kind.LIST,
        description="The Caller Insight buttons of an installation linked to a Salesforce "
        "org: which action each call rating triggers, with its parameters.",
        paginated=True,
    ),
    Endpoint(
        id="infinity.getSfButton",
        title="Read a Salesforce Button",
        method="GET",
        path=BUTTONS + "/{sfButtonId}",
        input_model=GetSfButtonInput,
        output_model=SfButton,
        description="One Caller Insight button with its action parameters.",
    ),
    Endpoint(
        id="infinity.createSfButton",
        title="Create a Salesforce Button",
        method="POST",
        path=BUTTONS,
        input_model=CreateSfButtonInput,
        output_model=SfButtonSaved,
        description="Give a call rating its own action (prompt, rateCall, logCall or "
        "createLead) instead of the default Rate Call. One button per rating.",
        mutating=True,
    ),
    Endpoint(
        id="infinity.updateSfButton",
        title="Update a Salesforce Button",
        method="POST",
        path=BUTTONS + "/{sfButtonId}",
        input_model=UpdateSfButtonInput,
        output_model=SfButtonSaved,
        description="Change a button's call rating, label, action parameters or default "
        "flag. Sent as POST, but it sets values, so repeating it is harmless.",
        mutating=True,
        idempotent=True,
    ),
    Endpoint(
        id="infinity.deleteSfButton",
        title="Delete a Salesforce Button",
        method="DELETE",
        path=BUTTONS + "/{sfButtonId}",
        input_model=DeleteSfButtonInput,
        output_model=None,
        kind=Kind.DELETE,
        description="Remove a button: its call rating goes back to the default Rate Call.",
        mutating=True,
        destructive=True,
    ),
    Endpoint(
        id="infinity.listCallRatings",
        title="List Call Ratings",
        method="GET",
        path=BUTTONS + "/callRatings",
        input_model=ListCallRatingsInput,
        output_model=CallRating,
        kind=Kind.LIST,
        description="The call rating options of an installation, and whether a button is "
        "already configured for each (isUsed).",
        paginated=True,
    ),
    raw_request(
        "infinity",
        "Send any request to the Infinity Config API with the profile's "
        "credentials. Paths are relative to /config/v2 (or v2.1); a form body may nest "
        "values, which are sent PHP-style (actionParams[0][value]=...).",
    ),
]
