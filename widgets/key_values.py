"""A record's fields as aligned `label  value` lines, nested objects flattened with dots."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

MAX_VALUE = 400  # characters of one value shown; the rest is one keystroke away (copy JSON)


def flatten(record: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and value and key != "attributes":
            yield from flatten(value, name + ".")
        elif key == "attributes" and isinstance(value, Mapping):
            continue  # Salesforce's type/url bookkeeping
        else:
            yield name, value


def show_value(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        text = ", ".join(show_value(v) if not isinstance(v, dict) else str(v) for v in value)
    else:
        text = str(value)
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE] + "…"


class KeyValues(Static):
    """Renders one record. `hidden` names fields left out (e.g. noisy internals)."""

    DEFAULT_CSS = """
    KeyValues { height: auto; }
    """

    def __init__(self, *, hidden: Iterable[str] = (), id: str | None = None) -> None:
        super().__init__("", id=id)
        self.hidden = set(hidden)

    def show(self, record: Mapping[str, Any]) -> None:
        table = Table.grid(padding=(0, 1))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for name, value in flatten(record):
            if name in self.hidden or name.split(".")[0] in self.hidden:
                continue
            shown = show_value(value)
            table.add_row(name, Text(shown, style="dim" if shown == "—" else ""))
        self.update(table)
