"""Seeded contacts (organizations and their people) and leads."""

from __future__ import annotations

from console.sandbox.common.fakedata import INDUSTRIES
from console.sandbox.zendesk_sell.draw import Draw, Record, Rows, tags


def contacts(d: Draw, count: int, users: int) -> tuple[Rows, dict[int, list[int]]]:
    """Organizations first, then individuals (80% of them belong to an organization)."""
    stamps = d.stamps
    r, pick, pools = d.random, d.pick, d.pools
    n_org = max(1, count * 3 // 10)
    rows: Rows = []
    members: dict[int, list[int]] = {}
    domains: dict[int, str] = {}
    companies, titles, sentences = pools.companies, pools.titles, pools.sentences
    clean = {
        n: n.lower().replace("'", "").replace(" ", "")
        for n in (*pools.first_names, *pools.last_names)
    }
    tiers = ("Gold", "Silver", "Bronze")
    for cid in range(1, count + 1):
        created, updated = stamps.pair()
        x = r()
        customer = "none" if x < 0.6 else "current" if x < 0.85 else "past"
        x = r()
        prospect = "none" if x < 0.5 else "current" if x < 0.85 else "lost"
        address = d.address()
        billing = address if customer != "none" or prospect != "none" else None
        owner = 1 + int(r() * users)
        if cid <= n_org:
            base = companies[(cid - 1) % len(companies)]
            name = base if cid <= len(companies) else f"{base} ({cid // len(companies) + 1})"
            domain = domains[cid] = pools.domains[(cid - 1) % len(pools.domains)]
            members[cid] = []
            parent = int(r() * (cid - 1)) + 1 if cid > 10 and r() < 0.1 else None
            rec: Record = {
                "id": cid,
                "creator_id": owner,
                "owner_id": owner,
                "is_organization": True,
                "contact_id": None,
                "parent_organization_id": parent,
                "name": name,
                "first_name": None,
                "last_name": None,
                "customer_status": customer,
                "prospect_status": prospect,
                "title": None,
                "description": pick(sentences),
                "industry": pick(INDUSTRIES),
                "website": f"www.{domain}",
                "email": f"info@{domain}",
                "phone": d.phone(),
                "mobile": None,
                "fax": None,
                "twitter": None,
                "facebook": None,
                "linkedin": None,
                "skype": None,
                "address": address,
                "billing_address": billing,
                "shipping_address": billing,
                "tags": tags(d, "contact"),
                "custom_fields": {
                    "external_id": f"ORG-{cid:06d}",
                    "Tier": pick(tiers),
                    "Employees": int(r() * 5000) + 5,
                },
                "created_at": created,
                "updated_at": updated,
                "_v": 1,
            }
        else:
            first, last = pick(pools.first_names), pick(pools.last_names)
            org = int(r() * n_org) + 1 if r() < 0.8 else None
            if org is not None:
                members[org].append(cid)
            handle = clean[first][0] + clean[last]
            domain = domains[org] if org else pick(pools.domains)
            custom: Record = {"external_id": f"CON-{cid:06d}", "Newsletter": r() < 0.4}
            if r() < 0.2:
                custom["known_via"] = pick(pools.first_names)
            rec = {
                "id": cid,
                "creator_id": owner,
                "owner_id": owner,
                "is_organization": False,
                "contact_id": org,
                "parent_organization_id": None,
                "name": f"{first} {last}",
                "first_name": first,
                "last_name": last,
                "customer_status": customer,
                "prospect_status": prospect,
                "title": pick(titles),
                "description": pick(sentences) if r() < 0.3 else None,
                "industry": None,
                "website": None,
                "email": f"{clean[first]}.{clean[last]}@{domain}",
                "phone": d.phone(),
                "mobile": d.phone() if r() < 0.6 else None,
                "fax": None,
                "twitter": handle if r() < 0.2 else None,
                "facebook": None,
                "linkedin": handle if r() < 0.4 else None,
                "skype": None,
                "address": address,
                "billing_address": billing,
                "shipping_address": None,
                "tags": tags(d, "contact"),
                "custom_fields": custom,
                "created_at": created,
                "updated_at": updated,
                "_v": 1,
            }
        rows.append((cid, rec))
    return rows, members


def leads(d: Draw, count: int, users: int, sources: int, reasons: int) -> Rows:
    rng, stamps = d.rng, d.stamps
    rows: Rows = []
    for lid in range(1, count + 1):
        created, updated = stamps.pair()
        x = rng.random()
        status = "New" if x < 0.5 else "Working" if x < 0.85 else "Unqualified"
        org_only = rng.random() < 0.1
        first, last = (None, None) if org_only else (d.first_name(), d.last_name())
        company = d.company() if org_only or rng.random() < 0.7 else None
        owner = 1 + int(rng.random() * users)
        rows.append(
            (
                lid,
                {
                    "id": lid,
                    "creator_id": owner,
                    "owner_id": owner,
                    "first_name": first,
                    "last_name": last,
                    "organization_name": company,
                    "status": status,
                    "source_id": 1 + int(rng.random() * sources),
                    "unqualified_reason_id": 1 + int(rng.random() * reasons)
                    if status == "Unqualified"
                    else None,
                    "title": d.title() if first else None,
                    "description": None,
                    "industry": d.industry(),
                    "website": None,
                    "email": d.email(first, last) if first and last else None,
                    "phone": d.phone(),
                    "mobile": None,
                    "fax": None,
                    "twitter": None,
                    "facebook": None,
                    "linkedin": None,
                    "skype": None,
                    "address": d.address(),
                    "tags": tags(d, "lead"),
                    "custom_fields": {"external_id": f"LEAD-{lid:06d}"}
                    | ({"Budget": int(rng.random() * 200) * 500} if rng.random() < 0.4 else {}),
                    "created_at": created,
                    "updated_at": updated,
                    "_v": 1,
                },
            )
        )
    return rows
