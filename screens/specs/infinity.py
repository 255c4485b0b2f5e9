"""Infinity lists: sfButtons and call ratings of an IGRP, and the IGRPs themselves."""

from __future__ import annotations

from typing import Any

from screens.specs.base import Action, Col, Filter, ListSpec, Record, VendorSpec, editable

PAGE = {"limit": 100}


def _params(r: Record) -> int:
    params = r.get("actionParams")
    return len(params) if isinstance(params, (list, dict)) else 0


def _igrp(r: Record) -> dict[str, Any]:
    return {"igrp": str(r["igrp"])}


BUTTONS = ListSpec(
    id="infinity.buttons",
    vendor="infinity",
    title="sfButtons",
    endpoint="infinity.listSfButtons",
    key="sfButtonId",
    inputs=PAGE,
    parent="infinity.igrps",
    parent_inputs=_igrp,
    parent_required=False,
    columns=(
        Col("sfButtonId", "Id", max_width=6, align="right"),
        Col("buttonAction", "Action", max_width=10),
        Col("buttonLabel", "Label", max_width=26),
        Col("callRating", "Call rating", max_width=26),
        Col("isDefaultButton", "Default", width=7),
        Col("params", "Params", get=_params, width=6, align="right"),
    ),
    filters=(
        Filter(
            "buttonAction",
            "Action",
            choices=("prompt", "rateCall", "logCall", "createLead"),
            build=lambda v: {"filter": [f"buttonAction-eq-{v}"]},
        ),
        Filter(
            "callRating", "Call rating (exact)", build=lambda v: {"filter": [f"callRating-eq-{v}"]}
        ),
    ),
    get_endpoint="infinity.getSfButton",
    get_key="sfButtonId",
    actions=(
        Action("new", "New button", "n", "infinity.createSfButton", needs_record=False),
        Action(
            "edit",
            "Edit",
            "e",
            "infinity.updateSfButton",
            editable("infinity.updateSfButton", key="sfButtonId", path_key="sfButtonId"),
        ),
        Action(
            "delete",
            "Delete",
            "d",
            "infinity.deleteSfButton",
            lambda r: {"sfButtonId": r["sfButtonId"]},
            form=False,
            bulk=True,
            refresh="remove",
        ),
    ),
    heading=lambda r: f"{r.get('buttonLabel')} ({r.get('buttonAction')} on {r.get('callRating')})",
)

RATINGS = ListSpec(
    id="infinity.ratings",
    vendor="infinity",
    title="Call ratings",
    endpoint="infinity.listCallRatings",
    key="callRatingItemId",
    inputs=PAGE,
    parent="infinity.igrps",
    parent_inputs=_igrp,
    parent_required=False,
    columns=(
        Col("callRatingItemId", "Id", max_width=6, align="right"),
        Col("callRating", "Call rating", max_width=30),
        Col(
            "isUsed", "Used", width=5, get=lambda r: "yes" if str(r.get("isUsed")) == "1" else "no"
        ),
    ),
    filters=(
        Filter(
            "isUsed",
            "Used by a button",
            choices=("no", "yes"),
            build=lambda v: {"filter": [f"isUsed-eq-{1 if v == 'yes' else 0}"]},
        ),
    ),
    actions=(
        Action(
            "button",
            "Create button",
            "b",
            "infinity.createSfButton",
            lambda r: {"callRating": r.get("callRating")},
            refresh="list",
        ),
    ),
    heading=lambda r: str(r.get("callRating") or r.get("callRatingItemId")),
)

IGRPS = ListSpec(
    id="infinity.igrps",
    vendor="infinity",
    title="IGRPs",
    endpoint="infinity.listIgrps",
    key="igrp",
    inputs=PAGE,
    columns=(
        Col("igrp", "IGRP", max_width=8),
        Col("name", "Installation", max_width=30),
        Col("sfOrgRef", "Salesforce org", max_width=20),
    ),
    heading=lambda r: f"IGRP {r.get('igrp')}: {r.get('name')}",
)

VENDOR = VendorSpec("infinity", "Infinity", (BUTTONS, RATINGS, IGRPS))
