"""Seeded Totango data: accounts, SuccessPlays in every state, and app tokens."""

from __future__ import annotations

import uuid
from typing import Any

from console.sandbox.common.draws import below, iso_at, picker
from console.sandbox.common.fakedata import EPOCH, Fake

ADMIN_TOKEN = "tt-admin-" + "5f2c9a7e41d84b0c9e3a6d1f8b7c2e04a9d3f6b1"
USER_TOKEN = "tt-user-" + "0b8e4d2a9c7f41e6a3d5b2c8f9e1a7d4c6b3e5f2"

STATUS_GROUPS = ("paying", "paying", "paying", "trial", "freemium", "churned")
HEALTH = ("good", "good", "average", "poor")
LIFECYCLE = ("Onboarding", "Adoption", "Expansion", "Renewal", "At risk")
REGIONS = ("NA", "EMEA", "APAC", "LATAM")

PLAYS = [
    ("Executive check-in", True, True),
    ("Renewal risk review", True, True),
    ("Request sentiment update", True, True),
    ("Onboarding kickoff", True, True),
    ("Quarterly business review prep", True, False),
    ("Legacy upsell nudge", True, False),
    ("Low usage alert (automatic)", False, True),
    ("Welcome series (automatic)", False, True),
]


def generate(seed: int, count: int) -> dict[str, list[tuple[Any, dict[str, Any]]]]:
    fake = Fake(seed, "totango")
    rng, pools = fake.rng, fake.pools
    # The same draws as fake.company(), fake.pick(...), randrange and fake.past(900), in the
    # same order, only faster (see draws.py): the data is what it always was.
    company, first, last = (
        picker(rng, pools.companies),
        picker(rng, pools.first_names),
        picker(rng, pools.last_names),
    )
    status, health, stage = picker(rng, STATUS_GROUPS), picker(rng, HEALTH), picker(rng, LIFECYCLE)
    region = picker(rng, REGIONS)
    value = below(rng, (250_000 - 1_000 + 499) // 500)  # randrange(1_000, 250_000, 500)
    age = below(rng, 900 * 86400 + 1)  # fake.past(900)
    now = int(EPOCH.timestamp())
    accounts = []
    for i in range(count):
        name = company()
        ident = f"ACC-{10001 + i}"
        accounts.append(
            (
                ident,
                {
                    "account_id": ident,
                    "display_name": name if i < 600 else f"{name} ({i})",
                    "status_group": status(),
                    "health": health(),
                    "lifecycle_stage": stage(),
                    "contract_value": 1_000 + 500 * value(),
                    "owner": f"{first()} {last()}",
                    "created_date": iso_at(now - age()),
                    "attributes": {"Region": region()},
                },
            )
        )
    plays = []
    for title, manual, active in PLAYS:
        ident = str(uuid.UUID(int=fake.rng.getrandbits(128), version=4))
        plays.append((ident, {"id": ident, "name": title, "manual": manual, "active": active}))
    tokens = [
        (ADMIN_TOKEN, {"token": ADMIN_TOKEN, "user": "demo.admin@example.com", "admin": True}),
        (USER_TOKEN, {"token": USER_TOKEN, "user": "demo.csm@example.com", "admin": False}),
    ]
    return {"accounts": accounts, "successplays": plays, "tokens": tokens, "runs": []}
