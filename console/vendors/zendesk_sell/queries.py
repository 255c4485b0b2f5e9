"""Inputs of the list, stream and picker endpoints (everything travels in the query string).

Filters Zendesk spells with brackets have bracket aliases (`address[city]`); custom field
filters go in `custom_fields` ({"Tier": "Gold"} is sent as custom_fields[Tier]=Gold) and
anything else in `filters` (sent as given, e.g. billing_address[city]).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from console.catalog.endpoint import path_param, query_param
from console.models import InputModel
from console.vendors.zendesk_sell.models import (
    CustomerStatus,
    Day,
    IdList,
    Money,
    ProspectStatus,
    ResourceType,
    StreamResource,
)

SORT_PATTERN = r"^[A-Za-z_]+(:(asc|desc))?(,\s*[A-Za-z_]+(:(asc|desc))?)*$"


def _q(description: str, **kw: Any) -> Any:
    return query_param(None, description=description, **kw)


class Paging(InputModel):
    page: int | None = _q("Page number, from 1 (the first page when empty).", ge=1)
    per_page: int | None = _q("Records per page: 25 when empty, at most 100.", ge=1, le=100)
    sort_by: str | None = _q(
        "Sort field, with :asc or :desc (e.g. last_name:desc). Several may be comma-separated.",
        pattern=SORT_PATTERN,
    )


class Filtered(Paging):
    ids: IdList | None = _q("Only these ids (comma-separated).")
    custom_fields: dict[str, str] | None = _q(
        'Custom field filters by field name, e.g. {"external_id": "SKU01"}.',
        json_schema_extra={"x-query": "brackets"},
    )
    filters: dict[str, str] | None = _q(
        "Other filters as name -> value, sent as given (e.g. billing_address[city]).",
        json_schema_extra={"x-query": "flat"},
    )
    inclusive: bool | None = _q("Combine filters with AND (true, the default) or OR (false).")


def _owner() -> Any:
    return _q("Only records owned by this user.", ge=1)


def _creator() -> Any:
    return _q("Only records created by this user.", ge=1)


class AddressFilters(InputModel):
    address_city: str | None = _q("City of the address.", alias="address[city]")
    address_state: str | None = _q("State or region of the address.", alias="address[state]")
    address_postal_code: str | None = _q("Postal code.", alias="address[postal_code]")
    address_country: str | None = _q("Country of the address.", alias="address[country]")


class ContactFilters(InputModel):
    is_organization: bool | None = _q("Only organizations (true) or only people (false).")
    contact_id: int | None = _q("Only people of this organization (contact id).", ge=1)
    name: str | None = _q("Full name of the contact.")
    first_name: str | None = _q("First name.")
    last_name: str | None = _q("Last name.")
    email: str | None = _q("Email address.")
    phone: str | None = _q("Phone number.")
    mobile: str | None = _q("Mobile number.")
    customer_status: CustomerStatus | None = _q("Customer status: none, current or past.")
    prospect_status: ProspectStatus | None = _q("Prospect status: none, current or lost.")
    owner_id: int | None = _owner()
    creator_id: int | None = _creator()


class LeadFilters(InputModel):
    first_name: str | None = _q("First name.")
    last_name: str | None = _q("Last name.")
    organization_name: str | None = _q("Organization name.")
    email: str | None = _q("Email address.")
    phone: str | None = _q("Phone number.")
    mobile: str | None = _q("Mobile number.")
    status: str | None = _q("Lead status, e.g. New.")
    source_id: int | None = _q("Lead source id.", ge=1)
    owner_id: int | None = _owner()
    creator_id: int | None = _creator()


class DealFilters(InputModel):
    name: str | None = _q("Deal name.")
    contact_id: int | None = _q("Primary contact id.", ge=1)
    organization_id: int | None = _q("Organization (contact) id.", ge=1)
    stage_id: int | None = _q(
        "Stage id.", ge=1, json_schema_extra={"x-picker": "zendesk_sell.selectStages"}
    )
    source_id: int | None = _q("Deal source id.", ge=1)
    hot: bool | None = _q("Only hot (true) or only not hot (false) deals.")
    value: Money | None = _q("Deal value, e.g. 1000.00.")
    estimated_close_date: Day | None = _q("Expected close date (YYYY-MM-DD).")
    includes: Literal["associated_contacts"] | None = _q(
        "Also return related records: associated_contacts."
    )
    owner_id: int | None = _owner()
    creator_id: int | None = _creator()


# Bases listed last contribute their fields first: filters, then address, then paging.
class ListContactsInput(Filtered, AddressFilters, ContactFilters):
    """Contacts matching every filter given (or any, with inclusive=false)."""


class ListLeadsInput(Filtered, AddressFilters, LeadFilters):
    """Leads matching every filter given (or any, with inclusive=false)."""


class ListDealsInput(Filtered, DealFilters):
    """Deals matching every filter given (or any, with inclusive=false)."""


class ListNotesInput(Paging):
    ids: IdList | None = _q("Only these note ids (comma-separated).")
    q: str | None = _q("Text to search for in the note content.")
    resource_type: ResourceType | None = _q("Notes on leads, contacts or deals.")
    resource_id: int | None = _q("Notes on this lead, contact or deal id.", ge=1)
    creator_id: int | None = _creator()
    includes: str | None = _q("Related resources to include (Zendesk ignores it for notes).")


class ListTasksInput(Paging):
    ids: IdList | None = _q("Only these task ids (comma-separated).")
    q: str | None = _q("Text to search for in the task content.")
    type: Literal["floating", "related"] | None = _q(
        "floating (not attached to a record) or related (attached)."
    )
    resource_type: ResourceType | None = _q("Tasks on leads, contacts or deals.")
    resource_id: int | None = _q("Tasks on this lead, contact or deal id.", ge=1)
    completed: bool | None = _q("Only done (true) or only open (false) tasks.")
    overdue: bool | None = _q("Only tasks past (true) or not past (false) their due date.")
    remind: bool | None = _q("Only tasks with (true) or without (false) a reminder.")
    owner_id: int | None = _owner()
    creator_id: int | None = _creator()


class ListOrderInput(Paging):
    per_page: int | None = _q("Orders per page: 25 when empty, at most 500.", ge=1, le=500)
    ids: IdList | None = _q("Only these order ids (comma-separated).")
    deal_id: int | None = _q("Only the order of this deal.", ge=1)


class ListPipelinesInput(Paging):
    ids: IdList | None = _q("Only these pipeline ids (comma-separated).")
    name: str | None = _q("Exact pipeline name.")
    disabled: bool | None = _q("Only disabled (true) or only enabled (false) pipelines.")


class ListStagesInput(Paging):
    ids: IdList | None = _q("Only these stage ids (comma-separated).")
    name: str | None = _q("Exact stage name.")
    active: bool | None = _q("Only active (true) or only inactive (false) stages.")
    pipeline_id: int | None = _q(
        "Stages of this pipeline.",
        ge=1,
        json_schema_extra={"x-picker": "zendesk_sell.selectPipelines"},
    )


class ListProductsInput(Paging):
    ids: IdList | None = _q("Only these product ids (comma-separated).")
    name: str | None = _q("Product name.")
    sku: str | None = _q("Stock keeping unit.")
    active: bool | None = _q("Only active (true) or only inactive (false) products.")


class ListUsersInput(Paging):
    ids: IdList | None = _q("Only these user ids (comma-separated).")
    name: str | None = _q("User name.")
    email: str | None = _q("Email address.")
    status: Literal["active", "inactive"] | None = _q("active or inactive.")
    role: Literal["user", "admin"] | None = _q("user or admin.")
    confirmed: bool | None = _q("Only confirmed (true) or unconfirmed (false) users.")


class ListCustomFieldsInput(InputModel):
    resource_type: ResourceType = path_param(
        description="Whose custom fields: lead, contact or deal."
    )


class ListAssociatedContactsInput(InputModel):
    deal_id: int = path_param(ge=1, description="The deal whose contacts to list.")
    page: int | None = _q("Page number, from 1.", ge=1)
    per_page: int | None = _q("Records per page: 25 when empty, at most 100.", ge=1, le=100)


class ListLineItemsInput(Paging):
    order_id: int = path_param(ge=1, description="The order whose line items to list.")
    ids: IdList | None = _q("Only these line item ids (comma-separated).")
    product_id: int | None = _q("Only line items of this product.", ge=1)


class StreamInput(InputModel):
    position: str = query_param(
        "tail",
        min_length=1,
        description="Where to read from: tail (oldest kept event), top (only what comes next) "
        "or the position a previous read returned.",
    )
    limit: int = query_param(25, ge=1, le=100, description="Events per read, 1 to 100.")


class GetStreamInput(StreamInput):
    resource: StreamResource = path_param(description="Which resource's events to read.")


class SelectStagesInput(InputModel):
    pipeline_id: int | None = Field(
        None,
        ge=1,
        description="Only the stages of this pipeline.",
        json_schema_extra={"x-picker": "zendesk_sell.selectPipelines"},
    )
