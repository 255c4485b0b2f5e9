"""Seeded sales records: deals with associated contacts, notes, tasks, orders with line items.

Built from the word pools with one seeded Random (see draw.py): no Faker call per record and
no quadratic step.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from console.sandbox.common.fakedata import EPOCH, iso
from console.sandbox.zendesk_sell.draw import Draw, Rows, tags

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


def deals(
    d: Draw,
    count: int,
    contact_rows: Rows,
    members: dict[int, list[int]],
    stage_rows: Rows,
    users: int,
) -> Rows:
    stamps = d.stamps
    r, pick = d.random, d.pick
    stages = [s for _, s in stage_rows if s["active"]]
    sales = [s for s in stages if s["pipeline_id"] == 1]
    partner = [s for s in stages if s["pipeline_id"] == 2]
    orgs = [(c["id"], c["name"]) for _, c in contact_rows if c["is_organization"]]
    closing = [(EPOCH + timedelta(days=n - 60)).date().isoformat() for n in range(180)]
    regions = ("NA", "EMEA", "APAC", "LATAM")
    rows: Rows = []
    for did in range(1, count + 1):
        created, updated = stamps.pair()
        org_id, org_name = pick(orgs)
        people = members.get(org_id) or ()
        primary = pick(people) if people and r() < 0.8 else org_id
        stage = pick(sales if r() < 0.75 else partner)
        category = stage["category"]
        owner = 1 + int(r() * users)
        associated = [primary]
        for person in people[: int(r() * 3)]:
            if person != primary:
                associated.append(person)
        rows.append(
            (
                did,
                {
                    "id": did,
                    "creator_id": owner,
                    "owner_id": owner,
                    "name": f"{org_name} - {pick(DEAL_TOPICS)}",
                    "value": f"{(int(r() * 5000) + 10) * 50}.00",
                    "currency": "USD" if r() < 0.8 else pick(("EUR", "GBP")),
                    "hot": r() < 0.2,
                    "stage_id": stage["id"],
                    "source_id": 1 + int(r() * 6),
                    "loss_reason_id": 1 + int(r() * 5) if category == "lost" else None,
                    "unqualified_reason_id": 1 + int(r() * 4)
                    if category == "unqualified"
                    else None,
                    "contact_id": primary,
                    "organization_id": org_id,
                    "estimated_close_date": pick(closing),
                    "customized_win_likelihood": int(r() * 10) * 10 if r() < 0.15 else None,
                    "added_at": created,
                    "last_stage_change_at": updated,
                    "last_stage_change_by_id": owner,
                    "last_activity_at": updated,
                    "dropbox_email": f"dropbox+{did}@deals.sandbox.invalid",
                    "tags": tags(d, "deal"),
                    "custom_fields": {"external_id": f"DEAL-{did:06d}", "Region": pick(regions)},
                    "created_at": created,
                    "updated_at": updated,
                    "_v": 1,
                    "_contacts": [
                        {
                            "contact_id": c,
                            "role": "involved",
                            "created_at": created,
                            "updated_at": created,
                        }
                        for c in associated
                    ],
                },
            )
        )
    return rows


def notes(d: Draw, count: int, sizes: dict[str, int], users: int) -> Rows:
    rng, stamps = d.rng, d.stamps
    rows: Rows = []
    for nid in range(1, count + 1):
        created, updated = stamps.pair()
        r = rng.random()
        kind = "contact" if r < 0.45 else "deal" if r < 0.8 else "lead"
        rows.append(
            (
                nid,
                {
                    "id": nid,
                    "creator_id": 1 + int(rng.random() * users),
                    "resource_type": kind,
                    "resource_id": 1 + int(rng.random() * sizes[kind]),
                    "content": f"{d.sentence()} {d.sentence()}",
                    "is_important": rng.random() < 0.1,
                    "type": "regular"
                    if rng.random() < 0.85
                    else d.pick(("call", "meeting", "email")),
                    "tags": [],
                    "created_at": created,
                    "updated_at": updated,
                    "_v": 1,
                },
            )
        )
    return rows


def tasks(d: Draw, count: int, sizes: dict[str, int], users: int) -> Rows:
    rng, stamps = d.rng, d.stamps
    # Due dates from 20 days ago to 40 days ahead, on the hour; reminders an hour before.
    hours = [int(rng.random() * 24 * 60) - 24 * 20 for _ in range(min(2048, 2 * count))]
    due_pool = [iso(EPOCH + timedelta(hours=h)) for h in hours]
    remind_pool = [iso(EPOCH + timedelta(hours=h - 1)) for h in hours]
    rows: Rows = []
    for tid in range(1, count + 1):
        created, updated = stamps.pair()
        floating = rng.random() < 0.3
        kind = None if floating else d.pick(("contact", "deal", "lead"))
        slot = int(rng.random() * len(due_pool))
        completed = rng.random() < 0.35
        template = d.pick(FLOATING_TASKS if floating else TASK_TEMPLATES)
        owner = 1 + int(rng.random() * users)
        rows.append(
            (
                tid,
                {
                    "id": tid,
                    "creator_id": owner,
                    "owner_id": owner,
                    "resource_type": kind,
                    "resource_id": None if kind is None else 1 + int(rng.random() * sizes[kind]),
                    "content": template.format(name=f"{d.first_name()} {d.last_name()}"),
                    "due_date": due_pool[slot],
                    "remind_at": remind_pool[slot] if rng.random() < 0.3 else None,
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
    rng = d.rng
    products = [p for _, p in product_rows if p["active"]]
    picked = sorted({1 + int(rng.random() * len(deal_rows)) for _ in range(count)})
    deal_by_id = {d["id"]: d for _, d in deal_rows}
    rows: Rows = []
    item_id = 0
    for oid, deal_id in enumerate(picked, 1):
        deal = deal_by_id[deal_id]
        when = deal["updated_at"]
        items = []
        for _ in range(1 + int(rng.random() * 4)):
            item_id += 1
            product = products[int(rng.random() * len(products))]
            price = next(
                p["amount"] for p in product["prices"] if p["currency"] == deal["currency"]
            )
            variation = d.pick(("0.00", "0.00", "-5.00", "-10.00", "5.00"))
            value = Decimal(price) * (1 + Decimal(variation) / 100)
            items.append(
                {
                    "id": item_id,
                    "order_id": oid,
                    "product_id": product["id"],
                    "name": product["name"],
                    "sku": product["sku"],
                    "description": product["description"],
                    "value": f"{value.quantize(Decimal('0.01')):f}",
                    "price": price,
                    "variation": variation,
                    "currency": deal["currency"],
                    "quantity": 1 + int(rng.random() * 5),
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
                    "discount": d.pick((0, 0, 5, 10, 15)),
                    "created_at": when,
                    "updated_at": when,
                    "_v": 1,
                    "_items": items,
                },
            )
        )
    return rows, item_id
