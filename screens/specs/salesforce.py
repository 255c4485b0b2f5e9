"""Salesforce lists: cadence trackers, cadences, step trackers, recipient groups."""

from __future__ import annotations

from screens.specs.base import Action, Col, Filter, ListSpec, Related, VendorSpec

PAGE = {"batchSize": 200}
TRACKER_STATES = ("Running", "Paused", "Complete", "Error", "Initializing", "Processing")

TRACKERS = ListSpec(
    id="salesforce.trackers",
    vendor="salesforce",
    title="Cadence trackers",
    endpoint="salesforce.listCadenceTrackers",
    key="Id",
    inputs=PAGE,
    columns=(
        Col("State", "State", max_width=12),
        Col("ActionCadence.Name", "Cadence", max_width=28),
        Col("Target.Name", "Target", max_width=22),
        Col("Owner.Name", "Assignee", max_width=18),
        Col("CurrentStep.StepTitle", "Current step", max_width=24),
        Col(
            "LastModifiedDate",
            "Modified",
            get=lambda r: str(r.get("LastModifiedDate") or "")[:16],
            max_width=16,
        ),
    ),
    filters=(
        Filter("state", "State", choices=TRACKER_STATES),
        Filter("cadenceName", "Cadence name (exact)"),
        Filter("ownerId", "Assignee (user id)"),
        Filter("targetId", "Target (contact or lead id)"),
    ),
    get_endpoint="salesforce.listCadenceTrackers",
    get_key="trackerId",
    related=(
        Related(
            "Step trackers",
            "salesforce.listStepTrackers",
            lambda r: {"trackerId": r["Id"]},
            (
                Col("StepTitle", "Step", max_width=26),
                Col("StepType", "Type", max_width=12),
                Col("State", "State", max_width=10),
            ),
            key="Id",
        ),
    ),
    actions=(
        Action(
            "pause",
            "Pause",
            "p",
            "salesforce.pauseSalesCadenceTracker",
            lambda r: {"targetId": r["TargetId"]},
            bulk=True,
        ),
        Action(
            "resume",
            "Resume",
            "r",
            "salesforce.resumeSalesCadenceTracker",
            lambda r: {"targetId": r["TargetId"]},
            form=False,
            bulk=True,
        ),
        Action(
            "assignee",
            "Change assignee",
            "c",
            "salesforce.changeSalesCadenceTargetAssignee",
            lambda r: {"targetId": r["TargetId"]},
            bulk=True,
        ),
        Action(
            "modify",
            "Modify attributes",
            "v",
            "salesforce.modifyCadenceTrackerAttributes",
            lambda r: {"actionCadenceTrackerId": r["Id"]},
            bulk=True,
        ),
        Action(
            "remove",
            "Remove",
            "d",
            "salesforce.removeTargetFromSalesCadence",
            lambda r: {"targetId": r["TargetId"], "completionReasonCode": "ManuallyRemoved"},
            bulk=True,
        ),
    ),
    heading=lambda r: (
        f"{(r.get('Target') or {}).get('Name') or r.get('TargetId')} in "
        f"{(r.get('ActionCadence') or {}).get('Name') or r.get('ActionCadenceId')}"
    ),
)

CADENCES = ListSpec(
    id="salesforce.cadences",
    vendor="salesforce",
    title="Cadences",
    endpoint="salesforce.listCadences",
    key="Id",
    inputs=PAGE,
    columns=(
        Col("Name", "Cadence", max_width=32),
        Col("State", "State", max_width=9),
        Col("Type", "Type", max_width=8),
        Col("ActiveTargets", "Active", align="right", max_width=7),
        Col("TotalTargets", "Targets", align="right", max_width=7),
        Col("TotalSteps", "Steps", align="right", max_width=5),
        Col("Owner.Name", "Owner", max_width=18),
    ),
    filters=(
        Filter("state", "State", choices=("Active", "Draft", "Inactive", "Error", "Deleting")),
        Filter("nameContains", "Name contains"),
    ),
    related=(
        Related(
            "Steps",
            "salesforce.listCadenceSteps",
            lambda r: {"cadenceId": r["Id"]},
            (
                Col("StepName", "Step", max_width=28),
                Col("Type", "Type", max_width=12),
                Col("DayOffset", "Day", align="right"),
            ),
            key="Id",
        ),
        Related(
            "Running trackers",
            "salesforce.listCadenceTrackers",
            lambda r: {"cadenceId": r["Id"], "state": "Running", "limit": 50},
            (Col("Target.Name", "Target", max_width=24), Col("Owner.Name", "Assignee")),
            key="Id",
        ),
    ),
    actions=(
        Action(
            "assign",
            "Assign target",
            "a",
            "salesforce.assignTargetToSalesCadence",
            lambda r: {"salesCadenceNameOrId": r["Id"]},
            refresh="none",
        ),
    ),
    heading=lambda r: str(r.get("Name") or r.get("Id")),
)

STEP_TRACKERS = ListSpec(
    id="salesforce.step_trackers",
    vendor="salesforce",
    title="Step trackers",
    endpoint="salesforce.listStepTrackers",
    key="Id",
    inputs=PAGE,
    parent="salesforce.trackers",
    parent_inputs=lambda r: {"trackerId": r["Id"]},
    columns=(
        Col("StepTitle", "Step", max_width=28),
        Col("StepType", "Type", max_width=12),
        Col("State", "State", max_width=10),
        Col("DueDateTime", "Due", get=lambda r: str(r.get("DueDateTime") or "")[:16], max_width=16),
        Col(
            "CompletionDate",
            "Completed",
            get=lambda r: str(r.get("CompletionDate") or "")[:16],
            max_width=16,
        ),
    ),
    filters=(
        Filter(
            "state",
            "State",
            choices=(
                "Active",
                "Cancelled",
                "Completed",
                "Error",
                "InProgress",
                "Paused",
                "Queued",
                "Scheduled",
            ),
        ),
    ),
    get_endpoint="salesforce.listStepTrackers",
    get_key="stepTrackerId",
    actions=(
        Action(
            "skip",
            "Skip",
            "z",
            "salesforce.sendSalesCadenceEvent",
            lambda r: {"recordId": r["Id"], "eventType": "Skip"},
            form=False,
            bulk=True,
            refresh="list",
        ),
        Action(
            "complete",
            "Manual complete",
            "c",
            "salesforce.sendSalesCadenceEvent",
            lambda r: {"recordId": r["Id"], "eventType": "Manual Complete"},
            form=False,
            bulk=True,
            refresh="list",
        ),
        Action(
            "template",
            "Select template",
            "t",
            "salesforce.selectTemplateForSalesCadenceStepTracker",
            lambda r: {"stepTrackerId": r["Id"]},
            form=False,
            refresh="none",
        ),
    ),
    heading=lambda r: f"{r.get('StepTitle')} ({r.get('ActionCadenceName') or ''})",
)

RECIPIENT_GROUPS = ListSpec(
    id="salesforce.recipient_groups",
    vendor="salesforce",
    title="Recipient groups",
    endpoint="salesforce.listRecipientGroups",
    key="Id",
    inputs=PAGE,
    columns=(
        Col("Name", "Group", max_width=30),
        Col("RecipientCount", "Recipients", align="right", max_width=10),
        Col("QuoteLineItemId", "Quote line item", max_width=18),
    ),
    filters=(Filter("nameContains", "Name contains"),),
    get_endpoint="salesforce.listRecipientGroups",
    get_key="groupId",
    related=(
        Related(
            "Quote line items",
            "salesforce.listQuoteLineItems",
            lambda r: {"recipientGroupId": r["Id"]},
            (
                Col("LineNumber", "#"),
                Col("Description", "Item", max_width=26),
                Col("Quantity", "Qty", align="right"),
                Col("Recipient.Name", "Recipient"),
            ),
            key="Id",
        ),
    ),
    actions=(
        Action(
            "recipients",
            "Add/remove recipients",
            "e",
            "salesforce.updateRecipientGroup",
            lambda r: {"recipientGroupId": r["Id"], "recipientsAction": "Add"},
        ),
        Action(
            "split",
            "Split line item",
            "i",
            "salesforce.splitQuoteLineItem",
            lambda r: {"quoteLineItemId": r.get("QuoteLineItemId")},
        ),
    ),
)

VENDOR = VendorSpec(
    "salesforce", "Salesforce", (TRACKERS, CADENCES, STEP_TRACKERS, RECIPIENT_GROUPS)
)
