"""Seeded Salesforce people: contacts and leads, the generator's largest plain objects.

Built as copies of a field template with their draws inlined, in the order `Generator.new`,
`pick`, `past` and `phone` would make them (the data is the same; this is only faster).
`floor` is `int` for the non-negative numbers drawn here, only cheaper.
"""

from __future__ import annotations

from math import floor
from typing import TYPE_CHECKING, Any

from console.sandbox.common.fakedata import EPOCH, INDUSTRIES, Pools
from console.sandbox.salesforce.clock import stamp

if TYPE_CHECKING:
    from console.sandbox.salesforce.data import Generator

Record = dict[str, Any]
NOW = int(EPOCH.timestamp())
DAY = 86400
# The parts of a phone number, as text (formatting numbers per record is slow at scale).
AREA = [str(n) for n in range(201, 990)]
EXCHANGE = [str(n) for n in range(200, 1000)]
LINE = [str(n) for n in range(1000, 10000)]
BUYER_TITLES = (
    "VP of Sales",
    "Director of IT",
    "Head of Operations",
    "CTO",
    "CFO",
    "Procurement Manager",
    "IT Manager",
    "Network Engineer",
    "Office Manager",
    "Chief Revenue Officer",
    "Marketing Director",
    "Facilities Manager",
)
LEAD_STATUSES = (
    "Open - Not Contacted",
    "Open - Not Contacted",
    "Working - Contacted",
    "Working - Contacted",
    "Closed - Not Converted",
)
SOURCES = ("Web", "Webinar", "Partner Referral", "Trade Show", "Purchased List", "Chat")

CONTACT_FIELDS = (
    "Id",
    "IsDeleted",
    "CreatedDate",
    "LastModifiedDate",
    "FirstName",
    "LastName",
    "Name",
    "Email",
    "Phone",
    "Title",
    "AccountId",
    "OwnerId",
    "MailingCity",
    "MailingState",
    "MailingCountry",
    "LeadSource",
)
LEAD_FIELDS = (
    "Id",
    "IsDeleted",
    "CreatedDate",
    "LastModifiedDate",
    "FirstName",
    "LastName",
    "Name",
    "Company",
    "Email",
    "Phone",
    "Title",
    "Status",
    "LeadSource",
    "Industry",
    "City",
    "State",
    "Country",
    "IsConverted",
    "OwnerId",
)


def clean_names(pools: Pools) -> dict[str, str]:
    """Each pool name as `fake.email` puts it in an address (lower case, no spaces or ')."""
    names = (*pools.first_names, *pools.last_names)
    return {n: n.lower().replace(" ", "").replace("'", "") for n in names}


def contacts(gen: Generator, accounts: list[Record]) -> list[Record]:
    """Contacts of the company accounts (each takes its account's owner and city)."""
    # The draws of pick(), past() and phone(), inlined in the same order (hot at scale).
    rand, pools, rows = gen.rng.random, gen.fake.pools, gen.rows("Contact")
    firsts, lasts = pools.first_names, pools.last_names
    n_acc, n_first, n_last = len(accounts), len(firsts), len(lasts)
    n_title, n_source = len(BUYER_TITLES), len(SOURCES)
    mint = gen.id_maker("Contact")
    clean = clean_names(pools)
    # Records start as copies (cheaper than a 16-key literal; the key order is new()'s).
    template: Record = dict.fromkeys(CONTACT_FIELDS)
    template.update(IsDeleted=False, MailingCountry="US")
    days, times = stamp.days, stamp.times
    out = []
    for i in range(gen.count(300)):
        account = accounts[floor(rand() * n_acc)]
        first, last = firsts[floor(rand() * n_first)], lasts[floor(rand() * n_last)]
        domain = account["Website"].removeprefix("https://www.")
        at = NOW - floor(rand() * 600 * 86400)
        made = days[at // DAY] + times[at % DAY]
        local = f"{clean[first]}.{clean[last]}"
        if i >= 500:
            local += str(i // 500)
        area, exchange = AREA[floor(rand() * 789)], EXCHANGE[floor(rand() * 800)]
        phone = f"+1-{area}-{exchange}-{LINE[floor(rand() * 9000)]}"
        ident = mint()
        record = template.copy()
        record["Id"] = ident
        record["CreatedDate"] = record["LastModifiedDate"] = made
        record["FirstName"] = first
        record["LastName"] = last
        record["Name"] = f"{first} {last}"
        record["Email"] = f"{local}@{domain}"
        record["Phone"] = phone
        record["Title"] = BUYER_TITLES[floor(rand() * n_title)]
        record["AccountId"] = account["Id"]
        record["OwnerId"] = account["OwnerId"]
        record["MailingCity"] = account["BillingCity"]
        record["MailingState"] = account["BillingState"]
        record["LeadSource"] = SOURCES[floor(rand() * n_source)]
        rows.append((ident, record))
        out.append(record)
    return out


def leads(gen: Generator, owners: list[str]) -> list[Record]:
    # The draws of pick(), past() and phone(), inlined in the same order (hot at scale).
    rand, pools, rows = gen.rng.random, gen.fake.pools, gen.rows("Lead")
    firsts, lasts, companies = pools.first_names, pools.last_names, pools.companies
    cities, domains = pools.cities, pools.domains
    n_first, n_last, n_city, n_company = len(firsts), len(lasts), len(cities), len(companies)
    n_domain, n_title, n_status = len(domains), len(BUYER_TITLES), len(LEAD_STATUSES)
    n_source, n_industry, n_owner = len(SOURCES), len(INDUSTRIES), len(owners)
    mint = gen.id_maker("Lead")
    clean = clean_names(pools)
    # Records start as copies (cheaper than a 21-key literal; the key order is new()'s).
    template: Record = dict.fromkeys(LEAD_FIELDS)
    template.update(IsDeleted=False, Country="US")
    days, times = stamp.days, stamp.times
    out = []
    for i in range(gen.count(200)):
        first, last = firsts[floor(rand() * n_first)], lasts[floor(rand() * n_last)]
        converted = rand() < 0.05
        city, state, _ = cities[floor(rand() * n_city)]
        at = NOW - floor(rand() * 300 * 86400)
        made = days[at // DAY] + times[at % DAY]
        company = companies[floor(rand() * n_company)]
        local = f"{clean[first]}.{clean[last]}"
        if i >= 500:
            local += str(i // 500)
        email = f"{local}@{domains[floor(rand() * n_domain)]}"
        area, exchange = AREA[floor(rand() * 789)], EXCHANGE[floor(rand() * 800)]
        phone = f"+1-{area}-{exchange}-{LINE[floor(rand() * 9000)]}"
        ident = mint()
        record = template.copy()
        record["Id"] = ident
        record["CreatedDate"] = record["LastModifiedDate"] = made
        record["FirstName"] = first
        record["LastName"] = last
        record["Name"] = f"{first} {last}"
        record["Company"] = company
        record["Email"] = email
        record["Phone"] = phone
        record["Title"] = BUYER_TITLES[floor(rand() * n_title)]
        record["Status"] = (
            "Closed - Converted" if converted else LEAD_STATUSES[floor(rand() * n_status)]
        )
        record["LeadSource"] = SOURCES[floor(rand() * n_source)]
        record["Industry"] = INDUSTRIES[floor(rand() * n_industry)]
        record["City"] = city
        record["State"] = state
        record["IsConverted"] = converted
        record["OwnerId"] = owners[floor(rand() * n_owner)]
        rows.append((ident, record))
        out.append(record)
    return out
