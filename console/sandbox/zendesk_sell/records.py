"""Seeded sales records: deals with associated contacts, notes, tasks, orders with line items.

Built from the word pools with one seeded Random (see draw.py): no Faker call per record and
no quadratic step.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from math import floor
from typing import Any

from console.sandbox.common.fakedata import EPOCH, iso
from console.sandbox.zendesk_sell.draw import Draw, Rows, tagger

DEAL_TOPICS = [
    "Website Redesign",
    "Annual Renewal",
    "Platform Upgrade",
    "Pilot",
    "Expansion",
    "Support Contract",
    "Data Migration",
    "Team Licenses",
    "Integration Project",
    "Enterprise Rollout",
    "Training Program",
    "Security Audit",
]
TASK_TEMPLATES = [
    "Call {name} about next steps",
    "Send proposal to {name}",
    "Follow up with {name}",
    "Book a demo with {name}",
    "Prepare contract for {name}",
    "Check in with {name} after onboarding",
]
FLOATING_TASKS = [
    "Update the weekly forecast",
    "Clean up stale leads",
    "Prepare QBR slides",
    "Review pipeline with manager",
    "Plan trade show follow-ups",
]


# A deal's fields in the API's order; records start as copies of a template holding these
# (a dict copy is several times cheaper than a 28-key literal) and get their values in the
# order they are drawn.
DEAL_FIELDS: dict[str, Any] = dict.fromkeys(
    (
        "id",
        "creator_id",
        "owner_id",
        "name",
        "value",
        "currency",
        "hot",
        "stage_id",
        "source_id",
        "loss_reason_id",
        "unqualified_reason_id",
        "contact_id",
        "organization_id",
        "estimated_close_date",
        "customized_win_likelihood",
        "added_at",
        "last_stage_change_at",
        "last_stage_change_by_id",
        "last_activity_at",
        "dropbox_email",
        "tags",
        "custom_fields",
        "created_at",
        "updated_at",
    )
)


def deals(
    d: Draw,
    count: int,
    contact_rows: Rows,
    members: dict[int, list[int]],
    stage_rows: Rows,
    users: int,
) -> Rows:
    """Deals; the draws of the Draw helpers inlined in their order (see people.contacts)."""
    r = d.random
    pool, n_stamp = d.stamps.pool, len(d.stamps.pool)
    stages = [s for _, s in stage_rows if s["active"]]
    sales = [s for s in stages if s["pipeline_id"] == 1]
    partner = [s for s in stages if s["pipeline_id"] == 2]
    orgs = [(c["id"], c["name"]) for _, c in contact_rows if c["is_organization"]]
    closing = [(EPOCH + timedelta(days=n - 60)).date().isoformat() for n in range(180)]
    regions = ("NA", "EMEA", "APAC", "LATAM")
    n_org, n_sales, n_partner, n_topic = len(orgs), len(sales), len(partner), len(DEAL_TOPICS)
    n_closing = len(closing)
    tag = tagger(d, "deal")
    template = {**DEAL_FIELDS, "_v": 1, "_contacts": None}  # records start as copies
    rows: Rows = []
    for did in range(1, count + 1):
        a = floor(r() * n_stamp)
        created, updated = pool[a], pool[a + floor(r() * (n_stamp - a))]
        org_id, org_name = orgs[floor(r() * n_org)]
        people = members.get(org_id) or ()
        primary = people[floor(r() * len(people))] if people and r() < 0.8 else org_id
        stage = sales[floor(r() * n_sales)] if r() < 0.75 else partner[floor(r() * n_partner)]
        category = stage["category"]
        owner = 1 + floor(r() * users)
        associated = [primary]
        for person in people[: floor(r() * 3)]:
            if person != primary:
                associated.append(person)
        rec = template.copy()
        rec["id"] = did
        rec["creator_id"] = rec["owner_id"] = rec["last_stage_change_by_id"] = owner
        rec["name"] = f"{org_name} - {DEAL_TOPICS[floor(r() * n_topic)]}"
        rec["value"] = f"{(floor(r() * 5000) + 10) * 50}.00"
        rec["currency"] = "USD" if r() < 0.8 else ("EUR", "GBP")[floor(r() * 2)]
        rec["hot"] = r() < 0.2
        rec["stage_id"] = stage["id"]
        rec["source_id"] = 1 + floor(r() * 6)
        if category == "lost":
            rec["loss_reason_id"] = 1 + floor(r() * 5)
        elif category == "unqualified":
            rec["unqualified_reason_id"] = 1 + floor(r() * 4)
        rec["contact_id"] = primary
        rec["organization_id"] = org_id
        rec["estimated_close_date"] = closing[floor(r() * n_closing)]
        rec["customized_win_likelihood"] = floor(r() * 10) * 10 if r() < 0.15 else None
        rec["added_at"] = rec["created_at"] = created
        rec["last_stage_change_at"] = rec["last_activity_at"] = rec["updated_at"] = updated
        rec["dropbox_email"] = f"dropbox+{did}@deals.sandbox.invalid"
        rec["tags"] = tag()
        rec["custom_fields"] = {
            "external_id": f"DEAL-{did:06d}",
            "Region": regions[floor(r() * 4)],
        }
        rec["_contacts"] = [
            {"contact_id": c, "role": "involved", "created_at": created, "updated_at": created}
            for c in associated
        ]
        rows.append((did, rec))
    return rows


def notes(d: Draw, count: int, sizes: dict[str, int], users: int) -> Rows:
    r = d.random
    pool, n_stamp = d.stamps.pool, len(d.stamps.pool)
    sentences = d.pools.sentences
    n_sentence = len(sentences)
    kinds = ("call", "meeting", "email")
    rows: Rows = []
    for nid in range(1, count + 1):
        a = floor(r() * n_stamp)
        created, updated = pool[a], pool[a + floor(r() * (n_stamp - a))]
        x = r()
        kind = "contact" if x < 0.45 else "deal" if x < 0.8 else "lead"
        rows.append(
            (
                nid,
                {
                    "id": nid,
                    "creator_id": 1 + floor(r() * users),
                    "resource_type": kind,
                    "resource_id": 1 + floor(r() * sizes[kind]),
                    "content": f"{sentences[floor(r() * n_sentence)]} "
                    f"{sentences[floor(r() * n_sentence)]}",
                    "is_important": r() < 0.1,
                    "type": "regular" if r() < 0.85 else kinds[floor(r() * 3)],
                    "tags": [],
                    "created_at": created,
                    "updated_at": updated,
                    "_v": 1,
                },
            )
        )
    return rows


def tasks(d: Draw, count: int, sizes: dict[str, int], users: int) -> Rows:
    rng, r = d.rng, d.random
    pool, n_stamp = d.stamps.pool, len(d.stamps.pool)
    firsts, lasts = d.pools.first_names, d.pools.last_names
    n_first, n_last = len(firsts), len(lasts)
    # Due dates from 20 days ago to 40 days ahead, on the hour; reminders an hour before.
    hours = [int(rng.random() * 24 * 60) - 24 * 20 for _ in range(min(2048, 2 * count))]
    due_pool = [iso(EPOCH + timedelta(hours=h)) for h in hours]
    remind_pool = [iso(EPOCH + timedelta(hours=h - 1)) for h in hours]
    n_due = len(due_pool)
    kinds = ("contact", "deal", "lead")
    n_floating, n_templates = len(FLOATING_TASKS), len(TASK_TEMPLATES)
    rows: Rows = []
    for tid in range(1, count + 1):
        a = floor(r() * n_stamp)
        created, updated = pool[a], pool[a + floor(r() * (n_stamp - a))]
        floating = r() < 0.3
        kind = None if floating else kinds[floor(r() * 3)]
        slot = floor(r() * n_due)
        completed = r() < 0.35
        template = (
            FLOATING_TASKS[floor(r() * n_floating)]
            if floating
            else TASK_TEMPLATES[floor(r() * n_templates)]
        )
        owner = 1 + floor(r() * users)
        rows.append(
            (
                tid,
                {
                    "id": tid,
                    "creator_id": owner,
                    "owner_id": owner,
                    "resource_type": kind,
                    "resource_id": None if kind is None else 1 + floor(r() * sizes[kind]),
                    "content": template.format(
                        name=f"{firsts[floor(r() * n_first)]} {lasts[floor(r() * n_last)]}"
                    ),
                    "due_date": due_pool[slot],
                    "remind_at": remind_pool[slot] if r() < 0.3 else None,
                    "completed": completed,
                    "completed_at": updated if completed else None,
                    "created_at": created,
                    "updated_at": updated,
                    "_v": 1,
                },
            )
        )
    return rows


def orders(d: Draw, count: int, deal_rows: Rows, product_rows: Rows) -> tuple[Rows, int]:
    """Orders on distinct deals, each with 1-4 line items; returns the last line item id."""
    r = d.random
    products = [p for _, p in product_rows if p["active"]]
    picked = sorted({1 + int(r() * len(deal_rows)) for _ in range(count)})
    deal_by_id = {d["id"]: d for _, d in deal_rows}
    variations = ("0.00", "0.00", "-5.00", "-10.00", "5.00")
    discounts = (0, 0, 5, 10, 15)
    n_product = len(products)
    # A product's price per currency, and a line's value per (price, variation): a handful
    # of distinct Decimal sums instead of one per line item.
    prices = {
        (p["id"], cur): next(x["amount"] for x in p["prices"] if x["currency"] == cur)
        for p in products
        for cur in {x["currency"] for x in p["prices"]}
    }
    values: dict[tuple[str, str], str] = {}
    rows: Rows = []
    item_id = 0
    for oid, deal_id in enumerate(picked, 1):
        deal = deal_by_id[deal_id]
        when, currency = deal["updated_at"], deal["currency"]
        items = []
        for _ in range(1 + floor(r() * 4)):
            item_id += 1
            product = products[floor(r() * n_product)]
            price = prices[product["id"], currency]
            variation = variations[floor(r() * 5)]
            value = values.get((price, variation))
            if value is None:
                exact = Decimal(price) * (1 + Decimal(variation) / 100)
                value = values[price, variation] = f"{exact.quantize(Decimal('0.01')):f}"
            items.append(
                {
                    "id": item_id,
                    "order_id": oid,
                    "product_id": product["id"],
                    "name": product["name"],
                    "sku": product["sku"],
                    "description": product["description"],
                    "value": value,
                    "price": price,
                    "variation": variation,
                    "currency": currency,
                    "quantity": 1 + floor(r() * 5),
                    "created_at": when,
                    "updated_at": when,
                }
            )
        rows.append(
            (
                oid,
                {
                    "id": oid,
                    "deal_id": deal_id,
                    "discount": discounts[floor(r() * 5)],
                    "created_at": when,
                    "updated_at": when,
                    "_v": 1,
                    "_items": items,
                },
            )
        )
    return rows, item_id
