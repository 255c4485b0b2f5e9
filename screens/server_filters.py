"""The vendor-side filters of a list (email, state, stage, owner...): set, apply, clear.

| Key    | Action |
|--------|--------|
| enter  | apply (in a text field, or on Apply) |
| ctrl+s, f6 | apply (from anywhere, e.g. a choice list) |
| ctrl+x | clear every filter |
| escape | cancel |
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from screens.specs.base import Filter, ListSpec


class ServerFiltersScreen(ModalScreen[dict[str, Any] | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="filters.cancel"),
        Binding("ctrl+x", "clear", "Clear all", id="filters.clear"),
        Binding("ctrl+s,f6", "apply", "Apply", id="filters.apply"),
    ]
    DEFAULT_CSS = """
    ServerFiltersScreen { align: center middle; }
    ServerFiltersScreen > Vertical {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    ServerFiltersScreen #title { margin-bottom: 1; text-style: bold; }
    ServerFiltersScreen .filter { height: auto; margin-bottom: 1; }
    ServerFiltersScreen .filter Label { width: 29; padding-right: 1; }
    ServerFiltersScreen .filter Input, ServerFiltersScreen .filter Select { width: 1fr; }
    ServerFiltersScreen #buttons { height: auto; }
    ServerFiltersScreen Button { margin-right: 2; }
    ServerFiltersScreen #keys { color: $text-muted; }
    """

    def __init__(self, spec: ListSpec, current: dict[str, Any]) -> None:
        super().__init__()
        self.spec = spec
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"{self.spec.title}: filters the vendor applies", id="title")
            for n, flt in enumerate(self.spec.filters):
                with Horizontal(classes="filter"):
                    yield Label(flt.label)
                    yield self._editor(n, flt)
            with Horizontal(id="buttons"):
                yield Button("Apply", variant="primary", id="apply")
                yield Button("Clear all", id="clear")
            yield Static("enter/^s apply · ^x clear · esc cancel", id="keys")

    def _editor(self, n: int, flt: Filter) -> Input | Select[str]:
        value = self.current.get(flt.field)
        if flt.choices:
            return Select(
                [(c, c) for c in flt.choices],
                value=value if value in flt.choices else Select.NULL,
                id=f"f-{n}",
                compact=True,
            )
        text = "" if value is None else str(value)
        return Input(text, placeholder=flt.placeholder or "any", id=f"f-{n}", compact=True)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for n, flt in enumerate(self.spec.filters):
            # Widgets are named by position: vendor field names ("address[city]") are not ids.
            widget = self.query_one(f"#f-{n}")
            if isinstance(widget, Select):
                if widget.value is not Select.NULL:
                    out[flt.field] = widget.value
            elif isinstance(widget, Input) and widget.value.strip():
                out[flt.field] = widget.value.strip()
        return out

    @on(Input.Submitted)
    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        self.dismiss(self.values())

    @on(Button.Pressed, "#clear")
    def action_clear(self) -> None:
        self.dismiss({})

    def action_cancel(self) -> None:
        self.dismiss(None)
