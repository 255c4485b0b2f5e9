"""The per-item results of a bulk action: which record, ok or failed, and why.

| Key    | Action |
|--------|--------|
| f      | show only failures / everything |
| ↑ ↓    | the full outcome of the row under the cursor shows below the table |
| escape | close  |
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from console.errors import InputError, VendorError
from console.service.results import ItemResult
from screens.specs.base import ListSpec
from widgets.form_panels import error_lines
from widgets.record_columns import Column
from widgets.record_messages import RowHighlighted
from widgets.record_table import RecordTable

COLUMNS = [
    Column("n", "#", width=5, align="right"),
    Column("record", "Record", max_width=34),
    Column("outcome", "Outcome", width=8),
    Column("message", "Message", max_width=60),
    Column("code", "Code", max_width=24),
    Column("field", "Field", max_width=20),
    Column("request_id", "Request id", max_width=38),
]


def _field_of(error: Exception | None) -> str:
    if isinstance(error, VendorError):
        return error.field or ""
    if isinstance(error, InputError):
        return ", ".join(error.fields)
    return ""


def outcome_line(row: Mapping[str, Any]) -> str:
    """One row's whole outcome, for the line under the table (the columns cut long text)."""
    head = f"#{row['n']} {row['record']}: {row['outcome']}"
    if row["outcome"] == "ok":
        return head
    parts = error_lines(
        message=row["message"], code=row["code"], field=row["field"], request_id=row["request_id"]
    )
    return " · ".join([head, *parts])


def rows(
    spec: ListSpec, records: list[dict[str, Any]], items: list[ItemResult]
) -> list[dict[str, Any]]:
    out = []
    for n, (record, item) in enumerate(zip(records, items, strict=True), start=1):
        error = item.error
        out.append(
            {
                "n": n,
                "record": spec.title_of(record),
                "outcome": "ok" if item.ok else "FAILED",
                "message": "" if item.ok else (error.message if error else "failed"),
                "code": error.code if isinstance(error, VendorError) else "",
                "field": _field_of(error),
                "request_id": error.request_id if isinstance(error, VendorError) else "",
            }
        )
    return out


class BulkResultsScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="bulk.close"),
        Binding("f", "failures", "Failures only", id="bulk.failures"),
    ]
    DEFAULT_CSS = """
    BulkResultsScreen { align: center middle; }
    BulkResultsScreen > Vertical {
        width: 95%; height: 90%; border: thick $primary; background: $surface; padding: 0 1;
    }
    BulkResultsScreen #summary { text-style: bold; height: auto; }
    BulkResultsScreen RecordTable { height: 1fr; }
    BulkResultsScreen #outcome { height: auto; max-height: 4; border-top: solid $primary; }
    """

    def __init__(
        self, label: str, spec: ListSpec, records: list[dict[str, Any]], items: list[ItemResult]
    ) -> None:
        super().__init__()
        self.label = label
        self.rows = rows(spec, records, items)
        self.ok = sum(1 for i in items if i.ok)
        self.failed = len(items) - self.ok
        self._only_failures = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                f"{self.label}: {self.ok} done, {self.failed} failed of {len(self.rows)}",
                id="summary",
            )
            yield RecordTable(COLUMNS, key="n")
            yield Static("", id="outcome", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(RecordTable)
        table.set_rows(self.rows)
        table.focus()

    @on(RowHighlighted)
    def _show_outcome(self, event: RowHighlighted) -> None:
        if isinstance(event.row, Mapping):
            self.query_one("#outcome", Static).update(outcome_line(event.row))

    def action_failures(self) -> None:
        self._only_failures = not self._only_failures
        table = self.query_one(RecordTable)
        table.set_rows(
            [r for r in self.rows if r["outcome"] != "ok"] if self._only_failures else self.rows
        )

    def action_close(self) -> None:
        self.dismiss(None)
