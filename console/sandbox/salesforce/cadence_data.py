"""Seeded sales cadences: definitions, steps, template variants, and trackers in every state.

Each target (contact, lead, person account) has about even odds of being in a cadence. A
tracker's step trackers follow from its state: the steps before its current one Completed
(a few skipped or done by hand), the current one Active, Scheduled, Paused, InProgress or in
Error, and for finished trackers either every step done (NoMoreSteps) or the rest cancelled.
Call scripts are stored as text EmailTemplate records (the cadence API only hands out ids).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import timedelta
from math import floor
from typing import Any

from console.sandbox.common.draws import picker
from console.sandbox.common.fakedata import EPOCH
from console.sandbox.salesforce.cadence_catalog import CADENCES as CADENCES
from console.sandbox.salesforce.cadence_catalog import (
    DISPOSITIONS,
    ERRORS,
    SPLITS,
    STATE_WEIGHTS,
    TRACKER_FIELDS,
)
from console.sandbox.salesforce.clock import sf_datetime, stamp

Record = dict[str, Any]
NewRecord = Callable[..., Record]

DAY = 86400
NOW = int(EPOCH.timestamp())
_DONE = ("Skipped", "ManuallyCompleted", "Completed")
_STATE_TABLE = tuple(state for state, weight in STATE_WEIGHTS for _ in range(weight))
_REASONS = ("NoMoreSteps", "NoMoreSteps", "ManuallyRemoved", "AutomaticallyExited")
_NOW_TEXT = stamp(NOW)
_NOT_ALNUM = re.compile(r"\W")  # \w is str.isalnum() plus "_", so this spares only "_"


class CadenceBuilder:
    """Builds cadences and their trackers with the generator's `new` and seeded `rng`."""

    def __init__(
        self,
        new: NewRecord,
        next_id: Callable[[str], Callable[[], str]],
        rows: Callable[[str], list[tuple[str, Record]]],
        rng: random.Random,
        users: list[Record],
        opps: dict[str, list[str]],
    ) -> None:
        self.new = new
        self.next_tracker_id = next_id("ActionCadenceTracker")
        self.tracker_rows = rows("ActionCadenceTracker")
        self.next_step_id = next_id("ActionCadenceStepTracker")
        self.step_rows = rows("ActionCadenceStepTracker")
        self.rng = rng
        # rng.choice over these, only faster (the same picks; see common/draws.py)
        self._disposition = picker(rng, DISPOSITIONS)
        self._error = picker(rng, ERRORS)
        self._attribution = picker(rng, ("Activation", "Maturation"))
        # Per cadence id: its steps as (day offset in seconds, id, title, type).
        self._plans: dict[str, list[tuple[int, str, str, str]]] = {}
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
        moment = EPOCH - timedelta(days=rng.randint(120, 700))
        created = sf_datetime(moment)  # formatted once for the cadence and all its records
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
            ActivatedDate=None if state == "Draft" else sf_datetime(moment + timedelta(days=2)),
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
        self._plans[cadence["Id"]] = [
            (s["DayOffset"] * DAY, s["Id"], s["StepTitle"], s["Type"]) for s in records
        ]

    def _variants(self, cadence: str, step: Record, created: str) -> None:
        email = step["Type"] == "SendAnEmail"
        for letter, share in zip("ABC", self.rng.choice(SPLITS), strict=False):
            title = f"{cadence}: {step['StepTitle']} ({letter})"
            template = self.new(
                "EmailTemplate",
                created,
                Name=title if email else f"Call script - {title}",
                DeveloperName=_NOT_ALNUM.sub("_", title)[:80],
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
        """One tracker and its step trackers; times are whole seconds (see clock.stamp).

        The hottest loop of the generator at scale: everything is bound to locals, and the
        records are built directly (the same fields, in the same order, as `new` would).
        """
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
        days, times = stamp.days, stamp.times
        made = days[started // DAY] + times[started % DAY]
        tracker_id, target_id = self.next_tracker_id(), target["Id"]
        cadence_id, cadence_name = cadence["Id"], cadence["Name"]
        tracker = TRACKER_FIELDS.copy()  # cheaper than a 17-key literal; the key order is new()'s
        tracker["Id"] = tracker_id
        tracker["CreatedDate"] = tracker["LastModifiedDate"] = made
        tracker["ActionCadenceId"] = cadence_id
        tracker["TargetId"] = target_id
        tracker["OwnerId"] = owner
        tracker["State"] = state
        tracker["IsTrackerActive"] = state != "Complete"
        self.tracker_rows.append((tracker_id, tracker))
        moment = started
        plan = [] if state == "Initializing" else self._plans[cadence_id][: current + 1]
        rows, next_id = self.step_rows, self.next_step_id
        ident = ""
        for offset, step_id, title, kind in plan[:current]:  # the steps before: all done
            due = started + offset + floor(rand() * 6) * 3600
            roll = rand()
            why = _DONE[0] if roll < 0.07 else _DONE[1] if roll < 0.2 else _DONE[2]
            done_at = min(due + (1 + floor(rand() * 20)) * 3600, NOW)
            if done_at > moment:
                moment = done_at
            done_text = days[done_at // DAY] + times[done_at % DAY]
            due_text = days[due // DAY] + times[due % DAY]
            ident = next_id()
            rows.append(
                (
                    ident,
                    {
                        "Id": ident,
                        "IsDeleted": False,
                        "CreatedDate": due_text if due <= NOW else _NOW_TEXT,
                        "LastModifiedDate": done_text,
                        "ActionCadenceTrackerId": tracker_id,
                        "ActionCadenceId": cadence_id,
                        "ActionCadenceName": cadence_name,
                        "ActionCadenceStepId": step_id,
                        "StepTitle": title,
                        "StepType": kind,
                        "TargetId": target_id,
                        "State": "Completed",
                        "CompletionReason": why,
                        "DueDateTime": due_text,
                        "CompletionDate": done_text,
                    },
                )
            )
        if ident:
            tracker["LastCompletedStepId"] = ident
        if current < len(plan):  # the step the tracker is at (or stopped at)
            at = (started, moment)
            moment = self._current_step(tracker, cadence_name, plan[current], at, state, reason)
        self._finish(tracker, target, state, reason, moment)
        cadence["TotalTargets"] += 1
        cadence["ActiveTargets"] += 1 if state != "Complete" else 0

    def _current_step(
        self,
        tracker: Record,
        cadence_name: str,
        step: tuple[int, str, str, str],
        at: tuple[int, int],
        state: str,
        reason: str | None,
    ) -> int:
        """The step tracker of the step a tracker is at (or stopped at). `at` is when the
        tracker started and its latest moment so far; returns the latest moment after."""
        rand = self.rng.random
        offset, step_id, title, kind = step
        started, moment = at
        due = started + offset + floor(rand() * 6) * 3600
        step_state, done, why = self._step_state(state, kind, reason)
        done_text: str | None = None
        if done:
            done_at = min(due + (1 + floor(rand() * 20)) * 3600, NOW)
            moment = max(moment, done_at)
            done_text = stamp(done_at)
        else:
            moment = max(moment, min(due, NOW))
        due_text = stamp(due)
        created = due_text if due <= NOW else _NOW_TEXT
        ident = self.next_step_id()
        self.step_rows.append(
            (
                ident,
                {
                    "Id": ident,
                    "IsDeleted": False,
                    "CreatedDate": created,
                    "LastModifiedDate": done_text or created,
                    "ActionCadenceTrackerId": tracker["Id"],
                    "ActionCadenceId": tracker["ActionCadenceId"],
                    "ActionCadenceName": cadence_name,
                    "ActionCadenceStepId": step_id,
                    "StepTitle": title,
                    "StepType": kind,
                    "TargetId": tracker["TargetId"],
                    "State": step_state,
                    "CompletionReason": why,
                    "DueDateTime": due_text,
                    "CompletionDate": done_text,
                },
            )
        )
        if step_state == "Completed":
            tracker["LastCompletedStepId"] = ident
        elif state != "Complete":
            tracker["CurrentStepId"] = ident
        return moment

    def _step_state(
        self, state: str, kind: str, reason: str | None
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
                tracker["CompletionDisposition"] = self._disposition()
        elif state == "Paused" and rng.random() < 0.5:
            tracker["ScheduledResumeDateTime"] = stamp(NOW + (1 + int(rng.random() * 21)) * DAY)
        elif state == "Error":
            tracker["ErrorMessage"] = self._error()
        opps = self.opps_by_account.get(target.get("AccountId") or "", [])
        if opps and rng.random() < 0.3:
            tracker["RelatedToId"] = opps[rng.randrange(len(opps))]
            tracker["RelatedToAttributionType"] = self._attribution()
        tracker["LastModifiedDate"] = stamp(min(moment, NOW))
