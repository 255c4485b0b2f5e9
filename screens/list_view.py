"""A vendor list: its table, counts, instant filter, server filters, paging, detail and actions.

| Key      | Fallback | Action                                         | Binding id          |
|----------|----------|------------------------------------------------|---------------------|
| /        | ctrl+f   | filter the loaded rows instantly               | list.filter         |
| f        |          | server-side filters of the vendor              | list.server_filters |
| m        | f11      | load the next page                             | list.more           |
| M        | f12      | load every page (Esc stops)                    | list.all            |
| ctrl+r   | f9       | reload from the vendor                         | list.refresh        |
| y        | ctrl+y   | copy the record as JSON (OSC 52)               | list.copy           |
| enter    |          | open the detail pane                           | record_table.select |
| escape   |          | close the filter, the detail, or stop loading  | list.back           |
| (letter) |          | the list's actions (see its detail pane)       | <list id>.<action>  |

All I/O runs in workers; the table stays responsive while pages arrive.
"""

from __future__ import annotations

import json
from collections.abc import Hashable
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from screens.actions import ActionRunner
from screens.detail import DetailView
from screens.keys import yield_to_text_field
from screens.specs.base import ListSpec, Record
from screens.workers import ReportsWorkerErrors
from widgets.record_columns import Column
from widgets.record_messages import CountsChanged, RowHighlighted, RowSelected, RowsPainted
from widgets.record_table import RecordTable

NARROW = 110  # below this many columns the detail pane replaces the list when opened
DETAIL_DELAY = 0.06  # seconds the cursor rests before the detail pane follows it


class SelectionChanged(Message):
    """The highlighted record of a list changed (child lists follow their parent)."""

    def __init__(self, list_id: str, record: Record | None) -> None:
        super().__init__()
        self.list_id = list_id
        self.record = record


def list_view_for(spec: ListSpec) -> RecordListView:
    """A list view whose class carries the spec's action keys as real, remappable bindings."""
    bindings: list[BindingType] = []
    for action in spec.actions:
        keys = action.key + (f",{action.fallback_key}" if action.fallback_key else "")
        bindings.append(
            Binding(
                keys,
                f"act('{action.id}')",
                action.label,
                id=f"{spec.id}.{action.id}",
                tooltip=f"{action.label} ({action.endpoint})",
            )
        )
    name = "List_" + spec.id.replace(".", "_")
    cls = type(name, (RecordListView,), {"BINDINGS": bindings})
    view: RecordListView = cls(spec)
    return view


class RecordListView(ReportsWorkerErrors, Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority key: it runs before the keys typed after it are routed, so they land in
        # the filter even when they arrive together (a paste, a slow SSH link).
        Binding(
            "slash,ctrl+f",
            "filter",
            "Filter",
            id="list.filter",
            tooltip="Filter loaded rows",
            priority=True,
        ),
        Binding(
            "f",
            "server_filters",
            "Server filters",
            show=False,
            id="list.server_filters",
            priority=True,  # as "/": what is typed right behind it goes into the first filter
        ),
        Binding("m,f11", "load_more", "More", id="list.more", tooltip="Load the next page"),
        Binding("M,f12", "load_all", "All", show=False, id="list.all"),
        Binding("ctrl+r,f9", "refresh", "Reload", show=False, id="list.refresh"),
        Binding("y,ctrl+y", "copy", "Copy JSON", show=False, id="list.copy"),
        Binding("escape", "back", "Back", id="list.back", tooltip="Close the filter or detail"),
    ]

    DEFAULT_CSS = """
    RecordListView { height: 1fr; }
    RecordListView > #split { height: 1fr; }
    RecordListView .list-side { width: 1fr; height: 1fr; }
    RecordListView #list-title { height: 1; color: $text-muted; padding: 0 1; }
    RecordListView RecordTable { height: 1fr; }
    RecordListView #filter { display: none; height: 3; }
    RecordListView.filtering #filter { display: block; }
    RecordListView DetailView { width: 45%; min-width: 40; display: none; }
    RecordListView.wide DetailView { display: block; }
    RecordListView.zoomed DetailView { display: block; width: 1fr; }
    RecordListView.zoomed .list-side { display: none; }
    """

    def __init__(self, spec: ListSpec) -> None:
        super().__init__()
        self.spec = spec
        self.records: dict[Hashable, dict[str, Any]] = {}
        self.server_filters: dict[str, Any] = {}
        self.parent_record: Record | None = None
        self._pages: Any = None
        self._started = False
        self._exhausted = False
        self._total: int | None = None
        self._loading = ""
        self.cached = False  # showing remembered rows until the fresh page arrives
        self._pending: Hashable | None = None
        self._detail_timer: Timer | None = None
        self.runner = ActionRunner(self)

    def compose(self) -> ComposeResult:
        columns = [
            Column(
                c.key,
                c.label,
                width=c.width,
                min_width=c.min_width,
                max_width=c.max_width,
                align=c.align,
            )
            for c in self.spec.columns
        ]
        with Horizontal(id="split"):
            with Vertical(classes="list-side"):
                yield Static(self.spec.title, id="list-title")
                yield RecordTable(columns, key=self.spec.key, empty_text="Loading…", id="records")
            yield DetailView(self.spec)

    @property
    def help_group(self) -> str:
        """How the help screen names this list's keys."""
        return f"list: {self.spec.title}"

    def on_mount(self) -> None:
        self._fit(self.app.size.width)
        if not self.records and not getattr(self.app, "ready", True):
            self._show_remembered()  # in the first frame the list appears in

    def on_resize(self) -> None:
        self._fit(self.app.size.width)

    def _fit(self, width: int) -> None:
        self.set_class(width >= NARROW, "wide")

    # -- parts ----------------------------------------------------------------------------------

    @property
    def table(self) -> RecordTable:
        return self.query_one("#records", RecordTable)  # not the detail pane's related tables

    @property
    def detail(self) -> DetailView:
        return self.query_one(DetailView)

    def focus_table(self) -> None:
        self.table.focus()

    def current(self) -> dict[str, Any] | None:
        key = self.table.cursor_key
        return self.records.get(key) if key is not None else None

    def marked(self) -> list[dict[str, Any]]:
        return [self.records[k] for k in self.table.marked_keys() if k in self.records]

    # -- lifecycle ------------------------------------------------------------------------------

    def reset(self) -> None:
        """A new session: forget what was loaded; reload when next shown."""
        self._started = False
        self._pages = None
        if self.cached:
            return  # remembered rows stay on screen until the fresh page replaces them
        self.records.clear()
        if self.is_mounted:
            self.table.clear()

    def shown(self) -> None:
        app: Any = self.app
        # A journal list is read again each time it is shown: what this console did since
        # (a SuccessPlay run from the accounts list) belongs in it, and the read is local.
        if app.ready and (not self._started or self.spec.source == "journal"):
            self._started = True
            self.load(reset=True)
        elif not app.ready and not self.records:
            self._show_remembered()
        self.call_after_refresh(self.focus_table)

    def _show_remembered(self) -> None:
        app: Any = self.app
        if not app.cache_rows or self.spec.source != "endpoint" or self.spec.parent:
            return
        from screens import row_cache

        rows = row_cache.load(app.expected_profile, self.spec.id)
        if rows:
            self.cached = True
            self._add_records(rows)
            self._set_title()

    def _remember(self) -> None:
        app: Any = self.app
        if app.cache_rows and self.spec.source == "endpoint" and not self.spec.parent:
            from screens import row_cache

            row_cache.save(app.profile_name, self.spec.id, list(self.records.values()))

    def set_parent(self, record: Record | None) -> None:
        self.parent_record = record
        self._started = False
        if self.display and self.is_on_screen:
            self.shown()

    def read_only_changed(self) -> None:
        self.refresh_bindings()
        self.detail.refresh_actions()

    # -- loading --------------------------------------------------------------------------------

    def inputs(self) -> dict[str, Any]:
        data = dict(self.spec.inputs)
        if self.spec.parent_inputs is not None and self.parent_record is not None:
            data.update(self.spec.parent_inputs(self.parent_record))
        for flt in self.spec.filters:
            data.update(flt.inputs(self.server_filters.get(flt.field)))
        return data

    @property
    def settled(self) -> bool:
        """Nothing is loading and the detail pane has caught up (tests wait for this)."""
        busy = any(w.is_running for w in self.workers)
        return not busy and self._detail_timer is None and self.detail.settled

    def needs_parent(self) -> bool:
        return (
            self.spec.parent is not None
            and self.spec.parent_required
            and self.parent_record is None
        )

    @work(exclusive=True, group="load", exit_on_error=False)
    async def load(self, reset: bool = False, everything: bool = False) -> None:
        if self.needs_parent():
            self.table.clear()
            self._set_title(note="select a record in the parent list first")
            return
        service = self.app.service
        if self.spec.source == "journal":
            self._load_journal(service)
            return
        fresh = reset or self._pages is None
        if fresh:
            self._pages = service.iterate(self.spec.endpoint, self.inputs()).__aiter__()
            self._exhausted = False
            self._total = None
            if not self.cached:
                self.records.clear()
                self.table.clear()
        try:
            while not self._exhausted:
                self._loading = "loading…"
                self._set_title()
                try:
                    page = await self._pages.__anext__()
                except StopAsyncIteration:
                    self._exhausted = True
                    break
                if self.cached:  # the fresh first page replaces the remembered rows
                    self.cached = False
                    self.records.clear()
                    self.table.clear()
                self._add(page.items)
                if fresh:
                    fresh = False
                    self._remember()
                if page.total is not None:
                    self._total = page.total
                if page.next is None:
                    self._exhausted = True
                if not everything:
                    break
        except BaseException:
            self._pages = None  # a broken or cancelled iterator cannot be resumed
            raise
        finally:
            self._loading = ""
            self._set_title()
        if self.table.loaded and self.table.cursor_key is not None:
            self._highlighted(self.table.cursor_key)
        self.refresh_bindings()  # actions needing a record are enabled now

    def _load_journal(self, service: Any) -> None:
        """A list read from the journal (what this console did), newest first."""
        from dataclasses import asdict

        self.records.clear()
        self.table.clear()
        self._exhausted = True
        if service.journal is not None:
            entries = service.journal.tail(1000, endpoint_prefix=self.spec.endpoint)
            rows = [asdict(e) for e in reversed(entries)]
            if self.spec.annotate is not None:
                rows = [dict(self.spec.annotate(row, service.profile)) for row in rows]
            self._add(rows)
        self._set_title()

    def _row(self, record: dict[str, Any]) -> dict[str, Any]:
        row = {c.key: c.value(record) for c in self.spec.columns}
        row[self.spec.key] = record.get(self.spec.key)
        return row

    def _add(self, items: list[Any]) -> None:
        from console.service.results import jsonable

        self._add_records([jsonable(item) for item in items])

    def _add_records(self, records: list[dict[str, Any]]) -> None:
        """Plain JSON records (remembered rows are already: no pydantic before the first frame)."""
        for record in records:
            self.records[record.get(self.spec.key)] = record
        self.table.add_rows(self._row(r) for r in records)

    async def put_record(self, record: dict[str, Any]) -> None:
        """Show a changed record (after an action re-read it)."""
        key = record.get(self.spec.key)
        self.records[key] = record
        if not self.table.update_row(self._row(record)):
            self.table.add_rows([self._row(record)])
        if key == self.table.cursor_key:
            await self.detail.show_record(record)

    def drop_records(self, keys: list[Hashable]) -> None:
        for key in keys:
            self.records.pop(key, None)
        self.table.remove_rows(keys)
        self._set_title()

    def _set_title(self, note: str = "") -> None:
        if not self.is_mounted:
            return
        title = self.table.counts_label(self.spec.title, self._total)
        more = "" if self._exhausted else " · more: m, all: M"
        parts = [title + (more if self.table.loaded else "")]
        active = {k: v for k, v in self.server_filters.items() if v not in (None, "")}
        if active:
            parts.append("server filter: " + ", ".join(f"{k}={v}" for k, v in active.items()))
        if self.spec.parent and self.parent_record is not None:
            parts.append(f"for {self._parent_title()}")
        if self.cached:
            parts.append("cached · refreshing")
        elif self._loading:
            parts.append(self._loading)
        if note:
            parts.append(note)
        self.query_one("#list-title", Static).update(" · ".join(parts))
        self.table.empty_text = self._empty_text()

    def _empty_text(self) -> str:
        """What the table says while it holds no record."""
        if self.needs_parent():
            return "Select a record in the parent list first"
        if self._loading or not self._started:
            return "Loading…"
        return "No records" if self._exhausted else "Nothing loaded · m: try again"

    def _parent_title(self) -> str:
        record = self.parent_record or {}
        return str(record.get("Name") or record.get("name") or record.get("Id") or "")

    # -- events ---------------------------------------------------------------------------------

    # The detail pane's related-record tables post the same messages, and they bubble up
    # here: only this list's own table (#records) moves the detail pane (a related contact's
    # key would otherwise show the deal that happens to have the same id).

    @on(CountsChanged, "#records")
    def _counts(self, event: CountsChanged) -> None:
        self._set_title()

    @on(RowsPainted, "#records")
    def _rows_painted(self, event: RowsPainted) -> None:
        start = getattr(self.app, "start_session", None)  # the console app opens its session
        if self.cached and callable(start):
            start()

    @on(RowHighlighted, "#records")
    def _on_highlight(self, event: RowHighlighted) -> None:
        self._highlighted(event.key)

    def _highlighted(self, key: Hashable) -> None:
        """Follow the cursor with the detail pane, once the cursor rests (typing stays fast)."""
        self._pending = key
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, self._show_pending)

    async def _show_pending(self, *, force: bool = False) -> None:
        self._detail_timer = None
        record = self.records.get(self._pending) if self._pending is not None else None
        if record is None:
            return
        if force or self.has_class("wide") or self.has_class("zoomed"):
            await self.detail.show_record(record)
        else:
            self.detail.record = None  # shown (and built) only when the pane is opened
        self.refresh_bindings()
        self.post_message(SelectionChanged(self.spec.id, record))

    @on(RowSelected, "#records")
    async def _on_select(self, event: RowSelected) -> None:
        record = self.records.get(event.key)
        if record is None:
            return
        self._pending = event.key
        await self._show_pending(force=True)
        if not self.has_class("wide"):
            self.add_class("zoomed")
        self.detail.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.table.filter(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        self.focus_table()

    # -- actions --------------------------------------------------------------------------------

    async def action_filter(self) -> None:
        yield_to_text_field(self.app)
        if not self.query("#filter"):  # made on first use: most lists are never filtered
            filter_input = Input(placeholder="filter the loaded rows (Esc closes)", id="filter")
            await self.query_one(".list-side").mount(filter_input)
        self.add_class("filtering")
        # Focus now, not after a refresh (`focus()` waits), for the keys right behind "/".
        self.screen.set_focus(self.query_one("#filter", Input))

    def action_back(self) -> None:
        if self.has_class("zoomed"):
            self.remove_class("zoomed")
            self.focus_table()
        elif self.has_class("filtering"):
            self.query_one("#filter", Input).value = ""
            self.remove_class("filtering")
            self.focus_table()
        else:
            for worker in self.workers:
                if worker.group == "load" and worker.is_running:
                    worker.cancel()

    def action_load_more(self) -> None:
        if not self._exhausted:
            self.load()

    def action_load_all(self) -> None:
        if not self._exhausted:
            self.load(everything=True)

    def action_refresh(self) -> None:
        self._started = True
        self.load(reset=True)

    def action_server_filters(self) -> None:
        yield_to_text_field(self.app)
        if not self.spec.filters:
            self.app.notify(f"{self.spec.title}: the vendor offers no server-side filters here.")
            return
        from screens.server_filters import ServerFiltersScreen

        def applied(values: dict[str, Any] | None) -> None:
            if values is not None:
                self.server_filters = values
                self.action_refresh()

        self.app.push_screen(ServerFiltersScreen(self.spec, self.server_filters), applied)

    def action_copy(self) -> None:
        record = self.current()
        if record is None:
            return
        self.app.copy_to_clipboard(json.dumps(record, indent=2, ensure_ascii=False))
        self.app.notify(f"Copied {self.spec.title_of(record)} as JSON.", timeout=3)

    def action_act(self, action_id: str) -> None:
        self.runner.start(action_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "act" and parameters:
            return self.runner.allowed(str(parameters[0]))
        return True

    def selection_context(self, endpoint_id: str) -> dict[str, Any]:
        return self.runner.context_for(endpoint_id)
