"""A checkbox for a yes/no input; tri-state (not set / yes / no) when the input is optional.

| Key             | Action                               | Binding id          |
|-----------------|--------------------------------------|---------------------|
| space           | next state (not set → yes → no → …)  | tri_state.cycle     |
| y               | yes                                  | tri_state.yes       |
| n               | no                                   | tri_state.no        |
| backspace / del | not set (tri-state only)             | tri_state.unset     |

With a `label` the box reads "[✓] required" rather than "[✓] yes".
"Not set" leaves the input out of the request, so the vendor keeps (or defaults) its value.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

_MARKS = {None: ("[ ]", "not set"), True: ("[✓]", "yes"), False: ("[✗]", "no")}
_TWO_STATE = {True: "[✓]", False: "[ ]"}


class TriStateCheckbox(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "cycle", "Toggle", id="tri_state.cycle", tooltip="Next state"),
        Binding("y", "set(True)", "Yes", show=False, id="tri_state.yes"),
        Binding("n", "set(False)", "No", show=False, id="tri_state.no"),
        Binding("backspace,delete", "unset", "Not set", show=False, id="tri_state.unset"),
    ]
    DEFAULT_CSS = """
    TriStateCheckbox { height: 1; width: auto; min-width: 12; padding: 0 1; background: $panel; }
    TriStateCheckbox:focus { background: $primary 40%; text-style: bold; }
    TriStateCheckbox.-yes { color: $success; }
    TriStateCheckbox.-no { color: $error; }
    TriStateCheckbox:disabled { color: $text-muted; }
    """

    value: reactive[bool | None] = reactive[bool | None](None)
    """True, False, or None for "not set" (only reachable when `tri` is True)."""

    class Changed(Message):
        """The value changed."""

        def __init__(self, checkbox: TriStateCheckbox, value: bool | None) -> None:
            super().__init__()
            self.checkbox = checkbox
            self.value = value

        @property
        def control(self) -> TriStateCheckbox:
            return self.checkbox

    def __init__(
        self,
        value: bool | None = None,
        *,
        tri: bool = True,
        label: str = "",
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(id=id, classes=classes, disabled=disabled)
        self.tri = tri
        self.label = label
        self.set_reactive(TriStateCheckbox.value, value if tri or value is not None else False)

    def render(self) -> Text:
        mark, word = _MARKS[self.value]
        if self.label:
            mark = mark if self.tri else _TWO_STATE[bool(self.value)]
            return Text(f"{mark} {self.label}")
        return Text(f"{mark} {word}")

    def watch_value(self, value: bool | None) -> None:
        self._paint()
        self.post_message(self.Changed(self, value))

    def on_mount(self) -> None:
        self._paint()

    def _paint(self) -> None:
        self.set_class(self.value is True, "-yes")
        self.set_class(self.value is False and self.tri, "-no")

    def action_cycle(self) -> None:
        if not self.tri:
            self.value = not self.value
        else:
            self.value = {None: True, True: False, False: None}[self.value]

    def action_set(self, value: bool) -> None:
        self.value = value

    def action_unset(self) -> None:
        if self.tri:
            self.value = None

    def on_click(self) -> None:
        self.action_cycle()
