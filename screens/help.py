"""Help: every key active on the screen it was opened from, grouped by where it comes from.

The focused widget's chain is read with Textual's `Screen.active_bindings` (after the user's
keymap), so a list's action keys (`zendesk_sell.contacts.edit`, ...) show under that list,
the table's keys under "table", and so on up to the screen and the app. A greyed line is a
key that exists but does nothing right now (read-only mode, nothing selected).

| Key        | Fallback | Action                         | Binding id   |
|------------|----------|--------------------------------|--------------|
| /          | ctrl+f   | search keys, descriptions, ids | help.search  |
| escape     | f1       | close                          | help.close   |
| up / down  |          | scroll                         |              |
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static


@dataclass(slots=True)
class KeyLine:
    """One binding: its keys (as shown), what it does, its id, and whether it works now."""

    keys: list[str]
    description: str
    binding_id: str
    enabled: bool
    tooltip: str = ""

    def matches(self, query: str) -> bool:
        text = " ".join([*self.keys, self.description, self.tooltip, self.binding_id]).lower()
        return query in text


@dataclass(slots=True)
class KeyGroup:
    title: str
    lines: list[KeyLine] = field(default_factory=list)


def group_title(node: DOMNode) -> str:
    """Where a binding comes from: a node's own `help_group`, or its class name in words."""
    own = getattr(node, "help_group", None)
    if isinstance(own, str) and own:
        return own
    if isinstance(node, App):
        return "app"
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", type(node).__name__).lower()
    return words.removesuffix(" widget")


def collect(screen: Screen[object]) -> list[KeyGroup]:
    """The active bindings of `screen`, innermost (the focused widget) first."""
    app = screen.app
    groups: dict[int, KeyGroup] = {}
    lines: dict[tuple[int, str], KeyLine] = {}
    for _key, active in screen.active_bindings.items():
        binding, node = active.binding, active.node
        group = groups.setdefault(id(node), KeyGroup(group_title(node)))
        ident = binding.id or f"{binding.action}|{binding.description}"
        shown = app.get_key_display(replace(binding, key_display=None))
        line = lines.get((id(node), ident))
        if line is None:
            description = binding.description or _describe(binding.action)
            tooltip = binding.tooltip if binding.tooltip != description else ""
            line = KeyLine([], description, binding.id or "", active.enabled, tooltip)
            lines[(id(node), ident)] = line
            group.lines.append(line)
        if shown not in line.keys:
            line.keys.append(shown)
        line.enabled = line.enabled or active.enabled
    return [g for g in groups.values() if g.lines]


def _describe(action: str) -> str:
    name = action.split(".")[-1].split("(")[0]
    return name.replace("_", " ").capitalize()


def render_groups(
    groups: list[KeyGroup], query: str = "", *, tooltips: bool = True
) -> tuple[Table, int]:
    """The groups as one table (a heading row per group); the number of keys shown."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, min_width=12)
    table.add_column(ratio=1)
    table.add_column(no_wrap=True, style="dim")
    query = query.strip().lower()
    count = 0
    for group in groups:
        lines = [ln for ln in group.lines if not query or ln.matches(query)]
        if query and not lines and query in group.title.lower():
            lines = group.lines
        if not lines:
            continue
        if count:
            table.add_row("", "", "")
        table.add_row(Text(group.title, style="bold underline"), "", "")
        for line in lines:
            style = "" if line.enabled else "dim"
            what = Text(line.description, style=style)
            if line.tooltip and tooltips:
                what.append(f" · {line.tooltip}", style="dim")
            if not line.enabled:
                what.append(" (not now)", style="dim italic")
            table.add_row(
                Text(", ".join(line.keys), style=f"bold {style}".strip()),
                what,
                line.binding_id or "—",
            )
            count += 1
    return table, count


WIDE = 110  # from this many columns each key's tooltip is shown after its description


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash,ctrl+f", "search", "Search", id="help.search", tooltip="Search the keys"),
        Binding("escape,f1", "close", "Close", id="help.close"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 100; max-width: 100%; height: 100%; max-height: 40;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    HelpScreen #help-title { text-style: bold; color: $text-primary; }
    HelpScreen #help-hint { color: $text-muted; }
    HelpScreen #help-search { display: none; margin: 1 0; }
    HelpScreen.searching #help-search { display: block; }
    HelpScreen #help-body { height: 1fr; }
    HelpScreen #help-body:focus { background-tint: $foreground 3%; }
    """

    def __init__(self, origin: Screen[object]) -> None:
        super().__init__()
        self.origin = origin
        self.groups = collect(origin)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Keys here: {self._where()}", id="help-title")
            yield Static("/ search · Esc close · ↑↓ scroll", id="help-hint")
            yield Input(
                placeholder="search keys, descriptions, ids", id="help-search", compact=True
            )
            with VerticalScroll(id="help-body", can_focus=True):
                yield Static(id="help-keys")

    def _where(self) -> str:
        """Where the keys come from, outermost first: `main screen > list: Contacts > ...`."""
        inner = [g.title for g in reversed(self.groups) if g.title != "app"]
        return " > ".join(inner) or "app"

    def on_mount(self) -> None:
        self.show_keys()
        self.query_one("#help-body").focus()

    def show_keys(self, query: str = "") -> int:
        wide = self.app.size.width >= WIDE  # room for each key's longer tooltip
        table, count = render_groups(self.groups, query, tooltips=wide)
        self.query_one("#help-keys", Static).update(
            table if count else f"No key matches {query!r}."
        )
        return count

    @on(Input.Changed, "#help-search")
    def _search(self, event: Input.Changed) -> None:
        self.show_keys(event.value)

    @on(Input.Submitted, "#help-search")
    def _searched(self) -> None:
        self.query_one("#help-body").focus()

    def action_search(self) -> None:
        self.add_class("searching")
        self.query_one("#help-search", Input).focus()

    def action_close(self) -> None:
        self.dismiss(None)
