"""The main screen: a banner, the four vendor tabs with their lists, and the footer.

| Key  | Fallback   | Action             | Binding id       |
|------|------------|--------------------|------------------|
| ]    | ctrl+right | next list          | main.next_list   |
| [    | ctrl+left  | previous list      | main.prev_list   |
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from screens.app import ReadOnlyChanged, SessionReady
from screens.specs import VendorSpec, list_spec, vendor_spec, vendor_specs
from screens.vendor_view import VendorView, pane_id
from widgets.banner import Banner
from widgets.key_bar import KeyBar
from widgets.lazy_switcher import LazySwitcher
from widgets.tab_bar import TabBar


class MainScreen(Screen[None]):
    # The list shown at start is composed with the screen: focus its table at once rather
    # than the vendor tabs first and the table a frame later (two restyles and repaints).
    AUTO_FOCUS = "RecordTable"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "right_square_bracket,ctrl+right",
            "cycle_list(1)",
            "Next list",
            id="main.next_list",
            show=False,
        ),
        Binding(
            "left_square_bracket,ctrl+left",
            "cycle_list(-1)",
            "Prev list",
            id="main.prev_list",
            show=False,
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Banner(id="banner")
        state = self.app.ui_state  # type: ignore[attr-defined]
        vendors = {v.vendor: v for v in vendor_specs()}
        shown = state.vendor if state.vendor in vendors else "zendesk_sell"
        yield TabBar([(v.vendor, v.title) for v in vendors.values()], active=shown, id="vendors")
        # Only the vendor shown at start is built; the others when first opened.
        with LazySwitcher(id="vendor-views", initial=shown):
            yield self._new_view(vendors[shown], eager=True)
        yield KeyBar()

    def _new_view(self, vendor: VendorSpec, *, eager: bool = False) -> VendorView:
        state = self.app.ui_state  # type: ignore[attr-defined]
        view = VendorView(vendor, initial=state.lists.get(vendor.vendor), eager=eager)
        view.id = vendor.vendor
        return view

    def on_mount(self) -> None:
        self._update_banner()
        self.call_after_refresh(self._first_frame_shown)

    def _first_frame_shown(self) -> None:
        """Open the session now, unless the list shows remembered rows not painted yet: then
        the list opens it when they are (RecordListView, on RowsPainted)."""
        view = self.current_view().active_list()
        if view is None or not view.cached or view.table.rows_painted:
            self.app.start_session()  # type: ignore[attr-defined]

    def _update_banner(self) -> None:
        app: Any = self.app
        self.query_one(Banner).show(
            sandbox=app.on_sandbox,
            read_only=app.read_only,
            profile=app.profile_name,
            opening=not app.ready,
        )

    def on_session_ready(self, message: SessionReady) -> None:
        self._update_banner()
        for view in self.query(VendorView):
            view.session_ready()

    def on_read_only_changed(self, message: ReadOnlyChanged) -> None:
        self._update_banner()
        self.refresh_bindings()
        for view in self.query(VendorView):
            view.read_only_changed()

    # -- navigation -----------------------------------------------------------------------------

    @property
    def vendor(self) -> str:
        return self.query_one("#vendors", TabBar).active

    def show_vendor(self, vendor: str) -> None:
        self.query_one("#vendors", TabBar).active = vendor

    async def show_list(self, list_id: str) -> None:
        spec = list_spec(list_id)
        self.show_vendor(spec.vendor)
        await (await self._view(spec.vendor)).show_list(list_id)

    async def action_cycle_list(self, step: int) -> None:
        await self.current_view().cycle(step)

    def current_view(self) -> VendorView:
        """The vendor view on screen (a tab just clicked shows once its view is mounted)."""
        view = self.query_one("#vendor-views", LazySwitcher).visible_content
        assert isinstance(view, VendorView)
        return view

    async def _view(self, vendor: str) -> VendorView:
        """The vendor's view, made and mounted the first time, and shown."""
        switcher = self.query_one("#vendor-views", LazySwitcher)
        view = await switcher.show(vendor, lambda: self._new_view(vendor_spec(vendor)))
        assert isinstance(view, VendorView)
        return view

    @on(TabBar.Activated, "#vendors")
    async def _vendor_activated(self, event: TabBar.Activated) -> None:
        self.app.ui_state.vendor = event.tab_id  # type: ignore[attr-defined]
        await (await self._view(event.tab_id)).activated()

    def selection_context(self, endpoint_id: str) -> dict[str, Any]:
        """Prefill for an endpoint's form from the selected record (command palette)."""
        return self.current_view().selection_context(endpoint_id)


__all__ = ["MainScreen", "pane_id"]
