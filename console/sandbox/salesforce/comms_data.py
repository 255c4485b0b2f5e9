"""Seeded Communications Cloud Sales data: quotes, their line items, and recipient groups.

About four in ten line items get a recipient group of the quote account's contacts (some
empty); a quarter of those are already split into one line per recipient.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from console.sandbox.salesforce.data import Generator

Record = dict[str, Any]
PRODUCTS = (
    ("Business Unlimited 5G line", 65.0),
    ("Fiber Internet 1 Gbps", 249.0),
    ("Device Protection Plus", 12.0),
    ("International Roaming Pass", 35.0),
    ("Static IP Block /29", 45.0),
    ("Unified Communications Seat", 22.0),
    ("Mobile Hotspot Add-on", 20.0),
    ("SD-WAN Branch Edge", 399.0),
)


def quotes(gen: Generator, opps: dict[str, list[str]], contacts: list[Record]) -> None:
    by_account: dict[str, list[str]] = {}
    for contact in contacts:
        by_account.setdefault(contact["AccountId"], []).append(contact["Id"])
    accounts = sorted(a for a in opps if by_account.get(a))
    everyone = [c["Id"] for c in contacts]
    for q in range(gen.count(14)):
        account = accounts[int(gen.rng.random() * len(accounts))] if accounts else None
        opp = gen.rng.choice(opps[account]) if account else None
        created = gen.past(90)
        quote = gen.new(
            "Quote",
            created,
            Name=f"Q-{10000 + q} Business services",
            OpportunityId=opp,
            AccountId=account,
            Status=gen.rng.choice(("Draft", "Needs Review", "Approved", "Presented")),
        )
        pool = by_account.get(account or "", []) or everyone
        for line in range(1, gen.rng.randint(2, 5) + 1):
            _line(gen, quote, line, created, pool, everyone)


def _line(
    gen: Generator, quote: Record, line: int, created: str, pool: list[str], everyone: list[str]
) -> None:
    rng = gen.rng
    product, price = rng.choice(PRODUCTS)
    qty = float(rng.randint(1, 40))
    fields = dict(
        QuoteId=quote["Id"],
        LineNumber=f"{line:05d}",
        Description=product,
        Quantity=qty,
        UnitPrice=price,
        TotalPrice=round(qty * price, 2),
        RecipientGroupId=None,
        RecipientId=None,
        ParentQuoteLineItemId=None,
    )
    item = gen.new("QuoteLineItem", created, **fields)
    if rng.random() > 0.6:
        return
    size = 0 if rng.random() < 0.15 else rng.randint(1, 6)
    members = rng.sample(pool, min(size, len(pool))) if size else []
    if size and len(members) < 2:
        members = rng.sample(everyone, min(size, len(everyone)))
    group = gen.new(
        "RecipientGroup",
        created,
        Name=f"{quote['Name']} / {product} recipients",
        QuoteLineItemId=item["Id"],
        RecipientCount=len(members),
        Recipients=";".join(members),
    )
    item["RecipientGroupId"] = group["Id"]
    if members and rng.random() < 0.25:  # already split: one line per recipient
        item["RecipientId"] = members[0]
        for n, member in enumerate(members[1:], start=1):
            gen.new(
                "QuoteLineItem",
                created,
                **{
                    **fields,
                    "LineNumber": f"{line:05d}.{n}",
                    "RecipientGroupId": group["Id"],
                    "RecipientId": member,
                    "ParentQuoteLineItemId": item["Id"],
                },
            )
