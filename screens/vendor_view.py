"""One vendor tab: its lists as sub-tabs, each built and loaded the first time it is shown.

Building every list of every vendor up front costs seconds of layout; only the visible
vendor's tabs exist until another vendor is opened, and only shown lists hold widgets.
A vendor may also have panes that are not lists (`VendorSpec.panes`, e.g. the Zendesk Sell
Firehose tail): each is made by its factory the first time its sub-tab is shown.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Container
from textual.widget import Widget

from screens.list_view import RecordListView, SelectionChanged, list_view_for
from screens.specs.base import ListSpec, PaneSpec, Record, VendorSpec
from screens.workers import ReportsWorkerErrors
from widgets.lazy_switcher import LazySwitcher
from widgets.tab_bar import TabBar


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
    """The vendor's lists (and panes) as sub-tabs: a tab bar, and a slot per tab, each made
    the first time its tab is shown."""

    DEFAULT_CSS = """
    ListTabs { height: 1fr; }
    ListTabs > LazySwitcher { height: 1fr; }
    """

    def __init__(self, vendor: VendorSpec, initial: str, *, eager: bool = False) -> None:
        super().__init__()
        self.vendor = vendor
        self.initial = initial
        self.eager = eager

    def compose(self) -> ComposeResult:
        tabs = [(s.id, s.title) for s in self.vendor.lists]
        tabs += [(p.id, p.title) for p in self.vendor.panes]
        yield TabBar(tabs, active=self.initial)
        with LazySwitcher(initial=pane_id(self.initial)):
            yield self._new_slot(self.initial, eager=self.eager)

    def _new_slot(self, tab_id: str, *, eager: bool = False) -> ListSlot | PaneSlot:
        panes = {p.id: p for p in self.vendor.panes}
        slot: ListSlot | PaneSlot
        if tab_id in panes:
            slot = PaneSlot(panes[tab_id])
        else:
            slot = ListSlot(next(s for s in self.vendor.lists if s.id == tab_id), eager=eager)
        slot.id = pane_id(tab_id)
        return slot

    @property
    def active(self) -> str:
        """The id of the list or pane whose tab is active."""
        return self.query_one(TabBar).active

    def activate(self, tab_id: str) -> None:
        self.query_one(TabBar).active = tab_id

    async def active_slot(self) -> ListSlot | PaneSlot:
        """The active tab's slot, made and mounted the first time, and shown."""
        tab = self.active
        slot = await self.query_one(LazySwitcher).show(pane_id(tab), lambda: self._new_slot(tab))
        assert isinstance(slot, ListSlot | PaneSlot)
        return slot

    def shown_slot(self) -> ListSlot | PaneSlot | None:
        """The slot on screen now (None while the active tab's is being made)."""
        switchers = self.query_children(LazySwitcher)
        slot = switchers.first().visible_content if switchers else None
        return slot if isinstance(slot, ListSlot | PaneSlot) else None


class VendorView(ReportsWorkerErrors, Widget):
    DEFAULT_CSS = """
    VendorView { height: 1fr; }
    """

    def __init__(
        self, vendor: VendorSpec, *, initial: str | None = None, eager: bool = False
    ) -> None:
        super().__init__()
        self.vendor = vendor
        ids = vendor.tab_ids
        self._initial = initial if initial in ids else ids[0]
        self._built = eager
        self._build_lock = asyncio.Lock()
        self._selection: dict[str, Record | None] = {}

    def compose(self) -> ComposeResult:
        if self._built:  # the vendor shown at start: its tabs and list are in the first frame
            yield ListTabs(self.vendor, self._initial, eager=True)

    async def build(self) -> None:
        """Make the list tabs (their lists still empty) the first time the vendor is shown."""
        async with self._build_lock:  # a second caller waits until they are mounted
            if not self._built:
                await self.mount(ListTabs(self.vendor, self._initial))
                self._built = True

    # -- which list is showing ----------------------------------------------------------------

    def lists(self) -> list[RecordListView]:
        return list(self.query(RecordListView))

    def active_slot(self) -> ListSlot | PaneSlot | None:
        """The slot on screen (None before the vendor is first shown)."""
        return self.query_one(ListTabs).shown_slot() if self._built else None

    def active_list(self) -> RecordListView | None:
        slot = self.active_slot()
        return slot.view if isinstance(slot, ListSlot) else None

    async def show_list(self, list_id: str) -> None:
        await self.build()
        self.query_one(ListTabs).activate(list_id)
        await self.open_active()

    async def cycle(self, step: int) -> None:
        await self.build()
        ids = self.vendor.tab_ids
        tabs = self.query_one(ListTabs)
        tabs.activate(ids[(ids.index(tabs.active) + step) % len(ids)])
        await self.open_active()

    async def activated(self) -> None:
        """The vendor tab came into view: build it, then show its current list."""
        await self.build()
        await self.open_active()

    async def open_active(self) -> None:
        if not self._built:
            return
        slot = await self.query_one(ListTabs).active_slot()
        if isinstance(slot, PaneSlot):
            await slot.show()
        else:
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

    @on(TabBar.Activated)
    async def _list_tab_activated(self, event: TabBar.Activated) -> None:
        event.stop()  # the vendor tabs above are another bar
        self.app.ui_state.lists[self.vendor.vendor] = self.query_one(ListTabs).active
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
