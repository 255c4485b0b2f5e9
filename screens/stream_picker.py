"""Choosing which Firehose streams (resources) the tail reads.

| Key    | Action                | Binding id            |
|--------|-----------------------|-----------------------|
| space  | tick / untick         |                       |
| a      | all / none            | streams.all           |
| enter  | apply                 | streams.apply         |
| escape | cancel                | streams.cancel        |
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from console.vendors.zendesk_sell.models import STREAM_RESOURCES


class StreamPicker(ModalScreen[tuple[str, ...] | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "apply", "Apply", id="streams.apply", priority=True),
        Binding("a", "all", "All/none", id="streams.all"),
        Binding("escape", "cancel", "Cancel", id="streams.cancel"),
    ]
    DEFAULT_CSS = """
    StreamPicker { align: center middle; }
    StreamPicker > Vertical {
        width: 50; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    StreamPicker #streams-hint { color: $text-muted; }
    StreamPicker SelectionList { height: auto; max-height: 16; }
    """

    def __init__(self, chosen: tuple[str, ...]) -> None:
        super().__init__()
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Firehose streams to tail")
            yield Static("space ticks · a all/none · Enter applies · Esc", id="streams-hint")
            yield SelectionList[str](*((r, r, r in self.chosen) for r in STREAM_RESOURCES))

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_all(self) -> None:
        picks = self.query_one(SelectionList)
        if len(picks.selected) == len(STREAM_RESOURCES):
            picks.deselect_all()
        else:
            picks.select_all()

    def action_apply(self) -> None:
        picked = self.query_one(SelectionList).selected
        if not picked:
            self.app.notify("Pick at least one stream.", severity="warning", timeout=3)
            return
        self.dismiss(tuple(r for r in STREAM_RESOURCES if r in picked))

    def action_cancel(self) -> None:
        self.dismiss(None)
