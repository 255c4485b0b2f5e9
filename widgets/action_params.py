"""The editor of an Infinity sfButton's actionParams: fixed values and dropdowns.

Each parameter names the Salesforce object(s) and field that receive the value, then either a
fixed value, or a dropdown (caption, required, and label/value option rows) the agent picks
from in the Caller Insight app. `value` is the list of plain dicts that
`console.vendors.infinity.params` validates (FixedActionParam / DropdownActionParam).

| Key    | Action                                        | Binding id                 |
|--------|-----------------------------------------------|----------------------------|
| ctrl+n | add a parameter                               | action_params.add          |
| ctrl+o | add an option to the focused dropdown         | action_params.add_option   |
| tab    | next box; the ✕ buttons remove a param/option |                            |

Several objects may share a field: Object `Lead, Contact` with Field `Origin__c` writes both;
`Lead, Contact` with `LeadSource, Source__c` pairs them in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Select, Static

from widgets.form_kinds import split_list
from widgets.tri_state import TriStateCheckbox

ParamKind = Literal["fixed", "dropdown"]
KINDS: list[tuple[str, ParamKind]] = [("fixed value", "fixed"), ("dropdown", "dropdown")]


def param_kind(param: Mapping[str, Any]) -> ParamKind:
    return "dropdown" if param.get("type") == "dropdown" or param.get("options") else "fixed"


def split_sf_fields(objects: str, fields: str) -> dict[str, str]:
    """`Lead, Contact` + `Origin__c` -> both objects; equal lists pair up in order."""
    objs, names = split_list(objects), split_list(fields)
    if not objs and not names:
        return {}
    if not objs:
        raise ValueError("name the Salesforce object, e.g. Lead")
    if not names:
        raise ValueError("name the field API name, e.g. CountryCode")
    if len(names) == 1:
        return {o: names[0] for o in objs}
    if len(objs) != len(names):
        raise ValueError("give one field for every object, or one field for all of them")
    return dict(zip(objs, names, strict=True))


def join_sf_fields(sf_fields: Mapping[str, str]) -> tuple[str, str]:
    names = list(sf_fields.values())
    same = len(set(names)) == 1
    return ", ".join(sf_fields), names[0] if same else ", ".join(names)


class OptionRow(Horizontal):
    DEFAULT_CSS = """
    OptionRow { height: 1; margin-left: 2; }
    OptionRow > .option-label { width: 1fr; margin-right: 1; }
    OptionRow > .option-value { width: 1fr; margin-right: 1; }
    OptionRow > Button { min-width: 3; width: 3; }
    """

    def __init__(self, label: str = "", value: str = "") -> None:
        super().__init__()
        self._label, self._value = label, value

    def compose(self) -> ComposeResult:
        yield Input(self._label, placeholder="option label", compact=True, classes="option-label")
        yield Input(self._value, placeholder="value written", compact=True, classes="option-value")
        yield Button("✕", compact=True, classes="remove-option", tooltip="Remove this option")

    @property
    def value(self) -> dict[str, str] | None:
        label = self.query_one(".option-label", Input).value.strip()
        value = self.query_one(".option-value", Input).value.strip()
        return {"label": label, "value": value} if label or value else None


class ParamEditor(Vertical):
    """One parameter: where it writes, and a fixed value or a dropdown."""

    DEFAULT_CSS = """
    ParamEditor {
        height: auto; border: round $primary; padding: 0 1; margin-bottom: 1;
        border-title-color: $text-muted;
    }
    ParamEditor.-invalid { border: round $error; }
    ParamEditor .param-row { height: 1; margin-bottom: 0; }
    ParamEditor .param-row > Static { width: auto; margin-right: 1; color: $text-muted; }
    ParamEditor .param-row > Input { width: 1fr; margin-right: 1; }
    ParamEditor .param-row > Select { width: 18; margin-right: 1; }
    ParamEditor .param-row > Button { min-width: 10; }
    ParamEditor .param-row > TriStateCheckbox { margin-right: 1; }
    ParamEditor .dropdown-part { height: auto; display: none; }
    ParamEditor.-dropdown .dropdown-part { display: block; }
    ParamEditor.-dropdown .fixed-part { display: none; }
    ParamEditor .options { height: auto; }
    ParamEditor .add-option { margin-left: 2; }
    ParamEditor .param-error { color: $error; height: auto; display: none; }
    ParamEditor.-invalid .param-error { display: block; }
    """

    def __init__(self, param: Mapping[str, Any] | None = None) -> None:
        super().__init__()
        self.param = dict(param or {})
        self.kind: ParamKind = param_kind(self.param)

    def compose(self) -> ComposeResult:
        p = self.param
        objects, fields = join_sf_fields(p.get("sfFields") or {})
        with Horizontal(classes="param-row"):
            yield Select(KINDS, value=self.kind, allow_blank=False, compact=True, classes="kind")
            yield Input(objects, placeholder="object, e.g. Lead", compact=True, classes="objects")
            yield Input(fields, placeholder="field API name", compact=True, classes="fields")
            yield Button("✕ param", compact=True, classes="remove-param", tooltip="Remove")
        with Horizontal(classes="param-row fixed-part"):
            yield Static("value")
            yield Input(
                str(p.get("value") or ""),
                placeholder="the value written, e.g. Infinity or a queue id",
                compact=True,
                classes="fixed-value",
            )
        with Vertical(classes="dropdown-part"):
            with Horizontal(classes="param-row"):
                yield Static("caption")
                yield Input(
                    str(p.get("label") or ""),
                    placeholder="what the agent sees, e.g. Country",
                    compact=True,
                    classes="caption",
                )
                yield TriStateCheckbox(
                    bool(p.get("required")), tri=False, label="required", classes="required"
                )
            with Vertical(classes="options"):
                for option in p.get("options") or [{}]:
                    yield OptionRow(str(option.get("label") or ""), str(option.get("value") or ""))
            yield Button("+ option", compact=True, classes="add-option")
        yield Static("", classes="param-error")

    def on_mount(self) -> None:
        self.set_class(self.kind == "dropdown", "-dropdown")

    @on(Select.Changed, ".kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value in ("fixed", "dropdown"):
            self.kind = event.value
            self.set_class(self.kind == "dropdown", "-dropdown")

    @on(Button.Pressed, ".add-option")
    async def _add_option_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.add_option()

    async def add_option(self) -> None:
        row = OptionRow()
        await self.query_one(".options", Vertical).mount(row)
        row.query_one(Input).focus()

    @on(Button.Pressed, ".remove-option")
    async def _remove_option(self, event: Button.Pressed) -> None:
        event.stop()
        row = next((a for a in event.button.ancestors if isinstance(a, OptionRow)), None)
        if row is not None:
            await row.remove()

    def text(self, cls: str) -> str:
        return self.query_one(f".{cls}", Input).value.strip()

    @property
    def value(self) -> dict[str, Any]:
        sf_fields = split_sf_fields(self.text("objects"), self.text("fields"))
        if self.kind == "fixed":
            return {"sfFields": sf_fields, "value": self.text("fixed-value")}
        options = [row.value for row in self.query(OptionRow)]
        return {
            "sfFields": sf_fields,
            "type": "dropdown",
            "label": self.text("caption"),
            "required": bool(self.query_one(".required", TriStateCheckbox).value),
            "options": [o for o in options if o is not None],
        }

    def mark(self, message: str | None) -> None:
        self.set_class(bool(message), "-invalid")
        self.query_one(".param-error", Static).update(message or "")


class ActionParamsEditor(Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "add", "Add param", id="action_params.add", tooltip="Add a parameter"),
        Binding(
            "ctrl+o",
            "add_option",
            "Add option",
            id="action_params.add_option",
            tooltip="Add an option to this dropdown",
        ),
    ]
    DEFAULT_CSS = """
    ActionParamsEditor { height: auto; width: 1fr; }
    ActionParamsEditor > #params { height: auto; }
    ActionParamsEditor > #empty { color: $text-muted; height: auto; }
    ActionParamsEditor > .add-param { margin-top: 0; }
    """

    def __init__(self, params: Iterable[Mapping[str, Any]] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._initial = [dict(p) for p in params]

    def compose(self) -> ComposeResult:
        with Vertical(id="params"):
            for param in self._initial:
                yield ParamEditor(param)
        yield Static("No parameters: the button writes nothing extra.", id="empty")
        yield Button("+ parameter", compact=True, classes="add-param")

    def on_mount(self) -> None:
        self._renumber()

    @property
    def params(self) -> list[ParamEditor]:
        return list(self.query(ParamEditor))

    @property
    def value(self) -> list[dict[str, Any]]:
        """The parameters as plain dicts. Raises ValueError when object and field lists differ."""
        out = []
        for index, param in enumerate(self.params):
            try:
                out.append(param.value)
            except ValueError as exc:
                raise ValueError(f"parameter {index + 1}: {exc}") from None
        return out

    async def mount_param(self, data: Mapping[str, Any] | None = None) -> ParamEditor:
        """Add a parameter (empty, or from a param dict) at the end."""
        param = ParamEditor(data)
        await self.query_one("#params", Vertical).mount(param)
        self._renumber()
        return param

    async def action_add(self) -> None:
        param = await self.mount_param()
        param.query_one(".objects", Input).focus()

    async def action_add_option(self) -> None:
        focused = self.screen.focused
        param = next(
            (a for a in (focused.ancestors if focused else []) if isinstance(a, ParamEditor)), None
        )
        if param is None:
            params = self.params
            param = params[-1] if params else None
        if param is None:
            return
        if param.kind != "dropdown":
            param.query_one(".kind", Select).value = "dropdown"
        await param.add_option()

    @on(Button.Pressed, ".add-param")
    async def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_add()

    @on(Button.Pressed, ".remove-param")
    async def _remove_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        param = next((a for a in event.button.ancestors if isinstance(a, ParamEditor)), None)
        if param is not None:
            await param.remove()
            self._renumber()
            self.query_one(".add-param", Button).focus()

    def _renumber(self) -> None:
        params = self.params
        for index, param in enumerate(params, 1):
            param.border_title = f"parameter {index}"
        self.query_one("#empty", Static).display = not params

    def mark(self, problems: Mapping[int, str]) -> None:
        """Show problems on the parameters they belong to (index from 0); clear the rest."""
        for index, param in enumerate(self.params):
            param.mark(problems.get(index))
