"""Command palette providers: every catalog endpoint, and every app command.

`EndpointCommands` lists each endpoint by its palette title (e.g. "Zendesk Sell: Create
Contact") and opens its form, prefilled from the current selection where the fields fit.
`AppCommands` covers tabs, lists, themes, profiles, read-only mode, screens and quitting.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True, slots=True)
class Command:
    """One palette entry: what it says, what it does, and a line of help."""

    title: str
    run: Callable[[], Any]
    help: str = ""


def endpoint_commands(app: Any) -> Iterator[Command]:
    from console.catalog import all_endpoints

    read_only = bool(getattr(app, "read_only", False))
    for ep in all_endpoints():
        note = " (refused: read-only)" if read_only and ep.mutating else ""
        yield Command(
            ep.palette_title,
            partial(open_endpoint, app, ep.id),
            f"{ep.id} — {ep.description or ep.method + ' ' + ep.path}{note}",
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
        )
        for spec in vendor.lists:
            yield Command(
                f"Go to {vendor.title}: {spec.title}",
                partial(_show_list, app, spec.id),
                f"Open the {spec.title.lower()} list",
            )
    for name in sorted(app.available_themes):
        if name.startswith("crm-") or name in ("textual-dark", "textual-light"):
            yield Command(
                f"Theme: {name}", partial(setattr, app, "theme", name), "Change the colours"
            )
    if app.read_only:
        yield Command(
            "Read-only: off",
            partial(app.set_read_only, False),
            "Allow calls that change data again",
        )
    else:
        yield Command(
            "Read-only: on", partial(app.set_read_only, True), "Refuse every call that changes data"
        )
    yield from _profile_commands(app)
    yield Command("Journal", app.action_journal, "Recent calls, filterable (F3)")
    yield Command("Firehose live tail", app.action_firehose, "Zendesk Sell streams (F5)")
    yield Command("Profiles", app.action_profiles, "Add, test and switch profiles (F4)")
    yield Command("Help", app.action_help, "Every key of the current screen (? or F1)")
    yield Command("Quit", app.action_quit, "Leave crm-console (Ctrl+Q or F10)")


def _profile_commands(app: Any) -> Iterator[Command]:
    from console.config.store import profile_names

    try:
        names = profile_names()
    except Exception:  # a broken config must not break the palette
        names = []
    for name in names:
        yield Command(f"Profile: {name}", partial(_switch, app, name), "Switch to this profile")
    yield Command(
        "Profile: sandbox",
        partial(_switch, app, None, sandbox=True),
        "The embedded loopback sandbox",
    )


def _switch(app: Any, name: str | None, *, sandbox: bool | None = None) -> None:
    app.run_worker(app.switch_profile(name, sandbox=sandbox), exclusive=True, group="session")


def _show_list(app: Any, list_id: str) -> None:
    from screens.main import MainScreen

    if isinstance(app.screen, MainScreen):
        app.run_worker(app.screen.show_list(list_id), exit_on_error=False)


class _CommandProvider(Provider):
    def commands(self) -> list[Command]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for command in self.commands():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)


class EndpointCommands(_CommandProvider):
    def commands(self) -> list[Command]:
        return list(endpoint_commands(self.app))


class AppCommands(_CommandProvider):
    def commands(self) -> list[Command]:
        return list(app_commands(self.app))
