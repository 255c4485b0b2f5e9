"""The detail pane: the selected record's fields, its related records, and its action buttons.

Buttons carry the same keys as the list (shown on each button); related records load in a
worker a moment after the selection settles, so scrolling a list never floods the vendor.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Button, Static

from screens.specs.base import ListSpec, Record, Related
from screens.workers import ReportsWorkerErrors
from widgets.key_values import KeyValues
from widgets.record_columns import Column
from widgets.record_table import RecordTable

RELATED_DELAY = 0.35  # seconds the selection must rest before related records load


class RelatedSection(Vertical):
    DEFAULT_CSS = """
    RelatedSection { height: auto; margin-top: 1; }
    RelatedSection > .related-title { color: $text-accent; text-style: bold; }
    RelatedSection RecordTable { height: auto; max-height: 8; }
    """

    def __init__(self, related: Related) -> None:
        super().__init__()
        self.related = related

    def compose(self) -> ComposeResult:
        yield Static(self.related.title, classes="related-title")
        columns = [
            Column(c.key, c.label, width=c.width, max_width=c.max_width)
            for c in self.related.columns
        ]
        yield RecordTable(columns, key=self.related.key, empty_text="none")

    def show(self, records: list[dict[str, Any]], note: str = "") -> None:
        table = self.query_one(RecordTable)
        table.set_rows(
            {
                **{c.key: c.value(r) for c in self.related.columns},
                self.related.key: r.get(self.related.key),
            }
            for r in records
        )
        title = f"{self.related.title} ({len(records)})" + (f" · {note}" if note else "")
        self.query_one(".related-title", Static).update(title)


class DetailView(ReportsWorkerErrors, VerticalScroll, can_focus=True):
    DEFAULT_CSS = """
    DetailView { border-left: tall $panel; padding: 0 1; background: $surface; }
    DetailView > #detail-heading { text-style: bold; color: $text-primary; }
    DetailView > #detail-actions { height: auto; margin: 1 0; }
    DetailView > #detail-actions Button { min-width: 8; height: 1; border: none; margin-right: 1; }
    DetailView > #detail-empty { color: $text-muted; }
    """

    def __init__(self, spec: ListSpec) -> None:
        super().__init__()
        self.spec = spec
        self.record: dict[str, Any] | None = None
        self._timer: Timer | None = None
        self._built = False
        self._building = asyncio.Lock()

    def compose(self) -> ComposeResult:
        yield Static("", id="detail-heading")
        yield Static("Nothing selected.", id="detail-empty")

    async def _build(self) -> None:
        """The buttons, fields and related sections, made when the first record is shown."""
        buttons = [
            Button(f"[b]{a.key}[/b] {a.label}", id=f"act-{a.id}", compact=True)
            for a in self.spec.actions
        ]
        await self.mount(
            Horizontal(*buttons, id="detail-actions"),
            KeyValues(hidden=self.spec.hidden_fields),
            *(RelatedSection(related) for related in self.spec.related),
        )
        self._built = True

    async def show_record(self, record: dict[str, Any]) -> None:
        async with self._building:  # a second caller waits for the first build to finish
            if not self._built:
                await self._build()
        if not self.is_attached or not self.query(KeyValues):
            return  # the pane is being taken down (the app is closing)
        same = self.record is not None and self.record.get(self.spec.key) == record.get(
            self.spec.key
        )
        self.record = record
        self.query_one("#detail-heading", Static).update(self.spec.title_of(record))
        self.query_one("#detail-empty", Static).display = False
        self.query_one(KeyValues).show(record)
        self.refresh_actions()
        if not same:
            self.reload_related()

    @property
    def settled(self) -> bool:
        """No related-records load is waiting to start (tests wait for this)."""
        return self._timer is None

    def reload_related(self) -> None:
        if not self.spec.related or self.record is None:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(RELATED_DELAY, self._load_related)

    def _load_related(self) -> None:
        self._timer = None
        if self.record is not None:
            self.load_related(dict(self.record))

    @work(exclusive=True, group="related", exit_on_error=False)
    async def load_related(self, record: Record) -> None:
        from console.service.results import jsonable

        for section in self.query(RelatedSection):
            inputs = section.related.inputs(record)
            if inputs is None:
                section.show([], note="not available")
                continue
            section.show([], note="loading…")
            result = await self.app.call(section.related.endpoint, inputs)
            data = jsonable(result.data)
            rows = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
            more = "" if result.next is None else "more in the vendor"
            section.show([r for r in rows if isinstance(r, dict)], note=more)

    def refresh_actions(self) -> None:
        if not self._built:
            return
        view: Any = self.parent.parent if self.parent else None
        runner = getattr(view, "runner", None)
        for action in self.spec.actions:
            button = self.query_one(f"#act-{action.id}", Button)
            allowed = runner.allowed(action.id) if runner is not None else True
            button.disabled = not allowed

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("act-"):
            event.stop()
            view: Any = self.parent.parent if self.parent else None
            if view is not None:
                view.action_act(event.button.id.removeprefix("act-"))
