"""What each cadence action does to the org, one input at a time.

The rules follow High Velocity Sales: a target runs one cadence at a time; only active
cadences take targets; pause, resume and reassign find the target's tracker in progress;
skipping or completing the current step moves the tracker to the next step (after the last
one the tracker completes with NoMoreSteps). A refused input raises ActionFailure with the
status code and message the action answers with.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from console.sandbox.salesforce.clock import now, parse_datetime, sf_datetime
from console.sandbox.salesforce.org import Org
from console.vendors.salesforce.ids import is_valid, to18

Record = dict[str, Any]
INVALID_CADENCE = "The object needs to be a valid sales cadence entity."
INVALID_TARGET = "The target needs to be a valid lead, contact, or person account."
NO_TRACKER = "The target isn't in an active sales cadence."
NO_TEMPLATE = "No template was found."


class ActionFailure(Exception):
    def __init__(self, message: str, code: str = "UNKNOWN_EXCEPTION", fields: tuple[str, ...] = ()):
        super().__init__(message)
        self.message = message
        self.code = code
        self.fields = list(fields)


class Rules:
    def __init__(self, org: Org, caller_id: str) -> None:
        self.org = org
        self.caller_id = caller_id
        self.at = now()

    @property
    def stamp(self) -> str:
        return sf_datetime(self.at)

    # -- lookups ---------------------------------------------------------------------------

    def _target(self, target_id: str) -> tuple[str, Record]:
        found = self.org.lookup(target_id)
        if found is None or found[0] not in ("Contact", "Lead", "Account"):
            raise ActionFailure(INVALID_TARGET, fields=("targetId",))
        sobject, record = found
        if sobject == "Account" and not record.get("IsPersonAccount"):
            raise ActionFailure(INVALID_TARGET, fields=("targetId",))
        return sobject, record

    def _active_tracker(self, target_id: str) -> Record:
        _, target = self._target(target_id)
        tracker = self.org.active_tracker(target["Id"])
        if tracker is None:
            raise ActionFailure(NO_TRACKER, fields=("targetId",))
        return tracker

    def _user(self, user_id: str | None) -> str:
        if not user_id:
            return self.caller_id
        user = self.org.get("User", user_id)
        if user is None or not user["IsActive"]:
            raise ActionFailure("The assignee must be an active user.", fields=("userId",))
        return str(user["Id"])

    def _opportunity(self, related_id: str | None) -> str | None:
        if not related_id:
            return None
        opp = self.org.get("Opportunity", related_id)
        if opp is None:
            raise ActionFailure(
                "The related record must be an opportunity.", fields=("relatedToId",)
            )
        return str(opp["Id"])

    def _save(self, sobject: str, record: Record, **changes: Any) -> Record:
        return self.org.put(sobject, {**record, **changes, "LastModifiedDate": self.stamp})

    def _cadence_counts(self, cadence_id: str, active: int = 0, total: int = 0) -> None:
        cadence = self.org.get("ActionCadence", cadence_id)
        if cadence is not None:
            self._save(
                "ActionCadence",
                cadence,
                ActiveTargets=max(0, cadence["ActiveTargets"] + active),
                TotalTargets=cadence["TotalTargets"] + total,
            )

    def _start_step(self, tracker: Record, step: Record, base: datetime) -> Record:
        cadence = self.org.get("ActionCadence", tracker["ActionCadenceId"]) or {}
        due = base + timedelta(hours=1 if step["Type"] != "Wait" else 24)
        step_tracker = {
            "Id": self.org.new_id("ActionCadenceStepTracker"),
            "IsDeleted": False,
            "CreatedDate": self.stamp,
            "LastModifiedDate": self.stamp,
            "ActionCadenceTrackerId": tracker["Id"],
            "ActionCadenceId": tracker["ActionCadenceId"],
            "ActionCadenceName": cadence.get("Name"),
            "ActionCadenceStepId": step["Id"],
            "StepTitle": step["StepTitle"],
            "StepType": step["Type"],
            "TargetId": tracker["TargetId"],
            "State": _waiting_state(step),
            "CompletionReason": None,
            "DueDateTime": sf_datetime(due),
            "CompletionDate": None,
        }
        return self.org.put("ActionCadenceStepTracker", step_tracker)

    def _current_step(self, tracker: Record) -> Record | None:
        return self.org.get("ActionCadenceStepTracker", tracker.get("CurrentStepId"))

    # -- the actions -----------------------------------------------------------------------

    def assign(self, v: dict[str, Any]) -> None:
        name_or_id = str(v["salesCadenceNameOrId"])
        cadence = self.org.get("ActionCadence", name_or_id) if is_valid(name_or_id) else None
        cadence = cadence or self.org.cadence_named(name_or_id)
        if cadence is None:
            raise ActionFailure(INVALID_CADENCE, fields=("salesCadenceNameOrId",))
        if cadence["State"] != "Active":
            raise ActionFailure(
                "The sales cadence must be active before you can add targets.",
                fields=("salesCadenceNameOrId",),
            )
        sobject, target = self._target(str(v["targetId"]))
        if sobject == "Lead" and target.get("IsConverted"):
            raise ActionFailure(
                "You can't add a converted lead to a sales cadence.", fields=("targetId",)
            )
        running = self.org.active_tracker(target["Id"])
        if running is not None:
            other = self.org.get("ActionCadence", running["ActionCadenceId"]) or {}
            raise ActionFailure(
                f"This target is already assigned to the sales cadence {other.get('Name')}.",
                fields=("targetId",),
            )
        owner = self._user(v.get("userId"))
        related = self._opportunity(v.get("relatedToId"))
        steps = self.org.steps_of(cadence["Id"])
        start = steps[0] if steps else None
        wanted = v.get("startStepNameOrId")
        if wanted:
            start = next((s for s in steps if _names_step(s, str(wanted))), None)
            if start is None:
                raise ActionFailure(
                    "The start step needs to be a valid step in this sales cadence.",
                    fields=("startStepNameOrId",),
                )
        if start is None:
            raise ActionFailure("The sales cadence has no steps.")
        tracker = {
            "Id": self.org.new_id("ActionCadenceTracker"),
            "IsDeleted": False,
            "CreatedDate": self.stamp,
            "LastModifiedDate": self.stamp,
            "ActionCadenceId": cadence["Id"],
            "TargetId": target["Id"],
            "OwnerId": owner,
            "State": "Running",
            "CompletionReason": None,
            "CompletionDisposition": None,
            "CurrentStepId": None,
            "LastCompletedStepId": None,
            "RelatedToId": related,
            "RelatedToAttributionType": None,
            "IsTrackerActive": True,
            "ScheduledResumeDateTime": None,
            "ErrorMessage": None,
        }
        self.org.put("ActionCadenceTracker", tracker)
        first = self._start_step(tracker, start, self.at)
        self.org.put("ActionCadenceTracker", {**tracker, "CurrentStepId": first["Id"]})
        self._cadence_counts(cadence["Id"], active=1, total=1)

    def remove(self, v: dict[str, Any]) -> None:
        if v.get("completionReasonCode") != "ManuallyRemoved":
            raise ActionFailure(
                "completionReasonCode: bad value for restricted picklist field: "
                f"{v.get('completionReasonCode')}",
                "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                ("completionReasonCode",),
            )
        if v.get("targetId"):
            tracker = self._active_tracker(str(v["targetId"]))
        elif not v.get("actionCadenceTrackerId"):
            raise ActionFailure(
                "Missing required input parameter: targetId",
                "REQUIRED_FIELD_MISSING",
                ("targetId",),
            )
        else:
            tracker = self._tracker(str(v.get("actionCadenceTrackerId") or ""))
            if not tracker["IsTrackerActive"]:
                raise ActionFailure(
                    "The sales cadence tracker is already complete.",
                    fields=("actionCadenceTrackerId",),
                )
        related = self._opportunity(v.get("relatedToId"))
        self._check_attribution(v, related or tracker.get("RelatedToId"))
        current = self._current_step(tracker)
        if current is not None:
            self._save(
                "ActionCadenceStepTracker", current, State="Cancelled", CompletionReason="Cancelled"
            )
        self._save(
            "ActionCadenceTracker",
            tracker,
            State="Complete",
            IsTrackerActive=False,
            CompletionReason="ManuallyRemoved",
            CurrentStepId=None,
            ScheduledResumeDateTime=None,
            CompletionDisposition=v.get("completionDisposition")
            or tracker["CompletionDisposition"],
            RelatedToId=related or tracker["RelatedToId"],
            RelatedToAttributionType=v.get("relatedToAttributionType")
            or tracker["RelatedToAttributionType"],
        )
        self._cadence_counts(tracker["ActionCadenceId"], active=-1)

    def pause(self, v: dict[str, Any]) -> None:
        tracker = self._active_tracker(str(v["targetId"]))
        if tracker["State"] == "Paused":
            raise ActionFailure("The sales cadence tracker is already paused.")
        if tracker["State"] != "Running":
            raise ActionFailure(
                f"You can't pause a sales cadence tracker in the {tracker['State']} state."
            )
        resume = None
        if v.get("resumeTime"):
            try:
                moment = parse_datetime(str(v["resumeTime"]))
            except ValueError:
                raise ActionFailure(
                    f"resumeTime: value not of required type: {v['resumeTime']}",
                    "INVALID_TYPE_ON_FIELD_IN_RECORD",
                    ("resumeTime",),
                ) from None
            if moment <= self.at:
                raise ActionFailure(
                    "The resume time must be in the future.", fields=("resumeTime",)
                )
            resume = sf_datetime(moment)
        current = self._current_step(tracker)
        if current is not None:
            self._save("ActionCadenceStepTracker", current, State="Paused")
        self._save("ActionCadenceTracker", tracker, State="Paused", ScheduledResumeDateTime=resume)

    def resume(self, v: dict[str, Any]) -> None:
        tracker = self._active_tracker(str(v["targetId"]))
        if tracker["State"] != "Paused":
            raise ActionFailure("The sales cadence tracker isn't paused.")
        current = self._current_step(tracker)
        if current is not None:
            step = self.org.get("ActionCadenceStep", current["ActionCadenceStepId"]) or {}
            self._save("ActionCadenceStepTracker", current, State=_waiting_state(step))
        self._save("ActionCadenceTracker", tracker, State="Running", ScheduledResumeDateTime=None)

    def change_assignee(self, v: dict[str, Any]) -> None:
        tracker = self._active_tracker(str(v["targetId"]))
        self._save("ActionCadenceTracker", tracker, OwnerId=self._user(v.get("userId")))

    def modify(self, v: dict[str, Any]) -> None:
        tracker = self._tracker(str(v["actionCadenceTrackerId"]))
        changes: dict[str, Any] = {}
        if v.get("completionDisposition"):
            if tracker["State"] != "Complete":
                raise ActionFailure(
                    "You can set a completion disposition only on a completed "
                    "sales cadence tracker.",
                    fields=("completionDisposition",),
                )
            changes["CompletionDisposition"] = v["completionDisposition"]
        related = self._opportunity(v.get("relatedToId"))
        if related:
            changes["RelatedToId"] = related
        self._check_attribution(v, related or tracker.get("RelatedToId"))
        if v.get("relatedToAttributionType"):
            changes["RelatedToAttributionType"] = v["relatedToAttributionType"]
        self._save("ActionCadenceTracker", tracker, **changes)

    def send_event(self, v: dict[str, Any]) -> None:
        step_tracker = self._step_tracker(str(v["recordId"]), "recordId")
        tracker = self.org.get("ActionCadenceTracker", step_tracker["ActionCadenceTrackerId"])
        if tracker is None or tracker["CurrentStepId"] != step_tracker["Id"]:
            raise ActionFailure(
                "You can send an event only to the current step of a sales cadence.",
                fields=("recordId",),
            )
        if tracker["State"] != "Running":
            raise ActionFailure(
                f"You can't send an event to a sales cadence tracker in the "
                f"{tracker['State']} state."
            )
        skipped = str(v["eventType"]) == "Skip"
        done = self._save(
            "ActionCadenceStepTracker",
            step_tracker,
            State="Completed",
            CompletionReason="Skipped" if skipped else "ManuallyCompleted",
            CompletionDate=self.stamp,
        )
        steps = self.org.steps_of(tracker["ActionCadenceId"])
        index = next((i for i, s in enumerate(steps) if s["Id"] == done["ActionCadenceStepId"]), -1)
        if 0 <= index < len(steps) - 1:
            nxt = self._start_step(tracker, steps[index + 1], self.at)
            self._save(
                "ActionCadenceTracker",
                tracker,
                CurrentStepId=nxt["Id"],
                LastCompletedStepId=done["Id"],
            )
            return
        self._save(
            "ActionCadenceTracker",
            tracker,
            State="Complete",
            IsTrackerActive=False,
            CompletionReason="NoMoreSteps",
            CurrentStepId=None,
            LastCompletedStepId=done["Id"],
        )
        self._cadence_counts(tracker["ActionCadenceId"], active=-1)

    def select_template(self, v: dict[str, Any]) -> dict[str, Any]:
        step_tracker = self._step_tracker(str(v["stepTrackerId"]), "stepTrackerId")
        variants = [
            x
            for x in self.org.variants_of(step_tracker["ActionCadenceStepId"])
            if x["VariantStatus"] == "Active"
        ]
        if step_tracker["StepType"] not in ("SendAnEmail", "MakeACall") or not variants:
            raise ActionFailure(NO_TEMPLATE)
        # Each target lands on one variant, stably, in proportion to the split.
        digest = hashlib.sha256(step_tracker["Id"].encode()).digest()
        point = (
            int.from_bytes(digest[:4], "big") / 2**32 * sum(x["SplitPercentage"] for x in variants)
        )
        for variant in variants:
            point -= variant["SplitPercentage"]
            if point < 0:
                break
        return {
            "output": {
                "SplitPercentage": float(variant["SplitPercentage"]),
                "TemplateId": variant["TemplateId"],
            }
        }

    # -- helpers ---------------------------------------------------------------------------

    def _tracker(self, tracker_id: str) -> Record:
        tracker = self.org.get("ActionCadenceTracker", tracker_id)
        if tracker is None:
            raise ActionFailure(
                "The object needs to be a valid sales cadence tracker.",
                fields=("actionCadenceTrackerId",),
            )
        return tracker

    def _step_tracker(self, step_tracker_id: str, field: str) -> Record:
        found = self.org.get("ActionCadenceStepTracker", step_tracker_id)
        if found is None:
            raise ActionFailure(
                "The object needs to be a valid sales cadence step tracker.", fields=(field,)
            )
        return found

    @staticmethod
    def _check_attribution(v: dict[str, Any], related: str | None) -> None:
        if v.get("relatedToAttributionType") and not related:
            raise ActionFailure(
                "Set relatedToId before you set relatedToAttributionType.",
                fields=("relatedToAttributionType",),
            )


def _waiting_state(step: Record) -> str:
    return "Scheduled" if step.get("Type") == "Wait" else "Active"


def _names_step(step: Record, wanted: str) -> bool:
    if is_valid(wanted):
        return bool(step["Id"] == to18(wanted))
    return wanted.casefold() in (
        str(step["StepTitle"]).casefold(),
        str(step["StepName"]).casefold(),
    )
