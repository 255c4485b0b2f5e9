"""Salesforce records as SOQL returns them: `attributes` plus fields, parents nested by name.

Every model accepts fields it does not declare, so a query selecting more columns loses none.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer

from console.models import OutputModel


class Attributes(OutputModel):
    type: str | None = None
    url: str | None = None


class SObject(OutputModel):
    """Any record: its type and URL, its id, and whatever fields the query selected."""

    attributes: Attributes | None = None
    Id: str | None = None

    @property
    def sobject_type(self) -> str | None:
        return self.attributes.type if self.attributes else None


class Related(SObject):
    """A parent reached through a relationship field (Target, Owner, ActionCadence, ...).

    Dumped as Salesforce sent it: a query selecting `Owner.Name` gets no `Owner.Id`, so
    none is invented (the detail pane would show a null Id that the vendor never said).
    """

    Name: str | None = None

    @model_serializer(mode="wrap")
    def _as_sent(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        declared = set(type(self).model_fields) - self.model_fields_set
        return {k: v for k, v in data.items() if k not in declared}


class User(SObject):
    Name: str | None = None
    FirstName: str | None = None
    LastName: str | None = None
    Username: str | None = None
    Email: str | None = None
    Title: str | None = None
    IsActive: bool | None = None


class Contact(SObject):
    Name: str | None = None
    FirstName: str | None = None
    LastName: str | None = None
    Email: str | None = None
    Title: str | None = None
    Phone: str | None = None
    AccountId: str | None = None
    OwnerId: str | None = None


class Lead(SObject):
    Name: str | None = None
    FirstName: str | None = None
    LastName: str | None = None
    Company: str | None = None
    Email: str | None = None
    Title: str | None = None
    Status: str | None = None
    IsConverted: bool | None = None
    OwnerId: str | None = None


class ActionCadence(SObject):
    Name: str | None = None
    State: str | None = None
    Type: str | None = None
    OwnerId: str | None = None
    Description: str | None = None
    ActiveTargets: int | None = None
    TotalSteps: int | None = None
    TotalTargets: int | None = None
    Owner: Related | None = None


class ActionCadenceStep(SObject):
    ActionCadenceId: str | None = None
    StepTitle: str | None = None
    Type: str | None = None
    StepName: str | None = None
    ParentStepName: str | None = None
    DayOffset: int | None = None
    ActionCadence: Related | None = None


class ActionCadenceTracker(SObject):
    ActionCadenceId: str | None = None
    TargetId: str | None = None
    OwnerId: str | None = Field(None, description="The assignee (there is no AssigneeId).")
    State: str | None = None
    CompletionReason: str | None = None
    CompletionDisposition: str | None = None
    CurrentStepId: str | None = None
    LastCompletedStepId: str | None = None
    RelatedToId: str | None = None
    RelatedToAttributionType: str | None = None
    IsTrackerActive: bool | None = None
    ScheduledResumeDateTime: str | None = None
    ErrorMessage: str | None = None
    CreatedDate: str | None = None
    LastModifiedDate: str | None = None
    ActionCadence: Related | None = None
    Target: Related | None = None
    Owner: Related | None = None


class ActionCadenceStepTracker(SObject):
    ActionCadenceTrackerId: str | None = None
    ActionCadenceId: str | None = None
    ActionCadenceName: str | None = None
    ActionCadenceStepId: str | None = None
    StepTitle: str | None = None
    StepType: str | None = None
    TargetId: str | None = None
    State: str | None = None
    DueDateTime: str | None = None
    CompletionDate: str | None = None
    Target: Related | None = None


class RecipientGroup(SObject):
    """Minimal: the object's real fields are not public (see VENDORS.md §2).

    `Recipients` holds the member Contact ids separated by semicolons (as multi-select values
    travel in Salesforce); `recipients` gives them as a list.
    """

    Name: str | None = None
    QuoteLineItemId: str | None = None
    RecipientCount: int | None = None
    Recipients: str | None = None

    @property
    def recipients(self) -> list[str]:
        return [r for r in (self.Recipients or "").split(";") if r]


class QuoteLineItem(SObject):
    QuoteId: str | None = None
    LineNumber: str | None = None
    Description: str | None = None
    Quantity: float | None = None
    UnitPrice: float | None = None
    TotalPrice: float | None = None
    RecipientGroupId: str | None = None
    RecipientId: str | None = None
    ParentQuoteLineItemId: str | None = None
    Recipient: Related | None = None


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A record as one flat row (`Target.Name` columns), without `attributes` (for tables)."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key == "attributes":
            continue
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        else:
            out[name] = value
    return out
