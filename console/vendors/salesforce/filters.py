"""Typed list endpoints: each filter model says which object and columns it reads, and turns
its filters into a SOQL query with every value quoted (see soql.py).
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from console.models import InputModel
from console.vendors.salesforce.fields import (
    CadenceId,
    CadenceState,
    CadenceType,
    SalesforceId,
    StepTrackerState,
    StepType,
    TargetId,
    TrackerId,
    TrackerState,
    UserId,
)
from console.vendors.salesforce.soql import Select

_LIMIT_HELP = "At most this many records in all (empty: every match)."
_BATCH_HELP = "Records per batch (200 to 2000), for paging through long lists."


class ListFilters(InputModel):
    """The shared paging knobs; subclasses add filters and say what to select."""

    sobject: ClassVar[str] = ""
    columns: ClassVar[tuple[str, ...]] = ()

    limit: int | None = Field(None, ge=1, le=50_000, description=_LIMIT_HELP)
    batchSize: int | None = Field(None, ge=200, le=2000, description=_BATCH_HELP)

    def select(self) -> Select:
        return Select(self.sobject, list(self.columns), limit=self.limit)

    def soql(self) -> str:
        return self.select().build()


class CadenceFilters(ListFilters):
    sobject = "ActionCadence"
    columns = (
        "Id",
        "Name",
        "State",
        "Type",
        "OwnerId",
        "Owner.Name",
        "Description",
        "ActiveTargets",
        "TotalSteps",
        "TotalTargets",
    )

    state: CadenceState | None = Field(None, description="Only cadences in this state.")
    type: CadenceType | None = Field(None, description="Standard or Quick cadences only.")
    nameContains: str | None = Field(None, description="Part of the cadence name.")
    ownerId: UserId | None = Field(None, description="Only cadences this user owns.")

    def select(self) -> Select:
        sel = super().select().eq_if("State", self.state).eq_if("Type", self.type)
        return (
            sel.contains("Name", self.nameContains).eq_if("OwnerId", self.ownerId).order_by("Name")
        )


class CadenceStepFilters(ListFilters):
    sobject = "ActionCadenceStep"
    columns = (
        "Id",
        "ActionCadenceId",
        "ActionCadence.Name",
        "StepTitle",
        "Type",
        "StepName",
        "ParentStepName",
        "DayOffset",
    )

    cadenceId: CadenceId | None = Field(None, description="The cadence whose steps to list.")
    type: StepType | None = Field(None, description="Only steps of this type.")

    def select(self) -> Select:
        sel = super().select().eq_if("ActionCadenceId", self.cadenceId).eq_if("Type", self.type)
        return sel.order_by("ActionCadence.Name").order_by("DayOffset").order_by("StepName")


class TrackerFilters(ListFilters):
    sobject = "ActionCadenceTracker"
    columns = (
        "Id",
        "ActionCadenceId",
        "ActionCadence.Name",
        "TargetId",
        "Target.Name",
        "OwnerId",
        "Owner.Name",
        "State",
        "CompletionReason",
        "CompletionDisposition",
        "CurrentStepId",
        "CurrentStep.StepTitle",
        "LastCompletedStepId",
        "RelatedToId",
        "RelatedToAttributionType",
        "IsTrackerActive",
        "ScheduledResumeDateTime",
        "ErrorMessage",
        "CreatedDate",
        "LastModifiedDate",
    )

    state: TrackerState | None = Field(None, description="Only trackers in this state.")
    cadenceId: CadenceId | None = Field(None, description="Only trackers of this cadence.")
    cadenceName: str | None = Field(None, description="Only trackers of the cadence so named.")
    ownerId: UserId | None = Field(None, description="Only trackers assigned to this user.")
    targetId: TargetId | None = Field(None, description="Only this lead's or contact's trackers.")
    activeOnly: bool | None = Field(
        None, description="True: only trackers still in progress; false: only finished ones."
    )
    trackerId: TrackerId | None = Field(None, description="Just this one tracker.")

    def select(self) -> Select:
        sel = super().select().eq_if("State", self.state).eq_if("ActionCadenceId", self.cadenceId)
        sel.eq_if("Id", self.trackerId)
        sel.eq_if("ActionCadence.Name", self.cadenceName).eq_if("OwnerId", self.ownerId)
        sel.eq_if("TargetId", self.targetId).eq_if("IsTrackerActive", self.activeOnly)
        return sel.order_by("LastModifiedDate", descending=True).order_by("Id")


class StepTrackerFilters(ListFilters):
    sobject = "ActionCadenceStepTracker"
    columns = (
        "Id",
        "ActionCadenceTrackerId",
        "ActionCadenceId",
        "ActionCadenceName",
        "ActionCadenceStepId",
        "StepTitle",
        "StepType",
        "TargetId",
        "Target.Name",
        "State",
        "DueDateTime",
        "CompletionDate",
    )

    trackerId: TrackerId | None = Field(None, description="The tracker whose steps to list.")
    targetId: TargetId | None = Field(None, description="Only this target's step trackers.")
    cadenceId: CadenceId | None = Field(None, description="Only step trackers of this cadence.")
    state: StepTrackerState | None = Field(None, description="Only step trackers in this state.")
    stepType: StepType | None = Field(None, description="Only steps of this type.")
    stepTrackerId: SalesforceId | None = Field(None, description="Just this one step tracker.")

    def select(self) -> Select:
        sel = super().select().eq_if("ActionCadenceTrackerId", self.trackerId)
        sel.eq_if("TargetId", self.targetId).eq_if("ActionCadenceId", self.cadenceId)
        sel.eq_if("State", self.state).eq_if("StepType", self.stepType)
        sel.eq_if("Id", self.stepTrackerId)
        return sel.order_by("ActionCadenceTrackerId").order_by("CreatedDate").order_by("Id")


class RecipientGroupFilters(ListFilters):
    sobject = "RecipientGroup"
    columns = ("Id", "Name", "QuoteLineItemId", "RecipientCount", "Recipients")

    nameContains: str | None = Field(None, description="Part of the group's name.")
    quoteLineItemId: SalesforceId | None = Field(None, description="The group of this line item.")
    groupId: SalesforceId | None = Field(None, description="Just this one recipient group.")

    def select(self) -> Select:
        sel = super().select().contains("Name", self.nameContains).eq_if("Id", self.groupId)
        return sel.eq_if("QuoteLineItemId", self.quoteLineItemId).order_by("Name")


class QuoteLineItemFilters(ListFilters):
    sobject = "QuoteLineItem"
    columns = (
        "Id",
        "QuoteId",
        "LineNumber",
        "Description",
        "Quantity",
        "UnitPrice",
        "TotalPrice",
        "RecipientGroupId",
        "RecipientId",
        "Recipient.Name",
        "ParentQuoteLineItemId",
    )

    recipientGroupId: SalesforceId | None = Field(
        None, description="Only line items tied to this recipient group."
    )
    quoteId: SalesforceId | None = Field(None, description="Only this quote's line items.")

    def select(self) -> Select:
        sel = super().select().eq_if("RecipientGroupId", self.recipientGroupId)
        return sel.eq_if("QuoteId", self.quoteId).order_by("QuoteId").order_by("LineNumber")


class UserFilters(ListFilters):
    sobject = "User"
    columns = ("Id", "Name", "FirstName", "LastName", "Username", "Email", "Title", "IsActive")

    isActive: bool | None = Field(None, description="True: active users only; false: inactive.")
    nameContains: str | None = Field(None, description="Part of the user's name.")

    def select(self) -> Select:
        sel = super().select().eq_if("IsActive", self.isActive).contains("Name", self.nameContains)
        return sel.order_by("Name")


class PersonFilters(ListFilters):
    nameContains: str | None = Field(None, description="Part of the person's name.")
    emailContains: str | None = Field(None, description="Part of the email address.")
    ownerId: UserId | None = Field(None, description="Only records this user owns.")

    def select(self) -> Select:
        sel = super().select().contains("Name", self.nameContains)
        sel.contains("Email", self.emailContains).eq_if("OwnerId", self.ownerId)
        return sel.order_by("Name").order_by("Id")


class ContactFilters(PersonFilters):
    sobject = "Contact"
    columns = (
        "Id",
        "Name",
        "FirstName",
        "LastName",
        "Email",
        "Title",
        "Phone",
        "AccountId",
        "OwnerId",
    )


class LeadFilters(PersonFilters):
    sobject = "Lead"
    columns = (
        "Id",
        "Name",
        "FirstName",
        "LastName",
        "Company",
        "Email",
        "Title",
        "Status",
        "IsConverted",
        "OwnerId",
    )
