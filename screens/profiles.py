"""The profiles screen (F4): every configured profile, and the embedded sandbox.

Each row: the default mark (★), the one in use (▶), the name, its vendors, whether it is
read-only and how many secrets it holds. The pane below shows the selected profile's
settings per vendor (secrets only as "•••• set", never their values) and the last test.

| Key     | Fallback | Action                                              | Binding id        |
|---------|----------|-----------------------------------------------------|-------------------|
| enter   | o        | switch the console to this profile                  | profiles.switch   |
| t       |          | test: one cheap call per vendor, ok/fail + latency  | profiles.test     |
| a       |          | add (or change) a vendor of this profile            | profiles.add      |
| n       |          | a new profile                                       | profiles.new      |
| d       | delete   | remove the profile and its secrets (confirm)        | profiles.remove   |
| m       |          | make it the default profile                         | profiles.default  |
| ctrl+r  | f9       | read the config again                               | profiles.refresh  |
| escape  |          | close                                               | profiles.close    |
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Static

from screens.profile_rows import ProbeResult, ProfileRow, load_rows, probe
from screens.workers import ReportsWorkerErrors
from widgets.browse_table import BrowseTable
from widgets.key_bar import KeyBar
from widgets.record_columns import Column
from widgets.record_messages import RowHighlighted, RowSelected
from widgets.record_table import RecordTable

COLUMNS = (
    Column("mark", " ", width=2),
    Column("name", "Profile", max_width=24),
    Column("vendors", "Vendors", max_width=40),
    Column("read_only", "Read-only", width=9),
    Column("secrets", "Secrets", width=9),
    Column("test", "Test", max_width=20),
)


class ProfilesScreen(ReportsWorkerErrors, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "switch", "Use", id="profiles.switch", tooltip="Switch to this profile"),
        Binding("t", "test", "Test", id="profiles.test", tooltip="One cheap call per vendor"),
        Binding("a", "add", "Add vendor", id="profiles.add"),
        Binding("n", "new", "New", id="profiles.new", tooltip="A new profile"),
        Binding("d,delete", "remove", "Remove", id="profiles.remove"),
        Binding("m", "make_default", "Default", id="profiles.default"),
        Binding("ctrl+r,f9", "refresh", "Reload", show=False, id="profiles.refresh"),
        Binding("escape", "close", "Close", id="profiles.close"),
    ]
    DEFAULT_CSS = """
    ProfilesScreen #profiles-title { height: 1; padding: 0 1; background: $panel; }
    ProfilesScreen RecordTable { height: auto; max-height: 50%; }
    ProfilesScreen #profile-detail {
        height: 1fr; border-top: solid $panel; padding: 0 1; background: $surface;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, ProfileRow] = {}
        self.results: dict[str, dict[str, ProbeResult]] = {}

    def compose(self) -> ComposeResult:
        yield Static("Profiles", id="profiles-title")
        yield BrowseTable(COLUMNS, key="key", empty_text="Reading the config…")
        with VerticalScroll(id="profile-detail"):
            yield Static("", id="profile-info")
        yield KeyBar()

    @property
    def table(self) -> RecordTable:
        return self.query_one(RecordTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.load()

    # -- reading --------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="profiles", exit_on_error=False)
    def load(self) -> None:
        app: Any = self.app
        current = app.profile_name if app.ready else None
        rows = load_rows(current=current, on_sandbox=app.on_sandbox)
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[ProfileRow]) -> None:
        self.rows = {r.key: r for r in rows}
        self.table.set_rows(self._table_row(r) for r in rows)
        configured = sum(1 for r in rows if not r.sandbox)
        noun = "profile" if configured == 1 else "profiles"
        self.query_one("#profiles-title", Static).update(
            f"Profiles · {configured} configured {noun} + the embedded sandbox · ★ default ▶ in use"
        )
        self._show_detail()

    def _table_row(self, row: ProfileRow) -> dict[str, Any]:
        results = self.results.get(row.key)
        test = ""
        if results:
            failed = [v for v, r in results.items() if not r.ok]
            test = f"FAIL {', '.join(failed)}" if failed else f"ok ({len(results)})"
        return {
            "key": row.key,
            "mark": ("▶" if row.current else "") + ("★" if row.default else ""),
            "name": row.name,
            "vendors": ", ".join(row.vendors) or "no vendors",
            "read_only": "yes" if row.read_only else "no",
            "secrets": "demo" if row.sandbox else "?" if row.problem else f"{row.secret_count} set",
            "test": test,
        }

    def current_row(self) -> ProfileRow | None:
        key = self.table.cursor_key
        return self.rows.get(str(key)) if key is not None else None

    @on(RowHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()
        self.refresh_bindings()

    def _show_detail(self) -> None:
        row = self.current_row()
        info = self.query_one("#profile-info", Static)
        if row is None:
            info.update("")
            return
        info.update(describe(row, self.results.get(row.key, {})))

    # -- actions --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        row = self.current_row()
        if action in ("remove", "make_default", "add"):
            return (row is not None and not row.sandbox) or None
        if action in ("switch", "test"):
            return (row is not None and not row.problem) or None
        return True

    @on(RowSelected)
    def _selected(self) -> None:
        self.action_switch()

    def action_switch(self) -> None:
        row = self.current_row()
        if row is None or row.problem:
            return
        app: Any = self.app
        if row.sandbox:
            app.run_worker(app.switch_profile(None, sandbox=True), exclusive=True, group="session")
        else:
            app.run_worker(app.switch_profile(row.name), exclusive=True, group="session")
        app.notify(f"Switching to {row.title}…", timeout=3)
        self.dismiss(None)

    def action_test(self) -> None:
        row = self.current_row()
        if row is not None:
            self.test(row)

    @work(exclusive=True, group="probe", exit_on_error=False)
    async def test(self, row: ProfileRow) -> None:
        app: Any = self.app
        if row.sandbox and not row.current:
            app.notify("The sandbox is tested while it is in use: switch to it first.")
            return
        results: dict[str, ProbeResult] = {}
        self.results[row.key] = results
        shared = app.service if row.current and app.ready else None
        journal = app.service.journal if app.ready else None
        async for vendor, result in probe(row.name, shared, journal):
            results[vendor] = result
            self._refresh_row(row)
        failed = [v for v, r in results.items() if not r.ok]
        if failed:
            app.notify(f"{row.title}: {', '.join(failed)} failed.", severity="error", timeout=6)
        else:
            app.notify(f"{row.title}: every vendor answered.", timeout=4)

    def _refresh_row(self, row: ProfileRow) -> None:
        self.table.update_row(self._table_row(row))
        self._show_detail()

    def action_add(self) -> None:
        row = self.current_row()
        if row is not None and not row.sandbox:
            self._open_form(row)

    def action_new(self) -> None:
        self._open_form(None)

    def _open_form(self, row: ProfileRow | None) -> None:
        from screens.profile_form import VendorForm

        missing = [v for v in ("zendesk_sell", "salesforce", "infinity", "totango")]
        if row is not None:
            missing = [v for v in missing if v not in row.vendors] or missing
        form = VendorForm(
            row.name if row else "",
            vendor=missing[0],
            settings=row.settings if row else {},
            secrets_set=row.secrets if row else {},
            read_only=row.read_only if row else False,
        )

        def saved(name: str | None) -> None:
            if name is not None:
                self.load()

        self.app.push_screen(form, saved)

    def action_remove(self) -> None:
        row = self.current_row()
        if row is None or row.sandbox:
            return
        self.confirm_remove(row)

    @work(exclusive=True, group="remove", exit_on_error=False)
    async def confirm_remove(self, row: ProfileRow) -> None:
        from screens.confirm import ConfirmScreen

        sure = await self.app.push_screen_wait(
            ConfirmScreen(
                f"Remove profile {row.name}?",
                detail="Its settings and stored secrets are deleted.",
                destructive=True,
            )
        )
        if sure:
            await self._write(_remove, row.name)
            self.app.notify(f"Removed profile {row.name}.", timeout=4)

    def action_make_default(self) -> None:
        row = self.current_row()
        if row is not None and not row.sandbox:
            self.run_worker(self._write(_set_default, row.name), group="default")

    async def _write(self, change: Any, name: str) -> None:
        import asyncio

        await asyncio.to_thread(change, name)
        self.load()

    def action_refresh(self) -> None:
        self.load()

    def action_close(self) -> None:
        self.dismiss(None)


def _remove(name: str) -> None:
    from console.config.store import remove_profile

    remove_profile(name)


def _set_default(name: str) -> None:
    from console.config.store import set_default_profile

    set_default_profile(name)


def describe(row: ProfileRow, results: dict[str, ProbeResult]) -> str:
    """The selected profile: per vendor its settings, secrets (only whether set), last test."""
    names = [n for part in (row.settings, row.secrets) for fields in part.values() for n in fields]
    width = max([len(n) for n in names] + [4]) + 2
    lines = [f"[b]{escape(row.title)}[/b]  [$text-muted]{escape(row.summary)}[/]"]
    if row.problem:
        lines.append(f"[$text-error]{escape(row.problem)}[/]")
    for vendor in row.vendors:
        lines += ["", f"[b u]{vendor}[/]"]
        for name, value in row.settings.get(vendor, {}).items():
            if value in ({}, [], ""):
                continue
            lines.append(f"  {name:<{width}}{escape(str(value))}")
        for name in row.secrets.get(vendor, []):
            lines.append(f"  {name:<{width}}[$text-success]•••• set[/]")
        result = results.get(vendor)
        if result is not None:
            colour = "$text-success" if result.ok else "$text-error"
            lines.append(f"  {'test':<{width}}[{colour}]{escape(result.text)}[/]")
    return "\n".join(lines)
