"""What a form shows about its last attempt: a problem or vendor error, and a raw response.

`OutcomePanel` holds one message at a time: the vendor's error (title; code, status and
vendor; message; field; request id), a refusal (read-only mode), or a count of fields to fix.
`RawResponseView` shows a raw request's answer: status, headers and the body pretty-printed.
Both are pure display: the screen hands them what to show.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

Tone = Literal["error", "warning", "info"]


class OutcomePanel(VerticalScroll):
    DEFAULT_CSS = """
    OutcomePanel {
        height: auto; max-height: 8; display: none; padding: 0 1;
        border-left: thick $error; background: $error 12%;
    }
    OutcomePanel.-shown { display: block; }
    OutcomePanel.-warning { border-left: thick $warning; background: $warning 12%; }
    OutcomePanel.-info { border-left: thick $primary; background: $primary 12%; }
    OutcomePanel > #outcome-title { text-style: bold; color: $error; }
    OutcomePanel.-warning > #outcome-title { color: $warning; }
    OutcomePanel.-info > #outcome-title { color: $primary; }
    OutcomePanel > #outcome-body { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self.title = ""
        self.lines: list[str] = []

    def compose(self) -> Any:
        yield Static("", id="outcome-title", markup=False)
        yield Static("", id="outcome-body", markup=False)

    def show(self, title: str, lines: Sequence[str] = (), *, tone: Tone = "error") -> None:
        self.title, self.lines = title, [line for line in lines if line]
        self.query_one("#outcome-title", Static).update(title)
        self.query_one("#outcome-body", Static).update("\n".join(self.lines))
        self.set_class(tone == "warning", "-warning")
        self.set_class(tone == "info", "-info")
        self.add_class("-shown")
        self.scroll_home(animate=False)

    def clear(self) -> None:
        self.title, self.lines = "", []
        self.remove_class("-shown")

    @property
    def text(self) -> str:
        return "\n".join([self.title, *self.lines]) if self.title else ""


def error_lines(
    *,
    message: str,
    vendor: str = "",
    status: int | None = None,
    code: str | None = None,
    field: str | None = None,
    request_id: str | None = None,
) -> list[str]:
    """The lines a support agent quotes to a vendor, in a fixed order."""
    meta = [part for part in (vendor, str(status) if status else "") if part]
    lines = [message]
    if code:
        lines.append(f"code {code}" + (f"  ·  {' '.join(meta)}" if meta else ""))
    elif meta:
        lines.append(" ".join(meta))
    if field:
        lines.append(f"field {field}")
    if request_id:
        lines.append(f"request id {request_id}")
    return lines


class RawResponseView(Vertical):
    DEFAULT_CSS = """
    RawResponseView { height: auto; display: none; border-top: solid $primary; }
    RawResponseView.-shown { display: block; }
    RawResponseView > #raw-status { text-style: bold; }
    RawResponseView > #raw-status.-ok { color: $success; }
    RawResponseView > #raw-status.-bad { color: $error; }
    RawResponseView > #raw-headers { color: $text-muted; height: auto; }
    RawResponseView > #raw-body { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.status: int | None = None
        self.body_text = ""

    def compose(self) -> Any:
        yield Static("", id="raw-status", markup=False)
        yield Static("", id="raw-headers", markup=False)
        yield Static("", id="raw-body", markup=False)

    def show(self, status: int, headers: Mapping[str, str], body: Any) -> None:
        self.status = status
        line = self.query_one("#raw-status", Static)
        line.set_class(200 <= status < 300, "-ok")
        line.set_class(not 200 <= status < 300, "-bad")
        line.update(f"Response: HTTP {status}")
        self.query_one("#raw-headers", Static).update(
            "\n".join(f"{k}: {v}" for k, v in sorted(headers.items()))
        )
        self.body_text = pretty_body(body)
        self.query_one("#raw-body", Static).update(self.body_text or "(empty body)")
        self.add_class("-shown")

    def clear(self) -> None:
        self.status, self.body_text = None, ""
        self.remove_class("-shown")


def pretty_body(body: Any) -> str:
    if body is None or body == "":
        return ""
    if isinstance(body, (dict, list)):
        return json.dumps(body, indent=2, ensure_ascii=False, default=str)
    if isinstance(body, str):
        try:
            return json.dumps(json.loads(body), indent=2, ensure_ascii=False)
        except ValueError:
            return body
    return str(body)
