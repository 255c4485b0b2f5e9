"""The main screen: a banner, the four vendor tabs with their lists, and the footer.

| Key  | Fallback   | Action             | Binding id       |
|------|------------|--------------------|------------------|
| ]    | ctrl+right | next list          | main.next_list   |
| [    | ctrl+left  | previous list      | main.prev_list   |
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import TabbedContent, TabPane

from screens.app import ReadOnlyChanged, SessionReady
from screens.specs import list_spec, vendor_specs
from screens.vendor_view import VendorView, pane_id
from widgets.banner import Banner
from widgets.key_bar import KeyBar


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
        with TabbedContent(id="vendors", initial=state.vendor):
            for vendor in vendor_specs():
                with TabPane(vendor.title, id=vendor.vendor):
                    yield VendorView(
                        vendor,
                        initial=state.lists.get(vendor.vendor),
                        eager=vendor.vendor == state.vendor,
                    )
        yield KeyBar()

    def on_mount(self) -> None:
        self._update_banner()

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
        return self.query_one("#vendors", TabbedContent).active or "zendesk_sell"

    def show_vendor(self, vendor: str) -> None:
        self.query_one("#vendors", TabbedContent).active = vendor

    async def show_list(self, list_id: str) -> None:
        spec = list_spec(list_id)
        self.show_vendor(spec.vendor)
        await self.query_one(f"#{spec.vendor} VendorView", VendorView).show_list(list_id)

    async def action_cycle_list(self, step: int) -> None:
        await self.current_view().cycle(step)

    def current_view(self) -> VendorView:
        return self.query_one(f"#{self.vendor} VendorView", VendorView)

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.tabbed_content.id == "vendors" and event.pane.id:
            self.app.ui_state.vendor = event.pane.id  # type: ignore[attr-defined]
            await self.current_view().activated()

    def selection_context(self, endpoint_id: str) -> dict[str, Any]:
        """Prefill for an endpoint's form from the selected record (command palette)."""
        return self.current_view().selection_context(endpoint_id)


__all__ = ["MainScreen", "pane_id"]
