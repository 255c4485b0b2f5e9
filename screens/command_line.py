"""The k9s-style command line: `:` opens a one-line input at the bottom of the screen.

It takes the palette's own commands (`screens/palette.py`) by their command-line words:
list names (`:contacts`, `:deals`, `:trackers`, `:buttons`, `:accounts`, ...), vendor names
(`:zendesk_sell`), every endpoint id (`:zendesk_sell.createContact` opens its form) and the
app commands (`:q`, `:help`, `:journal`, `:firehose`, `:profiles`, `:theme NAME`,
`:ro on|off`, `:profile NAME`). Completion is inline (a Textual `Suggester`); the line
above the input lists what else matches. Unknown input says so and stays open.

| Key    | Fallback | Action                            | Binding id            |
|--------|----------|-----------------------------------|-----------------------|
| tab    | right    | accept the completion             | command_line.complete |
| enter  |          | run                               |                       |
| escape |          | close                             | command_line.close    |
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static

from screens.palette import Command, app_commands, endpoint_commands


class CommandTable:
    """Command-line words -> commands (case-insensitive), in completion order."""

    def __init__(self, commands: Iterable[Command]) -> None:
        self.words: list[str] = []
        self._by_word: dict[str, Command] = {}
        for command in commands:
            for word in command.words:
                if word.lower() not in self._by_word:
                    self._by_word[word.lower()] = command
                    self.words.append(word)

    @classmethod
    def for_app(cls, app: Any) -> CommandTable:
        # App commands and lists before the ~250 endpoint ids, so `:c` completes `contacts`.
        app_side = sorted(app_commands(app), key=lambda c: len(c.words[0]) if c.words else 0)
        return cls([*app_side, *endpoint_commands(app)])

    def get(self, text: str) -> Command | None:
        return self._by_word.get(normalize(text).lower())

    def matches(self, text: str) -> list[str]:
        """Words starting with the text, then words containing it."""
        query = normalize(text).lower()
        if not query:
            return []
        starts = [w for w in self.words if w.lower().startswith(query)]
        within = [w for w in self.words if query in w.lower() and w not in starts]
        return starts + within

    def complete(self, text: str) -> str | None:
        query = normalize(text).lower() + (" " if text.endswith(" ") else "")
        if not query.strip():
            return None
        return next((w for w in self.words if w.lower().startswith(query)), None)

    def choices_of(self, text: str) -> list[str]:
        """For `theme xyz`: the words sharing the first part (`theme crm-dark`, ...)."""
        head = normalize(text).lower().split(" ")[0]
        return [w for w in self.words if w.lower().startswith(head + " ")]


def fit_names(names: list[str], width: int) -> str:
    """As many names as fit the line, then how many more match."""
    line = ""
    for count, name in enumerate(names):
        longer = f"{line} · {name}" if line else name
        rest = len(names) - count - 1
        if line and len(longer) + (len(f" (+{rest})") if rest else 0) > width:
            return f"{line} (+{rest + 1})"
        line = longer
    return line


def normalize(text: str) -> str:
    return " ".join(text.strip().removeprefix(":").split())


class CommandSuggester(Suggester):
    def __init__(self, table: CommandTable) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.table = table

    async def get_suggestion(self, value: str) -> str | None:
        if value.startswith((":", " ")) or "  " in value:
            return None  # only complete a plainly typed prefix, so the shown tail lines up
        return self.table.complete(value)


class CommandLine(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="command_line.close"),
        Binding("tab", "complete", "Complete", id="command_line.complete"),
    ]
    DEFAULT_CSS = """
    CommandLine { align: left bottom; }
    CommandLine > Vertical {
        dock: bottom; height: auto; background: $panel; padding: 0 1;
    }
    CommandLine #cmd-hint { color: $text-muted; height: 1; }
    CommandLine #cmd-hint.error { color: $text-error; text-style: bold; }
    CommandLine Horizontal { height: 1; }
    CommandLine #cmd-prompt { width: 2; color: $text-accent; text-style: bold; }
    CommandLine Input { border: none; height: 1; padding: 0; width: 1fr; background: $panel; }
    CommandLine Input:focus { border: none; background-tint: $foreground 0%; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.table = CommandTable([])

    def compose(self) -> ComposeResult:
        self.table = CommandTable.for_app(self.app)
        with Vertical():
            yield Static(self._idle_hint(), id="cmd-hint")
            with Horizontal():
                yield Label(":", id="cmd-prompt")
                yield Input(
                    placeholder="contacts, journal, theme crm-light, zendesk_sell.createContact…",
                    suggester=CommandSuggester(self.table),
                    id="cmd",
                )

    def on_mount(self) -> None:
        self.query_one("#cmd", Input).focus()

    @staticmethod
    def _idle_hint() -> str:
        return "Tab completes · Enter runs · Esc closes · :help :journal :q"

    def hint(self, text: str, *, error: bool = False) -> None:
        widget = self.query_one("#cmd-hint", Static)
        widget.update(text)
        widget.set_class(error, "error")

    @on(Input.Changed, "#cmd")
    def _typed(self, event: Input.Changed) -> None:
        found = self.table.matches(event.value)
        if not normalize(event.value):
            self.hint(self._idle_hint())
        elif not found:
            self.hint(f"nothing matches {normalize(event.value)!r}", error=True)
        else:
            self.hint(fit_names(found, self.app.size.width - 2))

    @on(Input.Submitted, "#cmd")
    def _submitted(self, event: Input.Submitted) -> None:
        self.run_text(event.value)

    def run_text(self, text: str) -> bool:
        """Run the command the text names; say what is wrong and stay open if none."""
        if not normalize(text):
            self.dismiss(None)
            return False
        command = self.table.get(text)
        if command is None:
            choices = self.table.choices_of(text)
            head = normalize(text).split(" ")[0]
            if choices:
                names = ", ".join(c.split(" ", 1)[1] for c in choices)
                self.hint(f"{head} takes one of: {names}", error=True)
            else:
                self.hint(f"Unknown command: {normalize(text)} (Tab completes, :help)", error=True)
            return False
        self.dismiss(None)
        self.app.call_later(command.run)
        return True

    def action_complete(self) -> None:
        field = self.query_one("#cmd", Input)
        word = self.table.complete(field.value)
        if word is not None:
            field.value = word
            field.cursor_position = len(word)

    def action_close(self) -> None:
        self.dismiss(None)
