"""Seeded contacts (organizations and their people) and leads."""

from __future__ import annotations

from math import floor

from console.sandbox.common.fakedata import INDUSTRIES
from console.sandbox.zendesk_sell.draw import Draw, Record, Rows, tagger


def contacts(d: Draw, count: int, users: int) -> tuple[Rows, dict[int, list[int]]]:
    """Organizations first, then individuals (80% of them belong to an organization).

    The hottest generator at scale: the draws of `d.pick`, `d.phone`, `d.address`,
    `stamps.pair` and `tags` are inlined here, in the same order, so the data is unchanged.
    `floor` is `int` for the non-negative numbers drawn here, only cheaper.
    """
    r, pools = d.random, d.pools
    pool, n_stamp = d.stamps.pool, len(d.stamps.pool)
    phones, addresses = d.phones, d.addresses
    n_phone, n_address = len(phones), len(addresses)
    n_org = max(1, count * 3 // 10)
    rows: Rows = []
    members: dict[int, list[int]] = {}
    domains: dict[int, str] = {}
    companies, titles, sentences = pools.companies, pools.titles, pools.sentences
    firsts, lasts, all_domains = pools.first_names, pools.last_names, pools.domains
    n_company, n_title, n_sentence = len(companies), len(titles), len(sentences)
    n_first, n_last, n_domain = len(firsts), len(lasts), len(all_domains)
    n_industry = len(INDUSTRIES)
    clean = {n: n.lower().replace("'", "").replace(" ", "") for n in (*firsts, *lasts)}
    tiers = ("Gold", "Silver", "Bronze")
    tag = tagger(d, "contact")
    for cid in range(1, count + 1):
        a = floor(r() * n_stamp)
        created, updated = pool[a], pool[a + floor(r() * (n_stamp - a))]
        x = r()
        customer = "none" if x < 0.6 else "current" if x < 0.85 else "past"
        x = r()
        prospect = "none" if x < 0.5 else "current" if x < 0.85 else "lost"
        address = addresses[floor(r() * n_address)]
        billing = address if customer != "none" or prospect != "none" else None
        owner = 1 + floor(r() * users)
        if cid <= n_org:
            base = companies[(cid - 1) % n_company]
            name = base if cid <= n_company else f"{base} ({cid // n_company + 1})"
            domain = domains[cid] = all_domains[(cid - 1) % n_domain]
            members[cid] = []
            parent = floor(r() * (cid - 1)) + 1 if cid > 10 and r() < 0.1 else None
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
                "description": sentences[floor(r() * n_sentence)],
                "industry": INDUSTRIES[floor(r() * n_industry)],
                "website": f"www.{domain}",
                "email": f"info@{domain}",
                "phone": phones[floor(r() * n_phone)],
                "mobile": None,
                "fax": None,
                "twitter": None,
                "facebook": None,
                "linkedin": None,
                "skype": None,
                "address": address,
                "billing_address": billing,
                "shipping_address": billing,
                "tags": tag(),
                "custom_fields": {
                    "external_id": f"ORG-{cid:06d}",
                    "Tier": tiers[floor(r() * 3)],
                    "Employees": floor(r() * 5000) + 5,
                },
                "created_at": created,
                "updated_at": updated,
                "_v": 1,
            }
        else:
            first, last = firsts[floor(r() * n_first)], lasts[floor(r() * n_last)]
            org = floor(r() * n_org) + 1 if r() < 0.8 else None
            if org is not None:
                members[org].append(cid)
            first_clean, last_clean = clean[first], clean[last]
            handle = first_clean[0] + last_clean
            domain = domains[org] if org else all_domains[floor(r() * n_domain)]
            custom: Record = {"external_id": f"CON-{cid:06d}", "Newsletter": r() < 0.4}
            if r() < 0.2:
                custom["known_via"] = firsts[floor(r() * n_first)]
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
                "title": titles[floor(r() * n_title)],
                "description": sentences[floor(r() * n_sentence)] if r() < 0.3 else None,
                "industry": None,
                "website": None,
                "email": f"{first_clean}.{last_clean}@{domain}",
                "phone": phones[floor(r() * n_phone)],
                "mobile": phones[floor(r() * n_phone)] if r() < 0.6 else None,
                "fax": None,
                "twitter": handle if r() < 0.2 else None,
                "facebook": None,
                "linkedin": handle if r() < 0.4 else None,
                "skype": None,
                "address": address,
                "billing_address": billing,
                "shipping_address": None,
                "tags": tag(),
                "custom_fields": custom,
                "created_at": created,
                "updated_at": updated,
                "_v": 1,
            }
        rows.append((cid, rec))
    return rows, members


def leads(d: Draw, count: int, users: int, sources: int, reasons: int) -> Rows:
    """Leads; the draws of the Draw helpers inlined in their order (see `contacts`)."""
    r, pools = d.random, d.pools
    pool, n_stamp = d.stamps.pool, len(d.stamps.pool)
    phones, addresses = d.phones, d.addresses
    n_phone, n_address = len(phones), len(addresses)
    firsts, lasts, companies = pools.first_names, pools.last_names, pools.companies
    titles, domains = pools.titles, pools.domains
    n_first, n_last, n_company = len(firsts), len(lasts), len(companies)
    n_title, n_domain, n_industry = len(titles), len(domains), len(INDUSTRIES)
    tag = tagger(d, "lead")
    rows: Rows = []
    for lid in range(1, count + 1):
        a = floor(r() * n_stamp)
        created, updated = pool[a], pool[a + floor(r() * (n_stamp - a))]
        x = r()
        status = "New" if x < 0.5 else "Working" if x < 0.85 else "Unqualified"
        org_only = r() < 0.1
        first, last = (
            (None, None) if org_only else (firsts[floor(r() * n_first)], lasts[floor(r() * n_last)])
        )
        company = companies[floor(r() * n_company)] if org_only or r() < 0.7 else None
        owner = 1 + floor(r() * users)
        source = 1 + floor(r() * sources)
        reason = 1 + floor(r() * reasons) if status == "Unqualified" else None
        title = titles[floor(r() * n_title)] if first else None
        industry = INDUSTRIES[floor(r() * n_industry)]
        if first and last:
            local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
            email: str | None = f"{local}@{domains[floor(r() * n_domain)]}"
        else:
            email = None
        phone = phones[floor(r() * n_phone)]
        address = addresses[floor(r() * n_address)]
        custom: Record = {"external_id": f"LEAD-{lid:06d}"}
        tagged = tag()
        if r() < 0.4:
            custom["Budget"] = floor(r() * 200) * 500
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
                    "source_id": source,
                    "unqualified_reason_id": reason,
                    "title": title,
                    "description": None,
                    "industry": industry,
                    "website": None,
                    "email": email,
                    "phone": phone,
                    "mobile": None,
                    "fax": None,
                    "twitter": None,
                    "facebook": None,
                    "linkedin": None,
                    "skype": None,
                    "address": address,
                    "tags": tagged,
                    "custom_fields": custom,
                    "created_at": created,
                    "updated_at": updated,
                    "_v": 1,
                },
            )
        )
    return rows
