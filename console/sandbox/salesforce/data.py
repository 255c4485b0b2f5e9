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
from console.sandbox.common.fakedata import EPOCH, INDUSTRIES, Fake
from console.sandbox.salesforce import people_data
from console.sandbox.salesforce.cadence_data import CADENCES, CadenceBuilder
from console.sandbox.salesforce.clock import sf_date, sf_datetime, stamp
from console.sandbox.salesforce.comms_data import PRODUCTS, quotes
from console.sandbox.salesforce.ids import counter
from console.sandbox.salesforce.people_data import AREA, EXCHANGE, LINE
from console.sandbox.salesforce.schema import OBJECTS

Record = dict[str, Any]
Tables = dict[str, list[tuple[str, Record]]]

NOW = int(EPOCH.timestamp())
DAY = 86400
ORG_NAME = "Harborview Communications"
DOMAIN = "harborview-demo.example"
SALES_TITLES = (
    "Sales Development Rep",
    "Business Development Rep",
    "Account Executive",
    "Senior Account Executive",
    "Sales Manager",
)
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
        area, exchange = AREA[floor(r() * 789)], EXCHANGE[floor(r() * 800)]
        return f"+1-{area}-{exchange}-{LINE[floor(r() * 9000)]}"

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
        contacts = people_data.contacts(self, companies)
        leads = people_data.leads(self, owners)
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


def generate(seed: int, count: Callable[[int], int]) -> tuple[Tables, dict[str, int]]:
    """Every table's rows, and the id counter reached per key prefix."""
    gen = Generator(seed, count)
    tables = gen.run()
    return tables, dict(gen.seq)
