"""All seeded Zendesk Sell data for one seed and scale, plus a little Firehose history."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from console.sandbox.common.fakedata import EPOCH, Fake, iso
from console.sandbox.zendesk_sell import people, records, reference
from console.sandbox.zendesk_sell.draw import Draw
from console.sandbox.zendesk_sell.firehose import Firehose
from console.sandbox.zendesk_sell.resources import STREAMS
from console.sandbox.zendesk_sell.rules import render

Rows = list[tuple[Any, dict[str, Any]]]
HISTORY_PER_STREAM = 8
USERS = 8

# Default record counts at scale 1 (scaled by --scale).
COUNTS = {"contacts": 500, "deals": 300, "leads": 200, "notes": 400, "tasks": 300, "orders": 80}


def generate(seed: int, count: Any) -> tuple[dict[str, Rows], int]:
    """Every table's rows, and the last line item id. `count(n)` scales a default count."""
    fake = Fake(seed, "zendesk_sell")
    pipes, stages = reference.pipelines()
    products = reference.products(fake)
    tables: dict[str, Rows] = {
        "users": reference.users(fake, USERS),
        "account": reference.account(fake),
        "pipelines": pipes,
        "stages": stages,
        "custom_fields": reference.custom_fields(),
        "products": products,
        **reference.small_tables(fake),
    }
    # One set of shared pools (phones, addresses, timestamps), sized to the data.
    d = Draw(fake, size=min(4096, 2 * count(COUNTS["contacts"])))
    contacts, members = people.contacts(d, count(COUNTS["contacts"]), USERS)
    tables["contacts"] = contacts
    tables["leads"] = people.leads(
        d, count(COUNTS["leads"]), USERS, len(reference.LEAD_SOURCES), len(reference.UNQUALIFIED)
    )
    tables["deals"] = records.deals(d, count(COUNTS["deals"]), contacts, members, stages, USERS)
    sizes = {"contact": len(contacts), "lead": len(tables["leads"]), "deal": len(tables["deals"])}
    tables["notes"] = records.notes(d, count(COUNTS["notes"]), sizes, USERS)
    tables["tasks"] = records.tasks(d, count(COUNTS["tasks"]), sizes, USERS)
    tables["orders"], last_item = records.orders(
        d, count(COUNTS["orders"]), tables["deals"], products
    )
    tables.update(reference.activity(fake, [k for k, _ in contacts[:200]]))
    return tables, last_item


def seed_history(firehose: Firehose, tables: dict[str, Rows], seed: int) -> None:
    """Created events for the newest records of each stream, and a few stage changes."""
    fake = Fake(seed, "zendesk_sell:firehose")
    now = iso(EPOCH)
    start = EPOCH - timedelta(hours=48)
    step = 0

    def stamp() -> str:
        nonlocal step
        step += 1
        return iso(start + timedelta(minutes=7 * step))

    def event_id() -> str:
        return str(uuid.UUID(int=fake.rng.getrandbits(128), version=4))

    for resource in STREAMS:
        for rec in _newest(tables, resource, HISTORY_PER_STREAM):
            firehose.append(
                resource,
                "created",
                render(resource, rec, now),
                sequence=1,
                cause="user_action",
                event_time=stamp(),
                event_id=event_id(),
            )
    stages = {s["id"]: s for _, s in tables["stages"]}
    for _, deal in tables["deals"][-4:]:
        pipeline = stages[deal["stage_id"]]["pipeline_id"]
        earlier = [
            s
            for s in stages.values()
            if s["pipeline_id"] == pipeline and s["id"] < deal["stage_id"]
        ]
        if not earlier:
            continue
        deal["_v"] = 2
        previous = {"stage_id": earlier[-1]["id"], "last_stage_change_at": deal["created_at"]}
        firehose.append(
            "deals",
            "updated",
            render("deals", deal, now),
            sequence=2,
            previous=previous,
            cause="user_action",
            event_time=stamp(),
            event_id=event_id(),
        )


def _newest(tables: dict[str, Rows], resource: str, n: int) -> list[dict[str, Any]]:
    """The last `n` records of a stream's table (line items: of the last orders)."""
    if resource != "line_items":
        return [r for _, r in tables.get(resource, [])[-n:]]
    items: list[dict[str, Any]] = []
    for _, order in reversed(tables["orders"]):
        items[:0] = order["_items"]
        if len(items) >= n:
            break
    return items[-n:]
