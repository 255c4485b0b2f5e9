"""The Textual application: themes, keys, the session (profile + service) and error reporting.

Global keys:

| Key            | Fallback | Action                                   | Binding id          |
|----------------|----------|------------------------------------------|---------------------|
| ctrl+p         | f2       | command palette: every endpoint, every app command | app.palette |
| :              |          | command line (k9s style)                 | app.command_line    |
| ? / f1         |          | help: every binding of the focused screen | app.help           |
| 1 2 3 4        | alt+1..4 | Salesforce, Zendesk Sell, Infinity, Totango | app.vendor.*     |
| f3             |          | journal of recent calls                  | app.journal         |
| f4             |          | profiles                                 | app.profiles        |
| f5             |          | Zendesk Sell Firehose live tail          | app.firehose        |
| ctrl+q         | f10      | quit                                     | app.quit            |
"""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from console.errors import ConsoleError, VendorError
from screens.keys import apply_keymap, yield_to_text_field
from screens.palette import AppCommands, EndpointCommands
from screens.ui_state import UIState
from themes import DEFAULT_THEME, STYLESHEET, load_themes

if TYPE_CHECKING:  # the service (httpx, pydantic) loads with the session, after the first frame
    from console.service.results import CallResult
    from console.service.service import Service

log = logging.getLogger(__name__)

VENDOR_KEYS = ("salesforce", "zendesk_sell", "infinity", "totango")
_gc_frozen = False


@dataclass(slots=True)
class Launch:
    """How the console was started (command-line flags and the `[ui]` config)."""

    profile: str | None = None
    sandbox: bool | None = None
    read_only: bool = False
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    # Tests and benchmarks hand over a ready service instead of opening a session.
    service: Service | None = None
    remember: bool = True  # keep the last tab and list between runs
    cache_rows: bool = True  # show the last first page of a list at once on the next start


class SessionReady(Message, bubble=False):
    """The profile is resolved and the service can be called (the app tells each screen)."""


class ConsoleApp(App[None]):
    CSS_PATH = str(STYLESHEET)
    TITLE = "crm-console"
    COMMANDS: ClassVar[set[Any]] = {EndpointCommands, AppCommands}
    COMMAND_PALETTE_BINDING = "ctrl+p"  # the real binding (with f2 and an id) is below
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        # Declared here rather than through COMMAND_PALETTE_BINDING: Textual adds that one as
        # a single key, so "ctrl+p,f2" there matched neither key (and it had no id to remap).
        Binding(
            "ctrl+p,f2",
            "command_palette",
            "Palette",
            show=False,
            key_display="^p",
            priority=True,
            id="app.palette",
            tooltip="Every endpoint and app command",
        ),
        Binding("question_mark,f1", "help", "Help", id="app.help", tooltip="Every key here"),
        # Priority (like the palette's key): handled before the keys typed behind it are
        # routed, so ":deals" typed in one go lands in the command line.
        Binding(
            "colon",
            "command_line",
            "Cmd",
            id="app.command_line",
            tooltip="k9s-style command line",
            priority=True,
        ),
        Binding(
            "1,alt+1", "vendor('salesforce')", "Salesforce", show=False, id="app.vendor.salesforce"
        ),
        Binding(
            "2,alt+2",
            "vendor('zendesk_sell')",
            "Zendesk Sell",
            show=False,
            id="app.vendor.zendesk_sell",
        ),
        Binding("3,alt+3", "vendor('infinity')", "Infinity", show=False, id="app.vendor.infinity"),
        Binding("4,alt+4", "vendor('totango')", "Totango", show=False, id="app.vendor.totango"),
        Binding("f3", "journal", "Journal", id="app.journal", tooltip="Recent calls"),
        Binding("f4", "profiles", "Profiles", id="app.profiles", show=False),
        Binding("f5", "firehose", "Firehose", id="app.firehose", show=False),
        Binding("ctrl+q,f10", "quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(self, launch: Launch | None = None) -> None:
        super().__init__()
        self.launch = launch or Launch()
        self._service: Service | None = self.launch.service
        self._session: Any = None
        self.ui_state = UIState.load() if self.launch.remember else UIState()
        # The theme is chosen before the first screen exists, so its styles are worked out
        # once, with the right variables (a change from on_mount restyled everything).
        themes, self.theme_problems = load_themes()
        for theme in themes:
            self.register_theme(theme)
        wanted = self.launch.theme or self.ui_state.theme or DEFAULT_THEME
        self.theme = wanted if wanted in self.available_themes else DEFAULT_THEME
        self.cache_rows = self.launch.remember and self.launch.cache_rows
        self._session_started = False
        if self._service is not None:
            self.expected_profile = self._service.profile.name
        else:
            from console.config.choice import expected_profile

            self.expected_profile = expected_profile(self.launch.profile, self.launch.sandbox)

    # -- start and stop ----------------------------------------------------------------------

    def run(self, *args: Any, **kwargs: Any) -> None:
        # What is imported by now lives as long as the process: keep it out of the cyclic
        # collector's sight, so the collections start-up triggers walk only newer objects
        # (a full collection over every imported module cost ~35 ms before the first
        # frame). Once per process, and only in run(), the real start: tests' run_test()
        # and a process running many apps keep their garbage collectable.
        global _gc_frozen
        if not _gc_frozen:
            _gc_frozen = True
            gc.freeze()
        return super().run(*args, **kwargs)  # the result of exit() (snapshot tests use it)

    def get_default_screen(self) -> Screen[Any]:
        """The main screen is the first screen (Textual's hook for it), so it is composed
        with the app and its first frame is the app's first: pushed from on_mount, it was
        composed inside the app's start-up batch and that frame was dropped unseen."""
        from screens.main import MainScreen

        return MainScreen()

    def on_mount(self) -> None:
        for problem in self.theme_problems:
            self.notify(problem, severity="warning")
        apply_keymap(self, self.launch.keymap)
        if self._service is not None:
            self.post_message(SessionReady())

    def start_session(self) -> None:
        """Open the session, once: called when the first frame is on screen (with the
        remembered rows, when there are some). Not sooner: the session's thread (the embedded
        sandbox's imports and data) would hold the GIL while that frame is being built."""
        if self._service is None and not self._session_started:
            self._session_started = True
            self.open_session()

    @work(thread=True, exclusive=True, group="session", exit_on_error=False)
    def open_session(self) -> None:
        """Resolve the profile, starting the embedded sandbox when it is the one to use."""
        from console.api import default_journal, open_session

        session = open_session(
            self.launch.profile,
            sandbox=self.launch.sandbox,
            read_only=True if self.launch.read_only else None,
        )
        self.call_from_thread(self._session_opened, session, default_journal())

    def _session_opened(self, session: Any, journal: Any) -> None:
        from console.service.service import Service

        self._session = session
        self._service = Service(session.profile, journal=journal)
        self.post_message(SessionReady())

    def on_session_ready(self, message: SessionReady) -> None:
        for screen in self.screen_stack:
            screen.post_message(SessionReady())

    async def switch_profile(self, name: str | None, *, sandbox: bool | None = None) -> None:
        """Close the current session and open another profile's."""
        await self._close_session()
        self.launch.profile = name
        self.launch.sandbox = sandbox
        self.open_session()

    async def _close_session(self) -> None:
        if self._service is not None:
            await self._service.aclose()
            if self._service.journal is not None:
                self._service.journal.close()
            self._service = None
        if self._session is not None:
            self._session.close()
            self._session = None

    async def action_quit(self) -> None:
        if self.launch.remember:
            self.ui_state.theme = self.theme
            self.ui_state.save()
        await self._close_session()
        self.exit()

    # -- the service -------------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        return self._service is not None

    @property
    def service(self) -> Service:
        if self._service is None:
            raise ConsoleError("The session is still opening.")
        return self._service

    @property
    def read_only(self) -> bool:
        return bool(self._service and self._service.read_only) or self.launch.read_only

    def set_read_only(self, on: bool) -> None:
        if self._service is not None:
            self._service.read_only = on
        self.launch.read_only = on
        self.screen.refresh_bindings()
        for screen in self.screen_stack:
            screen.post_message(ReadOnlyChanged(on))

    @property
    def profile_name(self) -> str:
        return self._service.profile.name if self._service else (self.launch.profile or "…")

    @property
    def on_sandbox(self) -> bool:
        return bool(self._service and self._service.profile.sandbox)

    async def call(self, endpoint_id: str, inputs: Any = None, **kw: Any) -> CallResult:
        return await self.service.call(endpoint_id, inputs, **kw)

    # -- errors --------------------------------------------------------------------------------

    def report_error(self, error: BaseException, *, context: str = "") -> None:
        """The one place a failure becomes a notification (never a crash)."""
        if isinstance(error, VendorError):
            from widgets.form_panels import error_lines

            lines = error_lines(
                message=error.message,
                vendor=error.vendor,
                status=error.status,
                code=error.code,
                field=error.field,
                request_id=error.request_id,
            )
            title = error.title
        elif isinstance(error, ConsoleError):
            lines, title = [error.message], error.title
        else:
            log.exception("unexpected error", exc_info=error)
            lines, title = [f"{type(error).__name__}: {error}"], "Unexpected error"
        if context:
            title = f"{title} — {context}"
        self.notify("\n".join(lines), title=title, severity="error", timeout=10)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.report_error(event.worker.error)

    # -- actions -------------------------------------------------------------------------------

    def action_vendor(self, vendor: str) -> None:
        from screens.main import MainScreen

        if isinstance(self.screen, MainScreen):
            self.screen.show_vendor(vendor)

    def action_command_palette(self) -> None:
        """Textual's palette, as our subclass (`screens/palette_screen.py`)."""
        from textual.command import CommandPalette

        from screens.palette_screen import ConsolePalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(ConsolePalette(id="--command-palette"))

    def action_help(self) -> None:
        from screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def action_command_line(self) -> None:
        from screens.command_line import CommandLine

        yield_to_text_field(self)
        self.push_screen(CommandLine())

    def action_journal(self) -> None:
        from screens.journal import JournalScreen

        self._push_once(JournalScreen)

    def action_profiles(self) -> None:
        from screens.profiles import ProfilesScreen

        self._push_once(ProfilesScreen)

    def action_firehose(self) -> None:
        from screens.firehose import FirehoseScreen

        self._push_once(FirehoseScreen)

    def _push_once(self, screen_type: type[Screen[Any]]) -> None:
        """Open a screen, or go back to it when it is already open (F3 twice is one journal)."""
        for index, screen in enumerate(self.screen_stack):
            if isinstance(screen, screen_type):
                for above in reversed(self.screen_stack[index + 1 :]):
                    above.dismiss()
                return
        self.push_screen(screen_type())

    def open_form(self, endpoint_id: str, prefill: dict[str, Any] | None = None) -> None:
        """Open an endpoint's form (from the palette or the command line)."""
        from screens.form import FormScreen

        self.push_screen(FormScreen(endpoint_id, prefill=prefill or {}))


class ReadOnlyChanged(Message, bubble=False):
    def __init__(self, on: bool) -> None:
        super().__init__()
        self.on = on
