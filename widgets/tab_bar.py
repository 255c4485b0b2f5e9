"""A one-line row of tabs in a single widget.

Textual's TabbedContent builds about a dozen widgets for its tab row (containers, a widget
per tab, an underline) and a pane per tab; the vendor tabs and each vendor's list tabs were
nearly half the widgets of the first frame, and start-up time grows with the widget count.
This bar draws every label itself, on one line, with the active one highlighted; the panes
go in a LazySwitcher, made when first shown. It is not focusable: the number keys, `[`
and `]` and the palette switch tabs, and a click on a label does too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

GAP = 2  # cells between two labels


class TabBar(Widget):
    DEFAULT_CSS = """
    TabBar { height: 1; width: 1fr; background: $panel; padding: 0 0 0 1; }
    TabBar > .tab-bar--tab { color: $foreground-muted; }
    TabBar > .tab-bar--active { background: $primary; color: auto 90%; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"tab-bar--tab", "tab-bar--active"}

    active: reactive[str] = reactive("", init=False)

    class Activated(Message):
        """The active tab changed (by a click or by setting `active`)."""

        def __init__(self, tab_bar: TabBar, tab_id: str) -> None:
            super().__init__()
            self.tab_bar = tab_bar
            self.tab_id = tab_id

        @property
        def control(self) -> TabBar:
            return self.tab_bar

    def __init__(
        self, tabs: Sequence[tuple[str, str]], *, active: str, id: str | None = None
    ) -> None:
        """`tabs`: (tab id, label) pairs in order; `active`: the id shown at first."""
        super().__init__(id=id)
        self.tabs = list(tabs)
        self.set_reactive(TabBar.active, active if active in self.ids else self.tabs[0][0])

    @property
    def ids(self) -> list[str]:
        return [tab_id for tab_id, _ in self.tabs]

    def validate_active(self, tab_id: str) -> str:
        if tab_id not in self.ids:
            raise ValueError(f"no tab {tab_id!r}")
        return tab_id

    def watch_active(self, tab_id: str) -> None:
        self.post_message(self.Activated(self, tab_id))

    def render(self) -> Text:
        plain = self.get_component_rich_style("tab-bar--tab")
        bright = self.get_component_rich_style("tab-bar--active")
        text = Text(no_wrap=True, overflow="ellipsis")
        for i, (tab_id, label) in enumerate(self.tabs):
            if i:
                text.append(" " * GAP)
            text.append(f" {label} ", style=bright if tab_id == self.active else plain)
        return text

    def tab_at(self, x: int) -> str | None:
        """The tab whose label covers column `x` of the content region."""
        start = 0
        for tab_id, label in self.tabs:
            end = start + len(label) + 2
            if start <= x < end:
                return tab_id
            start = end + GAP
        return None

    def on_click(self, event: events.Click) -> None:
        tab_id = self.tab_at(event.x - self.styles.padding.left)
        if tab_id is not None:
            self.active = tab_id
