"""The form of any endpoint, generated from its input model.

| Key            | Fallback | Action                                           | Binding id   |
|----------------|----------|--------------------------------------------------|--------------|
| ctrl+s         | f6       | validate, then send (or hand the values back)    | form.submit  |
| escape         |          | close without sending                            | form.cancel  |
| tab, shift+tab |          | next / previous field                            |              |
| enter          |          | in a one-line field: next field                  |              |
| ctrl+n, ctrl+o |          | actionParams editor: add a parameter / an option | action_params.* |

mode="send" validates, sends `service.call(endpoint_id, inputs)` in a worker and closes with
the CallResult; mode="collect" validates and closes with the inputs dict (a bulk action sends
it once per record). Escape closes with None. Problems appear beside their fields (the first
is focused); a vendor error appears in the form with its code, message, field and request id,
and marks the field it names. Nothing typed is lost: the form stays open with every value.
A raw request (`<vendor>.rawRequest`) shows the vendor's answer in the form and stays open.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from console import catalog
from console.catalog import Kind as EndpointKind
from console.errors import ConsoleError, InputError, ReadOnlyError, VendorError
from console.service.results import CallResult, jsonable
from screens.app import ReadOnlyChanged
from screens.form_pickers import LoadsPickers
from screens.form_plan import Check, check, fields_named, param_problems, plan_fields
from screens.workers import ReportsWorkerErrors
from widgets.action_params import ActionParamsEditor
from widgets.form_field import FieldRow, dom_id
from widgets.form_kinds import UNSET
from widgets.form_panels import OutcomePanel, RawResponseView, error_lines

Mode = Literal["send", "collect"]


class FormScreen(LoadsPickers, ReportsWorkerErrors, ModalScreen[Any]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f6", "submit", "Send", id="form.submit", tooltip="Validate and send"),
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without sending"),
    ]
    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > #dialog {
        width: 110; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    FormScreen.-sending > #dialog { border: thick $warning; }
    FormScreen #form-title { text-style: bold; height: 1; }
    FormScreen #form-about { color: $text-muted; height: auto; max-height: 2; }
    FormScreen #form-note { color: $warning; height: auto; }
    FormScreen #fields { height: auto; padding-top: 1; }
    FormScreen #form-actions { height: 1; margin-top: 1; }
    FormScreen #form-actions > Button { margin-right: 1; }
    FormScreen #form-hint { color: $text-muted; width: 1fr; text-align: right; }
    FormScreen #form-status { color: $warning; width: auto; padding: 0 1; }
    """

    sending: reactive[bool] = reactive(False)
    """True while the call is out (the form cannot be sent twice)."""

    def __init__(
        self,
        endpoint_id: str,
        *,
        prefill: dict[str, Any] | None = None,
        mode: Literal["send", "collect"] = "send",
        title: str | None = None,
        bulk_count: int | None = None,
        hidden: set[str] | frozenset[str] = frozenset(),
        only: tuple[str, ...] | None = None,
    ) -> None:
        super().__init__()
        self.endpoint = catalog.get(endpoint_id)
        self.prefill: dict[str, Any] = dict(prefill or {})
        self.mode: Mode = mode
        self.form_title = title or self.endpoint.palette_title
        self.bulk_count = bulk_count
        self.hidden = frozenset(hidden)
        self.only = only
        self.specs = plan_fields(self.endpoint, self.prefill, hidden=self.hidden, only=only)
        self._defaults = {f.name: f.default for f in self.endpoint.fields()}
        self.last_result: CallResult | None = None
        self._picker_generation: dict[str, int] = {}
        self.attempts = 0  # submissions that reached an outcome (problems, refusal, answer)

    @property
    def raw(self) -> bool:
        return self.endpoint.kind is EndpointKind.RAW

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        ep = self.endpoint
        with Vertical(id="dialog"):
            yield Static(self.form_title, id="form-title", markup=False)
            about = f"{ep.method} {ep.path}" if not self.raw else ep.id
            yield Static(f"{about} · {ep.description}", id="form-about", markup=False)
            yield Static("", id="form-note", markup=False)
            with VerticalScroll(id="fields"):
                for spec in self.specs:
                    yield FieldRow(spec)
                if not self.specs:
                    yield Static("This endpoint takes no inputs.", classes="field-help")
                if self.raw:
                    yield RawResponseView(id="response")
            yield OutcomePanel(id="outcome")
            with Horizontal(id="form-actions"):
                label = "Continue" if self.mode == "collect" else "Send"
                yield Button(label, id="send", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
                yield Static("", id="form-status")
                yield Static("", id="form-hint")

    def on_mount(self) -> None:
        self._show_note()
        self._show_hint()
        self.focus_first()
        self.call_after_refresh(self._fit)
        if any(self._picker_rows()):
            self.load_pickers()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Keep the send/cancel line on screen: the fields scroll within what is left."""
        if not self.is_mounted:
            return
        dialog, fields = self.query_one("#dialog"), self.query_one("#fields")
        others = sum(c.outer_size.height for c in dialog.children if c is not fields and c.display)
        chrome = others + dialog.styles.gutter.height + fields.styles.gutter.height
        fields.styles.max_height = max(4, self.size.height - chrome)

    def _show_note(self) -> None:
        notes = []
        if self.bulk_count:
            notes.append(
                f"For {self.bulk_count} records: the values here apply to each of them; "
                "each record's own id is filled in per record."
            )
        if self.mode == "send" and self._refused_now():
            notes.append("Read-only mode: this form will not send (turn read-only off first).")
        note = self.query_one("#form-note", Static)
        note.update("\n".join(notes))
        note.display = bool(notes)

    def _show_hint(self) -> None:
        keys: dict[str, list[str]] = {"submit": [], "cancel": []}
        for active in self.active_bindings.values():
            if active.binding.action in keys:
                keys[active.binding.action].append(self.app.get_key_display(active.binding))
        parts = [
            f"{'/'.join(dict.fromkeys(shown))} {word}"
            for (action, word) in (("submit", "send"), ("cancel", "cancel"))
            if (shown := keys[action])
        ]
        self.query_one("#form-hint", Static).update(" · ".join([*parts, "tab next"]))

    def watch_sending(self, sending: bool) -> None:
        self.set_class(sending, "-sending")
        if self.is_mounted:
            self.query_one("#send", Button).disabled = sending
            self.query_one("#form-status", Static).update("sending…" if sending else "")

    # -- the fields --------------------------------------------------------------------------

    @property
    def rows(self) -> list[FieldRow]:
        return list(self.query(FieldRow))

    def row(self, name: str) -> FieldRow:
        return self.query_one(f"#{dom_id(name)}", FieldRow)

    def focus_first(self) -> None:
        """Focus the first required field still empty, else the first field one can change."""
        open_rows = [row for row in self.rows if row.spec.editor != "fixed"]
        needed = [row for row in open_rows if row.spec.required and _empty(row)]
        for row in needed[:1] or open_rows[:1]:
            row.focus_editor()
            self.query_one("#fields", VerticalScroll).scroll_home(animate=False)
            return
        self.query_one("#send", Button).focus()

    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The inputs to send and the fields whose text cannot be read."""
        data: dict[str, Any] = {}
        unreadable: dict[str, str] = {}
        for row in self.rows:
            name = row.spec.name
            try:
                value = row.value()
            except ValueError as exc:
                unreadable[name] = str(exc)
                continue
            if value is UNSET:
                continue
            if name not in self.prefill and self._same_as_default(name, value):
                continue
            data[name] = value
        if self.mode == "send":
            shown = {r.spec.name for r in self.rows}
            for name, value in self.prefill.items():
                if name not in shown and name not in self.hidden and value is not None:
                    data.setdefault(name, value)
        return data, unreadable

    def _same_as_default(self, name: str, value: Any) -> bool:
        default = jsonable(self._defaults.get(name))
        return default is not None and jsonable(value) == default

    # -- moving between fields ---------------------------------------------------------------

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        row = next((a for a in event.input.ancestors if isinstance(a, FieldRow)), None)
        if row is not None and row.spec.editor == "picker":
            self._reload_dependents(row.spec.name)
        self.focus_next()

    # -- sending -----------------------------------------------------------------------------

    @on(Button.Pressed, "#send")
    def _send_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_submit()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def action_cancel(self) -> None:
        if self.sending:
            self.notify("The call is out; wait for its answer.", severity="warning", timeout=3)
            return
        self.dismiss(None)

    def action_submit(self) -> None:
        if self.sending:
            return
        if not self._submit():
            self.attempts += 1  # decided here: nothing went out

    def _submit(self) -> bool:
        """Validate, then send (True: a call is on its way) or stop here (False)."""
        self.clear_marks()
        data, unreadable = self.values()
        ignore = self.hidden if self.mode == "collect" else frozenset()
        outcome = check(
            self.endpoint, data, unreadable, shown=[r.spec.name for r in self.rows], ignore=ignore
        )
        if not outcome.ok:
            self.show_problems(outcome)
            return False
        if self.mode == "collect":
            self.dismiss(outcome.data)
            return False
        if self._refused_now(outcome.data):
            self.outcome_panel.show(
                "Read-only mode",
                [f"{self.endpoint.id} changes data; nothing was sent. Your values are kept."],
                tone="warning",
            )
            self._fit_later()
            return False
        self.sending = True
        self.send(outcome.data)
        return True

    def _refused_now(self, data: Mapping[str, Any] | None = None) -> bool:
        app: Any = self.app
        if not app.read_only or not self.endpoint.mutating:
            return False
        if self.raw and str((data or {}).get("method") or "GET").upper() == "GET":
            return data is not None  # a raw GET is a read; the note cannot know the method yet
        return True

    @work(exclusive=True, exit_on_error=False, group="form-send")
    async def send(self, data: dict[str, Any]) -> None:
        self.sending = True  # also set by _submit, so a second ctrl+s cannot slip in
        try:
            app: Any = self.app
            result: CallResult = await app.service.call(self.endpoint.id, data)
        except ReadOnlyError as exc:
            self.outcome_panel.show("Read-only mode", [exc.message], tone="warning")
        except InputError as exc:
            self.show_problems(self._problems_from(exc))
        except ConsoleError as exc:
            self.show_error(exc)
        except Exception as exc:  # never a crash: the app logs it and the form says so
            app.report_error(exc)
            self.outcome_panel.show("Unexpected error", [f"{type(exc).__name__}: {exc}"])
        else:
            self.last_result = result
            failed = next((i for i in result.failures if i.error is not None), None)
            if failed is not None and failed.error is not None:
                self.show_error(failed.error)
            elif self.raw:
                self.show_response(result)
            else:
                self.sending = False
                self.dismiss(result)
                return
        finally:
            self.sending = False
            self.attempts += 1
        self._fit_later()

    def _problems_from(self, exc: InputError) -> Check:
        names = [r.spec.name for r in self.rows]
        out = Check()
        for problem in exc.problems:
            head = problem.field.split(".")[0].split("[")[0]
            if head in names:
                out.problems.setdefault(head, problem.message)
            else:
                out.general.append(str(problem))
        if not exc.problems:
            out.general.append(exc.message)
        return out

    # -- showing outcomes --------------------------------------------------------------------

    @property
    def outcome_panel(self) -> OutcomePanel:
        return self.query_one("#outcome", OutcomePanel)

    def _fit_later(self) -> None:
        self.call_after_refresh(self._fit)

    def clear_marks(self) -> None:
        for row in self.rows:
            row.set_error(None)
            if isinstance(row.editor, ActionParamsEditor):
                row.editor.mark({})
        self.outcome_panel.clear()
        if self.raw:
            self.query_one("#response", RawResponseView).clear()

    def show_problems(self, outcome: Check) -> None:
        first: FieldRow | None = None
        for row in self.rows:
            message = outcome.problems.get(row.spec.name)
            row.set_error(message)
            if message and isinstance(row.editor, ActionParamsEditor):
                row.editor.mark(param_problems(message))
            if message and first is None:
                first = row
        count = len(outcome.problems)
        lines = list(outcome.general)
        if count == 1:
            lines.insert(0, "1 field to fix: see beside it.")
        elif count:
            lines.insert(0, f"{count} fields to fix: see beside them.")
        self.outcome_panel.show("Nothing was sent", lines, tone="warning")
        if first is not None:
            first.focus_editor()
        self._fit_later()

    def show_error(self, error: ConsoleError) -> None:
        """A vendor's (or the network's) refusal, in the form; the fields it names are marked."""
        if isinstance(error, VendorError):
            lines = error_lines(
                message=error.message,
                vendor=catalog.VENDOR_TITLES.get(error.vendor, error.vendor),
                status=error.status,
                code=error.code,
                field=error.field,
                request_id=error.request_id,
            )
            names = fields_named(error.field, [r.spec.name for r in self.rows])
            for name in names:
                self.row(name).set_error(f"{error.title}: {error.message}")
            if names:
                self.row(names[0]).focus_editor()
        else:
            lines = [error.message]
        lines.append("Nothing you typed is lost: fix and send again, or Esc to close.")
        self.outcome_panel.show(error.title, lines)
        self._fit_later()

    def show_response(self, result: CallResult) -> None:
        app: Any = self.app
        data = app.service.redactor.data(jsonable(result.data))  # no credential on screen
        if not isinstance(data, Mapping):
            data = {"status": result.status or 0, "headers": {}, "body": data}
        view = self.query_one("#response", RawResponseView)
        view.show(int(data.get("status") or 0), data.get("headers") or {}, data.get("body"))
        self.call_after_refresh(view.scroll_visible)

    def on_read_only_changed(self, message: ReadOnlyChanged) -> None:
        self._show_note()
        self._fit_later()


def _empty(row: FieldRow) -> bool:
    try:
        return row.value() in (UNSET, None, "")
    except ValueError:  # text that does not read as the field's type is not empty
        return False
