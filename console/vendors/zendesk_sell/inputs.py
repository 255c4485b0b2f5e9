"""Inputs of the record endpoints: create, update (partial), upsert, get and delete.

Unset fields are not sent; a field set to null explicitly is sent as null (it clears the
value on an update). Body fields travel as {"data": {...}}; `id` goes in the path.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, JsonValue, model_validator

from console.catalog.endpoint import path_param, query_param
from console.models import InputModel
from console.vendors.zendesk_sell.models import (
    Address,
    CustomerStatus,
    Day,
    Money,
    ProspectStatus,
    ResourceType,
    UtcDatetime,
)

USERS: dict[str, JsonValue] = {"x-picker": "zendesk_sell.listUsers"}


def _id(what: str) -> Any:
    return path_param(ge=1, description=f"The id of the {what}.")


def _owner(default_note: str) -> Any:
    return Field(
        None, ge=1, description=f"The user who owns it. {default_note}", json_schema_extra=USERS
    )


def _tags(what: str) -> Any:
    return Field(
        None,
        description=f"Tags of the {what}. On an update the list you send replaces the whole set.",
    )


def _custom(what: str) -> Any:
    return Field(
        None,
        description=f"Custom field values by field name, e.g. "
        f'{{"known_via": "Tom"}}. See List Custom Fields for the {what} fields.',
    )


class ContactId(InputModel):
    id: int = _id("contact")


class LeadId(InputModel):
    id: int = _id("lead")


class DealId(InputModel):
    id: int = _id("deal")


class NoteId(InputModel):
    id: int = _id("note")


class TaskId(InputModel):
    id: int = _id("task")


class OrderId(InputModel):
    id: int = _id("order")


class UpsertFilters(InputModel):
    filters: dict[str, str] = query_param(
        description=(
            "Query filters that find the record to update, as name -> value, e.g. email, "
            "custom_fields[external_id] or address[city]. At least one. No match creates a "
            "record; several matches are refused."
        ),
        min_length=1,
        json_schema_extra={"x-query": "flat"},
    )


# A base listed last contributes its fields first: the id (or filters), then the record.


class ContactFields(InputModel):
    is_organization: bool | None = Field(
        None, description="True for a company, false for a person. Fixed once the contact exists."
    )
    name: str | None = Field(None, description="The organization's name (required for one).")
    first_name: str | None = Field(None, description="A person's first name.")
    last_name: str | None = Field(None, description="A person's last name (required for one).")
    contact_id: int | None = Field(
        None, ge=1, description="For a person: the organization (a contact id) they belong to."
    )
    parent_organization_id: int | None = Field(
        None,
        ge=1,
        description="For an organization: its parent organization's contact id. "
        "Null removes the parent.",
    )
    owner_id: int | None = _owner("Defaults to the user creating the contact.")
    customer_status: CustomerStatus | None = Field(
        None, description="Customer status: none, current or past."
    )
    prospect_status: ProspectStatus | None = Field(
        None, description="Prospect status: none, current or lost."
    )
    title: str | None = Field(None, description="Job title, e.g. CEO.")
    description: str | None = Field(None, description="Free text about the contact.")
    industry: str | None = Field(None, description="The industry, e.g. Design Services.")
    website: str | None = Field(None, description="Web site address.")
    email: str | None = Field(None, description="Email address.")
    phone: str | None = Field(None, description="Phone number.")
    mobile: str | None = Field(None, description="Mobile number.")
    fax: str | None = Field(None, description="Fax number.")
    twitter: str | None = Field(None, description="Twitter handle.")
    facebook: str | None = Field(None, description="Facebook user name.")
    linkedin: str | None = Field(None, description="LinkedIn profile name.")
    skype: str | None = Field(None, description="Skype name.")
    address: Address | None = Field(None, description="Postal address.")
    billing_address: Address | None = Field(
        None, description="Billing address; kept only for customers or prospects."
    )
    shipping_address: Address | None = Field(
        None, description="Shipping address; kept only for customers or prospects."
    )
    tags: list[str] | None = _tags("contact")
    custom_fields: dict[str, Any] | None = _custom("contact")


class CreateContactInput(ContactFields):
    @model_validator(mode="after")
    def _name_required(self) -> CreateContactInput:
        if self.is_organization:
            if not (self.name or "").strip():
                raise ValueError("an organization needs a name")
        elif not (self.last_name or "").strip():
            raise ValueError("a person needs a last_name (or set is_organization and a name)")
        return self


class UpdateContactInput(ContactFields, ContactId):
    """Only the fields given are changed."""


class UpsertContactInput(ContactFields, UpsertFilters):
    """Update the contact the filters find, or create one."""


class LeadFields(InputModel):
    first_name: str | None = Field(None, description="First name.")
    last_name: str | None = Field(
        None, description="Last name (required unless organization_name is given)."
    )
    organization_name: str | None = Field(
        None, description="The company (required when there is no last_name)."
    )
    owner_id: int | None = _owner("Defaults to the user creating the lead.")
    status: str | None = Field(None, description="Lead status, e.g. New, Working, Unqualified.")
    source_id: int | None = Field(None, ge=1, description="The lead source's id.")
    unqualified_reason_id: int | None = Field(
        None, ge=1, description="Why the lead was unqualified (a reason id)."
    )
    title: str | None = Field(None, description="Job title.")
    description: str | None = Field(None, description="Free text about the lead.")
    industry: str | None = Field(None, description="The industry.")
    website: str | None = Field(None, description="Web site address.")
    email: str | None = Field(None, description="Email address.")
    phone: str | None = Field(None, description="Phone number.")
    mobile: str | None = Field(None, description="Mobile number.")
    fax: str | None = Field(None, description="Fax number.")
    twitter: str | None = Field(None, description="Twitter handle.")
    facebook: str | None = Field(None, description="Facebook user name.")
    linkedin: str | None = Field(None, description="LinkedIn profile name.")
    skype: str | None = Field(None, description="Skype name.")
    address: Address | None = Field(None, description="Postal address.")
    tags: list[str] | None = _tags("lead")
    custom_fields: dict[str, Any] | None = _custom("lead")


class CreateLeadInput(LeadFields):
    @model_validator(mode="after")
    def _name_required(self) -> CreateLeadInput:
        if not (self.last_name or "").strip() and not (self.organization_name or "").strip():
            raise ValueError("a lead needs a last_name or an organization_name")
        return self


class UpdateLeadInput(LeadFields, LeadId):
    """Only the fields given are changed."""


class UpsertLeadInput(LeadFields, UpsertFilters):
    """Update the lead the filters find, or create one."""


class DealFields(InputModel):
    name: str | None = Field(None, description="The deal's name.")
    contact_id: int | None = Field(None, ge=1, description="The primary contact's id.")
    value: Money | None = Field(None, ge=0, description="The deal value, e.g. 1000.00.")
    currency: str | None = Field(
        None, pattern=r"^[A-Z]{3}$", description="ISO 4217 code; defaults to the account's."
    )
    hot: bool | None = Field(None, description="Whether the deal is hot.")
    owner_id: int | None = _owner("Defaults to the user creating the deal.")
    stage_id: int | None = Field(
        None,
        ge=1,
        description="The stage; defaults to the first stage of the default pipeline.",
        json_schema_extra={"x-picker": "zendesk_sell.selectStages"},
    )
    source_id: int | None = Field(None, ge=1, description="The deal source's id.")
    loss_reason_id: int | None = Field(None, ge=1, description="Why the deal was lost.")
    unqualified_reason_id: int | None = Field(
        None, ge=1, description="Why the deal was unqualified."
    )
    estimated_close_date: Day | None = Field(None, description="Expected close (YYYY-MM-DD).")
    customized_win_likelihood: int | None = Field(
        None, ge=0, le=100, description="Your own win likelihood, 0 to 100."
    )
    added_at: UtcDatetime | None = Field(None, description="When the deal started (UTC).")
    last_stage_change_at: UtcDatetime | None = Field(
        None, description="When the deal entered its current stage (UTC)."
    )
    tags: list[str] | None = _tags("deal")
    custom_fields: dict[str, Any] | None = _custom("deal")


class CreateDealInput(DealFields):
    name: str = Field(min_length=1, description="The deal's name.")
    contact_id: int = Field(ge=1, description="The primary contact's id.")


class UpdateDealInput(DealFields, DealId):
    """Only the fields given are changed."""


class NoteFields(InputModel):
    content: str | None = Field(None, description="The note text.")
    resource_type: ResourceType | None = Field(
        None, description="What the note is attached to: lead, contact or deal."
    )
    resource_id: int | None = Field(None, ge=1, description="The id of that lead, contact or deal.")
    is_important: bool | None = Field(None, description="Flag the note as important.")
    type: str | None = Field(None, description="Note type, e.g. regular.")
    tags: list[str] | None = _tags("note")


class CreateNoteInput(NoteFields):
    content: str = Field(min_length=1, description="The note text.")
    resource_type: ResourceType = Field(description="Attach to a lead, contact or deal.")
    resource_id: int = Field(ge=1, description="The id of that lead, contact or deal.")


class UpdateNoteInput(NoteFields, NoteId):
    """Only the fields given are changed."""


class TaskFields(InputModel):
    content: str | None = Field(None, description="What needs doing.")
    due_date: UtcDatetime | None = Field(None, description="When it is due (UTC).")
    remind_at: UtcDatetime | None = Field(None, description="When to remind the owner (UTC).")
    completed: bool | None = Field(None, description="Whether it is done.")
    owner_id: int | None = _owner("Defaults to the user creating the task.")
    resource_type: ResourceType | None = Field(
        None, description="Attach to a lead, contact or deal; leave empty for a floating task."
    )
    resource_id: int | None = Field(None, ge=1, description="The id of that lead, contact or deal.")

    @model_validator(mode="after")
    def _pair(self) -> TaskFields:
        if (self.resource_type is None) != (self.resource_id is None) and (
            "resource_type" in self.model_fields_set or "resource_id" in self.model_fields_set
        ):
            raise ValueError("resource_type and resource_id are given together")
        return self


class CreateTaskInput(TaskFields):
    content: str = Field(min_length=1, description="What needs doing.")


class UpdateTaskInput(TaskFields, TaskId):
    """Only the fields given are changed."""


class CreateOrderInput(InputModel):
    deal_id: int = Field(ge=1, description="The deal the order belongs to (one order per deal).")
    discount: int | None = Field(None, ge=0, le=100, description="Order discount in percent.")


class UpdateOrderInput(OrderId):
    discount: int | None = Field(None, ge=0, le=100, description="Order discount in percent.")


class GetDealInput(InputModel):
    id: int = _id("deal")
    includes: Literal["associated_contacts"] | None = query_param(
        None, description="Also return related records: associated_contacts."
    )
