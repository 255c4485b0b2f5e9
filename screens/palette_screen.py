"""The console's command palette: Textual's `CommandPalette`, searching in place.

What it shows and does is Textual's: the same hits in the same order (best first, ties in
the order the providers list them), the matched letters highlighted, the help lines,
"No matches found" half a second after a query without hits, Enter running the command.
What changes is when and how the list is filled, each keystroke costing one frame:

- The search runs as the input's value changes, inside the key press itself, so the typed
  letter and its results are painted together. Textual searches from the input's Changed
  message, in a gather worker, so the letter is painted first and the list a frame or two
  later (the screen paints at most once per 1/60 s, and the frame after a paint comes one
  to two frame periods later).
- Our providers list their commands once per opening; `PaletteSearch` scores and
  highlights them with Textual's fuzzy matcher, building each hit's option once
  (`screens/palette_search.py`), and `PaletteList` keeps the rendered lines of each option
  (`widgets/palette_list.py`).

Any other provider (one that only answers `search`) gets Textual's own gather worker.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.command import CommandInput, CommandList, CommandPalette, SearchIcon
from textual.containers import Horizontal, Vertical
from textual.style import Style
from textual.widgets import Button, Input, LoadingIndicator

from screens.palette import ListedProvider
from screens.palette_search import PaletteSearch
from widgets.palette_list import PaletteList


class ConsolePalette(CommandPalette):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._search: PaletteSearch | None = None
        self._shown: str | None = None  # the query the list holds the results of

    def compose(self) -> ComposeResult:
        # Textual's layout (its CSS goes by these ids), with our list.
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield SearchIcon()
                yield CommandInput(placeholder=self._placeholder, select_on_focus=False)
                if not self.run_on_select:
                    yield Button("\u25b6")
            with Vertical(id="--results"):
                yield PaletteList()
                yield LoadingIndicator()

    def on_mount(self) -> None:
        self.watch(self.query_one(CommandInput), "value", self._typed, init=False)

    def _in_place(self) -> PaletteSearch | None:
        """The search over our providers' commands; None if another provider is involved."""
        if self._search is None and all(isinstance(p, ListedProvider) for p in self._providers):
            listed = [p.listed() for p in self._providers if isinstance(p, ListedProvider)]
            match_style = self._providers[0].match_style if self._providers else None
            help_style = Style.from_styles(self.get_component_styles("command-palette--help-text"))
            self._search = PaletteSearch(listed, match_style, help_style)
        return self._search

    def _typed(self, value: str) -> None:
        """The input changed: show its results now, in the same frame as the letter."""
        if not self._is_prevented(Input.Changed):  # not a selection filling the input in
            self._show(value.strip())

    def _show(self, query: str) -> None:
        search = self._in_place()
        if search is None:
            return
        self._refresh_command_list(self.query_one(CommandList), search.options(query), True)
        self._shown = query
        self.add_class("-ready")

    def _gather_commands(self, search_value: str) -> None:  # type: ignore[override]
        """Called on mount and for each input Changed message (Textual's `_input`)."""
        if self._in_place() is None:
            super()._gather_commands(search_value)
            return
        if search_value != self.query_one(CommandInput).value.strip():
            return  # a later keystroke already showed its own results
        if search_value != self._shown:
            self._show(search_value)
        if self.query_one(CommandList).option_count == 0:
            self._start_no_matches_countdown(search_value)
