"""One input of a generated form: its name (`*` when required), its editor, help and error.

The editor follows the field's kind (see `widgets.form_kinds`): an Input, a checkbox, a Select,
a picker (Select + typed value), a TextArea for JSON or key=value lines, the actionParams
editor, or a read-only value (a path id that came from the selected record).

`value()` returns what the field sends: UNSET when left empty (the input is not sent), the
prefilled value when its text was not touched, None when a prefilled optional value was
cleared (an update then clears it at the vendor), else the typed value. It raises ValueError
when the text cannot be read (bad JSON, a date that is not a date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from widgets.action_params import ActionParamsEditor
from widgets.form_kinds import (
    PLACEHOLDERS,
    UNSET,
    FieldKind,
    Kind,
    as_bool,
    from_text,
    to_text,
)
from widgets.picker import PickerEditor
from widgets.tri_state import TriStateCheckbox

Editor = Literal["input", "check", "select", "picker", "text", "params", "fixed"]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """What a form field shows; built by the screen from the endpoint's input model."""

    name: str
    kind: FieldKind
    editor: Editor
    required: bool = False
    help: str = ""
    initial: Any = UNSET  # the prefilled value (or the model's default)


def dom_id(name: str) -> str:
    return "field-" + re.sub(r"[^A-Za-z0-9_-]", "_", name)


class FieldRow(Vertical):
    DEFAULT_CSS = """
    FieldRow { height: auto; }
    FieldRow > .field-line { height: auto; }
    FieldRow .field-name { width: 27; padding-right: 1; }
    FieldRow.required .field-name { text-style: bold; }
    FieldRow.-invalid .field-name { color: $error; }
    FieldRow.stacked .field-name { width: 1fr; }
    FieldRow .field-help { color: $text-muted; padding-left: 27; height: auto; }
    FieldRow.stacked .field-help { padding-left: 0; }
    FieldRow .field-error { color: $error; padding-left: 27; height: auto; display: none; }
    FieldRow.stacked .field-error { padding-left: 0; }
    FieldRow.-invalid .field-error { display: block; }
    FieldRow .editor { width: 1fr; }
    FieldRow Input.editor, FieldRow PickerEditor Input { background: $panel; }
    FieldRow Input.editor:focus, FieldRow PickerEditor Input:focus { background: $primary 30%; }
    FieldRow Select > SelectCurrent { background: $panel; }
    FieldRow Select:focus > SelectCurrent { background: $primary 30%; }
    FieldRow TextArea.editor { height: auto; min-height: 3; max-height: 10; background: $panel; }
    FieldRow .fixed-value { color: $text-muted; width: 1fr; }
    """

    def __init__(self, spec: FieldSpec) -> None:
        classes = ["required"] if spec.required else []
        if spec.editor in ("params", "text"):
            classes.append("stacked")
        super().__init__(id=dom_id(spec.name), classes=" ".join(classes))
        self.spec = spec
        self.initial_text = to_text(spec.kind, spec.initial)

    # -- building ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        spec = self.spec
        label = Label(f"{spec.name} *" if spec.required else spec.name, classes="field-name")
        help_line = Static(spec.help, classes="field-help", markup=False)
        if self.has_class("stacked"):  # wide editors: name, help, error, then the editor
            yield label
            if spec.help:
                yield help_line
            yield Static("", classes="field-error", markup=False)
            yield self._editor()
            return
        with Horizontal(classes="field-line"):
            yield label
            yield self._editor()
        if spec.help:
            yield help_line
        yield Static("", classes="field-error", markup=False)

    def _editor(self) -> Widget:
        spec, text = self.spec, self.initial_text
        kind = spec.kind
        input_type = {Kind.INTEGER: "integer", Kind.NUMBER: "number"}.get(kind.kind, "text")
        if spec.editor == "fixed":
            return Static(text or "—", classes="editor fixed-value", markup=False)
        if spec.editor == "check":
            initial = as_bool(None if spec.initial is UNSET else spec.initial)
            return TriStateCheckbox(initial, tri=kind.optional, classes="editor")
        if spec.editor == "select":
            options = [(c, c) for c in kind.choices]
            value = text if text in kind.choices else Select.NULL
            prompt = "choose one…" if spec.required else "not set"
            return Select(options, value=value, prompt=prompt, compact=True, classes="editor")
        if spec.editor == "picker":
            placeholder = "or type an id" if kind.kind is Kind.INTEGER else "or type a value"
            return PickerEditor(text, placeholder=placeholder, input_type=input_type).set_classes(
                "editor"
            )
        if spec.editor == "text":
            return TextArea(text, soft_wrap=True, compact=True, classes="editor")
        if spec.editor == "params":
            params = spec.initial if isinstance(spec.initial, list) else []
            return ActionParamsEditor(params).set_classes("editor")
        return Input(
            text,
            placeholder=PLACEHOLDERS.get(kind.kind, ""),
            type=input_type,  # type: ignore[arg-type]
            compact=True,
            classes="editor",
        )

    @property
    def editor(self) -> Widget:
        return self.query_one(".editor")

    # -- reading -----------------------------------------------------------------------------

    def value(self) -> Any:
        """What this field sends (see the module docstring); ValueError names a bad entry."""
        spec, editor = self.spec, self.editor
        if isinstance(editor, TriStateCheckbox):
            return UNSET if editor.value is None else editor.value
        if isinstance(editor, ActionParamsEditor):
            params = editor.value
            return params if params or spec.initial is not UNSET else UNSET
        if isinstance(editor, Select):
            if editor.is_blank():
                return self._cleared()
            return str(editor.value)
        if spec.editor == "fixed":
            return spec.initial
        text = self.text
        if text == self.initial_text and spec.initial is not UNSET:
            return spec.initial
        value = from_text(spec.kind, text)
        return self._cleared() if value is UNSET else value

    def _cleared(self) -> Any:
        had = self.spec.initial not in (UNSET, None)
        return None if had and self.spec.kind.optional else UNSET

    @property
    def text(self) -> str:
        editor = self.editor
        if isinstance(editor, Input):
            return editor.value
        if isinstance(editor, TextArea):
            return editor.text
        if isinstance(editor, PickerEditor):
            return editor.text
        return self.initial_text

    # -- showing problems and choices ---------------------------------------------------------

    def set_error(self, message: str | None) -> None:
        self.set_class(bool(message), "-invalid")
        self.query_one(".field-error", Static).update(message or "")

    @property
    def error(self) -> str:
        return (
            str(self.query_one(".field-error", Static).content)
            if self.has_class("-invalid")
            else ""
        )

    def set_options(self, options: list[tuple[str, str]], *, note: str = "") -> None:
        editor = self.editor
        if isinstance(editor, PickerEditor):
            editor.set_options(options, note=note)

    def set_options_failed(self, reason: str) -> None:
        editor = self.editor
        if isinstance(editor, PickerEditor):
            editor.set_failed(reason)

    def focus_editor(self) -> None:
        editor = self.editor
        target: Widget | None = editor if editor.can_focus else None
        if target is None:
            target = next((w for w in editor.query("*") if w.focusable), None)
        if target is not None:
            target.focus()
        self.scroll_visible()
