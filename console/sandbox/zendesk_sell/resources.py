"""What each Zendesk Sell resource accepts, filters and sorts on, declared as data.

The generic handlers (crud.py) read these specs; resource-specific rules (an individual
contact needs a last name, a deal's organization follows its contact, ...) live in rules.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class K(StrEnum):
    """How a body attribute is validated."""

    STRING = "string"
    TEXT = "text"
    ID = "id"
    INT = "int"
    BOOL = "bool"
    DATETIME = "datetime"
    DATE = "date"
    DECIMAL = "decimal"
    ENUM = "enum"
    TAGS = "tags"
    ADDRESS = "address"
    CUSTOM = "custom_fields"
    PRICES = "prices"
    CURRENCY = "currency"


def names(text: str) -> frozenset[str]:
    """A set of attribute names written as one space-separated string."""
    return frozenset(text.split())


def kinds(**groups: str) -> dict[str, str]:
    """Filter kinds by group: kinds(int="owner_id creator_id", str="name")."""
    return {name: kind for kind, text in groups.items() for name in text.split()}


@dataclass(frozen=True, slots=True)
class F:
    kind: K
    ref: str | None = None  # the table an id must exist in
    choices: tuple[str, ...] = ()
    lo: int | None = None
    hi: int | None = None
    required: bool = False  # on create
    create_only: bool = False  # may be sent again on update only with the same value
    nullable: bool = True


@dataclass(frozen=True, slots=True)
class Resource:
    name: str  # URL segment and table name
    type: str  # meta.type
    fields: dict[str, F]
    read_only: frozenset[str] = names("id creator_id created_at updated_at")
    filters: dict[str, str] = field(default_factory=dict)  # name -> int|bool|str|decimal|special
    bracket_filters: frozenset[str] = frozenset()  # address[city], custom_fields[Name], ...
    sorts: frozenset[str] = names("id created_at updated_at")
    numeric_sorts: frozenset[str] = frozenset()
    default_sort: str = "id"
    max_per_page: int = 100
    writable: bool = True
    includes: frozenset[str] = frozenset()
    inclusive: bool = False  # accepts inclusive=false (OR of attribute filters)
    custom_fields: str | None = None  # the custom field resource_type it carries
    stream: bool = True  # has a Firehose stream


def _text(*names: str) -> dict[str, F]:
    return {n: F(K.STRING) for n in names}


USERS_REF = "users"
SOCIAL = _text(
    "website", "email", "phone", "mobile", "fax", "twitter", "facebook", "linkedin", "skype"
)

CONTACTS = Resource(
    name="contacts",
    type="contact",
    fields={
        "owner_id": F(K.ID, ref=USERS_REF),
        "is_organization": F(K.BOOL, create_only=True, nullable=False),
        "contact_id": F(K.ID, ref="contacts"),
        "parent_organization_id": F(K.ID, ref="contacts"),
        **_text("name", "first_name", "last_name", "title", "industry"),
        "customer_status": F(K.ENUM, choices=("none", "current", "past"), nullable=False),
        "prospect_status": F(K.ENUM, choices=("none", "current", "lost"), nullable=False),
        "description": F(K.TEXT),
        **SOCIAL,
        "address": F(K.ADDRESS),
        "billing_address": F(K.ADDRESS),
        "shipping_address": F(K.ADDRESS),
        "tags": F(K.TAGS),
        "custom_fields": F(K.CUSTOM),
    },
    filters=kinds(
        int="owner_id creator_id contact_id parent_organization_id",
        bool="is_organization",
        str="name first_name last_name email phone mobile customer_status prospect_status title "
        "industry website",
    ),
    bracket_filters=names("address billing_address shipping_address custom_fields"),
    sorts=names(
        "id name first_name last_name email created_at updated_at customer_status "
        "prospect_status owner_id"
    ),
    default_sort="last_name",
    inclusive=True,
    custom_fields="contact",
)

DEALS = Resource(
    name="deals",
    type="deal",
    fields={
        "owner_id": F(K.ID, ref=USERS_REF),
        "name": F(K.STRING, required=True, nullable=False),
        "value": F(K.DECIMAL, lo=0, nullable=False),
        "currency": F(K.CURRENCY, nullable=False),
        "hot": F(K.BOOL, nullable=False),
        "stage_id": F(K.ID, ref="stages", nullable=False),
        "source_id": F(K.ID, ref="deal_sources"),
        "loss_reason_id": F(K.ID, ref="loss_reasons"),
        "unqualified_reason_id": F(K.ID, ref="deal_unqualified_reasons"),
        "contact_id": F(K.ID, ref="contacts", required=True, nullable=False),
        "estimated_close_date": F(K.DATE),
        "customized_win_likelihood": F(K.INT, lo=0, hi=100),
        "added_at": F(K.DATETIME),
        "last_stage_change_at": F(K.DATETIME),
        "tags": F(K.TAGS),
        "custom_fields": F(K.CUSTOM),
    },
    read_only=names(
        "id creator_id created_at updated_at organization_id dropbox_email last_activity_at "
        "last_stage_change_by_id associated_contacts"
    ),
    filters=kinds(
        int="owner_id creator_id contact_id organization_id stage_id source_id loss_reason_id "
        "unqualified_reason_id",
        bool="hot",
        str="name currency estimated_close_date",
        decimal="value",
    ),
    bracket_filters=names("custom_fields"),
    sorts=names(
        "id name value stage_id owner_id contact_id created_at updated_at estimated_close_date "
        "last_stage_change_at last_activity_at added_at"
    ),
    numeric_sorts=names("value"),
    includes=names("associated_contacts"),
    inclusive=True,
    custom_fields="deal",
)

LEAD_STATUSES = ("New", "Working", "Unqualified")

LEADS = Resource(
    name="leads",
    type="lead",
    fields={
        "owner_id": F(K.ID, ref=USERS_REF),
        **_text("first_name", "last_name", "organization_name", "title", "industry"),
        "status": F(K.ENUM, choices=LEAD_STATUSES, nullable=False),
        "source_id": F(K.ID, ref="lead_sources"),
        "unqualified_reason_id": F(K.ID, ref="lead_unqualified_reasons"),
        "description": F(K.TEXT),
        **SOCIAL,
        "address": F(K.ADDRESS),
        "tags": F(K.TAGS),
        "custom_fields": F(K.CUSTOM),
    },
    filters=kinds(
        int="owner_id creator_id source_id unqualified_reason_id",
        str="first_name last_name email phone mobile organization_name status industry title",
    ),
    bracket_filters=names("address custom_fields"),
    sorts=names("id first_name last_name organization_name status created_at updated_at"),
    default_sort="updated_at",
    inclusive=True,
    custom_fields="lead",
)

RESOURCE_TYPES = ("lead", "contact", "deal")

NOTES = Resource(
    name="notes",
    type="note",
    fields={
        "resource_type": F(K.ENUM, choices=RESOURCE_TYPES, required=True, nullable=False),
        "resource_id": F(K.ID, required=True, nullable=False),
        "content": F(K.TEXT, required=True, nullable=False),
        "is_important": F(K.BOOL, nullable=False),
        "type": F(K.ENUM, choices=("regular", "call", "email", "meeting"), nullable=False),
        "tags": F(K.TAGS),
    },
    filters={
        "creator_id": "int",
        "resource_type": "str",
        "resource_id": "int",
        "is_important": "bool",
        "q": "special",
    },
    sorts=names("id resource_type created_at updated_at"),
    default_sort="updated_at",
    includes=names("creator"),
)

TASKS = Resource(
    name="tasks",
    type="task",
    fields={
        "owner_id": F(K.ID, ref=USERS_REF),
        "resource_type": F(K.ENUM, choices=RESOURCE_TYPES),
        "resource_id": F(K.ID),
        "content": F(K.TEXT, required=True, nullable=False),
        "due_date": F(K.DATETIME),
        "remind_at": F(K.DATETIME),
        "completed": F(K.BOOL, nullable=False),
    },
    read_only=names("id creator_id created_at updated_at completed_at overdue"),
    filters=kinds(
        int="owner_id creator_id resource_id",
        str="resource_type",
        bool="completed",
        special="overdue remind type q",
    ),
    sorts=names("id resource_type completed_at due_date created_at updated_at"),
    default_sort="updated_at",
)

ORDERS = Resource(
    name="orders",
    type="order",
    fields={
        "deal_id": F(K.ID, ref="deals", required=True, create_only=True, nullable=False),
        "discount": F(K.INT, lo=0, hi=100, nullable=False),
    },
    read_only=names("id created_at updated_at"),
    filters={"deal_id": "int"},
    sorts=names("id deal_id discount created_at updated_at"),
    max_per_page=500,
)

LINE_ITEMS = Resource(
    name="line_items",
    type="line_item",
    fields={
        "product_id": F(K.ID, ref="products", required=True, nullable=False),
        "value": F(K.DECIMAL, nullable=False),
        "variation": F(K.DECIMAL, nullable=False),
        "currency": F(K.CURRENCY, nullable=False),
        "quantity": F(K.INT, lo=1, nullable=False),
    },
    read_only=names("id order_id name sku description price created_at updated_at"),
    filters={"product_id": "int"},
    sorts=names("id value quantity created_at updated_at"),
    numeric_sorts=names("value"),
)

PRODUCTS = Resource(
    name="products",
    type="product",
    fields={
        "name": F(K.STRING, required=True, nullable=False),
        "description": F(K.TEXT),
        "sku": F(K.STRING),
        "active": F(K.BOOL, nullable=False),
        "cost": F(K.DECIMAL),
        "cost_currency": F(K.CURRENCY),
        "prices": F(K.PRICES, nullable=False),
        "max_discount": F(K.INT, lo=0, hi=100),
        "max_markup": F(K.INT, lo=0),
    },
    read_only=names("id created_at updated_at deleted_at"),
    filters={"name": "str", "sku": "str", "active": "bool"},
    sorts=names("id name sku created_at updated_at"),
)


def _named(name: str, kind: str, *, resource_type: bool = False, stream: bool = False) -> Resource:
    """The small name-only resources: sources, loss and unqualified reasons, tags."""
    fields = {"name": F(K.STRING, required=True, nullable=False)}
    filters = {"name": "str", "creator_id": "int"}
    if resource_type:
        fields["resource_type"] = F(K.ENUM, choices=RESOURCE_TYPES, nullable=False)
        filters["resource_type"] = "str"
    return Resource(
        name=name,
        type=kind,
        fields=fields,
        filters=filters,
        sorts=names("id name created_at updated_at"),
        stream=stream,
    )


TAGS = _named("tags", "tag", resource_type=True, stream=True)
SOURCES = _named("sources", "source", resource_type=True)
LEAD_SOURCES = _named("lead_sources", "lead_source")
DEAL_SOURCES = _named("deal_sources", "deal_source")
LOSS_REASONS = _named("loss_reasons", "loss_reason")
DEAL_UNQUALIFIED = _named("deal_unqualified_reasons", "deal_unqualified_reason")
LEAD_UNQUALIFIED = _named("lead_unqualified_reasons", "lead_unqualified_reason")


def _read_only(name: str, kind: str, filters: dict[str, str], sorts: str) -> Resource:
    return Resource(
        name=name,
        type=kind,
        fields={},
        filters=filters,
        sorts=names(f"id {sorts}"),
        writable=False,
        stream=name in ("pipelines", "stages", "users"),
    )


PIPELINES = _read_only(
    "pipelines",
    "pipeline",
    kinds(str="name", bool="disabled"),
    "name disabled created_at updated_at",
)
STAGES = _read_only(
    "stages",
    "stage",
    kinds(str="name", bool="active", int="pipeline_id"),
    "pipeline_id name category position likelihood",
)
USERS = _read_only(
    "users",
    "user",
    kinds(str="name email status role team_name", bool="confirmed", int="reports_to"),
    "name email created_at updated_at",
)
TEXT_MESSAGES = _read_only(
    "text_messages",
    "text_message",
    kinds(str="resource_type", int="resource_id"),
    "sent_at created_at",
)
VISITS = _read_only(
    "visits",
    "visit",
    kinds(str="resource_type", int="resource_id creator_id"),
    "visited_at created_at",
)
VISIT_OUTCOMES = _read_only("visit_outcomes", "visit_outcome", kinds(str="name"), "name")

ASSOCIATED_CONTACTS = Resource(
    name="associated_contacts",
    type="associated_contact",
    fields={
        "contact_id": F(K.ID, ref="contacts", required=True, nullable=False),
        "role": F(K.ENUM, choices=("involved",), nullable=False),
    },
    read_only=names("created_at updated_at"),
    stream=False,
)

# Top-level collections served at /v2/{name} with the generic handlers.
TOP_LEVEL: dict[str, Resource] = {
    r.name: r
    for r in (
        CONTACTS,
        DEALS,
        LEADS,
        NOTES,
        TASKS,
        ORDERS,
        PRODUCTS,
        TAGS,
        SOURCES,
        LEAD_SOURCES,
        DEAL_SOURCES,
        LOSS_REASONS,
        DEAL_UNQUALIFIED,
        LEAD_UNQUALIFIED,
        PIPELINES,
        STAGES,
        USERS,
        TEXT_MESSAGES,
        VISITS,
        VISIT_OUTCOMES,
    )
}

# Firehose streams (/v3/{name}/stream).
STREAMS: tuple[str, ...] = tuple(
    sorted(
        names(
            "contacts deals leads notes tasks orders line_items products stages pipelines "
            "users tags custom_fields"
        )
    )
)
STREAM_TYPES: dict[str, str] = {
    **{r.name: r.type for r in TOP_LEVEL.values()},
    "line_items": "line_item",
    "custom_fields": "custom_field",
}
