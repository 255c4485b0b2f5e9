"""Command palette providers: every catalog endpoint, and every app command.

`EndpointCommands` lists each endpoint by its palette title (e.g. "Zendesk Sell: Create
Contact") and opens its form, prefilled from the current selection where the fields fit.
`AppCommands` covers tabs, lists, themes, profiles, read-only mode, screens and quitting.

Each `Command` also carries its `words`: how it is typed on the k9s-style command line
(`:contacts`, `:theme crm-light`, `:zendesk_sell.createContact`), so the palette and the
command line share one command table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.style import Style


@dataclass(frozen=True, slots=True)
class Command:
    """One palette entry: what it says, what it does, and a line of help."""

    title: str
    run: Callable[[], Any]
    help: str = ""
    words: tuple[str, ...] = ()  # command-line spellings; the first is the one completed
    palette: bool = True  # False: only the command line offers it


def endpoint_commands(app: Any) -> Iterator[Command]:
    from console.catalog import all_endpoints

    read_only = bool(getattr(app, "read_only", False))
    for ep in all_endpoints():
        note = " (refused: read-only)" if read_only and ep.mutating else ""
        yield Command(
            ep.palette_title,
            partial(open_endpoint, app, ep.id),
            f"{ep.id} — {ep.description or ep.method + ' ' + ep.path}{note}",
            words=(ep.id,),
        )


def open_endpoint(app: Any, endpoint_id: str) -> None:
    prefill = {}
    screen = app.screen
    context = getattr(screen, "selection_context", None)
    if callable(context):
        prefill = context(endpoint_id)
    app.open_form(endpoint_id, prefill)


def app_commands(app: Any) -> Iterator[Command]:
    from screens.specs import vendor_specs

    for vendor in vendor_specs():
        yield Command(
            f"Go to {vendor.title}",
            partial(app.action_vendor, vendor.vendor),
            "Switch the vendor tab",
            words=(vendor.vendor,),
        )
        for spec in vendor.lists:
            yield Command(
                f"Go to {vendor.title}: {spec.title}",
                partial(_show_list, app, spec.id),
                f"Open the {spec.title.lower()} list",
                words=(spec.id.split(".", 1)[1], spec.id),
            )
    for name in sorted(app.available_themes):
        if name.startswith("crm-") or name in ("textual-dark", "textual-light"):
            yield Command(
                f"Theme: {name}",
                partial(setattr, app, "theme", name),
                "Change the colours",
                words=(f"theme {name}",),
            )
    # The palette offers the switch that changes something; the command line takes both.
    yield Command(
        "Read-only: off",
        partial(app.set_read_only, False),
        "Allow calls that change data again",
        words=("ro off",),
        palette=bool(app.read_only),
    )
    yield Command(
        "Read-only: on",
        partial(app.set_read_only, True),
        "Refuse every call that changes data",
        words=("ro on",),
        palette=not app.read_only,
    )
    yield from _profile_commands(app)
    yield Command(
        "Journal", app.action_journal, "Recent calls, filterable (F3)", words=("journal",)
    )
    yield Command(
        "Firehose live tail",
        app.action_firehose,
        "Zendesk Sell streams (F5)",
        words=("firehose",),
    )
    yield Command(
        "Profiles",
        app.action_profiles,
        "Add, test and switch profiles (F4)",
        words=("profiles",),
    )
    yield Command(
        "Help", app.action_help, "Every key of the current screen (? or F1)", words=("help",)
    )
    yield Command("Quit", app.action_quit, "Leave crm-console (Ctrl+Q or F10)", words=("q", "quit"))


def _profile_commands(app: Any) -> Iterator[Command]:
    from console.config.store import profile_names

    try:
        names = profile_names()
    except Exception:  # a broken config must not break the palette
        names = []
    for name in names:
        yield Command(
            f"Profile: {name}",
            partial(_switch, app, name),
            "Switch to this profile",
            words=(f"profile {name}",),
        )
    if "sandbox" not in names:
        yield Command(
            "Profile: sandbox",
            partial(_switch, app, None, sandbox=True),
            "The embedded loopback sandbox",
            words=("profile sandbox",),
        )


def _switch(app: Any, name: str | None, *, sandbox: bool | None = None) -> None:
    app.run_worker(app.switch_profile(name, sandbox=sandbox), exclusive=True, group="session")


def _show_list(app: Any, list_id: str) -> None:
    from screens.main import MainScreen

    if isinstance(app.screen, MainScreen):
        app.run_worker(app.screen.show_list(list_id), exit_on_error=False)


class ListedProvider(Provider):
    """Lists its commands once per opening of the palette, not once per keystroke.

    Each opening makes new providers, and nothing the commands depend on (read-only mode,
    themes, profiles) can change while the modal palette is open: running a command closes
    it first. The console's own palette (`screens/palette_screen.py`) searches `listed()` in
    place; `discover` and `search` answer any stock `CommandPalette` the same way.
    """

    def __init__(self, screen: Screen[Any], match_style: Style | None = None) -> None:
        super().__init__(screen, match_style)
        self._listed: list[Command] | None = None

    def commands(self) -> list[Command]:
        raise NotImplementedError

    def listed(self) -> list[Command]:
        """The commands the palette offers, built on first use."""
        if self._listed is None:
            self._listed = [command for command in self.commands() if command.palette]
        return self._listed

    async def discover(self) -> Hits:
        for command in self.listed():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.listed():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)


class EndpointCommands(ListedProvider):
    def commands(self) -> list[Command]:
        return list(endpoint_commands(self.app))


class AppCommands(ListedProvider):
    def commands(self) -> list[Command]:
        return list(app_commands(self.app))
