"""Salesforce inputs and outputs: cadence actions, Comms Cloud Sales, SOQL, action metadata.

Action inputs carry the vendor's own parameter names (they are sent as they are, one JSON
object per input inside `{"inputs": [...]}`). The records read with SOQL are in `records.py`;
the typed list filters are in `filters.py`.

Comms Cloud Sales answers (both PATCH resources) with `{isSuccessful, statusMessage,
errorsList}`. Failures come back as: 400 when an id is malformed or the body is wrong (Connect
REST's `[{"message","errorCode"}]`), 404 when the recipient group or line item does not exist,
and 409 with the answer shape (`isSuccessful: false`) when a split is not possible because the
line item is already split or its recipient group is empty.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import AwareDatetime, Field, field_validator, model_validator

from console.catalog.endpoint import body_param, path_param, query_param
from console.models import InputModel, OutputModel
from console.vendors.salesforce.fields import (
    ACTION_NAMES,
    AttributionType,
    CompletionDisposition,
    CompletionReasonCode,
    EventType,
    OpportunityId,
    QuoteLineItemId,
    SalesforceId,
    StepTrackerId,
    TargetId,
    TrackerId,
    UserId,
)

_TARGET_HELP = "the lead, contact or person account in the cadence (its Salesforce id)"
_RELATED_HELP = (
    "The opportunity this target's cadence work is attributed to (an Opportunity id). Only "
    "usable when 'Relate Opportunities to Sales Cadences' is on in High Velocity Sales setup."
)
_ATTRIBUTION_HELP = (
    "How the related opportunity is credited: Activation or Maturation (newer orgs also "
    "accept Collected). Needs relatedToId."
)
_DISPOSITION_HELP = (
    "Outcome recorded on the finished tracker: Success, Customer Engaged, Customer Connected, "
    "Contact Later, No Response, Not Interested, Disqualified, Bad Data or Duplicate."
)

# -- invocable actions ---------------------------------------------------------------------


class AssignTargetInput(InputModel):
    """Put a lead, contact or person account into a sales cadence (API 45.0+)."""

    salesCadenceNameOrId: str = body_param(
        ...,
        min_length=1,
        max_length=255,
        description="The cadence to start: its exact name or its ActionCadence id (77C...). "
        "It must be active.",
        json_schema_extra={"x-picker": "salesforce.listCadences"},
    )
    targetId: TargetId = body_param(
        ..., description=f"Who to add: {_TARGET_HELP}. A target can run one cadence at a time."
    )
    userId: UserId | None = body_param(
        description="The rep who works the cadence steps for this target (an active user's id, "
        "005...). Left empty, the user calling the API becomes the assignee.",
        json_schema_extra={"x-picker": "salesforce.listUsers"},
    )
    relatedToId: OpportunityId | None = body_param(description=_RELATED_HELP)
    startStepNameOrId: str | None = body_param(
        description="Start somewhere other than the first step: a step's title or id in this "
        "cadence.",
        max_length=255,
    )


class RemoveTargetInput(InputModel):
    """Take a target out of its cadence; the tracker completes as ManuallyRemoved (API 45.0+)."""

    targetId: TargetId | None = body_param(
        description=f"Whose cadence to end: {_TARGET_HELP}. Give this or actionCadenceTrackerId."
    )
    actionCadenceTrackerId: TrackerId | None = body_param(
        description="The tracker to end (0qB...), instead of naming the target."
    )
    completionReasonCode: CompletionReasonCode = body_param(
        ...,
        description="Why the target leaves the cadence. The only accepted value is "
        "ManuallyRemoved.",
    )
    completionDisposition: CompletionDisposition | None = body_param(description=_DISPOSITION_HELP)
    relatedToId: OpportunityId | None = body_param(description=_RELATED_HELP)
    relatedToAttributionType: AttributionType | None = body_param(description=_ATTRIBUTION_HELP)

    @model_validator(mode="after")
    def _needs_a_target(self) -> RemoveTargetInput:
        if not self.targetId and not self.actionCadenceTrackerId:
            raise ValueError("give targetId or actionCadenceTrackerId")
        return self


class PauseTrackerInput(InputModel):
    """Pause the target's running cadence (API 50.0+)."""

    targetId: TargetId = body_param(..., description=f"Whose cadence to pause: {_TARGET_HELP}.")
    resumeTime: AwareDatetime | None = body_param(
        description="When the cadence resumes by itself, as an ISO 8601 date and time with a "
        "time zone (e.g. 2026-11-20T09:00:00Z). Left empty, it stays paused until resumed."
    )


class ResumeTrackerInput(InputModel):
    """Resume the target's paused cadence (API 50.0+)."""

    targetId: TargetId = body_param(..., description=f"Whose cadence to resume: {_TARGET_HELP}.")


class ChangeAssigneeInput(InputModel):
    """Hand the target's cadence work to another rep (API 50.0+)."""

    targetId: TargetId = body_param(..., description=f"Whose cadence to reassign: {_TARGET_HELP}.")
    userId: UserId | None = body_param(
        description="The new assignee (an active user's id, 005...). Left empty, the user "
        "calling the API takes it over.",
        json_schema_extra={"x-picker": "salesforce.listUsers"},
    )


class ModifyTrackerInput(InputModel):
    """Change a tracker's disposition or related opportunity (API 51.0+)."""

    actionCadenceTrackerId: TrackerId = body_param(
        ...,
        description="The tracker to change (0qB...).",
        json_schema_extra={"x-picker": "salesforce.listCadenceTrackers"},
    )
    completionDisposition: CompletionDisposition | None = body_param(description=_DISPOSITION_HELP)
    relatedToId: OpportunityId | None = body_param(description=_RELATED_HELP)
    relatedToAttributionType: AttributionType | None = body_param(description=_ATTRIBUTION_HELP)


class SendCadenceEventInput(InputModel):
    """Skip or manually complete the current step of a cadence (API 52.0+)."""

    recordId: StepTrackerId = body_param(
        ...,
        description="The step tracker (8HF...) of the target's current step.",
        json_schema_extra={"x-picker": "salesforce.listStepTrackers"},
    )
    eventType: EventType = body_param(
        ...,
        description="Skip moves on without doing the step; Manual Complete marks it done. "
        "ManualComplete (no space) is accepted too.",
    )


class SelectTemplateInput(InputModel):
    """Which email template or call script a step uses for this target (API 53.0+)."""

    stepTrackerId: StepTrackerId = body_param(
        ...,
        description="The step tracker (8HF...) of an email or call step.",
        json_schema_extra={"x-picker": "salesforce.listStepTrackers"},
    )


# -- Communications Cloud Sales ------------------------------------------------------------


class UpdateRecipientGroupInput(InputModel):
    """Add recipients to, or remove them from, a recipient group (API 64.0+)."""

    recipientGroupId: SalesforceId = path_param(
        description="The recipient group to change.",
        json_schema_extra={"x-picker": "salesforce.listRecipientGroups"},
    )
    recipientsAction: Literal["Add", "Remove"] = body_param(
        ..., description="Add or Remove (any letter case is accepted)."
    )
    recipientsList: list[SalesforceId] | None = body_param(
        description="The recipients (Contact ids) to add or remove."
    )
    additionalParameters: dict[str, str] | None = body_param(
        description="Extra key/value settings passed through to the vendor."
    )

    @field_validator("recipientsAction", mode="before")
    @classmethod
    def _any_case(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip().lower() in ("add", "remove"):
            return value.strip().capitalize()
        return value


class SplitQuoteLineItemInput(InputModel):
    """Split a line item tied to a recipient group into one line per recipient (API 64.0+)."""

    quoteLineItemId: QuoteLineItemId = path_param(
        description="The quote line item to split (0QL...).",
        json_schema_extra={"x-picker": "salesforce.listQuoteLineItems"},
    )
    additionalParameters: dict[str, str] | None = body_param(
        description="Extra key/value settings passed through to the vendor."
    )


# -- SOQL and action metadata --------------------------------------------------------------


class QueryInput(InputModel):
    """Any SOQL SELECT; long answers come back in batches linked by nextRecordsUrl."""

    q: str = query_param(
        ...,
        min_length=1,
        max_length=100_000,
        description="The SOQL query, e.g. SELECT Id, State, Target.Name FROM "
        "ActionCadenceTracker WHERE State = 'Running' ORDER BY CreatedDate DESC",
    )
    batchSize: int | None = Field(
        None,
        ge=200,
        le=2000,
        description="Records per batch (200 to 2000; Salesforce's default is 2000). Sent as "
        "the Sforce-Query-Options header.",
    )
    includeDeleted: bool = Field(
        False, description="Also return deleted and archived records (uses queryAll)."
    )


class DescribeActionInput(InputModel):
    actionName: str = path_param(
        description="The standard action to describe, e.g. pauseSalesCadenceTracker.",
        pattern=r"^[A-Za-z][A-Za-z0-9_]*$",
        json_schema_extra={"x-choices": list(ACTION_NAMES)},
    )


# -- outputs -------------------------------------------------------------------------------


class ActionErrorDetail(OutputModel):
    statusCode: str | None = None
    message: str | None = None
    fields: list[str] = Field(default_factory=list)


class ActionResult(OutputModel):
    """One element of an invocable action's answer, at its input's position."""

    actionName: str | None = None
    isSuccess: bool = False
    errors: list[ActionErrorDetail] | None = None
    outputValues: dict[str, Any] | None = None


class ActionOutput(OutputModel):
    """What a successful cadence action returns (usually nothing beyond success)."""


class TemplateChoice(OutputModel):
    TemplateId: str | None = Field(None, description="Email template or call script id.")
    SplitPercentage: float | None = Field(None, description="Its share in variant testing.")


class TemplateSelection(OutputModel):
    """selectTemplateForSalesCadenceStepTracker's output (or the error text)."""

    output: TemplateChoice | None = None
    error: str | None = None


class RecipientError(OutputModel):
    statusCode: str | None = None
    errorMessage: str | None = None
    recipientFields: Any = None


class RecipientGroupUpdate(OutputModel):
    isSuccessful: bool
    statusMessage: str | None = None
    errorsList: list[RecipientError] = Field(default_factory=list)


class SplitError(OutputModel):
    statusCode: str | None = None
    errorMessage: str | None = None
    recordId: str | None = None


class SplitResult(OutputModel):
    isSuccessful: bool
    statusMessage: str | None = None
    errorsList: list[SplitError] = Field(default_factory=list)


class ActionSummary(OutputModel):
    label: str | None = None
    name: str
    type: str | None = None
    url: str | None = None


class ActionList(OutputModel):
    actions: list[ActionSummary] = Field(default_factory=list)


class ActionParameter(OutputModel):
    name: str
    label: str | None = None
    type: str | None = None
    required: bool = False
    description: str | None = None
    picklistValues: list[Any] | None = None
    maxOccurs: int | None = None
    byteLength: int | None = None
    sobjectType: str | None = None


class ActionDescription(OutputModel):
    name: str | None = None
    label: str | None = None
    description: str | None = None
    inputs: list[ActionParameter] = Field(default_factory=list)
    outputs: list[ActionParameter] = Field(default_factory=list)
