"""Themes as data: each `*.toml` here becomes a Textual theme; `console.tcss` styles the app.

A theme file that fails to load is skipped with a warning (the app falls back to
`crm-dark`), so one bad edit never keeps the console from starting.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from textual.theme import Theme

HERE = Path(__file__).resolve().parent
DEFAULT_THEME = "crm-dark"
STYLESHEET = HERE / "console.tcss"
_FIELDS = {
    "primary", "secondary", "warning", "error", "success", "accent", "foreground",
    "background", "surface", "panel", "boost", "dark", "luminosity_spread", "text_alpha",
    "ansi", "variables",
}  # fmt: skip


def theme_from_file(path: Path) -> Theme:
    data = tomllib.loads(path.read_text())
    name = data.pop("name", path.stem)
    unknown = set(data) - _FIELDS
    if unknown:
        raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}")
    if "primary" not in data:
        raise ValueError(f"{path.name}: 'primary' is required")
    return Theme(name=name, **data)


@cache
def load_themes(folder: Path = HERE) -> tuple[tuple[Theme, ...], tuple[str, ...]]:
    """The themes that loaded, and a warning for each file that did not."""
    themes: list[Theme] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            themes.append(theme_from_file(path))
        except (OSError, ValueError, TypeError, tomllib.TOMLDecodeError) as exc:
            problems.append(f"theme {path.name} skipped: {exc}")
    return tuple(themes), tuple(problems)


def theme_names() -> list[str]:
    return [t.name for t in load_themes()[0]]
