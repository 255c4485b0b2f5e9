"""What reached a sandbox server, so a test can count exactly what was sent."""

from __future__ import annotations

import itertools
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from typing import Any

_SECRET_HEADERS = {"authorization", "app-token", "cookie", "x-api-key"}


@dataclass(slots=True)
class LoggedRequest:
    seq: int
    time: float
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: str
    status: int | None = None
    fault: str | None = None
    duration_ms: float | None = None
    request_id: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _mask(name: str, value: str) -> str:
    """Credentials are logged as their scheme only (`Bearer ***`), never any part of them."""
    if name.lower() not in _SECRET_HEADERS:
        return value
    scheme, _, rest = value.partition(" ")
    return f"{scheme} ***" if rest else "***"


class RequestLog:
    def __init__(self, maxlen: int = 5000) -> None:
        self._entries: deque[LoggedRequest] = deque(maxlen=maxlen)
        self._seq = itertools.count(1)

    def add(
        self, method: str, path: str, query: str, headers: dict[str, str], body: bytes, rid: str
    ) -> LoggedRequest:
        entry = LoggedRequest(
            seq=next(self._seq),
            time=time.time(),
            method=method,
            path=path,
            query=query,
            headers={k: _mask(k, v) for k, v in headers.items()},
            body=body[:8192].decode("utf-8", "replace"),
            request_id=rid,
        )
        self._entries.append(entry)
        return entry

    def entries(
        self, *, method: str | None = None, path: str | None = None, since: int = 0
    ) -> list[LoggedRequest]:
        out = []
        for e in self._entries:
            if e.seq <= since:
                continue
            if method and e.method != method.upper():
                continue
            if path and not e.path.startswith(path):
                continue
            out.append(e)
        return out

    def to_json(self, **filters: Any) -> dict[str, Any]:
        items = [asdict(e) for e in self.entries(**filters)]
        return {"count": len(items), "requests": items}

    def clear(self) -> None:
        self._entries.clear()
