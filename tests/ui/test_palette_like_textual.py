"""ConsolePalette looks and behaves like Textual's own CommandPalette over the same commands:
the same screen after each query (hits, order, highlighted letters, help lines, scrollbar,
"No matches found"), typing forward and erasing; it fills its list in the key press; and a
provider that is not ours still gets Textual's gather worker."""

from __future__ import annotations

import html
from typing import Any, ClassVar

from textual.app import App
from textual.command import CommandInput, CommandList, CommandPalette, Hit, Hits, Provider
from textual.pilot import Pilot

from console.sandbox.server import EmbeddedSandbox
from screens.palette_screen import ConsolePalette
from tests.ui.conftest import MakeApp
from tests.ui.helpers import settle_focused, steady_cursor, wait_for

NO_MATCHES = CommandPalette._NO_MATCHES
KEYS = {" ": "space", ":": "colon"}


def keys(text: str) -> list[str]:
    return [KEYS.get(ch, ch) for ch in text]


def shows(palette: CommandPalette, query: str) -> bool:
    """The palette's search for the query is done and its list refreshed."""
    gathering = any(
        w.group == CommandPalette._GATHER_COMMANDS_GROUP and w.is_running for w in palette.workers
    )
    listed = palette.query_one(CommandList)
    if gathering or palette.query_one(CommandInput).value != query:
        return False
    if listed.option_count == 0 and query:  # Textual says so after half a second
        return False
    return palette.has_class("-ready")


def shared_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


async def screens_for(pilot: Pilot[Any], palette: CommandPalette, steps: list[str]) -> list[str]:
    """Open the palette, reach each query in turn (typing or erasing), screenshot each."""
    app = pilot.app
    await app.push_screen(palette)
    await wait_for(pilot, lambda: app.screen is palette and shows(palette, ""))
    shots = []
    for query in steps:
        typed = palette.query_one(CommandInput).value
        kept = shared_prefix(typed, query)
        await pilot.press(*["backspace"] * (len(typed) - kept), *keys(query[kept:]))
        await wait_for(pilot, lambda q=query: shows(palette, q))  # type: ignore[misc]
        steady_cursor(app)
        await pilot.pause()
        shots.append(app.export_screenshot())
    await pilot.press("escape")
    await wait_for(pilot, lambda: app.screen is not palette)
    return shots


async def test_each_query_shows_what_textuals_palette_shows(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    steps = ["", "zendesk sell: g", "zendesk", "pau", "pa", "c", "", "xyzzy", "x"]
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle_focused(pilot)
        theirs = await screens_for(pilot, CommandPalette(id="--command-palette"), steps)
        ours = await screens_for(pilot, ConsolePalette(id="--command-palette"), steps)
    for query, mine, textuals in zip(steps, ours, theirs, strict=True):
        assert mine == textuals, f"the palette differs from Textual's for {query!r}"
    assert "No matches found" in text(ours[steps.index("xyzzy")])
    assert "se Sales Cadence Tracker" in text(ours[steps.index("pau")])  # after "Pau", lit


def text(svg: str) -> str:
    return html.unescape(svg).replace("\xa0", " ")


async def test_ctrl_p_opens_ours_and_a_query_without_hits_says_so(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle_focused(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, ConsolePalette))
        listed = app.screen.query_one(CommandList)
        await pilot.press(*"qqq")
        assert ids(listed) == []  # Textual waits half a second before saying so
        await wait_for(pilot, lambda: ids(listed) == [NO_MATCHES])
        await pilot.press("backspace", "backspace", "backspace", *"pau")
        await wait_for(pilot, lambda: bool(ids(listed)) and NO_MATCHES not in ids(listed))
        top = str(listed.get_option_at_index(0).prompt)
        assert top.startswith("Salesforce: Pause Sales Cadence Tracker\n")
        await pilot.pause(0.6)  # the countdown started for "qqq" must not fire now
        assert NO_MATCHES not in ids(listed)


def ids(listed: CommandList) -> list[str | None]:
    return [option.id for option in listed.options]


async def test_the_list_holds_a_querys_results_as_soon_as_the_input_changes(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    """No frame can show a letter without its results: they are there before any paint."""
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle_focused(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, ConsolePalette))
        palette = app.screen
        listed = palette.query_one(CommandList)
        everything = listed.option_count
        palette.query_one(CommandInput).value = "pause"  # no await: no message handled yet
        top = str(listed.get_option_at_index(0).prompt)
        assert top.startswith("Salesforce: Pause Sales Cadence Tracker\n")
        assert listed.highlighted == 0
        palette.query_one(CommandInput).value = ""
        assert listed.option_count == everything
        await pilot.pause()
        assert listed.option_count == everything  # the late Changed messages change nothing


class Elsewhere(Provider):
    """A provider that only answers `search` (not one of ours)."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        if matcher.match("Elsewhere: ping") > 0:
            yield Hit(1.0, matcher.highlight("Elsewhere: ping"), lambda: None)


class ForeignApp(App[None]):
    COMMANDS: ClassVar[set[Any]] = {Elsewhere}

    def action_command_palette(self) -> None:
        self.push_screen(ConsolePalette(id="--command-palette"))


async def test_another_provider_is_searched_by_textuals_gather_worker() -> None:
    app = ForeignApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, ConsolePalette))
        listed = app.screen.query_one(CommandList)
        await pilot.press(*"ping")
        await wait_for(pilot, lambda: listed.option_count == 1)
        assert str(listed.get_option_at_index(0).prompt) == "Elsewhere: ping"
