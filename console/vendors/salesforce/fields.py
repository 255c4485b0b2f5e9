"""Validated field types for Salesforce inputs: ids with the right key prefix, picklists."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import AfterValidator

from console.vendors.salesforce.ids import TARGET_OBJECTS, check_id


def _any_id(value: str) -> str:
    return check_id(value)


def _target(value: str) -> str:
    return check_id(value, *TARGET_OBJECTS)


def _user(value: str) -> str:
    return check_id(value, "User")


def _opportunity(value: str) -> str:
    return check_id(value, "Opportunity")


def _tracker(value: str) -> str:
    return check_id(value, "ActionCadenceTracker")


def _step_tracker(value: str) -> str:
    return check_id(value, "ActionCadenceStepTracker")


def _cadence(value: str) -> str:
    return check_id(value, "ActionCadence")


def _contact(value: str) -> str:
    return check_id(value, "Contact")


def _quote_line_item(value: str) -> str:
    return check_id(value, "QuoteLineItem")


SalesforceId = Annotated[str, AfterValidator(_any_id)]
TargetId = Annotated[str, AfterValidator(_target)]
UserId = Annotated[str, AfterValidator(_user)]
OpportunityId = Annotated[str, AfterValidator(_opportunity)]
TrackerId = Annotated[str, AfterValidator(_tracker)]
StepTrackerId = Annotated[str, AfterValidator(_step_tracker)]
CadenceId = Annotated[str, AfterValidator(_cadence)]
ContactId = Annotated[str, AfterValidator(_contact)]
QuoteLineItemId = Annotated[str, AfterValidator(_quote_line_item)]

CompletionDisposition = Literal[
    "Success",
    "Customer Engaged",
    "Customer Connected",
    "Contact Later",
    "No Response",
    "Not Interested",
    "Disqualified",
    "Bad Data",
    "Duplicate",
]
COMPLETION_DISPOSITIONS: tuple[str, ...] = get_args(CompletionDisposition)

CompletionReasonCode = Literal["ManuallyRemoved"]
AttributionType = Literal["Activation", "Maturation", "Collected"]
ATTRIBUTION_TYPES: tuple[str, ...] = get_args(AttributionType)
EventType = Literal["Skip", "Manual Complete", "ManualComplete"]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)

CadenceState = Literal["Active", "Draft", "Inactive", "Error", "Deleting"]
CadenceType = Literal["Standard", "Quick"]
TrackerState = Literal["Running", "Paused", "Complete", "Error", "Initializing", "Processing"]
TRACKER_STATES: tuple[str, ...] = get_args(TrackerState)
StepTrackerState = Literal[
    "Active", "Cancelled", "Completed", "Error", "InProgress", "Paused", "Queued", "Scheduled"
]
StepType = Literal["SendAnEmail", "MakeACall", "CreateTask", "Wait", "Branch"]

ACTION_NAMES: tuple[str, ...] = (
    "assignTargetToSalesCadence",
    "removeTargetFromSalesCadence",
    "pauseSalesCadenceTracker",
    "resumeSalesCadenceTracker",
    "changeSalesCadenceTargetAssignee",
    "modifyCadenceTrackerAttributes",
    "sendSalesCadenceEvent",
    "selectTemplateForSalesCadenceStepTracker",
)
