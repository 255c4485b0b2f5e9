"""A value picked from the vendor's own list, or typed as is.

A Select (type a few letters to jump to a matching option) beside an Input that holds the value
actually sent. Choosing an option writes its value into the Input; typing a value the list
knows selects that option; typing any other value is kept as typed (a record the list did not
load, an id copied from elsewhere). The options arrive later (`set_options`), from a worker of
the screen that owns the form: this widget never calls a vendor.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Select

LOADING = "loading choices…"


class PickerEditor(Horizontal):
    DEFAULT_CSS = """
    PickerEditor { height: auto; width: 1fr; }
    PickerEditor > Select { width: 3fr; margin-right: 1; }
    PickerEditor > Input { width: 2fr; }
    """

    class Picked(Message):
        """An option was chosen (the Input now holds its value)."""

        def __init__(self, picker: PickerEditor, value: str) -> None:
            super().__init__()
            self.picker = picker
            self.value = value

        @property
        def control(self) -> PickerEditor:
            return self.picker

    def __init__(
        self, value: str = "", *, placeholder: str = "or type a value", input_type: str = "text"
    ) -> None:
        super().__init__()
        self._initial = value
        self._placeholder = placeholder
        self._input_type = input_type
        self.options: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield Select[str]([], prompt=LOADING, allow_blank=True, compact=True, type_to_search=True)
        yield Input(
            self._initial,
            placeholder=self._placeholder,
            compact=True,
            type=self._input_type,  # type: ignore[arg-type]
        )

    @property
    def select(self) -> Select[str]:
        return self.query_one(Select)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def text(self) -> str:
        return self.input.value

    def set_text(self, value: str) -> None:
        self.input.value = value

    def set_options(self, options: Sequence[tuple[str, str]], *, note: str = "") -> None:
        """Show the vendor's choices; the typed value stays, and is selected if listed."""
        self.options = list(options)
        select = self.select
        with self.prevent(Select.Changed):
            select.set_options(self.options)
        count = len(self.options)
        select.prompt = note or (f"choose one of {count}…" if count else "no choices: type a value")
        self._select_typed(self.input.value)

    def set_failed(self, reason: str) -> None:
        """The list could not be read: no stale choices stay; typing a value still works."""
        self.options = []
        with self.prevent(Select.Changed):
            self.select.set_options([])
        self.select.prompt = f"no choices: {reason}"

    def _select_typed(self, value: str) -> None:
        select = self.select
        wanted = value.strip()
        known = any(v == wanted for _, v in self.options)
        with select.prevent(Select.Changed):
            if known and select.value != wanted:
                select.value = wanted
            elif not known and not select.is_blank():
                select.clear()

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is Select.NULL:
            return
        value = str(event.value)
        if self.input.value != value:
            self.input.value = value
        self.post_message(self.Picked(self, value))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if self.options:
            self._select_typed(event.value)
