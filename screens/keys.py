"""User keymaps: `[keys]` in config.toml maps binding ids to keys (Textual's set_keymap).

[keys]
"app.quit" = "ctrl+q,f10"
"list.filter" = "slash,ctrl+f"
"""

from __future__ import annotations

from typing import Any


def apply_keymap(app: Any, overrides: dict[str, str]) -> None:
    if overrides:
        app.set_keymap(dict(overrides))


def yield_to_text_field(app: Any) -> None:
    """Let a priority key typed inside a text field be text (`/`, `f`, `:` open things
    elsewhere, but in a field they are characters)."""
    from textual.actions import SkipAction
    from textual.widgets import Input, TextArea

    if isinstance(app.focused, Input | TextArea):
        raise SkipAction()
