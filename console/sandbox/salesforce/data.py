"""Seeded Salesforce data: users, accounts, contacts, leads, opportunities, cadences with
trackers (see cadence_data.py), and Communications Cloud quotes, line items and recipient
groups. Same seed, same org; `count(n)` scales the record counts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from math import floor
from typing import Any

from console.sandbox.common.draws import below, picker
from console.sandbox.common.fakedata import EPOCH, INDUSTRIES, Fake, Pools
from console.sandbox.salesforce.cadence_data import CADENCES, CadenceBuilder
from console.sandbox.salesforce.clock import sf_date, sf_datetime, stamp
from console.sandbox.salesforce.comms_data import PRODUCTS, quotes
from console.sandbox.salesforce.ids import counter
from console.sandbox.salesforce.schema import OBJECTS

Record = dict[str, Any]
Tables = dict[str, list[tuple[str, Record]]]

NOW = int(EPOCH.timestamp())
DAY = 86400
# The parts of a phone number, as text (formatting numbers per record is slow at scale).
_AREA = [str(n) for n in range(201, 990)]
_EXCHANGE = [str(n) for n in range(200, 1000)]
_LINE = [str(n) for n in range(1000, 10000)]
ORG_NAME = "Harborview Communications"
DOMAIN = "harborview-demo.example"
SALES_TITLES = (
    "Sales Development Rep",
    "Business Development Rep",
    "Account Executive",
    "Senior Account Executive",
    "Sales Manager",
)
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
STAGES = (
    ("Prospecting", 10),
    ("Qualification", 20),
    ("Needs Analysis", 30),
    ("Proposal/Price Quote", 60),
    ("Negotiation/Review", 80),
    ("Closed Won", 100),
    ("Closed Lost", 0),
)


class Generator:
    def __init__(self, seed: int, count: Callable[[int], int]) -> None:
        self.fake = Fake(seed, "salesforce")
        self.rng = self.fake.rng
        self.count = count
        self.tables: Tables = {name: [] for name in OBJECTS}
        self.seq: dict[str, int] = {}
        self._mints: dict[str, Callable[[], str]] = {}

    def new(
        self,
        sobject: str,
        created: datetime | str,
        modified: datetime | str | None = None,
        **fields: Any,
    ) -> Record:
        """A record with the next id of its object; date-time fields must come as text."""
        made = created if isinstance(created, str) else sf_datetime(created)
        changed = made if modified is None else modified
        record: Record = {
            "Id": self.id_maker(sobject)(),
            "IsDeleted": False,
            "CreatedDate": made,
            "LastModifiedDate": changed if isinstance(changed, str) else sf_datetime(changed),
        }
        record.update(fields)
        self.tables[sobject].append((record["Id"], record))
        return record

    def id_maker(self, sobject: str) -> Callable[[], str]:
        """A function minting the next ids of one object (shares the counter with `new`)."""
        mint = self._mints.get(sobject)
        if mint is None:
            mint = self._mints[sobject] = counter(OBJECTS[sobject].prefix, self.seq)
        return mint

    def rows(self, sobject: str) -> list[tuple[str, Record]]:
        return self.tables[sobject]

    # Fast, seeded helpers (random() is several times cheaper than randrange at scale).

    def pick(self, seq: tuple[str, ...] | list[str]) -> str:
        return seq[int(self.rng.random() * len(seq))]

    def past(self, days: int) -> str:
        return stamp(NOW - int(self.rng.random() * days * 86400))

    def phone(self) -> str:
        r = self.rng.random
        area, exchange = _AREA[floor(r() * 789)], _EXCHANGE[floor(r() * 800)]
        return f"+1-{area}-{exchange}-{_LINE[floor(r() * 9000)]}"

    # -- people ----------------------------------------------------------------------------

    def users(self) -> list[Record]:
        out = []
        for i in range(max(12, self.count(12))):
            first, last = (
                self.pick(self.fake.pools.first_names),
                self.pick(self.fake.pools.last_names),
            )
            title = "Sales Operations Manager" if i == 0 else SALES_TITLES[i % len(SALES_TITLES)]
            handle = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
            out.append(
                self.new(
                    "User",
                    self.past(900),
                    Username=f"{handle}{i or ''}@{DOMAIN}",
                    Name=f"{first} {last}",
                    FirstName=first,
                    LastName=last,
                    Email=f"{handle}@{DOMAIN}",
                    Title=title,
                    Department="Sales",
                    IsActive=i != 11,
                    UserType="Standard",
                    TimeZoneSidKey="America/Los_Angeles",
                )
            )
        return out

    def accounts(self, owners: list[str]) -> tuple[list[Record], list[Record]]:
        companies, persons = [], []
        for i in range(self.count(60)):
            city, state, _ = self.fake.pools.cities[
                int(self.rng.random() * len(self.fake.pools.cities))
            ]
            name = self.pick(self.fake.pools.companies)
            companies.append(
                self.new(
                    "Account",
                    self.past(700),
                    Name=name if i < 600 else f"{name} ({i})",
                    Type=self.rng.choice(("Customer", "Prospect", "Prospect", "Partner")),
                    Industry=self.pick(INDUSTRIES),
                    Website=f"https://www.{self._domain()}",
                    Phone=self.phone(),
                    BillingCity=city,
                    BillingState=state,
                    BillingCountry="US",
                    IsPersonAccount=False,
                    FirstName=None,
                    LastName=None,
                    PersonEmail=None,
                    OwnerId=self.pick(owners),
                )
            )
        for _ in range(self.count(8)):
            first, last = (
                self.pick(self.fake.pools.first_names),
                self.pick(self.fake.pools.last_names),
            )
            persons.append(
                self.new(
                    "Account",
                    self.past(400),
                    Name=f"{first} {last}",
                    Type="Customer",
                    Industry=None,
                    Website=None,
                    Phone=self.phone(),
                    BillingCity=None,
                    BillingState=None,
                    BillingCountry="US",
                    IsPersonAccount=True,
                    FirstName=first,
                    LastName=last,
                    PersonEmail=self.fake.email(first, last, "mailbox.example"),
                    OwnerId=self.pick(owners),
                )
            )
        return companies, persons

    def _domain(self) -> str:
        return self.pick(self.fake.pools.domains)

    def contacts(self, accounts: list[Record], owners: list[str]) -> list[Record]:
        # The draws of pick(), past() and phone(), inlined in the same order (hot at scale).
        rand, pools, rows = self.rng.random, self.fake.pools, self.rows("Contact")
        firsts, lasts = pools.first_names, pools.last_names
        n_acc, n_first, n_last = len(accounts), len(firsts), len(lasts)
        n_title, n_source = len(BUYER_TITLES), len(SOURCES)
        mint = self.id_maker("Contact")
        clean = _clean_names(pools)
        days, times = stamp.days, stamp.times
        out = []
        for i in range(self.count(300)):
            account = accounts[int(rand() * n_acc)]
            first, last = firsts[int(rand() * n_first)], lasts[int(rand() * n_last)]
            domain = account["Website"].removeprefix("https://www.")
            at = NOW - int(rand() * 600 * 86400)
            made = days[at // DAY] + times[at % DAY]
            local = f"{clean[first]}.{clean[last]}"
            if i >= 500:
                local += str(i // 500)
            area, exchange = _AREA[floor(rand() * 789)], _EXCHANGE[floor(rand() * 800)]
            phone = f"+1-{area}-{exchange}-{_LINE[floor(rand() * 9000)]}"
            ident = mint()
            record = {
                "Id": ident,
                "IsDeleted": False,
                "CreatedDate": made,
                "LastModifiedDate": made,
                "FirstName": first,
                "LastName": last,
                "Name": f"{first} {last}",
                "Email": f"{local}@{domain}",
                "Phone": phone,
                "Title": BUYER_TITLES[int(rand() * n_title)],
                "AccountId": account["Id"],
                "OwnerId": account["OwnerId"],
                "MailingCity": account["BillingCity"],
                "MailingState": account["BillingState"],
                "MailingCountry": "US",
                "LeadSource": SOURCES[int(rand() * n_source)],
            }
            rows.append((ident, record))
            out.append(record)
        return out

    def leads(self, owners: list[str]) -> list[Record]:
        # The draws of pick(), past() and phone(), inlined in the same order (hot at scale).
        rand, pools, rows = self.rng.random, self.fake.pools, self.rows("Lead")
        firsts, lasts, companies = pools.first_names, pools.last_names, pools.companies
        cities, domains = pools.cities, pools.domains
        n_first, n_last, n_city, n_company = len(firsts), len(lasts), len(cities), len(companies)
        n_domain, n_title, n_status = len(domains), len(BUYER_TITLES), len(LEAD_STATUSES)
        n_source, n_industry, n_owner = len(SOURCES), len(INDUSTRIES), len(owners)
        mint = self.id_maker("Lead")
        clean = _clean_names(pools)
        days, times = stamp.days, stamp.times
        out = []
        for i in range(self.count(200)):
            first, last = firsts[int(rand() * n_first)], lasts[int(rand() * n_last)]
            converted = rand() < 0.05
            city, state, _ = cities[int(rand() * n_city)]
            at = NOW - int(rand() * 300 * 86400)
            made = days[at // DAY] + times[at % DAY]
            company = companies[int(rand() * n_company)]
            local = f"{clean[first]}.{clean[last]}"
            if i >= 500:
                local += str(i // 500)
            email = f"{local}@{domains[int(rand() * n_domain)]}"
            area, exchange = _AREA[floor(rand() * 789)], _EXCHANGE[floor(rand() * 800)]
            phone = f"+1-{area}-{exchange}-{_LINE[floor(rand() * 9000)]}"
            ident = mint()
            record = {
                "Id": ident,
                "IsDeleted": False,
                "CreatedDate": made,
                "LastModifiedDate": made,
                "FirstName": first,
                "LastName": last,
                "Name": f"{first} {last}",
                "Company": company,
                "Email": email,
                "Phone": phone,
                "Title": BUYER_TITLES[int(rand() * n_title)],
                "Status": "Closed - Converted"
                if converted
                else LEAD_STATUSES[int(rand() * n_status)],
                "LeadSource": SOURCES[int(rand() * n_source)],
                "Industry": INDUSTRIES[int(rand() * n_industry)],
                "City": city,
                "State": state,
                "Country": "US",
                "IsConverted": converted,
                "OwnerId": owners[int(rand() * n_owner)],
            }
            rows.append((ident, record))
            out.append(record)
        return out

    def opportunities(self, accounts: list[Record]) -> dict[str, list[str]]:
        by_account: dict[str, list[str]] = {}
        rng = self.rng
        # rng.choice, randrange(5_000, 400_000, 500) and randint(-120, 180), only faster.
        stage_of, product_of = picker(rng, STAGES), picker(rng, PRODUCTS)
        amount, close = below(rng, (400_000 - 5_000 + 499) // 500), below(rng, 301)
        closing = [sf_date((EPOCH + timedelta(days=n)).date()) for n in range(-120, 181)]
        for _ in range(self.count(80)):
            account = accounts[int(rng.random() * len(accounts))]
            stage, chance = stage_of()
            product = product_of()[0]
            opp = self.new(
                "Opportunity",
                self.past(300),
                Name=f"{account['Name']} - {product}",
                AccountId=account["Id"],
                StageName=stage,
                Amount=float(5_000 + 500 * amount()),
                CloseDate=closing[close()],
                Probability=float(chance),
                IsClosed=stage.startswith("Closed"),
                IsWon=stage == "Closed Won",
                OwnerId=account["OwnerId"],
            )
            by_account.setdefault(account["Id"], []).append(opp["Id"])
        return by_account

    # -- all of it -----------------------------------------------------------------------------

    def run(self) -> Tables:
        self.new(
            "Organization",
            EPOCH - timedelta(days=1500),
            Name=ORG_NAME,
            IsSandbox=False,
            OrganizationType="Enterprise Edition",
            InstanceName="USA842",
        )
        users = self.users()
        owners = [u["Id"] for u in users if u["IsActive"]]
        companies, persons = self.accounts(owners)
        contacts = self.contacts(companies, owners)
        leads = self.leads(owners)
        opps = self.opportunities(companies)
        cadences = CadenceBuilder(self.new, self.id_maker, self.rows, self.rng, users, opps)
        for name, state, kind, text, steps in CADENCES:
            cadences.cadence(name, state, kind, text, steps)
        for n in range(self.count(len(CADENCES)) - len(CADENCES)):
            name, state, kind, text, steps = CADENCES[n % len(CADENCES)]
            cadences.cadence(f"{name} #{n // len(CADENCES) + 2}", state, kind, text, steps)
        for sobject, targets in (("Contact", contacts), ("Lead", leads), ("Account", persons)):
            for target in targets:
                cadences.enrol(target, sobject)
        quotes(self, opps, contacts)
        return self.tables


def _clean_names(pools: Pools) -> dict[str, str]:
    """Each pool name as `fake.email` puts it in an address (lower case, no spaces or ')."""
    names = (*pools.first_names, *pools.last_names)
    return {n: n.lower().replace(" ", "").replace("'", "") for n in names}


def generate(seed: int, count: Callable[[int], int]) -> tuple[Tables, dict[str, int]]:
    """Every table's rows, and the id counter reached per key prefix."""
    gen = Generator(seed, count)
    tables = gen.run()
    return tables, dict(gen.seq)
