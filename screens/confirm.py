"""Confirming an action. Destructive bulk actions ask for the count to be typed.

| Key    | Action  |
|--------|---------|
| enter  | confirm (when allowed) |
| escape | cancel  |
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="confirm.cancel"),
    ]
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 64; max-width: 95%; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    ConfirmScreen.destructive > Vertical { border: thick $error; }
    ConfirmScreen #question { text-style: bold; }
    ConfirmScreen #detail { color: $text-muted; }
    ConfirmScreen Horizontal { height: auto; margin-top: 1; }
    ConfirmScreen Button { margin-right: 2; }
    """

    def __init__(
        self,
        question: str,
        *,
        detail: str = "",
        destructive: bool = False,
        type_count: int | None = None,
    ) -> None:
        super().__init__(classes="destructive" if destructive else "")
        self.question = question
        self.detail = detail
        self.type_count = type_count

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="question")
            if self.detail:
                yield Static(self.detail, id="detail")
            if self.type_count is not None:
                yield Static(f"This cannot be undone. Type {self.type_count} to confirm.")
                yield Input(placeholder=str(self.type_count), id="count")
            with Horizontal():
                yield Button(
                    "Confirm",
                    variant="error" if self.has_class("destructive") else "primary",
                    id="yes",
                    disabled=self.type_count is not None,
                )
                yield Button("Cancel", id="no")

    def on_mount(self) -> None:
        if self.type_count is not None:
            self.query_one("#count", Input).focus()
        else:
            self.query_one("#yes", Button).focus()

    @on(Input.Changed, "#count")
    def _typed(self, event: Input.Changed) -> None:
        self.query_one("#yes", Button).disabled = event.value.strip() != str(self.type_count)

    @on(Input.Submitted, "#count")
    def _submitted(self, event: Input.Submitted) -> None:
        if event.value.strip() == str(self.type_count):
            self.dismiss(True)

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_cancel(self) -> None:
        self.dismiss(False)
