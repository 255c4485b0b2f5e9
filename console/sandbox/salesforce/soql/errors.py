"""SOQL errors, rendered the way Salesforce points at the offending spot in the query."""

from __future__ import annotations


class SoqlError(Exception):
    """A query Salesforce would refuse with HTTP 400 and this error code."""

    def __init__(self, code: str, message: str, query: str = "", offset: int | None = None):
        super().__init__(message)
        self.code = code
        self.detail = message
        self.query = query
        self.offset = offset

    def at(self, query: str, offset: int | None) -> SoqlError:
        """The same error, located in `query` (kept when already located)."""
        if self.offset is None and offset is not None:
            self.query, self.offset = query, offset
        return self

    def render(self) -> str:
        """`\\n<line>\\n   ^\\nERROR at Row:R:Column:C\\n<message>`, as Salesforce writes it."""
        if self.offset is None or not self.query:
            return self.detail
        before = self.query[: self.offset]
        row = before.count("\n") + 1
        column = self.offset - (before.rfind("\n") + 1) + 1
        line = self.query.split("\n")[row - 1]
        caret = " " * (column - 1) + "^"
        return f"\n{line}\n{caret}\nERROR at Row:{row}:Column:{column}\n{self.detail}"


def malformed(message: str, offset: int | None = None, query: str = "") -> SoqlError:
    return SoqlError("MALFORMED_QUERY", message, query, offset)
