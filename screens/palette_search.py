"""The palette's search, done in place: Textual's own scores and highlights, each built once.

Textual's palette asks every provider for fresh hits on each keystroke (an async gather
worker, a queue, a new matcher with an empty cache) and builds each hit's prompt again.
`PaletteSearch` gives the same hits, in the same order, from the commands our providers
list, and keeps for one opening of the palette:

- one `FuzzySearch`, so a (query, title) pair is scored once (backspace finds it cached);
- the matches of each query, so a longer query only tries what its prefix matched (a
  query's letters in order are also its prefix's letters in order);
- one option per (command, score, matched letters), so a hit seen again is the same
  `Option`: its prompt, its height and its rendered lines are already built.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.command import Command as CommandOption
from textual.command import DiscoveryHit, Hit
from textual.content import Content
from textual.fuzzy import FuzzySearch, Matcher
from textual.style import Style

from screens.palette import Command

# (provider, command) when discovered; (provider, command, score, offsets) when searched
OptionKey = tuple[int, int] | tuple[int, int, float, tuple[int, ...]]


class PaletteSearch:
    """Hits for a query over fixed lists of commands (one list per provider)."""

    def __init__(
        self, listed: Sequence[Sequence[Command]], match_style: Style | None, help_style: Style
    ) -> None:
        self._all = [
            (p, c, command)
            for p, commands in enumerate(listed)
            for c, command in enumerate(commands)
        ]
        self._match_style = match_style
        self._help_style = help_style
        self._fuzzy = FuzzySearch()
        self._matched: dict[str, list[tuple[int, int, Command]]] = {}
        self._options: dict[OptionKey, CommandOption] = {}

    def options(self, query: str) -> list[CommandOption]:
        """The options for the query, in the order Textual gathers them (not yet sorted).

        An empty query discovers every command, as `Provider.discover` does.
        """
        if not query:
            return [self._discovered(p, c, command) for p, c, command in self._all]
        return [self._searched(query, p, c, command) for p, c, command in self._matching(query)]

    def _discovered(self, p: int, c: int, command: Command) -> CommandOption:
        key = (p, c)
        if (option := self._options.get(key)) is None:
            hit = DiscoveryHit(command.title, command.run, help=command.help)
            option = self._options[key] = self._option(hit)
        return option

    def _searched(self, query: str, p: int, c: int, command: Command) -> CommandOption:
        score, offsets = self._fuzzy.match(query, command.title)
        key = (p, c, score, tuple(offsets))
        if (option := self._options.get(key)) is None:
            title = self._highlight(query, command.title)
            option = self._options[key] = self._option(
                Hit(score, title, command.run, help=command.help)
            )
        return option

    def _matching(self, query: str) -> list[tuple[int, int, Command]]:
        """The commands matching the query, in listing order."""
        key = query.lower()  # Textual's matcher is case-insensitive
        if (found := self._matched.get(key)) is not None:
            return found
        prefixes = (key[:n] for n in range(len(key) - 1, 0, -1))
        tried = next((self._matched[p] for p in prefixes if p in self._matched), self._all)
        found = [entry for entry in tried if self._fuzzy.match(query, entry[2].title)[0] > 0]
        self._matched[key] = found
        return found

    def _highlight(self, query: str, title: str) -> Content:
        matcher = Matcher(query, match_style=self._match_style)
        matcher.fuzzy_search = self._fuzzy  # already holds this query's match of the title
        return matcher.highlight(title)

    def _option(self, hit: DiscoveryHit | Hit) -> CommandOption:
        """The option showing a hit, its prompt built as Textual's palette builds it."""
        lines = [Content.from_markup(hit.prompt)]  # type: ignore[arg-type]  # str or Content
        if hit.help:
            lines.append(Content.from_markup(hit.help).stylize_before(self._help_style))
        return CommandOption(Content("\n").join(lines), hit)
