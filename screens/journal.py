"""The journal screen (F3): the console's recent calls, newest first, from `service.journal`.

Each row is one call: time (UTC), profile, endpoint, outcome, HTTP status, latency, the
vendor's request id and the error. Inputs are stored redacted by the service; Enter shows
them with the whole error. `y` copies the request id to quote to a vendor (OSC 52).

| Key     | Fallback | Action                                          | Binding id         |
|---------|----------|-------------------------------------------------|--------------------|
| /       | ctrl+f   | filter the rows instantly                       | journal.filter     |
| o       |          | outcome: all, problems, error, partial, refused, ok | journal.outcome |
| O       |          | outcome, the other way round                    | journal.outcome_back |
| ctrl+r  | f9       | read the journal again                          | journal.refresh    |
| y       | ctrl+y   | copy the request id                             | journal.copy       |
| enter   |          | the call's redacted inputs and error            | record_table.select |
| escape  |          | close the filter, then the screen               | journal.back       |
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input, Static

from console.journal import Journal, JournalEntry
from screens.record_modal import RecordModal
from screens.workers import ReportsWorkerErrors
from widgets.browse_table import BrowseTable
from widgets.key_bar import KeyBar
from widgets.record_columns import Column
from widgets.record_messages import CountsChanged, RowSelected
from widgets.record_table import RecordTable

LIMIT = 1000  # newest calls read from the journal
OUTCOMES = ("all", "problems", "error", "partial", "refused", "ok")


def short_time(value: Any) -> str:
    """`2026-11-02T09:00:01.123+00:00` -> `11-02 09:00:01` (UTC, as journaled)."""
    text = str(value or "")
    return text[5:19].replace("T", " ") if len(text) >= 19 else text


def milliseconds(value: Any) -> str:
    return "" if value is None else f"{float(value):,.0f}"


COLUMNS = (  # at 80 columns: time, outcome, status, latency and endpoint are in view
    Column("time", "Time (UTC)", width=14, formatter=short_time),
    Column("outcome", "Outcome", width=8),
    Column("status", "HTTP", width=4, align="right"),
    Column("latency_ms", "ms", min_width=4, max_width=7, align="right", formatter=milliseconds),
    Column("endpoint", "Endpoint", max_width=40),
    Column("request_id", "Request id", max_width=36),
    Column("error", "Error", max_width=80),
    Column("profile", "Profile", max_width=12),
)


def entry_sections(entry: JournalEntry) -> list[tuple[str, Any]]:
    call = {
        "time": entry.time,
        "profile": entry.profile,
        "endpoint": entry.endpoint,
        "outcome": entry.outcome,
        "status": entry.status,
        "latency_ms": entry.latency_ms,
        "request_id": entry.request_id,
        "items": entry.items,
        "requests": entry.requests,
    }
    inputs = entry.inputs
    if isinstance(inputs, list):  # a batch: one input per item
        inputs = {f"#{n}": item for n, item in enumerate(inputs, start=1)}
    elif not isinstance(inputs, dict):
        inputs = {"inputs": inputs} if inputs is not None else {}
    return [("Call", call), ("Inputs (redacted)", inputs), ("Error", entry.error)]


class JournalScreen(ReportsWorkerErrors, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash,ctrl+f", "filter", "Filter", id="journal.filter"),
        Binding("o", "outcome(1)", "Outcome", id="journal.outcome", tooltip="Filter by outcome"),
        Binding("O", "outcome(-1)", "Outcome back", show=False, id="journal.outcome_back"),
        Binding("ctrl+r,f9", "refresh", "Reload", id="journal.refresh"),
        Binding("y,ctrl+y", "copy", "Copy id", id="journal.copy", tooltip="Copy the request id"),
        Binding("escape", "back", "Back", id="journal.back"),
    ]
    DEFAULT_CSS = """
    JournalScreen #journal-title { height: 1; padding: 0 1; background: $panel; }
    JournalScreen RecordTable { height: 1fr; }
    JournalScreen #journal-filter { display: none; height: 3; }
    JournalScreen.filtering #journal-filter { display: block; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.outcome = "all"
        self.entries: dict[int, JournalEntry] = {}

    def compose(self) -> ComposeResult:
        yield Static("Journal", id="journal-title")
        yield BrowseTable(COLUMNS, key="id", empty_text="No calls journaled yet.")
        yield Input(placeholder="filter the calls (Esc closes)", id="journal-filter")
        yield KeyBar()

    @property
    def table(self) -> RecordTable:
        return self.query_one(RecordTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.load()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.load()

    # -- reading --------------------------------------------------------------------------------

    def journal(self) -> Journal | None:
        app: Any = self.app
        return app.service.journal if app.ready else None

    @work(thread=True, exclusive=True, group="journal", exit_on_error=False)
    def load(self) -> None:
        journal = self.journal()
        if journal is None:
            self.app.call_from_thread(self._show, [], "no journal in this session")
            return
        wanted = self.outcome if self.outcome not in ("all", "problems") else None
        entries = journal.tail(LIMIT, outcome=wanted)
        if self.outcome == "problems":
            entries = [e for e in entries if e.outcome != "ok"]
        self.app.call_from_thread(self._show, list(reversed(entries)))

    def _show(self, entries: list[JournalEntry], note: str = "") -> None:
        self.entries = {e.id: e for e in entries if e.id is not None}
        keep = self.table.cursor_key
        self.table.set_rows(asdict(e) for e in entries)
        if keep is not None:
            self.table.move_cursor_to(keep)
        self._retitle(note)

    @on(CountsChanged)
    def _counts(self) -> None:
        self._retitle()

    def _retitle(self, note: str = "") -> None:
        parts = [self.table.counts_label("Journal"), f"outcome: {self.outcome}", "newest first"]
        if note:
            parts.append(note)
        self.query_one("#journal-title", Static).update(" · ".join(parts))

    # -- actions --------------------------------------------------------------------------------

    def current(self) -> JournalEntry | None:
        key = self.table.cursor_key
        return self.entries.get(key) if isinstance(key, int) else None

    @on(RowSelected)
    def _open(self, event: RowSelected) -> None:
        entry = self.entries.get(event.key) if isinstance(event.key, int) else None
        if entry is None:
            return
        self.app.push_screen(
            RecordModal(
                f"{entry.endpoint} · {entry.outcome} · {short_time(entry.time)} UTC",
                entry_sections(entry),
                copy_text=entry.request_id,
                copy_what="the request id",
            )
        )

    def action_outcome(self, step: int) -> None:
        self.outcome = OUTCOMES[(OUTCOMES.index(self.outcome) + step) % len(OUTCOMES)]
        self.load()

    def action_refresh(self) -> None:
        self.load()

    def action_copy(self) -> None:
        entry = self.current()
        if entry is None:
            return
        if not entry.request_id:
            self.app.notify("This call has no request id.", severity="warning", timeout=3)
            return
        self.app.copy_to_clipboard(entry.request_id)
        self.app.notify(f"Copied request id {entry.request_id}.", timeout=3)

    def action_filter(self) -> None:
        self.add_class("filtering")
        self.query_one("#journal-filter", Input).focus()

    @on(Input.Changed, "#journal-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.table.filter(event.value)

    @on(Input.Submitted, "#journal-filter")
    def _filtered(self) -> None:
        self.table.focus()

    def action_back(self) -> None:
        if self.has_class("filtering"):
            self.query_one("#journal-filter", Input).value = ""
            self.remove_class("filtering")
            self.table.focus()
        else:
            self.dismiss(None)
