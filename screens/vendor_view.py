"""One vendor tab: its lists as sub-tabs, each built and loaded the first time it is shown.

Building every list of every vendor up front costs seconds of layout; only the visible
vendor's tabs exist until another vendor is opened, and only shown lists hold widgets.
A vendor may also have panes that are not lists (`VendorSpec.panes`, e.g. the Zendesk Sell
Firehose tail): each is made by its factory the first time its sub-tab is shown.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual.app import ComposeResult
from textual.containers import Container
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane

from screens.list_view import RecordListView, SelectionChanged, list_view_for
from screens.specs.base import ListSpec, PaneSpec, Record, VendorSpec
from screens.workers import ReportsWorkerErrors


def pane_id(list_id: str) -> str:
    return list_id.replace(".", "--")


class ListSlot(Container):
    """Where a list goes once it is first shown."""

    DEFAULT_CSS = "ListSlot { height: 1fr; }"

    def __init__(self, spec: ListSpec, *, eager: bool = False) -> None:
        super().__init__(classes="vendor-slot")
        self.spec = spec
        self.view: RecordListView | None = list_view_for(spec) if eager else None
        self._lock = asyncio.Lock()

    def compose(self) -> ComposeResult:
        if self.view is not None:  # the list shown at start is part of the first frame
            yield self.view

    async def ensure(self, parent_record: Record | None) -> RecordListView:
        async with self._lock:  # a second caller waits until the list is fully mounted
            if self.view is None:
                view = list_view_for(self.spec)
                view.parent_record = parent_record
                await self.mount(view)
                self.view = view
        return self.view


class PaneSlot(Container):
    """Where a non-list pane goes once it is first shown."""

    DEFAULT_CSS = "PaneSlot { height: 1fr; }"

    def __init__(self, spec: PaneSpec) -> None:
        super().__init__(classes="vendor-slot")
        self.spec = spec
        self.pane: Widget | None = None
        self._lock = asyncio.Lock()

    async def show(self) -> None:
        async with self._lock:
            if self.pane is None:
                pane = self.spec.factory()
                await self.mount(pane)
                self.pane = pane
        shown = getattr(self.pane, "shown", None)
        if callable(shown):
            shown()


class ListTabs(Widget):
    """The vendor's lists as sub-tabs (each holding a not-yet-built ListSlot)."""

    DEFAULT_CSS = """
    ListTabs { height: 1fr; }
    ListTabs > TabbedContent { height: 1fr; }
    """

    def __init__(self, vendor: VendorSpec, initial: str, *, eager: bool = False) -> None:
        super().__init__()
        self.vendor = vendor
        self.initial = initial
        self.eager = eager

    def compose(self) -> ComposeResult:
        with TabbedContent(initial=pane_id(self.initial)):
            for spec in self.vendor.lists:
                with TabPane(spec.title, id=pane_id(spec.id)):
                    yield ListSlot(spec, eager=self.eager and spec.id == self.initial)
            for pane in self.vendor.panes:
                with TabPane(pane.title, id=pane_id(pane.id)):
                    yield PaneSlot(pane)


class VendorView(ReportsWorkerErrors, Widget):
    DEFAULT_CSS = """
    VendorView { height: 1fr; }
    VendorView > TabbedContent { height: 1fr; }
    """

    def __init__(
        self, vendor: VendorSpec, *, initial: str | None = None, eager: bool = False
    ) -> None:
        super().__init__()
        self.vendor = vendor
        ids = vendor.tab_ids
        self._initial = initial if initial in ids else ids[0]
        self._built = eager
        self._selection: dict[str, Record | None] = {}

    def compose(self) -> ComposeResult:
        if self._built:  # the vendor shown at start: its tabs and list are in the first frame
            yield ListTabs(self.vendor, self._initial, eager=True)

    async def build(self) -> None:
        """Make the list tabs (their lists still empty) the first time the vendor is shown."""
        if self._built:
            return
        self._built = True
        await self.mount(ListTabs(self.vendor, self._initial))

    # -- which list is showing ----------------------------------------------------------------

    def lists(self) -> list[RecordListView]:
        return list(self.query(RecordListView))

    def active_slot(self) -> ListSlot | PaneSlot | None:
        if not self._built:
            return None
        active = self.query_one(TabbedContent).active
        return _slot_in(self.query_one(f"#{active}", TabPane)) if active else None

    def active_list(self) -> RecordListView | None:
        slot = self.active_slot()
        return slot.view if isinstance(slot, ListSlot) else None

    async def show_list(self, list_id: str) -> None:
        await self.build()
        self.query_one(TabbedContent).active = pane_id(list_id)
        await self.open_active()

    async def cycle(self, step: int) -> None:
        await self.build()
        ids = [pane_id(i) for i in self.vendor.tab_ids]
        tabs = self.query_one(TabbedContent)
        index = ids.index(tabs.active) if tabs.active in ids else 0
        tabs.active = ids[(index + step) % len(ids)]
        await self.open_active()

    async def activated(self) -> None:
        """The vendor tab came into view: build it, then show its current list."""
        await self.build()
        await self.open_active()

    async def open_active(self) -> None:
        slot = self.active_slot()
        if isinstance(slot, PaneSlot):
            await slot.show()
        elif slot is not None:
            view = await slot.ensure(self._selection.get(slot.spec.parent or ""))
            view.shown()

    def session_ready(self) -> None:
        for view in self.lists():
            view.reset()
        if self._is_visible_tab():
            self.run_worker(self.activated(), group="open", exit_on_error=False)

    def read_only_changed(self) -> None:
        for view in self.lists():
            view.read_only_changed()

    def _is_visible_tab(self) -> bool:
        screen: Any = self.screen
        return getattr(screen, "vendor", None) == self.vendor.vendor

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        slot = _slot_in(event.pane)
        self.app.ui_state.lists[self.vendor.vendor] = slot.spec.id
        if self._is_visible_tab():
            await self.open_active()

    def on_selection_changed(self, message: SelectionChanged) -> None:
        self._selection[message.list_id] = message.record
        for view in self.lists():
            if view.spec.parent == message.list_id:
                view.set_parent(message.record)

    def selection_context(self, endpoint_id: str) -> dict[str, Any]:
        view = self.active_list()
        return view.selection_context(endpoint_id) if view is not None else {}


def _slot_in(pane: Widget) -> ListSlot | PaneSlot:
    slot = pane.query_one(".vendor-slot")
    assert isinstance(slot, ListSlot | PaneSlot)
    return slot
