"""Salesforce endpoints, declared once.

Paths are relative to `{instance_url}/services/data/v{api_version}/`. The eight cadence actions
are invocable actions: each call sends a batch of inputs and gets one result per input back.
The typed lists are SOQL queries the client builds from their filters.
"""

from __future__ import annotations

from pydantic import BaseModel

from console.catalog.endpoint import Endpoint, Kind, raw_request
from console.models import NoInput
from console.vendors.salesforce import filters, models, records

# Action name -> (title, input model, output model, API version it arrived in, mutating).
ACTIONS: dict[str, tuple[str, type[BaseModel], type[BaseModel], str, bool]] = {
    "assignTargetToSalesCadence": (
        "Assign Target To Sales Cadence",
        models.AssignTargetInput,
        models.ActionOutput,
        "45.0",
        True,
    ),
    "removeTargetFromSalesCadence": (
        "Remove Target From Sales Cadence",
        models.RemoveTargetInput,
        models.ActionOutput,
        "45.0",
        True,
    ),
    "pauseSalesCadenceTracker": (
        "Pause Sales Cadence Tracker",
        models.PauseTrackerInput,
        models.ActionOutput,
        "50.0",
        True,
    ),
    "resumeSalesCadenceTracker": (
        "Resume Sales Cadence Tracker",
        models.ResumeTrackerInput,
        models.ActionOutput,
        "50.0",
        True,
    ),
    "changeSalesCadenceTargetAssignee": (
        "Change Sales Cadence Target Assignee",
        models.ChangeAssigneeInput,
        models.ActionOutput,
        "50.0",
        True,
    ),
    "modifyCadenceTrackerAttributes": (
        "Modify Cadence Tracker Attributes",
        models.ModifyTrackerInput,
        models.ActionOutput,
        "51.0",
        True,
    ),
    "sendSalesCadenceEvent": (
        "Send Sales Cadence Event",
        models.SendCadenceEventInput,
        models.ActionOutput,
        "52.0",
        True,
    ),
    # Only reads which template or call script a step uses: no data changes.
    "selectTemplateForSalesCadenceStepTracker": (
        "Select Template For Sales Cadence Step Tracker",
        models.SelectTemplateInput,
        models.TemplateSelection,
        "53.0",
        False,
    ),
}

_ACTION_TEXT = {
    "assignTargetToSalesCadence": "Add leads, contacts or person accounts to a sales cadence.",
    "removeTargetFromSalesCadence": "End targets' cadences (they complete as ManuallyRemoved), "
    "optionally recording a disposition and related opportunity.",
    "pauseSalesCadenceTracker": "Pause targets' running cadences, optionally until a set time.",
    "resumeSalesCadenceTracker": "Resume targets' paused cadences.",
    "changeSalesCadenceTargetAssignee": "Reassign targets' cadence work to another rep.",
    "modifyCadenceTrackerAttributes": "Set a tracker's disposition or related opportunity.",
    "sendSalesCadenceEvent": "Skip or manually complete the current step of targets' cadences.",
    "selectTemplateForSalesCadenceStepTracker": "Look up the email template or call script a "
    "step will use for its target (with its variant-testing split).",
}


def _action(name: str) -> Endpoint:
    title, inputs, output, version, mutating = ACTIONS[name]
    return Endpoint(
        id=f"salesforce.{name}",
        title=title,
        method="POST",
        path=f"actions/standard/{name}",
        input_model=inputs,
        output_model=output,
        kind=Kind.ACTION,
        description=_ACTION_TEXT[name],
        mutating=mutating,
        destructive=name == "removeTargetFromSalesCadence",
        idempotent=None if mutating else True,
        batchable=True,
        options={"action": name, "min_version": version},
    )


_LISTS: list[tuple[str, str, type[filters.ListFilters], type[BaseModel], str]] = [
    (
        "listCadences",
        "List Cadences",
        filters.CadenceFilters,
        records.ActionCadence,
        "Sales cadences by state, type, name or owner.",
    ),
    (
        "listCadenceSteps",
        "List Cadence Steps",
        filters.CadenceStepFilters,
        records.ActionCadenceStep,
        "The steps of cadences, in order.",
    ),
    (
        "listCadenceTrackers",
        "List Cadence Trackers",
        filters.TrackerFilters,
        records.ActionCadenceTracker,
        "Targets' cadence trackers by state, cadence, assignee or target.",
    ),
    (
        "listStepTrackers",
        "List Step Trackers",
        filters.StepTrackerFilters,
        records.ActionCadenceStepTracker,
        "The step trackers of a tracker, target or cadence.",
    ),
    (
        "listRecipientGroups",
        "List Recipient Groups",
        filters.RecipientGroupFilters,
        records.RecipientGroup,
        "Communications Cloud recipient groups and their members.",
    ),
    (
        "listQuoteLineItems",
        "List Quote Line Items",
        filters.QuoteLineItemFilters,
        records.QuoteLineItem,
        "Quote line items, by recipient group or quote.",
    ),
    (
        "listUsers",
        "List Users",
        filters.UserFilters,
        records.User,
        "Users (cadence assignees and owners).",
    ),
    (
        "listContacts",
        "List Contacts",
        filters.ContactFilters,
        records.Contact,
        "Contacts (cadence targets) by name, email or owner.",
    ),
    (
        "listLeads",
        "List Leads",
        filters.LeadFilters,
        records.Lead,
        "Leads (cadence targets) by name, email or owner.",
    ),
]


def _list(
    action: str, title: str, inputs: type[BaseModel], output: type[BaseModel], text: str
) -> Endpoint:
    return Endpoint(
        id=f"salesforce.{action}",
        title=title,
        method="GET",
        path="query",
        input_model=inputs,
        output_model=output,
        kind=Kind.LIST,
        description=text + " Read with SOQL.",
        paginated=True,
        options={"soql": True},
    )


ENDPOINTS: list[Endpoint] = [
    *(_action(name) for name in ACTIONS),
    Endpoint(
        id="salesforce.updateRecipientGroup",
        title="Update Recipient Group",
        method="PATCH",
        path="connect/comms-sales/recipient-group/{recipientGroupId}/recipients",
        input_model=models.UpdateRecipientGroupInput,
        output_model=models.RecipientGroupUpdate,
        description="Communications Cloud Sales: add recipients to, or remove them from, a "
        "recipient group.",
        mutating=True,
        destructive=True,
        options={"min_version": "64.0"},
    ),
    Endpoint(
        id="salesforce.splitQuoteLineItem",
        title="Split Quote Line Item",
        method="PATCH",
        path="connect/comms-sales/quote-line-item/{quoteLineItemId}",
        input_model=models.SplitQuoteLineItemInput,
        output_model=models.SplitResult,
        description="Communications Cloud Sales: split a line item tied to a recipient group "
        "into one line item per recipient.",
        mutating=True,
        options={"min_version": "64.0"},
    ),
    Endpoint(
        id="salesforce.query",
        title="SOQL Query",
        method="GET",
        path="query",
        input_model=models.QueryInput,
        output_model=records.SObject,
        kind=Kind.LIST,
        description="Run any SOQL query; long answers are fetched batch by batch.",
        paginated=True,
    ),
    *(_list(*spec) for spec in _LISTS),
    Endpoint(
        id="salesforce.listActions",
        title="List Standard Actions",
        method="GET",
        path="actions/standard",
        input_model=NoInput,
        output_model=models.ActionList,
        description="The standard invocable actions this org offers.",
    ),
    Endpoint(
        id="salesforce.describeAction",
        title="Describe Standard Action",
        method="GET",
        path="actions/standard/{actionName}",
        input_model=models.DescribeActionInput,
        output_model=models.ActionDescription,
        description="An action's inputs and outputs, as the org describes them.",
    ),
    raw_request(
        "salesforce",
        "Send any request to the org's REST API (relative to "
        "/services/data/vNN.N/) with the profile's session.",
    ),
]
