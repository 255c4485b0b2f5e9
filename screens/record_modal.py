"""A read-only look at one record in sections (a journal entry, a Firehose event).

| Key         | Action                                   | Binding id    |
|-------------|------------------------------------------|---------------|
| y / ctrl+y  | copy (the request id, or the event JSON) | record.copy   |
| escape / q  | close                                    | record.close  |
| up / down   | scroll                                   |               |
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from widgets.key_values import KeyValues

Section = tuple[str, Mapping[str, Any] | str | None]


class RecordModal(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,ctrl+y", "copy", "Copy", id="record.copy"),
        Binding("escape,q", "close", "Close", id="record.close"),
    ]
    DEFAULT_CSS = """
    RecordModal { align: center middle; }
    RecordModal > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    RecordModal #record-title { text-style: bold; color: $text-primary; }
    RecordModal #record-hint { color: $text-muted; }
    RecordModal VerticalScroll { height: auto; max-height: 1fr; }
    RecordModal .section-title { margin-top: 1; text-style: bold; color: $text-accent; }
    RecordModal .section-text { color: $text-error; }
    """

    def __init__(
        self,
        title: str,
        sections: Sequence[Section],
        *,
        copy_text: str | None = None,
        copy_what: str = "",
    ) -> None:
        super().__init__()
        self.record_title = title
        self.sections = list(sections)
        self.copy_text = copy_text
        self.copy_what = copy_what

    def compose(self) -> ComposeResult:
        hint = "Esc closes" + (f" · y copies {self.copy_what}" if self.copy_text else "")
        with Vertical():
            yield Static(self.record_title, id="record-title")
            yield Static(hint, id="record-hint")
            with VerticalScroll(can_focus=True):
                for heading, body in self.sections:
                    yield Static(heading, classes="section-title")
                    if isinstance(body, Mapping):
                        values = KeyValues()
                        if body:
                            values.show(body)
                        else:
                            values.update("—")
                        yield values
                    else:
                        yield Static(body or "—", classes="section-text", markup=False)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "copy" and not self.copy_text:
            return None
        return True

    def action_copy(self) -> None:
        if self.copy_text:
            self.app.copy_to_clipboard(self.copy_text)
            self.app.notify(f"Copied {self.copy_what}.", timeout=3)

    def action_close(self) -> None:
        self.dismiss(None)
