"""Vendor errors read the same wherever they show: a notification, a bulk item, a form."""

from __future__ import annotations

from typing import Any

from console.errors import VendorError
from screens.app import ConsoleApp, Launch
from screens.bulk import outcome_line

ERROR = VendorError(
    "Stage not in pipeline",
    vendor="zendesk_sell",
    status=422,
    code="invalid",
    field="stage_id",
    request_id="req-42",
)


def test_a_notification_names_code_field_and_request_id() -> None:
    app = ConsoleApp(Launch(remember=False))
    shown: list[tuple[str, dict[str, Any]]] = []
    app.notify = lambda message, **kw: shown.append((message, kw))  # type: ignore[method-assign]
    app.report_error(ERROR, context="Move stage")
    message, kw = shown[0]
    assert message.splitlines() == [
        "Stage not in pipeline",
        "code invalid  ·  zendesk_sell 422",
        "field stage_id",
        "request id req-42",
    ]
    assert kw["title"] == "Vendor error — Move stage"
    assert kw["severity"] == "error"


def test_a_failed_bulk_item_has_the_same_parts_on_one_line() -> None:
    row = {
        "n": 2,
        "record": "Acme deal",
        "outcome": "FAILED",
        "message": ERROR.message,
        "code": ERROR.code,
        "field": ERROR.field,
        "request_id": ERROR.request_id,
    }
    assert outcome_line(row) == (
        "#2 Acme deal: FAILED · Stage not in pipeline · code invalid · field stage_id"
        " · request id req-42"
    )
    assert outcome_line({**row, "outcome": "ok"}) == "#2 Acme deal: ok"
