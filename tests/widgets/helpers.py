"""A tiny app around one RecordTable, deterministic rows, and readers for what it paints."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip

from widgets.record_columns import Column
from widgets.record_table import RecordTable

FIRST = ("Ada", "Bea", "Cyd", "Dov", "Eli", "Fay", "Gus", "Hal", "Ida", "Jon", "Kai")
LAST = ("Smith", "Stone", "Acker", "Nguyen", "Okafor", "Berg", "Costa")
COMPANIES = ("Acme Corp", "Globex", "Initech", "Umbrella", "Hooli", "Acme Labs", "Vandelay")
CITIES = ("Lisbon", "Oslo", "Quito", "Accra", "Perth")
STATUSES = ("open", "won", "lost")

COLUMNS = (
    Column("id", width=6, align="right"),
    Column("name", max_width=16),
    Column("email", max_width=26),
    Column("company", max_width=14),
    Column("city"),
    Column("status"),
    Column("value", align="right"),
)


def make_rows(count: int, start: int = 1) -> list[dict[str, Any]]:
    """Deterministic contact-like rows; ids from `start`."""
    rows = []
    for n in range(start, start + count):
        first, last = FIRST[n % len(FIRST)], LAST[(n // 3) % len(LAST)]
        company = COMPANIES[(n * 5) % len(COMPANIES)]
        domain = company.lower().replace(" ", "")
        rows.append(
            {
                "id": n,
                "name": f"{first} {last}",
                "email": f"{first.lower()}.{last.lower()}{n}@{domain}.com",
                "company": company,
                "city": CITIES[(n * 3) % len(CITIES)],
                "status": STATUSES[n % len(STATUSES)],
                "value": (n * 7919) % 10_000,
            }
        )
    return rows


def naive_filter(rows: list[dict[str, Any]], text: str) -> list[int]:
    """Ids of rows whose displayed cells contain `text`, the slow obvious way."""
    needle = text.lower()
    keys = [column.key for column in COLUMNS]
    return [
        row["id"]
        for row in rows
        if any(needle in ("" if row[k] is None else str(row[k])).lower() for k in keys)
    ]


class TableApp(App[None]):
    """One focused RecordTable filling the screen; records every message it posts."""

    def __init__(self, rows: list[dict[str, Any]] | None = None, **options: Any) -> None:
        super().__init__()
        self.rows = rows if rows is not None else make_rows(40)
        self.options = options
        self.messages: list[Message] = []

    def compose(self) -> ComposeResult:
        self.options.setdefault("columns", COLUMNS)
        yield RecordTable(**self.options)

    def on_mount(self) -> None:
        table = self.query_one(RecordTable)
        table.add_rows(self.rows)
        table.focus()

    @property
    def table(self) -> RecordTable:
        return self.query_one(RecordTable)

    def on_record_table_row_highlighted(self, message: RecordTable.RowHighlighted) -> None:
        self.messages.append(message)

    def on_record_table_row_selected(self, message: RecordTable.RowSelected) -> None:
        self.messages.append(message)

    def on_record_table_marks_changed(self, message: RecordTable.MarksChanged) -> None:
        self.messages.append(message)

    def on_record_table_counts_changed(self, message: RecordTable.CountsChanged) -> None:
        self.messages.append(message)

    def of(self, kind: type[Message]) -> list[Any]:
        return [m for m in self.messages if type(m) is kind]


def painted(table: RecordTable) -> list[Strip]:
    """The lines the table paints now (header first), minus any under a scrollbar."""
    width, height = table.scrollable_content_region.size
    return table.render_lines(Region(0, 0, width, height))


def painted_text(table: RecordTable) -> list[str]:
    return [strip.text for strip in painted(table)]


def styled_spans(strip: Strip, style: Style) -> list[str]:
    """Texts of the segments in `strip` painted with `style`'s background colour."""
    return [seg.text for seg in strip if seg.style and seg.style.bgcolor == style.bgcolor]
