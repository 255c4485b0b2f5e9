"""The eight cadence actions with plain httpx: state changes, per-input failures, batches."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from console.sandbox.salesforce.ids import make_id
from tests.salesforce.conftest import INBOUND, Org, failure

API_USER = make_id("005", 1)


def _ok(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    body: list[dict[str, Any]] = response.json()
    return body


def _cadence(org: Org, name: str) -> dict[str, Any]:
    return org.one(
        f"SELECT Id, ActiveTargets, TotalTargets, State FROM ActionCadence WHERE Name = '{name}'"
    )


def _steps(org: Org, cadence_id: str) -> list[dict[str, Any]]:
    return org.records(
        f"SELECT Id, StepTitle, Type FROM ActionCadenceStep WHERE ActionCadenceId "
        f"= '{cadence_id}' ORDER BY DayOffset, StepName"
    )


def test_assign_creates_a_running_tracker_at_the_first_step(org: Org) -> None:
    before = _cadence(org, INBOUND)
    target = org.free_target()
    (result,) = _ok(
        org.invoke(
            "assignTargetToSalesCadence", {"salesCadenceNameOrId": INBOUND, "targetId": target[:15]}
        )
    )
    assert result == {
        "actionName": "assignTargetToSalesCadence",
        "errors": None,
        "isSuccess": True,
        "outputValues": None,
    }
    tracker = org.tracker_of(target)
    assert tracker["State"] == "Running"
    assert tracker["IsTrackerActive"] is True
    assert tracker["OwnerId"] == API_USER  # no userId: the calling user
    assert tracker["ActionCadence"]["Name"] == INBOUND
    step = org.step_tracker(tracker["CurrentStepId"])
    assert (step["StepTitle"], step["State"]) == ("Thanks for reaching out", "Active")
    after = _cadence(org, INBOUND)
    assert after["ActiveTargets"] == before["ActiveTargets"] + 1
    assert after["TotalTargets"] == before["TotalTargets"] + 1
    (again,) = org.invoke(
        "assignTargetToSalesCadence", {"salesCadenceNameOrId": before["Id"], "targetId": target}
    ).json()
    assert failure(again) == (
        "UNKNOWN_EXCEPTION",
        f"This target is already assigned to the sales cadence {INBOUND}.",
    )


def test_assign_by_id_with_assignee_opportunity_and_start_step(org: Org) -> None:
    cadence = _cadence(org, INBOUND)
    user = org.one("SELECT Id FROM User WHERE IsActive = true ORDER BY Name DESC LIMIT 1")["Id"]
    opp = org.one("SELECT Id FROM Opportunity LIMIT 1")["Id"]
    target = org.free_target("Lead")
    tracker = org.assign(
        target,
        salesCadenceNameOrId=cadence["Id"],
        userId=user,
        relatedToId=opp,
        startStepNameOrId="second call attempt",
    )
    assert (tracker["OwnerId"], tracker["RelatedToId"]) == (user, opp)
    assert org.step_tracker(tracker["CurrentStepId"])["StepTitle"] == "Second call attempt"


def test_assign_refusals_fail_alone_in_input_order(org: Org) -> None:
    inactive = org.one("SELECT Id FROM User WHERE IsActive = false")["Id"]
    draft = org.one("SELECT Name FROM ActionCadence WHERE State = 'Draft' LIMIT 1")["Name"]
    good = org.free_target(skip=3)
    inputs = [
        {"salesCadenceNameOrId": "No Such Cadence", "targetId": org.free_target(skip=4)},
        {"salesCadenceNameOrId": draft, "targetId": org.free_target(skip=4)},
        {"salesCadenceNameOrId": INBOUND, "targetId": org.free_target(skip=4), "userId": inactive},
        {"salesCadenceNameOrId": INBOUND, "targetId": make_id("003", 999_999)},
        {"salesCadenceNameOrId": INBOUND, "targetId": "003-not-an-id"},
        {"salesCadenceNameOrId": INBOUND, "targetId": good},
        {"targetId": good},
        {"salesCadenceNameOrId": INBOUND, "targetId": good, "colour": "blue"},
    ]
    results = _ok(org.invoke("assignTargetToSalesCadence", *inputs))
    assert [r["isSuccess"] for r in results] == [False] * 5 + [True, False, False]
    assert failure(results[0]) == (
        "UNKNOWN_EXCEPTION",
        "The object needs to be a valid sales cadence entity.",
    )
    assert "must be active" in failure(results[1])[1]
    assert failure(results[2])[1] == "The assignee must be an active user."
    assert "valid lead, contact, or person account" in failure(results[3])[1]
    assert failure(results[4])[0] == "MALFORMED_ID"
    assert results[4]["errors"][0]["fields"] == ["targetId"]
    assert failure(results[6]) == (
        "REQUIRED_FIELD_MISSING",
        "Missing required input parameter: salesCadenceNameOrId",
    )
    assert failure(results[7]) == ("INVALID_API_INPUT", "Unknown input parameter: colour")
    assert org.tracker_of(good)["State"] == "Running"


def test_remove_completes_the_tracker_and_cancels_its_step(org: Org) -> None:
    target = org.free_target(skip=10)
    tracker = org.assign(target)
    (result,) = _ok(
        org.invoke(
            "removeTargetFromSalesCadence",
            {
                "targetId": target,
                "completionReasonCode": "ManuallyRemoved",
                "completionDisposition": "Not Interested",
            },
        )
    )
    assert result["isSuccess"]
    done = org.tracker_of(target)
    assert (done["State"], done["CompletionReason"], done["CompletionDisposition"]) == (
        "Complete",
        "ManuallyRemoved",
        "Not Interested",
    )
    assert done["IsTrackerActive"] is False
    assert done["CurrentStepId"] is None
    assert org.step_tracker(tracker["CurrentStepId"])["State"] == "Cancelled"
    again, wrong_code = org.invoke(
        "removeTargetFromSalesCadence",
        {"targetId": target, "completionReasonCode": "ManuallyRemoved"},
        {"targetId": target, "completionReasonCode": "Bored"},
    ).json()
    assert failure(again)[1] == "The target isn't in an active sales cadence."
    assert failure(wrong_code)[0] == "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"


def test_remove_by_tracker_id_with_related_opportunity(org: Org) -> None:
    target = org.free_target(skip=11)
    tracker = org.assign(target)
    opp = org.one("SELECT Id FROM Opportunity LIMIT 1")["Id"]
    (result,) = _ok(
        org.invoke(
            "removeTargetFromSalesCadence",
            {
                "actionCadenceTrackerId": tracker["Id"],
                "completionReasonCode": "ManuallyRemoved",
                "relatedToId": opp,
                "relatedToAttributionType": "Maturation",
            },
        )
    )
    assert result["isSuccess"]
    done = org.tracker_of(target)
    assert (done["RelatedToId"], done["RelatedToAttributionType"]) == (opp, "Maturation")


def test_pause_and_resume_are_keyed_by_target(org: Org) -> None:
    target = org.free_target(skip=12)
    tracker = org.assign(target)
    when = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=0)
    (paused,) = _ok(
        org.invoke("pauseSalesCadenceTracker", {"targetId": target, "resumeTime": when.isoformat()})
    )
    assert paused["isSuccess"]
    state = org.tracker_of(target)
    assert state["State"] == "Paused"
    assert state["ScheduledResumeDateTime"] == when.strftime("%Y-%m-%dT%H:%M:%S.000+0000")
    assert org.step_tracker(tracker["CurrentStepId"])["State"] == "Paused"
    twice, past, garbled = org.invoke(
        "pauseSalesCadenceTracker",
        {"targetId": target},
        {"targetId": org.free_target(skip=13)},
        {"targetId": target, "resumeTime": "next tuesday"},
    ).json()
    assert failure(twice)[1] == "The sales cadence tracker is already paused."
    assert failure(past)[1] == "The target isn't in an active sales cadence."
    assert failure(garbled)[0] == "INVALID_TYPE_ON_FIELD_IN_RECORD"
    (resumed,) = _ok(org.invoke("resumeSalesCadenceTracker", {"targetId": target}))
    assert resumed["isSuccess"]
    state = org.tracker_of(target)
    assert (state["State"], state["ScheduledResumeDateTime"]) == ("Running", None)
    assert org.step_tracker(tracker["CurrentStepId"])["State"] == "Active"
    (again,) = org.invoke("resumeSalesCadenceTracker", {"targetId": target}).json()
    assert failure(again)[1] == "The sales cadence tracker isn't paused."


def test_pause_refuses_a_resume_time_in_the_past(org: Org) -> None:
    target = org.free_target(skip=14)
    org.assign(target)
    (result,) = org.invoke(
        "pauseSalesCadenceTracker", {"targetId": target, "resumeTime": "2020-01-01T00:00:00Z"}
    ).json()
    assert failure(result) == ("UNKNOWN_EXCEPTION", "The resume time must be in the future.")
    assert org.tracker_of(target)["State"] == "Running"


def test_change_assignee(org: Org) -> None:
    target = org.free_target(skip=15)
    org.assign(target)
    users = org.records("SELECT Id, IsActive FROM User ORDER BY Name")
    active = next(u["Id"] for u in users if u["IsActive"] and u["Id"] != API_USER)
    inactive = next(u["Id"] for u in users if not u["IsActive"])
    ok, refused = org.invoke(
        "changeSalesCadenceTargetAssignee",
        {"targetId": target, "userId": active},
        {"targetId": target, "userId": inactive},
    ).json()
    assert ok["isSuccess"]
    assert failure(refused)[1] == "The assignee must be an active user."
    assert org.tracker_of(target)["OwnerId"] == active


def test_modify_tracker_attributes(org: Org) -> None:
    complete = org.one(
        "SELECT Id FROM ActionCadenceTracker WHERE State = 'Complete' AND "
        "RelatedToId = null LIMIT 1"
    )["Id"]
    running = org.one(
        "SELECT Id FROM ActionCadenceTracker WHERE State = 'Running' AND RelatedToId = null LIMIT 1"
    )["Id"]
    opp = org.one("SELECT Id FROM Opportunity LIMIT 1")["Id"]
    ok, early, orphan, unknown = org.invoke(
        "modifyCadenceTrackerAttributes",
        {
            "actionCadenceTrackerId": complete,
            "completionDisposition": "Customer Engaged",
            "relatedToId": opp,
            "relatedToAttributionType": "Activation",
        },
        {"actionCadenceTrackerId": running, "completionDisposition": "Success"},
        {"actionCadenceTrackerId": running, "relatedToAttributionType": "Activation"},
        {"actionCadenceTrackerId": make_id("0qB", 999_999)},
    ).json()
    assert ok["isSuccess"]
    row = org.one(
        f"SELECT CompletionDisposition, RelatedToId, RelatedToAttributionType FROM "
        f"ActionCadenceTracker WHERE Id = '{complete}'"
    )
    assert (row["CompletionDisposition"], row["RelatedToId"], row["RelatedToAttributionType"]) == (
        "Customer Engaged",
        opp,
        "Activation",
    )
    assert "only on a completed" in failure(early)[1]
    assert failure(orphan) == (
        "UNKNOWN_EXCEPTION",
        "Set relatedToId before you set relatedToAttributionType.",
    )
    assert failure(unknown)[1] == "The object needs to be a valid sales cadence tracker."


def test_send_event_skips_and_completes_steps_to_the_end(org: Org) -> None:
    target = org.free_target(skip=16)
    tracker = org.assign(target)
    steps = _steps(org, tracker["ActionCadenceId"])
    first = tracker["CurrentStepId"]
    (skipped,) = _ok(org.invoke("sendSalesCadenceEvent", {"recordId": first, "eventType": "Skip"}))
    assert skipped["isSuccess"]
    moved = org.tracker_of(target)
    assert moved["LastCompletedStepId"] == first
    done = org.step_tracker(first)
    assert (done["State"], done["CompletionReason"]) == ("Completed", "Skipped")
    assert done["CompletionDate"]
    second = org.step_tracker(moved["CurrentStepId"])
    assert (second["StepTitle"], second["State"]) == (steps[1]["StepTitle"], "Active")
    (stale,) = org.invoke("sendSalesCadenceEvent", {"recordId": first, "eventType": "Skip"}).json()
    assert "current step" in failure(stale)[1]
    (manual,) = _ok(
        org.invoke(
            "sendSalesCadenceEvent",
            {"recordId": moved["CurrentStepId"], "eventType": "ManualComplete"},
        )
    )
    assert manual["isSuccess"]
    assert org.step_tracker(moved["CurrentStepId"])["CompletionReason"] == "ManuallyCompleted"
    third = org.step_tracker(org.tracker_of(target)["CurrentStepId"])
    assert (third["StepTitle"], third["State"]) == (steps[2]["StepTitle"], "Scheduled")  # a Wait
    (bad,) = org.invoke(
        "sendSalesCadenceEvent", {"recordId": third["Id"], "eventType": "Complete"}
    ).json()
    assert failure(bad)[0] == "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"


def test_completing_the_last_step_completes_the_tracker(org: Org) -> None:
    before = _cadence(org, INBOUND)["ActiveTargets"]
    target = org.free_target(skip=17)
    tracker = org.assign(target, startStepNameOrId="Connect on LinkedIn")
    (result,) = _ok(
        org.invoke(
            "sendSalesCadenceEvent",
            {"recordId": tracker["CurrentStepId"], "eventType": "Manual Complete"},
        )
    )
    assert result["isSuccess"]
    done = org.tracker_of(target)
    assert (done["State"], done["CompletionReason"], done["IsTrackerActive"]) == (
        "Complete",
        "NoMoreSteps",
        False,
    )
    assert done["CurrentStepId"] is None
    assert done["LastCompletedStepId"] == tracker["CurrentStepId"]
    assert _cadence(org, INBOUND)["ActiveTargets"] == before


def test_send_event_needs_a_running_tracker(org: Org) -> None:
    target = org.free_target(skip=18)
    tracker = org.assign(target)
    _ok(org.invoke("pauseSalesCadenceTracker", {"targetId": target}))
    (result,) = org.invoke(
        "sendSalesCadenceEvent", {"recordId": tracker["CurrentStepId"], "eventType": "Skip"}
    ).json()
    assert "Paused state" in failure(result)[1]


def test_select_template_answers_the_seed_shapes(org: Org) -> None:
    with_variants = {
        v["ActionCadenceStepId"]: v
        for v in org.records(
            "SELECT ActionCadenceStepId, TemplateId, SplitPercentage FROM ActionCadenceStepVariant"
        )
    }
    rows = org.records(
        "SELECT Id, ActionCadenceStepId, StepType FROM ActionCadenceStepTracker ORDER BY Id"
    )
    emailed = next(r for r in rows if r["ActionCadenceStepId"] in with_variants)
    waiting = next(r for r in rows if r["StepType"] == "Wait")
    results = _ok(
        org.invoke(
            "selectTemplateForSalesCadenceStepTracker",
            {"stepTrackerId": emailed["Id"]},
            {"stepTrackerId": waiting["Id"]},
            {"stepTrackerId": emailed["Id"]},
        )
    )
    first, second, third = results
    assert first["isSuccess"]
    assert first["errors"] is None
    output = first["outputValues"]["output"]
    assert set(output) == {"SplitPercentage", "TemplateId"}
    assert output["TemplateId"].startswith("00X")
    assert isinstance(output["SplitPercentage"], float)
    variants = org.records(
        f"SELECT TemplateId FROM ActionCadenceStepVariant WHERE "
        f"ActionCadenceStepId = '{emailed['ActionCadenceStepId']}'"
    )
    assert output["TemplateId"] in {v["TemplateId"] for v in variants}
    assert second == {
        "actionName": "selectTemplateForSalesCadenceStepTracker",
        "errors": [
            {"statusCode": "UNKNOWN_EXCEPTION", "message": "No template was found.", "fields": []}
        ],
        "isSuccess": False,
        "outputValues": {"error": "No template was found."},
    }
    assert third == first  # the same target always gets the same variant
