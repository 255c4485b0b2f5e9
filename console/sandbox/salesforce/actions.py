"""The eight High Velocity Sales invocable actions at `actions/standard/{name}`.

GET lists and describes them; POST runs one batch: `{"inputs": [...]}` in, one result element
per input out, in order. Inputs are checked (required, ids, picklists, date-times) before the
cadence rules run; a failing input fails alone unless the org disallows partial save, in
which case every input is rolled back. HTTP 200 when any input succeeded, else the
`all_fail_status` setting (400) with the same array.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from console.sandbox.salesforce.cadence_rules import ActionFailure, Rules
from console.sandbox.salesforce.clock import parse_datetime
from console.sandbox.salesforce.org import Org
from console.sandbox.salesforce.schema import DISPOSITIONS
from console.sandbox.salesforce.settings import Live
from console.sandbox.salesforce.wire import BadBody, Ctx, json_object, not_found, sf_error
from console.vendors.salesforce.ids import is_valid

ROLLED_BACK = (
    "Record rolled back because not all records were valid and the request was "
    "using AllOrNone header"
)


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    label: str
    type: str  # STRING ID PICKLIST DATETIME JSON
    description: str
    required: bool = False
    picklist: tuple[str, ...] = ()

    def describe(self) -> dict[str, Any]:
        return {
            "byteLength": 0,
            "description": self.description,
            "label": self.label,
            "maxOccurs": 1,
            "name": self.name,
            "required": self.required,
            "sobjectType": None,
            "type": self.type,
            "picklistValues": [
                {"active": True, "defaultValue": False, "label": v, "validFor": None, "value": v}
                for v in self.picklist
            ]
            or None,
        }


@dataclass(frozen=True, slots=True)
class Spec:
    name: str
    label: str
    since: int
    description: str
    inputs: tuple[Param, ...]
    run: Callable[[Rules, dict[str, Any]], dict[str, Any] | None]
    outputs: tuple[Param, ...] = ()


TARGET = Param(
    "targetId", "Target ID", "ID", "The ID of the lead, contact, or person account.", True
)
USER = Param("userId", "User ID", "ID", "The ID of the user designated as the target assignee.")
RELATED = Param(
    "relatedToId", "Related Record ID", "ID", "The ID of the target's related opportunity."
)
ATTRIBUTION = Param(
    "relatedToAttributionType",
    "Related Record Attribution Type",
    "PICKLIST",
    "The attribution type of the related opportunity.",
    picklist=("Activation", "Maturation", "Collected"),
)
DISPOSITION = Param(
    "completionDisposition",
    "Completion Disposition",
    "PICKLIST",
    "The disposition of the completed sales cadence tracker.",
    picklist=DISPOSITIONS,
)
TRACKER = Param(
    "actionCadenceTrackerId",
    "Sales Cadence Tracker ID",
    "ID",
    "The ID of the sales cadence tracker.",
)

SPECS: dict[str, Spec] = {
    s.name: s
    for s in (
        Spec(
            "assignTargetToSalesCadence",
            "Assign Target To Sales Cadence",
            45,
            "Assign a target to a sales cadence.",
            (
                Param(
                    "salesCadenceNameOrId",
                    "Sales Cadence Name or ID",
                    "STRING",
                    "The name or ID of the sales cadence.",
                    True,
                ),
                TARGET,
                USER,
                RELATED,
                Param(
                    "startStepNameOrId",
                    "Start Step Name or ID",
                    "STRING",
                    "The step where the target starts.",
                ),
            ),
            lambda r, v: r.assign(v),
        ),
        Spec(
            "removeTargetFromSalesCadence",
            "Remove Target From Sales Cadence",
            45,
            "Remove a target from a sales cadence.",
            (
                Param(
                    "targetId", "Target ID", "ID", "The ID of the lead, contact, or person account."
                ),
                TRACKER,
                Param(
                    "completionReasonCode",
                    "Completion Reason Code",
                    "PICKLIST",
                    "How the target completed the sales cadence.",
                    True,
                    ("ManuallyRemoved",),
                ),
                DISPOSITION,
                RELATED,
                ATTRIBUTION,
            ),
            lambda r, v: r.remove(v),
        ),
        Spec(
            "pauseSalesCadenceTracker",
            "Pause Sales Cadence Tracker",
            50,
            "Pause a target in its sales cadence.",
            (
                TARGET,
                Param("resumeTime", "Resume Time", "DATETIME", "When the sales cadence resumes."),
            ),
            lambda r, v: r.pause(v),
        ),
        Spec(
            "resumeSalesCadenceTracker",
            "Resume Sales Cadence Tracker",
            50,
            "Resume a target in its sales cadence.",
            (TARGET,),
            lambda r, v: r.resume(v),
        ),
        Spec(
            "changeSalesCadenceTargetAssignee",
            "Change Sales Cadence Target Assignee",
            50,
            "Change the assignee of a target in a sales cadence.",
            (TARGET, USER),
            lambda r, v: r.change_assignee(v),
        ),
        Spec(
            "modifyCadenceTrackerAttributes",
            "Modify Cadence Tracker Attributes",
            51,
            "Modify the attributes of a sales cadence tracker.",
            (
                Param(TRACKER.name, TRACKER.label, "ID", TRACKER.description, True),
                DISPOSITION,
                RELATED,
                ATTRIBUTION,
            ),
            lambda r, v: r.modify(v),
        ),
        Spec(
            "sendSalesCadenceEvent",
            "Send Sales Cadence Event",
            52,
            "Send an event to a sales cadence, such as skipping or manually completing a step.",
            (
                Param(
                    "recordId", "Record ID", "ID", "The ID of the sales cadence step tracker.", True
                ),
                Param(
                    "eventType",
                    "Event Type",
                    "PICKLIST",
                    "The type of event to send.",
                    True,
                    ("Skip", "Manual Complete", "ManualComplete"),
                ),
            ),
            lambda r, v: r.send_event(v),
        ),
        Spec(
            "selectTemplateForSalesCadenceStepTracker",
            "Select Template For Sales Cadence Step Tracker",
            53,
            "Retrieve the email template or call script to use for a step.",
            (
                Param(
                    "stepTrackerId",
                    "Step Tracker ID",
                    "ID",
                    "The ID of the sales cadence step tracker.",
                    True,
                ),
            ),
            lambda r, v: r.select_template(v),
            (
                Param("output", "Output", "JSON", "The template or call script ID and its split."),
                Param("error", "Error", "STRING", "The error message when the action fails."),
            ),
        ),
    )
}


def check(spec: Spec, item: Any) -> dict[str, Any]:
    """The input's values, or ActionFailure naming the first problem."""
    if not isinstance(item, dict):
        raise ActionFailure("Each input must be a JSON object.", "INVALID_API_INPUT")
    known = {p.name: p for p in spec.inputs}
    for key in item:
        if key not in known:
            raise ActionFailure(f"Unknown input parameter: {key}", "INVALID_API_INPUT", (key,))
    for param in spec.inputs:
        value = item.get(param.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if param.required:
                raise ActionFailure(
                    f"Missing required input parameter: {param.name}",
                    "REQUIRED_FIELD_MISSING",
                    (param.name,),
                )
            continue
        text = str(value).strip()
        if param.type == "ID" and not is_valid(text):
            raise ActionFailure(
                f"{param.label}: id value of incorrect type: {text}", "MALFORMED_ID", (param.name,)
            )
        if param.type == "PICKLIST" and text not in param.picklist:
            raise ActionFailure(
                f"{param.label}: bad value for restricted picklist field: {text}",
                "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                (param.name,),
            )
        if param.type == "DATETIME":
            try:
                parse_datetime(text)
            except ValueError:
                raise ActionFailure(
                    f"{param.label}: value not of required type: {text}",
                    "INVALID_TYPE_ON_FIELD_IN_RECORD",
                    (param.name,),
                ) from None
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in item.items()}


def _element(
    name: str, outputs: dict[str, Any] | None, failure: ActionFailure | None
) -> dict[str, Any]:
    if failure is None:
        return {"actionName": name, "errors": None, "isSuccess": True, "outputValues": outputs}
    return {
        "actionName": name,
        "errors": [
            {"statusCode": failure.code, "message": failure.message, "fields": failure.fields}
        ],
        "isSuccess": False,
        "outputValues": {"error": failure.message},
    }


class ActionsApi:
    def __init__(self, org: Org, settings: Live) -> None:
        self.org = org
        self.settings = settings

    def _spec(self, ctx: Ctx, name: str) -> Spec | None:
        spec = SPECS.get(name)
        return spec if spec is not None and spec.since <= ctx.number else None

    async def listing(self, ctx: Ctx, request: Request) -> Response:
        base = f"/services/data/v{ctx.version}/actions/standard"
        return JSONResponse(
            {
                "actions": [
                    {
                        "label": s.label,
                        "name": s.name,
                        "type": s.name.upper(),
                        "url": f"{base}/{s.name}",
                    }
                    for s in SPECS.values()
                    if s.since <= ctx.number
                ]
            }
        )

    async def describe(self, ctx: Ctx, request: Request, name: str) -> Response:
        spec = self._spec(ctx, name)
        if spec is None:
            return not_found()
        return JSONResponse(
            {
                "description": spec.description,
                "label": spec.label,
                "name": spec.name,
                "type": spec.name.upper(),
                "standard": True,
                "targetEntityName": None,
                "inputs": [p.describe() for p in spec.inputs],
                "outputs": [p.describe() for p in spec.outputs],
            }
        )

    async def invoke(self, ctx: Ctx, request: Request, name: str) -> Response:
        spec = self._spec(ctx, name)
        if spec is None:
            return not_found()
        try:
            body = await json_object(request)
        except BadBody as exc:
            return sf_error(400, "JSON_PARSER_ERROR", str(exc))
        inputs = body.get("inputs")
        if not isinstance(inputs, list) or not inputs:
            return sf_error(
                400,
                "INVALID_INPUT",
                "Provide the action's inputs as a non-empty JSON array named inputs.",
            )
        limit = self.settings().max_batch_inputs
        if len(inputs) > limit:
            return sf_error(
                400,
                "LIMIT_EXCEEDED",
                f"The request has {len(inputs)} inputs, but the maximum is {limit}.",
            )
        results = self._run(spec, ctx, inputs)
        ok = any(r["isSuccess"] for r in results)
        return JSONResponse(results, status_code=200 if ok else self.settings().all_fail_status)

    def _run(self, spec: Spec, ctx: Ctx, inputs: list[Any]) -> list[dict[str, Any]]:
        rules = Rules(self.org, ctx.user_id)
        results: list[tuple[dict[str, Any] | None, ActionFailure | None]] = []
        with self.org.transaction():
            for item in inputs:
                mark = self.org.savepoint()
                try:
                    results.append((spec.run(rules, check(spec, item)), None))
                except ActionFailure as failure:
                    self.org.rollback(mark)  # an input changes everything or nothing
                    results.append((None, failure))
            if not self.settings().partial_save and any(f for _, f in results):
                self.org.rollback()
                rolled = ActionFailure(ROLLED_BACK, "ALL_OR_NONE_OPERATION_ROLLED_BACK")
                results = [(None, f or rolled) for _, f in results]
        return [_element(spec.name, out, failure) for out, failure in results]
