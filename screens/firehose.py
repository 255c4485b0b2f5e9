"""The Firehose screen (F5): the Zendesk Sell live tail on a screen of its own.

The same `FirehoseTail` widget also sits in the Zendesk Sell tab as its Firehose pane;
see `screens/firehose_tail.py` for its keys. This screen adds only a way out.

| Key    | Fallback | Action | Binding id             |
|--------|----------|--------|------------------------|
| escape | q        | close  | firehose_screen.close  |
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from screens.firehose_tail import FirehoseTail, Start
from widgets.key_bar import KeyBar


class FirehoseScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="firehose_screen.close"),
    ]

    def __init__(self, *, start: Start = "top") -> None:
        super().__init__()
        self.start: Start = start

    def compose(self) -> ComposeResult:
        yield FirehoseTail(start=self.start)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(FirehoseTail).shown()

    def action_close(self) -> None:
        self.dismiss(None)
