"""Zendesk Sell records as the API returns them, and the value types inputs share.

Output models accept any field Zendesk adds; the typed fields are the ones the console shows
or links (ids to pick from, statuses to colour). Inputs live in inputs.py (records) and
queries.py (lists, streams, pickers).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer, field_validator

from console.models import InputModel, OutputModel

ResourceType = Literal["lead", "contact", "deal"]
CustomerStatus = Literal["none", "current", "past"]
ProspectStatus = Literal["none", "current", "lost"]
StreamResource = Literal[
    "contacts",
    "deals",
    "leads",
    "notes",
    "tasks",
    "orders",
    "line_items",
    "products",
    "stages",
    "pipelines",
    "users",
    "tags",
    "custom_fields",
]
STREAM_RESOURCES: tuple[str, ...] = get_args(StreamResource)


def _as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _two_places(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("must be a finite number")
    return value.quantize(Decimal("0.01"))


# An ISO 8601 moment, sent the way Zendesk writes them: 2014-09-28T16:32:56Z (a time without
# a zone is taken as UTC).
UtcDatetime = Annotated[
    datetime,
    AfterValidator(_as_utc),
    PlainSerializer(lambda v: v.strftime("%Y-%m-%dT%H:%M:%SZ"), return_type=str, when_used="json"),
]
# A money amount, sent as a string with two decimals ("1000.00"), as Zendesk recommends.
Money = Annotated[
    Decimal,
    AfterValidator(_two_places),
    PlainSerializer(lambda v: f"{v:f}", return_type=str, when_used="json"),
]
Day = Annotated[date, PlainSerializer(lambda v: v.isoformat(), return_type=str, when_used="json")]


def _split_ids(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, int):
        return [value]
    return value


# Ids typed as "1,2,3" or given as a list; sent comma-separated.
IdList = Annotated[list[int], BeforeValidator(_split_ids)]


class Address(InputModel):
    """A postal address (every part optional)."""

    line1: str | None = Field(None, description="Street and number.")
    city: str | None = Field(None, description="City or town.")
    postal_code: str | None = Field(None, description="ZIP or postal code.")
    state: str | None = Field(None, description="State or region.")
    country: str | None = Field(None, description="Country name or code.")


# -- records --------------------------------------------------------------------------------------


class Record(OutputModel):
    id: int
    created_at: str | None = None
    updated_at: str | None = None


class AddressOut(OutputModel):
    line1: str | None = None
    city: str | None = None
    postal_code: str | None = None
    state: str | None = None
    country: str | None = None


class Contact(Record):
    creator_id: int | None = None
    owner_id: int | None = None
    is_organization: bool = False
    contact_id: int | None = None
    parent_organization_id: int | None = None
    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    customer_status: str | None = None
    prospect_status: str | None = None
    title: str | None = None
    email: str | None = None
    phone: str | None = None
    mobile: str | None = None
    address: AddressOut | None = None
    tags: list[str] = Field(default_factory=list)
    custom_fields: dict[str, Any] = Field(default_factory=dict)


class Lead(Record):
    creator_id: int | None = None
    owner_id: int | None = None
    first_name: str | None = None
    last_name: str | None = None
    organization_name: str | None = None
    status: str | None = None
    source_id: int | None = None
    email: str | None = None
    phone: str | None = None
    address: AddressOut | None = None
    tags: list[str] = Field(default_factory=list)
    custom_fields: dict[str, Any] = Field(default_factory=dict)


class AssociatedContact(OutputModel):
    contact_id: int
    role: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class Deal(Record):
    creator_id: int | None = None
    owner_id: int | None = None
    name: str | None = None
    value: str | None = Field(None, description="A decimal string such as 1000.00.")
    currency: str | None = None
    hot: bool | None = None
    stage_id: int | None = None
    source_id: int | None = None
    contact_id: int | None = None
    organization_id: int | None = None
    estimated_close_date: str | None = None
    tags: list[str] = Field(default_factory=list)
    custom_fields: dict[str, Any] = Field(default_factory=dict)
    associated_contacts: list[AssociatedContact] | None = None

    @field_validator("value", mode="before")
    @classmethod
    def _value_text(cls, value: Any) -> Any:
        """Older accounts answer a number; keep the decimal text either way."""
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return f"{Decimal(str(value)).quantize(Decimal('0.01')):f}"
        return value


class Note(Record):
    creator_id: int | None = None
    resource_type: str | None = None
    resource_id: int | None = None
    content: str | None = None
    is_important: bool | None = None
    type: str | None = None


class Task(Record):
    creator_id: int | None = None
    owner_id: int | None = None
    resource_type: str | None = None
    resource_id: int | None = None
    content: str | None = None
    due_date: str | None = None
    remind_at: str | None = None
    completed: bool | None = None
    completed_at: str | None = None
    overdue: bool | None = None


class Order(Record):
    deal_id: int | None = None
    discount: int | None = None


class LineItem(Record):
    order_id: int | None = None
    product_id: int | None = None
    name: str | None = None
    sku: str | None = None
    value: str | None = None
    price: str | None = None
    variation: str | None = None
    currency: str | None = None
    quantity: int | None = None


class Pipeline(Record):
    name: str | None = None
    disabled: bool | None = None


class Stage(Record):
    name: str | None = None
    category: str | None = None
    active: bool | None = None
    position: int | None = None
    likelihood: int | None = None
    pipeline_id: int | None = None


class Price(OutputModel):
    amount: str | None = None
    currency: str | None = None


class Product(Record):
    name: str | None = None
    sku: str | None = None
    active: bool | None = None
    prices: list[Price] = Field(default_factory=list)
    max_discount: int | None = None
    max_markup: int | None = None


class CustomField(Record):
    name: str | None = None
    type: str | None = None
    resource_type: str | None = None
    choices: list[dict[str, Any]] | None = None


class User(Record):
    name: str | None = None
    email: str | None = None
    status: str | None = None
    role: str | None = None
    team_name: str | None = None


class Account(Record):
    name: str | None = None
    currency: str | None = None
    time_format: str | None = None
    timezone: str | None = None
    phone: str | None = None
    subdomain: str | None = None


# -- the Firehose ---------------------------------------------------------------------------------


class EventMeta(OutputModel):
    type: str | None = None
    event_id: str | None = None
    event_type: Literal["created", "updated", "deleted"] | str | None = None
    event_cause: str | None = None
    event_time: str | None = None
    sequence: int | None = None
    previous: dict[str, Any] | None = None


class StreamEvent(OutputModel):
    """One change: the record as it is after the change, and what it was (`meta.previous`)."""

    data: dict[str, Any] = Field(default_factory=dict)
    meta: EventMeta = Field(default_factory=EventMeta)


class StreamPage(OutputModel):
    """A Firehose answer. Keep `position` and call again with it; `top` means caught up."""

    items: list[StreamEvent] = Field(default_factory=list)
    position: str = Field(description="Where to continue reading from.")
    top: bool = Field(description="True when there is nothing newer yet.")
    next: str | None = Field(None, description="The URL of the next read.")
