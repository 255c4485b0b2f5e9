"""Seeded reference data: users, the account, pipelines and stages, custom fields, products,
sources, reasons, tags, and the few read-only lists the official client also reads.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from console.sandbox.common.fakedata import EPOCH, Fake, iso

Rows = list[tuple[Any, dict[str, Any]]]
CREATED = iso(EPOCH - timedelta(days=900))
UPDATED = iso(EPOCH - timedelta(days=30))

# name, category, likelihood
SALES_STAGES = [
    ("Incoming", "incoming", 10),
    ("Qualified", "in_progress", 25),
    ("Quote", "in_progress", 50),
    ("Closure", "in_progress", 75),
    ("Won", "won", 100),
    ("Lost", "lost", 0),
    ("Unqualified", "unqualified", 0),
]
PARTNER_STAGES = [
    ("Prospect", "incoming", 10),
    ("Evaluation", "in_progress", 40),
    ("Agreement", "in_progress", 70),
    ("Signed", "won", 100),
    ("Declined", "lost", 0),
]
LEGACY_STAGES = [("Open", "incoming", 20), ("Closed won", "won", 100), ("Closed lost", "lost", 0)]
PIPELINES = [
    ("Sales Pipeline", False, SALES_STAGES),
    ("Partnerships", False, PARTNER_STAGES),
    ("Legacy (2019)", True, LEGACY_STAGES),
]

# resource_type, name, type, choices, for_organization, for_contact
CUSTOM_FIELDS = [
    ("contact", "external_id", "string", (), True, True),
    ("contact", "known_via", "string", (), True, True),
    ("contact", "Tier", "list", ("Gold", "Silver", "Bronze"), True, False),
    ("contact", "Employees", "number", (), True, False),
    ("contact", "Newsletter", "bool", (), False, True),
    ("contact", "Birthday", "date", (), False, True),
    (
        "contact",
        "Interests",
        "multi_select_list",
        ("Analytics", "Automation", "Mobile", "Integrations"),
        False,
        True,
    ),
    ("contact", "Profile page", "url", (), True, True),
    ("lead", "external_id", "string", (), True, True),
    ("lead", "referral_website", "url", (), True, True),
    ("lead", "Budget", "number", (), True, True),
    ("lead", "Next step", "text", (), True, True),
    ("deal", "external_id", "string", (), True, True),
    ("deal", "Contract length (months)", "number", (), True, True),
    ("deal", "Signed on", "date", (), True, True),
    ("deal", "Region", "list", ("NA", "EMEA", "APAC", "LATAM"), True, True),
    ("deal", "Renewal", "bool", (), True, True),
]

PRODUCTS = [
    ("Starter Plan", 49),
    ("Growth Plan", 149),
    ("Professional Plan", 299),
    ("Enterprise Plan", 1599.99),
    ("Onboarding Package", 2500),
    ("Premium Support", 999),
    ("Data Migration", 4200),
    ("API Add-on", 199),
    ("Analytics Add-on", 249),
    ("Extra Storage 1 TB", 79),
    ("Training Day", 1800),
    ("Custom Integration", 7500),
    ("Mobile Seats (10)", 390),
    ("Sandbox Environment", 450),
    ("Security Review", 3200),
    ("Dedicated Success Manager", 5200),
    ("Legacy Connector", 120),
    ("Health Check", 900),
    ("Workflow Automation", 349),
    ("SSO Add-on", 129),
]
CURRENCY_RATES = {"USD": 1.0, "EUR": 0.92, "GBP": 0.79}

DEAL_SOURCES = ["Website", "Referral", "Trade show", "Cold call", "Partner", "Webinar"]
LEAD_SOURCES = [
    "Website form",
    "Referral",
    "LinkedIn",
    "Trade show",
    "Purchased list",
    "Webinar",
    "Chat",
]
LOSS_REASONS = ["Too expensive", "Chose a competitor", "No budget", "Timing", "Missing feature"]
UNQUALIFIED = ["Not a decision maker", "Company too small", "No need", "Bad contact data"]
TAGS = {
    "contact": ["vip", "partner", "newsletter", "churn-risk", "reference", "decision-maker"],
    "lead": ["hot", "webinar-2026", "follow-up", "important", "enterprise"],
    "deal": ["renewal", "upsell", "new-logo", "multi-year", "strategic"],
}
USER_ROLES = ["admin", "user", "user", "user", "user", "user", "user", "user"]
TEAMS = ["Sales West", "Sales East", "Partnerships", "Customer Success"]


def _named(names: list[str], creator: int, **extra: Any) -> Rows:
    return [
        (
            i,
            {
                "id": i,
                "creator_id": creator,
                "name": n,
                **extra,
                "created_at": CREATED,
                "updated_at": UPDATED,
                "_v": 1,
            },
        )
        for i, n in enumerate(names, 1)
    ]


def users(fake: Fake, count: int = 8) -> Rows:
    rows: Rows = []
    for i in range(1, count + 1):
        first, last = fake.first_name(), fake.last_name()
        rows.append(
            (
                i,
                {
                    "id": i,
                    "name": f"{first} {last}",
                    "email": fake.email(first, last, "sandbox-sell.example.com"),
                    "status": "active" if i < count else "inactive",
                    "invited": True,
                    "confirmed": True,
                    "phone_number": fake.phone(),
                    "role": USER_ROLES[(i - 1) % 8],
                    "roles": [],
                    "team_name": TEAMS[i % len(TEAMS)],
                    "group": {"id": 1 + i % len(TEAMS), "name": TEAMS[i % len(TEAMS)]},
                    "reports_to": None if i == 1 else 1,
                    "timezone": "UTC",
                    "zendesk_user_id": str(36_000_000 + i * 7919),
                    "identity_type": "person",
                    "system_tags": [],
                    "created_at": CREATED,
                    "updated_at": UPDATED,
                    "deleted_at": None,
                    "_v": 1,
                },
            )
        )
    return rows


def account(fake: Fake) -> Rows:
    name = fake.company()
    sub = "".join(c for c in name.lower() if c.isalnum())[:20] or "sandbox"
    return [
        (
            1,
            {
                "id": 1,
                "name": name,
                "currency": "USD",
                "time_format": "12H",
                "timezone": "UTC-05:00",
                "phone": fake.phone(),
                "subdomain": sub,
                "created_at": CREATED,
                "updated_at": UPDATED,
            },
        )
    ]


def pipelines() -> tuple[Rows, Rows]:
    pipes: Rows = []
    stages: Rows = []
    for p, (name, disabled, stage_list) in enumerate(PIPELINES, 1):
        pipes.append(
            (
                p,
                {
                    "id": p,
                    "name": name,
                    "disabled": disabled,
                    "created_at": CREATED,
                    "updated_at": UPDATED,
                    "_v": 1,
                },
            )
        )
        for pos, (stage, category, likelihood) in enumerate(stage_list, 1):
            sid = len(stages) + 1
            stages.append(
                (
                    sid,
                    {
                        "id": sid,
                        "name": stage,
                        "category": category,
                        "active": not disabled,
                        "position": pos,
                        "likelihood": likelihood,
                        "pipeline_id": p,
                        "created_at": CREATED,
                        "updated_at": UPDATED,
                        "_v": 1,
                    },
                )
            )
    return pipes, stages


def custom_fields() -> Rows:
    rows: Rows = []
    for i, (rtype, name, kind, choices, for_org, for_contact) in enumerate(CUSTOM_FIELDS, 1):
        rows.append(
            (
                i,
                {
                    "id": i,
                    "name": name,
                    "type": kind,
                    "resource_type": rtype,
                    "choices": [{"id": i * 100 + n, "name": c} for n, c in enumerate(choices, 1)]
                    or None,
                    "for_organization": for_org,
                    "for_contact": for_contact,
                    "search_api_id": f"custom_fields.{name.lower().replace(' ', '_')}",
                    "created_at": CREATED,
                    "updated_at": UPDATED,
                    "_v": 1,
                },
            )
        )
    return rows


def products(fake: Fake) -> Rows:
    rows: Rows = []
    for i, (name, usd) in enumerate(PRODUCTS, 1):
        prices = [
            {"amount": f"{usd * rate:.2f}", "currency": cur} for cur, rate in CURRENCY_RATES.items()
        ]
        rows.append(
            (
                i,
                {
                    "id": i,
                    "name": name,
                    "description": fake.sentence(),
                    "sku": f"SKU-{1000 + i * 7}",
                    "active": i % 10 != 0,
                    "cost": f"{usd * 0.35:.2f}",
                    "cost_currency": "USD",
                    "prices": prices,
                    "max_discount": 5 * (i % 5),
                    "max_markup": 10 * (i % 3),
                    "created_at": CREATED,
                    "updated_at": UPDATED,
                    "deleted_at": None,
                    "_v": 1,
                },
            )
        )
    return rows


def small_tables(fake: Fake) -> dict[str, Rows]:
    tags: Rows = []
    for rtype, names in TAGS.items():
        for name in names:
            i = len(tags) + 1
            tags.append(
                (
                    i,
                    {
                        "id": i,
                        "creator_id": 1,
                        "name": name,
                        "resource_type": rtype,
                        "created_at": CREATED,
                        "updated_at": UPDATED,
                        "_v": 1,
                    },
                )
            )
    sources = [(k, {**v, "resource_type": "deal"}) for k, v in _named(DEAL_SOURCES, 1)]
    return {
        "tags": tags,
        "sources": sources,
        "deal_sources": _named(DEAL_SOURCES, 1),
        "lead_sources": _named(LEAD_SOURCES, 1),
        "loss_reasons": _named(LOSS_REASONS, 1),
        "deal_unqualified_reasons": _named(UNQUALIFIED, 1),
        "lead_unqualified_reasons": _named(UNQUALIFIED, 1),
        "visit_outcomes": [
            (i, {"id": i, "name": n, "created_at": CREATED, "updated_at": UPDATED})
            for i, n in enumerate(
                ["Met decision maker", "Left brochure", "No one home", "Follow-up booked"], 1
            )
        ],
    }


def activity(fake: Fake, contact_ids: list[int], count: int = 12) -> dict[str, Rows]:
    """A few text messages and visits (read-only lists)."""
    messages: Rows = []
    visits: Rows = []
    for i in range(1, count + 1):
        when = iso(fake.past(60))
        target = contact_ids[fake.rng.randrange(len(contact_ids))]
        messages.append(
            (
                i,
                {
                    "id": i,
                    "user_id": 1 + i % 8,
                    "resource_type": "contact",
                    "resource_id": target,
                    "content": fake.sentence(),
                    "incoming": i % 3 == 0,
                    "phone_number": fake.phone(),
                    "sent_at": when,
                    "created_at": when,
                    "updated_at": when,
                },
            )
        )
        visits.append(
            (
                i,
                {
                    "id": i,
                    "creator_id": 1 + i % 8,
                    "outcome_id": 1 + i % 4,
                    "resource_type": "contact",
                    "resource_id": target,
                    "visited_at": when,
                    "summary": fake.sentence(),
                    "rep_location_verification_status": "VERIFIED",
                    "resource_address": fake.address()["line1"],
                    "created_at": when,
                    "updated_at": when,
                },
            )
        )
    return {"text_messages": messages, "visits": visits}
