"""The bottom key line: the focused screen's shown bindings, as one line of text.

Textual's Footer rebuilds a widget per key whenever bindings change (every focus move),
which cost a large share of the console's start-up; this draws the same information as
one line and only repaints. Disabled keys (read-only mode, nothing selected) are dimmed;
the palette key stays at the right edge.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar { height: 1; dock: bottom; background: $panel; color: $foreground; }
    """

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--disabled"}

    DEFAULT_CSS += """
    KeyBar > .key-bar--key { color: $accent; text-style: bold; }
    KeyBar > .key-bar--disabled { color: $text-disabled; }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        off_style = self.get_component_rich_style("key-bar--disabled")
        app: Any = self.app
        seen: set[str] = set()
        line = Text(no_wrap=True, overflow="ellipsis")
        palette = None
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.action == "command_palette":
                palette = binding
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            key = app.get_key_display(binding)
            line.append(f" {key} ", off_style if not enabled else key_style)
            line.append(binding.description, off_style if not enabled else "")
        if palette is not None:
            tail = Text(f" {app.get_key_display(palette)} palette ", key_style)
            room = max(0, self.size.width - tail.cell_len)
            line.truncate(room, overflow="ellipsis", pad=True)
            line.append_text(tail)
        return line
