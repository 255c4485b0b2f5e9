"""Seeded sales cadences: definitions, steps, template variants, and trackers in every state.

Each target (contact, lead, person account) has about even odds of being in a cadence. A
tracker's step trackers follow from its state: the steps before its current one Completed
(a few skipped or done by hand), the current one Active, Scheduled, Paused, InProgress or in
Error, and for finished trackers either every step done (NoMoreSteps) or the rest cancelled.
Call scripts are stored as text EmailTemplate records (the cadence API only hands out ids).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from console.sandbox.common.fakedata import EPOCH
from console.sandbox.salesforce.cadence_catalog import CADENCES as CADENCES
from console.sandbox.salesforce.clock import sf_datetime, stamp

Record = dict[str, Any]
NewRecord = Callable[..., Record]

# name, state, type, description, [(step type, title, day offset)]

STATE_WEIGHTS = (
    ("Running", 42),
    ("Paused", 12),
    ("Complete", 30),
    ("Error", 5),
    ("Initializing", 5),
    ("Processing", 6),
)
ERRORS = (
    "The email couldn't be sent because the target has opted out of email.",
    "The target's email address is missing or invalid.",
    "The assignee doesn't have permission to send email from cadences.",
)
SPLITS = ((100.0,), (100.0,), (50.0, 50.0), (70.0, 30.0), (50.0, 30.0, 20.0))


DAY = 86400
NOW = int(EPOCH.timestamp())
_DONE = ("Skipped", "ManuallyCompleted", "Completed")
_STATE_TABLE = tuple(state for state, weight in STATE_WEIGHTS for _ in range(weight))
_REASONS = ("NoMoreSteps", "NoMoreSteps", "ManuallyRemoved", "AutomaticallyExited")


class CadenceBuilder:
    """Builds cadences and their trackers with the generator's `new` and seeded `rng`."""

    def __init__(
        self,
        new: NewRecord,
        next_id: Callable[[str], Callable[[], str]],
        rows: Callable[[str], list[tuple[str, Record]]],
        rng: Any,
        users: list[Record],
        opps: dict[str, list[str]],
    ) -> None:
        self.new = new
        self.next_step_id = next_id("ActionCadenceStepTracker")
        self.step_rows = rows("ActionCadenceStepTracker")
        self.rng = rng
        self.active_users = [u for u in users if u["IsActive"]]
        self.inactive_users = [u for u in users if not u["IsActive"]]
        self.opps_by_account = opps
        self.cadences: list[tuple[Record, list[Record]]] = []
        self._live: list[tuple[Record, list[Record]]] | None = None
        self._retired: list[tuple[Record, list[Record]]] = []

    # -- definitions ------------------------------------------------------------------------

    def cadence(
        self, name: str, state: str, kind: str, text: str, steps: list[tuple[str, str, int]]
    ) -> None:
        rng = self.rng
        created = EPOCH - timedelta(days=rng.randint(120, 700))
        owner = self.active_users[rng.randrange(len(self.active_users))]["Id"]
        cadence = self.new(
            "ActionCadence",
            created,
            Name=name,
            State=state,
            Type=kind,
            OwnerId=owner,
            Description=text,
            ActiveTargets=0,
            TotalSteps=len(steps),
            TotalTargets=0,
            ActivatedDate=None if state == "Draft" else sf_datetime(created + timedelta(days=2)),
        )
        records = []
        parent = None
        for i, (step_type, title, day) in enumerate(steps, start=1):
            step = self.new(
                "ActionCadenceStep",
                created,
                ActionCadenceId=cadence["Id"],
                StepTitle=title,
                Type=step_type,
                StepName=f"Step_{i:02d}",
                ParentStepName=parent,
                DayOffset=day,
                IsOrphan=False,
            )
            parent = step["StepName"]
            records.append(step)
            if step_type in ("SendAnEmail", "MakeACall") and rng.random() > 0.2:
                self._variants(name, step, created)
        self.cadences.append((cadence, records))

    def _variants(self, cadence: str, step: Record, created: datetime) -> None:
        email = step["Type"] == "SendAnEmail"
        for letter, share in zip("ABC", self.rng.choice(SPLITS), strict=False):
            title = f"{cadence}: {step['StepTitle']} ({letter})"
            template = self.new(
                "EmailTemplate",
                created,
                Name=title if email else f"Call script - {title}",
                DeveloperName="".join(c if c.isalnum() else "_" for c in title)[:80],
                Subject=step["StepTitle"] if email else None,
                TemplateType="html" if email else "text",
                FolderName="Sales Cadences" if email else "Call Scripts",
                IsActive=True,
                Description=f"Used by the '{step['StepTitle']}' step of {cadence}.",
            )
            self.new(
                "ActionCadenceStepVariant",
                created,
                ActionCadenceStepId=step["Id"],
                TemplateId=template["Id"],
                SplitPercentage=share,
                VariantStatus="Active",
                Name=f"Variant {letter}",
            )

    # -- trackers ---------------------------------------------------------------------------

    def enrol(self, target: Record, sobject: str) -> None:
        """Maybe put a target in a cadence (and sometimes give it an earlier, finished one)."""
        rng = self.rng
        if rng.random() > 0.55:
            return
        live, retired = self._pools()
        converted = sobject == "Lead" and target.get("IsConverted")
        if converted or (retired and rng.random() < 0.08):
            pool = retired or live
            cadence, steps = pool[int(rng.random() * len(pool))]
            self.tracker(target, cadence, steps, "Complete", "LeadConverted" if converted else None)
            return
        cadence, steps = live[int(rng.random() * len(live))]
        state = _STATE_TABLE[int(rng.random() * len(_STATE_TABLE))]
        if state != "Complete" and rng.random() < 0.1:
            older, older_steps = live[int(rng.random() * len(live))]
            if older is not cadence:
                self.tracker(target, older, older_steps, "Complete", None, age=200)
        self.tracker(target, cadence, steps, state, None)

    def _pools(self) -> tuple[list[tuple[Record, list[Record]]], list[tuple[Record, list[Record]]]]:
        if self._live is None:
            self._live = [c for c in self.cadences if c[0]["State"] == "Active"]
            self._retired = [c for c in self.cadences if c[0]["State"] == "Inactive"]
        return self._live, self._retired

    def tracker(
        self,
        target: Record,
        cadence: Record,
        steps: list[Record],
        state: str,
        reason: str | None,
        age: int = 0,
    ) -> None:
        """One tracker and its step trackers; times are whole seconds (see clock.stamp)."""
        rand = self.rng.random
        owners = self.active_users if rand() > 0.04 else self.inactive_users
        owner = target.get("OwnerId") if rand() < 0.7 else None
        owner = owner or owners[int(rand() * len(owners))]["Id"]
        last = len(steps) - 1
        if state == "Complete":
            reason = reason or _REASONS[int(rand() * len(_REASONS))]
            current = last + 1 if reason == "NoMoreSteps" else int(rand() * (last + 1))
            back = (steps[-1]["DayOffset"] + 3 + int(rand() * 88) + age) * DAY
        else:
            current = 0 if state == "Initializing" else int(rand() * (last + 1))
            back = steps[current]["DayOffset"] * DAY + int((0.2 + rand() * 3.8) * DAY)
        started = NOW - back
        tracker = self.new(
            "ActionCadenceTracker",
            stamp(started),
            None,
            ActionCadenceId=cadence["Id"],
            TargetId=target["Id"],
            OwnerId=owner,
            State=state,
            CompletionReason=None,
            CompletionDisposition=None,
            CurrentStepId=None,
            LastCompletedStepId=None,
            RelatedToId=None,
            RelatedToAttributionType=None,
            IsTrackerActive=state != "Complete",
            ScheduledResumeDateTime=None,
            ErrorMessage=None,
        )
        moment = started
        if state == "Initializing":
            steps = []
        rows, next_id = self.step_rows, self.next_step_id
        tracker_id, target_id = tracker["Id"], target["Id"]
        cadence_id, cadence_name = cadence["Id"], cadence["Name"]
        for i, step in enumerate(steps[: current + 1]):
            due = started + step["DayOffset"] * DAY + int(rand() * 6) * 3600
            why: str | None
            if i < current:  # the common case: an earlier step, done
                roll = rand()
                step_state, done = "Completed", True
                why = _DONE[0] if roll < 0.07 else _DONE[1] if roll < 0.2 else _DONE[2]
            else:
                step_state, done, why = self._step_state(state, step, reason)
            done_at = min(due + (1 + int(rand() * 20)) * 3600, NOW) if done else None
            moment = max(moment, done_at or min(due, NOW))
            due_text = stamp(due)
            created = due_text if due <= NOW else stamp(NOW)
            done_text = stamp(done_at) if done_at else None
            step_id = next_id()
            rows.append(
                (
                    step_id,
                    {
                        "Id": step_id,
                        "IsDeleted": False,
                        "CreatedDate": created,
                        "LastModifiedDate": done_text or created,
                        "ActionCadenceTrackerId": tracker_id,
                        "ActionCadenceId": cadence_id,
                        "ActionCadenceName": cadence_name,
                        "ActionCadenceStepId": step["Id"],
                        "StepTitle": step["StepTitle"],
                        "StepType": step["Type"],
                        "TargetId": target_id,
                        "State": step_state,
                        "CompletionReason": why,
                        "DueDateTime": due_text,
                        "CompletionDate": done_text,
                    },
                )
            )
            if step_state == "Completed":
                tracker["LastCompletedStepId"] = step_id
            elif state != "Complete":
                tracker["CurrentStepId"] = step_id
        self._finish(tracker, target, state, reason, moment)
        cadence["TotalTargets"] += 1
        cadence["ActiveTargets"] += 1 if state != "Complete" else 0

    def _step_state(
        self, state: str, step: Record, reason: str | None
    ) -> tuple[str, bool, str | None]:
        """The state of a tracker's current (or last reached) step."""
        if state == "Complete":
            return (
                ("Completed", True, "Completed")
                if reason == "NoMoreSteps"
                else ("Cancelled", False, "Cancelled")
            )
        if state == "Paused":
            return "Paused", False, None
        if state == "Error":
            return "Error", False, None
        if state == "Processing":
            return "InProgress", False, None
        kind = step["Type"]
        return (
            (
                "Scheduled"
                if kind == "Wait"
                else "Queued"
                if kind == "SendAnEmail" and self.rng.random() < 0.3
                else "Active"
            ),
            False,
            None,
        )

    def _finish(
        self, tracker: Record, target: Record, state: str, reason: str | None, moment: int
    ) -> None:
        rng = self.rng
        if state == "Complete":
            tracker["CompletionReason"] = reason
            if reason != "LeadConverted" and rng.random() < 0.6:
                tracker["CompletionDisposition"] = rng.choice(
                    (
                        "Success",
                        "Customer Engaged",
                        "Customer Connected",
                        "Contact Later",
                        "No Response",
                        "No Response",
                        "Not Interested",
                        "Disqualified",
                        "Bad Data",
                        "Duplicate",
                    )
                )
        elif state == "Paused" and rng.random() < 0.5:
            tracker["ScheduledResumeDateTime"] = stamp(NOW + (1 + int(rng.random() * 21)) * DAY)
        elif state == "Error":
            tracker["ErrorMessage"] = rng.choice(ERRORS)
        opps = self.opps_by_account.get(target.get("AccountId") or "", [])
        if opps and rng.random() < 0.3:
            tracker["RelatedToId"] = opps[rng.randrange(len(opps))]
            tracker["RelatedToAttributionType"] = rng.choice(("Activation", "Maturation"))
        tracker["LastModifiedDate"] = stamp(min(moment, NOW))
