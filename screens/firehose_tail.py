"""`FirehoseTail`: a live tail of Zendesk Sell's Firehose streams, newest event first.

One widget, used by the Firehose screen (F5) and the Firehose pane of the Zendesk Sell tab.
It reads `zendesk_sell.getStream` (resource, position, limit) for each chosen stream about
once a second while it is on screen and not paused, keeping each stream's position: from
`top` only new events arrive, from `tail` the history the vendor keeps comes first. A 410
(the position expired) starts that stream again from `tail`, with a notice. Any other error
pauses the tail and says why; `p` resumes. Empty reads are not journaled (`quiet=True`).

Rows: time (UTC), stream, event type, record id, the fields that changed (the keys of
`meta.previous`) and what the record is. Enter shows the event; `y` copies it as JSON.

| Key     | Fallback | Action                                       | Binding id          |
|---------|----------|----------------------------------------------|---------------------|
| p       |          | pause / resume                               | firehose.pause      |
| e       |          | event type: all, created, updated, deleted   | firehose.event_type |
| r       |          | choose the streams (resources) to tail       | firehose.streams    |
| t       |          | start again from tail (history) / top (new)  | firehose.start      |
| ctrl+r  | f9       | read now                                     | firehose.now        |
| /       | ctrl+f   | filter the shown events                      | firehose.filter     |
| y       | ctrl+y   | copy the event as JSON                       | firehose.copy       |
| c       |          | clear the shown events                       | firehose.clear      |
| enter   |          | the event: fields now and before             | record_table.select |
| escape  |          | close the filter                             | firehose.back       |
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Input, Static

from console.errors import ConsoleError, GoneError
from console.service.results import jsonable
from screens.workers import ReportsWorkerErrors
from widgets.browse_table import BrowseTable
from widgets.record_columns import Column
from widgets.record_messages import CountsChanged, RowSelected

ENDPOINT = "zendesk_sell.getStream"
DEFAULT_STREAMS = ("contacts", "deals", "leads", "notes", "tasks", "orders")
EVENT_TYPES = ("all", "created", "updated", "deleted")
POLL_SECONDS = 1.0
READ_LIMIT = 100  # events per read (the Firehose's maximum)
CATCH_UP_READS = 10  # reads of one stream per round while it is behind
MAX_EVENTS = 5000  # the oldest are dropped beyond this

Start = Literal["top", "tail"]


def short_time(value: Any) -> str:
    """`2026-11-02T09:07:00Z` (or a row's (time, arrival)) -> `11-02 09:07:00`."""
    text = str((value[0] if isinstance(value, tuple) else value) or "")
    return text[5:19].replace("T", " ") if len(text) >= 19 else text


def summary(data: dict[str, Any]) -> str:
    """A few words saying which record an event is about."""
    person = " ".join(str(data[k]) for k in ("first_name", "last_name") if data.get(k))
    for value in (data.get("name"), person, data.get("title"), data.get("content")):
        if value:
            return str(value)
    return f"deal {data['deal_id']}" if data.get("deal_id") else ""


def event_row(resource: str, event: dict[str, Any], arrival: int) -> dict[str, Any]:
    """A table row; `time` is (event time, arrival) so events of one second keep their order."""
    data = event.get("data") or {}
    meta = event.get("meta") or {}
    return {
        "key": meta.get("event_id") or f"{resource}:{arrival}",
        "time": (str(meta.get("event_time") or ""), arrival),
        "resource": resource,
        "event": meta.get("event_type") or "",
        "id": data.get("id"),
        "changed": ", ".join(sorted(meta.get("previous") or {})),
        "what": summary(data),
    }


COLUMNS = (
    Column("time", "Time (UTC)", width=14, formatter=short_time, sort_key=tuple),
    Column("resource", "Stream", max_width=12),
    Column("event", "Event", width=7),
    Column("id", "Id", max_width=10, align="right"),
    Column("changed", "Changed", max_width=34),
    Column("what", "Record", max_width=40),
)


class FirehoseTail(ReportsWorkerErrors, Vertical):
    help_group = "firehose"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "pause", "Pause", id="firehose.pause", tooltip="Pause or resume"),
        Binding("e", "event_type", "Type", id="firehose.event_type", tooltip="Event type"),
        Binding("r", "streams", "Streams", id="firehose.streams", tooltip="Which streams"),
        Binding("t", "restart", "Top/tail", id="firehose.start", tooltip="Start from tail/top"),
        Binding("ctrl+r,f9", "now", "Read now", show=False, id="firehose.now"),
        Binding("slash,ctrl+f", "filter", "Filter", id="firehose.filter"),
        Binding("y,ctrl+y", "copy", "Copy JSON", show=False, id="firehose.copy"),
        Binding("c", "clear", "Clear", show=False, id="firehose.clear"),
        Binding("escape", "back", "Back", show=False, id="firehose.back"),
    ]
    DEFAULT_CSS = """
    FirehoseTail { height: 1fr; }
    FirehoseTail #tail-title { height: 1; padding: 0 1; color: $text-muted; }
    FirehoseTail.paused #tail-title { color: $text-warning; text-style: bold; }
    FirehoseTail RecordTable { height: 1fr; }
    FirehoseTail #tail-filter { display: none; height: 3; }
    FirehoseTail.filtering #tail-filter { display: block; }
    """

    paused: reactive[bool] = reactive(False)
    """No reads while paused; each stream's position is kept, so resuming misses nothing."""

    event_type: reactive[str] = reactive("all")
    """Which events are shown: all, created, updated or deleted."""

    def __init__(self, *, start: Start = "top", streams: tuple[str, ...] = DEFAULT_STREAMS) -> None:
        super().__init__()
        self.start: Start = start
        self.streams: tuple[str, ...] = streams
        self.positions: dict[str, str] = {}
        self.behind: set[str] = set()
        self.events: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}  # key -> row, raw
        self.note = ""
        self._service: Any = None
        self._reading = False  # a round of reads is in flight (one at a time)
        self._again = False
        self._arrived = 0
        self._generation = 0  # bumped by a restart: reads still in flight are then dropped

    def compose(self) -> ComposeResult:
        yield Static("Firehose", id="tail-title")
        yield BrowseTable(COLUMNS, key="key", empty_text="No events yet · t: history / only new")
        yield Input(placeholder="filter the events (Esc closes)", id="tail-filter")

    @property
    def table(self) -> BrowseTable:
        return self.query_one(BrowseTable)

    def on_mount(self) -> None:
        self.table.sort_by("time", descending=True)
        self._retitle()
        self.set_interval(POLL_SECONDS, self.tick)
        self.call_after_refresh(self.tick)

    def shown(self) -> None:
        """Its tab came into view: read at once rather than on the next tick."""
        self.call_after_refresh(self.table.focus)
        self.call_after_refresh(self.tick)

    # -- reading --------------------------------------------------------------------------------

    @property
    def showing(self) -> bool:
        return self.is_mounted and self.screen.is_current and self.is_on_screen

    def tick(self) -> None:
        """About once a second (and at once when asked): one round of reads, if due."""
        if self._reading:
            self._again = True  # asked while reading: go again as soon as this round ends
            return
        if self.paused or not self.app.ready or not self.showing:
            return
        self._reading = True
        self.read_round()

    @work(group="firehose", exit_on_error=False)
    async def read_round(self) -> None:
        try:
            await self._read_round()
        finally:
            self._reading = False
        if self._again:
            self._again = False
            self.tick()

    async def _read_round(self) -> None:
        service = self.app.service
        if service is not self._service:  # a new session: positions of the old one are void
            self._service = service
            self._forget()
        generation = self._generation
        reads = await asyncio.gather(*(self._read(service, r, generation) for r in self.streams))
        if generation != self._generation:
            return  # restarted meanwhile: these events belong to the old start
        rows = [row for got in reads if isinstance(got, list) for row in got]
        errors = [got for got in reads if isinstance(got, ConsoleError)]
        if rows:
            self._add(rows)
        if errors:
            self.paused = True
            self.note = "paused after an error (p resumes)"
            self.app.report_error(errors[0], context="Firehose paused")
        self._retitle()

    async def _read(
        self, service: Any, resource: str, generation: int
    ) -> list[dict[str, Any]] | ConsoleError:
        rows: list[dict[str, Any]] = []
        for _ in range(CATCH_UP_READS):
            if generation != self._generation:
                break
            position = self.positions.get(resource, self.start)
            inputs = {"resource": resource, "position": position, "limit": READ_LIMIT}
            try:
                result = await service.call(ENDPOINT, inputs, quiet=True)
            except GoneError:
                if generation != self._generation:
                    break
                self.positions[resource] = "tail"
                self.app.notify(
                    f"Firehose {resource}: the position expired; reading again from the "
                    "oldest event kept.",
                    severity="warning",
                    timeout=6,
                )
                continue
            except ConsoleError as exc:
                return exc
            if generation != self._generation:
                break
            page = jsonable(result.data)
            self.positions[resource] = str(page.get("position") or position)
            for event in page.get("items") or []:
                self._arrived += 1
                rows.append(event_row(resource, event, self._arrived))
                rows[-1]["_raw"] = event
            if page.get("top") or not page.get("items"):
                self.behind.discard(resource)
                break
            self.behind.add(resource)
        return rows

    def _add(self, rows: list[dict[str, Any]]) -> None:
        follow = self.table.cursor_row == 0  # on the newest event: stay on the newest
        for row in rows:
            raw = row.pop("_raw")
            self.events[row["key"]] = (row, raw)
        self.table.add_rows(r for r in rows if self._visible(r))
        if follow:
            self.table.cursor_row = 0
        extra = len(self.events) - MAX_EVENTS
        if extra > 0:
            old = list(self.events)[:extra]
            for key in old:
                del self.events[key]
            self.table.remove_rows(old)

    def _visible(self, row: dict[str, Any]) -> bool:
        if row["resource"] not in self.streams:
            return False
        return self.event_type == "all" or row["event"] == self.event_type

    def _reshow(self) -> None:
        self.table.set_rows(row for row, _ in self.events.values() if self._visible(row))
        self._retitle()

    # -- the title line -------------------------------------------------------------------------

    @on(CountsChanged)
    def _counts(self) -> None:
        self._retitle()

    def _retitle(self) -> None:
        if not self.is_mounted:
            return
        if self.paused:
            state = self.note or "PAUSED (p resumes)"
        elif self.behind:
            state = "catching up…"
        else:
            state = "live"
        parts = [
            self.table.counts_label("Firehose"),
            state,
            f"from {self.start}",
            f"type: {self.event_type}",
            "streams: " + ", ".join(self.streams),
        ]
        self.query_one("#tail-title", Static).update(" · ".join(parts))

    def watch_paused(self, paused: bool) -> None:
        self.set_class(paused, "paused")
        if not paused:
            self.note = ""
            self.tick()
        self._retitle()

    def watch_event_type(self) -> None:
        if self.is_mounted:
            self._reshow()

    # -- actions --------------------------------------------------------------------------------

    def action_pause(self) -> None:
        self.paused = not self.paused

    def action_event_type(self) -> None:
        self.event_type = EVENT_TYPES[(EVENT_TYPES.index(self.event_type) + 1) % len(EVENT_TYPES)]

    def action_restart(self) -> None:
        """Forget every position and event; read again from the other starting point."""
        self.start = "tail" if self.start == "top" else "top"
        self._forget()
        self.events.clear()
        self.table.clear()
        self.tick()
        self._retitle()

    def _forget(self) -> None:
        """Every stream starts again from `start`; reads in flight are dropped."""
        self._generation += 1
        self.positions.clear()
        self.behind.clear()

    def action_now(self) -> None:
        self.tick()

    def action_clear(self) -> None:
        self.events.clear()
        self.table.clear()

    def action_streams(self) -> None:
        from screens.stream_picker import StreamPicker

        def chosen(streams: tuple[str, ...] | None) -> None:
            if streams:
                self.streams = streams
                self._reshow()
                self.tick()

        self.app.push_screen(StreamPicker(self.streams), chosen)

    def current_event(self) -> dict[str, Any] | None:
        key = self.table.cursor_key
        found = self.events.get(str(key)) if key is not None else None
        return found[1] if found else None

    def action_copy(self) -> None:
        event = self.current_event()
        if event is not None:
            self.app.copy_to_clipboard(json.dumps(event, indent=2, ensure_ascii=False))
            self.app.notify("Copied the event as JSON.", timeout=3)

    @on(RowSelected)
    def _open(self, event: RowSelected) -> None:
        from screens.record_modal import RecordModal

        found = self.events.get(str(event.key))
        if found is None:
            return
        row, raw = found
        meta = dict(raw.get("meta") or {})
        previous = meta.pop("previous", None) or {}
        self.app.push_screen(
            RecordModal(
                f"{row['resource']} {row['event']} · id {row['id']} · {short_time(row['time'])}",
                [("Changed (values before)", previous), ("Event", meta), ("Record", raw["data"])],
                copy_text=json.dumps(raw, indent=2, ensure_ascii=False),
                copy_what="the event as JSON",
            )
        )

    def action_filter(self) -> None:
        self.add_class("filtering")
        self.query_one("#tail-filter", Input).focus()

    @on(Input.Changed, "#tail-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.table.filter(event.value)

    @on(Input.Submitted, "#tail-filter")
    def _filtered(self) -> None:
        self.table.focus()

    def action_back(self) -> None:
        self.query_one("#tail-filter", Input).value = ""
        self.remove_class("filtering")
        self.table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":  # let Esc close the screen when there is no filter to close
            return self.has_class("filtering")
        return True
