"""Seeded contacts (organizations and their people) and leads."""

from __future__ import annotations

from math import floor

from console.sandbox.common.fakedata import INDUSTRIES
from console.sandbox.zendesk_sell.draw import Draw, Record, Rows, tagger

CONTACT_FIELDS: Record = dict.fromkeys(
    (
        "id",
        "creator_id",
        "owner_id",
        "is_organization",
        "contact_id",
        "parent_organization_id",
        "name",
        "first_name",
        "last_name",
        "customer_status",
        "prospect_status",
        "title",
        "description",
        "industry",
        "website",
        "email",
        "phone",
        "mobile",
        "fax",
        "twitter",
        "facebook",
        "linkedin",
        "skype",
        "address",
        "billing_address",
        "shipping_address",
        "tags",
        "custom_fields",
        "created_at",
        "updated_at",
        "_v",
    )
)


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
    # Records start as copies of these (cheaper than a 31-key literal; the key order is the
    # API's), then get their values in the order they are drawn.
    org = {**CONTACT_FIELDS, "is_organization": True, "_v": 1}
    person = {**CONTACT_FIELDS, "is_organization": False, "_v": 1}
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
            rec = org.copy()
            rec["parent_organization_id"] = (
                floor(r() * (cid - 1)) + 1 if cid > 10 and r() < 0.1 else None
            )
            rec["name"] = name
            rec["description"] = sentences[floor(r() * n_sentence)]
            rec["industry"] = INDUSTRIES[floor(r() * n_industry)]
            rec["website"] = f"www.{domain}"
            rec["email"] = f"info@{domain}"
            rec["phone"] = phones[floor(r() * n_phone)]
            rec["shipping_address"] = billing
            rec["tags"] = tag()
            rec["custom_fields"] = {
                "external_id": f"ORG-{cid:06d}",
                "Tier": tiers[floor(r() * 3)],
                "Employees": floor(r() * 5000) + 5,
            }
        else:
            first, last = firsts[floor(r() * n_first)], lasts[floor(r() * n_last)]
            org_id = floor(r() * n_org) + 1 if r() < 0.8 else None
            if org_id is not None:
                members[org_id].append(cid)
            first_clean, last_clean = clean[first], clean[last]
            handle = first_clean[0] + last_clean
            domain = domains[org_id] if org_id else all_domains[floor(r() * n_domain)]
            custom: Record = {"external_id": f"CON-{cid:06d}", "Newsletter": r() < 0.4}
            if r() < 0.2:
                custom["known_via"] = firsts[floor(r() * n_first)]
            rec = person.copy()
            rec["contact_id"] = org_id
            rec["name"] = f"{first} {last}"
            rec["first_name"] = first
            rec["last_name"] = last
            rec["title"] = titles[floor(r() * n_title)]
            rec["description"] = sentences[floor(r() * n_sentence)] if r() < 0.3 else None
            rec["email"] = f"{first_clean}.{last_clean}@{domain}"
            rec["phone"] = phones[floor(r() * n_phone)]
            rec["mobile"] = phones[floor(r() * n_phone)] if r() < 0.6 else None
            rec["twitter"] = handle if r() < 0.2 else None
            rec["linkedin"] = handle if r() < 0.4 else None
            rec["tags"] = tag()
            rec["custom_fields"] = custom
        rec["id"] = cid
        rec["creator_id"] = rec["owner_id"] = owner
        rec["customer_status"] = customer
        rec["prospect_status"] = prospect
        rec["address"] = address
        rec["billing_address"] = billing
        rec["created_at"] = created
        rec["updated_at"] = updated
        rows.append((cid, rec))
    return rows, members


LEAD_FIELDS: Record = dict.fromkeys(
    (
        "id",
        "creator_id",
        "owner_id",
        "first_name",
        "last_name",
        "organization_name",
        "status",
        "source_id",
        "unqualified_reason_id",
        "title",
        "description",
        "industry",
        "website",
        "email",
        "phone",
        "mobile",
        "fax",
        "twitter",
        "facebook",
        "linkedin",
        "skype",
        "address",
        "tags",
        "custom_fields",
        "created_at",
        "updated_at",
        "_v",
    )
)


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
    template = {**LEAD_FIELDS, "_v": 1}  # records start as copies (see `contacts`)
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
        rec = template.copy()
        rec["id"] = lid
        rec["creator_id"] = rec["owner_id"] = owner
        rec["first_name"] = first
        rec["last_name"] = last
        rec["organization_name"] = company
        rec["status"] = status
        rec["source_id"] = source
        rec["unqualified_reason_id"] = reason
        rec["title"] = title
        rec["industry"] = industry
        rec["email"] = email
        rec["phone"] = phone
        rec["address"] = address
        rec["tags"] = tagged
        rec["custom_fields"] = custom
        rec["created_at"] = created
        rec["updated_at"] = updated
        rows.append((lid, rec))
    return rows
