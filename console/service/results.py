"""What a service call returns: the typed data plus what the exchange looked like."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from console.catalog.endpoint import Endpoint
from console.errors import ConsoleError


def jsonable(value: Any) -> Any:
    """Models, lists and results as plain JSON data."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_none=False)
    if isinstance(value, ItemResult):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value


@dataclass(slots=True)
class ItemResult:
    """The outcome of one input of a batched call, at its input position."""

    index: int
    ok: bool
    output: Any = None
    error: ConsoleError | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "ok": self.ok,
            "output": jsonable(self.output),
            "error": self.error.to_dict() if self.error else None,
        }


@dataclass(slots=True)
class CallResult:
    endpoint: Endpoint
    data: Any
    status: int | None = None
    request_ids: list[str] = field(default_factory=list)
    requests: int = 0
    latency_ms: float = 0.0
    limit_info: dict[str, str] = field(default_factory=dict)
    total: int | None = None
    next: Any = None
    pages: int = 0

    @property
    def request_id(self) -> str | None:
        return self.request_ids[-1] if self.request_ids else None

    @property
    def items(self) -> list[ItemResult]:
        return (
            [x for x in self.data if isinstance(x, ItemResult)]
            if isinstance(self.data, list)
            else []
        )

    @property
    def failures(self) -> list[ItemResult]:
        return [x for x in self.items if not x.ok]

    @property
    def ok(self) -> bool:
        return not self.failures

    def to_jsonable(self) -> Any:
        return jsonable(self.data)
