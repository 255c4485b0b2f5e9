"""Adding a vendor to a profile: the fields of the vendor's credentials model, as a form.

Secrets go in password inputs and are never shown back: a secret already stored reads
"•••• set" and stays as it is when left blank. Saved with `save_profile_vendor` (settings in
config.toml, secrets in the keyring or the 0600 file). Problems show beside their field.

| Key     | Action                    | Binding id            |
|---------|---------------------------|-----------------------|
| ctrl+s  | save                      | profile_form.save     |
| enter   | next field (save on last) |                       |
| escape  | cancel                    | profile_form.cancel   |
"""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from typing import Any, ClassVar

from pydantic import ValidationError
from pydantic.fields import FieldInfo
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from console.config.credentials import CREDENTIAL_TYPES, VendorCredentials
from screens.workers import ReportsWorkerErrors

VENDOR_TITLES = {
    "salesforce": "Salesforce",
    "zendesk_sell": "Zendesk Sell",
    "infinity": "Infinity",
    "totango": "Totango",
}
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def literal_choices(info: FieldInfo) -> tuple[str, ...]:
    if typing.get_origin(info.annotation) is typing.Literal:
        return tuple(str(a) for a in typing.get_args(info.annotation))
    return ()


def is_mapping(info: FieldInfo) -> bool:
    return typing.get_origin(info.annotation) is dict


def parse_pairs(text: str) -> dict[str, str]:
    """`onboard=sp-1, renew=sp-2` -> {"onboard": "sp-1", "renew": "sp-2"}."""
    out: dict[str, str] = {}
    for part in text.split(","):
        name, eq, value = part.partition("=")
        if part.strip() and (not eq or not name.strip()):
            raise ValueError(f"expected name=value, got {part.strip()!r}")
        if part.strip():
            out[name.strip()] = value.strip()
    return out


def read_values(form: Widget, cls: type[VendorCredentials]) -> tuple[dict[str, Any], list[str]]:
    """The typed values (blanks left out, so defaults apply) and the problems found."""
    data: dict[str, Any] = {}
    problems: list[str] = []
    for name, info in cls.model_fields.items():
        widget = form.query_one(f"#cred-{name}")
        if isinstance(widget, Select):
            if widget.value is not Select.NULL:
                data[name] = widget.value
            continue
        assert isinstance(widget, Input)
        text = widget.value.strip()
        if not text:
            continue
        if is_mapping(info):
            try:
                data[name] = parse_pairs(text)
            except ValueError as exc:
                problems.append(f"{name}: {exc}")
        else:
            data[name] = text
    return data, problems


class VendorForm(ReportsWorkerErrors, ModalScreen[str | None]):
    """Returns the profile name it saved to, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="profile_form.save"),
        Binding("escape", "cancel", "Cancel", id="profile_form.cancel"),
    ]
    DEFAULT_CSS = """
    VendorForm { align: center middle; }
    VendorForm > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    VendorForm #form-title { text-style: bold; color: $text-primary; }
    VendorForm #form-hint { color: $text-muted; }
    VendorForm #fields { height: auto; }
    VendorForm #vendor-fields { height: auto; }
    VendorForm #form-foot { dock: bottom; height: auto; }
    VendorForm .help { color: $text-muted; }
    VendorForm .field-error { color: $text-error; display: none; }
    VendorForm .field-error.shown { display: block; }
    VendorForm #form-error { color: $text-error; }
    VendorForm Label { margin-top: 1; }
    VendorForm Input, VendorForm Select { background: $boost; }
    VendorForm Checkbox { margin-top: 1; }
    VendorForm #form-foot Horizontal { height: auto; }
    VendorForm Button { margin-right: 2; }
    """

    def __init__(
        self,
        profile: str = "",
        *,
        vendor: str = "zendesk_sell",
        settings: Mapping[str, Mapping[str, Any]] | None = None,
        secrets_set: Mapping[str, list[str]] | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__()
        self.profile = profile
        self.vendor = vendor
        self.settings = settings or {}
        self.secrets_set = secrets_set or {}
        self.read_only = read_only

    @property
    def model(self) -> type[VendorCredentials]:
        return CREDENTIAL_TYPES[self.vendor]

    def compose(self) -> ComposeResult:
        title = f"Add a vendor to {self.profile}" if self.profile else "New profile"
        with Vertical():
            yield Static(title, id="form-title")
            yield Static("Ctrl+S saves · Esc cancels · * required", id="form-hint")
            with VerticalScroll(id="fields"):
                yield Label("Profile name *")
                yield Input(self.profile, placeholder="e.g. work", id="profile-name", compact=True)
                yield Static("", id="err-profile-name", classes="field-error")
                yield Label("Vendor")
                yield Select(
                    [(t, v) for v, t in VENDOR_TITLES.items()],
                    value=self.vendor,
                    allow_blank=False,
                    id="vendor",
                    compact=True,
                )
                yield Vertical(*self._field_widgets(), id="vendor-fields")
                yield Checkbox(
                    "Read-only profile (refuse every change)", self.read_only, id="ro", compact=True
                )
                yield Checkbox("Make it the default profile", False, id="default", compact=True)
            with Vertical(id="form-foot"):
                yield Static("", id="form-error")
                with Horizontal():
                    yield Button("Save", variant="primary", id="save", compact=True)
                    yield Button("Cancel", id="cancel", compact=True)

    def _field_widgets(self) -> list[Widget]:
        current = self.settings.get(self.vendor) or {}
        secrets_set = set(self.secrets_set.get(self.vendor) or [])
        out: list[Widget] = []
        for name, info in self.model.model_fields.items():
            out.append(Label(f"{name}{' *' if info.is_required() else ''}"))
            if info.description:
                out.append(Static(info.description, classes="help"))
            out.append(self._input(name, info, current.get(name), name in secrets_set))
            out.append(Static("", id=f"err-{name}", classes="field-error"))
        return out

    def _input(self, name: str, info: FieldInfo, value: Any, secret_set: bool) -> Widget:
        ident = f"cred-{name}"
        if name in self.model.secret_fields:
            hint = "•••• set (leave blank to keep)" if secret_set else "not set"
            return Input(placeholder=hint, password=True, id=ident, compact=True)
        choices = literal_choices(info)
        if choices:
            chosen = value if value in choices else info.default
            return Select(
                [(c, c) for c in choices],
                value=chosen if chosen in choices else Select.NULL,
                id=ident,
                compact=True,
            )
        if is_mapping(info):
            text = ", ".join(f"{k}={v}" for k, v in (value or {}).items())
            return Input(text, placeholder="name=id, name=id", id=ident, compact=True)
        default = info.default if isinstance(info.default, str) else ""
        return Input(str(value) if value is not None else default, id=ident, compact=True)

    def on_mount(self) -> None:
        first = "#profile-name" if not self.profile else "#vendor"
        self.query_one(first).focus()

    @on(Select.Changed, "#vendor")
    async def _vendor_changed(self, event: Select.Changed) -> None:
        if event.value == self.vendor or event.value is Select.NULL:
            return
        self.vendor = str(event.value)
        box = self.query_one("#vendor-fields", Vertical)
        await box.remove_children()
        await box.mount_all(self._field_widgets())

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        inputs = [w for w in self.query(Input) if w.display]
        if event.input is inputs[-1]:
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    # -- saving ---------------------------------------------------------------------------------

    def show_problem(self, field: str, message: str) -> None:
        widget = self.query_one(f"#err-{field}", Static)
        widget.update(message)
        widget.add_class("shown")

    def clear_problems(self) -> None:
        for widget in self.query(".field-error"):
            widget.remove_class("shown")
        self.query_one("#form-error", Static).update("")

    def action_save(self) -> None:
        self.clear_problems()
        name = self.query_one("#profile-name", Input).value.strip()
        bad = False
        if not NAME_PATTERN.match(name):
            self.show_problem("profile-name", "letters, digits, . _ - (no spaces)")
            bad = True
        elif name == "sandbox":
            self.show_problem("profile-name", "sandbox is the embedded sandbox's name")
            bad = True
        data, problems = read_values(self, self.model)
        for problem in problems:
            field, _, message = problem.partition(": ")
            self.show_problem(field, message)
            bad = True
        try:
            self.model.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                field = str(error["loc"][0]) if error["loc"] else ""
                if field in self.model.model_fields:
                    self.show_problem(field, error["msg"])
                else:
                    self.query_one("#form-error", Static).update(error["msg"])
            bad = True
        if bad:
            self.query_one("#form-error", Static).update("Nothing was saved: see the fields.")
            return
        self.save(
            name,
            self.vendor,
            data,
            self.query_one("#ro", Checkbox).value,
            self.query_one("#default", Checkbox).value,
        )

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def save(
        self, name: str, vendor: str, data: dict[str, Any], read_only: bool, default: bool
    ) -> None:
        from console.config.secrets import secret_key, secret_store
        from console.config.store import save_profile_vendor

        cls = CREDENTIAL_TYPES[vendor]
        store = secret_store()
        for field in cls.secret_fields:  # a blank secret keeps the stored one
            if field not in data:
                kept = store.get(secret_key(name, vendor, field))
                if kept:
                    data[field] = kept
        creds = cls.model_validate(data)
        save_profile_vendor(
            name, vendor, creds, read_only=read_only, make_default=default, secrets=store
        )
        self.app.call_from_thread(self._saved, name, vendor)

    def _saved(self, name: str, vendor: str) -> None:
        self.app.notify(f"Saved {VENDOR_TITLES[vendor]} in profile {name}.", timeout=4)
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
