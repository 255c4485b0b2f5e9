"""Seeded Infinity data: installations (IGRPs), their call ratings and Caller Insight buttons.

At scale 1: three IGRPs linked to Salesforce orgs and one that is not; the demo IGRP (the
first) has 14 call ratings, 11 of them with buttons of every action (fixed and dropdown
parameters, one logCall default, one button in the older flat parameter form), three unused.
Scale multiplies the installations and the demo IGRP's ratings.

Values are stored as Infinity would keep posted form data: parameter values are strings.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from typing import Any

from console.sandbox.common.fakedata import Fake

Rows = list[tuple[Any, dict[str, Any]]]

DEMO_USER = "demo.admin@infinity-sandbox.example"
DEMO_PASSWORD = "hub-demo-" + "7d41c9e2b05a4f8e"
DEMO_API_KEY = "ik_live_" + "3f9a61d0c2b84e7fa5d91c6b08e2f4a7"
# A second Hub user who may only see the first installation (403 for the others).
AGENT_USER = "agent@infinity-sandbox.example"
AGENT_PASSWORD = "hub-agent-" + "90b2e6f14c7d3a58"
AGENT_API_KEY = "ik_live_" + "b81e0c7a5d2f49e6a3c1f07d9e4b26c5"

ALNUM = string.digits + string.ascii_uppercase + string.ascii_lowercase
_CHECKSUM = string.ascii_uppercase + "012345"

SITES = (
    "Head Office",
    "Inbound Sales",
    "Support Centre",
    "Contact Centre",
    "London Office",
    "Customer Service",
    "Northern Branch",
    "Bookings Line",
)

# The demo IGRP's ratings, in order; the last three have no button (default Rate Call).
DEMO_RATINGS = (
    "New Lead",
    "Sales enquiry",
    "Existing customer",
    "Support",
    "Complaint",
    "Wrong number",
    "Booking",
    "Quote request",
    "Callback requested",
    "Billing query",
    "Cancellation",
    "Spam",
    "Order status",
    "Test call",
)
MORE_RATINGS = (
    "Renewal",
    "Partner enquiry",
    "Technical issue",
    "Job application",
    "Supplier",
    "Press enquiry",
    "Voicemail",
    "Demo request",
    "Referral",
    "Returns",
    "Follow-up call",
    "Price check",
)
ALL_RATINGS = DEMO_RATINGS + MORE_RATINGS
UNUSED = frozenset({"Spam", "Order status", "Test call", "Voicemail", "Price check"})


def sf_id(rng: random.Random, prefix: str, *, long: bool = True) -> str:
    """A Salesforce id: 15 case-sensitive characters, plus the 3-character checksum if long."""
    short = prefix + rng.choice(ALNUM[:36]) + "0000" + "".join(rng.choices(ALNUM, k=7))
    if not long:
        return short
    suffix = ""
    for i in range(3):
        chunk = short[i * 5 : i * 5 + 5]
        suffix += _CHECKSUM[sum(1 << j for j, c in enumerate(chunk) if c.isupper())]
    return short + suffix


def fixed(fields: dict[str, str], value: str) -> dict[str, Any]:
    return {"sfFields": fields, "value": value}


def dropdown(
    fields: dict[str, str], label: str, options: list[tuple[str, str]], required: bool = False
) -> dict[str, Any]:
    return {
        "sfFields": fields,
        "type": "dropdown",
        "label": label,
        "required": "1" if required else "0",
        "options": [{"label": lab, "value": val} for lab, val in options],
    }


COUNTRIES = [
    ("Canada", "CA"),
    ("United States", "US"),
    ("United Kingdom", "GB"),
    ("Ireland", "IE"),
    ("Australia", "AU"),
]
REASONS = [
    ("Billing", "Billing"),
    ("Technical fault", "Technical"),
    ("Account change", "Account change"),
    ("Other", "Other"),
]
OUTCOMES = [
    ("Resolved", "Resolved"),
    ("Escalated", "Escalated"),
    ("Callback needed", "Callback needed"),
]

ParamMaker = Callable[[random.Random], Any]
PLANS: dict[str, tuple[str, str, ParamMaker]] = {
    "New Lead": (
        "createLead",
        "Create Lead",
        lambda r: [
            fixed({"Lead": "OwnerId"}, sf_id(r, "00G", long=False)),
            fixed({"Lead": "LeadSource"}, "Phone Inquiry"),
        ],
    ),
    "Sales enquiry": (
        "createLead",
        "New sales lead",
        lambda r: [
            dropdown({"Lead": "CountryCode"}, "Country", COUNTRIES),
            dropdown(
                {"Lead": "RecordTypeId"},
                "Record Type",
                [
                    ("Direct", sf_id(r, "012", long=False)),
                    ("Reseller", sf_id(r, "012", long=False)),
                ],
                required=True,
            ),
        ],
    ),
    "Existing customer": (
        "logCall",
        "Log Call",
        lambda r: [fixed({"Task": "Call_Source__c"}, "Infinity")],
    ),
    "Support": (
        "logCall",
        "Log support call",
        lambda r: [dropdown({"Task": "Call_Reason__c"}, "Reason", REASONS, required=True)],
    ),
    "Complaint": (
        "logCall",
        "Log complaint",
        lambda r: [
            fixed({"Task": "Priority"}, "High"),
            dropdown({"Task": "Call_Outcome__c"}, "Outcome", OUTCOMES),
        ],
    ),
    "Wrong number": ("rateCall", "Rate Call", lambda r: None),
    "Booking": ("prompt", "Please select", lambda r: None),
    "Quote request": (
        "createLead",
        "Create Lead",
        lambda r: [
            fixed({"Lead": "LeadSource"}, "Phone Inquiry"),
            dropdown({"Lead": "CountryCode"}, "Country", COUNTRIES[:3]),
        ],
    ),
    # The older flat form, as in Infinity's own sample list.
    "Callback requested": ("rateCall", "Rate Call", lambda r: {"Call_Source__c": "Infinity"}),
    "Billing query": (
        "logCall",
        "Log billing call",
        lambda r: [fixed({"Lead": "Origin__c", "Contact": "Origin__c"}, "Infinity")],
    ),
    "Cancellation": (
        "logCall",
        "Log cancellation",
        lambda r: [dropdown({"Task": "Call_Outcome__c"}, "Outcome", OUTCOMES, required=True)],
    ),
    "Renewal": (
        "logCall",
        "Log renewal call",
        lambda r: [fixed({"Task": "Call_Source__c"}, "Infinity")],
    ),
    "Partner enquiry": (
        "createLead",
        "Create partner lead",
        lambda r: [fixed({"Lead": "LeadSource"}, "Partner Referral")],
    ),
    "Technical issue": (
        "logCall",
        "Log fault",
        lambda r: [dropdown({"Task": "Call_Reason__c"}, "Reason", REASONS)],
    ),
    "Demo request": ("createLead", "Book a demo", lambda r: [fixed({"Lead": "Rating"}, "Hot")]),
    "Follow-up call": (
        "rateCall",
        "Rate follow-up",
        lambda r: [fixed({"Task": "Call_Source__c"}, "Infinity")],
    ),
}
GENERIC = ("Renewal", "Partner enquiry", "Technical issue", "Demo request", "Wrong number")


def generate(seed: int, *, linked: int, unlinked: int, demo_ratings: int) -> dict[str, Rows]:
    fake = Fake(seed, "infinity")
    rng = fake.rng
    igrps: Rows = []
    ident = 10_000 + rng.randrange(100, 900)
    not_linked = _unlinked_positions(linked + unlinked, unlinked)
    for i in range(linked + unlinked):
        org = "" if i in not_linked else sf_id(rng, "00D")
        name = f"{fake.company()} {fake.pick(SITES)}"
        igrps.append((str(ident), {"igrp": str(ident), "name": name, "sfOrgRef": org}))
        ident += rng.randrange(1, 40)
    ratings: Rows = []
    buttons: Rows = []
    for i, (key, igrp) in enumerate(igrps):
        names = _rating_names(fake, demo_ratings) if i == 0 else _some_ratings(rng)
        has_default = False
        for text in names:
            rid = len(ratings) + 1
            used = bool(igrp["sfOrgRef"]) and _wants_button(rng, text, i == 0)
            if used:
                action, label, params = _plan(rng, text)
                default = action == "logCall" and not has_default
                has_default = has_default or default
                bid = len(buttons) + 1
                buttons.append(
                    (
                        bid,
                        {
                            "sfButtonId": bid,
                            "igrp": key,
                            "sfOrgRef": igrp["sfOrgRef"],
                            "callRating": text,
                            "buttonAction": action,
                            "buttonLabel": label,
                            "isDefaultButton": int(default),
                            "actionParams": params,
                            "callNotesField": "",
                            "srcPhoneNumberField": "",
                        },
                    )
                )
            ratings.append(
                (rid, {"callRatingItemId": rid, "igrp": key, "itemText": text, "isUsed": int(used)})
            )
    users: Rows = [
        (
            DEMO_USER,
            {
                "username": DEMO_USER,
                "password": DEMO_PASSWORD,
                "api_key": DEMO_API_KEY,
                "igrps": ["*"],
            },
        ),
        (
            AGENT_USER,
            {
                "username": AGENT_USER,
                "password": AGENT_PASSWORD,
                "api_key": AGENT_API_KEY,
                "igrps": [igrps[0][0]],
            },
        ),
    ]
    return {"igrps": igrps, "ratings": ratings, "buttons": buttons, "users": users}


def _unlinked_positions(total: int, unlinked: int) -> set[int]:
    """Every fourth installation from the third is not linked; the first always is."""
    picks = [i for i in range(total) if i % 4 == 2][:unlinked]
    rest = [i for i in range(total - 1, 0, -1) if i not in picks]
    return set(picks + rest[: unlinked - len(picks)])


def _rating_names(fake: Fake, count: int) -> list[str]:
    """The demo IGRP's ratings: the fixed list, then campaign-specific variants."""
    names = list(ALL_RATINGS[: min(count, len(DEMO_RATINGS))])
    seen = set(names)
    while len(names) < count:
        base = fake.pick(ALL_RATINGS)
        text = f"{base} - {fake.pick(fake.pools.words).title()} campaign"
        if text in seen:
            text = f"{text} {len(names)}"
        seen.add(text)
        names.append(text)
    return names


def _some_ratings(rng: random.Random) -> list[str]:
    return rng.sample(ALL_RATINGS, rng.randint(10, 15))


def _wants_button(rng: random.Random, text: str, demo: bool) -> bool:
    if text in UNUSED:
        return False
    if demo and text in DEMO_RATINGS:
        return True
    return rng.random() < 0.65


def _plan(rng: random.Random, text: str) -> tuple[str, str, Any]:
    base = text.split(" - ", 1)[0]
    action, label, make = PLANS.get(base) or PLANS[GENERIC[rng.randrange(len(GENERIC))]]
    return action, label, make(rng)
